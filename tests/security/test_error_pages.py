"""Django's own error answers, in the project's words: a form sent from an expired page (CSRF), a request too large
to read, and a page the account may not open get a Dutch page (with English below) that says nothing was saved and
what to do, never Django's English technical page."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kortrijk_ats.roles import JUROR
from tests.auth import login_staff
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


def dutch_page(response, heading):
    html = response.content.decode()
    assert '<html lang="nl-be">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "Er is niets bewaard" in html or heading == "Geen toegang"
    for django_words in ("CSRF verification failed", "Bad Request", "403 Forbidden", "Forbidden"):
        assert django_words not in html
    return html


def test_a_form_sent_from_an_expired_page_gets_the_dutch_page_and_changes_nothing():
    UserFactory(email="kandidaat@example.org", password="Kortrijk-sollicitant-2026")
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"),
                           {"login": "kandidaat@example.org", "password": "Kortrijk-sollicitant-2026"})
    assert response.status_code == 403
    dutch_page(response, "Je pagina was verlopen")
    assert "_auth_user_id" not in client.session


def test_a_request_too_large_to_read_gets_the_dutch_page():
    client = Client(raise_request_exception=False)
    too_long = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("account_login"), {"login": "iemand@example.org", "password": too_long})
    assert response.status_code == 400
    dutch_page(response, "Dit kunnen we niet verwerken")


def test_a_page_the_account_may_not_open_gets_the_dutch_page():
    client = Client()
    login_staff(client, staff_user(JUROR))  # a juror, not an interviewer
    response = client.get(reverse("interviews:today"))
    assert response.status_code == 403
    dutch_page(response, "Geen toegang")
