"""The candidate's intake pages: own application only, POST-only changes, kind refusals, constant queries."""

import re
from datetime import time, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interviews.intake.booking import book_slot
from interviews.models import IntakeBooking, IntakeSlot
from tests.auth import login_staff
from tests.factories import ApplicationFactory, hr_user
from tests.interviews.helpers import future_session, invited_application, make_slot, make_slots

pytestmark = pytest.mark.django_db


def _url(name, application):
    return reverse(f"interviews:{name}", args=[application.public_id])


@pytest.fixture
def candidate_client(client, invited):
    login_staff(client, invited.candidate.user)
    return client


def _text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_it_lists_free_slots_by_day_with_seats_left(candidate_client, invited, session):
    make_slot(session, at=time(9), seats=2)
    make_slot(session, at=time(9, 20), seats=1)
    full = make_slot(session, at=time(9, 40), seats=1)
    book_slot(full, application=invited_application(invited.procedure))
    tomorrow = future_session(invited.procedure, days_ahead=11)
    make_slot(tomorrow, at=time(10))
    response = candidate_client.get(_url("intake", invited))
    assert response.status_code == 200
    text = _text(response)
    assert "09:00–09:20" in text and "nog 2 plaatsen vrij" in text
    assert "09:20–09:40" in text and "nog 1 plaats vrij" in text
    assert "09:40–10:00" not in text  # full: not offered
    days = response.context["days"]
    assert [len(d["slots"]) for d in days] == [2, 1]
    assert text.count('name="slot"') == 3


def test_the_page_costs_the_same_queries_for_3_or_30_slots(candidate_client, invited, session):
    make_slots(session, 3)
    with CaptureQueriesContext(connection) as few:
        candidate_client.get(_url("intake", invited))
    make_slots(future_session(invited.procedure, days_ahead=12), 9)
    make_slots(future_session(invited.procedure, days_ahead=13), 9)
    make_slots(future_session(invited.procedure, days_ahead=14), 9)
    with CaptureQueriesContext(connection) as many:
        response = candidate_client.get(_url("intake", invited))
    assert len(response.context["days"]) == 4
    assert len(many.captured_queries) == len(few.captured_queries)


def test_another_candidates_application_is_a_404_everywhere(client, invited, session):
    slot = make_slot(session)
    stranger = invited_application(invited.procedure)
    login_staff(client, stranger.candidate.user)
    for name in ("intake", "cancel", "calendar"):
        assert client.get(_url(name, invited)).status_code == 404
    for name in ("book", "move", "cancel"):
        assert client.post(_url(name, invited), {"slot": slot.pk}).status_code == 404
    assert not IntakeBooking.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, invited):
    response = client.get(_url("intake", invited))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_get_never_books(candidate_client, invited, session):
    slot = make_slot(session)
    assert candidate_client.get(_url("book", invited), {"slot": slot.pk}).status_code == 405
    assert candidate_client.get(_url("move", invited), {"slot": slot.pk}).status_code == 405
    assert not IntakeBooking.objects.exists()


def test_booking_by_post_redirects_to_the_booking(candidate_client, invited, session):
    slot = make_slot(session)
    response = candidate_client.post(_url("book", invited), {"slot": slot.pk})
    assert response.status_code == 303
    assert response["Location"] == _url("intake", invited)
    booking = IntakeBooking.objects.get(application=invited)
    assert booking.slot == slot
    page = _text(candidate_client.get(_url("intake", invited)))
    assert "Je afspraak" in page and "Geboekt:" in page
    assert "https://teams.example.org/l/sessie" in page
    assert "Afspraak annuleren" in page


def test_the_loser_is_told_kindly_with_what_is_still_free(candidate_client, invited, session):
    taken, free = make_slot(session, at=time(9)), make_slot(session, at=time(10))
    book_slot(taken, application=invited_application(invited.procedure))
    response = candidate_client.post(_url("book", invited), {"slot": taken.pk})
    assert response.status_code == 409
    text = _text(response)
    assert "Iemand anders was je net voor" in text
    assert "10:00–10:20" in text
    assert [s["slot"].pk for d in response.context["days"] for s in d["slots"]] == [free.pk]
    assert not IntakeBooking.objects.filter(application=invited).exists()


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1", "1; DROP TABLE x"])
def test_a_bad_slot_value_is_a_clear_400(candidate_client, invited, session, value):
    make_slot(session)
    response = candidate_client.post(_url("book", invited), {"slot": value})
    assert response.status_code == 400
    assert "Dit moment bestaat niet (meer)" in _text(response)
    assert not IntakeBooking.objects.exists()


def test_a_slot_of_another_procedure_is_refused(candidate_client, invited):
    foreign = make_slot(future_session(ApplicationFactory().procedure))
    response = candidate_client.post(_url("book", invited), {"slot": foreign.pk})
    assert response.status_code == 400
    assert not IntakeBooking.objects.exists()


def test_moving_by_post(candidate_client, invited, session):
    first, second = make_slot(session, at=time(9)), make_slot(session, at=time(11))
    book_slot(first, application=invited)
    page = _text(candidate_client.get(_url("intake", invited)))
    assert "Verplaats naar 11:00–11:20" in page
    response = candidate_client.post(_url("move", invited), {"slot": second.pk})
    assert response.status_code == 303
    assert IntakeBooking.objects.get(application=invited).slot == second
    assert list(IntakeSlot.objects.order_by("starts_at").values_list("booked_count", flat=True)) == [0, 1]


def test_cancel_asks_first_and_cancels_only_on_post(candidate_client, invited, session):
    slot = make_slot(session)
    book_slot(slot, application=invited)
    confirm = candidate_client.get(_url("cancel", invited))
    assert confirm.status_code == 200
    assert "Ja, annuleer mijn afspraak" in _text(confirm)
    assert IntakeBooking.objects.active().filter(application=invited).exists()
    response = candidate_client.post(_url("cancel", invited))
    assert response.status_code == 303
    assert not IntakeBooking.objects.active().filter(application=invited).exists()
    slot.refresh_from_db()
    assert slot.booked_count == 0


def test_after_the_cut_off_there_are_no_change_buttons_and_a_post_is_refused(candidate_client, invited, session):
    slot, other = make_slot(session, at=time(9)), make_slot(session, at=time(11))
    book_slot(slot, application=invited)
    with time_machine.travel(slot.starts_at - timedelta(hours=3)):
        page = _text(candidate_client.get(_url("intake", invited)))
        assert "Verplaatsen of annuleren kan niet meer" in page
        assert "Afspraak annuleren" not in page and 'name="slot"' not in page
        response = candidate_client.post(_url("move", invited), {"slot": other.pk})
        assert response.status_code == 409
        assert "24 uur" in _text(response)
        assert candidate_client.post(_url("cancel", invited)).status_code == 409
    assert IntakeBooking.objects.active().get(application=invited).slot == slot


def test_when_nothing_is_free_the_candidate_is_told_and_hr_sees_the_wait(candidate_client, invited, session, client):
    full = make_slot(session)
    book_slot(full, application=invited_application(invited.procedure))
    text = _text(candidate_client.get(_url("intake", invited)))
    assert "geen vrije momenten meer" in text
    candidate_client.logout()
    login_staff(client, hr_user(username="hr-lijst"))
    waiting = _text(client.get(reverse("admin:interviews_waitingforslot_changelist")))
    assert invited.candidate.email in waiting
    assert "1 kandidaat zonder intakemoment" in waiting


def test_a_candidate_not_invited_sees_why(client, session):
    application = ApplicationFactory(procedure=session.procedure)
    make_slot(session)
    login_staff(client, application.candidate.user)
    text = _text(client.get(_url("intake", application)))
    assert "Je kandidatuur staat op ‘screening diploma’" in text
    assert 'name="slot"' not in text
    response = client.post(_url("book", application), {"slot": IntakeSlot.objects.get().pk})
    assert response.status_code == 409
    assert not IntakeBooking.objects.exists()


def test_the_calendar_file_of_the_booking(candidate_client, invited, session):
    book_slot(make_slot(session), application=invited)
    response = candidate_client.get(_url("calendar", invited))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"METHOD:REQUEST" in response.content and b"TZID=Europe/Brussels" in response.content


def test_hr_generates_slots_in_the_back_office(client, session):
    hr = hr_user(username="hr-genereert")
    login_staff(client, hr)
    url = reverse("admin:interviews_generate_slots")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"session": session.pk, "interviewers": [hr.pk], "length": 20, "breaks": "koffie"})
    assert bad.status_code == 200 and "geen pauze van de vorm" in _text(bad)
    assert not IntakeSlot.objects.exists()
    response = client.post(url, {"session": session.pk, "interviewers": [hr.pk], "length": 20,
                                 "breaks": "10:20-10:40"})
    assert response.status_code == 302
    assert IntakeSlot.objects.filter(session=session).count() == 8


def test_hr_is_told_which_hours_are_missing_when_generating_slots(client, session):
    session.starts_at = session.ends_at = None
    session.save(update_fields=["starts_at", "ends_at"])
    hr = hr_user(username="hr-genereert")
    login_staff(client, hr)
    response = client.post(reverse("admin:interviews_generate_slots"),
                           {"session": session.pk, "interviewers": [hr.pk], "length": 20, "breaks": ""})
    assert response.status_code == 200
    assert "Vul eerst het begin- en einduur van het intakemoment" in _text(response)
    assert not IntakeSlot.objects.exists()


def _slot_form_data(client, slot, **changes):
    form = client.get(reverse("admin:interviews_intakeslot_change", args=[slot.pk])).context["adminform"].form
    local = {name: form.initial[name].astimezone() for name in ("starts_at", "ends_at")}
    data = {"session": slot.session_id, "seats": slot.seats, "meeting_url": "",
            "starts_at_0": local["starts_at"].strftime("%d/%m/%Y"), "starts_at_1": local["starts_at"].strftime("%H:%M"),
            "ends_at_0": local["ends_at"].strftime("%d/%m/%Y"), "ends_at_1": local["ends_at"].strftime("%H:%M"),
            "bookings-TOTAL_FORMS": 0, "bookings-INITIAL_FORMS": 0, "bookings-MIN_NUM_FORMS": 0,
            "bookings-MAX_NUM_FORMS": 1000}
    bookings = list(IntakeBooking.objects.filter(slot=slot).values_list("pk", flat=True))
    data.update({"bookings-TOTAL_FORMS": len(bookings), "bookings-INITIAL_FORMS": len(bookings)})
    for n, pk in enumerate(bookings):
        data.update({f"bookings-{n}-id": pk, f"bookings-{n}-slot": slot.pk})
    return {**data, **changes}


def test_hr_changes_the_seats_and_the_counter_stays(client, procedure, session):
    slot = make_slot(session, seats=2)
    book_slot(slot, application=invited_application(procedure))
    book_slot(slot, application=invited_application(procedure))
    login_staff(client, hr_user(username="hr-bewerkt"))
    url = reverse("admin:interviews_intakeslot_change", args=[slot.pk])
    refused = client.post(url, _slot_form_data(client, slot, seats=1))
    assert refused.status_code == 200
    assert "Er zijn al 2 boekingen op dit moment" in _text(refused)
    slot.refresh_from_db()
    assert (slot.seats, slot.booked_count) == (2, 2)
    response = client.post(url, _slot_form_data(client, slot, seats=3))
    assert response.status_code == 302
    slot.refresh_from_db()
    assert (slot.seats, slot.booked_count) == (3, 2)


def _booking_queries(client, application, slot):
    login_staff(client, application.candidate.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(_url("book", application), {"slot": slot.pk})
    assert response.status_code == 303
    return len(queries.captured_queries)


def test_a_booking_costs_the_same_queries_however_many_slots_and_interviewers(client, procedure, session):
    from tests.factories import UserFactory

    small = make_slots(session, 2)[0]
    small.interviewers.set([UserFactory()])
    few = _booking_queries(client, invited_application(procedure), small)
    make_slots(future_session(procedure, days_ahead=12), 9)
    big = make_slot(session, at=time(11), seats=3)
    big.interviewers.set([UserFactory() for _ in range(3)])
    assert _booking_queries(client, invited_application(procedure), big) == few
