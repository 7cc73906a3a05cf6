"""Places on a function's waitlist and in its recruitment reserve."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from candidates.models.applications import Application
from candidates.stages import Stage
from procedures.models import Function


class PoolEntryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)

    def valid(self, on):
        """Places that hold on that day: not ended (a closed stage ends them) and not expired."""
        return self.active().filter(expires_on__gt=on)

    def waiting(self, kind, *, on):
        """The places of one pool (waitlist or reserve) whose candidate waits there on that day: valid, and the
        application still in that pool (not invited to a jury meanwhile, not made an offer)."""
        stage = Stage.WAITLIST if kind == PoolEntry.Kind.WAITLIST else Stage.RESERVE
        return self.valid(on).filter(kind=kind, application__stage=stage)

    def due_for_expiry(self, today):
        return self.active().filter(expires_on__lte=today)


class PoolEntry(models.Model):
    """A place on the waitlist (wachtlijst) or in the recruitment reserve (wervingsreserve) of a function."""

    class Kind(models.TextChoices):
        WAITLIST = "waitlist", _("wachtlijst")
        RESERVE = "reserve", _("wervingsreserve")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pool_entries")
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="pool_entries")
    kind = models.CharField(max_length=10, choices=Kind)
    valid_from = models.DateField(_("geldig vanaf"))
    expires_on = models.DateField(_("vervalt op"), help_text=_("De eerste dag waarop de plaats niet meer geldt."))
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PoolEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("wachtlijst- of reserveplaats")
        verbose_name_plural = _("wachtlijst en wervingsreserve")
        ordering = ["valid_from", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], condition=models.Q(ended_at__isnull=True),
                                    name="one_active_pool_entry_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} tot en met {self.last_valid_day:%d/%m/%Y}"

    @property
    def last_valid_day(self):
        return self.expires_on - timedelta(days=1)
