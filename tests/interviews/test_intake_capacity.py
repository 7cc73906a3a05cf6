"""HR is warned on the procedure's page when invited candidates without a booking find no free seat in a slot still
to come: how many, and a link to exactly those candidates."""

import re
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse

from interviews.intake.booking import book_slot, cancel_booking
from interviews.intake.capacity import seats_short_warning
from procedures.settings_check import missing_settings
from tests.factories import ProcedureFactory
from tests.interviews.helpers import BRUSSELS, future_session, invited_application, make_slot

pytestmark = pytest.mark.django_db


def warnings_of(procedure):
    return list(seats_short_warning(procedure.function, procedure))


@pytest.fixture
def waiting(procedure):
    """Three invited candidates without a booking, one with a booking and one who cancelled hers."""
    session = future_session(procedure)
    booked = invited_application(procedure)
    book_slot(make_slot(session, at=time(9)), application=booked)
    cancelled = invited_application(procedure)
    cancel_booking(book_slot(make_slot(session, at=time(9, 20)), application=cancelled), by=None)
    invited_application(ProcedureFactory())  # another procedure's: not counted
    return [invited_application(procedure), invited_application(procedure), cancelled], session


def test_no_warning_while_the_free_seats_suffice(procedure, waiting):
    _people, session = waiting
    # The cancelled slot is free again: 1 seat; two more make 3 for 3 waiting.
    make_slot(session, at=time(9, 40))
    make_slot(session, at=time(10))
    assert warnings_of(procedure) == []


def test_too_few_seats_say_how_many_find_none(procedure, waiting):
    assert [item.what for item in warnings_of(procedure)] == [
        "3 uitgenodigde kandidaten hebben nog geen intakemoment en het aantal vrije plaatsen (1) is te klein: 2 van "
        "hen vinden geen moment"]


def test_seats_in_the_past_or_within_the_cut_off_do_not_count(procedure, waiting):
    _people, session = waiting
    make_slot(session, at=time(9, 40))
    make_slot(session, at=time(10))
    assert warnings_of(procedure) == []
    # The evening before the session day: every slot starts within the 24-hour cut-off.
    with time_machine.travel(datetime.combine(session.date - timedelta(days=1), time(20), tzinfo=BRUSSELS), tick=False):
        [item] = warnings_of(procedure)
    assert item.what == "3 uitgenodigde kandidaten hebben nog geen intakemoment en er is geen vrij moment meer"


def test_the_procedure_page_shows_the_warning_with_a_link_to_exactly_those_candidates(procedure, waiting, hr_client):
    people, _session = waiting
    page = hr_client.get(reverse("admin:procedures_procedure_change", args=[procedure.pk])).content.decode()
    box = re.search(r'<section class="missing-settings" id="missing-settings".*?</section>', page, re.S).group(0)
    assert "3 uitgenodigde kandidaten hebben nog geen intakemoment" in box
    url = reverse("admin:interviews_waitingforslot_changelist") + f"?procedure__id__exact={procedure.pk}"
    assert f'<a href="{url}">Bekijk de 3 kandidaten zonder intakemoment</a>' in box.replace("&amp;", "&")
    listed = hr_client.get(url).content.decode()
    for application in people:
        assert application.candidate.email in listed, application.candidate.email
    assert listed.count('class="field-candidate_email"') == 3
    assert next(item.what for item in missing_settings(procedure) if "intakemoment" in item.what).startswith("3 ")


def test_nobody_waiting_gives_no_warning_even_without_slots(procedure):
    invited_application(procedure)  # but booked below
    assert len(warnings_of(procedure)) == 1
    session = future_session(procedure)
    book_slot(make_slot(session, at=time(9)), application=procedure.applications.get())
    assert warnings_of(procedure) == []
