"""Reminders with the clock moved: 24 hours before a booking, and to the invited who did not book; each once."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine

from communications.models import Mail
from interviews.intake import mail_events
from interviews.intake.booking import book_slot, cancel_booking, move_booking
from interviews.intake.reminders import send_booking_reminders, send_unbooked_reminders
from interviews.models import IntakePolicy, UnbookedReminder
from interviews.tasks import send_intake_reminders
from tests.factories import IntakeSessionFactory, hr_user
from tests.interviews.helpers import BRUSSELS, invited_application, make_slot

pytestmark = pytest.mark.django_db


def _at(day, hour, minute=0):
    return time_machine.travel(datetime(2026, 1, day, hour, minute, tzinfo=BRUSSELS), tick=False)


@pytest.fixture
def sessions(procedure):
    """The bundle's four intake moments; the last is 26/01/26."""
    days = [(20, time(9), time(12)), (22, time(9), time(12)), (23, time(9), time(16)), (26, time(9), time(12))]
    return [IntakeSessionFactory(procedure=procedure, date=date(2026, 1, d), starts_at=s, ends_at=e,
                                 meeting_url="https://teams.example.org/sessie") for d, s, e in days]


def _reminders(event):
    return Mail.objects.filter(event=event.key)


def test_the_booking_reminder_goes_once_24_hours_before(procedure, sessions):
    slot = make_slot(sessions[1], at=time(10))  # 22/01 10:00
    with _at(10, 9):
        application = invited_application(procedure)
        booking = book_slot(slot, application=application)
    with _at(21, 9, 59):
        assert send_booking_reminders() == 0  # 24 h and a minute before: not yet
    with _at(21, 10, 0):
        assert send_booking_reminders() == 1
        assert send_booking_reminders() == 0  # a second run sends nothing
    mail = _reminders(mail_events.BOOKING_REMINDER).get()
    assert mail.to == application.candidate.email
    assert "donderdag 22 januari 2026" in mail.subject and "10:00–10:20" in mail.subject
    booking.refresh_from_db()
    assert booking.reminder_sent_for == slot.starts_at


def test_a_moved_booking_is_reminded_for_its_new_time_and_a_cancelled_one_not(procedure, sessions):
    first, later = make_slot(sessions[1], at=time(10)), make_slot(sessions[3], at=time(9))
    other = make_slot(sessions[2], at=time(9))
    with _at(10, 9):
        moved = book_slot(first, application=invited_application(procedure))
        cancelled = book_slot(other, application=invited_application(procedure))
    with _at(21, 11):
        assert send_booking_reminders() == 1  # only the 22/01 booking is within 24 hours
        cancel_booking(cancelled, by=cancelled.application.candidate.user)
        # Past the candidate's cut-off, HR moves the reminded booking to 26/01.
        move_booking(moved, to_slot=later, by=hr_user(username="hr"))
    with _at(22, 10):
        assert send_booking_reminders() == 0  # the cancelled 23/01 booking gets nothing
    with _at(25, 9, 30):
        assert send_booking_reminders() == 1
    subjects = sorted(_reminders(mail_events.BOOKING_REMINDER).values_list("subject", flat=True))
    assert len(subjects) == 2
    assert any("donderdag 22 januari 2026" in s for s in subjects)
    assert any("maandag 26 januari 2026" in s for s in subjects)


def test_the_unbooked_reminder_goes_n_days_before_the_last_session_once(procedure, sessions):
    with _at(10, 9):
        waiting = invited_application(procedure)
        booked = invited_application(procedure)
        book_slot(make_slot(sessions[0], at=time(9)), application=booked)
    with _at(22, 23, 59):
        assert send_unbooked_reminders() == 0  # the default is 3 days before 26/01: from 23/01
    with _at(23, 0, 1):
        assert send_unbooked_reminders() == 1
        assert send_unbooked_reminders() == 0
    mail = _reminders(mail_events.UNBOOKED_REMINDER).get()
    assert mail.to == waiting.candidate.email
    assert "maandag 26 januari 2026" in mail.body_text
    assert f"/mijn-kandidaturen/{waiting.public_id}/intake/" in mail.body_text
    assert UnbookedReminder.objects.get().application == waiting
    with _at(27, 9):
        assert send_unbooked_reminders() == 0  # after the last session: nothing


def test_the_unbooked_reminder_follows_the_procedure_policy(procedure, sessions):
    IntakePolicy.objects.create(procedure=procedure, unbooked_reminder_days=7)
    with _at(10, 9):
        invited_application(procedure)
    with _at(18, 23):
        assert send_unbooked_reminders() == 0
    with _at(19, 0, 30):
        assert send_unbooked_reminders() == 1


def test_the_periodic_task_runs_both_reminders(procedure, sessions):
    slot = make_slot(sessions[3], at=time(11))
    with _at(10, 9):
        book_slot(slot, application=invited_application(procedure))
        invited_application(procedure)
    with _at(25, 12):
        assert send_intake_reminders() == {"booked": 1, "unbooked": 1}
        assert send_intake_reminders() == {"booked": 0, "unbooked": 0}


def test_the_beat_schedule_runs_the_reminders(settings):
    task = "interviews.tasks.send_intake_reminders"
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == task]
    assert len(entries) == 1
    assert entries[0]["schedule"] <= timedelta(minutes=30)
