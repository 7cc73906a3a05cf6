"""An intake moment in the past is never offered: on the session's own day a slot that has started (or starts within
the cut-off) is neither listed on the intake page nor bookable."""

import re
from datetime import datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from interviews.intake.booking import SlotTaken, book_slot, free_slots
from interviews.models import IntakeBooking, IntakePolicy
from tests.auth import login_staff
from tests.interviews.helpers import BRUSSELS, future_session, make_slots

pytestmark = pytest.mark.django_db


def starts(slots):
    return [timezone.localtime(s.starts_at, BRUSSELS).time() for s in slots]


@pytest.fixture
def day_slots(invited):
    session = future_session(invited.procedure, days_ahead=10)  # 09:00–12:00
    return {timezone.localtime(s.starts_at, BRUSSELS).time(): s for s in make_slots(session, 9)}  # 09:00 … 11:40


def at_on_session_day(slots, hour, minute):
    the_day = next(iter(slots.values())).session.date
    return datetime.combine(the_day, time(hour, minute), tzinfo=BRUSSELS)


def test_on_the_session_day_a_started_slot_is_neither_listed_nor_bookable(client, invited, day_slots):
    IntakePolicy.objects.create(procedure=invited.procedure, change_cutoff_hours=0)
    with time_machine.travel(at_on_session_day(day_slots, 10, 5), tick=False):
        assert starts(free_slots(invited.procedure)) == [time(10, 20), time(10, 40), time(11), time(11, 20),
                                                         time(11, 40)]
        login_staff(client, invited.candidate.user)
        page = re.sub(r"\s+", " ", client.get(reverse("interviews:intake", args=[invited.public_id])).content.decode())
        assert "10:20–10:40" in page
        for started in ("09:00–09:20", "09:40–10:00", "10:00–10:20"):
            assert started not in page, started
        with pytest.raises(SlotTaken):
            book_slot(day_slots[time(10)], application=invited)
        response = client.post(reverse("interviews:book", args=[invited.public_id]),
                               {"slot": day_slots[time(9, 40)].pk})
        assert response.status_code == 409
        assert "is niet meer vrij" in response.content.decode()
        assert not IntakeBooking.objects.exists()
        booking = book_slot(day_slots[time(10, 20)], application=invited)  # the next one still can be booked
    assert booking.slot == day_slots[time(10, 20)]


def test_with_the_default_cut_off_nothing_of_the_day_itself_is_offered(invited, day_slots):
    with time_machine.travel(at_on_session_day(day_slots, 8, 0), tick=False):
        assert list(free_slots(invited.procedure)) == []
        with pytest.raises(SlotTaken):
            book_slot(day_slots[time(11, 40)], application=invited)
