from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = gettext_lazy("Jobaanbod en aanwerving")

    def ready(self):
        from candidates.portal.actions import register_portal_action
        from offers import mail_events  # noqa: F401  (registers the offer mail events)
        from offers.answers import offers_waiting_for_reserve_validity
        from offers.views import portal_action
        from procedures.settings_check import register_check

        register_check(offers_waiting_for_reserve_validity)
        # The candidate's application page: the offer's block comes after the intake's, before the jury's.
        register_portal_action("offer", portal_action, position=20)
