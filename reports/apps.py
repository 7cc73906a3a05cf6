from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReportsConfig(AppConfig):
    """HR's dashboard and reports: reads every other app, nothing depends on it."""

    name = "reports"
    verbose_name = gettext_lazy("Rapporten")
