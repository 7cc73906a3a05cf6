"""The application page: candidate data, documents, timeline of transitions and mails, pools and bans,
the decisions as buttons, and the release of held mails."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.documents import add_or_replace_document
from candidates.models import Document, Transition
from candidates.stages import Stage
from candidates.transitions import change_stage
from candidates.uploads import CheckedUpload
from communications.models import Mail
from tests.auth import login_staff
from tests.backoffice.conftest import add_document, walk
from tests.factories import ApplicationFactory

S = Stage


def page_url(application):
    return reverse("admin:candidates_application_change", args=[application.pk])


def stage_url(application, action_key):
    return reverse("admin:candidates_application_stage", args=[application.pk, action_key])


@pytest.mark.django_db
def test_it_shows_candidate_data_documents_timeline_and_pools(hr_client, hr, named_application):
    app = named_application
    app.candidate.phone, app.candidate.city, app.candidate.postal_code = "056 11 22 33", "Kortrijk", "8500"
    app.candidate.save()
    app.accommodations = "Graag een rustige ruimte."
    app.save()
    document = add_document(app, name="Bachelor sociaal werk.pdf")
    walk(app, S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST, by=hr)

    html = hr_client.get(page_url(app)).content.decode()

    for text in ("Griet Vandenbussche", "griet@example.org", "056 11 22 33", "8500 Kortrijk",
                 "Graag een rustige ruimte.", "Bachelor sociaal werk.pdf",
                 reverse("admin:candidates_document_download", args=[document.pk]),
                 "screening diploma → toegelaten", "toegelaten → uitgenodigd voor kennismakingsinterview",
                 "Screening: toegelaten", "Uitnodiging kennismakingsinterview", "aan griet@example.org",
                 "in de wachtrij", "wachtlijst", "actief"):
        assert text in html, text
    # Cause before effect: each transition is followed by the mail it queued.
    assert html.index("screening diploma → toegelaten") < html.index("Mail: Screening: toegelaten") \
        < html.index("toegelaten → uitgenodigd") < html.index("Mail: Uitnodiging kennismakingsinterview")
    # The stage is shown, never editable: no input named stage anywhere on the page.
    assert 'name="stage"' not in html
    assert "wachtlijst" in html.split('id="current-stage"')[1][:40]


@pytest.mark.django_db
def test_the_timeline_shows_who_and_why(hr_client, hr, named_application):
    change_stage(named_application, to=S.NOT_ELIGIBLE, by=hr, reason="Geen diploma <b>bachelor</b>.")
    html = hr_client.get(page_url(named_application)).content.decode()
    row = html.split("screening diploma → niet toegelaten")[1].split("</tr>")[0]
    assert ">hr<" in row
    assert "Geen diploma &lt;b&gt;bachelor&lt;/b&gt;." in row  # what someone typed is escaped
    assert "concept, wacht op vrijgave" in html


@pytest.mark.django_db
def test_it_offers_only_the_decisions_the_stage_allows(hr_client, hr, named_application):
    html = hr_client.get(page_url(named_application)).content.decode()
    assert 'id="stage-action-mark_eligible"' in html
    assert 'id="stage-action-mark_not_eligible"' in html
    assert 'id="stage-action-withdraw"' in html
    assert 'id="stage-action-invite_to_intake"' not in html
    assert 'name="mark_eligible-expected_stage" value="screening"' in html

    change_stage(named_application, to=S.ELIGIBLE, by=hr)
    html = hr_client.get(page_url(named_application)).content.decode()
    assert 'id="stage-action-invite_to_intake"' in html
    assert 'id="stage-action-mark_eligible"' not in html


def page_queries(client, application):
    client.get(page_url(application))  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page_url(application))
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.django_db
def test_the_page_costs_the_same_queries_with_a_short_or_long_history(hr_client, hr, procedure):
    short = ApplicationFactory(procedure=procedure)
    few, _response = page_queries(hr_client, short)

    long = ApplicationFactory(procedure=procedure)
    add_document(long, name="a.pdf")
    add_document(long, name="cv.pdf", kind=Document.Kind.CV)
    # After applying the candidate replaced the diploma twice and added an equivalence certificate.
    for kind, name in ((Document.Kind.DIPLOMA, "b.pdf"), (Document.Kind.EQUIVALENCE, "attest.pdf"),
                       (Document.Kind.DIPLOMA, "c.pdf")):
        add_or_replace_document(long, kind=kind, upload=checked_pdf(name), by=long.candidate.user,
                                by_label="kandidaat")
    walk(long, S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST, S.JURY_INVITED, S.RESERVE, by=hr)
    for _ in range(27):
        ApplicationFactory(procedure=procedure)
    many, response = page_queries(hr_client, long)
    # Received, 5 transitions, 3 document changes, 4 mails (the jury invitation comes later).
    assert len(response.context["timeline"]) == 13
    assert [d.original_name for d in response.context["documents"]] == ["cv.pdf", "attest.pdf", "c.pdf"]
    assert [c.old_name for c in response.context["replaced_documents"]] == ["a.pdf", "b.pdf"]
    assert few == many, f"{few} queries for an empty history, {many} for a long one"
    print(f"application page: {few} queries (empty history), {many} (5 transitions, 4 mails, 3 documents, "
          "3 document changes)")


def checked_pdf(name):
    content = b"%PDF-1.4\n% " + name.encode() + b"\n"
    return CheckedUpload(file=SimpleUploadedFile(name, content), content_type="application/pdf", size=len(content),
                         original_name=name)


@pytest.mark.django_db
def test_a_button_changes_the_stage_through_the_transition_function(hr_client, hr, named_application):
    response = hr_client.post(stage_url(named_application, "mark_eligible"),
                              {"mark_eligible-expected_stage": S.SCREENING}, follow=True)
    named_application.refresh_from_db()
    assert named_application.stage == S.ELIGIBLE
    transition = Transition.objects.get(application=named_application)
    assert (transition.from_stage, transition.to_stage, transition.actor) == (S.SCREENING, S.ELIGIBLE, hr)
    mail = Mail.objects.for_object(named_application).get()
    assert (mail.event, mail.to, mail.state) == ("screening_eligible", "griet@example.org", Mail.State.QUEUED)
    assert "Griet Vandenbussche staat nu op ‘toegelaten’." in response.content.decode()


@pytest.mark.django_db
def test_a_decision_without_its_reason_is_shown_again_with_a_dutch_error(hr_client, named_application):
    response = hr_client.post(stage_url(named_application, "mark_not_eligible"),
                              {"mark_not_eligible-expected_stage": S.SCREENING, "mark_not_eligible-reason": "  "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een motivering in: die is verplicht voor ‘niet toegelaten’." in html
    # The form comes back with the stage the user saw, so confirming still guards against a race.
    assert 'name="mark_not_eligible-expected_stage" value="screening"' in html
    named_application.refresh_from_db()
    assert named_application.stage == S.SCREENING
    assert not Transition.objects.exists() and not Mail.objects.exists()


@pytest.mark.django_db
def test_a_decision_with_its_reason_is_recorded(hr_client, hr, named_application):
    hr_client.post(stage_url(named_application, "mark_not_eligible"),
                   {"mark_not_eligible-expected_stage": S.SCREENING,
                    "mark_not_eligible-reason": "Het diploma is geen bachelor."})
    transition = Transition.objects.get(application=named_application)
    assert (transition.to_stage, transition.reason, transition.actor) == (
        S.NOT_ELIGIBLE, "Het diploma is geen bachelor.", hr)
    mail = Mail.objects.for_object(named_application).get()
    assert mail.state == Mail.State.DRAFT and "Het diploma is geen bachelor." in mail.body_text


@pytest.mark.django_db
def test_a_refused_decision_changes_nothing_and_says_why(hr_client, hr, named_application):
    change_stage(named_application, to=S.WITHDRAWN, by=hr, reason="op vraag van de kandidaat")
    response = hr_client.post(stage_url(named_application, "invite_to_intake"),
                              {"invite_to_intake-expected_stage": S.WITHDRAWN}, follow=True)
    assert "Van ‘teruggetrokken’ naar ‘uitgenodigd voor kennismakingsinterview’ kan niet." in \
        response.content.decode()
    named_application.refresh_from_db()
    assert named_application.stage == S.WITHDRAWN
    assert Transition.objects.filter(application=named_application).count() == 1


@pytest.mark.django_db
def test_the_second_of_two_hr_users_is_told_someone_else_was_faster(client, hr, named_application):
    from tests.factories import hr_user

    other = hr_user(username="hr2")
    # Both opened the page while the application was in screening.
    login_staff(client, hr)
    first = client.post(stage_url(named_application, "mark_eligible"),
                        {"mark_eligible-expected_stage": S.SCREENING}, follow=True)
    login_staff(client, other)
    second = client.post(stage_url(named_application, "mark_not_eligible"),
                         {"mark_not_eligible-expected_stage": S.SCREENING,
                          "mark_not_eligible-reason": "Geen geldig diploma."}, follow=True)

    assert "staat nu op ‘toegelaten’" in first.content.decode()
    html = second.content.decode()
    assert "Iemand anders was sneller" in html and "staat intussen op ‘toegelaten’" in html
    named_application.refresh_from_db()
    assert named_application.stage == S.ELIGIBLE
    assert list(Transition.objects.values_list("to_stage", "actor__username")) == [(S.ELIGIBLE, "hr")]
    assert list(Mail.objects.values_list("event", flat=True)) == ["screening_eligible"]


@pytest.mark.django_db
def test_a_button_refuses_get_and_unknown_actions(hr_client, named_application):
    assert hr_client.get(stage_url(named_application, "mark_eligible")).status_code == 405
    assert hr_client.post(stage_url(named_application, "hire_at_once"), {}).status_code == 404
    named_application.refresh_from_db()
    assert named_application.stage == S.SCREENING


@pytest.mark.django_db
def test_a_button_without_the_seen_stage_changes_nothing(hr_client, named_application):
    response = hr_client.post(stage_url(named_application, "mark_eligible"), {})
    assert response.status_code == 200
    assert "De pagina was onvolledig." in response.content.decode()
    assert not Transition.objects.exists()


@pytest.mark.django_db
def test_hr_releases_the_held_mails_of_one_application(hr_client, hr, named_application,
                                                       django_capture_on_commit_callbacks):
    change_stage(named_application, to=S.NOT_ELIGIBLE, by=hr, reason="Geen bachelor.")
    other = ApplicationFactory()
    change_stage(other, to=S.NOT_ELIGIBLE, by=hr, reason="Geen bachelor.")
    page = hr_client.get(page_url(named_application)).content.decode()
    assert "1 mail wacht op vrijgave" in page

    with django_capture_on_commit_callbacks() as callbacks:
        response = hr_client.post(reverse("admin:candidates_application_release_mails",
                                          args=[named_application.pk]), follow=True)
    assert "1 mail vrijgegeven voor verzending." in response.content.decode()
    mail = Mail.objects.for_object(named_application).get()
    assert (mail.state, mail.released_by) == (Mail.State.QUEUED, hr)
    assert callbacks, "the release hands the mail to the worker after commit"
    assert Mail.objects.for_object(other).get().state == Mail.State.DRAFT  # only this application's mails

    again = hr_client.post(reverse("admin:candidates_application_release_mails", args=[named_application.pk]),
                           follow=True)
    assert "Er wachtte geen mail meer op vrijgave." in again.content.decode()
