"""manage.py seed_kortrijk, the public texts: the vacancy page's key facts and sections, the steps of the selection
and the two function descriptions of the annexes, each thing of the bundle once."""

from io import StringIO

import pytest
from django.core.management import call_command

from procedures import seed_data
from procedures.models import FunctionDescription, Procedure, ProcedureStep, Team

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_kortrijk", stdout=StringIO())


@pytest.fixture
def seeded():
    seed()
    return Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)


def test_the_procedure_has_the_key_facts_and_each_section_once(seeded):
    assert (seeded.contract_type, seeded.place) == ("contract van onbepaalde duur", "Kortrijk")
    assert seeded.employer.startswith("Elke dag zet je je samen met meer dan 1800 collega's")
    assert seeded.employer_vision.startswith("Kortrijk kiest voor op-en-top klantentevredenheid")
    assert seeded.employer_values.endswith("Kom meer te weten over onze missie en waarden: "
                                           "https://www.kortrijk.be/missie-en-waarden")
    assert "Kortrijk als werkgever" not in seeded.workplace and "Visie" not in seeded.workplace
    assert "Alle communicatie verloopt via e-mail." in seeded.procedure_steps
    assert seeded.faq == ("Je vindt een pak informatie over solliciteren bij Kortrijk, loon en voordelen, tips om je "
                          "voor te bereiden op een selectiegesprek... bij de veelgestelde vragen: "
                          "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk")
    # Each thing once: the intake dates live in IntakeSession rows, the ban and the steps in the step rows.
    for field in seed_data.PROCEDURE_TEXTS:
        text = getattr(seeded, field)
        assert "/01/26" not in text and "niet opnieuw deelnemen" not in text, field
        assert "Screening toelatingsvoorwaarden" not in text, field


def test_it_loads_the_three_steps_with_their_parts_and_the_intake_moments_under_step_2(seeded):
    steps = list(seeded.steps.all())
    assert [(s.title, s.part_of_previous) for s in steps] == [
        ("Screening toelatingsvoorwaarden", False),
        ("Online kennismakingsinterview", False),
        ("Belangrijk: wat als je niet slaagt voor stap 2?", True),
        ("Wachtlijst voor concrete jobinterviews", False),
        ("Word je voor de eerstvolgende concrete vacature uitgenodigd naar het jobinterview?", True),
        ("Hoe ziet zo’n jobinterview eruit?", True),
        ("En hierna?", True),
    ]
    assert [s.position for s in steps] == list(range(1, 8))
    assert [s.title for s in steps if s.shows_intake_sessions] == ["Online kennismakingsinterview"]
    intake = steps[1]
    assert intake.text.endswith("plaatsvinden op één of meerdere van onderstaande momenten:")
    assert intake.text_after_intake_sessions.startswith("Je zal zelf op één van bovenstaande momenten")
    assert steps[2].text == (
        "Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker "
        "B1-B3) bij stad Kortrijk. Je kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk.")
    outcomes = steps[6].text
    assert ("De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad Kortrijk "
            "of dat je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je hierover feedback "
            "van de jury opvragen.") in outcomes
    assert outcomes.count("niet opnieuw deelnemen") == 1
    for step in steps:
        assert "/01/26" not in step.text + step.text_after_intake_sessions


def test_it_loads_both_function_descriptions_named_by_their_content(seeded):
    descriptions = {d.variant: d for d in FunctionDescription.objects.filter(function=seeded.function)}
    assert set(descriptions) == {Team.Kind.NEIGHBOURHOOD, Team.Kind.CENTRAL}
    neighbourhood, central = descriptions[Team.Kind.NEIGHBOURHOOD], descriptions[Team.Kind.CENTRAL]
    for description in descriptions.values():
        assert (description.directorate, description.team_name, description.salary_scale, description.reports_to) == (
            "Samenleven", "Wijkgericht Sociaal Werk", "B1-B3", "Teamcoördinator wijkgericht sociaal werk")
    # Bijlage 1 is headed "centraal aangestuurde teams" but is the wijkteam text; Bijlage 2 the other way round.
    assert neighbourhood.formal_title == "hulpverlener wijkgericht sociaal werk"
    assert neighbourhood.purpose.startswith("Je voorziet in individuele sociale hulp– en dienstverlening vanuit de "
                                            "wijkteams voor cliënten met allerhande hulpvragen")
    assert central.formal_title == "Hulpverlener wijkgericht sociaal werk"
    assert central.purpose.startswith("Je voorziet in individuele sociale hulp- en dienstverlening vanuit de centraal "
                                      "aangestuurde teams voor cliënten met een specifiek kenmerk")
    # Counted by hand in the bundle: 7 tasks each; 34 + 2 (bullet glyph lost) sub-tasks in Bijlage 1, 29 in Bijlage 2.
    for description, sub_tasks in ((neighbourhood, 36), (central, 29)):
        lines = description.responsibilities.split("\n")
        assert sum(line.startswith("- ") for line in lines) == 7
        assert sum(line.startswith("  - ") for line in lines) == sub_tasks
        assert all(line.startswith(("- ", "  - ")) for line in lines)
    assert "  - Je neemt deel aan activiteiten in het wijkcentrum." in neighbourhood.responsibilities
    assert "hulpverleningsplan (GPMI,....) op samen met je cliënt." in central.responsibilities
    assert "wijkactieplan" not in central.responsibilities


def test_the_steps_and_descriptions_have_no_pdf_artefacts(seeded):
    texts = {}
    for step in seeded.steps.all():
        texts[step.title] = f"{step.title}\n{step.text}\n{step.text_after_intake_sessions}"
    for description in FunctionDescription.objects.all():
        texts[description.variant] = f"{description.purpose}\n{description.responsibilities}"
    for field, text in texts.items():
        assert "  " not in text.replace("\n  - ", "\n- "), field  # no double spaces but the sub-list indent
        assert "-\n" not in text, field  # no word split over two lines
        assert " ." not in text, field


def test_running_it_again_adds_no_step_and_no_description(seeded):
    before = (ProcedureStep.objects.count(), FunctionDescription.objects.count())
    ProcedureStep.objects.filter(procedure=seeded, position=1).update(title="Titel van HR")
    seed()
    assert (ProcedureStep.objects.count(), FunctionDescription.objects.count()) == before == (7, 2)
    assert ProcedureStep.objects.get(procedure=seeded, position=1).title == "Titel van HR"
