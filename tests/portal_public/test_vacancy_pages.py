"""Public vacancy pages: only open procedures, everything from the procedure's data, HR text escaped."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import Procedure
from tests.conftest import forget_public_pages
from tests.factories import FunctionFactory, ProcedureFactory
from tests.portal_public.vacancy import COMPETENCIES, CURRENT, FOREIGN, HR_NOTE, OLD, make_vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_the_round")]


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


def test_a_draft_procedure_is_not_public(client):
    make_vacancy(status=Procedure.Status.DRAFT)
    response = client.get("/vacatures/maatschappelijk-werker/")
    assert response.status_code == 404
    assert "Maatschappelijk werker (B1-B3)" not in response.content.decode()


def test_an_unknown_slug_is_404(client):
    assert client.get("/vacatures/bestaat-niet/").status_code == 404


def test_the_vacancy_page_shows_the_procedure_data(client):
    procedure = make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    for text in [procedure.title, "Kortrijk startte als eerste in Vlaanderen", "multidisciplinair wijkteam",
                 "Maaltijdcheques (€7,50)", "uittreksel uit het strafregister", "Kan ik solliciteren zonder diploma?",
                 "Veerle De Bosschere", "mailto:vacatures@kortrijk.be", "tel:056278503", "B1-B3",
                 "meer dan 1800 collega&#x27;s", "Kortrijk is een stad waar iedereen meetelt.", "Ben je ondernemend?"]:
        assert text in html, text
    for name in CURRENT + OLD + FOREIGN:
        assert name in html, name
    for name, definition in COMPETENCIES:
        assert name in html and definition.replace("'", "&#x27;") in html, name
    # The intake dates come from the IntakeSession rows, in Dutch, once.
    for day in ["dinsdag 20 januari 2026", "donderdag 22 januari 2026", "vrijdag 23 januari 2026",
                "maandag 26 januari 2026"]:
        assert html.count(day) == 1, day
    assert "(<span lang=\"nl-be\">volledige dag</span>, 09:00–17:00)" in html
    # The apply button leads to the agreed application URL.
    assert 'href="/vacatures/maatschappelijk-werker/solliciteren/"' in html


def test_the_teams_and_their_hr_notes_stay_off_the_public_page(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    for text in ["Wijkteam Heule", "Team energie", "Cliënten met energieproblemen", HR_NOTE]:
        assert text not in html, text


def facts_box(html):
    return re.search(r'<dl class="vacancy-facts">(.*?)</dl>', html, re.S).group(1)


def test_the_key_facts_give_function_level_deadline_contract_place_and_contact(client):
    make_vacancy()
    facts = facts_box(client.get("/vacatures/maatschappelijk-werker/").content.decode())
    terms = re.findall(r"<dt>(.*?)</dt>", facts)
    assert terms == ["Functie", "Niveau en loonschaal", "Solliciteren kan tot en met", "Contract", "Plaats", "Contact"]
    for value in ["Maatschappelijk werker", "B1-B3", "zaterdag 10 januari 2026",
                  '<dd lang="nl-be">contract van onbepaalde duur</dd>', '<dd lang="nl-be">Kortrijk</dd>',
                  'Veerle De Bosschere, <a href="mailto:vacatures@kortrijk.be">vacatures@kortrijk.be</a>, '
                  '<a href="tel:056278503">056 27 85 03</a>']:
        assert value in facts, value


def test_a_key_fact_hr_left_empty_is_not_shown(client):
    make_vacancy(applications_close_on=None, contract_type="", place="", contact_name="", contact_phone="")
    facts = facts_box(client.get("/vacatures/maatschappelijk-werker/").content.decode())
    assert re.findall(r"<dt>(.*?)</dt>", facts) == ["Functie", "Niveau en loonschaal", "Contact"]
    assert '<dd><a href="mailto:vacatures@kortrijk.be">vacatures@kortrijk.be</a></dd>' in facts


def test_the_steps_come_numbered_from_the_step_rows_with_the_intake_moments_under_their_step(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    steps = re.search(r'<ol class="step-list[^"]*">(.*?)</ol>\s*</section>', html, re.S).group(1)
    items = re.findall(r"<li>\s*<h3[^>]*>(.*?)</h3>(.*?)(?=<li>\s*<h3|\Z)", steps, re.S)
    titles = [re.sub(r"<[^>]+>", "", title) for title, _body in items]
    assert titles == ["Stap 1: Screening toelatingsvoorwaarden", "Stap 2: Online kennismakingsinterview",
                      "Stap 3: Wachtlijst voor concrete jobinterviews"]
    intake_body, waitlist_body = items[1][1], items[2][1]
    # Step 2: its text, the moments, the text under them, then its part with a heading of its own.
    order = [intake_body.index(text) for text in ("op een van deze momenten:", "dinsdag 20 januari 2026",
                                                   "Je kiest zelf een tijdslot", "Belangrijk: wat als je niet")]
    assert order == sorted(order)
    assert '<h4 class="h5" lang="nl-be">Belangrijk: wat als je niet slaagt voor stap 2?</h4>' in intake_body
    assert "Hoe ziet zo’n jobinterview eruit?</h4>" in waitlist_body
    assert html.count("Dan kan je gedurende 1 jaar niet opnieuw deelnemen") == 1


def test_the_texts_lists_are_real_lists(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert ("<ul><li>Je begeleidt de cliënt vanuit een multidisciplinair wijkteam.<ul><li>Je helpt op maat van de "
            "cliënt.</li></ul></li><li>Je staat in voor het beheer van dossiers.</li></ul>") in html
    assert ('<li>Gratis aansluiting bij GSD-V (<a href="https://www.gsd-v.be/">https://www.gsd-v.be/</a>).</li>'
            in html)
    assert not re.search(r"(<p>|<br>)\s*- ", html)


def test_the_vacancy_links_to_the_function_description(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert 'href="/vacatures/maatschappelijk-werker/functiebeschrijving/"' in html


def test_the_function_description_page_shows_both_variants_with_headings_and_lists(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/functiebeschrijving/").content.decode()
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.S)]
    assert headings[:9] == [
        "Functiebeschrijving Maatschappelijk werker",
        "Maatschappelijk werker in een wijkteam", "Functiegegevens", "Doel van de functie", "Verantwoordelijkheden",
        "Maatschappelijk werker in een centraal aangestuurd team", "Functiegegevens", "Doel van de functie",
        "Verantwoordelijkheden"]
    assert "<dt>Formele functiebenaming</dt><dd>hulpverlener wijkgericht sociaal werk</dd>" in html
    assert "<dt>Rapporteert aan</dt><dd>Teamcoördinator wijkgericht sociaal werk</dd>" in html
    assert html.index("vanuit de wijkteams") < html.index("vanuit de centraal aangestuurde teams")
    assert ("<ul><li>Je staat in voor het beheer van dossiers.<ul><li>Je volgt de evolutie van het dossier op.</li>"
            "</ul></li></ul>") in html
    assert 'href="/vacatures/maatschappelijk-werker/solliciteren/"' in html


def test_there_is_no_function_description_page_without_an_open_procedure_or_a_description(client):
    procedure = make_vacancy(status=Procedure.Status.DRAFT)
    assert procedure.function.descriptions.count() == 2
    assert client.get("/vacatures/maatschappelijk-werker/functiebeschrijving/").status_code == 404
    Procedure.objects.filter(pk=procedure.pk).update(status=Procedure.Status.OPEN)
    assert client.get("/vacatures/maatschappelijk-werker/functiebeschrijving/").status_code == 200
    procedure.function.descriptions.all().delete()
    forget_public_pages()
    assert client.get("/vacatures/maatschappelijk-werker/functiebeschrijving/").status_code == 404
    assert "/functiebeschrijving/" not in client.get("/vacatures/maatschappelijk-werker/").content.decode()


def test_the_diplomas_are_split_into_current_old_and_foreign(client):
    make_vacancy()
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    current_at = html.index("Master in het sociaal werk")
    old_heading = html.index("<p>De kandidaten met een van de volgende oude diploma’s komen ook in aanmerking:</p>")
    old_at = html.index(OLD[0])
    foreign_heading = html.index("Buitenlandse diploma's")
    foreign_at = html.index(FOREIGN[0])
    assert current_at < old_heading < old_at < foreign_heading < foreign_at
    assert "Oude diploma's die ook toegang geven" not in html  # the bundle's own sentence, not a heading of ours
    # What is true of these entries only (an attest is required for them), not of every foreign diploma: under the
    # old "maatschappelijk assistent" entry the attest is optional.
    assert ("<p>Kies je een van deze diploma’s, dan voeg je het gelijkwaardigheidsattest toe aan je sollicitatie.</p>"
            in html)
    assert "Een buitenlands diploma geeft toegang" not in html


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
    # The procedure with its function, diplomas, steps, intake moments, competencies, whether a function description
    # exists, and the pay data behind "is the estimate offered" (career, versions with steps, index, pay rules).
    with django_assert_max_num_queries(12):
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


def test_the_function_description_page_reads_four_queries(client, django_assert_num_queries):
    make_vacancy()
    with django_assert_num_queries(4):  # the procedure with its function, the descriptions, competencies, indicators
        client.get("/vacatures/maatschappelijk-werker/functiebeschrijving/")
