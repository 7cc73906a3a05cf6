"""Real races over HTTP against pytest-django's live server (a ThreadedWSGIServer: one thread per request, each
with its own PostgreSQL connection). Distinct logged-in candidates POST at once, released by a barrier.

The negative control runs the same harness with the protection off: the booking page books through the tests'
own read-check-write (tests/interviews/unsafe_booking.py, without lock or conditional update), and the database
guards (the CHECK booked_count <= seats and the partial unique indexes) are dropped with the schema editor for the
length of the test and restored from the models' own Meta.constraints afterwards. No migration is involved.
"""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from communications.models import Mail
from interviews.intake import mail_events
from interviews.intake.booking import book_slot
from interviews.intake.screens import candidate as booking_page
from interviews.models import IntakeBooking, IntakeSlot
from tests.interviews.helpers import (
    double_booked_applications,
    future_session,
    invited_application,
    make_slots,
    overbooked,
    rows_per_slot,
)
from tests.interviews.http_race import Candidate, fire_together, overlapped, status_counts
from tests.interviews.unsafe_booking import book_slot_unsafely

# Under pytest-xdist the races run one after the other on one worker (tests/xdist_scheduling.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

# The database guards behind the lock, by model and constraint name.
GUARDS = [
    (IntakeSlot, "intake_slot_not_overbooked"),
    (IntakeBooking, "one_active_intake_booking_per_application"),
    (IntakeBooking, "one_active_intake_booking_per_interviewer_slot"),
]


def _constraint_names(model):
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, model._meta.db_table))


@contextmanager
def guards_dropped():
    """Drop the booking guards for a negative control; always restore them, after clearing the double bookings
    they would refuse."""
    guards = [(model, next(c for c in model._meta.constraints if c.name == name)) for model, name in GUARDS]
    with connection.schema_editor() as editor:
        for model, constraint in guards:
            editor.remove_constraint(model, constraint)
    try:
        yield
    finally:
        IntakeBooking.objects.all().delete()
        IntakeSlot.objects.update(booked_count=0)
        with connection.schema_editor() as editor:
            for model, constraint in guards:
                editor.add_constraint(model, constraint)


def _candidates(live_server, procedure, count):
    """`count` invited applications, each with its own logged-in HTTP session and CSRF token."""
    people = []
    for _ in range(count):
        application = invited_application(procedure)
        candidate = Candidate.logged_in(live_server.url, application.candidate.user)
        page = candidate.open_page(_path("intake", application))
        assert page.status == 200 and candidate.csrf
        people.append((application, candidate))
    return people


def _path(name, application):
    return reverse(f"interviews:{name}", args=[application.public_id])


def _race_for(live_server, procedure, slots, n_candidates):
    people = _candidates(live_server, procedure, n_candidates)
    shots = [(candidate, _path("book", application), {"slot": slots[i % len(slots)].pk})
             for i, (application, candidate) in enumerate(people)]
    return people, fire_together(shots)


def test_many_candidates_race_for_fewer_seats(live_server, procedure):
    session = future_session(procedure)
    slots = make_slots(session, 3, seats=2)  # 6 seats for 40 candidates
    _, replies = _race_for(live_server, procedure, slots, 40)
    statuses = status_counts(replies)
    assert overlapped(replies)
    assert not [r for r in replies if r.status == 0 or r.status >= 500], statuses
    assert statuses == {303: 6, 409: 34}
    assert all("Iemand anders was je net voor" in r.body for r in replies if r.status == 409)
    # Rows, not only the counter: every slot exactly full, no candidate twice, counter equal to the rows.
    assert rows_per_slot(slots) == {s.pk: 2 for s in slots}
    assert overbooked(slots) == {}
    assert double_booked_applications() == []
    assert {s.pk: s.booked_count for s in IntakeSlot.objects.filter(pk__in=[s.pk for s in slots])} == rows_per_slot(
        slots)
    assert Mail.objects.filter(event=mail_events.BOOKING_CONFIRMED.key).count() == 6


def test_negative_control_without_lock_and_constraints_shows_a_double_booking(live_server, procedure, monkeypatch):
    """The same harness must catch a double booking when the protection is off, or it proves nothing."""
    monkeypatch.setattr(booking_page, "book_slot", book_slot_unsafely)
    caught = []
    with guards_dropped():
        assert not {name for _, name in GUARDS} & (_constraint_names(IntakeSlot) | _constraint_names(IntakeBooking))
        for attempt in range(5):
            slot = make_slots(future_session(procedure, days_ahead=10 + attempt), 1, seats=1)
            _, replies = _race_for(live_server, procedure, slot, 20)
            assert not [r for r in replies if r.status == 0 or r.status >= 500], status_counts(replies)
            caught = overbooked(slot)
            if caught:
                break
    assert caught, "the unsafe booking never double-booked: the harness would not catch a broken lock"
    ((rows, seats),) = caught.values()
    assert rows > seats == 1
    print(f"negative control: {rows} bookings in a 1-seat slot on attempt {attempt + 1}")
    # The guards are back, exactly as the models declare them.
    present = _constraint_names(IntakeSlot) | _constraint_names(IntakeBooking)
    assert {name for _, name in GUARDS} <= present


def test_one_candidate_firing_20_bookings_at_20_slots_gets_one(live_server, procedure):
    slots = make_slots(future_session(procedure), 9) + make_slots(future_session(procedure, days_ahead=11), 9) + \
        make_slots(future_session(procedure, days_ahead=12), 2)
    ((application, candidate),) = _candidates(live_server, procedure, 1)
    replies = fire_together([(candidate, _path("book", application), {"slot": slot.pk}) for slot in slots])
    statuses = status_counts(replies)
    assert overlapped(replies)
    assert statuses == {303: 1, 409: 19}
    assert all("al een moment geboekt" in r.body for r in replies if r.status == 409)
    assert IntakeBooking.objects.filter(application=application).count() == 1
    assert sum(s.booked_count for s in IntakeSlot.objects.all()) == 1
    assert Mail.objects.filter(event=mail_events.BOOKING_CONFIRMED.key, to=application.candidate.email).count() == 1


def test_a_cancelled_seat_goes_to_exactly_one_of_50(live_server, procedure):
    (slot,) = make_slots(future_session(procedure), 1, seats=1)
    ((holder, holder_http),) = _candidates(live_server, procedure, 1)
    book_slot(slot, application=holder)
    people = _candidates(live_server, procedure, 50)
    # Everyone sees the slot full; the holder cancels over HTTP, then the 50 race for the freed seat.
    holder_http.open_page(_path("cancel", holder))
    assert holder_http.post(_path("cancel", holder), {}).status == 303
    replies = fire_together([(c, _path("book", a), {"slot": slot.pk}) for a, c in people])
    statuses = status_counts(replies)
    assert overlapped(replies)
    assert statuses == {303: 1, 409: 49}
    slot.refresh_from_db()
    assert slot.booked_count == 1
    assert rows_per_slot([slot]) == {slot.pk: 1}
    winner = IntakeBooking.objects.active().get(slot=slot)
    assert winner.application_id in {a.pk for a, _ in people}
    assert IntakeBooking.objects.get(application=holder).cancelled_at is not None
