from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class WorkbenchConfig(AppConfig):
    """HR's werkbank, the pipeline per procedure, the staff's own worklist and the daily summary. It reads the
    domain apps; none of them knows it (it puts its filter on their admin lists itself)."""

    name = "workbench"
    verbose_name = gettext_lazy("Werkbank")

    def ready(self):
        from django.contrib import admin

        from workbench import mail_events  # noqa: F401  (registers the daily summary's mail event)
        from workbench.screens.work_filter import attach_work_filters

        attach_work_filters(admin.site)
