"""The back office is for the HR selection team only: other staff (interviewers, jurors), candidates and
anonymous visitors are sent to the admin log-in and see nothing of it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from candidates.models import Transition
from candidates.stages import Stage
from communications.models import Mail
from kortrijk_ats import roles
from tests.auth import login_staff
from tests.backoffice.conftest import add_document
from tests.factories import FunctionFactory, TeamFactory, UserFactory, staff_user

SECRET_TEXT = "Vandenbussche"  # the candidate's name: on every page about the application


@pytest.fixture
def pages(named_application):
    """Every back-office page, with the text only someone let in would see."""
    app = named_application
    document = add_document(app)
    procedure = app.procedure
    team = TeamFactory(name="Wijkteam Overleie")
    function = procedure.function
    competency = function.competencies.create(name="Empathie", definition="Zich inleven.")
    return {
        reverse("admin:index"): "Kandidaturen",
        reverse("admin:app_list", args=["candidates"]): "Kandidaturen",
        reverse("admin:candidates_application_changelist"): SECRET_TEXT,
        reverse("admin:candidates_application_change", args=[app.pk]): SECRET_TEXT,
        reverse("admin:candidates_candidate_changelist"): SECRET_TEXT,
        reverse("admin:candidates_candidate_change", args=[app.candidate.pk]): SECRET_TEXT,
        reverse("admin:candidates_ban_changelist"): "uitsluiting",
        reverse("admin:candidates_poolentry_changelist"): "wachtlijst",
        reverse("admin:procedures_procedure_changelist"): procedure.title,
        reverse("admin:procedures_procedure_change", args=[procedure.pk]): procedure.title,
        reverse("admin:procedures_procedure_add"): "procedure",
        reverse("admin:procedures_procedure_new_round", args=[procedure.pk]): "Nieuwe ronde van",
        reverse("admin:procedures_function_changelist"): function.name,
        reverse("admin:procedures_function_change", args=[function.pk]): "Empathie",
        reverse("admin:procedures_team_changelist"): team.name,
        reverse("admin:procedures_competency_change", args=[competency.pk]): "Zich inleven.",
        reverse("admin:candidates_document_download", args=[document.pk]): "fictitious diploma",
    }


def user_for(role, named_application):
    if role == "anonymous":
        return None
    if role == "candidate":
        return named_application.candidate.user
    if role == "staff_without_role":
        return UserFactory(is_staff=True)
    if role == "hr_without_staff":
        user = UserFactory()
        user.groups.add(Group.objects.get_or_create(name=roles.HR)[0])
        return user
    return staff_user(role, username=f"user-{role}")


OUTSIDERS = ["anonymous", roles.INTERVIEWER, roles.JUROR, "candidate", "staff_without_role", "hr_without_staff"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_are_sent_to_log_in_and_see_nothing(client, pages, named_application, role):
    user = user_for(role, named_application)
    if user is not None:
        login_staff(client, user)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login") + "?next="), url
        login_page = client.get(response["Location"]).content.decode()
        assert SECRET_TEXT not in login_page and SECRET_TEXT not in response.content.decode(), url


@pytest.mark.django_db
@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_cannot_decide_or_release(client, hr, named_application, role):
    from candidates.transitions import change_stage

    change_stage(named_application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen bachelor.")
    user = user_for(role, named_application)
    if user is not None:
        login_staff(client, user)
    posts = [
        (reverse("admin:candidates_application_stage", args=[named_application.pk, "withdraw"]),
         {"withdraw-expected_stage": Stage.NOT_ELIGIBLE, "withdraw-reason": "x"}),
        (reverse("admin:candidates_application_release_mails", args=[named_application.pk]), {}),
        (reverse("admin:candidates_application_changelist"),
         {"action": "withdraw", "_selected_action": [named_application.pk], "confirm": "yes", "reason": "x"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    named_application.refresh_from_db()
    assert named_application.stage == Stage.NOT_ELIGIBLE
    assert Transition.objects.count() == 1
    assert Mail.objects.get().state == Mail.State.DRAFT


@pytest.mark.django_db
def test_the_hr_team_reaches_every_page_with_only_its_group(hr_client, hr, pages):
    assert not hr.is_superuser and not hr.user_permissions.exists()
    for url, text in pages.items():
        response = hr_client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert text in body.decode(), url


@pytest.mark.django_db
def test_hr_may_look_at_but_not_edit_or_delete_an_application(hr_client, named_application):
    change_url = reverse("admin:candidates_application_change", args=[named_application.pk])
    html = hr_client.get(change_url).content.decode()
    assert 'name="_save"' not in html
    response = hr_client.post(change_url, {"stage": Stage.HIRED})
    assert response.status_code == 403
    assert hr_client.get(reverse("admin:candidates_application_delete", args=[named_application.pk])
                         ).status_code == 403
    assert hr_client.get(reverse("admin:candidates_application_add")).status_code == 403
    named_application.refresh_from_db()
    assert named_application.stage == Stage.SCREENING


@pytest.mark.django_db
def test_the_index_shows_hr_the_back_office_models(hr_client):
    FunctionFactory()
    html = hr_client.get(reverse("admin:index")).content.decode()
    for label in ("Kandidaturen", "Kandidaten", "Procedures", "Functies", "Teams", "Competenties"):
        assert label in html, label
