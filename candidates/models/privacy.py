"""The privacy of a candidate's data: a request to erase it, and how long it is kept per function."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models.applications import Candidate
from procedures.models import Function


class ErasureRequest(models.Model):
    """A candidate's request to erase their data (recht op gegevenswissing); HR handles it in the back office."""

    candidate = models.ForeignKey(Candidate, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="erasure_requests", verbose_name=_("kandidaat"))
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    handled_at = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("behandeld door"))

    class Meta:
        verbose_name = _("verzoek tot wissen")
        verbose_name_plural = _("verzoeken tot wissen")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # A double click or a second request while one is open leaves one open request.
            models.UniqueConstraint(fields=["candidate"], condition=models.Q(handled_at__isnull=True),
                                    name="one_open_erasure_request"),
        ]

    def __str__(self):
        return f"{self.candidate or _('gewiste kandidaat')} ({self.requested_at:%d/%m/%Y})"


class RetentionPolicy(models.Model):
    """How long the data of candidates who did not get through is kept, per function (bewaartermijn).

    A function without a row keeps it DEFAULT_MONTHS after the decision. Kept in candidates (not on Function) so the
    privacy rules stay with the data they govern.
    """

    DEFAULT_MONTHS_AFTER_DECISION = 12
    DEFAULT_MONTHS_AFTER_POOL_EXPIRY = 0

    function = models.OneToOneField(Function, on_delete=models.CASCADE, related_name="retention_policy",
                                    verbose_name=_("functie"))
    months_after_decision = models.PositiveSmallIntegerField(
        _("bewaren na de beslissing (maanden)"), default=DEFAULT_MONTHS_AFTER_DECISION,
        help_text=_("Niet toegelaten, niet geslaagd of ingetrokken: zo lang na de beslissing blijven de gegevens "
                    "bewaard. Een uitsluiting blijft afdwingbaar via sleutelcodes van de e-mailadressen en van "
                    "naam en geboortedatum."))
    months_after_pool_expiry = models.PositiveSmallIntegerField(
        _("bewaren na het verlopen van wachtlijst of reserve (maanden)"), default=DEFAULT_MONTHS_AFTER_POOL_EXPIRY)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["function__name"]

    def __str__(self):
        return f"{self.function}: {self.months_after_decision} maanden"
