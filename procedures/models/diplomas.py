"""The diploma catalogue of a procedure, and how HR's lists shorten a diploma's name."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from procedures.models.procedures import Procedure


class Diploma(models.Model):
    """A diploma that admits a candidate to a procedure (the procedure's catalogue)."""

    class Kind(models.TextChoices):
        CURRENT = "current", _("huidig diploma")
        OLD = "old", _("oud diploma")
        FOREIGN = "foreign", _("buitenlands diploma met gelijkwaardigheid")

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="diplomas")
    name = models.CharField(_("diploma"), max_length=400)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind, default=Kind.CURRENT)
    position = models.PositiveSmallIntegerField(default=0)
    short_label = models.CharField(
        _("korte naam"), max_length=80, blank=True,
        help_text=_("Alleen voor de lijsten van het selectieteam (bv. de filter op diploma). Leeg: de naam zonder "
                    "‘het diploma van’, tot aan de eerste komma."))

    class Meta:
        verbose_name = _("diploma")
        verbose_name_plural = _("diploma's")
        ordering = ["procedure", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["procedure", "name"], name="diploma_unique_per_procedure")]

    def __str__(self):
        return self.name

    @property
    def needs_equivalence(self):
        return self.kind == self.Kind.FOREIGN


def shortened_diploma_name(name):
    """A diploma's name as HR's lists show it when HR set no short label: the bundle's own words, without the
    leading "het diploma van" and the qualifiers after the first comma (the full name stays on the row)."""
    short = re.sub(r"^\s*(het\s+)?diploma\s+van\s+", "", name, flags=re.IGNORECASE)
    short = short.split(",", 1)[0].strip() or name.strip()
    return short[:1].upper() + short[1:]
