"""The interviewer's day view, the candidate's file and the assessment form over HTTP."""

import re
from datetime import time, timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.accommodations import record_arrangements
from candidates.models import Document
from candidates.stages import Stage
from interviews.intake.booking import book_slot
from interviews.models import IntakeAssessment, IntakeBooking
from tests.auth import login_staff
from tests.interviews.helpers import invited_application, make_slot
from tests.interviews.test_assessment import interviewer

pytestmark = pytest.mark.django_db

BACKEND = "django.contrib.auth.backends.ModelBackend"
# The candidate's own words: they name a condition, so only HR and the candidate may read them.
REQUEST = "Ik ben slechthorend na een hersenvliesontsteking; graag ondertiteling."


def _text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def _words(response):
    """The page's text without its markup."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def anna():
    return interviewer("anna")


@pytest.fixture
def annas_booking(procedure, session, anna):
    slot = make_slot(session, at=time(9))
    slot.interviewers.set([anna])
    application = invited_application(procedure, accommodations=REQUEST, motivation="Ik wil werken in de wijk.")
    record_arrangements(application, intake="Ondertiteling in Teams.", jury="Gesprek met tolk Vlaamse Gebarentaal.")
    Document.objects.create(application=application, kind=Document.Kind.CV, file=ContentFile(b"%PDF-1.4 cv", "cv"),
                            original_name="cv.pdf", content_type="application/pdf", size=11)
    return book_slot(slot, application=application)


def _day_url(booking):
    return reverse("interviews:day", args=[timezone.localdate(booking.slot.starts_at).isoformat()])


def test_the_day_view_shows_my_interviews_with_the_candidates_file(client, anna, annas_booking, procedure, session):
    other_slot = make_slot(session, at=time(10))
    other_slot.interviewers.set([interviewer("bart")])
    book_slot(other_slot, application=invited_application(procedure))
    login_staff(client, anna)
    response = client.get(_day_url(annas_booking))
    assert response.status_code == 200
    text = _text(response)
    candidate = annas_booking.application.candidate
    assert f"09:00–09:20 – <bdi>{candidate.full_name}</bdi>" in text
    assert "Afgesproken aanpassing Ondertiteling in Teams." in _words(response)
    assert REQUEST not in text and "hersenvliesontsteking" not in text
    assert "tolk" not in text  # the jury's arrangement is not the interviewer's
    assert "https://teams.example.org/l/sessie" in text
    assert len(response.context["rows"]) == 1  # Bart's interview is not Anna's


def test_the_day_view_costs_the_same_queries_for_1_or_5_interviews(client, anna, annas_booking, procedure, session):
    login_staff(client, anna)
    with CaptureQueriesContext(connection) as one:
        client.get(_day_url(annas_booking))
    for hour in (10, 11):
        slot = make_slot(session, at=time(hour), seats=2)
        slot.interviewers.set([anna])
        book_slot(slot, application=invited_application(procedure))
        book_slot(slot, application=invited_application(procedure))
    with CaptureQueriesContext(connection) as five:
        response = client.get(_day_url(annas_booking))
    assert len(response.context["rows"]) == 3  # the second seat of each slot has no interviewer: not Anna's
    assert len(five.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize("who", ["anna", "hr"])
def test_the_file_shows_the_intake_arrangement_never_the_request(client, anna, annas_booking, who):
    """Need to know: the interviewer (and HR on the interviewer's page) reads what is adjusted for this interview;
    the request itself stays in the back office."""
    from tests.factories import hr_user

    login_staff(client, anna if who == "anna" else hr_user(username="hr-dossier"))
    text = _words(client.get(reverse("interviews:assess", args=[annas_booking.uid])))
    assert "Afgesproken aanpassing Ondertiteling in Teams." in text
    assert REQUEST not in text and "hersenvliesontsteking" not in text
    assert "tolk" not in text


def test_candidates_and_strangers_are_kept_out(client, annas_booking):
    login_staff(client, annas_booking.application.candidate.user)
    assert client.get(_day_url(annas_booking)).status_code == 403
    assert client.get(reverse("interviews:assess", args=[annas_booking.uid])).status_code == 403
    login_staff(client, interviewer("bart"))
    assert client.get(reverse("interviews:assess", args=[annas_booking.uid])).status_code == 404
    document = annas_booking.application.documents.get()
    assert client.get(reverse("interviews:document", args=[annas_booking.uid, document.pk])).status_code == 404


def test_the_interviewer_downloads_the_cv_as_an_attachment(client, anna, annas_booking):
    login_staff(client, anna)
    document = annas_booking.application.documents.get()
    response = client.get(reverse("interviews:document", args=[annas_booking.uid, document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 cv"


def _form(**changes):
    data = {name: IntakeAssessment.Rating.GOOD for name, _ in IntakeAssessment.CRITERIA}
    data.update({"verdict": "pass", "verdict_motivation": "Sterk gesprek, goed jobinzicht."})
    return {**data, **changes}


def test_the_form_waits_for_the_interview_and_then_decides(client, anna, annas_booking):
    login_staff(client, anna)
    url = reverse("interviews:assess", args=[annas_booking.uid])
    assert "nog niet begonnen" in _text(client.get(url))
    with time_machine.travel(annas_booking.slot.starts_at + timedelta(minutes=20)):
        login_staff(client, anna)  # days later: the idle staff session has ended (30 minutes)
        page = client.get(url)
        assert 'name="verdict"' in _text(page)
        invalid = client.post(url, _form(verdict_motivation="", experience=""))
        assert invalid.status_code == 400
        assert "Er ging iets mis" in _text(invalid)
        assert annas_booking.application.transitions.filter(to_stage=Stage.WAITLIST).count() == 0
        response = client.post(url, _form())
        assert response.status_code == 302 and response["Location"] == _day_url(annas_booking)
    annas_booking.application.refresh_from_db()
    assert annas_booking.application.stage == Stage.WAITLIST
    assert IntakeAssessment.objects.get().assessed_by == anna


def test_a_no_show_needs_the_tick_and_then_reinvites(client, anna, annas_booking):
    login_staff(client, anna)
    url = reverse("interviews:no_show", args=[annas_booking.uid])
    with time_machine.travel(annas_booking.slot.starts_at + timedelta(minutes=20)):
        login_staff(client, anna)  # days later: the idle staff session has ended (30 minutes)
        assert client.get(url).status_code == 405
        client.post(url, {})
        assert IntakeBooking.objects.get().no_show_at is None
        response = client.post(url, {"confirm": "yes"}, follow=True)
    assert "één nieuwe uitnodiging" in _text(response)
    assert IntakeBooking.objects.get().no_show_at is not None


def test_hr_sees_the_session_report(client, annas_booking):
    from tests.factories import hr_user

    login_staff(client, hr_user(username="hr-rapport"))
    response = client.get(reverse("admin:interviews_session_report"))
    assert response.status_code == 200
    (row,) = response.context["sessions"]
    assert (row.booked, row.held, row.no_shows) == (1, 0, 0)
