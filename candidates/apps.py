from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Kandidaten"

    def ready(self):
        from allauth.account.signals import email_changed

        from candidates import mail_events  # noqa: F401  (registers the candidate mail events)
        from candidates.accounts import follow_the_account_address

        # A new verified primary address: the candidate's address and their unsent mails follow it.
        email_changed.connect(follow_the_account_address, dispatch_uid="kats_follow_the_account_address")
