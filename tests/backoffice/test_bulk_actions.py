"""Bulk decisions on the applications list: confirmation with the count (and the reason), then a report of
what changed and what was refused and why. Each change goes through the transition function."""

import pytest
from django.urls import reverse

from candidates.models import Transition
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from tests.factories import ApplicationFactory, CandidateFactory

LIST_URL = reverse("admin:candidates_application_changelist")
S = Stage


@pytest.fixture
def selection(hr, procedure):
    """Three applications in screening and one the candidate already withdrew."""
    names = [("Jan", "Peeters"), ("Lies", "Maes"), ("Tom", "Claes"), ("Sara", "Willems")]
    applications = [
        ApplicationFactory(procedure=procedure, candidate=CandidateFactory(
            first_name=first, last_name=last, email=f"{first.lower()}.{last.lower()}@example.org"))
        for first, last in names
    ]
    change_stage(applications[3], to=S.WITHDRAWN, by=hr, reason="op vraag van de kandidaat")
    return applications


def action_post(action, applications, **extra):
    return {"action": action, "_selected_action": [a.pk for a in applications], **extra}


@pytest.mark.django_db
def test_the_confirmation_page_shows_the_count_and_the_current_stages(hr_client, selection):
    response = hr_client.post(LIST_URL, action_post("mark_not_eligible", selection, index="0"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Je past ‘Screening: niet toegelaten’ toe op <strong>4</strong> kandidaturen." in html
    assert "3 × screening diploma" in html and "1 × teruggetrokken" in html
    assert 'name="reason"' in html
    assert html.count('name="_selected_action"') == 4
    assert not Transition.objects.exclude(to_stage=S.WITHDRAWN).exists()


@pytest.mark.django_db
def test_a_missing_reason_shows_the_form_again_and_keeps_the_selection(hr_client, selection):
    response = hr_client.post(LIST_URL, action_post("mark_not_eligible", selection, confirm="yes", reason=" "))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een motivering in: die is verplicht voor ‘niet toegelaten’." in html
    for application in selection:
        assert f'name="_selected_action" value="{application.pk}"' in html
    assert "toe op <strong>4</strong> kandidaturen" in html
    assert [a.stage for a in type(selection[0]).objects.order_by("pk")] == [S.SCREENING] * 3 + [S.WITHDRAWN]


@pytest.mark.django_db
def test_a_confirmed_bulk_screening_changes_each_and_reports_the_refused(hr_client, hr, selection):
    reason = "Je diploma staat niet in de lijst van toegelaten diploma's."
    response = hr_client.post(LIST_URL, action_post("mark_not_eligible", selection, confirm="yes", reason=reason),
                              follow=True)

    changed, withdrawn = selection[:3], selection[3]
    for application in changed:
        application.refresh_from_db()
        assert application.stage == S.NOT_ELIGIBLE
        transition = application.transitions.get(to_stage=S.NOT_ELIGIBLE)
        assert (transition.from_stage, transition.actor, transition.reason) == (S.SCREENING, hr, reason)
        mail = Mail.objects.for_object(application).get()
        assert mail.event == "screening_not_eligible"
        assert mail.to == application.candidate.email
        assert mail.state == Mail.State.DRAFT  # an outcome mail waits for HR's release
        assert reason.replace("'", "&#x27;") in mail.body_html or reason in mail.body_text
    withdrawn.refresh_from_db()
    assert withdrawn.stage == S.WITHDRAWN
    assert withdrawn.transitions.count() == 1
    assert Mail.objects.for_object(withdrawn).filter(event="screening_not_eligible").count() == 0

    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(LIST_URL)
    assert "3 kandidaturen staan nu op ‘niet toegelaten’." in html
    assert "1 kandidatuur geweigerd:" in html
    assert "Sara Willems: Van ‘teruggetrokken’ naar ‘niet toegelaten’ kan niet. Er is niets gewijzigd." in html


@pytest.mark.django_db
def test_a_bulk_eligible_queues_the_routine_mail_for_each_candidate(hr_client, hr, selection,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = hr_client.post(LIST_URL, action_post("mark_eligible", selection[:3], index="0"))
        assert "toe op <strong>3</strong> kandidaturen" in response.content.decode()
        assert 'name="reason"' not in response.content.decode()  # no reason asked for this decision
        hr_client.post(LIST_URL, action_post("mark_eligible", selection[:3], confirm="yes"))

    mails = Mail.objects.filter(event="screening_eligible").order_by("to")
    assert sorted(m.to for m in mails) == sorted(a.candidate.email for a in selection[:3])
    assert {m.state for m in mails} == {Mail.State.QUEUED}
    assert callbacks, "queued mails are handed to the worker after commit"
    assert set(Transition.objects.filter(to_stage=S.ELIGIBLE).values_list("actor", flat=True)) == {hr.pk}


@pytest.mark.django_db
def test_a_bulk_action_on_all_filtered_rows_keeps_the_filter(hr_client, hr, selection):
    other = ApplicationFactory()  # another procedure: outside the filter, so untouched
    url = f"{LIST_URL}?procedure__id__exact={selection[0].procedure_id}&stage__exact={S.SCREENING}"
    confirm = hr_client.post(url, {"action": "withdraw", "_selected_action": [selection[0].pk], "select_across": "1",
                                   "index": "0"})
    assert "toe op <strong>3</strong> kandidaturen" in confirm.content.decode()
    hr_client.post(url, {"action": "withdraw", "_selected_action": [selection[0].pk], "select_across": "1",
                         "confirm": "yes", "reason": "Procedure stopgezet."})
    assert Transition.objects.filter(to_stage=S.WITHDRAWN, reason="Procedure stopgezet.").count() == 3
    other.refresh_from_db()
    assert other.stage == S.SCREENING


@pytest.mark.django_db
def test_a_long_list_of_refusals_is_cut_short(hr_client, hr, procedure):
    applications = [ApplicationFactory(procedure=procedure) for _ in range(23)]
    response = hr_client.post(LIST_URL, action_post("invite_to_intake", applications, confirm="yes"), follow=True)
    html = response.content.decode()
    assert "0 kandidaturen staan nu op ‘uitgenodigd voor kennismakingsinterview’." in html
    assert "23 kandidaturen geweigerd:" in html
    assert html.count("Van ‘screening diploma’ naar ‘uitgenodigd voor kennismakingsinterview’ kan niet.") == 20
    assert "… en nog 3 andere." in html
    assert not Transition.objects.exists()
