from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Kandidaten"

    def ready(self):
        from candidates import mail_events  # noqa: F401  (registers the candidate mail events)
