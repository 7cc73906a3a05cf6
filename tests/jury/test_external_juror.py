"""The external expert, invited by e-mail, logs in with an e-mailed code, sees only this round, and loses the
account when the round closes."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from communications.models import Mail
from tests.auth import set_up_second_factor
from tests.jury.rounds import decide

pytestmark = pytest.mark.django_db


def log_in_by_code(client, email):
    response = client.post("/account/login/code/", {"email": email})
    assert response.status_code == 302, response.content.decode()[:500]
    mail = Mail.objects.filter(to=email, event="account").latest("id")
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body_text, re.MULTILINE).group(1)
    return client.post("/account/login/code/confirm/", {"code": code})


def test_the_external_expert_logs_in_by_code_and_sees_only_their_round(jury, procedure):
    jury_round, (ann, _bert), *_ = jury
    invitation = Mail.objects.get(event="juror_invitation", to="eva.extern@example.org")
    assert "/account/login/?next=/jury/" in invitation.body_text
    assert f"/jury/ronde/{jury_round.pk}/" in invitation.body_text
    client = Client()
    response = log_in_by_code(client, "eva.extern@example.org")
    assert response.status_code == 302
    # Staff, external experts included, pass a second factor: a device is set up before any jury page opens.
    set_up_second_factor(client, reverse("interviews:jury_home"))
    home = client.get(reverse("interviews:jury_home")).content.decode()
    assert f"/jury/ronde/{jury_round.pk}/" in home
    assert client.get(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid])).status_code == 200
    assert client.get("/admin/").status_code == 302  # the back office stays HR's


def test_after_the_round_closed_the_external_expert_cannot_log_in_again(jury):
    decide(jury)
    client = Client()
    client.post("/account/login/code/", {"email": "eva.extern@example.org"})
    # The switched-off account is unknown to the log-in: the mail sends no code.
    mail = Mail.objects.filter(to="eva.extern@example.org", event="account").latest("id")
    assert "Onbekend account" in mail.subject
    assert not re.search(r"^\s*[A-Z0-9]{4}-[A-Z0-9]{4}\s*$", mail.body_text, re.MULTILINE)
    assert "_auth_user_id" not in client.session
    response = client.get(reverse("interviews:jury_home"))
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
