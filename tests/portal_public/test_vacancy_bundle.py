"""The seeded bundle on the public pages: every fact of the bundle once, no note meant for HR, lists as lists."""

import html as html_lib
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from communications.models import Mail
from interviews.jury.rounds import start_jury_round
from procedures import seed_annexes, seed_data
from procedures.models import Function, Procedure, Team, Vacancy
from tests.factories import hr_user
from tests.jury.helpers import compose_jury, make_vacancy, waitlisted
from tests.jury.test_access import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_the_round")]

URL = f"/vacatures/{seed_data.PROCEDURE_SLUG}/"
NOTE = "Interne notitie van HR"

# The section headings of the bundle, written out by hand (not derived from seed_data): each must be on the page once.
BUNDLE_HEADINGS = [
    "Wat zijn jouw verantwoordelijkheden?",
    "Waar kom je terecht?",
    "Wat mag je van ons verwachten?",
    "Aan welke voorwaarden moet je voldoen?",
    "Hoe verloopt de selectieprocedure?",
    "Stap 1: Screening toelatingsvoorwaarden",
    "Stap 2: Online kennismakingsinterview",
    "Belangrijk: wat als je niet slaagt voor stap 2?",
    "Stap 3: Wachtlijst voor concrete jobinterviews",
    "Word je voor de eerstvolgende concrete vacature uitgenodigd naar het jobinterview?",
    "Hoe ziet zo’n jobinterview eruit?",
    "En hierna?",
    "Welke competenties meten we?",
    "Heb je vragen?",
    "Kortrijk als werkgever",
    "Visie",
    "Waarden",
]


@pytest.fixture
def seeded(client):
    call_command("seed_kortrijk", stdout=StringIO())


def main_of(page):
    return re.search(r"<main\b.*?</main>", page, re.S).group(0)


def text_of(fragment):
    """What a reader reads: the tags gone, entities decoded, white space collapsed (none before punctuation)."""
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:!?)])", r"\1", text))


def headings_of(fragment):
    return [text_of(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", fragment, re.S)]


def paragraphs_and_items(text):
    """The seed text's paragraphs and list items, without their list markers."""
    pieces = []
    for block in text.split("\n\n"):
        for line in block.split("\n") if re.match(r"\s*(- |\d+\. )", block) else [block]:
            piece = " ".join(re.sub(r"^\s*(- |\d+\. )", "", line).split())
            if piece:
                pieces.append(piece)
    return pieces


def test_each_heading_of_the_bundle_is_on_the_page_once(client, seeded):
    headings = headings_of(main_of(client.get(URL).content.decode()))
    for heading in BUNDLE_HEADINGS:
        assert headings.count(heading) == 1, (heading, headings)
    assert len(headings) == len(set(headings)), headings


def test_every_paragraph_and_list_item_of_the_bundle_texts_is_on_the_page_exactly_once(client, seeded):
    page = text_of(main_of(client.get(URL).content.decode()))
    # The key facts (contract, place) are short values the facts box sums up; the texts say them in full.
    texts = [text for field, text in seed_data.PROCEDURE_TEXTS.items() if field not in ("contract_type", "place")]
    for step in seed_data.STEPS:
        texts += [step.text, step.text_after_intake_sessions]
    pieces = [piece for text in texts for piece in paragraphs_and_items(text)]
    assert len(pieces) >= 50
    for piece in pieces:
        assert page.count(piece) == 1, piece


def test_the_intake_dates_the_ban_and_the_steps_are_said_once(client, seeded):
    main = main_of(client.get(URL).content.decode())
    page = text_of(main)
    for day in ["dinsdag 20 januari 2026", "donderdag 22 januari 2026", "vrijdag 23 januari 2026",
                "maandag 26 januari 2026"]:
        assert page.count(day) == 1, day
    assert "20/01/26" not in page and "26/1/26" not in page
    # The bundle states the ban twice, once per step that can be failed: the page says each once, where the bundle does.
    assert page.count("niet opnieuw deelnemen aan deze selectieprocedure") == 2
    assert page.count("Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk "
                      "werker B1-B3) bij stad Kortrijk.") == 1
    assert page.count("Je mag gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk "
                      "werker) bij Kortrijk.") == 1
    assert page.index("Belangrijk: wat als je niet slaagt voor stap 2?") < page.index("Dan kan je gedurende 1 jaar")
    for once in ["In deze stap controleren we", "Je ontvangt een uitnodiging voor een kort digitaal gesprek",
                 "Deze wachtlijst is 1 jaar geldig.", "Je gaat in gesprek met een jury",
                 "Optie 1: Proficiat, je hebt de job!", "Alle communicatie verloopt via e-mail.",
                 "Uiteraard mag je hierover feedback van de jury opvragen.", "uittreksel uit het strafregister",
                 "Word je voor de eerstvolgende concrete vacature uitgenodigd", "Niet gevonden wat je zocht?"]:
        assert page.count(once) == 1, once
    # The moments sit between step 2's text and the sentence that refers to them as "bovenstaande".
    assert (page.index("onderstaande momenten:") < page.index("dinsdag 20 januari 2026")
            < page.index("Je zal zelf op één van bovenstaande momenten"))


def test_the_bundle_lists_are_html_lists_and_no_dash_is_left_in_running_text(client, seeded):
    main = main_of(client.get(URL).content.decode())
    assert "<li>Maaltijdcheques (€7,50).</li>" in main
    assert re.search(r"<li>Je staat in voor het beheer en de afhandeling van dossiers [^<]*<ul><li>Je verzamelt", main)
    assert len(re.findall(r"<ul\b", main)) >= 5
    assert not re.search(r"(<p>|<br>)\s*(- |• )", main)
    assert '<a href="https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk">' in main


def test_no_note_meant_for_hr_and_no_team_reaches_the_page(client, seeded):
    page = text_of(main_of(client.get(URL).content.decode()))
    assert not re.search(r"\bHR\b", page)
    for note in ["infobundel", "in te vullen", "illustratief", "Wijkteam 1", "Centraal team"]:
        assert note.lower() not in page.lower(), note


def test_hrs_internal_notes_reach_no_public_page_no_jury_page_and_no_mail(client, seeded):
    procedure = Procedure.objects.select_related("function").get(slug=seed_data.PROCEDURE_SLUG)
    function = procedure.function
    Function.objects.filter(pk=function.pk).update(internal_note=f"{NOTE} over de functie", reserve_months=24)
    Procedure.objects.filter(pk=procedure.pk).update(internal_note=f"{NOTE} over de procedure")
    team = Team.objects.create(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD,
                               internal_note=f"{NOTE} over het team")
    vacancy = make_vacancy(procedure, team=team, internal_note=f"{NOTE} over de vacature")
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    jury_round = start_jury_round(vacancy, by=hr_user(username="hr-jury"))
    _chair, leader, _external = compose_jury(jury_round)
    for model in (Function, Procedure, Team, Vacancy):  # the notes are there, in the back office
        assert model.objects.filter(internal_note__startswith=NOTE).count() == 1, model

    pages = [client.get(url).content.decode() for url in (URL, URL + "functiebeschrijving/", URL + "loon/")]
    juror = client_for(leader.user)
    candidate = jury_round.candidates.get()
    pages += [juror.get(reverse(name, args=args)).content.decode() for name, args in (
        ("interviews:jury_round", [jury_round.pk]), ("interviews:jury_candidate", [jury_round.pk, candidate.uid]))]
    assert "Functiebeschrijving" in pages[-1]  # the juror's page shows the function's own texts
    for page in pages:
        assert NOTE not in page
    assert Mail.objects.filter(event="jury_invitation").exists()
    assert not Mail.objects.filter(body_text__contains=NOTE).exists()


def test_the_key_facts_come_from_the_bundle(client, seeded):
    main = main_of(client.get(URL).content.decode())
    facts = text_of(re.search(r'<dl class="vacancy-facts">(.*?)</dl>', main, re.S).group(1))
    for fact in ["Functie Maatschappelijk werker", "Niveau en loonschaal B1-B3",
                 "Contract contract van onbepaalde duur", "Plaats Kortrijk",
                 "Contact Veerle De Bosschere, vacatures@kortrijk.be, 056 27 85 03"]:
        assert fact in facts, fact
    assert "Solliciteren kan tot en met" not in facts  # HR has not set a deadline; the bundle gives none


def test_the_function_description_page_shows_both_annexes_named_by_their_content(client, seeded):
    main = main_of(client.get(URL + "functiebeschrijving/").content.decode())
    page = text_of(main)
    assert headings_of(main)[:3] == ["Functiebeschrijving Maatschappelijk werker",
                                     "Maatschappelijk werker in een wijkteam", "Functiegegevens"]
    assert "Maatschappelijk werker in een centraal aangestuurd team" in headings_of(main)
    # Bijlage 1 (headed "centraal aangestuurde teams") is the wijkteam text; it comes first, under the wijkteam title.
    neighbourhood, central = page.split("Maatschappelijk werker in een centraal aangestuurd team Functiegegevens")
    assert "vanuit de wijkteams" in neighbourhood and "vanuit de wijkteams" not in central
    assert "vanuit de centraal aangestuurde teams" in central
    assert "Je neemt verantwoordelijkheden op in het wijkactieplan" in neighbourhood
    for fact in ["Directie Samenleven", "Team Wijkgericht Sociaal Werk", "Loonschaal B1-B3",
                 "Rapporteert aan Teamcoördinator wijkgericht sociaal werk"]:
        assert neighbourhood.count(fact) == 1 and central.count(fact) == 1, fact
    for variant in seed_annexes.FUNCTION_DESCRIPTIONS.values():
        for field in ("purpose", "responsibilities"):
            for piece in paragraphs_and_items(variant[field]):
                assert piece in page, piece
    # 7 tasks with 36 sub-tasks (wijkteam) and 7 with 29 (centraal), counted by hand in the bundle; the 40
    # behavioural indicators of Bijlage 2's "Competenties".
    assert main.count("<li>") == 7 + 36 + 7 + 29 + 40 + 2  # + the two links to the variants


def test_the_function_description_page_closes_with_the_competencies_and_their_indicators(client, seeded):
    main = main_of(client.get(URL + "functiebeschrijving/").content.decode())
    headings = headings_of(main)
    competencies = headings[headings.index("Competenties") + 1:]
    assert competencies[:9] == [data.name for data in seed_data.COMPETENCIES]
    section = text_of(main[main.index('id="competenties"'):])
    for data in seed_data.COMPETENCIES:
        assert section.count(data.definition) == 1, data.name
        for indicator in data.indicators:
            assert section.count(indicator) == 1, indicator
    assert re.search(r"<h3[^>]*>Resultaatgerichtheid</h3>\s*<p[^>]*>Je werkt doelgericht[^<]*</p>\s*<ul[^>]*>"
                     r"<li>Je spreekt anderen aan om doelen te bereiken\.</li>", main)
