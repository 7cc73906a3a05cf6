"""What is recruited for: functions with their function descriptions, their procedures with the steps of the
vacancy page, diplomas, teams, competencies, intake sessions and concrete vacancies. What a function pays lives in
the pay app (pay.models)."""

import functools
import re
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

INTERNAL_NOTE_HELP = _("Alleen voor het selectieteam in de back office; komt nooit op een publieke pagina.")
# The convention of the long texts (procedures/templatetags/plain_text.py renders it), told where HR types them.
PLAIN_TEXT_HELP = _("Een lege regel begint een nieuwe alinea. Een regel die begint met ‘- ’ is een punt van een lijst, "
                    "met twee spaties ervoor (‘  - ’) een subpunt; ‘1. ’ begint een genummerd punt. Webadressen "
                    "worden links.")


class Function(models.Model):
    """A function (functie) of the city, e.g. "Maatschappelijk werker" on scale B1-B3.

    The ban, waitlist and reserve rules hold per function, so they are configured here.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    grade = models.CharField(_("niveau en loonschaal"), max_length=40, help_text=_("bv. B1-B3"))
    ban_months = models.PositiveSmallIntegerField(
        _("uitsluiting na niet slagen (maanden)"), default=12,
        help_text=_("Wie niet slaagt voor het kennismakingsinterview of de jury, mag zo lang niet opnieuw deelnemen."),
    )
    waitlist_months = models.PositiveSmallIntegerField(_("geldigheid wachtlijst (maanden)"), default=12)
    # The bundle states no reserve validity: empty until HR enters it (procedures.settings_check owns the rule).
    reserve_months = models.PositiveSmallIntegerField(
        _("geldigheid wervingsreserve (maanden)"), null=True, blank=True,
        help_text=_("Nog in te vullen door HR: de infobundel vermeldt geen geldigheid. Nodig om een juryronde te "
                    "starten en om iemand in de wervingsreserve op te nemen."),
    )
    private_seniority_cap_years = models.PositiveSmallIntegerField(
        _("maximaal erkende jaren privésector"), default=18,
    )
    internal_note = models.TextField(_("interne notitie"), blank=True, help_text=INTERNAL_NOTE_HELP)
    feedback_request_months = models.PositiveSmallIntegerField(
        _("feedback vragen kan tot (maanden)"), null=True, blank=True,
        help_text=_("Leeg: zonder termijn (de infobundel noemt er geen). Ingevuld: zoveel maanden nadat de kandidaat "
                    "het resultaat van het jurygesprek kreeg."),
    )
    criminal_record_max_age_months = models.PositiveSmallIntegerField(
        _("uittreksel uit het strafregister hoogstens zo oud (maanden)"), null=True, blank=True,
        help_text=_("Leeg: geen termijn (de infobundel vraagt enkel een blanco uittreksel): de kandidaat leest er "
                    "niets over en elke datum van afgifte in het verleden wordt aanvaard. Ingevuld: het jobaanbod, de "
                    "aanbodsbrief en de bevestigingsmail vermelden het, en een ouder uittreksel wordt geweigerd."),
    )

    class Meta:
        verbose_name = _("functie")
        verbose_name_plural = _("functies")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.grade})"


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


class SeedRecord(models.Model):
    """A row a seed command created, under the seed's own stable key (e.g. "diploma:master-sociaal-werk").

    The seed finds its rows by this key, never by a display name HR may change; a key whose row is gone was deleted
    by HR and stays deleted (procedures.seeding.Seeder).
    """

    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("rij van de seed")
        verbose_name_plural = _("rijen van de seed")
        ordering = ["key"]

    def __str__(self):
        return self.key
