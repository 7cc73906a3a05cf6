from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = "Functies en procedures"

    def ready(self):
        from procedures.pay import missing_pay_checks
        from procedures.settings_check import register_check

        register_check(missing_pay_checks)
