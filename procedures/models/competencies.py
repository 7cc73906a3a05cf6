"""What the bundle's annexes say of a function: its description per kind of team, and the competencies the jury
measures with their behavioural indicators."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from procedures.models.functions import Function
from procedures.models.help_texts import PLAIN_TEXT_HELP
from procedures.models.teams_and_vacancies import Team


class FunctionDescriptionQuerySet(models.QuerySet):
    def for_team(self, team):
        """The description for the team's kind (wijkteam or centraal); every variant when the team is unknown or its
        kind has none, so a juror always reads what there is."""
        descriptions = list(self)
        return [d for d in descriptions if team is not None and d.variant == team.kind] or descriptions


class FunctionDescription(models.Model):
    """The function description (functiebeschrijving) of a function for one kind of team, as in the bundle's
    annexes: one for the wijkteams and one for the centrally steered teams."""

    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="descriptions",
                                 verbose_name=_("functie"))
    variant = models.CharField(_("voor een"), max_length=10, choices=Team.Kind)
    formal_title = models.CharField(_("formele functiebenaming"), max_length=200, blank=True)
    directorate = models.CharField(_("directie"), max_length=200, blank=True)
    team_name = models.CharField(_("team"), max_length=200, blank=True)
    salary_scale = models.CharField(_("loonschaal"), max_length=40, blank=True)
    reports_to = models.CharField(_("rapporteert aan"), max_length=200, blank=True)
    purpose = models.TextField(_("doel van de functie"), blank=True, help_text=PLAIN_TEXT_HELP)
    responsibilities = models.TextField(_("verantwoordelijkheden"), blank=True, help_text=PLAIN_TEXT_HELP)

    objects = FunctionDescriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("functiebeschrijving")
        verbose_name_plural = _("functiebeschrijvingen")
        ordering = ["function", "-variant"]  # "wijkteam" before "centraal", as in the bundle
        constraints = [models.UniqueConstraint(fields=["function", "variant"],
                                               name="function_description_unique_variant")]

    def __str__(self):
        return f"{self.function.name} – {self.get_variant_display()}"


class Competency(models.Model):
    """A competency the jury measures for a function, with its definition (Bijlage 2)."""

    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="competencies")
    name = models.CharField(_("competentie"), max_length=120)
    definition = models.TextField(_("omschrijving"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["function", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["function", "name"], name="competency_unique_per_function")]

    def __str__(self):
        return self.name


class BehaviouralIndicator(models.Model):
    """One observable behaviour (gedragsindicator) of a competency, used as a scoring anchor."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="indicators")
    text = models.TextField(_("gedragsindicator"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("gedragsindicator")
        verbose_name_plural = _("gedragsindicatoren")
        ordering = ["competency", "position", "id"]

    def __str__(self):
        return self.text
