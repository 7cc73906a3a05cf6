"""The jury step: the personality questionnaire, the round with its jurors and candidates, each juror's
declaration and score sheet, the chair's consensus and the candidate's questionnaire result."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application


def private_upload_to(instance, filename):
    # The stored name is generated: nothing a person typed reaches the file system.
    return f"jury/{uuid.uuid4().hex}"


class Questionnaire(models.Model):
    """A personality questionnaire (persoonlijkheidsvragenlijst) HR configures: Likert items on one scale."""

    name = models.CharField(_("naam"), max_length=200)
    instructions = models.TextField(_("uitleg voor de kandidaat"), blank=True)
    scale_min = models.PositiveSmallIntegerField(_("schaal van"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("schaal tot"), default=5)
    scale_min_label = models.CharField(_("betekenis van het laagste punt"), max_length=80,
                                       default="helemaal niet akkoord")
    scale_max_label = models.CharField(_("betekenis van het hoogste punt"), max_length=80,
                                       default="helemaal akkoord")

    class Meta:
        verbose_name = _("persoonlijkheidsvragenlijst")
        verbose_name_plural = _("persoonlijkheidsvragenlijsten")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(scale_max__gt=models.F("scale_min")),
                                   name="questionnaire_scale_ordered",
                                   violation_error_message=_("Het hoogste punt moet groter zijn dan het laagste.")),
            models.CheckConstraint(condition=models.Q(scale_max__lte=10), name="questionnaire_scale_at_most_10",
                                   violation_error_message=_("Een Likertschaal heeft hoogstens 10 punten.")),
        ]

    def __str__(self):
        return self.name


class QuestionnaireItem(models.Model):
    """One statement of the questionnaire; `trait` groups items in the result the jury reads."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("stelling"), max_length=300)
    trait = models.CharField(_("eigenschap"), max_length=80, help_text=_("bv. stressbestendigheid"))
    reverse_scored = models.BooleanField(_("omgekeerd scoren"), default=False,
                                         help_text=_("Aangevinkt: ‘helemaal akkoord’ telt als de laagste score."))

    class Meta:
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        ordering = ["questionnaire", "position", "id"]

    def __str__(self):
        return self.text


class JuryRound(models.Model):
    """A jury round (jurygesprekken) for one vacancy: every valid waitlist candidate is invited and scored by three
    jurors on the round's scale; the chair leads the consensus; the PV, approved by all, freezes the round."""

    class Status(models.TextChoices):
        OPEN = "open", _("gesprekken en scores")
        DECIDED = "decided", _("beraadslaagd, wacht op goedkeuring PV")
        CLOSED = "closed", _("afgesloten (PV goedgekeurd)")
        CANCELLED = "cancelled", _("geannuleerd (kandidaten terug naar de wachtlijst)")

    class WorkCase(models.TextChoices):
        NONE = "none", _("geen case")
        PREPARE = "prepare", _("vooraf voorbereiden")
        ON_THE_SPOT = "on_the_spot", _("ter plaatse toelichten")

    vacancy = models.ForeignKey("procedures.Vacancy", on_delete=models.PROTECT, related_name="jury_rounds",
                                verbose_name=_("concrete vacature"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    scale_min = models.PositiveSmallIntegerField(_("scoreschaal van"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("scoreschaal tot"), default=5)
    pass_part_percent = models.PositiveSmallIntegerField(_("minimum per onderdeel (%)"), default=50)
    pass_total_percent = models.PositiveSmallIntegerField(_("minimum totaal (%)"), default=60)
    work_case = models.CharField(_("werkcase"), max_length=12, choices=WorkCase, default=WorkCase.NONE)
    case_title = models.CharField(_("titel van de case"), max_length=200, blank=True)
    case_document = models.FileField(_("casedocument"), upload_to=private_upload_to, max_length=200, blank=True)
    case_document_name = models.CharField(max_length=200, blank=True, editable=False)
    case_days_before = models.PositiveSmallIntegerField(
        _("case mailen (dagen voor het gesprek)"), default=3,
        help_text=_("Bij ‘vooraf voorbereiden’ krijgt de kandidaat de case zoveel dagen voor het gesprek."))
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, null=True, blank=True, related_name="rounds",
        verbose_name=_("persoonlijkheidsvragenlijst in het portaal"),
        help_text=_("Leeg: de kandidaten vullen een externe vragenlijst in; HR registreert het resultaat."))
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("aangemaakt door"))
    decided_at = models.DateTimeField(_("beraadslaagd op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    pv_file = models.FileField(_("PV (pdf)"), upload_to=private_upload_to, max_length=200, blank=True,
                               editable=False)
    pv_sha256 = models.CharField(_("SHA-256 van het PV"), max_length=64, blank=True, editable=False)
    # The reserve comes first: a round that starts while valid reserve candidates had no matchgesprek for the
    # vacancy keeps how many waited and HR's reason, for the round's record and its PV.
    reserve_waiting = models.PositiveSmallIntegerField(
        _("wachtende reservekandidaten bij de start"), default=0, db_default=0, editable=False)
    reserve_bypass_reason = models.TextField(
        _("reden om te starten voor de wervingsreserve"), blank=True, default="", db_default="", editable=False)

    class Meta:
        verbose_name = _("juryronde")
        verbose_name_plural = _("juryrondes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(scale_max__gt=models.F("scale_min")),
                                   name="jury_round_scale_ordered",
                                   violation_error_message=_("Het hoogste punt moet groter zijn dan het laagste.")),
            models.CheckConstraint(condition=models.Q(scale_max__lte=100), name="jury_round_scale_at_most_100",
                                   violation_error_message=_("De scoreschaal gaat hoogstens tot 100.")),
            models.CheckConstraint(
                condition=models.Q(pass_part_percent__lte=100) & models.Q(pass_total_percent__lte=100),
                name="jury_round_percent_at_most_100",
                violation_error_message=_("Een minimum ligt tussen 0 en 100 %.")),
        ]

    def __str__(self):
        return f"Juryronde {self.vacancy}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED


class JuryMember(models.Model):
    """A juror's seat in a round, with the role. The external expert's access ends when the round closes."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("voorzitter (selectieteam)")
        TEAM_LEADER = "team_leader", _("leidinggevende van het team")
        EXTERNAL = "external", _("externe deskundige")

    round = models.ForeignKey(JuryRound, on_delete=models.CASCADE, related_name="members",
                              verbose_name=_("juryronde"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jury_memberships",
                             verbose_name=_("jurylid"))
    role = models.CharField(_("rol"), max_length=12, choices=Role)
    invited_at = models.DateTimeField(_("uitgenodigd op"), default=timezone.now)
    active_until = models.DateTimeField(_("toegang tot"), null=True, blank=True,
                                        help_text=_("Gezet wanneer de ronde afsluit: daarna geen toegang meer."))
    pv_approved_at = models.DateTimeField(_("PV goedgekeurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("jurylid")
        verbose_name_plural = _("juryleden")
        ordering = ["round", "role"]
        constraints = [
            models.UniqueConstraint(fields=["round", "role"], name="jury_member_one_per_role"),
            models.UniqueConstraint(fields=["round", "user"], name="jury_member_once_per_round"),
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.get_role_display()})"

    @property
    def display_name(self):
        return self.user.get_full_name() or self.user.get_username()


class JuryCandidate(models.Model):
    """A candidate invited to a round: the interview's schedule, the case mail, and the outcome once decided."""

    class Decision(models.TextChoices):
        OFFER = "offer", _("voorgedragen voor het jobaanbod")
        RESERVE = "reserve", _("wervingsreserve")
        FAIL = "fail", _("niet geslaagd")
        ABSENT = "absent", _("niet aanwezig: terug naar de wachtlijst")
        WITHDRAWN = "withdrawn", _("kandidatuur ingetrokken")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(JuryRound, on_delete=models.CASCADE, related_name="candidates",
                              verbose_name=_("juryronde"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="jury_candidacies",
                                    verbose_name=_("kandidatuur"))
    position = models.PositiveSmallIntegerField(_("plaats op de wachtlijst"), default=0)
    starts_at = models.DateTimeField(_("begin"), null=True, blank=True)
    ends_at = models.DateTimeField(_("einde"), null=True, blank=True)
    location = models.CharField(_("plaats"), max_length=300, blank=True)
    meeting_url = models.URLField(_("link online gesprek"), max_length=1000, blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    scheduled_at = models.DateTimeField(_("uitnodiging met datum verstuurd op"), null=True, blank=True,
                                        editable=False)
    case_sent_at = models.DateTimeField(_("case gemaild op"), null=True, blank=True, editable=False)
    passed = models.BooleanField(_("geslaagd"), null=True, editable=False)
    total_percent = models.DecimalField(_("totaal (%)"), max_digits=5, decimal_places=2, null=True,
                                        editable=False)
    rank = models.PositiveSmallIntegerField(_("rangorde"), null=True, blank=True, editable=False)
    decision = models.CharField(_("beslissing"), max_length=10, choices=Decision, blank=True, editable=False)

    class Meta:
        verbose_name = _("kandidaat in een juryronde")
        verbose_name_plural = _("kandidaten in juryrondes")
        ordering = ["round", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "application"], name="jury_candidate_once_per_round"),
            models.UniqueConstraint(fields=["round", "rank"], condition=models.Q(rank__isnull=False),
                                    name="jury_candidate_unique_rank"),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="jury_candidate_ends_after_start",
                violation_error_message=_("Het einde moet na het begin liggen.")),
        ]

    def __str__(self):
        return f"{self.application.candidate} — {self.round}"


class ConflictDeclaration(models.Model):
    """A juror's declaration for one candidate: no conflict of interest, or a recusal (HR sees it)."""

    # PROTECT: a seat with a declaration stays (jury.rounds.remove_juror refuses first, in Dutch).
    member = models.ForeignKey(JuryMember, on_delete=models.PROTECT, related_name="declarations",
                               verbose_name=_("jurylid"))
    jury_candidate = models.ForeignKey(JuryCandidate, on_delete=models.CASCADE, related_name="declarations",
                                       verbose_name=_("kandidaat"))
    has_conflict = models.BooleanField(_("belangenconflict (onthoudt zich)"))
    note = models.TextField(_("toelichting"), blank=True)
    declared_at = models.DateTimeField(_("verklaard op"), default=timezone.now)

    class Meta:
        verbose_name = _("verklaring belangenconflict")
        verbose_name_plural = _("verklaringen belangenconflict")
        ordering = ["jury_candidate", "member"]
        constraints = [
            models.UniqueConstraint(fields=["member", "jury_candidate"], name="conflict_declared_once"),
            models.CheckConstraint(condition=models.Q(has_conflict=False) | ~models.Q(note=""),
                                   name="recusal_has_note",
                                   violation_error_message=_("Zeg kort waarom je je onthoudt.")),
        ]

    def __str__(self):
        return f"{self.member} — {self.jury_candidate.application.candidate}"


class ScoreSheet(models.Model):
    """One juror's scores for one candidate. Submitted means locked: only the chair can reopen it (logged)."""

    # PROTECT: a delete elsewhere never takes a juror's scores with it (jury.rounds.remove_juror refuses first).
    member = models.ForeignKey(JuryMember, on_delete=models.PROTECT, related_name="sheets")
    jury_candidate = models.ForeignKey(JuryCandidate, on_delete=models.CASCADE, related_name="sheets")
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)

    class Meta:
        verbose_name = _("scoreblad")
        verbose_name_plural = _("scorebladen")
        constraints = [models.UniqueConstraint(fields=["member", "jury_candidate"], name="score_sheet_unique")]

    def __str__(self):
        return f"{self.member} — {self.jury_candidate.application.candidate}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class JuryScore(models.Model):
    """A juror's score for one part (a competency or another part), with the evidence (the observed behaviour)."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    part = models.CharField(_("onderdeel"), max_length=40)
    value = models.PositiveSmallIntegerField(_("score"))
    evidence = models.TextField(_("onderbouwing"))
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "part"], name="jury_score_one_per_part"),
            models.CheckConstraint(condition=~models.Q(evidence=""), name="jury_score_has_evidence"),
        ]

    def __str__(self):
        return f"{self.part}: {self.value}"


class ScoreSheetEvent(models.Model):
    """The log of a sheet: submitted, reopened by the chair (with the reason), a score changed after a reopen."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("ingediend")
        REOPENED = "reopened", _("heropend door de voorzitter")
        CHANGED = "changed", _("score gewijzigd na heropenen")

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("wijziging scoreblad")
        verbose_name_plural = _("wijzigingen scorebladen")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%d/%m/%Y %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Sheet events are append-only.")
        super().save(*args, **kwargs)


class ConsensusScore(models.Model):
    """The jury's common score for one part of one candidate, entered by the chair with the reason."""

    jury_candidate = models.ForeignKey(JuryCandidate, on_delete=models.CASCADE, related_name="consensus_scores")
    part = models.CharField(_("onderdeel"), max_length=40)
    value = models.PositiveSmallIntegerField(_("consensusscore"))
    reason = models.TextField(_("motivering"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("consensusscore")
        verbose_name_plural = _("consensusscores")
        constraints = [
            models.UniqueConstraint(fields=["jury_candidate", "part"], name="consensus_one_per_part"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="consensus_has_reason"),
        ]

    def __str__(self):
        return f"{self.part}: {self.value}"


class QuestionnaireResponse(models.Model):
    """The candidate's personality questionnaire: answers in the portal, or an external tool's completion with its
    report (recorded by HR)."""

    jury_candidate = models.OneToOneField(JuryCandidate, on_delete=models.CASCADE,
                                          related_name="questionnaire_response")
    answers = models.JSONField(default=dict, blank=True, help_text="item id -> value")
    submitted_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    external_tool = models.CharField(_("extern instrument"), max_length=200, blank=True)
    completed_on = models.DateField(_("ingevuld op (extern)"), null=True, blank=True)
    report = models.FileField(_("rapport"), upload_to=private_upload_to, max_length=200, blank=True)
    report_name = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        verbose_name = _("resultaat persoonlijkheidsvragenlijst")
        verbose_name_plural = _("resultaten persoonlijkheidsvragenlijst")

    def __str__(self):
        return f"Vragenlijst {self.jury_candidate}"

    @property
    def is_complete(self):
        return self.submitted_at is not None or self.completed_on is not None
