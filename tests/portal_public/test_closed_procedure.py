"""A closed procedure keeps its public page: it says the selection is closed and since when, keeps the bundle's texts,
offers no apply button and leads to the open vacancies. After the apply-by day the pages are closed even while the
periodic job has not moved the status yet; the anonymous page copy is stale at most its lifetime."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from procedures.models import Procedure
from tests.portal_public.vacancy import make_vacancy

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
VACANCY = "/vacatures/maatschappelijk-werker/"
MIDNIGHT = datetime(2026, 1, 11, 0, 0, tzinfo=BRUSSELS)  # make_vacancy's last day is 10/01/2026
PAGES = [VACANCY, VACANCY + "functiebeschrijving/", VACANCY + "loon/"]


def get(path, moment, client=None):
    with time_machine.travel(moment, tick=False):
        return (client or Client()).get(path)


def notice_of(html):
    found = re.search(r'<section class="procedure-card closed-notice[^"]*" id="afgesloten".*?</section>', html, re.S)
    return found.group(0) if found else ""


def apply_links(html):
    return re.findall(r'href="[^"]*/solliciteren/"|>Solliciteer<', html)


@pytest.mark.parametrize("status", [Procedure.Status.CLOSED, Procedure.Status.OPEN], ids=["closed", "beat-late"])
def test_the_vacancy_page_of_a_closed_procedure_says_so_and_offers_no_apply_button(status):
    make_vacancy(status=status)
    response = get(VACANCY, MIDNIGHT + timedelta(hours=1))
    assert response.status_code == 200
    html = response.content.decode()
    notice = notice_of(html)
    assert "Deze selectie is afgesloten" in notice
    assert "Solliciteren kon tot en met zaterdag 10 januari 2026." in notice
    assert '<a href="/">Bekijk de vacatures die nu openstaan</a>' in notice
    assert apply_links(html) == []
    assert "Klaar om te solliciteren?" not in html
    assert "<dt>Solliciteren kon tot en met</dt><dd>zaterdag 10 januari 2026</dd>" in html
    # The bundle's texts stay readable, and the round's intake moments stay on record.
    for text in ["Kortrijk startte als eerste in Vlaanderen", "Maaltijdcheques (€7,50)", "dinsdag 20 januari 2026"]:
        assert text in html, text


def test_the_same_page_before_midnight_is_open_with_both_apply_buttons():
    make_vacancy()
    html = get(VACANCY, MIDNIGHT - timedelta(minutes=1)).content.decode()
    assert notice_of(html) == ""
    assert html.count('href="/vacatures/maatschappelijk-werker/solliciteren/"') == 2  # top and bottom box
    assert "<dt>Solliciteren kan tot en met</dt>" in html


@pytest.mark.parametrize("path", PAGES[1:], ids=["function-description", "salary"])
def test_the_function_description_and_salary_pages_of_a_closed_procedure_say_so_too(path):
    make_vacancy()
    open_html = get(path, MIDNIGHT - timedelta(minutes=1)).content.decode()
    assert len(apply_links(open_html)) >= 1 and notice_of(open_html) == ""
    response = get(path, MIDNIGHT + timedelta(minutes=1))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze selectie is afgesloten" in notice_of(html)
    assert apply_links(html) == []
    assert f'href="{VACANCY}"' in html  # back to the (closed) vacancy page


def test_the_list_leaves_it_out_after_midnight_even_before_the_job_ran():
    make_vacancy()
    assert 'href="/vacatures/maatschappelijk-werker/"' in get("/", MIDNIGHT - timedelta(minutes=1)).content.decode()
    later = MIDNIGHT + timedelta(seconds=settings.PUBLIC_PAGE_SECONDS + 1)
    html = get("/", later).content.decode()
    assert "Maatschappelijk werker (B1-B3)" not in html
    assert "Er staan op dit moment geen vacatures open." in html


@pytest.mark.parametrize("fields", [
    {"status": Procedure.Status.DRAFT},
    {"status": Procedure.Status.OPEN, "applications_open_from": date(2026, 1, 12), "applications_close_on": None},
], ids=["draft", "open-from-not-reached"])
def test_a_procedure_that_is_not_public_yet_stays_404(fields):
    make_vacancy(**fields)
    for path in PAGES:
        response = get(path, MIDNIGHT)
        assert response.status_code == 404, path
        assert "Maatschappelijk werker (B1-B3)" not in response.content.decode()


def test_the_anonymous_copy_of_the_open_page_lives_at_most_its_lifetime_after_midnight():
    make_vacancy()
    cached_at = MIDNIGHT - timedelta(seconds=5)
    assert notice_of(get(VACANCY, cached_at).content.decode()) == ""
    # Within the lifetime the shared copy may still be the open page (the apply path refuses all the same) ...
    assert notice_of(get(VACANCY, MIDNIGHT + timedelta(seconds=1)).content.decode()) == ""
    # ... never longer.
    stale_until = cached_at + timedelta(seconds=settings.PUBLIC_PAGE_SECONDS)
    assert "Deze selectie is afgesloten" in notice_of(get(VACANCY, stale_until + timedelta(seconds=1)).content.decode())


def test_an_open_page_offers_only_the_intake_moments_still_to_come():
    make_vacancy(applications_close_on=date(2026, 1, 31))
    html = get(VACANCY, datetime(2026, 1, 22, 15, 0, tzinfo=BRUSSELS)).content.decode()
    assert "dinsdag 20 januari 2026" not in html
    for day in ["donderdag 22 januari 2026", "vrijdag 23 januari 2026", "maandag 26 januari 2026"]:
        assert day in html, day
    html = get(VACANCY, datetime(2026, 1, 27, 9, 0, tzinfo=BRUSSELS)).content.decode()
    assert "januari 2026 (" not in html
    assert "De data worden nog bekendgemaakt." in html
