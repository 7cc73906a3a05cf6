"""A procedure (one selection round of a function) with its queryset and the rules of its application days, and
the steps of the selection its vacancy page explains."""

import functools
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from procedures.models.functions import Function
from procedures.models.help_texts import INTERNAL_NOTE_HELP, PLAIN_TEXT_HELP


class ProcedureQuerySet(models.QuerySet):
    def open_for_applications(self, *, today, on=None):
        """The procedures that take applications on `today` (a day in Europe/Brussels, the project's time zone): status
        open, from the open-from day on, up to and including the apply-by day ("kandidaturen tot en met": until
        midnight at its end). The one rule for the list, the vacancy page and the apply path; the status follows it
        by the periodic job (procedures.application_period), which may run late, so nobody trusts the status alone.

        `on`: an earlier day (HR enters a letter that arrived then): the procedures that took applications that day,
        as far as today's state tells. The dates decide, and the status must be open, or closed after that day
        (`closed_on`, by the job or by hand). One closed on a day nobody recorded counts as closed on every day."""
        return self.filter(_open_on(on or today, today=today))

    def with_open_for_applications(self, *, today):
        """Each procedure with `is_open_for_applications` (the rule above) read in the same query."""
        return self.annotate(is_open_for_applications=models.ExpressionWrapper(
            _open_on(today, today=today), output_field=models.BooleanField()))

    def open_for_entries(self, *, today):
        """The procedures HR may still enter an application for: open today, or closed on a known day (an
        application that arrived before it counts; open_for_applications(on=…) judges its day)."""
        return self.filter(_open_on(today, today=today) | _closed_on_a_known_day(today))

    def public(self, *, today):
        """The procedures with a public vacancy page: open from their open-from day on, and closed ones (their page
        says so). A draft, or an open one before its open-from day, is not public yet."""
        return self.filter(models.Q(status=Procedure.Status.CLOSED) | _started_on(today, status=Procedure.Status.OPEN))


def _started_on(today, *, status):
    return (models.Q(status=status)
            & (models.Q(applications_open_from__isnull=True) | models.Q(applications_open_from__lte=today)))


def _open_on(day, *, today):
    in_period = ((models.Q(applications_open_from__isnull=True) | models.Q(applications_open_from__lte=day))
                 & (models.Q(applications_close_on__isnull=True) | models.Q(applications_close_on__gte=day)))
    if day >= today:  # today a closed procedure takes nothing, whatever day it closed
        return in_period & models.Q(status=Procedure.Status.OPEN)
    return in_period & (models.Q(status=Procedure.Status.OPEN) | (_closed_on_a_known_day(today)
                                                                   & models.Q(closed_on__gt=day)))


def _closed_on_a_known_day(today):
    return models.Q(status=Procedure.Status.CLOSED, closed_on__lte=today)


class Procedure(models.Model):
    """One selection round of a function, with the texts of its public vacancy page."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("in voorbereiding")
        OPEN = "open", _("open voor kandidaturen")
        CLOSED = "closed", _("afgesloten voor kandidaturen")

    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="procedures",
                                 verbose_name=_("functie"))
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # Set whenever the status becomes closed (save(), and the job in procedures.application_period): an application
    # HR enters later counts only if it arrived before this day.
    closed_on = models.DateField(
        _("afgesloten op"), null=True, blank=True, editable=False,
        help_text=_("De dag waarop de procedure sloot voor kandidaturen: om middernacht na de laatste dag, of de dag "
                    "waarop HR ze met de hand afsloot. Een kandidatuur die vanaf die dag binnenkwam, telt niet."))
    applications_open_from = models.DateField(
        _("kandidaturen vanaf"), null=True, blank=True,
        help_text=_("Een procedure in voorbereiding gaat die dag om middernacht vanzelf open. Leeg: HR zet de "
                    "status zelf op open."))
    applications_close_on = models.DateField(
        _("kandidaturen tot en met"), null=True, blank=True,
        help_text=_("Na deze dag (om middernacht) neemt de procedure geen kandidaturen meer aan en sluit ze vanzelf. "
                    "Opnieuw openen kan met een latere dag."))
    contract_type = models.CharField(_("contract"), max_length=200, blank=True,
                                     help_text=_("bv. contract van onbepaalde duur"))
    place = models.CharField(_("plaats van tewerkstelling"), max_length=200, blank=True, help_text=_("bv. Kortrijk"))
    intro = models.TextField(_("inleiding"), blank=True, help_text=PLAIN_TEXT_HELP)
    responsibilities = models.TextField(_("verantwoordelijkheden"), blank=True, help_text=PLAIN_TEXT_HELP)
    workplace = models.TextField(_("waar kom je terecht"), blank=True, help_text=PLAIN_TEXT_HELP)
    offer = models.TextField(_("wat mag je verwachten"), blank=True, help_text=PLAIN_TEXT_HELP)
    conditions = models.TextField(_("voorwaarden"), blank=True, help_text=PLAIN_TEXT_HELP)
    procedure_steps = models.TextField(
        _("verloop van de selectie: inleiding"), blank=True,
        help_text=_("De tekst boven de stappen; de stappen zelf staan onder ‘Stappen van de selectie’."))
    employer = models.TextField(_("als werkgever"), blank=True, help_text=PLAIN_TEXT_HELP)
    employer_vision = models.TextField(_("visie"), blank=True, help_text=PLAIN_TEXT_HELP)
    employer_values = models.TextField(_("waarden"), blank=True, help_text=PLAIN_TEXT_HELP)
    faq = models.TextField(
        _("heb je vragen?"), blank=True,
        help_text=_("De tekst boven de contactgegevens, bv. de verwijzing naar de veelgestelde vragen."))
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=40, blank=True)
    motivation_required = models.BooleanField(_("motivatietekst verplicht"), default=False)
    cv_required = models.BooleanField(_("cv verplicht"), default=False)
    internal_note = models.TextField(_("interne notitie"), blank=True, help_text=INTERNAL_NOTE_HELP)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A procedure closed by hand closes today; one that leaves the closed status forgets the day.
        closed_on = (self.closed_on or timezone.localdate()) if self.status == self.Status.CLOSED else None
        if closed_on != self.closed_on:
            self.closed_on = closed_on
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "closed_on"}
        super().save(*args, **kwargs)

    @property
    def last_day_of_applications(self):
        """Once closed: the last day whose applications count (the apply-by day, or the day before HR closed it by
        hand if that came first). None while it is not closed, or closed on a day nobody recorded."""
        if self.status != self.Status.CLOSED or self.closed_on is None:
            return None
        day_before = self.closed_on - timedelta(days=1)
        closes = self.applications_close_on
        return day_before if closes is None else min(closes, day_before)

    def clean(self):
        """HR's form: the status and the dates must agree (application_period_errors)."""
        super().clean()
        errors = application_period_errors(open_from=self.applications_open_from,
                                           close_on=self.applications_close_on, status=self.status,
                                           today=timezone.localdate())
        if errors:
            raise ValidationError(errors)


def application_period_errors(*, open_from, close_on, status, today):
    """The application days against the status, as {field: Dutch message}; empty when they agree. The one rule of
    HR's procedure form and of a new round: otherwise the periodic job (procedures.application_period) would undo
    HR's choice. A draft opens by itself on its first day, so a scheduled draft's days lie ahead."""
    day = functools.partial(date_format, format="d/m/Y")
    if open_from and close_on and open_from > close_on:
        return {"applications_close_on": _(
            "De laatste dag om te solliciteren (%(last)s) ligt voor de eerste (%(first)s). Kies een laatste dag op of "
            "na %(first)s.") % {"first": day(open_from), "last": day(close_on)}}
    errors = {}
    if status == Procedure.Status.OPEN:
        if close_on and close_on < today:
            errors["applications_close_on"] = _(
                "Deze dag is voorbij: een open procedure sluit na haar laatste dag vanzelf. Kies een latere dag om ze "
                "(opnieuw) te openen, of zet de status op ‘afgesloten voor kandidaturen’.")
        if open_from and open_from > today:
            errors["status"] = _(
                "Solliciteren kan pas vanaf %(day)s. Laat de status op ‘in voorbereiding’: de procedure gaat die dag "
                "vanzelf open.") % {"day": day(open_from)}
    elif status == Procedure.Status.DRAFT:
        if open_from and open_from < today:  # it would open at once, unseen
            errors["applications_open_from"] = _(
                "De eerste dag om te solliciteren (%(day)s) ligt in het verleden. Kies vandaag of een latere dag.") % {
                "day": day(open_from)}
        if close_on and close_on < today:  # it would never open
            errors["applications_close_on"] = _(
                "De laatste dag om te solliciteren (%(day)s) ligt in het verleden. Kies vandaag of een latere dag.") % {
                "day": day(close_on)}
    return errors


class ProcedureStep(models.Model):
    """One step of the selection as the vacancy page explains it (the bundle's "Stap 1", "Stap 2", ...), or a part of
    the step above it with a heading of its own (e.g. "Hoe ziet zo’n jobinterview eruit?")."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("volgorde"))
    title = models.CharField(_("titel"), max_length=200, help_text=_("Zonder ‘Stap 1:’: de pagina nummert de stappen."))
    part_of_previous = models.BooleanField(
        _("deel van de vorige stap"), default=False,
        help_text=_("Aangevinkt: een tussentitel binnen de stap erboven, zonder eigen nummer."))
    text = models.TextField(_("tekst"), blank=True, help_text=PLAIN_TEXT_HELP)
    shows_intake_sessions = models.BooleanField(
        _("toont de intakemomenten"), default=False,
        help_text=_("Aangevinkt: de intakemomenten van de procedure staan onder de tekst van deze stap."))
    text_after_intake_sessions = models.TextField(_("tekst onder de intakemomenten"), blank=True,
                                                  help_text=PLAIN_TEXT_HELP)

    class Meta:
        verbose_name = _("stap van de selectie")
        verbose_name_plural = _("stappen van de selectie")
        ordering = ["procedure", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["procedure", "position"], name="procedure_step_unique_position")]

    def __str__(self):
        return self.title
