"""Withdrawing an application from the portal: a confirm step, then change_stage(); HR sees who did it."""

import re

import pytest
from django.urls import reverse

from candidates.models import Application
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import release_mails
from tests.portal.conftest import form_data
from tests.portal.files import pdf
from tests.portal.test_apply_view import apply_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_application(client_a, procedure):
    client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    return Application.objects.get()


def withdraw_url(application):
    return reverse("candidates:withdraw", kwargs={"public_id": application.public_id})


def token_of(page):
    return re.search(r'name="stage_token" value="([^"]+)"', page.content.decode()).group(1)


def test_the_candidate_confirms_and_withdraws(client_a, user, own_application):
    detail = client_a.get(reverse("candidates:detail", kwargs={"public_id": own_application.public_id}))
    assert f'href="{withdraw_url(own_application)}"' in detail.content.decode()
    confirm = client_a.get(withdraw_url(own_application))
    assert "Wil je je kandidatuur intrekken?" in confirm.content.decode()
    own_application.refresh_from_db()
    assert own_application.stage == Stage.SCREENING  # a GET changes nothing

    response = client_a.post(withdraw_url(own_application), {"stage_token": token_of(confirm)})
    assert response.status_code == 302
    own_application.refresh_from_db()
    assert own_application.stage == Stage.WITHDRAWN
    transition = own_application.transitions.get()
    assert (transition.from_stage, transition.to_stage, transition.actor) == (Stage.SCREENING, Stage.WITHDRAWN, user)
    assert transition.actor_label == "Ann Peeters (kandidaat, via het portaal)"
    mail = Mail.objects.get(event="withdrawn")
    assert mail.to == user.email and mail.related == own_application and mail.state == Mail.State.QUEUED

    page = client_a.get(response["Location"]).content.decode()
    assert "is ingetrokken" in page and "Je hebt je kandidatuur ingetrokken." in page
    assert f'href="{withdraw_url(own_application)}"' not in page


def test_a_stage_change_since_the_confirm_page_withdraws_nothing(client_a, own_application, hr):
    confirm = client_a.get(withdraw_url(own_application))
    change_stage(own_application, to=Stage.ELIGIBLE, by=hr)
    response = client_a.post(withdraw_url(own_application), {"stage_token": token_of(confirm)})
    own_application.refresh_from_db()
    assert own_application.stage == Stage.ELIGIBLE and own_application.transitions.count() == 1
    assert "Er is niets ingetrokken" in client_a.get(response["Location"]).content.decode()


@pytest.mark.parametrize("token", ["", "screening", "x" * 20])
def test_a_missing_or_forged_token_withdraws_nothing(client_a, own_application, token):
    response = client_a.post(withdraw_url(own_application), {"stage_token": token})
    assert response.status_code == 302
    own_application.refresh_from_db()
    assert own_application.stage == Stage.SCREENING and not own_application.transitions.exists()


def test_a_closed_application_cannot_be_withdrawn_again(client_a, own_application):
    confirm = client_a.get(withdraw_url(own_application))
    client_a.post(withdraw_url(own_application), {"stage_token": token_of(confirm)})
    again = client_a.post(withdraw_url(own_application), {"stage_token": token_of(confirm)})
    assert again.status_code == 302
    assert own_application.transitions.count() == 1 and Mail.objects.filter(event="withdrawn").count() == 1


def test_the_confirm_page_does_not_reveal_the_stage(client_a, own_application, hr):
    change_stage(own_application, to=Stage.ELIGIBLE, by=hr)
    html = client_a.get(withdraw_url(own_application)).content.decode()
    assert "eligible" not in html


def test_a_decision_that_waits_for_release_is_not_given_away_by_withdrawing(client_a, own_application, hr):
    change_stage(own_application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma van het juiste niveau.")
    detail_url = reverse("candidates:detail", kwargs={"public_id": own_application.public_id})
    page = client_a.get(detail_url).content.decode()
    assert f'href="{withdraw_url(own_application)}"' in page  # as in screening, where the candidate knows it to be
    assert "Deze kandidatuur is afgesloten." not in page

    confirm = client_a.get(withdraw_url(own_application))
    assert "Wil je je kandidatuur intrekken?" in confirm.content.decode()
    response = client_a.post(withdraw_url(own_application), {"stage_token": token_of(confirm)})
    page = " ".join(client_a.get(response["Location"]).content.decode().split())
    assert "Intrekken kan nu niet: je kandidatuur is nog in behandeling bij het selectieteam." in page
    assert "niet toegelaten" not in page.lower() and "afgesloten" not in page
    own_application.refresh_from_db()
    assert own_application.stage == Stage.NOT_ELIGIBLE and own_application.transitions.count() == 1

    release_mails(Mail.objects.filter(event="screening_not_eligible"), by=hr)
    page = client_a.get(detail_url).content.decode()
    assert "Deze kandidatuur is afgesloten." in page
    assert f'href="{withdraw_url(own_application)}"' not in page


def test_the_confirm_token_does_not_change_with_a_held_decision(client_a, own_application, hr):
    before = token_of(client_a.get(withdraw_url(own_application)))
    change_stage(own_application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma van het juiste niveau.")
    assert token_of(client_a.get(withdraw_url(own_application))) == before
