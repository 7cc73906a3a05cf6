"""Generating, adding, closing slots: local times in Europe/Brussels, breaks, idempotence."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from interviews.intake.booking import book_slot
from interviews.intake.slots import (
    SlotPlanError,
    add_slot,
    close_slots,
    generate_slots,
    parse_breaks,
    plan_slot_times,
    reopen_slots,
)
from interviews.models import IntakeSlot, SessionInterviewer
from tests.factories import IntakeSessionFactory, UserFactory
from tests.interviews.helpers import BRUSSELS, invited_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def morning(procedure):
    # The bundle's 20/01/26 morning, with a coffee break.
    return IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 20), starts_at=time(9), ends_at=time(12))


def _local_starts(slots):
    return [s.starts_at.astimezone(BRUSSELS).strftime("%H:%M") for s in slots]


def test_it_plans_back_to_back_slots_around_the_breaks(morning):
    plan = plan_slot_times(morning, breaks=[(time(10), time(10, 30))])
    assert [s.strftime("%H:%M") for s, _ in plan] == [
        "09:00", "09:20", "09:40", "10:30", "10:50", "11:10", "11:30"]
    assert all(end - start == timedelta(minutes=20) for start, end in plan)
    assert plan[0][0] == datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
    assert plan[0][0].utcoffset() == timedelta(hours=1)  # CET in January


def test_it_generates_one_seat_per_interviewer(morning):
    anna, bart = UserFactory(username="anna"), UserFactory(username="bart")
    result = generate_slots(morning, interviewers=[anna, bart], breaks=[(time(10, 20), time(10, 40))])
    slots = IntakeSlot.objects.filter(session=morning)
    assert len(result.created) == slots.count() == 8
    assert _local_starts(slots) == ["09:00", "09:20", "09:40", "10:00", "10:40", "11:00", "11:20", "11:40"]
    assert {s.seats for s in slots} == {2}
    assert set(slots[0].interviewers.all()) == {anna, bart}
    assert SessionInterviewer.objects.filter(session=morning).count() == 2


def test_generating_again_adds_nothing_and_keeps_hr_edits(morning, procedure):
    anna = UserFactory(username="anna")
    generate_slots(morning, interviewers=[anna])
    first = IntakeSlot.objects.filter(session=morning).first()
    first.seats, first.is_closed = 3, True
    first.save()
    again = generate_slots(morning, interviewers=[anna])
    assert again.created == []
    assert len(again.existing) == IntakeSlot.objects.filter(session=morning).count() == 9
    first.refresh_from_db()
    assert (first.seats, first.is_closed) == (3, True)
    assert SessionInterviewer.objects.filter(session=morning).count() == 1


def test_it_refuses_a_plan_without_interviewers(morning):
    with pytest.raises(SlotPlanError, match="minstens één interviewer"):
        generate_slots(morning, interviewers=[])
    assert not IntakeSlot.objects.exists()


def test_it_reads_breaks_typed_by_hr():
    assert parse_breaks("10:20-10:40, 12:00 - 13:00") == [(time(10, 20), time(10, 40)), (time(12), time(13))]
    assert parse_breaks("") == []
    with pytest.raises(SlotPlanError, match="geen pauze van de vorm"):
        parse_breaks("tien uur")


def test_hr_adds_a_slot_but_not_twice(morning):
    starts = datetime(2026, 1, 20, 12, 0, tzinfo=BRUSSELS)
    slot = add_slot(morning, starts_at=starts, seats=2)
    assert slot.ends_at - slot.starts_at == timedelta(minutes=20)
    with pytest.raises(SlotPlanError, match="Er bestaat al een moment om 12:00"):
        add_slot(morning, starts_at=starts)
    assert IntakeSlot.objects.count() == 1


def test_a_closed_slot_keeps_its_bookings_and_takes_no_new_ones(procedure, session):
    generate_slots(session, interviewers=[UserFactory(username="anna"), UserFactory(username="bart")])
    slot = IntakeSlot.objects.filter(session=session).first()
    booking = book_slot(slot, application=invited_application(procedure))
    assert close_slots([slot]) == 1
    assert close_slots([slot]) == 0
    slot.refresh_from_db()
    assert slot.is_closed and slot.booked_count == 1
    booking.refresh_from_db()
    assert booking.cancelled_at is None
    assert reopen_slots([slot]) == 1


def test_the_model_refuses_fewer_seats_than_bookings(procedure, session):
    from django.core.exceptions import ValidationError

    slot = IntakeSlot.objects.create(session=session, starts_at=datetime.combine(session.date, time(9), BRUSSELS),
                                     ends_at=datetime.combine(session.date, time(9, 20), BRUSSELS), seats=2)
    book_slot(slot, application=invited_application(procedure))
    book_slot(slot, application=invited_application(procedure))
    slot.seats = 1
    with pytest.raises(ValidationError, match="al 2 boekingen"):
        slot.full_clean()


def test_a_session_without_hours_gets_no_slots_and_the_message_names_the_missing_hours(procedure):
    # The bundle announces "voormiddag" without hours: HR enters them before slots can be made.
    session = IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 20), starts_at=None, ends_at=None,
                                   label="voormiddag")
    anna = UserFactory(username="anna")
    with pytest.raises(SlotPlanError) as refusal:
        generate_slots(session, interviewers=[anna])
    message = str(refusal.value)
    assert message.startswith("Vul eerst het begin- en einduur van het intakemoment dinsdag 20/01/2026 in bij de "
                              f"procedure ‘{procedure.title}’ (Back office › Procedures › Intakemomenten).")
    assert "‘voormiddag’, geen uren" in message
    assert not IntakeSlot.objects.exists() and not SessionInterviewer.objects.exists()
