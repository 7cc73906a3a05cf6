"""The pipeline of a procedure: its stages in the transition table's order as columns with their counts and who waits
longest; moving the checked applications goes through the applications list's own bulk decision (one door)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, Transition
from candidates.stages import ALLOWED_TRANSITIONS, CLOSED_STAGES, OPEN_STAGES, Stage
from procedures import seed_data
from procedures.models import Procedure
from tests.auth import login_staff
from tests.factories import ApplicationFactory, CandidateFactory, hr_user
from tests.workbench.worlds import Many
from workbench.pipeline import WAITING_SHOWN, build_pipeline, stage_order

pytestmark = pytest.mark.django_db

S = Stage


def url(procedure):
    return reverse("workbench:pipeline", args=[procedure.pk])


def test_the_columns_follow_the_transition_table():
    order = stage_order()
    assert sorted(order) == sorted(Stage)
    assert [stage for stage in order if stage in OPEN_STAGES] == [
        S.SCREENING, S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST, S.JURY_INVITED, S.RESERVE, S.OFFER]
    # Every step of the table goes right, but the two ways back: an absence at the jury, an offer turned to reserve.
    backwards = {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets
                 if order.index(b) < order.index(a)}
    assert backwards == {(S.JURY_INVITED, S.WAITLIST), (S.OFFER, S.RESERVE)}


def test_each_column_counts_and_shows_who_waits_longest(hr_client, procedure):
    now = timezone.now()
    screening = []
    for days in (3, 9, 1, 7, 12, 5, 2):
        candidate = CandidateFactory(first_name=f"Wacht{days}", last_name="Dagen")
        application = ApplicationFactory(procedure=procedure, candidate=candidate)
        Application.objects.filter(pk=application.pk).update(stage_changed_at=now - timedelta(days=days))
        screening.append((days, application))
    eligible = ApplicationFactory(procedure=procedure, stage=S.ELIGIBLE)
    ApplicationFactory(procedure=procedure, stage=S.NOT_ELIGIBLE)
    ApplicationFactory(stage=S.SCREENING)  # another procedure's
    pipeline = build_pipeline(procedure)
    columns = {column.stage: column for column in pipeline.columns}
    assert [column.stage for column in pipeline.columns] == [s for s in stage_order() if s not in CLOSED_STAGES]
    longest = [application.pk for _days, application in sorted(screening, key=lambda pair: -pair[0])]
    assert columns[S.SCREENING].count == 7
    assert [a.pk for a in columns[S.SCREENING].waiting] == longest[:WAITING_SHOWN]
    assert columns[S.SCREENING].more == 2
    assert [a.pk for a in columns[S.ELIGIBLE].waiting] == [eligible.pk]
    assert columns[S.OFFER].count == 0 and columns[S.OFFER].waiting == []
    assert {column.stage: column.count for column in pipeline.closed if column.count} == {S.NOT_ELIGIBLE: 1}

    html = hr_client.get(url(procedure)).content.decode()
    first_names = [html.index(f"Wacht{days} Dagen") for days in (12, 9, 7, 5, 3)]
    assert first_names == sorted(first_names), "longest waiting first"
    assert "Wacht2 Dagen" not in html and "Wacht1 Dagen" not in html
    column_url = reverse("admin:candidates_application_changelist") + \
        f"?procedure__id__exact={procedure.pk}&amp;stage__exact=screening"
    assert column_url in html
    # The column's link opens the admin's list of exactly those applications.
    listed = hr_client.get(column_url.replace("&amp;", "&")).context["cl"]
    assert listed.result_count == 7


def test_moving_the_checked_applications_goes_through_the_bulk_decision(hr_client, hr, procedure):
    applications = [ApplicationFactory(procedure=procedure) for _ in range(3)]
    page = hr_client.get(url(procedure))
    form_action = page.context["action_url"]
    chosen = [applications[0].pk, applications[2].pk]
    # The pipeline's form: the checked boxes and the chosen decision, to the list's action.
    confirm = hr_client.post(form_action, {"action": "mark_eligible", "index": "0", "select_across": "0",
                                           "_selected_action": chosen})
    assert confirm.status_code == 200
    assert "stage_action_confirmation" in [t.name.split("/")[-1].removesuffix(".html") for t in confirm.templates]
    assert confirm.context["count"] == 2
    assert Transition.objects.count() == 0  # nothing changes before HR confirms
    done = hr_client.post(form_action, {"action": "mark_eligible", "select_across": "0", "confirm": "yes",
                                        "_selected_action": chosen})
    assert done.status_code == 302
    stages = dict(Application.objects.values_list("pk", "stage"))
    assert stages == {applications[0].pk: S.ELIGIBLE, applications[1].pk: S.SCREENING,
                      applications[2].pk: S.ELIGIBLE}
    assert set(Transition.objects.values_list("application", "to_stage", "actor")) == {
        (applications[0].pk, S.ELIGIBLE, hr.pk), (applications[2].pk, S.ELIGIBLE, hr.pk)}


def test_the_pipeline_of_the_demo_procedure(client):
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    login_staff(client, hr_user(username="hr-demo-pijplijn"))
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    response = client.get(url(procedure))
    columns = {column.stage: column for column in response.context["pipeline"].columns}
    names = {stage: [a.candidate.full_name for a in column.waiting] for stage, column in columns.items()}
    assert names[S.SCREENING] == ["Lotte Verstraete"]
    assert names[S.INTAKE_INVITED] == ["Amira El Idrissi"]
    assert names[S.WAITLIST] == ["Pieter Declercq"]
    assert names[S.JURY_INVITED] == ["Nina Devos"]
    assert names[S.RESERVE] == ["Sara Vermeulen"]
    assert sorted(names[S.ELIGIBLE]) == ["Jonas Vandenberghe", "Marta Kowalska"]


def test_the_pipeline_costs_the_same_queries_for_10_and_1000_applications(hr_client, procedure, people):
    world = Many(procedure, people=people)
    world.add(10)
    hr_client.get(url(procedure))
    with CaptureQueriesContext(connection) as at_10:
        hr_client.get(url(procedure))
    world.add(990)
    with CaptureQueriesContext(connection) as at_1000:
        response = hr_client.get(url(procedure))
    assert len(at_1000) == len(at_10), (len(at_10), len(at_1000))
    columns = {column.stage: column for column in response.context["pipeline"].columns}
    assert columns[S.SCREENING].count == 200
    assert len(columns[S.SCREENING].waiting) == WAITING_SHOWN
