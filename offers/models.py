"""The job offer (jobaanbod) to a proposed candidate, and the check of the criminal-record extract before hiring.

An offer is made for one VacancyProposal (a jury's best passer or a reserve candidate who matched): HR sets the
recognised seniority and the job, a second HR user approves it, then it is sent and the candidate answers before
the deadline. Every status change goes through offers.offering / offers.answers / offers.hiring /
offers.criminal_record; these models only hold the rows and the database rules that back them.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interviews.models import VacancyProposal
from procedures.models import Team, Vacancy


class ExtractModel(models.TextChoices):
    """The model of the criminal-record extract (uittreksel uit het strafregister) the job requires."""

    MODEL_595 = "595", _("model 1 (artikel 595 Wetboek van strafvordering)")
    MODEL_596_2 = "596.2", _("model 2 (artikel 596, tweede lid): werken met minderjarigen")


class OfferQuerySet(models.QuerySet):
    def visible_to_candidate(self):
        """Offers the candidate may see: sent, answered or closed; never a draft or an unsent approval."""
        return self.exclude(status__in=[Offer.Status.DRAFT, Offer.Status.APPROVED])

    def open(self):
        return self.filter(status__in=Offer.OPEN_STATUSES)


class Offer(models.Model):
    """A job offer for one proposal. Four-eyes: whoever prepared it cannot approve it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("in voorbereiding")
        APPROVED = "approved", _("goedgekeurd, nog niet verstuurd")
        SENT = "sent", _("verstuurd, wacht op antwoord")
        ACCEPTED = "accepted", _("aanvaard")
        DECLINED = "declined", _("geweigerd")
        EXPIRED = "expired", _("verlopen zonder antwoord")
        WITHDRAWN = "withdrawn", _("ingetrokken")
        CANCELLED = "cancelled", _("vervallen: kandidatuur afgesloten")
        HIRED = "hired", _("aangeworven")

    OPEN_STATUSES = (Status.DRAFT, Status.APPROVED, Status.SENT, Status.ACCEPTED)

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposal = models.OneToOneField(VacancyProposal, on_delete=models.PROTECT, related_name="offer",
                                    verbose_name=_("voordracht"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True)

    # Recognised seniority (erkende anciënniteit), after HR checked the proofs of experience.
    public_years = models.PositiveSmallIntegerField(_("erkende jaren openbare sector"), default=0,
                                                    validators=[MaxValueValidator(50)])
    public_months = models.PositiveSmallIntegerField(_("en maanden"), default=0, validators=[MaxValueValidator(11)])
    private_years = models.PositiveSmallIntegerField(
        _("relevante jaren privésector"), default=0, validators=[MaxValueValidator(50)],
        help_text=_("Alle relevante jaren die bewezen zijn; de simulatie telt er hoogstens het maximum van de "
                    "functie mee."))
    private_months = models.PositiveSmallIntegerField(_("en maanden"), default=0,
                                                      validators=[MaxValueValidator(11)])
    experience_proofs = models.TextField(
        _("nagekeken ervaringsbewijzen"),
        help_text=_("Welke bewijzen van ervaring zag het selectieteam (werkgever, periode, openbaar of privé)?"))

    # The job.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team"))
    start_date = models.DateField(_("startdatum"))
    regime = models.DecimalField(
        _("werkregime"), max_digits=5, decimal_places=4, default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(Decimal("1"))],
        help_text=_("Deel van een voltijdse job: 1 is voltijds (38 uur), 0,8 is 4/5."))
    schedule = models.TextField(_("uurrooster"))
    workplace = models.CharField(_("werkplek"), max_length=200)
    tasks = models.TextField(_("taken"))
    extract_model = models.CharField(
        _("vereist uittreksel uit het strafregister"), max_length=5, choices=ExtractModel,
        help_text=_("Model 2 (596.2) als de job contact met minderjarigen inhoudt, anders model 1 (595)."))

    # Who did what, when.
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("opgemaakt door"))
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("laatst gewijzigd door"))
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("goedgekeurd door"))
    approved_monthly_gross = models.DecimalField(_("goedgekeurd bruto maandloon"), max_digits=10, decimal_places=2,
                                                 null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("verstuurd door"))
    respond_by = models.DateField(_("antwoorden tot en met"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reden van intrekking"), blank=True)
    hired_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("aanwerving bevestigd door"))

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("jobaanbod")
        verbose_name_plural = _("jobaanbiedingen")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(regime__gt=0) & models.Q(regime__lte=1),
                                   name="offer_regime_in_range",
                                   violation_error_message=_("Het werkregime ligt tussen 0 en 1 (voltijds).")),
            models.CheckConstraint(
                condition=models.Q(public_months__lte=11) & models.Q(private_months__lte=11)
                & models.Q(public_years__lte=50) & models.Q(private_years__lte=50),
                name="offer_seniority_in_range",
                violation_error_message=_("Geef hoogstens 50 jaar en 11 maanden.")),
            # Four-eyes (vier-ogenprincipe), backed by the database: the approver is neither maker nor last editor.
            models.CheckConstraint(
                condition=models.Q(approved_by__isnull=True)
                | (~models.Q(approved_by=models.F("created_by")) & ~models.Q(approved_by=models.F("prepared_by"))),
                name="offer_four_eyes"),
            # Nothing leaves without an approval and a deadline.
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "approved"])
                | (models.Q(approved_by__isnull=False) & models.Q(sent_at__isnull=False)
                   & models.Q(respond_by__isnull=False)),
                name="offer_sent_only_when_approved"),
        ]

    def __str__(self):
        return f"Jobaanbod {self.proposal.application.candidate} — {self.proposal.vacancy}"

    @property
    def application(self):
        return self.proposal.application

    @property
    def vacancy(self):
        return self.proposal.vacancy

    @property
    def hours_per_week(self):
        """The regime in hours of a 38-hour week, as a reader says it (30,4 for 4/5)."""
        return (self.regime * Vacancy.FULL_TIME_HOURS).quantize(Decimal("0.1")).normalize()

    def is_answerable(self, *, today=None):
        today = today or timezone.localdate()
        return self.status == self.Status.SENT and self.respond_by is not None and today <= self.respond_by


class CriminalRecordCheck(models.Model):
    """That HR saw the candidate's criminal-record extract: which model, its date of issue, the result and who
    checked. The document itself is never stored (no file field: HR looks at it and hands it back)."""

    class Result(models.TextChoices):
        BLANK = "blank", _("blanco: geen vermeldingen")
        NOT_BLANK = "not_blank", _("niet blanco")

    offer = models.OneToOneField(Offer, on_delete=models.PROTECT, related_name="criminal_record_check",
                                 verbose_name=_("jobaanbod"))
    extract_model = models.CharField(_("model van het uittreksel"), max_length=5, choices=ExtractModel)
    # Null only after the person's data was erased (retention); the domain always sets it.
    issued_on = models.DateField(_("datum van afgifte"), null=True, blank=True)
    result = models.CharField(_("resultaat"), max_length=10, choices=Result, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("nagekeken door"))
    checked_at = models.DateTimeField(_("nagekeken op"), default=timezone.now)

    class Meta:
        verbose_name = _("uittreksel uit het strafregister (nagekeken)")
        verbose_name_plural = _("uittreksels uit het strafregister (nagekeken)")
        ordering = ["-checked_at", "-id"]

    def __str__(self):
        return f"{self.get_extract_model_display()} van {self.issued_on:%d/%m/%Y}: {self.get_result_display()}"

    @property
    def is_blank(self):
        return self.result == self.Result.BLANK
