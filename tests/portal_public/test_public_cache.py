"""Anonymous visitors get the public vacancy pages from a short per-process copy; logged-in people never do."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from procedures.models import Procedure
from tests.factories import UserFactory
from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_the_round")]

VACANCY = "/vacatures/maatschappelijk-werker/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def rename(procedure, title):
    Procedure.objects.filter(pk=procedure.pk).update(title=title)


def test_a_second_anonymous_visit_is_served_without_a_query():
    make_vacancy()
    Client().get(VACANCY)
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(VACANCY)
    assert response.status_code == 200
    assert "Maatschappelijk werker (B1-B3)" in response.content.decode()
    assert len(queries) == 0


def test_every_visitor_gets_a_fresh_csrf_token_that_works():
    make_vacancy()
    first = Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(first.get(VACANCY).content.decode()).group(1)
    second = Client(enforce_csrf_checks=True)
    page = second.get(VACANCY)
    second_token = TOKEN.search(page.content.decode()).group(1)
    assert second_token != first_token
    assert settings.CSRF_COOKIE_NAME in page.cookies  # the token of the shared page comes with its cookie
    switched = second.post("/i18n/setlang/", {"language": "en", "next": VACANCY, "csrfmiddlewaretoken": second_token})
    assert switched.status_code == 302  # a stale or foreign token would be a 403


def test_the_copy_is_renewed_after_its_lifetime():
    procedure = make_vacancy()
    Client().get(VACANCY)
    rename(procedure, "Maatschappelijk werker (nieuwe titel)")
    assert "nieuwe titel" not in Client().get(VACANCY).content.decode()
    later = timezone.now() + timedelta(seconds=settings.PUBLIC_PAGE_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert "nieuwe titel" in Client().get(VACANCY).content.decode()


def test_a_logged_in_person_always_gets_the_page_rendered_for_them():
    procedure = make_vacancy()
    Client().get(VACANCY)
    rename(procedure, "Maatschappelijk werker (nieuwe titel)")
    person = Client()
    person.force_login(UserFactory())
    html = person.get(VACANCY).content.decode()
    assert "nieuwe titel" in html
    assert "Afmelden" in html
    assert "Afmelden" not in Client().get(VACANCY).content.decode()  # and their page is not shared either


def test_each_language_has_its_own_copy():
    make_vacancy()
    dutch = Client().get(VACANCY).content.decode()
    english_visitor = Client()
    english_visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = english_visitor.get(VACANCY).content.decode()
    assert '<html lang="nl-be">' in dutch
    assert '<html lang="en">' in english


def test_a_page_that_is_not_found_is_not_kept():
    Client().get(VACANCY)  # 404: the procedure does not exist yet
    make_vacancy()
    assert Client().get(VACANCY).status_code == 200
