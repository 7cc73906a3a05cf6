from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """HR's dashboard and reports: reads every other app, nothing depends on it."""

    name = "reports"
    verbose_name = "Rapporten"
