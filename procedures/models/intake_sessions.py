"""The announced intake moments of a procedure, and when two of them are one and the same."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from procedures.models.procedures import Procedure


def intake_moment_key(day, starts_at, label):
    """When two intake moments of a procedure are one and the same: the same day and start, or, without hours yet,
    the same day and label (case and spaces aside). HR's procedure form and a new round judge by it; the database's
    constraints below are the backstop for the exact same day, start or label."""
    if starts_at is not None:
        return (day, starts_at)
    return (day, " ".join((label or "").split()).casefold())


DAY_WITHOUT_HOURS_TWICE = _("Er is al een intakemoment zonder uren op die dag met die omschrijving. Vul de uren in, "
                            "of geef het een andere omschrijving (bv. voormiddag, namiddag).")


class IntakeSession(models.Model):
    """An announced half-day or day on which the online intake interviews take place.

    The bundle names the moments ("voormiddag", "volledige dag") but no hours: they stay empty until HR enters
    them, and slots can be generated only then (procedures.settings_check.intake_hours_of).
    """

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="intake_sessions")
    date = models.DateField(_("datum"))
    starts_at = models.TimeField(_("van"), null=True, blank=True)
    ends_at = models.TimeField(_("tot"), null=True, blank=True)
    label = models.CharField(_("omschrijving"), max_length=80, help_text=_("bv. voormiddag, volledige dag"))
    meeting_url = models.URLField(_("link online vergadering"), blank=True)

    class Meta:
        verbose_name = _("intakemoment")
        verbose_name_plural = _("intakemomenten")
        ordering = ["procedure", "date", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "date", "starts_at"], name="intake_session_unique",
                                    violation_error_message=_("Er is al een intakemoment op die dag en dat beginuur.")),
            # Without hours the row above would let any number through (NULLs differ); the partial index works on
            # PostgreSQL and on SQLite (make run) alike, where nulls_distinct=False is PostgreSQL-only.
            models.UniqueConstraint(fields=["procedure", "date", "label"], condition=models.Q(starts_at__isnull=True),
                                    name="intake_session_unique_day_without_hours",
                                    violation_error_message=DAY_WITHOUT_HOURS_TWICE),
            # Hours come as a pair: both empty (not yet entered by HR) or an end after the start.
            models.CheckConstraint(
                condition=(models.Q(starts_at__isnull=True, ends_at__isnull=True)
                           | models.Q(starts_at__isnull=False, ends_at__isnull=False,
                                      ends_at__gt=models.F("starts_at"))),
                name="intake_session_hours_pair_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} ({self.label})"

    @property
    def has_hours(self):
        return self.starts_at is not None and self.ends_at is not None

    @property
    def hours(self):
        """"09:00–12:00", or "" while HR has not entered the hours."""
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}" if self.has_hours else ""
