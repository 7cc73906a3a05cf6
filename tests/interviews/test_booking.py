"""book_slot, move_booking and cancel_booking: the rules, the counter, the rows and the mails."""

from datetime import time, timedelta

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from interviews.intake import booking as booking_module
from interviews.intake import mail_events
from interviews.intake.booking import (
    AlreadyBooked,
    BookingChanged,
    BookingRefused,
    NotInvited,
    SlotTaken,
    TooLate,
    book_slot,
    cancel_booking,
    move_booking,
)
from interviews.models import IntakeBooking, IntakePolicy, IntakeSlot, SessionInterviewer
from tests.factories import ApplicationFactory, ProcedureFactory, UserFactory, hr_user
from tests.interviews.helpers import future_session, invited_application, make_slot

pytestmark = pytest.mark.django_db


def _mails(application, event):
    return Mail.objects.for_object(application).filter(event=event.key)


def test_it_books_a_free_seat(invited, session):
    slot = make_slot(session, seats=2)
    booking = book_slot(slot, application=invited)
    slot.refresh_from_db()
    assert slot.booked_count == 1
    assert list(IntakeBooking.objects.active().values_list("pk", flat=True)) == [booking.pk]
    assert booking.meeting_url == "https://teams.example.org/l/sessie"
    mail = _mails(invited, mail_events.BOOKING_CONFIRMED).get()
    assert mail.to == invited.candidate.email
    assert "BEGIN:VCALENDAR" in mail.calendar
    assert "09:00–09:20" in mail.body_text
    assert f"/mijn-kandidaturen/{invited.public_id}/intake/" in mail.body_text


def test_it_refuses_a_second_booking_for_the_same_application(invited, session):
    first, second = make_slot(session, at=time(9)), make_slot(session, at=time(9, 20))
    book_slot(first, application=invited)
    with pytest.raises(AlreadyBooked, match="al een moment geboekt"):
        book_slot(second, application=invited)
    second.refresh_from_db()
    assert second.booked_count == 0
    assert IntakeBooking.objects.filter(application=invited).count() == 1


def test_it_refuses_a_full_slot_with_a_dutch_message(procedure, session):
    slot = make_slot(session, seats=1)
    book_slot(slot, application=invited_application(procedure))
    late = invited_application(procedure)
    with pytest.raises(SlotTaken, match="Iemand anders was je net voor"):
        book_slot(slot, application=late)
    slot.refresh_from_db()
    assert slot.booked_count == 1
    assert not IntakeBooking.objects.filter(application=late).exists()
    assert not _mails(late, mail_events.BOOKING_CONFIRMED).exists()


def test_it_refuses_a_closed_slot(invited, session):
    slot = make_slot(session, seats=3, is_closed=True)
    with pytest.raises(SlotTaken):
        book_slot(slot, application=invited)
    assert not IntakeBooking.objects.exists()


@pytest.mark.parametrize("stage_path", [[], [Stage.ELIGIBLE], [Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.WAITLIST]])
def test_it_refuses_an_application_not_in_intake_invited(procedure, session, stage_path):
    application = ApplicationFactory(procedure=procedure)
    for stage in stage_path:
        change_stage(application, to=stage)
    slot = make_slot(session)
    with pytest.raises(NotInvited, match="geen moment boeken"):
        book_slot(slot, application=application)
    slot.refresh_from_db()
    assert slot.booked_count == 0


def test_it_refuses_a_slot_of_another_procedure(invited):
    other_slot = make_slot(future_session(ProcedureFactory()))
    with pytest.raises(BookingRefused, match="hoort niet bij je selectieprocedure"):
        book_slot(other_slot, application=invited)
    assert not IntakeBooking.objects.exists()


def test_it_refuses_booking_inside_the_cut_off(invited, session):
    slot = make_slot(session)
    with time_machine.travel(slot.starts_at - timedelta(hours=23), tick=False), pytest.raises(SlotTaken):
        book_slot(slot, application=invited)
    with time_machine.travel(slot.starts_at - timedelta(hours=25), tick=False):
        book_slot(slot, application=invited)
    assert IntakeBooking.objects.filter(application=invited).count() == 1


def test_it_gives_each_parallel_interviewer_one_candidate(procedure, session):
    anna, bart = UserFactory(username="anna"), UserFactory(username="bart")
    SessionInterviewer.objects.create(session=session, interviewer=anna, meeting_url="https://teams.example.org/anna")
    SessionInterviewer.objects.create(session=session, interviewer=bart)
    slot = make_slot(session, seats=2)
    slot.interviewers.set([anna, bart])
    first = book_slot(slot, application=invited_application(procedure))
    second = book_slot(slot, application=invited_application(procedure))
    assert {first.interviewer, second.interviewer} == {anna, bart}
    links = {first.interviewer.username: first.meeting_url, second.interviewer.username: second.meeting_url}
    # Anna's own link; Bart has none, so the session's link.
    assert links == {"anna": "https://teams.example.org/anna", "bart": "https://teams.example.org/l/sessie"}


def test_it_moves_a_booking_and_keeps_its_uid(invited, session):
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    booking = book_slot(old, application=invited)
    moved = move_booking(booking, to_slot=new)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.booked_count, new.booked_count) == (0, 1)
    assert moved.pk == booking.pk and moved.uid == booking.uid
    assert moved.slot == new and moved.sequence == 1 and moved.moved_at is not None
    mail = _mails(invited, mail_events.BOOKING_MOVED).get()
    assert "10:00–10:20" in mail.subject
    assert "SEQUENCE:1" in mail.calendar


def test_it_refuses_a_move_to_a_full_slot_and_keeps_the_booking(procedure, session):
    old, full = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    book_slot(full, application=invited_application(procedure))
    mine = invited_application(procedure)
    booking = book_slot(old, application=mine)
    with pytest.raises(SlotTaken):
        move_booking(booking, to_slot=full)
    booking.refresh_from_db()
    old.refresh_from_db()
    full.refresh_from_db()
    assert booking.slot == old and booking.sequence == 0
    assert (old.booked_count, full.booked_count) == (1, 1)


def test_it_refuses_a_candidate_move_after_the_cut_off_but_lets_hr(invited, session):
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(11))
    booking = book_slot(old, application=invited)
    with time_machine.travel(old.starts_at - timedelta(hours=23, minutes=59), tick=False):
        with pytest.raises(TooLate, match="tot 24 uur voor je gesprek verplaatsen"):
            move_booking(booking, to_slot=new, by=invited.candidate.user)
        booking.refresh_from_db()
        assert booking.slot == old
        # HR may still move it to any slot that has not started.
        move_booking(booking, to_slot=new, by=hr_user(username="hr-verplaatst"))
    booking.refresh_from_db()
    new.refresh_from_db()
    assert booking.slot == new and new.booked_count == 1


def test_a_candidate_moves_until_the_cut_off(invited, session):
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(11))
    booking = book_slot(old, application=invited)
    with time_machine.travel(old.starts_at - timedelta(hours=24, minutes=1), tick=False):
        move_booking(booking, to_slot=new, by=invited.candidate.user)
    booking.refresh_from_db()
    assert booking.slot == new


def test_it_follows_the_procedure_cut_off(invited, session):
    IntakePolicy.objects.create(procedure=invited.procedure, change_cutoff_hours=48)
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(11))
    with time_machine.travel(old.starts_at - timedelta(hours=72), tick=False):
        booking = book_slot(old, application=invited)
    with time_machine.travel(old.starts_at - timedelta(hours=47), tick=False):
        with pytest.raises(TooLate, match="48 uur"):
            cancel_booking(booking, by=invited.candidate.user)
        with pytest.raises(TooLate, match="48 uur"):
            move_booking(booking, to_slot=new, by=invited.candidate.user)
    booking.refresh_from_db()
    assert booking.cancelled_at is None and booking.slot == old


def test_it_cancels_and_frees_the_seat(invited, session):
    slot = make_slot(session)
    booking = book_slot(slot, application=invited)
    cancelled = cancel_booking(booking, by=invited.candidate.user)
    slot.refresh_from_db()
    assert slot.booked_count == 0
    assert cancelled.cancelled_at is not None and cancelled.cancelled_by == invited.candidate.user
    assert cancelled.sequence == 1
    mail = _mails(invited, mail_events.BOOKING_CANCELLED).get()
    assert "METHOD:CANCEL" in mail.calendar
    # The freed seat and a new booking are possible again.
    assert book_slot(slot, application=invited).pk != booking.pk


def test_cancelling_twice_changes_nothing_the_second_time(invited, session):
    slot = make_slot(session, seats=2)
    booking = book_slot(slot, application=invited)
    cancelled = cancel_booking(booking, by=invited.candidate.user)
    # Known as cancelled: a no-op. Read before the cancel (a double click): a lost race, told kindly.
    assert cancel_booking(cancelled, by=invited.candidate.user).sequence == 1
    with pytest.raises(BookingChanged, match="intussen al geannuleerd"):
        cancel_booking(booking, by=invited.candidate.user)
    slot.refresh_from_db()
    assert slot.booked_count == 0
    assert _mails(invited, mail_events.BOOKING_CANCELLED).count() == 1


# --- A booking that changed after the caller read it (a double click, a second window, HR) ----------------------


def test_a_move_of_a_booking_moved_meanwhile_is_refused_and_says_where_it_is_now(invited, session):
    old, new, other = (make_slot(session, at=time(h)) for h in (9, 10, 11))
    seen = book_slot(old, application=invited)
    move_booking(seen, to_slot=new)
    for target in (new, other):  # the same move again (a double click) or another one (a second window)
        with pytest.raises(BookingChanged, match=r"al verplaatst naar \w+ \d+ \w+ 2\d{3} om 10:00"):
            move_booking(seen, to_slot=target)
    booking = IntakeBooking.objects.get(pk=seen.pk)
    assert (booking.slot_id, booking.sequence) == (new.pk, 1)
    assert [s.booked_count for s in IntakeSlot.objects.filter(pk__in=[old.pk, new.pk, other.pk]).order_by("pk")] == [
        0, 1, 0]
    assert _mails(invited, mail_events.BOOKING_MOVED).count() == 1


def test_a_cancel_of_a_booking_moved_meanwhile_is_refused_and_the_booking_stays(invited, session):
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    seen = book_slot(old, application=invited)
    move_booking(seen, to_slot=new)
    with pytest.raises(BookingChanged, match=r"al verplaatst naar .* om 10:00"):
        cancel_booking(seen, by=invited.candidate.user)
    booking = IntakeBooking.objects.get(pk=seen.pk)
    assert booking.cancelled_at is None and booking.slot_id == new.pk
    assert _mails(invited, mail_events.BOOKING_CANCELLED).count() == 0


def test_a_move_of_a_booking_cancelled_meanwhile_is_refused_and_takes_no_seat(invited, session):
    old, new = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    seen = book_slot(old, application=invited)
    cancel_booking(seen, by=invited.candidate.user)
    with pytest.raises(BookingChanged, match="intussen al geannuleerd"):
        move_booking(seen, to_slot=new)
    new.refresh_from_db()
    assert new.booked_count == 0
    assert _mails(invited, mail_events.BOOKING_MOVED).count() == 0


def test_the_booking_row_is_locked_by_its_key_alone(invited, session):
    """The locking query joins nothing: PostgreSQL would re-check a just-moved row against the old slot row of the
    join and find no booking (a 500). The HTTP races in test_booking_change_race.py show it live."""
    booking = book_slot(make_slot(session), application=invited)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        fresh = booking_module.lock_booking(booking)
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    assert len(locking) == 1 and " JOIN " not in locking[0]
    assert fresh.slot.session and fresh.application.candidate and fresh.application.procedure
    assert len(queries.captured_queries) == 2  # the lock, then one read with what a change needs


def test_a_candidate_cannot_cancel_after_the_cut_off_but_hr_can(invited, session):
    slot = make_slot(session)
    booking = book_slot(slot, application=invited)
    with time_machine.travel(slot.starts_at - timedelta(hours=2), tick=False):
        with pytest.raises(TooLate, match="annuleren"):
            cancel_booking(booking, by=invited.candidate.user)
        booking.refresh_from_db()
        assert booking.cancelled_at is None
        cancel_booking(booking, by=hr_user(username="hr-annuleert"))
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


def test_the_database_refuses_a_counter_over_the_seats(session):
    slot = make_slot(session, seats=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        IntakeSlot.objects.filter(pk=slot.pk).update(booked_count=2)


def test_the_database_refuses_two_active_bookings_for_one_application(invited, session):
    first, second = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    IntakeBooking.objects.create(slot=first, application=invited)
    with pytest.raises(IntegrityError), transaction.atomic():
        IntakeBooking.objects.create(slot=second, application=invited)
    # A cancelled booking does not count.
    IntakeBooking.objects.filter(slot=first).update(cancelled_at=timezone.now())
    IntakeBooking.objects.create(slot=second, application=invited)
    assert IntakeBooking.objects.active().filter(application=invited).count() == 1
