"""seed_kortrijk after HR worked in the back office: the seed owns its rows by key, not by name, so a second run
finds exactly HR's data (renamed, edited, deleted rows stay so); --refresh is the explicit way back to the bundle;
a database filled by the older, name-matching seed is taken over without duplicates."""

from datetime import date, time
from io import StringIO

import pytest
from django.core.management import call_command

from pay import seed as pay_seed
from pay.models import PayScale
from procedures import seed_data
from procedures.models import (
    BehaviouralIndicator,
    Competency,
    Diploma,
    Function,
    FunctionDescription,
    IntakeSession,
    Procedure,
    ProcedureStep,
    SeedRecord,
    Team,
)

pytestmark = pytest.mark.django_db

BUNDLE_COUNTS = {"Function": 1, "Procedure": 1, "Diploma": 13, "Competency": 9, "BehaviouralIndicator": 40,
                 "IntakeSession": 4, "ProcedureStep": 7, "FunctionDescription": 2, "PayScale": 3, "Team": 0}
MODELS = (Function, Procedure, Diploma, Competency, BehaviouralIndicator, IntakeSession, ProcedureStep,
          FunctionDescription, PayScale, Team)


def seed(*args):
    out = StringIO()
    call_command("seed_kortrijk", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def snapshot():
    """Every row of the procedure's world, field by field."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def edit_as_hr():
    """What HR does in the back office after the first seed. Returns the procedure."""
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    procedure.intro = "Onze eigen inleiding."
    procedure.applications_close_on = date(2026, 1, 10)
    procedure.save()
    function = procedure.function
    function.reserve_months = 24
    function.save()
    Competency.objects.filter(function=function, name="Klantgerichtheid").update(name="Klantgericht handelen")
    Diploma.objects.filter(procedure=procedure, name="het diploma van master in het sociaal werk").update(
        name="Master in het sociaal werk")
    BehaviouralIndicator.objects.filter(text="Je geef advies op maat van de klant.").update(
        text="Je geeft advies op maat van de klant.")
    Diploma.objects.get(procedure=procedure, name__startswith="het diploma van gegradueerde verpleger").delete()
    IntakeSession.objects.get(procedure=procedure, date=date(2026, 1, 26)).delete()
    IntakeSession.objects.filter(procedure=procedure, date=date(2026, 1, 20)).update(
        starts_at=time(9), ends_at=time(12, 30))
    Team.objects.create(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD)
    ProcedureStep.objects.filter(procedure=procedure, position=1).update(text="Onze eigen uitleg van de screening.")
    ProcedureStep.objects.get(procedure=procedure, position=7).delete()
    FunctionDescription.objects.filter(variant=Team.Kind.NEIGHBOURHOOD).update(purpose="Ons eigen doel.")
    FunctionDescription.objects.get(variant=Team.Kind.CENTRAL).delete()
    PayScale.objects.filter(code="B1").update(name="B1 volgens de rechtspositieregeling")
    PayScale.objects.get(code="B2").delete()
    return procedure


def test_a_second_run_after_hrs_edits_finds_exactly_hrs_data():
    seed()
    assert counts() == BUNDLE_COUNTS
    procedure = edit_as_hr()
    hrs = snapshot()

    out = seed()

    assert snapshot() == hrs
    assert counts() == {**BUNDLE_COUNTS, "Diploma": 12, "IntakeSession": 3, "ProcedureStep": 6,
                        "FunctionDescription": 1, "PayScale": 2, "Team": 1}
    assert "0 nieuw, 0 bijgewerkt, 5 door HR verwijderd en niet opnieuw aangemaakt" in out
    procedure.refresh_from_db()
    assert procedure.intro == "Onze eigen inleiding."
    assert procedure.function.competencies.filter(name="Klantgericht handelen").count() == 1
    assert not procedure.function.competencies.filter(name="Klantgerichtheid").exists()
    assert procedure.diplomas.filter(name="Master in het sociaal werk").count() == 1
    assert not procedure.diplomas.filter(name="het diploma van master in het sociaal werk").exists()
    assert not BehaviouralIndicator.objects.filter(text="Je geef advies op maat van de klant.").exists()
    assert not procedure.intake_sessions.filter(date=date(2026, 1, 26)).exists()
    assert procedure.steps.get(position=1).text == "Onze eigen uitleg van de screening."
    assert not procedure.steps.filter(position=7).exists()
    assert list(procedure.function.descriptions.values_list("variant", "purpose")) == [
        (Team.Kind.NEIGHBOURHOOD, "Ons eigen doel.")]
    assert list(PayScale.objects.values_list("code", "name")) == [("B1", "B1 volgens de rechtspositieregeling"),
                                                                  ("B3", pay_seed.PAY_SCALES[2][1])]

    assert snapshot() == hrs and "0 nieuw, 0 bijgewerkt, 5 door HR verwijderd" in seed()  # and again


def test_refresh_restores_the_bundle_and_recreates_what_hr_deleted():
    seed()
    procedure = edit_as_hr()

    out = seed("--refresh")

    assert "5 nieuw, 7 bijgewerkt, 0 door HR verwijderd" in out
    assert counts() == {**BUNDLE_COUNTS, "Team": 1}
    procedure.refresh_from_db()
    assert procedure.intro == seed_data.INTRO
    assert procedure.function.competencies.filter(name="Klantgerichtheid").count() == 1
    assert procedure.diplomas.filter(name="het diploma van master in het sociaal werk").count() == 1
    assert BehaviouralIndicator.objects.filter(text="Je geef advies op maat van de klant.").count() == 1
    assert procedure.intake_sessions.filter(date=date(2026, 1, 26), starts_at=None).count() == 1
    assert procedure.steps.get(position=1).text == seed_data.STEPS[0].text
    assert procedure.steps.get(position=7).title == "En hierna?"
    assert procedure.function.descriptions.get(variant=Team.Kind.NEIGHBOURHOOD).purpose.startswith(
        "Je voorziet in individuele sociale hulp")
    assert procedure.function.descriptions.filter(variant=Team.Kind.CENTRAL).count() == 1
    assert [scale.name for scale in PayScale.objects.order_by("code")] == [name for _c, name, *_ in
                                                                          pay_seed.PAY_SCALES]
    # What the bundle does not state stays as HR entered it, and so does what HR added.
    assert procedure.function.reserve_months == 24
    assert procedure.applications_close_on == date(2026, 1, 10)
    assert procedure.intake_sessions.get(date=date(2026, 1, 20)).hours == "09:00–12:30"
    assert Team.objects.filter(name="Wijkteam Heule").exists()

    assert "0 nieuw, 0 bijgewerkt, 0 door HR verwijderd" in seed()


def test_a_database_seeded_the_old_way_is_taken_over_without_duplicates():
    seed()
    SeedRecord.objects.all().delete()  # the older seed kept no records: it matched rows by their names
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    # HR renamed some of them before this seed first ran.
    Competency.objects.filter(name="Klantgerichtheid").update(name="Klantgericht handelen")
    Diploma.objects.filter(procedure=procedure, position=2).update(name="Master sociaal werk en sociaal beleid")
    before = snapshot()

    out = seed()

    assert snapshot() == before
    assert f"0 nieuw, 0 bijgewerkt, {sum(BUNDLE_COUNTS.values())} bestaande overgenomen" in out
    assert "overgeslagen" not in out  # every row adopted, the steps and descriptions by position and variant too
    assert SeedRecord.objects.count() == sum(BUNDLE_COUNTS.values())
    assert "0 nieuw, 0 bijgewerkt, 0 door HR verwijderd" in seed()
    assert "overgenomen" not in seed()


def test_a_row_that_would_collide_with_hrs_is_skipped_and_reported():
    seed()
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    bundle_name = "het diploma van bachelor orthopedagogie"
    Diploma.objects.get(procedure=procedure, name=bundle_name).delete()
    Diploma.objects.create(procedure=procedure, name=bundle_name, position=6)  # HR's own row, same name
    # --refresh would create the deleted one again: it may not clash with HR's row, nor stop the run.
    out = seed("--refresh")
    assert "1 overgeslagen omdat ze botsen met gegevens van HR (diploma:bachelor-orthopedagogie)" in out
    assert procedure.diplomas.filter(name=bundle_name).count() == 1
    assert procedure.diplomas.count() == 13
