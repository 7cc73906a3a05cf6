"""Two changes to one booking at once, over HTTP against the live server.

A double click on "Verplaats naar", ten moves fired together, a move and a cancel, a move and a withdrawal: the
candidate gets a page (303 or a kind 409), never a 500; afterwards each slot's counter equals its active rows, the
application holds at most one active booking, and one mail left per change that took effect.

Each race has a negative control: the same race with the old locking query put back for the length of the test
(a FOR UPDATE over the slot join; it lives here, never in interviews/intake/booking.py). PostgreSQL re-checks a booking
that a concurrent move changed against the old slot row of that join and finds no row, so the control must show
the 500 (IntakeBooking.DoesNotExist) or, for the withdrawal, a booking that survives it.
"""

import pytest
from django.urls import reverse

from candidates.stages import Stage
from communications.models import Mail
from interviews.intake import booking as booking_module
from interviews.intake import mail_events
from interviews.intake.booking import book_slot
from interviews.models import IntakeBooking, IntakeSlot
from tests.interviews.helpers import double_booked_applications, future_session, invited_application, make_slots
from tests.interviews.http_race import Candidate, fire_together, overlapped, status_counts

# Under pytest-xdist the races run one after the other on one worker (tests/xdist_scheduling.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

RUNS = 5  # races per test; every run must be clean
CONTROL_ATTEMPTS = 10  # a negative control stops at the first run that shows the bug
MOVED_MEANWHILE = "al verplaatst naar"
CANCELLED_MEANWHILE = "intussen al geannuleerd"


def _path(name, application):
    return reverse(f"interviews:{name}", args=[application.public_id])


def _booked_candidate(live_server, procedure, slot):
    """An invited application with a booking in `slot`, and its browser on the intake page (session, CSRF token)."""
    application = invited_application(procedure)
    book_slot(slot, application=application)
    browser = Candidate.logged_in(live_server.url, application.candidate.user)
    assert browser.open_page(_path("intake", application)).status == 200 and browser.csrf
    return application, browser


def _fresh_slots(procedure, run, count):
    return make_slots(future_session(procedure, days_ahead=10 + run), count)


def _mails(application, event):
    return Mail.objects.filter(event=event.key, to=application.candidate.email).count()


def _assert_no_server_error(replies):
    assert not [r for r in replies if r.status == 0 or r.status >= 500], status_counts(replies)
    assert set(status_counts(replies)) <= {303, 409}, status_counts(replies)


def _assert_counters_equal_rows():
    """Every slot's seat counter equals its active booking rows; no application holds two active bookings."""
    counters = dict(IntakeSlot.objects.values_list("pk", "booked_count"))
    rows = {pk: 0 for pk in counters}
    for slot_id in IntakeBooking.objects.active().values_list("slot_id", flat=True):
        rows[slot_id] += 1
    assert counters == rows
    assert double_booked_applications() == []


def _booking_of(application):
    return IntakeBooking.objects.get(application=application)


# --- The old locking query, restored only inside the negative controls ------------------------------------------


@pytest.fixture
def old_join_lock(monkeypatch):
    """Put the pre-fix lock back: FOR UPDATE OF the booking, over the slot/application join. Returns the list of
    booking ids whose lock found no row (the DoesNotExist behind the 500)."""
    lost = []

    def lock_over_the_join(booking):
        try:
            return (IntakeBooking.objects.select_for_update(of=("self",))
                    .select_related("slot__session", "application__candidate", "application__procedure")
                    .get(pk=booking.pk))
        except IntakeBooking.DoesNotExist:
            lost.append(booking.pk)
            raise

    monkeypatch.setattr(booking_module, "lock_booking", lock_over_the_join)
    return lost


def _until_caught(race, lost):
    """Run `race(attempt)` until the old lock loses a booking; returns (attempts, the replies of that run)."""
    for attempt in range(1, CONTROL_ATTEMPTS + 1):
        replies = race(attempt)
        if lost:
            return attempt, replies
    pytest.fail(f"the old join lock never lost a booking in {CONTROL_ATTEMPTS} races: the test would not catch it")


# --- A double click on "Verplaats naar" ----------------------------------------------------------------------------


def _double_click_move(live_server, procedure, run):
    here, there = _fresh_slots(procedure, run, 2)
    application, browser = _booked_candidate(live_server, procedure, here)
    shot = (browser, _path("move", application), {"slot": there.pk})
    return application, there, fire_together([shot, shot])


def test_a_double_click_on_move_moves_once_and_tells_the_second_click_where_it_is(live_server, procedure):
    lost_races = 0
    for run in range(RUNS):
        application, there, replies = _double_click_move(live_server, procedure, run)
        assert overlapped(replies)
        _assert_no_server_error(replies)
        assert status_counts(replies) == {303: 1, 409: 1}
        (second,) = [r for r in replies if r.status == 409]
        # Lost at the lock (moved meanwhile), or read after the first one's commit (already on that slot).
        assert MOVED_MEANWHILE in second.body or "al op dit moment geboekt" in second.body
        lost_races += MOVED_MEANWHILE in second.body
        booking = _booking_of(application)
        assert (booking.slot_id, booking.sequence, booking.cancelled_at) == (there.pk, 1, None)
        assert _mails(application, mail_events.BOOKING_MOVED) == 1
        _assert_counters_equal_rows()
    print(f"double click: {RUNS} runs x 2 POSTs, each 303 + 409; {lost_races} second clicks lost at the lock")


def test_negative_control_a_double_click_on_move_with_the_old_join_lock_answers_500(
        live_server, procedure, old_join_lock):
    attempts, replies = _until_caught(lambda run: _double_click_move(live_server, procedure, run)[2], old_join_lock)
    assert 500 in status_counts(replies)
    print(f"negative control, double click: 500 on attempt {attempts}: {status_counts(replies)}")


# --- Ten moves of one booking at once, each to another slot ------------------------------------------------------


def _ten_moves(live_server, procedure, run):
    here, *targets = _fresh_slots(procedure, run, 11)
    application, browser = _booked_candidate(live_server, procedure, here)
    replies = fire_together([(browser, _path("move", application), {"slot": slot.pk}) for slot in targets])
    return application, targets, replies


def test_ten_moves_at_once_each_take_effect_or_say_where_the_booking_went(live_server, procedure):
    totals = {}
    for run in range(3):
        application, targets, replies = _ten_moves(live_server, procedure, run)
        statuses = status_counts(replies)
        assert overlapped(replies)
        _assert_no_server_error(replies)
        assert statuses.get(303, 0) >= 1
        assert all(MOVED_MEANWHILE in r.body for r in replies if r.status == 409)
        # One mail and one step of the invitation's SEQUENCE per move that took effect; the last one holds.
        booking = _booking_of(application)
        assert booking.cancelled_at is None and booking.slot_id in {s.pk for s in targets}
        assert booking.sequence == statuses[303] == _mails(application, mail_events.BOOKING_MOVED)
        _assert_counters_equal_rows()
        for status, count in statuses.items():
            totals[status] = totals.get(status, 0) + count
    print(f"ten moves: 3 runs x 10 POSTs: {totals}")


def test_negative_control_ten_moves_with_the_old_join_lock_answer_500(live_server, procedure, old_join_lock):
    attempts, replies = _until_caught(lambda run: _ten_moves(live_server, procedure, run)[2], old_join_lock)
    assert 500 in status_counts(replies)
    print(f"negative control, ten moves: on attempt {attempts}: {status_counts(replies)}")


# --- A move and a cancel at once ---------------------------------------------------------------------------------


def _move_and_cancel(live_server, procedure, run):
    here, there = _fresh_slots(procedure, run, 2)
    application, browser = _booked_candidate(live_server, procedure, here)
    move, cancel = fire_together([(browser, _path("move", application), {"slot": there.pk}),
                                  (browser, _path("cancel", application), {})])
    return application, here, there, move, cancel


def test_a_move_and_a_cancel_at_once_end_in_one_clear_state(live_server, procedure):
    outcomes = {}
    for run in range(RUNS):
        application, here, there, move, cancel = _move_and_cancel(live_server, procedure, run)
        assert overlapped([move, cancel])
        _assert_no_server_error([move, cancel])
        booking = _booking_of(application)
        # Whichever took effect sent its mail; the other was told how the booking stands.
        assert _mails(application, mail_events.BOOKING_MOVED) == int(move.status == 303)
        assert _mails(application, mail_events.BOOKING_CANCELLED) == int(cancel.status == 303)
        if cancel.status == 303:
            assert booking.cancelled_at is not None
        else:
            assert booking.cancelled_at is None and booking.slot_id == (there.pk if move.status == 303 else here.pk)
            assert MOVED_MEANWHILE in cancel.body
        if move.status == 409:
            assert CANCELLED_MEANWHILE in move.body or "geen boeking om te verplaatsen" in move.body
        assert booking.sequence == int(move.status == 303) + int(cancel.status == 303)
        _assert_counters_equal_rows()
        key = f"move {move.status}, cancel {cancel.status}"
        outcomes[key] = outcomes.get(key, 0) + 1
    print(f"move + cancel: {RUNS} runs: {outcomes}")


def test_negative_control_a_move_and_a_cancel_with_the_old_join_lock_answer_500(
        live_server, procedure, old_join_lock):
    def race(run):
        *_, move, cancel = _move_and_cancel(live_server, procedure, run)
        return [move, cancel]

    attempts, replies = _until_caught(race, old_join_lock)
    assert 500 in status_counts(replies)
    print(f"negative control, move + cancel: on attempt {attempts}: {status_counts(replies)}")


# --- A move and a withdrawal at once -----------------------------------------------------------------------------


def _move_and_withdraw(live_server, procedure, run):
    here, there = _fresh_slots(procedure, run, 2)
    application, browser = _booked_candidate(live_server, procedure, here)
    withdraw_path = reverse("candidates:withdraw", args=[application.public_id])
    confirm = browser.request("GET", withdraw_path)
    stage_token = confirm.body.split('name="stage_token" value="')[1].split('"')[0]
    move, withdraw = fire_together([(browser, _path("move", application), {"slot": there.pk}),
                                    (browser, withdraw_path, {"stage_token": stage_token})])
    return application, move, withdraw


def _booking_left_after_withdrawal(application):
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN
    return IntakeBooking.objects.active().filter(application=application).first()


def test_a_withdrawal_during_a_move_still_gives_the_seat_back(live_server, procedure):
    moves = {}
    for run in range(RUNS):
        application, move, withdraw = _move_and_withdraw(live_server, procedure, run)
        assert overlapped([move, withdraw])
        _assert_no_server_error([move])
        assert withdraw.status == 302
        assert _booking_left_after_withdrawal(application) is None
        _assert_counters_equal_rows()
        assert _mails(application, mail_events.BOOKING_CANCELLED) == 1
        assert _mails(application, mail_events.BOOKING_MOVED) == int(move.status == 303)
        moves[move.status] = moves.get(move.status, 0) + 1
    print(f"move + withdrawal: {RUNS} runs, every booking released; the moves answered {moves}")


def test_negative_control_a_withdrawal_during_a_move_with_the_old_join_lock_keeps_the_booking(
        live_server, procedure, monkeypatch):
    """The old release read the booking with .first() over the slot join: after a concurrent move it found
    nothing and left the seat taken by a withdrawn candidate, silently."""
    lost = []

    def old_release_lock(booking):
        found = (IntakeBooking.objects.active().select_for_update(of=("self",))
                 .select_related("slot__session", "application__candidate", "application__procedure")
                 .filter(pk=booking.pk).first())
        if found is None:
            lost.append(booking.pk)
        return found

    monkeypatch.setattr(booking_module, "lock_booking", old_release_lock)
    survivors = []
    for attempt in range(1, CONTROL_ATTEMPTS + 1):
        application, move, _ = _move_and_withdraw(live_server, procedure, attempt)
        if move.status == 303 and _booking_left_after_withdrawal(application) is not None:
            survivors.append(application.pk)
            break
    assert survivors and lost, f"the old lock never kept a withdrawn candidate's seat in {attempt} races"
    print(f"negative control, move + withdrawal: booking survived the withdrawal on attempt {attempt}")
