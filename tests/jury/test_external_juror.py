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


# HR's invitation form: an address or name longer than its column is refused in Dutch, never cut.

def _invite(jury_round, hr, **data):
    from tests.jury.test_access import client_for

    url = reverse("admin:interviews_juryround_invite_external", args=[jury_round.pk])
    return client_for(hr).post(url, {"email": "eva.extern@example.org", "first_name": "Eva", "last_name": "Claeys",
                                     **data})


def _error_text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "e" * 290 + "@example.org", "Hou het e-mailadres op hoogstens 254 tekens (nu 302)."),
    ("first_name", "E" * 151, "Gebruik hoogstens 150 tekens (nu 151): maak de tekst korter."),
    ("last_name", "C" * 151, "Gebruik hoogstens 150 tekens (nu 151): maak de tekst korter."),
])
def test_an_over_long_address_or_name_is_refused_and_nothing_is_made(procedure, hr, field, value, message):
    from django.contrib.auth import get_user_model

    from tests.jury.helpers import open_round, waitlisted

    waitlisted(procedure)
    jury_round = open_round(procedure)
    users = get_user_model().objects.count()
    response = _invite(jury_round, hr, **{field: value})
    assert response.status_code == 200
    assert message in _error_text(response)
    assert f'value="{value}"' in response.content.decode(), "what HR typed comes back whole"
    assert 'maxlength="' not in response.content.decode().split('id="content-main"')[1]
    assert get_user_model().objects.count() == users and not jury_round.members.exists()
    assert not Mail.objects.filter(event="juror_invitation").exists()


def test_two_long_addresses_that_differ_only_at_their_end_are_two_experts(procedure, hr):
    from django.contrib.auth import get_user_model

    from tests.jury.helpers import make_vacancy, open_round, waitlisted

    waitlisted(procedure)
    first_round = open_round(procedure)
    second_round = start_second_round(procedure, make_vacancy)
    start = "eva." + "x" * 150
    addresses = (f"{start}.een@example.org", f"{start}.twee@example.org")
    for jury_round, address in zip((first_round, second_round), addresses, strict=True):
        response = _invite(jury_round, hr, email=address)
        assert response.status_code == 302, _error_text(response)[:500]
    experts = [jury_round.members.get().user for jury_round in (first_round, second_round)]
    assert [user.email for user in experts] == list(addresses)
    assert len({user.pk for user in experts}) == 2
    assert all(len(user.username) <= get_user_model()._meta.get_field("username").max_length for user in experts)
    assert sorted(Mail.objects.filter(event="juror_invitation").values_list("to", flat=True)) == sorted(addresses)


def start_second_round(procedure, make_vacancy):
    from interviews.jury.rounds import start_jury_round
    from tests.factories import TeamFactory, hr_user
    from tests.jury.helpers import waitlisted

    waitlisted(procedure, first_name="Tweede", last_name="Kandidaat")
    return start_jury_round(make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie")),
                            by=hr_user(username="hr-tweede"))
