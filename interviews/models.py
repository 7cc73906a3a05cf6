"""Evaluation: intake slots, bookings and assessments; the jury step (rounds, jurors, scores, consensus, PV,
feedback, matchgesprek)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application
from procedures.models import IntakeSession, Procedure


class IntakePolicy(models.Model):
    """HR's intake rules for one procedure; a procedure without a row uses the defaults from the settings."""

    class NoShow(models.TextChoices):
        REINVITE_ONCE = "reinvite_once", _("één keer opnieuw uitnodigen")
        FAIL = "fail", _("niet geslaagd")

    procedure = models.OneToOneField(Procedure, on_delete=models.CASCADE, related_name="intake_policy",
                                     verbose_name=_("procedure"))
    change_cutoff_hours = models.PositiveSmallIntegerField(
        _("boeken, verplaatsen en annuleren tot (uren vooraf)"), default=24,
        help_text=_("Tot zoveel uur voor het begin kan een kandidaat een moment kiezen, verplaatsen of annuleren."),
    )
    unbooked_reminder_days = models.PositiveSmallIntegerField(
        _("herinnering aan wie nog niet boekte (dagen voor het laatste intakemoment)"), default=3,
    )
    no_show_policy = models.CharField(_("bij afwezigheid"), max_length=20, choices=NoShow,
                                      default=NoShow.REINVITE_ONCE)

    class Meta:
        verbose_name = _("intakebeleid")
        verbose_name_plural = _("intakebeleid")

    def __str__(self):
        return f"Intakebeleid {self.procedure}"


def policy_for(procedure):
    """The procedure's intake policy, or an unsaved one with the defaults from the settings."""
    try:
        return procedure.intake_policy
    except IntakePolicy.DoesNotExist:
        return IntakePolicy(
            procedure=procedure,
            change_cutoff_hours=getattr(settings, "KATS_INTAKE_CUTOFF_HOURS", 24),
            unbooked_reminder_days=getattr(settings, "KATS_INTAKE_UNBOOKED_REMINDER_DAYS", 3),
        )


class SessionInterviewer(models.Model):
    """An interviewer present on an intake session, with the online meeting link they hold the interviews in."""

    session = models.ForeignKey(IntakeSession, on_delete=models.CASCADE, related_name="interviewers",
                                verbose_name=_("intakemoment"))
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="intake_sessions", verbose_name=_("interviewer"))
    meeting_url = models.URLField(_("link online vergadering"), max_length=1000, blank=True,
                                  help_text=_("Leeg: de link van het intakemoment geldt."))
    external_meeting_id = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("interviewer op een intakemoment")
        verbose_name_plural = _("interviewers op intakemomenten")
        ordering = ["session", "interviewer__username"]
        constraints = [models.UniqueConstraint(fields=["session", "interviewer"], name="session_interviewer_unique")]

    def __str__(self):
        return f"{self.interviewer} — {self.session}"


class IntakeSlotQuerySet(models.QuerySet):
    def of_procedure(self, procedure):
        return self.filter(session__procedure=procedure)

    def bookable(self, *, now, cutoff):
        """Open slots with a free seat that start after the booking cut-off."""
        return self.filter(is_closed=False, booked_count__lt=models.F("seats"), starts_at__gt=now + cutoff)


class IntakeSlot(models.Model):
    """A 20-minute time slot of an intake session; `seats` interviews run in parallel (one per interviewer).

    `booked_count` is kept by the booking functions in the same transaction as the booking rows; the database
    refuses a count over the seats, which backs the conditional update that books a seat.
    """

    session = models.ForeignKey(IntakeSession, on_delete=models.CASCADE, related_name="slots",
                                verbose_name=_("intakemoment"))
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    seats = models.PositiveSmallIntegerField(_("plaatsen"), default=1,
                                             help_text=_("Aantal gesprekken tegelijk: de aanwezige interviewers."))
    booked_count = models.PositiveSmallIntegerField(_("geboekt"), default=0, editable=False)
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="intake_slots",
                                          verbose_name=_("interviewers"))
    meeting_url = models.URLField(_("link online vergadering"), max_length=1000, blank=True,
                                  help_text=_("Leeg: de link van de interviewer of van het intakemoment geldt."))
    is_closed = models.BooleanField(_("gesloten"), default=False,
                                    help_text=_("Een gesloten moment kan niet meer geboekt worden."))

    objects = IntakeSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("intakeslot")
        verbose_name_plural = _("intakeslots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "starts_at"], name="intake_slot_unique_start"),
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="intake_slot_ends_after_start"),
            models.CheckConstraint(condition=models.Q(seats__gte=0), name="intake_slot_seats_not_negative"),
            models.CheckConstraint(condition=models.Q(booked_count__gte=0),
                                   name="intake_slot_booked_not_negative"),
            models.CheckConstraint(condition=models.Q(booked_count__lte=models.F("seats")),
                                   name="intake_slot_not_overbooked"),
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{local:%d/%m/%Y %H:%M}"

    @property
    def seats_left(self):
        return max(self.seats - self.booked_count, 0)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
        if self.pk:
            booked = IntakeSlot.objects.filter(pk=self.pk).values_list("booked_count", flat=True).first() or 0
            if self.seats is not None and self.seats < booked:
                raise ValidationError({"seats": _(
                    "Er zijn al %(n)s boekingen op dit moment: verplaats of annuleer er eerst, "
                    "of kies minstens %(n)s plaatsen.") % {"n": booked}})


class IntakeBookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class IntakeBooking(models.Model):
    """A candidate's booked intake slot. A move keeps the row (and the calendar UID) and raises `sequence`."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slot = models.ForeignKey(IntakeSlot, on_delete=models.PROTECT, related_name="bookings",
                             verbose_name=_("intakeslot"))
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="intake_bookings",
                                    verbose_name=_("kandidatuur"))
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="intake_bookings", verbose_name=_("interviewer"))
    meeting_url = models.URLField(_("link online vergadering"), max_length=1000, blank=True)
    sequence = models.PositiveIntegerField(default=0, help_text=_("Versie van de agenda-uitnodiging."))
    created_at = models.DateTimeField(_("geboekt op"), default=timezone.now)
    moved_at = models.DateTimeField(_("verplaatst op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    # The slot start the 24-hour reminder went for: a moved booking gets a reminder for its new time.
    reminder_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    # A no-show closes the booking (cancelled_at is set too), so the candidate can be re-invited once.
    no_show_at = models.DateTimeField(_("niet aanwezig vastgesteld op"), null=True, blank=True)

    objects = IntakeBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("intakeboeking")
        verbose_name_plural = _("intakeboekingen")
        ordering = ["slot__starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application"], condition=models.Q(cancelled_at__isnull=True),
                                    name="one_active_intake_booking_per_application"),
            models.UniqueConstraint(fields=["slot", "interviewer"],
                                    condition=models.Q(cancelled_at__isnull=True, interviewer__isnull=False),
                                    name="one_active_intake_booking_per_interviewer_slot"),
        ]

    def __str__(self):
        return f"{self.application.candidate} — {self.slot}"

    @property
    def is_active(self):
        return self.cancelled_at is None


class IntakeAssessment(models.Model):
    """The interviewer's assessment of an intake interview and the verdict (pass or fail, with a motivation)."""

    class Rating(models.TextChoices):
        INSUFFICIENT = "insufficient", _("onvoldoende")
        SUFFICIENT = "sufficient", _("voldoende")
        GOOD = "good", _("goed")
        STRONG = "strong", _("sterk")

    class Verdict(models.TextChoices):
        PASS = "pass", _("geslaagd")
        FAIL = "fail", _("niet geslaagd")

    # What the intake probes (the bundle: basiscompetenties, ervaring, inzetbaarheid, jobinzicht, motivatie).
    CRITERIA = (
        ("basic_competencies", _("Basiscompetenties")),
        ("experience", _("Ervaring")),
        ("availability", _("Inzetbaarheid")),
        ("job_insight", _("Jobinzicht")),
        ("motivation", _("Motivatie")),
    )

    booking = models.OneToOneField(IntakeBooking, on_delete=models.PROTECT, related_name="assessment")
    basic_competencies = models.CharField(_("basiscompetenties"), max_length=12, choices=Rating)
    basic_competencies_note = models.TextField(_("notitie basiscompetenties"), blank=True)
    experience = models.CharField(_("ervaring"), max_length=12, choices=Rating)
    experience_note = models.TextField(_("notitie ervaring"), blank=True)
    availability = models.CharField(_("inzetbaarheid"), max_length=12, choices=Rating)
    availability_note = models.TextField(_("notitie inzetbaarheid"), blank=True)
    job_insight = models.CharField(_("jobinzicht"), max_length=12, choices=Rating)
    job_insight_note = models.TextField(_("notitie jobinzicht"), blank=True)
    motivation = models.CharField(_("motivatie"), max_length=12, choices=Rating)
    motivation_note = models.TextField(_("notitie motivatie"), blank=True)
    verdict = models.CharField(_("beslissing"), max_length=4, choices=Verdict)
    verdict_motivation = models.TextField(_("motivering van de beslissing"))
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("beoordeeld door"))
    assessed_at = models.DateTimeField(_("beoordeeld op"), default=timezone.now)

    class Meta:
        verbose_name = _("beoordeling kennismakingsinterview")
        verbose_name_plural = _("beoordelingen kennismakingsinterview")
        ordering = ["-assessed_at"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(verdict_motivation=""), name="intake_verdict_motivated"),
        ]

    def __str__(self):
        return f"{self.booking.application} — {self.get_verdict_display()}"

    def ratings(self):
        """(label, rating label, note) per criterion, for display."""
        return [(label, getattr(self, f"get_{name}_display")(), getattr(self, f"{name}_note"))
                for name, label in self.CRITERIA]


class UnbookedReminder(models.Model):
    """Marks that the reminder to book a slot went to this application, so it goes once."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="unbooked_reminder")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("herinnering om te boeken")
        verbose_name_plural = _("herinneringen om te boeken")

    def __str__(self):
        return f"{self.application} ({self.sent_at:%d/%m/%Y})"


class WaitingForSlot(Application):
    """Invited candidates without a booking: the list HR watches when the slots run out."""

    class Meta:
        proxy = True
        verbose_name = _("kandidaat zonder intakemoment")
        verbose_name_plural = _("kandidaten zonder intakemoment")


# --- The jury step (issue 5): rounds, jurors, interviews, questionnaire, scores, consensus, PV, feedback, match ---


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

    member = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="declarations",
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

    member = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="sheets")
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


class VacancyProposal(models.Model):
    """An application proposed for a vacancy's job offer: a ranked jury passer or a reserve candidate who matched.
    The offer step reads these; one proposal per application per vacancy."""

    class Source(models.TextChoices):
        JURY = "jury", _("juryronde")
        MATCH = "match", _("matchgesprek")

    vacancy = models.ForeignKey("procedures.Vacancy", on_delete=models.PROTECT, related_name="proposals",
                                verbose_name=_("concrete vacature"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="vacancy_proposals",
                                    verbose_name=_("kandidatuur"))
    source = models.CharField(_("bron"), max_length=10, choices=Source)
    rank = models.PositiveSmallIntegerField(_("rangorde"), null=True, blank=True)
    created_at = models.DateTimeField(_("voorgedragen op"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("voordracht voor een vacature")
        verbose_name_plural = _("voordrachten voor vacatures")
        ordering = ["vacancy", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "application"], name="vacancy_proposal_once"),
        ]

    def __str__(self):
        return f"{self.application.candidate} → {self.vacancy}"


class FeedbackRequest(models.Model):
    """A failed candidate's request for the jury's feedback: HR's task with a deadline, the letter HR sends."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="feedback_request",
                                       verbose_name=_("kandidatuur"))
    jury_candidate = models.ForeignKey(JuryCandidate, on_delete=models.PROTECT, related_name="feedback_requests")
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    due_on = models.DateField(_("te beantwoorden tegen"))
    letter = models.TextField(_("feedbackbrief"), blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("verstuurd door"))

    class Meta:
        verbose_name = _("vraag om feedback")
        verbose_name_plural = _("vragen om feedback")
        ordering = ["sent_at", "due_on", "id"]

    def __str__(self):
        return f"Feedback {self.application.candidate}"


class MatchInterview(models.Model):
    """A matchgesprek: a reserve candidate and a vacancy's team check their expectations. Never a selection:
    the result is match (proposed for the offer) or no match (the candidate stays in the reserve)."""

    class Result(models.TextChoices):
        MATCH = "match", _("match")
        NO_MATCH = "no_match", _("geen match")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vacancy = models.ForeignKey("procedures.Vacancy", on_delete=models.PROTECT, related_name="match_interviews",
                                verbose_name=_("concrete vacature"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="match_interviews",
                                    verbose_name=_("kandidatuur"))
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    location = models.CharField(_("plaats"), max_length=300, blank=True)
    meeting_url = models.URLField(_("link online gesprek"), max_length=1000, blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    result = models.CharField(_("resultaat"), max_length=10, choices=Result, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("geregistreerd door"))
    recorded_at = models.DateTimeField(_("geregistreerd op"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("matchgesprek")
        verbose_name_plural = _("matchgesprekken")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "application"], name="match_interview_once_per_vacancy"),
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="match_interview_ends_after_start",
                                   violation_error_message=_("Het einde moet na het begin liggen.")),
        ]

    def __str__(self):
        return f"Matchgesprek {self.application.candidate} — {self.vacancy}"


class ReserveUnavailability(models.Model):
    """A reserve candidate is temporarily unavailable (e.g. a long trip); the reserve's validity does not extend."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="unavailabilities",
                                    verbose_name=_("kandidatuur"))
    starts_on = models.DateField(_("niet beschikbaar vanaf"))
    ends_on = models.DateField(_("opnieuw beschikbaar vanaf"))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tijdelijk niet beschikbaar")
        verbose_name_plural = _("tijdelijk niet beschikbaar")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="unavailability_ends_after_start",
                                   violation_error_message=_("‘Opnieuw beschikbaar vanaf’ ligt na de begindatum.")),
        ]

    def __str__(self):
        return f"{self.application.candidate}: {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"
