"""A new round of a procedure (procedures.rounds.start_new_round): what it copies, what it shares with the function,
what it refuses in Dutch with nothing made, and that it costs the same number of queries whatever the size."""

from datetime import date, time, timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.models import IntakePolicy
from procedures import seed_data
from procedures.models import (
    BehaviouralIndicator,
    Competency,
    Diploma,
    IntakeSession,
    Procedure,
    ProcedureStep,
    SeedRecord,
)
from procedures.rounds import (
    COPIED_FIELDS,
    ROUND_OWN_FIELDS,
    IntakeMoment,
    NewRoundRefused,
    proposed_intake_moments,
    start_new_round,
)
from tests.factories import DiplomaFactory, IntakeSessionFactory, ProcedureFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 4)
NEXT = {"title": "Maatschappelijk werker (B1-B3) 2027", "slug": "maatschappelijk-werker-2027",
        "applications_open_from": date(2026, 12, 7), "applications_close_on": date(2027, 1, 10)}


def old_round(*, steps=2, diplomas=2, sessions=2, slug="maatschappelijk-werker"):
    procedure = ProcedureFactory(
        title="Maatschappelijk werker (B1-B3)", slug=slug, status=Procedure.Status.CLOSED,
        applications_open_from=date(2025, 12, 1), applications_close_on=date(2026, 1, 11),
        contract_type="contract van onbepaalde duur", place="Kortrijk", intro="Inleiding van de vacature.",
        responsibilities="- begeleiden", workplace="In een wijkteam.", offer="- een vaste job",
        conditions="- een diploma", procedure_steps="Zo verloopt het.", employer="Stad Kortrijk.",
        employer_vision="Visie.", employer_values="Waarden.", faq="Bekijk de vragen.", contact_name="An Selectie",
        contact_email="selectie@example.org", contact_phone="056 27 00 00", motivation_required=True,
        cv_required=True)
    for position in range(1, steps + 1):
        ProcedureStep.objects.create(procedure=procedure, position=position, title=f"Stap {position}",
                                     text=f"Tekst van stap {position}.", part_of_previous=position == 3,
                                     shows_intake_sessions=position == 2,
                                     text_after_intake_sessions="Onder de momenten." if position == 2 else "")
    for position in range(1, diplomas + 1):
        DiplomaFactory(procedure=procedure, name=f"Diploma {position}", position=position,
                       kind=Diploma.Kind.OLD if position % 2 else Diploma.Kind.CURRENT)
    for day in range(sessions):
        IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 20) + timedelta(days=day),
                             meeting_url="https://teams.example.org/oud")
    IntakePolicy.objects.create(procedure=procedure, change_cutoff_hours=48, unbooked_reminder_days=5,
                                no_show_policy=IntakePolicy.NoShow.FAIL)
    competency = Competency.objects.create(function=procedure.function, name="Klantgerichtheid",
                                           definition="Je stelt de klant centraal.")
    BehaviouralIndicator.objects.create(competency=competency, text="Je luistert.")
    return procedure


def world(procedure):
    """Every row of one round, field by field."""
    return {
        "procedure": Procedure.objects.filter(pk=procedure.pk).values().get(),
        "steps": list(procedure.steps.order_by("pk").values()),
        "diplomas": list(procedure.diplomas.order_by("pk").values()),
        "sessions": list(procedure.intake_sessions.order_by("pk").values()),
        "policy": list(IntakePolicy.objects.filter(procedure=procedure).values()),
    }


def without_keys(rows, *keys):
    return [{k: v for k, v in row.items() if k not in keys} for row in rows]


# --- What the copy takes ------------------------------------------------------------------------------------------


def test_the_new_round_takes_the_texts_steps_diplomas_and_policy_and_starts_in_preparation(hr):
    old = old_round(steps=3, diplomas=3)
    before = world(old)

    new = start_new_round(old, **NEXT, by=hr, today=TODAY)

    assert world(old) == before  # the old round, to the field
    assert (new.title, new.slug, new.status) == (NEXT["title"], NEXT["slug"], Procedure.Status.DRAFT)
    assert (new.applications_open_from, new.applications_close_on) == (date(2026, 12, 7), date(2027, 1, 10))
    assert new.function_id == old.function_id
    for name in COPIED_FIELDS:
        assert getattr(new, name) == getattr(old, name), name
    assert without_keys(world(new)["steps"], "id", "procedure_id") == without_keys(before["steps"], "id",
                                                                                   "procedure_id")
    assert without_keys(world(new)["diplomas"], "id", "procedure_id") == without_keys(before["diplomas"], "id",
                                                                                       "procedure_id")
    assert without_keys(world(new)["policy"], "id", "procedure_id") == without_keys(before["policy"], "id",
                                                                                    "procedure_id")
    assert not new.intake_sessions.exists()  # none given: the old days are past, HR adds the new ones
    # Who made it, from which round: the back office's history of the new procedure.
    entry = LogEntry.objects.get(object_id=str(new.pk))
    assert entry.user == hr and "maatschappelijk-werker" in entry.get_change_message()


def test_every_field_of_a_procedure_is_either_copied_or_the_rounds_own():
    # A field added to Procedure later must be sorted here, or the copy would silently leave it behind.
    fields = {f.name for f in Procedure._meta.concrete_fields}
    assert fields == set(COPIED_FIELDS) | set(ROUND_OWN_FIELDS)
    assert not set(COPIED_FIELDS) & set(ROUND_OWN_FIELDS)


def test_the_copies_are_the_new_rounds_own_editing_them_leaves_the_old_round_as_it_was(hr):
    old = old_round()
    before = world(old)
    new = start_new_round(old, **NEXT, by=hr, today=TODAY)
    new.steps.update(text="Nieuwe tekst.")
    new.diplomas.filter(position=1).update(name="Nieuw diploma")
    IntakePolicy.objects.filter(procedure=new).update(change_cutoff_hours=12)
    Procedure.objects.filter(pk=new.pk).update(intro="Nieuwe inleiding.")
    assert world(old) == before


def test_competencies_stay_with_the_function_shared_by_both_rounds_not_copied(hr):
    old = old_round()
    new = start_new_round(old, **NEXT, by=hr, today=TODAY)
    assert Competency.objects.count() == 1 and BehaviouralIndicator.objects.count() == 1
    assert list(new.function.competencies.values_list("name", flat=True)) == ["Klantgerichtheid"]


def test_a_round_without_an_intake_policy_gives_a_new_round_without_one(hr):
    old = ProcedureFactory()
    new = start_new_round(old, **NEXT, by=hr, today=TODAY)
    assert not IntakePolicy.objects.filter(procedure=new).exists()


def test_the_new_intake_moments_are_made_as_given_without_the_old_links(hr):
    old = old_round()
    moments = [IntakeMoment(date(2027, 1, 19), "voormiddag", time(9), time(12)),
               IntakeMoment(date(2027, 1, 22), "volledige dag")]
    new = start_new_round(old, **NEXT, intake_moments=moments, by=hr, today=TODAY)
    assert list(new.intake_sessions.order_by("date").values_list("date", "label", "starts_at", "ends_at",
                                                                 "meeting_url")) == [
        (date(2027, 1, 19), "voormiddag", time(9), time(12), ""),
        (date(2027, 1, 22), "volledige dag", None, None, "")]


def test_the_proposal_is_the_old_pattern_52_weeks_later_on_the_same_weekdays():
    old = old_round(sessions=0)
    IntakeSessionFactory(procedure=old, date=date(2026, 1, 20), label="voormiddag")  # a Tuesday
    IntakeSessionFactory(procedure=old, date=date(2026, 1, 23), starts_at=None, ends_at=None, label="volledige dag")
    proposal = proposed_intake_moments(old, today=TODAY)
    assert proposal == [IntakeMoment(date(2027, 1, 19), "voormiddag", time(9), time(12)),
                        IntakeMoment(date(2027, 1, 22), "volledige dag")]
    assert [m.date.weekday() for m in proposal] == [1, 4]  # Tuesday and Friday, as before
    # A round two years old: shifted until the first moment lies ahead.
    assert proposed_intake_moments(old, today=date(2027, 6, 1))[0].date == date(2028, 1, 18)
    assert proposed_intake_moments(ProcedureFactory(), today=TODAY) == []


def test_the_copy_creates_no_seed_record_and_the_seed_neither_adopts_nor_rewrites_it(hr):
    call_command("seed_kortrijk", stdout=StringIO())
    seeded = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    records = list(SeedRecord.objects.values_list("key", "object_id"))
    new = start_new_round(seeded, **NEXT, by=hr, today=TODAY)
    assert list(SeedRecord.objects.values_list("key", "object_id")) == records
    Procedure.objects.filter(pk=new.pk).update(intro="Onze tekst voor 2027.")
    new.steps.filter(position=1).update(title="Onze eerste stap")
    copy_before = world(new)

    out = StringIO()
    call_command("seed_kortrijk", stdout=out)
    assert "0 nieuw, 0 bijgewerkt" in out.getvalue() and "overgenomen" not in out.getvalue()
    call_command("seed_kortrijk", "--refresh", stdout=StringIO())
    assert world(new) == copy_before
    assert list(SeedRecord.objects.values_list("key", "object_id")) == records


# --- What it refuses, with nothing made ---------------------------------------------------------------------------


def refused(old, **changes):
    counts = {model: model.objects.count() for model in (Procedure, ProcedureStep, Diploma, IntakeSession,
                                                          IntakePolicy)}
    with pytest.raises(NewRoundRefused) as caught:
        start_new_round(old, **{**NEXT, **changes}, today=TODAY)
    assert {model: model.objects.count() for model in counts} == counts  # nothing half-made
    return caught.value.errors


def test_a_slug_that_exists_is_refused_naming_the_procedure_that_has_it():
    old = old_round()
    errors = refused(old, slug="maatschappelijk-werker")
    assert errors == {"slug": "Er is al een procedure met het webadres (slug) ‘maatschappelijk-werker’ "
                              "(‘Maatschappelijk werker (B1-B3)’). Kies een ander webadres, bv. met het jaar erin. "
                              "Er is niets aangemaakt."}


def test_an_apply_by_date_in_the_past_is_refused():
    errors = refused(old_round(), applications_close_on=date(2026, 12, 3), applications_open_from=date(2026, 12, 1))
    assert errors == {"applications_close_on": "De laatste dag om te solliciteren (03/12/2026) ligt in het "
                                               "verleden. Kies vandaag of een latere dag.",
                      "applications_open_from": "De eerste dag om te solliciteren (01/12/2026) ligt in het "
                                                "verleden. Kies vandaag of een latere dag."}


def test_a_first_day_in_the_past_is_refused():
    # The draft opens by itself on its first day: a past one would open it at once, unseen.
    errors = refused(old_round(), applications_open_from=date(2026, 12, 3))
    assert errors == {"applications_open_from": "De eerste dag om te solliciteren (03/12/2026) ligt in het "
                                                "verleden. Kies vandaag of een latere dag."}


def test_an_apply_by_date_of_today_is_taken():
    new = start_new_round(old_round(), **{**NEXT, "applications_open_from": TODAY, "applications_close_on": TODAY},
                          today=TODAY)
    assert new.applications_close_on == TODAY


def test_a_first_day_after_the_last_day_is_refused():
    errors = refused(old_round(), applications_open_from=date(2027, 1, 11))
    assert errors == {"applications_close_on": "De laatste dag om te solliciteren (10/01/2027) ligt voor de eerste "
                                               "(11/01/2027). Kies een laatste dag op of na 11/01/2027."}


@pytest.mark.parametrize(("open_from", "close_on"), [
    (date(2027, 1, 11), date(2027, 1, 10)),  # the first day after the last
    (date(2026, 12, 1), date(2027, 1, 10)),  # the first day past: the draft would open at once
    (TODAY, date(2026, 12, 3)),  # the last day past: the draft would never open
])
def test_the_new_round_and_hrs_procedure_form_judge_the_days_by_one_rule(open_from, close_on):
    errors = refused(old_round(), applications_open_from=open_from, applications_close_on=close_on)
    draft = ProcedureFactory.build(status=Procedure.Status.DRAFT, applications_open_from=open_from,
                                   applications_close_on=close_on)
    with time_machine.travel(TODAY, tick=False), pytest.raises(ValidationError) as form_refused:
        draft.clean()
    assert {field: messages[0] for field, messages in form_refused.value.message_dict.items()} == errors


def test_missing_and_malformed_fields_are_each_named():
    errors = refused(old_round(), title="  ", slug="Maatschappelijk Werker!", applications_open_from=None,
                     applications_close_on=None)
    assert set(errors) == {"title", "slug", "applications_open_from", "applications_close_on"}
    assert errors["slug"].startswith("Het webadres (slug) bestaat enkel uit kleine letters")
    too_long = refused(old_round(slug="tweede"), title="x" * 201, slug="a" * 51)
    assert too_long == {"title": "Hou de titel op hoogstens 200 tekens (nu 201).",
                        "slug": "Hou het webadres (slug) op hoogstens 50 tekens (nu 51)."}


def test_wrong_intake_moments_are_refused_each_by_name():
    errors = refused(old_round(), intake_moments=[
        IntakeMoment(date(2026, 12, 1), "voormiddag"),
        IntakeMoment(date(2026, 12, 5), "voormiddag"),
        IntakeMoment(date(2027, 1, 19), ""),
        IntakeMoment(date(2027, 1, 20), "voormiddag", time(9), None),
        IntakeMoment(date(2027, 1, 21), "voormiddag", time(12), time(9)),
        IntakeMoment(date(2027, 1, 22), "voormiddag", time(9), time(12)),
        IntakeMoment(date(2027, 1, 22), "namiddag", time(9), time(12)),
    ])
    assert errors == {"intake_moments": [
        "Intakemoment 1 (01/12/2026) ligt in het verleden. Kies een dag vanaf vandaag, of laat het weg.",
        "Intakemoment 2 (05/12/2026) valt vóór de eerste dag om te solliciteren (07/12/2026): dan kan nog niemand "
        "uitgenodigd zijn.",
        "Intakemoment 3 (19/01/2027) heeft geen omschrijving, bv. voormiddag.",
        "Intakemoment 4 (20/01/2027): vul het begin- en het einduur in, of laat ze allebei leeg.",
        "Intakemoment 5 (21/01/2027): het einduur moet later zijn dan het beginuur.",
        "Intakemoment 7 (22/01/2027) staat er twee keer in.",
    ]}


def test_two_moments_on_one_day_without_hours_yet_are_fine_when_their_labels_differ():
    new = start_new_round(old_round(), **NEXT, today=TODAY, intake_moments=[
        IntakeMoment(date(2027, 1, 19), "voormiddag"), IntakeMoment(date(2027, 1, 19), "namiddag")])
    assert new.intake_sessions.count() == 2


# --- Cost -----------------------------------------------------------------------------------------------------------


def queries_of_a_copy(hr, *, size, slug):
    old = old_round(steps=size, diplomas=size, sessions=0, slug=f"oud-{slug}")
    for number in range(size):
        Competency.objects.create(function=old.function, name=f"Competentie {number}", definition="…")
    moments = [IntakeMoment(date(2027, 1, 18) + timedelta(days=day), "voormiddag") for day in range(size)]
    old = Procedure.objects.get(pk=old.pk)
    ContentType.objects.clear_cache()  # both measurements start cold (the history entry looks its type up once)
    with CaptureQueriesContext(connection) as queries:
        new = start_new_round(old, **{**NEXT, "slug": slug}, intake_moments=moments, by=hr, today=TODAY)
    assert (new.steps.count(), new.diplomas.count(), new.intake_sessions.count()) == (size, size, size)
    return len(queries)


def test_the_copy_costs_the_same_number_of_queries_whatever_the_number_of_rows(hr):
    small = queries_of_a_copy(hr, size=2, slug="ronde-klein")
    large = queries_of_a_copy(hr, size=15, slug="ronde-groot")
    assert small == large, (small, large)
    assert large <= 15, large
