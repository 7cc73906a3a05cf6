"""manage.py seed_kortrijk: the bundle's procedure, loaded once however often it runs."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from procedures import seed_data
from procedures.models import BehaviouralIndicator, Competency, Diploma, Function, IntakeSession, Procedure, Team

pytestmark = pytest.mark.django_db

# Written out by hand from Bijlage 2 (not derived from seed_data), so a wrong seed cannot agree with itself.
INDICATORS_PER_COMPETENCY = {
    "Klantgerichtheid": 5,
    "Samenwerken": 5,
    "Resultaatgerichtheid": 5,
    "Wendbaarheid": 5,
    "Integriteit": 5,
    "Adviseren": 5,
    "Communiceren": 5,
    "Empathisch handelen": 5,
    "Innovatie en creativiteit": 0,  # the bundle lists no indicators for it
}


def seed(*args):
    out = StringIO()
    call_command("seed_kortrijk", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count()
            for model in (Function, Procedure, Diploma, Team, Competency, BehaviouralIndicator, IntakeSession)}


@pytest.fixture
def seeded():
    seed()
    return Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)


def test_it_creates_the_function_with_the_bundles_rules_and_leaves_the_reserve_validity_to_hr(seeded):
    function = seeded.function
    assert (function.name, function.grade) == ("Maatschappelijk werker", "B1-B3")
    assert (function.ban_months, function.waitlist_months) == (12, 12)  # "1 jaar", twice in the bundle
    assert function.reserve_months is None  # the bundle gives the reserve no validity
    assert function.private_seniority_cap_years == 18


def test_it_creates_the_open_procedure_with_the_bundles_texts(seeded):
    assert seeded.title == "Maatschappelijk werker (B1-B3)"
    assert seeded.status == Procedure.Status.OPEN
    assert seeded.intro.startswith("Kortrijk startte als eerste in Vlaanderen met wijkgericht sociaal werk.")
    assert "bijzonder comité sociale dienst" in seeded.responsibilities
    assert "één van de 7 wijkteams van Kortrijk of in een centraal aangestuurd team" in seeded.workplace
    assert "Maaltijdcheques (€7,50)." in seeded.offer
    assert "Maximum 18 jaar voor ervaring vanuit de privé sector." in seeded.offer
    assert "uittreksel uit het strafregister. Dit dient blanco te zijn." in seeded.conditions
    # The steps, with the intake dates and what failing a step means, are step rows (tests/procedures/
    # test_seed_public_texts.py); the text above them is what the bundle says of all steps.
    assert "Alle communicatie verloopt via e-mail." in seeded.procedure_steps
    assert "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk" in seeded.faq
    assert (seeded.contact_name, seeded.contact_email, seeded.contact_phone) == (
        "Veerle De Bosschere", "vacatures@kortrijk.be", "056 27 85 03")


def test_it_leaves_no_pdf_artefacts_in_the_texts(seeded):
    for field in seed_data.PROCEDURE_TEXTS:
        text = getattr(seeded, field)
        assert "  " not in text.replace("\n  - ", "\n- "), field  # no double spaces but the sub-list indent
        assert "-\n" not in text, field  # no word split over two lines
        assert " ." not in text, field


def test_it_loads_exactly_the_thirteen_diplomas_of_the_bundle(seeded):
    diplomas = list(seeded.diplomas.order_by("position"))
    kinds = [d.kind for d in diplomas]
    assert len(diplomas) == 13
    assert kinds == [Diploma.Kind.CURRENT] * 8 + [Diploma.Kind.OLD] * 5
    assert diplomas[0].name == "het diploma van master in het sociaal werk"
    assert diplomas[6].name == "het diploma van bachelor sociale re-adaptatiewetenschappen"
    assert diplomas[12].name == (
        "het diploma van sociaal verpleegkundige met de titel van gegradueerde in de sociale verpleegkunde, dat "
        "behoort tot het vroegere paramedische hoger onderwijs van het korte type")
    # The one foreign diploma the bundle admits is part of the old maatschappelijk assistent entry.
    assistant = diplomas[10]
    assert assistant.kind == Diploma.Kind.OLD and assistant.name.endswith(
        "of de buitenlandse diploma’s die gelijkwaardig zijn verklaard met een diploma van maatschappelijk assistent")
    assert not seeded.diplomas.filter(name__icontains="Buitenlands diploma").exists()
    assert not any(d.needs_equivalence for d in diplomas)


def test_it_loads_the_nine_competencies_with_the_indicators_of_bijlage_2(seeded):
    competencies = list(Competency.objects.filter(function=seeded.function).prefetch_related("indicators"))
    assert [c.name for c in competencies] == list(INDICATORS_PER_COMPETENCY)
    assert {c.name: len(c.indicators.all()) for c in competencies} == INDICATORS_PER_COMPETENCY
    by_name = {c.name: c for c in competencies}
    assert by_name["Empathisch handelen"].definition == (
        "Je merkt subtiele en onuitgesproken gevoelens, behoeften en wensen van anderen op en geeft hier een "
        "passende reactie op.")
    assert [i.text for i in by_name["Adviseren"].indicators.all()][3] == "Je geef advies op maat van de klant."
    assert by_name["Klantgerichtheid"].indicators.all()[0].text == (
        "Je licht de klant correct in over alle zaken waar hij/ zij belang bij heeft.")
    assert by_name["Innovatie en creativiteit"].definition == (
        "Je komt met alternatieve ideeën, werkwijzen en oplossingen voor de dag.")


def test_it_loads_the_four_announced_intake_sessions_without_hours(seeded):
    sessions = [(s.date, s.label, s.starts_at, s.ends_at) for s in seeded.intake_sessions.all()]
    assert sessions == [  # the bundle: "voormiddag" and "volledige dag", no hours
        (date(2026, 1, 20), "voormiddag", None, None),
        (date(2026, 1, 22), "voormiddag", None, None),
        (date(2026, 1, 23), "volledige dag", None, None),
        (date(2026, 1, 26), "voormiddag", None, None),
    ]


def test_it_creates_no_team_the_bundle_does_not_name(seeded):
    assert not Team.objects.exists()


def test_it_changes_nothing_when_run_twice(seeded):
    before = counts()
    procedure_before = Procedure.objects.values().get(pk=seeded.pk)
    out = seed()
    assert counts() == before
    assert Procedure.objects.values().get(pk=seeded.pk) == procedure_before
    assert "0 nieuw, 0 bijgewerkt, 0 door HR verwijderd en niet opnieuw aangemaakt" in out


def test_it_keeps_hrs_edits_unless_asked_to_refresh(seeded):
    seeded.intro = "Tekst van HR"
    seeded.save()
    Diploma.objects.filter(procedure=seeded, position=1).update(kind=Diploma.Kind.OLD)

    seed()
    seeded.refresh_from_db()
    assert seeded.intro == "Tekst van HR"

    out = seed("--refresh")
    seeded.refresh_from_db()
    assert seeded.intro == seed_data.INTRO
    assert Diploma.objects.get(procedure=seeded, position=1).kind == Diploma.Kind.CURRENT
    assert "0 nieuw, 2 bijgewerkt" in out
    assert seeded.diplomas.count() == 13


def test_the_contact_is_configurable_by_option_and_environment(seeded, monkeypatch):
    seed("--contact-name", "Selectieteam", "--contact-email", "selecties@example.org")
    seeded.refresh_from_db()
    assert (seeded.contact_name, seeded.contact_email, seeded.contact_phone) == (
        "Selectieteam", "selecties@example.org", "056 27 85 03")

    monkeypatch.setenv("KATS_CONTACT_PHONE", "056 00 00 00")
    seed()
    seeded.refresh_from_db()
    assert seeded.contact_phone == "056 00 00 00"
    assert seeded.contact_email == "selecties@example.org"  # an earlier explicit value is not undone


def test_it_writes_one_mail_template_per_registered_event_and_keeps_hrs_wording(seeded):
    from communications.events import all_events
    from communications.models import MailTemplate

    events = {event.key for event in all_events()}
    assert {"screening_not_eligible", "intake_failed", "waitlist_expired"} <= events
    assert set(MailTemplate.objects.values_list("event", flat=True)) == events
    MailTemplate.objects.filter(event="intake_failed").update(subject_nl="Tekst van HR")
    out = seed()
    assert "Mailsjablonen: 0 nieuw" in out
    assert MailTemplate.objects.get(event="intake_failed").subject_nl == "Tekst van HR"
    assert MailTemplate.objects.count() == len(events)
