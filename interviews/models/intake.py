"""The intake (kennismakingsinterview): HR's intake policy per procedure, the interviewers on a session, the
20-minute slots, the candidates' bookings, the interviewer's assessment, and who still has to book."""

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
