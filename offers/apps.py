from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = "Jobaanbod en aanwerving"

    def ready(self):
        from offers import mail_events  # noqa: F401  (registers the offer mail events)
        from offers.answers import offers_waiting_for_reserve_validity
        from procedures.settings_check import register_check

        register_check(offers_waiting_for_reserve_validity)
