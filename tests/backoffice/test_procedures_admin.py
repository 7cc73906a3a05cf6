"""HR sets up what is recruited for: a procedure with its diplomas and intake days, competencies with
their indicators, teams."""

from datetime import date, time, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from procedures.models import Competency, Diploma, Procedure, Team
from tests.factories import ApplicationFactory, FunctionFactory, ProcedureFactory


def inline_management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def day(days_from_today):
    return f"{timezone.localdate() + timedelta(days=days_from_today):%d/%m/%Y}"


def procedure_form(function, **overrides):
    data = {
        "function": function.pk, "title": "Maatschappelijk werker 2026", "slug": "maatschappelijk-werker-2026",
        "status": Procedure.Status.OPEN, "applications_open_from": day(-3), "applications_close_on": day(30),
        **inline_management("diplomas", 2), **inline_management("intake_sessions", 1), **inline_management("steps", 0),
        "diplomas-0-position": "1", "diplomas-0-name": "Bachelor in het sociaal werk", "diplomas-0-kind": "current",
        "diplomas-1-position": "2", "diplomas-1-name": "Buitenlands diploma met gelijkwaardigheid",
        "diplomas-1-kind": "foreign",
        "intake_sessions-0-date": "20/01/2026", "intake_sessions-0-starts_at": "09:00",
        "intake_sessions-0-ends_at": "12:00", "intake_sessions-0-label": "voormiddag",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_hr_creates_a_procedure_with_diplomas_and_an_intake_day(hr_client):
    function = FunctionFactory(name="Maatschappelijk werker")
    response = hr_client.post(reverse("admin:procedures_procedure_add"), procedure_form(function))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    procedure = Procedure.objects.get(slug="maatschappelijk-werker-2026")
    assert list(procedure.diplomas.values_list("name", "kind")) == [
        ("Bachelor in het sociaal werk", Diploma.Kind.CURRENT),
        ("Buitenlands diploma met gelijkwaardigheid", Diploma.Kind.FOREIGN)]
    session = procedure.intake_sessions.get()
    assert (session.date.isoformat(), session.label) == ("2026-01-20", "voormiddag")


@pytest.mark.django_db
def test_an_intake_day_that_ends_before_it_starts_is_refused_and_nothing_is_lost(hr_client):
    function = FunctionFactory()
    response = hr_client.post(reverse("admin:procedures_procedure_add"), procedure_form(
        function, **{"intake_sessions-0-starts_at": "12:00", "intake_sessions-0-ends_at": "09:00"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het einduur moet later zijn dan het beginuur." in html
    assert "Maatschappelijk werker 2026" in html and "Bachelor in het sociaal werk" in html  # kept
    assert not Procedure.objects.exists()


@pytest.mark.django_db
def test_a_diploma_listed_twice_is_refused_in_dutch(hr_client):
    response = hr_client.post(reverse("admin:procedures_procedure_add"), procedure_form(
        FunctionFactory(), **{"diplomas-1-name": "Bachelor in het sociaal werk"}))
    assert response.status_code == 200
    assert "Elk diploma staat maar één keer in de lijst van de procedure." in response.content.decode()
    assert not Procedure.objects.exists()


@pytest.mark.django_db
def test_the_procedure_list_counts_applications_without_a_query_per_row(hr_client, django_assert_max_num_queries):
    procedures = [ProcedureFactory(title=f"Procedure {i}") for i in range(3)]
    for _ in range(4):
        ApplicationFactory(procedure=procedures[0])
    url = reverse("admin:procedures_procedure_changelist")
    hr_client.get(url)
    response = hr_client.get(url)
    assert [(p.title, p.application_count) for p in response.context["cl"].result_list
            if p.title == "Procedure 0"] == [("Procedure 0", 4)]
    for i in range(3, 20):
        ProcedureFactory(title=f"Procedure {i}")
    with django_assert_max_num_queries(12):
        hr_client.get(url)


@pytest.mark.django_db
def test_hr_edits_a_competency_with_its_indicators(hr_client):
    function = FunctionFactory()
    competency = Competency.objects.create(function=function, name="Empathie", definition="Zich inleven.",
                                           position=1)
    url = reverse("admin:procedures_competency_change", args=[competency.pk])
    response = hr_client.post(url, {
        "function": function.pk, "name": "Empathie", "definition": "Zich inleven in de ander.", "position": "1",
        **inline_management("indicators", 2),
        "indicators-0-position": "1", "indicators-0-text": "Luistert actief.",
        "indicators-1-position": "2", "indicators-1-text": "Toont begrip voor gevoelens.",
    })
    assert response.status_code == 302
    competency.refresh_from_db()
    assert competency.definition == "Zich inleven in de ander."
    assert list(competency.indicators.values_list("text", flat=True)) == [
        "Luistert actief.", "Toont begrip voor gevoelens."]


@pytest.mark.django_db
def test_hr_adds_a_team_and_a_duplicate_name_is_refused(hr_client):
    url = reverse("admin:procedures_team_add")
    assert hr_client.post(url, {"name": "Wijkteam Heule", "kind": Team.Kind.NEIGHBOURHOOD,
                                "active": "on"}).status_code == 302
    response = hr_client.post(url, {"name": "Wijkteam Heule", "kind": Team.Kind.NEIGHBOURHOOD})
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert Team.objects.filter(name="Wijkteam Heule").count() == 1


def sessions_form(function, *sessions, **overrides):
    """The procedure form with these intake moments: (date, starts_at, ends_at, label)."""
    data = procedure_form(function, **inline_management("intake_sessions", len(sessions)))
    for n, (day, starts_at, ends_at, label) in enumerate(sessions):
        data.update({f"intake_sessions-{n}-date": day, f"intake_sessions-{n}-starts_at": starts_at,
                     f"intake_sessions-{n}-ends_at": ends_at, f"intake_sessions-{n}-label": label})
    data.update(overrides)
    return data


def add_with_moments_without_hours(hr_client, function, *labels):
    """HR adds a procedure with intake moments on 20/01/2026 without hours, one for each label."""
    return hr_client.post(reverse("admin:procedures_procedure_add"), sessions_form(
        function, *(("20/01/2026", "", "", label) for label in labels)))


def assert_refused_as_one_moment_twice(response):
    assert response.status_code == 200
    assert "Er is al een intakemoment zonder uren op die dag met die omschrijving." in response.content.decode()
    assert not Procedure.objects.exists()


@pytest.mark.django_db
def test_a_day_without_hours_twice_in_one_form_is_refused_in_dutch(hr_client):
    function = FunctionFactory()
    assert_refused_as_one_moment_twice(add_with_moments_without_hours(hr_client, function, "voormiddag", "voormiddag"))
    # A morning and an afternoon on one day, both still without hours, are two moments.
    response = add_with_moments_without_hours(hr_client, function, "voormiddag", "namiddag")
    assert response.status_code == 302
    assert Procedure.objects.get().intake_sessions.count() == 2


@pytest.mark.django_db
def test_a_label_in_another_case_or_spacing_is_the_same_moment_as_for_a_new_round(hr_client):
    from procedures.rounds import IntakeMoment, NewRoundRefused, start_new_round

    function = FunctionFactory()
    assert_refused_as_one_moment_twice(add_with_moments_without_hours(hr_client, function, "voormiddag",
                                                                      " Voormiddag "))
    old = ProcedureFactory(function=function, status=Procedure.Status.CLOSED)
    day = timezone.localdate() + timedelta(days=30)
    with pytest.raises(NewRoundRefused) as refused:
        start_new_round(old, title="Nieuwe ronde", slug="nieuwe-ronde", applications_open_from=day,
                        applications_close_on=day, intake_moments=[IntakeMoment(day, "voormiddag"),
                                                                   IntakeMoment(day, "Voormiddag")])
    assert refused.value.errors["intake_moments"][0].endswith("staat er twee keer in.")


@pytest.mark.django_db
def test_a_day_without_hours_next_to_a_saved_one_is_refused_in_dutch(hr_client):
    procedure = ProcedureFactory()
    procedure.intake_sessions.create(date=date(2026, 1, 20), label="voormiddag")
    url = reverse("admin:procedures_procedure_change", args=[procedure.pk])
    form = sessions_form(procedure.function, ("20/01/2026", "", "", "voormiddag"), title=procedure.title,
                         slug=procedure.slug, **inline_management("diplomas", 0))
    form.update(inline_management("intake_sessions", 2, initial=1))
    saved = procedure.intake_sessions.get()
    form.update({"intake_sessions-1-date": "20/01/2026", "intake_sessions-1-label": "Voormiddag",
                 "intake_sessions-1-starts_at": "", "intake_sessions-1-ends_at": "",
                 "intake_sessions-0-id": str(saved.pk), "intake_sessions-0-procedure": str(procedure.pk),
                 "intake_sessions-0-label": "voormiddag"})
    response = hr_client.post(url, form)
    assert response.status_code == 200
    assert "Er is al een intakemoment zonder uren op die dag met die omschrijving." in response.content.decode()
    assert procedure.intake_sessions.count() == 1
    # With hours the second moment of that day is welcome.
    form.update({"intake_sessions-1-starts_at": "13:00", "intake_sessions-1-ends_at": "16:00"})
    assert hr_client.post(url, form).status_code == 302
    assert procedure.intake_sessions.count() == 2


@pytest.mark.django_db
def test_the_database_refuses_a_second_day_without_hours():
    procedure = ProcedureFactory()
    procedure.intake_sessions.create(date=date(2026, 1, 20), label="voormiddag")
    with pytest.raises(IntegrityError), transaction.atomic():
        procedure.intake_sessions.create(date=date(2026, 1, 20), label="voormiddag")
    procedure.intake_sessions.create(date=date(2026, 1, 20), label="namiddag")
    procedure.intake_sessions.create(date=date(2026, 1, 20), starts_at=time(9), ends_at=time(12), label="voormiddag")
    assert procedure.intake_sessions.count() == 3
