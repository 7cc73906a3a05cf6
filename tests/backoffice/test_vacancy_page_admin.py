"""HR keeps what the public pages say: the steps of the selection on the procedure, the function descriptions and the
feedback period on the function. A slip is refused in Dutch and loses nothing."""

import pytest
from django.urls import reverse

from procedures.models import Function, FunctionDescription, Procedure, Team
from tests.backoffice.test_procedures_admin import inline_management, procedure_form
from tests.factories import FunctionFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def steps(*rows):
    data = inline_management("steps", len(rows))
    for i, (position, title, part, shows_sessions) in enumerate(rows):
        data.update({f"steps-{i}-position": str(position), f"steps-{i}-title": title,
                     f"steps-{i}-text": f"Tekst van {title}.\n- een punt"})
        if part:
            data[f"steps-{i}-part_of_previous"] = "on"
        if shows_sessions:
            data[f"steps-{i}-shows_intake_sessions"] = "on"
            data[f"steps-{i}-text_after_intake_sessions"] = "Je kiest zelf een tijdslot."
    return data


def test_hr_writes_the_steps_and_the_key_facts_of_a_procedure(hr_client):
    form = procedure_form(FunctionFactory(), contract_type="contract van onbepaalde duur", place="Kortrijk",
                          employer="Elke dag zet je je in.", employer_vision="Visie.", employer_values="Waarden.",
                          **steps((1, "Screening", False, False), (2, "Kennismakingsinterview", False, True),
                                  (3, "Wat als je niet slaagt?", True, False)))
    response = hr_client.post(reverse("admin:procedures_procedure_add"), form)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    procedure = Procedure.objects.get(slug="maatschappelijk-werker-2026")
    assert (procedure.contract_type, procedure.place, procedure.employer_values) == (
        "contract van onbepaalde duur", "Kortrijk", "Waarden.")
    assert [(s.position, s.title, s.part_of_previous, s.shows_intake_sessions) for s in procedure.steps.all()] == [
        (1, "Screening", False, False), (2, "Kennismakingsinterview", False, True),
        (3, "Wat als je niet slaagt?", True, False)]
    assert procedure.steps.get(position=2).text_after_intake_sessions == "Je kiest zelf een tijdslot."


def test_two_steps_with_the_same_number_are_refused_in_dutch(hr_client):
    form = procedure_form(FunctionFactory(), **steps((1, "Screening", False, False), (1, "Interview", False, False)))
    response = hr_client.post(reverse("admin:procedures_procedure_add"), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Elke stap heeft een eigen volgnummer." in html
    assert "Interview" in html and "Maatschappelijk werker 2026" in html  # kept
    assert not Procedure.objects.exists()


def function_form(function, *descriptions, feedback_months=""):
    data = {"name": function.name, "slug": function.slug, "grade": "B1-B3", "ban_months": "12",
            "waitlist_months": "12", "reserve_months": "24", "private_seniority_cap_years": "18",
            "feedback_request_months": feedback_months,
            **inline_management("competencies", 0), **inline_management("descriptions", len(descriptions))}
    for i, (variant, purpose) in enumerate(descriptions):
        data.update({f"descriptions-{i}-variant": variant, f"descriptions-{i}-formal_title": "hulpverlener",
                     f"descriptions-{i}-reports_to": "Teamcoördinator", f"descriptions-{i}-purpose": purpose,
                     f"descriptions-{i}-responsibilities": "- Je begeleidt de cliënt.\n  - Op maat."})
    return data


def test_hr_writes_both_function_descriptions_and_a_feedback_period(hr_client):
    function = FunctionFactory(name="Maatschappelijk werker")
    url = reverse("admin:procedures_function_change", args=[function.pk])
    page = hr_client.get(url).content.decode()
    assert "Functiebeschrijvingen" in page and "feedback vragen kan tot (maanden)" in page.lower()
    response = hr_client.post(url, function_form(
        function, (Team.Kind.NEIGHBOURHOOD, "Vanuit de wijkteams."), (Team.Kind.CENTRAL, "Vanuit de centrale teams."),
        feedback_months="3"))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert {d.variant: d.purpose for d in FunctionDescription.objects.filter(function=function)} == {
        Team.Kind.NEIGHBOURHOOD: "Vanuit de wijkteams.", Team.Kind.CENTRAL: "Vanuit de centrale teams."}
    assert Function.objects.get(pk=function.pk).feedback_request_months == 3


def test_two_descriptions_for_the_same_kind_of_team_are_refused_in_dutch(hr_client):
    function = FunctionFactory()
    url = reverse("admin:procedures_function_change", args=[function.pk])
    response = hr_client.post(url, function_form(
        function, (Team.Kind.CENTRAL, "Eerste tekst."), (Team.Kind.CENTRAL, "Tweede tekst.")))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is maar één functiebeschrijving per soort team." in html
    assert "Tweede tekst." in html  # kept
    assert not FunctionDescription.objects.exists()


def test_an_empty_feedback_period_means_no_limit(hr_client):
    function = FunctionFactory(name="Maatschappelijk werker")
    Function.objects.filter(pk=function.pk).update(feedback_request_months=6)
    response = hr_client.post(reverse("admin:procedures_function_change", args=[function.pk]),
                              function_form(function))
    assert response.status_code == 302
    assert Function.objects.get(pk=function.pk).feedback_request_months is None


def test_hr_keeps_internal_notes_on_the_procedure_and_the_vacancy_and_reads_which_text_is_public(hr_client):
    from tests.jury.helpers import make_vacancy

    procedure = ProcedureFactory()
    vacancy = make_vacancy(procedure)
    procedure_page = hr_client.get(reverse("admin:procedures_procedure_change", args=[procedure.pk])).content.decode()
    vacancy_page = hr_client.get(reverse("admin:procedures_vacancy_change", args=[vacancy.pk])).content.decode()
    for page in (procedure_page, vacancy_page):
        assert 'name="internal_note"' in page
        assert "Alleen voor het selectieteam in de back office; komt nooit op een publieke pagina." in page
    assert "Publieke tekst: de kandidaat leest ze in het jobaanbod en in de uitnodiging voor het jurygesprek." in (
        vacancy_page)
