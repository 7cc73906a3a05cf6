from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Gesprekken en beoordeling"

    def ready(self):
        from candidates.portal.actions import register_portal_action
        from candidates.stages import Stage
        from candidates.transitions import on_leaving
        from interviews.intake import mail_events as intake_mails  # noqa: F401  (registers the intake's mail events)
        from interviews.intake.booking import release_booking_on_withdrawal
        from interviews.intake.capacity import seats_short_warning
        from interviews.intake.round_copy import copy_intake_policy
        from interviews.intake.screens.candidate import portal_action as intake_action
        from interviews.jury import mail_events as jury_mails  # noqa: F401  (registers the jury's mail events)
        from interviews.jury import rules  # noqa: F401  (registers the jury's django-rules permissions)
        from interviews.jury.screens.candidate import portal_actions as jury_actions
        from procedures.rounds import register_round_copy
        from procedures.settings_check import register_check

        on_leaving(Stage.INTAKE_INVITED, release_booking_on_withdrawal)
        register_round_copy(copy_intake_policy)
        register_check(seats_short_warning)
        # The candidate's application page: the intake's block first, the offer's (offers) next, then the jury's.
        register_portal_action("intake", intake_action, position=10)
        register_portal_action("jury", jury_actions, position=30)
