from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PayConfig(AppConfig):
    name = "pay"
    verbose_name = gettext_lazy("Verloning")

    def ready(self):
        # Procedures never imports pay: pay adds its parts to procedures' overview, seed and vacancy page.
        from pay.estimate import missing_pay_checks, public_estimate_url
        from pay.seed import seed_pay_scales
        from procedures.salary_link import register_salary_estimate
        from procedures.seeding import register_bundle_part
        from procedures.settings_check import register_check

        register_check(missing_pay_checks)
        register_bundle_part(seed_pay_scales)
        register_salary_estimate(public_estimate_url)
