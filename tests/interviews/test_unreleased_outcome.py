"""An intake outcome HR has not released is on none of the candidate's intake pieces: the intake page, the booking
refusal, the own-data export. Once HR releases the mail, each says it."""

import re

import pytest
from django.urls import reverse

from candidates.export import export_data
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import release_mails
from interviews.models import IntakeBooking
from tests.auth import login_staff
from tests.interviews.helpers import make_slot

pytestmark = pytest.mark.django_db

FAILED = "niet geslaagd"


@pytest.fixture
def failed(invited, hr):
    """Invited, never booked, and failed by HR: the fail mail waits as HR's draft."""
    change_stage(invited, to=Stage.INTAKE_FAILED, by=hr, reason="Niet opgedaagd.")
    assert Mail.objects.for_object(invited).get(event="intake_failed").state == Mail.State.DRAFT
    return invited


@pytest.fixture
def candidate_client(client, failed):
    login_staff(client, failed.candidate.user)
    return client


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _release(application, hr):
    release_mails(Mail.objects.for_object(application).filter(event="intake_failed"), by=hr)


def test_the_intake_page_names_the_outcome_only_once_released(candidate_client, failed, hr):
    url = reverse("interviews:intake", args=[failed.public_id])
    before = _text(candidate_client.get(url))
    assert FAILED not in before.lower()
    assert "Je kandidatuur is in behandeling bij het selectieteam. Je krijgt een mail zodra er nieuws is." in before

    _release(failed, hr)
    after = _text(candidate_client.get(url))
    assert "Je kandidatuur staat op ‘niet geslaagd kennismakingsinterview’." in after


def test_the_booking_refusal_names_the_outcome_only_once_released(candidate_client, failed, session, hr):
    slot = make_slot(session)
    url = reverse("interviews:book", args=[failed.public_id])
    before = candidate_client.post(url, {"slot": slot.pk})
    assert before.status_code == 409
    error = before.context["error"]
    assert error == ("Je kan nu geen moment boeken of wijzigen: je kandidatuur is in behandeling bij het "
                     "selectieteam. Je krijgt een mail zodra er nieuws is.")
    assert FAILED not in _text(before).lower()

    _release(failed, hr)
    after = candidate_client.post(url, {"slot": slot.pk})
    assert after.status_code == 409
    assert after.context["error"] == ("Je kandidatuur staat op ‘niet geslaagd kennismakingsinterview’: je kan nu "
                                      "geen moment boeken of wijzigen.")
    assert not IntakeBooking.objects.exists()


def test_the_own_data_export_lists_the_ban_only_once_released(failed, hr):
    before = export_data(failed.candidate.user)
    assert before["uitsluitingen"] == []
    assert before["kandidaturen"][0]["fase"] == "uitgenodigd voor kennismakingsinterview"

    _release(failed, hr)
    after = export_data(failed.candidate.user)
    ban = failed.candidate.bans.get()
    assert after["uitsluitingen"] == [{"functie": failed.procedure.function.name, "vanaf": ban.starts_on,
                                       "opnieuw_welkom_vanaf": ban.ends_on}]
    assert after["kandidaturen"][0]["fase"] == "niet geslaagd kennismakingsinterview"
