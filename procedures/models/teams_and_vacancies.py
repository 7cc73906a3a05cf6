"""The teams of the city, and the concrete vacancies of a function in a team."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from procedures.models.functions import Function
from procedures.models.help_texts import INTERNAL_NOTE_HELP


class Team(models.Model):
    """A team of the city where a vacancy can be: a wijkteam or a centrally steered team."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "wijkteam", _("wijkteam")
        CENTRAL = "centraal", _("centraal aangestuurd team")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind)
    description = models.TextField(_("omschrijving"), blank=True,
                                   help_text=_("Publieke tekst: kan op publieke pagina’s staan. Notities voor HR "
                                               "horen in de interne notitie."))
    active = models.BooleanField(_("actief"), default=True)
    internal_note = models.TextField(_("interne notitie"), blank=True, help_text=INTERNAL_NOTE_HELP)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Vacancy(models.Model):
    """A concrete vacancy (concrete vacature) of a function in a team. It is filled only from the function's
    reserve (a matchgesprek) or its waitlist (a jury round); the offer itself follows in the offer step."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FILLED = "filled", _("ingevuld")
        CANCELLED = "cancelled", _("geannuleerd")

    FULL_TIME_HOURS = 38

    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="vacancies",
                                 verbose_name=_("functie"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("team"))
    start_date = models.DateField(_("startdatum"))
    hours_per_week = models.DecimalField(
        _("uren per week"), max_digits=4, decimal_places=1, default=38,
        help_text=_("Het regime: 38 is voltijds, bv. 30,4 is een 4/5."))
    workplace = models.CharField(_("werkplek"), max_length=200, help_text=_("bv. Wijkcentrum Lange Munte"))
    description = models.TextField(
        _("korte omschrijving"), blank=True,
        help_text=_("Publieke tekst: de kandidaat leest ze in het jobaanbod en in de uitnodiging voor het "
                    "jurygesprek. Notities voor HR horen in de interne notitie."))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    internal_note = models.TextField(_("interne notitie"), blank=True, help_text=INTERNAL_NOTE_HELP)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("aangemaakt door"))

    class Meta:
        verbose_name = _("concrete vacature")
        verbose_name_plural = _("concrete vacatures")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gt=0) & models.Q(hours_per_week__lte=38),
                name="vacancy_hours_in_range",
                violation_error_message=_("Het aantal uren per week ligt tussen 0 en 38 (voltijds).")),
        ]

    def __str__(self):
        return f"{self.function.name} — {self.team.name} ({self.start_date:%d/%m/%Y})"

    @property
    def regime(self):
        """The regime as a reader says it: full-time, or the fraction of a full-time week."""
        hours = Decimal(str(self.hours_per_week)).normalize()
        if hours >= self.FULL_TIME_HOURS:
            return _("voltijds (38 uur per week)")
        return _("deeltijds (%(hours)s/38 uur per week)") % {"hours": f"{hours:f}".replace(".", ",")}
