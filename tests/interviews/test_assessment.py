"""The intake decision and the no-show policy, through change_stage, with the clock moved past the interview."""

from datetime import time, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from candidates.models import Ban, Candidate, PoolEntry, Transition
from candidates.stages import Stage
from communications.models import Mail
from interviews.intake import mail_events
from interviews.intake.assessment import AssessmentRefused, decide_intake, record_no_show, session_report
from interviews.intake.booking import BookingChanged, book_slot, cancel_booking
from interviews.models import IntakeAssessment, IntakeBooking, IntakePolicy, SessionInterviewer
from kortrijk_ats import roles
from tests.factories import UserFactory, hr_user
from tests.interviews.helpers import future_session, invited_application, make_slot

pytestmark = pytest.mark.django_db

RATINGS = {name: IntakeAssessment.Rating.GOOD for name, _ in IntakeAssessment.CRITERIA}
NOTES = {"motivation": "Kent de wijkwerking goed."}


def interviewer(username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=roles.INTERVIEWER)[0])
    return user


@pytest.fixture
def anna():
    return interviewer("anna")


@pytest.fixture
def held(procedure, session, anna):
    """A booking with Anna as interviewer, and the clock 10 minutes into the interview."""
    SessionInterviewer.objects.create(session=session, interviewer=anna)
    slot = make_slot(session, at=time(9))
    slot.interviewers.set([anna])
    booking = book_slot(slot, application=invited_application(procedure))
    with time_machine.travel(slot.starts_at + timedelta(minutes=10), tick=False):
        yield booking


def _stage(booking):
    booking.application.refresh_from_db()
    return booking.application.stage


def test_a_pass_puts_the_candidate_on_the_waitlist_for_a_year(held, anna):
    assessment = decide_intake(held, ratings=RATINGS, notes=NOTES, passed=True, motivation="Sterk gesprek.", by=anna)
    assert assessment.verdict == IntakeAssessment.Verdict.PASS
    assert assessment.motivation_note == "Kent de wijkwerking goed."
    assert _stage(held) == Stage.WAITLIST
    transition = held.application.transitions.last()
    assert (transition.to_stage, transition.actor, transition.reason) == (Stage.WAITLIST, anna, "Sterk gesprek.")
    entry = PoolEntry.objects.get(application=held.application)
    assert entry.kind == PoolEntry.Kind.WAITLIST
    assert entry.expires_on.year == entry.valid_from.year + 1
    assert Mail.objects.for_object(held.application).filter(event="waitlist").count() == 1


def test_a_fail_bans_and_the_mail_waits_for_release(held, anna):
    decide_intake(held, ratings={**RATINGS, "job_insight": IntakeAssessment.Rating.INSUFFICIENT}, notes={},
                  passed=False, motivation="Te weinig jobinzicht.", by=anna)
    assert _stage(held) == Stage.INTAKE_FAILED
    assert Ban.objects.get(application=held.application).function == held.application.procedure.function
    mail = Mail.objects.for_object(held.application).get(event="intake_failed")
    assert mail.state == Mail.State.DRAFT
    assert "Te weinig jobinzicht." in mail.body_text


@pytest.mark.parametrize(("change", "message"), [
    ({"motivation": "  "}, "motivering van de beslissing is verplicht"),
    ({"ratings": {**RATINGS, "availability": ""}}, "Geef een beoordeling voor: Inzetbaarheid"),
])
def test_an_incomplete_assessment_changes_nothing(held, anna, change, message):
    kwargs = {"ratings": RATINGS, "notes": {}, "passed": True, "motivation": "Goed.", "by": anna, **change}
    with pytest.raises(AssessmentRefused, match=message):
        decide_intake(held, **kwargs)
    assert _stage(held) == Stage.INTAKE_INVITED
    assert not IntakeAssessment.objects.exists()


def test_only_the_assigned_interviewer_decides_and_only_once(held, anna):
    bart = interviewer("bart")
    with pytest.raises(AssessmentRefused, match="niet de interviewer"):
        decide_intake(held, ratings=RATINGS, notes={}, passed=True, motivation="Goed.", by=bart)
    decide_intake(held, ratings=RATINGS, notes={}, passed=True, motivation="Goed.", by=anna)
    with pytest.raises(AssessmentRefused, match="al beoordeeld"):
        decide_intake(held, ratings=RATINGS, notes={}, passed=False, motivation="Toch niet.", by=anna)
    assert _stage(held) == Stage.WAITLIST
    assert IntakeAssessment.objects.count() == 1


def test_no_decision_before_the_interview_starts(procedure, session, anna):
    slot = make_slot(session, at=time(11))
    slot.interviewers.set([anna])
    booking = book_slot(slot, application=invited_application(procedure))
    with time_machine.travel(slot.starts_at - timedelta(minutes=1), tick=False), \
            pytest.raises(AssessmentRefused, match="nog niet begonnen"):
        decide_intake(booking, ratings=RATINGS, notes={}, passed=True, motivation="Goed.", by=anna)
    assert _stage(booking) == Stage.INTAKE_INVITED


def test_a_first_no_show_reinvites_once_and_a_second_fails(procedure, session, anna):
    first_slot, second_slot = make_slot(session, at=time(9)), make_slot(future_session(procedure, days_ahead=14))
    for slot in (first_slot, second_slot):
        slot.interviewers.set([anna])
    application = invited_application(procedure)
    first = book_slot(first_slot, application=application)
    with time_machine.travel(first_slot.starts_at + timedelta(minutes=15), tick=False):
        assert record_no_show(first, by=anna) == Stage.INTAKE_INVITED
        reinvitation = Mail.objects.for_object(application).get(event=mail_events.NO_SHOW_REINVITATION.key)
        assert "één nieuwe kans" in reinvitation.body_text
        # The candidate books again (the no-show booking no longer counts as active).
        second = book_slot(second_slot, application=application)
    with time_machine.travel(second_slot.starts_at + timedelta(minutes=15), tick=False):
        assert record_no_show(second, by=anna) == Stage.INTAKE_FAILED
    application.refresh_from_db()
    assert application.stage == Stage.INTAKE_FAILED
    assert IntakeBooking.objects.filter(application=application, no_show_at__isnull=False).count() == 2
    assert Ban.objects.filter(application=application).exists()


def test_under_the_fail_policy_a_no_show_fails_at_once(held, anna):
    IntakePolicy.objects.create(procedure=held.application.procedure, no_show_policy=IntakePolicy.NoShow.FAIL)
    assert record_no_show(held, by=anna) == Stage.INTAKE_FAILED
    assert _stage(held) == Stage.INTAKE_FAILED
    assert not Mail.objects.filter(event=mail_events.NO_SHOW_REINVITATION.key).exists()


def test_a_no_show_tells_an_english_candidate_in_english_and_the_record_stays_dutch(held, anna):
    IntakePolicy.objects.create(procedure=held.application.procedure, no_show_policy=IntakePolicy.NoShow.FAIL)
    Candidate.objects.filter(pk=held.application.candidate_id).update(language="en")
    with translation.override("en"):  # the interviewer's screen is in English
        record_no_show(held, by=anna)
    transition = Transition.objects.filter(application=held.application).latest("created_at")
    assert transition.reason == "Je was niet aanwezig op je online kennismakingsinterview."
    mail = Mail.objects.get(event="intake_failed")
    assert mail.language == "en" and "You did not attend your online intake interview." in mail.body_text
    assert "niet aanwezig" not in mail.body_text


def test_cancelling_a_booking_read_before_its_no_show_says_it_was_closed_and_sends_nothing(held, anna):
    record_no_show(held, by=anna)  # `held` is still the booking as read before
    with pytest.raises(BookingChanged, match="als niet aanwezig geregistreerd"):
        cancel_booking(held, by=hr_user(username="hr-annuleert"))
    assert not Mail.objects.filter(event=mail_events.BOOKING_CANCELLED.key).exists()


def test_the_verdict_and_the_no_show_lock_the_booking_through_its_one_door(held, anna):
    """booking.lock_booking locks the row by its key alone (a lock over the slot join finds no row once a move
    committed); the no-show closes the booking through booking.close_as_no_show."""
    with CaptureQueriesContext(connection) as queries:
        record_no_show(held, by=anna)
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"] and "intakebooking" in q["sql"]]
    assert len(locking) == 1 and " JOIN " not in locking[0]
    closed = IntakeBooking.objects.get(pk=held.pk)
    assert closed.no_show_at == closed.cancelled_at is not None and closed.cancelled_by == anna


def test_hr_sees_booked_held_passed_failed_and_no_shows_per_session(procedure, session, anna):
    slots = [make_slot(session, at=time(9), seats=4), make_slot(session, at=time(9, 20), seats=1)]
    for slot in slots:
        slot.interviewers.set([anna])
    booked = [book_slot(slots[0], application=invited_application(procedure)) for _ in range(4)]
    book_slot(slots[1], application=invited_application(procedure))  # booked, not yet held
    with time_machine.travel(slots[1].starts_at + timedelta(minutes=30), tick=False):
        hr = UserFactory(username="hr", is_superuser=True)
        decide_intake(booked[0], ratings=RATINGS, notes={}, passed=True, motivation="Goed.", by=hr)
        decide_intake(booked[1], ratings=RATINGS, notes={}, passed=False, motivation="Onvoldoende.", by=hr)
        record_no_show(booked[2], by=hr)
    (row,) = session_report(procedure)
    assert (row.booked, row.held, row.passed, row.failed, row.no_shows) == (5, 2, 1, 1, 1)
