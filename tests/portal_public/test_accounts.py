"""Candidate accounts with allauth: verified e-mail, log-in by code, password reset, e-mail change after
re-authentication; every account mail is an outbox row, never sent from the request."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail as django_mail

from communications.models import Mail
from tests.factories import UserFactory, hr_user

pytestmark = pytest.mark.django_db

PASSWORD = "Kortrijk-sollicitant-2026"
LINK = re.compile(r"https?://[^\s]+")


def sign_up(client, email="nieuw@example.org"):
    return client.post("/account/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def account_mails(to):
    return list(Mail.objects.filter(to=to, event="account").order_by("id"))


def verified_user(email="kandidaat@example.org"):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_sign_up_puts_a_dutch_verification_mail_in_the_outbox(client):
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/account/confirm-email/"
    [mail] = account_mails("nieuw@example.org")
    assert mail.state == Mail.State.QUEUED and mail.language == "nl-be"
    assert mail.subject.startswith("Stad Kortrijk: ")
    assert "Bevestig" in mail.subject or "bevestig" in mail.subject.lower()
    assert "Het selectieteam van stad Kortrijk" in mail.body_text
    assert "/account/confirm-email/" in mail.body_text
    # Nothing left through Django's mail backend from the request: the worker sends the outbox row.
    assert django_mail.outbox == []
    user = get_user_model().objects.get(email="nieuw@example.org")
    assert not user.is_staff and not user.is_superuser
    assert EmailAddress.objects.get(user=user).verified is False


def test_sign_up_in_english_sends_the_mail_in_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    sign_up(client, "english@example.org")
    [mail] = account_mails("english@example.org")
    assert mail.language == "en"
    assert "The selection team of the city of Kortrijk" in mail.body_text
    assert "confirm" in mail.subject.lower()


def test_an_unverified_account_cannot_log_in_until_the_link_is_followed(client):
    sign_up(client)
    client.logout()
    response = client.post("/account/login/", {"login": "nieuw@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/account/confirm-email/"
    assert "_auth_user_id" not in client.session
    link = next(url for url in LINK.findall(account_mails("nieuw@example.org")[-1].body_text) if "confirm-email" in url)
    path = re.sub(r"^https?://[^/]+", "", link)
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nieuw@example.org").verified
    response = client.post("/account/login/", {"login": "nieuw@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email="nieuw@example.org").pk)


def test_a_second_sign_up_with_the_same_address_creates_no_second_account(client):
    sign_up(client, "dubbel@example.org")
    client.logout()
    sign_up(client, "dubbel@example.org")
    assert get_user_model().objects.filter(email__iexact="dubbel@example.org").count() == 1


def test_log_in_by_e_mailed_code(client):
    user = verified_user()
    response = client.post("/account/login/code/", {"email": user.email})
    assert response.status_code == 302 and response["Location"] == "/account/login/code/confirm/"
    [mail] = account_mails(user.email)
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body_text, re.MULTILINE).group(1)
    response = client.post("/account/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_code_does_not_log_in_and_says_so_in_dutch(client):
    user = verified_user()
    client.post("/account/login/code/", {"email": user.email})
    response = client.post("/account/login/code/confirm/", {"code": "XXXXXX"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "error-summary" in response.content.decode()
    assert "Incorrecte code" in response.content.decode() or "code" in response.content.decode().lower()


def test_password_reset_mail_goes_through_the_outbox_and_the_link_works(client):
    user = verified_user()
    response = client.post("/account/password/reset/", {"email": user.email})
    assert response.status_code == 302
    [mail] = account_mails(user.email)
    link = next(url for url in LINK.findall(mail.body_text) if "/password/reset/key/" in url)
    path = re.sub(r"^https?://[^/]+", "", link)
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    new_password = "Een-nieuw-wachtwoord-2026"
    response = client.post(form_path, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/account/password/reset/", {"email": "onbekend@example.org"})
    assert response.status_code == 302 and response["Location"] == "/account/password/reset/done/"


def test_changing_the_e_mail_address_needs_re_authentication(client):
    user = verified_user()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/account/email/", {"action_add": "", "email": "nieuw-adres@example.org"})
    assert response.status_code == 302 and response["Location"].startswith("/account/reauthenticate/")
    assert not EmailAddress.objects.filter(email="nieuw-adres@example.org").exists()
    assert account_mails("nieuw-adres@example.org") == []

    response = client.post("/account/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    client.post("/account/email/", {"action_add": "", "email": "nieuw-adres@example.org"})
    pending = EmailAddress.objects.get(email="nieuw-adres@example.org")
    assert pending.verified is False
    # The old address stays the one in use until the new one is verified.
    assert EmailAddress.objects.get(email=user.email).primary
    assert len(account_mails("nieuw-adres@example.org")) == 1


def test_anonymous_users_are_sent_to_the_portal_login(client):
    response = client.get("/account/email/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/?next=")


def test_the_hr_back_office_keeps_its_own_login(client):
    hr_user(username="selectie", password=PASSWORD)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/login/")
    response = client.post("/admin/login/?next=/admin/", {"username": "selectie", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_portal_account_gets_no_back_office_access(client):
    sign_up(client, "geen-hr@example.org")
    EmailAddress.objects.filter(email="geen-hr@example.org").update(verified=True)
    client.post("/account/login/", {"login": "geen-hr@example.org", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_account_mail_subjects_stay_on_one_line(client):
    sign_up(client, "regel@example.org")
    [mail] = account_mails("regel@example.org")
    assert "\n" not in mail.subject and "\r" not in mail.subject
