"""Public vacancy pages: only open procedures, everything from the procedure's data, HR text escaped."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import Procedure
from tests.conftest import forget_public_pages
from tests.factories import FunctionFactory, ProcedureFactory
from tests.portal_public.vacancy import COMPETENCIES, CURRENT, FOREIGN, OLD, make_vacancy

pytestmark = pytest.mark.django_db


def test_it_lists_only_open_procedures(client):
    make_vacancy()
    ProcedureFactory(title="Geheime procedure in voorbereiding", status=Procedure.Status.DRAFT)
    ProcedureFactory(title="Afgesloten procedure", status=Procedure.Status.CLOSED)
    html = client.get("/").content.decode()
    assert "Maatschappelijk werker (B1-B3)" in html
    assert 'href="/vacatures/maatschappelijk-werker/"' in html
    assert "Geheime procedure" not in html
    assert "Afgesloten procedure" not in html


def test_it_lists_procedures_in_a_constant_number_of_queries(client):
    ProcedureFactory()
    with CaptureQueriesContext(connection) as one:
        client.get("/")
    for _ in range(5):
        ProcedureFactory(function=FunctionFactory())
    forget_public_pages()
    with CaptureQueriesContext(connection) as six:
        response = client.get("/")
    assert response.content.decode().count('class="procedure-card"') == 6
    assert len(six) == len(one)


@pytest.mark.parametrize("status", [Procedure.Status.DRAFT, Procedure.Status.CLOSED])
def test_a_procedure_that_is_not_open_is_not_public(client, status):
    make_vacancy(status=status)
    response = client.get("/vacatures/maatschappelijk-werker/")
    assert response.status_code == 404
    assert "Maatschappelijk werker (B1-B3)" not in response.content.decode()


def test_an_unknown_slug_is_404(client):
    assert client.get("/vacatures/bestaat-niet/").status_code == 404


def test_the_vacancy_page_shows_the_procedure_data(client):
    procedure = make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    for text in [procedure.title, "Kortrijk startte als eerste in Vlaanderen", "multidisciplinair wijkteam",
                 "Maaltijdcheques (€7,50)", "uittreksel uit het strafregister", "Wijkteam Heule", "Team energie",
                 "Kan ik solliciteren zonder diploma?", "Veerle De Bosschere", "mailto:vacatures@kortrijk.be",
                 "tel:056278503", "B1-B3"]:
        assert text in html, text
    for name in CURRENT + OLD + FOREIGN:
        assert name in html, name
    for name, definition in COMPETENCIES:
        assert name in html and definition.replace("'", "&#x27;") in html, name
    # The intake dates come from the IntakeSession rows, in Dutch.
    for day in ["dinsdag 20 januari 2026", "donderdag 22 januari 2026", "vrijdag 23 januari 2026",
                "maandag 26 januari 2026"]:
        assert day in html, day
    assert "volledige dag" in html
    # The apply button leads to the agreed application URL.
    assert 'href="/vacatures/maatschappelijk-werker/solliciteren/"' in html


def test_the_diplomas_are_split_into_current_old_and_foreign(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    current_at = html.index("Master in het sociaal werk")
    old_heading = html.index("Oude diploma's die ook toegang geven")
    old_at = html.index(OLD[0])
    foreign_heading = html.index("Buitenlandse diploma's")
    foreign_at = html.index(FOREIGN[0])
    assert current_at < old_heading < old_at < foreign_heading < foreign_at


def test_the_ban_text_follows_the_function_setting(client):
    procedure = make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert "Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure" in html
    procedure.function.ban_months = 18
    procedure.function.save()
    forget_public_pages()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert "Dan kan je gedurende 18 maanden niet opnieuw deelnemen" in html
    assert "gedurende 1 jaar niet" not in html


def test_hr_texts_are_shown_escaped_with_line_breaks(client):
    attack = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
    make_vacancy(intro=f"Eerste alinea.\n\n{attack}", faq=attack, title=f"Titel {attack}")
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert "<p>Eerste alinea.</p>" in html
    list_html = client.get("/").content.decode()
    assert "<script>alert" not in list_html and "&lt;script&gt;" in list_html


def test_the_vacancy_page_reads_a_constant_number_of_queries(client, django_assert_max_num_queries):
    make_vacancy()
    with django_assert_max_num_queries(8):
        client.get("/vacatures/maatschappelijk-werker/")


def test_the_page_is_english_after_the_language_switch(client):
    make_vacancy()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/vacatures/maatschappelijk-werker/"})
    assert response.status_code == 302
    assert response["Location"] == "/vacatures/maatschappelijk-werker/"
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert '<html lang="en">' in html
    assert "Apply" in html
    assert "Tuesday 20 January 2026" in html
    # HR's Dutch text stays Dutch and is marked as such for screen readers.
    assert '<div class="plain-text" lang="nl-be"><p>Kortrijk startte' in html
