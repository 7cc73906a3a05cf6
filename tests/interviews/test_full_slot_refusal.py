"""A post for a seat that is already gone is refused before any lock, with the same answer as under the locks."""

import re
from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.stages import Stage
from interviews.intake.booking import book_slot
from interviews.models import IntakeBooking, IntakeSlot
from tests.auth import login_staff
from tests.factories import ApplicationFactory
from tests.interviews.helpers import invited_application, make_slot

pytestmark = pytest.mark.django_db


def _post(client, application, slot):
    login_staff(client, application.candidate.user)
    url = reverse("interviews:book", args=[application.public_id])
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"slot": slot.pk})
    return response, re.sub(r"\s+", " ", response.content.decode()), [q["sql"] for q in queries.captured_queries]


def test_a_full_slot_is_refused_without_locking_or_updating(client, invited, session):
    full, free = make_slot(session, at=time(9)), make_slot(session, at=time(10), seats=2)
    book_slot(full, application=invited_application(invited.procedure))
    response, text, sql = _post(client, invited, full)
    assert response.status_code == 409
    assert "Iemand anders was je net voor" in text and "10:00–10:20" in text and "nog 2 plaatsen vrij" in text
    assert not [q for q in sql if "FOR UPDATE" in q or q.startswith("UPDATE \"interviews_intakeslot\"")]
    assert [s["slot"].pk for d in response.context["days"] for s in d["slots"]] == [free.pk]
    assert IntakeSlot.objects.get(pk=full.pk).booked_count == 1
    assert not IntakeBooking.objects.filter(application=invited).exists()


def test_a_closed_slot_is_refused_the_same_way(client, invited, session):
    closed = make_slot(session, at=time(9), is_closed=True)
    response, text, _ = _post(client, invited, closed)
    assert response.status_code == 409
    assert "Iemand anders was je net voor" in text
    assert not IntakeBooking.objects.filter(application=invited).exists()


def test_who_already_booked_is_told_so_even_for_a_full_slot(client, invited, session):
    mine, full = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    book_slot(mine, application=invited)
    book_slot(full, application=invited_application(invited.procedure))
    response, text, _ = _post(client, invited, full)
    assert response.status_code == 409
    assert "Je hebt al een moment geboekt" in text
    assert IntakeBooking.objects.active().get(application=invited).slot_id == mine.pk


def test_who_is_not_invited_is_told_so_even_for_a_full_slot(client, procedure, session):
    full = make_slot(session, at=time(9))
    book_slot(full, application=invited_application(procedure))
    screening = ApplicationFactory(procedure=procedure)
    assert screening.stage != Stage.INTAKE_INVITED
    response, text, _ = _post(client, screening, full)
    assert response.status_code == 409
    assert "je kan nu geen moment boeken of wijzigen" in text
    assert not IntakeBooking.objects.filter(application=screening).exists()
