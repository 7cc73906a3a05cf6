from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CommunicationsConfig(AppConfig):
    name = "communications"
    verbose_name = gettext_lazy("Communicatie")
