"""The intake interview's outcome: the interviewer's assessment and verdict, and the no-show rule.

Both decide through candidates.transitions.change_stage, the one door for a stage change: pass puts the candidate
on the waitlist for a year, fail bars them from the function for a year (the fail mail waits for HR's release).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from candidates.mailing import mail_candidate
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from interviews.intake import mail_events
from interviews.intake.booking import booking_url, close_as_no_show, describe_slot, lock_booking
from interviews.models import IntakeAssessment, IntakeBooking, IntakePolicy, SessionInterviewer, policy_for
from kortrijk_ats.roles import INTERVIEWER, has_role, is_hr

NO_SHOW_REASON = gettext_lazy("Je was niet aanwezig op je online kennismakingsinterview.")


class AssessmentRefused(Exception):
    """An assessment or no-show the rules do not allow; the message is for the interviewer."""


def may_assess(user, booking):
    """HR, the interviewer the booking is assigned to, or (for a booking without one) an interviewer of the session."""
    if is_hr(user):
        return True
    if not has_role(user, INTERVIEWER):
        return False
    if booking.interviewer_id is not None:
        return booking.interviewer_id == user.pk
    return SessionInterviewer.objects.filter(session_id=booking.slot.session_id, interviewer=user).exists()


def decide_intake(booking, *, ratings, notes, passed, motivation, by):
    """Record the intake assessment (beoordeling) and the verdict, and move the application through change_stage.

    `ratings` and `notes` map each criterion of IntakeAssessment.CRITERIA to a Rating and a note. The interview must
    have started, the booking must be held (not cancelled, not a no-show) and not assessed yet; a motivation is
    required. Pass → waitlist; fail → intake_failed (ban). All in one transaction.
    """
    motivation = (motivation or "").strip()
    if not motivation:
        raise AssessmentRefused(gettext("Een motivering van de beslissing is verplicht."))
    missing = [str(label) for name, label in IntakeAssessment.CRITERIA if not ratings.get(name)]
    if missing:
        raise AssessmentRefused(gettext("Geef een beoordeling voor: %(items)s.") % {"items": ", ".join(missing)})
    with transaction.atomic():
        locked = _locked_booking(booking, by=by)
        assessment = IntakeAssessment.objects.create(
            booking=locked, verdict=IntakeAssessment.Verdict.PASS if passed else IntakeAssessment.Verdict.FAIL,
            verdict_motivation=motivation, assessed_by=by, assessed_at=timezone.now(),
            **{name: ratings[name] for name, _ in IntakeAssessment.CRITERIA},
            **{f"{name}_note": (notes.get(name) or "").strip() for name, _ in IntakeAssessment.CRITERIA},
        )
        try:
            change_stage(locked.application, to=Stage.WAITLIST if passed else Stage.INTAKE_FAILED, by=by,
                         reason=motivation, expected_stage=Stage.INTAKE_INVITED)
        except TransitionRefused as refusal:
            raise AssessmentRefused(str(refusal)) from refusal
    return assessment


def record_no_show(booking, *, by):
    """Record that the candidate did not come (niet aanwezig) and apply the procedure's no-show policy.

    The booking closes. With "re-invite once" a first no-show sends a new invitation to book; a second one, or any
    no-show under the "fail" policy, fails the intake through change_stage. Returns the new stage.
    """
    with transaction.atomic():
        locked = close_as_no_show(_locked_booking(booking, by=by), by=by)
        application = locked.application
        earlier = IntakeBooking.objects.filter(application=application, no_show_at__isnull=False).exclude(
            pk=locked.pk).count()
        policy = policy_for(application.procedure)
        if policy.no_show_policy == IntakePolicy.NoShow.REINVITE_ONCE and earlier == 0:
            _queue_reinvitation(locked)
            return Stage.INTAKE_INVITED
        try:
            change_stage(application, to=Stage.INTAKE_FAILED, by=by, reason=NO_SHOW_REASON,
                         expected_stage=Stage.INTAKE_INVITED)
        except TransitionRefused as refusal:
            raise AssessmentRefused(str(refusal)) from refusal
        return Stage.INTAKE_FAILED


def _locked_booking(booking, *, by):
    """The booking locked through booking.lock_booking, if the verdict or no-show may still be recorded on it."""
    locked = lock_booking(booking)
    if locked is None:
        raise AssessmentRefused(gettext("Dit gesprek bestaat niet meer."))
    if not may_assess(by, locked):
        raise AssessmentRefused(gettext("Je bent niet de interviewer van dit gesprek."))
    if locked.cancelled_at is not None:
        raise AssessmentRefused(gettext("Dit gesprek is geannuleerd of als niet aanwezig geregistreerd."))
    if IntakeAssessment.objects.filter(booking=locked).exists():
        raise AssessmentRefused(gettext("Dit gesprek is al beoordeeld."))
    if timezone.now() < locked.slot.starts_at:
        raise AssessmentRefused(gettext("Het gesprek is nog niet begonnen."))
    if locked.application.stage != Stage.INTAKE_INVITED:
        raise AssessmentRefused(gettext("De kandidatuur staat op ‘%(stage)s’: er valt niets meer te beslissen.")
                                % {"stage": Stage(locked.application.stage).label})
    return locked


def _queue_reinvitation(booking):
    application = booking.application
    candidate = application.candidate
    day, hours = describe_slot(booking.slot, language=candidate.language)
    mail_candidate(application, mail_events.NO_SHOW_REINVITATION, slot_day=day, slot_time=hours,
                   join_url=booking.meeting_url, booking_url=booking_url(application), change_deadline="")


def session_report(procedure):
    """Per intake session of the procedure: booked, held, passed, failed and no-shows (HR's overview)."""
    from django.db.models import Count, Q

    from procedures.models import IntakeSession

    verdict = "slots__bookings__assessment__verdict"
    return (IntakeSession.objects.filter(procedure=procedure).order_by("date", "starts_at").annotate(
        booked=Count("slots__bookings", filter=Q(slots__bookings__cancelled_at__isnull=True)
                     | Q(slots__bookings__no_show_at__isnull=False)),
        held=Count("slots__bookings__assessment"),
        passed=Count("slots__bookings__assessment", filter=Q(**{verdict: IntakeAssessment.Verdict.PASS})),
        failed=Count("slots__bookings__assessment", filter=Q(**{verdict: IntakeAssessment.Verdict.FAIL})),
        no_shows=Count("slots__bookings", filter=Q(slots__bookings__no_show_at__isnull=False)),
    ))
