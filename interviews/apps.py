from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Gesprekken en beoordeling"

    def ready(self):
        from interviews import mail_events  # noqa: F401  (registers the intake booking mail events)
