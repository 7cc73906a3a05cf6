"""What the werkbank keeps: each HR member's choice about the daily summary, and which summaries went out."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkbenchPreference(models.Model):
    """An HR member's own settings for the werkbank; a member without a row gets the daily summary."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="workbench_preference")
    daily_summary = models.BooleanField(
        _("dagelijkse samenvatting per mail"), default=True,
        help_text=_("Elke ochtend een mail met wat er op de werkbank wacht, alleen op dagen dat er iets wacht."))
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("voorkeur voor de werkbank")
        verbose_name_plural = _("voorkeuren voor de werkbank")

    def __str__(self):
        return str(self.user)


class DailySummary(models.Model):
    """The daily summary of one day for one HR member: at most one (the key that makes a second run a no-op)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("dag"))
    mail = models.ForeignKey("communications.Mail", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dagelijkse samenvatting")
        verbose_name_plural = _("dagelijkse samenvattingen")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_daily_summary_per_user_per_day")]

    def __str__(self):
        return f"{self.user} {self.day:%d/%m/%Y}"
