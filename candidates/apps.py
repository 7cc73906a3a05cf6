from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Kandidaten"

    def ready(self):
        from allauth.account.signals import email_confirmed

        from candidates import mail_events  # noqa: F401  (registers the candidate mail events)
        from candidates.bans import remember_confirmed_address

        # An address verified while a ban runs becomes one of the ban's keys (see candidates.bans).
        email_confirmed.connect(remember_confirmed_address, dispatch_uid="candidates.bans.remember_confirmed_address")
