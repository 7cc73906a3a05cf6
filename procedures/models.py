"""What is recruited for: functions, their procedures, diplomas, teams, competencies, intake sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
    reserve_months = models.PositiveSmallIntegerField(_("geldigheid wervingsreserve (maanden)"), default=24)
    private_seniority_cap_years = models.PositiveSmallIntegerField(
        _("maximaal erkende jaren privésector"), default=18,
    )

    class Meta:
        verbose_name = _("functie")
        verbose_name_plural = _("functies")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.grade})"


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
    applications_open_from = models.DateField(_("kandidaturen vanaf"), null=True, blank=True)
    applications_close_on = models.DateField(_("kandidaturen tot en met"), null=True, blank=True)
    intro = models.TextField(_("inleiding"), blank=True)
    responsibilities = models.TextField(_("verantwoordelijkheden"), blank=True)
    workplace = models.TextField(_("waar kom je terecht"), blank=True)
    offer = models.TextField(_("wat mag je verwachten"), blank=True)
    conditions = models.TextField(_("voorwaarden"), blank=True)
    procedure_steps = models.TextField(_("verloop van de selectie"), blank=True)
    faq = models.TextField(_("veelgestelde vragen"), blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=40, blank=True)
    motivation_required = models.BooleanField(_("motivatietekst verplicht"), default=False)
    cv_required = models.BooleanField(_("cv verplicht"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["-created_at"]

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


class Team(models.Model):
    """A team of the city where a vacancy can be: a wijkteam or a centrally steered team."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "wijkteam", _("wijkteam")
        CENTRAL = "centraal", _("centraal aangestuurd team")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind)
    description = models.TextField(_("omschrijving"), blank=True)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


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


class IntakeSession(models.Model):
    """An announced half-day or day on which the online intake interviews take place."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="intake_sessions")
    date = models.DateField(_("datum"))
    starts_at = models.TimeField(_("van"))
    ends_at = models.TimeField(_("tot"))
    label = models.CharField(_("omschrijving"), max_length=80, help_text=_("bv. voormiddag, volledige dag"))
    meeting_url = models.URLField(_("link online vergadering"), blank=True)

    class Meta:
        verbose_name = _("intakemoment")
        verbose_name_plural = _("intakemomenten")
        ordering = ["procedure", "date", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "date", "starts_at"], name="intake_session_unique"),
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="intake_session_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} ({self.label})"
