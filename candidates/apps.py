from django.apps import AppConfig


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = "Kandidaten"

    def ready(self):
        from allauth.account.signals import email_changed, email_confirmed

        from candidates import mail_events  # noqa: F401  (registers the candidate mail events)
        from candidates.accounts import follow_the_account_address
        from candidates.bans import remember_confirmed_address

        # A new verified primary address: the candidate's address and their unsent mails follow it.
        email_changed.connect(follow_the_account_address, dispatch_uid="kats_follow_the_account_address")
        # An address verified while a ban runs becomes one of the ban's keys (see candidates.bans).
        email_confirmed.connect(remember_confirmed_address, dispatch_uid="candidates.bans.remember_confirmed_address")
