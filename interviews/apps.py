from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Gesprekken en beoordeling"

    def ready(self):
        from candidates.stages import Stage
        from candidates.transitions import on_leaving
        from interviews import mail_events  # noqa: F401  (registers the intake booking mail events)
        from interviews.booking import release_booking_on_withdrawal
        from interviews.intake_capacity import seats_short_warning
        from interviews.round_copy import copy_intake_policy
        from procedures.rounds import register_round_copy
        from procedures.settings_check import register_check

        on_leaving(Stage.INTAKE_INVITED, release_booking_on_withdrawal)
        register_round_copy(copy_intake_policy)
        register_check(seats_short_warning)
