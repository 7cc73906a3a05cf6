"""Withdrawing gives a future intake seat back: the withdrawal and the seat change in one transaction."""

import pytest

from candidates.models import Application
from candidates.stages import Stage
from candidates.transitions import change_stage, change_stages
from communications.models import Mail
from interviews.intake.booking import book_slot
from interviews.models import IntakeBooking
from tests.interviews.helpers import future_session, invited_application, make_slot

pytestmark = pytest.mark.django_db


def test_it_frees_the_seat_and_sends_a_calendar_cancellation_when_the_candidate_withdraws(procedure):
    slot = make_slot(future_session(procedure), seats=1)
    application = invited_application(procedure)
    booking = book_slot(slot, application=application)

    change_stage(application, to=Stage.WITHDRAWN, by=application.candidate.user, reason="andere job")

    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.cancelled_at is not None
    assert slot.booked_count == 0
    cancellation = Mail.objects.filter(calendar__contains="METHOD:CANCEL").get()
    assert cancellation.to == application.candidate.email
    # The freed seat can be taken by the next candidate.
    book_slot(slot, application=invited_application(procedure))
    assert IntakeBooking.objects.active().filter(slot=slot).count() == 1


def test_it_keeps_the_booking_when_the_candidate_passes(procedure, hr):
    slot = make_slot(future_session(procedure), seats=1)
    application = invited_application(procedure)
    booking = book_slot(slot, application=application)

    change_stage(application, to=Stage.WAITLIST, by=hr)

    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.cancelled_at is None
    assert slot.booked_count == 1


def test_a_bulk_withdrawal_frees_the_booked_seat_and_writes_the_others_together(procedure, hr):
    """One chunk mixes a change with another app's handler (a booked seat) and plain ones (no booking)."""
    slot = make_slot(future_session(procedure), seats=1)
    booked = invited_application(procedure)
    booking = book_slot(slot, application=booked)
    unbooked = [invited_application(procedure), invited_application(procedure)]
    applications = [unbooked[0], booked, unbooked[1]]

    outcome = change_stages(applications, to=Stage.WITHDRAWN, by=hr, reason="Procedure stopgezet")

    assert (outcome.changed, outcome.refused) == (applications, [])
    assert set(Application.objects.filter(pk__in=[a.pk for a in applications]).values_list("stage", flat=True)) == {
        Stage.WITHDRAWN}
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.cancelled_at is not None and slot.booked_count == 0
    assert Mail.objects.filter(calendar__contains="METHOD:CANCEL").get().to == booked.candidate.email
    withdrawn_mails = Mail.objects.filter(event="withdrawn").values_list("to", flat=True)
    assert sorted(withdrawn_mails) == sorted(a.candidate.email for a in applications)
