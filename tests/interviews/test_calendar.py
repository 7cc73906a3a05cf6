"""The calendar invitation parses with icalendar and says the right thing: times, people, link, versions."""

from datetime import UTC, date, datetime, time

import icalendar
import pytest
import time_machine

from communications.models import Mail
from interviews.intake import mail_events
from interviews.intake.booking import book_slot, cancel_booking, move_booking
from interviews.models import SessionInterviewer
from tests.factories import IntakeSessionFactory, UserFactory
from tests.interviews.helpers import BRUSSELS, make_slot

pytestmark = pytest.mark.django_db

JOIN_URL = "https://teams.microsoft.com/l/meetup-join/anna"


@pytest.fixture
def booked(invited):
    """The bundle's 22/01/26 morning, booked on 10/01/26 at 09:40 with Anna's own Teams link."""
    invited.procedure.contact_email = "selecties@kortrijk.example"
    invited.procedure.save()
    session = IntakeSessionFactory(procedure=invited.procedure, date=date(2026, 1, 22), starts_at=time(9),
                                   ends_at=time(12))
    anna = UserFactory(username="anna")
    SessionInterviewer.objects.create(session=session, interviewer=anna, meeting_url=JOIN_URL)
    slot = make_slot(session, at=time(9, 40))
    slot.interviewers.set([anna])
    with time_machine.travel(datetime(2026, 1, 10, 10, 0, tzinfo=BRUSSELS), tick=False):
        booking = book_slot(slot, application=invited)
    return booking


def _event(mail):
    cal = icalendar.Calendar.from_ical(mail.calendar)
    (event,) = cal.walk("VEVENT")
    return cal, event


def test_the_invitation_parses_with_the_right_local_times(booked):
    mail = Mail.objects.get(event=mail_events.BOOKING_CONFIRMED.key)
    cal, event = _event(mail)
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(cal["VERSION"]) == "2.0"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (start.date(), start.time(), end.time()) == (date(2026, 1, 22), time(9, 40), time(10, 0))
    assert str(start.tzinfo) == "Europe/Brussels"
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Brussels"
    assert start == datetime(2026, 1, 22, 8, 40, tzinfo=UTC)


def test_the_invitation_names_organizer_attendee_and_the_join_link(booked):
    mail = Mail.objects.get(event=mail_events.BOOKING_CONFIRMED.key)
    _, event = _event(mail)
    candidate = booked.application.candidate
    assert str(event["ORGANIZER"]) == "mailto:selecties@kortrijk.example"
    assert event["ORGANIZER"].params["CN"] == "Selectieteam stad Kortrijk"
    assert str(event["ATTENDEE"]) == f"mailto:{candidate.email}"
    assert event["ATTENDEE"].params["CN"] == candidate.full_name
    assert str(event["URL"]) == JOIN_URL
    assert JOIN_URL in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"intake-{booked.uid}@kortrijk-ats"
    assert int(event["SEQUENCE"]) == 0
    assert JOIN_URL in mail.body_text


def test_a_move_keeps_the_uid_and_raises_the_sequence_and_a_cancel_says_cancel(booked):
    later = make_slot(booked.slot.session, at=time(11))
    with time_machine.travel(datetime(2026, 1, 12, 10, 0, tzinfo=BRUSSELS), tick=False):
        moved = move_booking(booked, to_slot=later)
        cancel_booking(moved, by=booked.application.candidate.user)
    _, moved = _event(Mail.objects.get(event=mail_events.BOOKING_MOVED.key))
    cal, cancelled = _event(Mail.objects.get(event=mail_events.BOOKING_CANCELLED.key))
    uid = f"intake-{booked.uid}@kortrijk-ats"
    assert str(moved["UID"]) == str(cancelled["UID"]) == uid
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").time() == time(11, 0)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 2
