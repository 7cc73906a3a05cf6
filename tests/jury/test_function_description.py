"""The function description beside the candidate on a juror's page: the variant of the vacancy's team kind (the
bundle's annexes, named by their content), every variant when that kind has none."""

import re

import pytest
from django.urls import reverse

from procedures.models import FunctionDescription, Team
from procedures.seed_annexes import seed_function_descriptions
from procedures.seeding import Seeder
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db

NEIGHBOURHOOD_TEXT = "vanuit de wijkteams voor cliënten met allerhande"
CENTRAL_TEXT = "vanuit de centraal aangestuurde teams voor cliënten met een specifiek kenmerk"


def add_descriptions(function):
    return seed_function_descriptions(function, seeder=Seeder())


def juror_page(jury):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    url = reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid])
    return client_for(leader.user).get(url).content.decode()


def description_section(page):
    return re.search(r'<section[^>]*aria-labelledby="functiebeschrijving">.*?</details>\s*</section>', page, re.S)


def test_a_juror_reads_the_wijkteam_description_for_a_vacancy_in_a_wijkteam(jury, procedure):
    add_descriptions(procedure.function)
    assert jury[0].vacancy.team.kind == Team.Kind.NEIGHBOURHOOD
    section = description_section(juror_page(jury)).group(0)
    assert NEIGHBOURHOOD_TEXT in section and CENTRAL_TEXT not in section
    assert "<summary>Toon de functiebeschrijving</summary>" in section
    headings = re.findall(r"<(h[2-4])[^>]*>(.*?)</h[2-4]>", section)
    assert headings == [("h2", "Functiebeschrijving"), ("h3", f"{procedure.function.name} in een wijkteam"),
                        ("h4", "Functiegegevens"), ("h4", "Doel van de functie"), ("h4", "Verantwoordelijkheden")]
    assert "<dt>Rapporteert aan</dt><dd>Teamcoördinator wijkgericht sociaal werk</dd>" in section
    assert re.search(r"<li>Je neemt verantwoordelijkheden op in het wijkactieplan [^<]*<ul><li>Je neemt deel aan "
                     r"activiteiten in het wijkcentrum\.</li>", section)


def test_a_juror_reads_the_central_description_for_a_vacancy_in_a_central_team(jury, procedure):
    add_descriptions(procedure.function)
    Team.objects.filter(pk=jury[0].vacancy.team_id).update(kind=Team.Kind.CENTRAL)
    section = description_section(juror_page(jury)).group(0)
    assert CENTRAL_TEXT in section and NEIGHBOURHOOD_TEXT not in section
    assert f"{procedure.function.name} in een centraal aangestuurd team</h3>" in section


def test_a_juror_reads_what_there_is_when_the_team_kind_has_no_description(jury, procedure):
    add_descriptions(procedure.function)
    FunctionDescription.objects.filter(variant=Team.Kind.NEIGHBOURHOOD).delete()
    section = description_section(juror_page(jury)).group(0)
    assert CENTRAL_TEXT in section


def test_every_variant_when_the_team_is_unknown(procedure):
    add_descriptions(procedure.function)
    descriptions = procedure.function.descriptions.for_team(None)
    assert [d.variant for d in descriptions] == [Team.Kind.NEIGHBOURHOOD, Team.Kind.CENTRAL]
    assert [d.variant for d in procedure.function.descriptions.for_team(Team(kind=Team.Kind.CENTRAL))] == [
        Team.Kind.CENTRAL]


def test_no_description_no_section(jury):
    page = juror_page(jury)
    assert "Functiebeschrijving" not in page and description_section(page) is None
