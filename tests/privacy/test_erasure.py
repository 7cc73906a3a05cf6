"""Erasure on request: the candidate asks in the portal, HR confirms in the back office, the data goes."""

import pytest
from django.urls import reverse

from candidates.erasure import confirm_erasure, request_erasure
from candidates.models import Application, Ban, BanKey, Candidate, ErasureRequest
from candidates.stages import Stage
from candidates.transitions import candidate_actor_label, change_stage
from communications.models import Mail
from communications.outbox import queue_mail
from kortrijk_ats.privacy import ERASED_ACTOR_LABEL, ERASED_TEXT
from tests.auth import login_staff
from tests.factories import ApplicationFactory, UserFactory, hr_user
from tests.privacy.conftest import SECRET_MOTIVATION, build_person, storage_files

pytestmark = pytest.mark.django_db


def confirm_url(erasure):
    return reverse("admin:candidates_erasurerequest_confirm", args=[erasure.pk])


def test_hr_sees_what_will_happen_then_confirms_and_the_data_goes(hr_client, private_storage,
                                                                   django_capture_on_commit_callbacks):
    person = build_person()  # failed intake: a ban in force
    open_application = ApplicationFactory(candidate=person.candidate, motivation=SECRET_MOTIVATION)
    address = person.candidate.email
    draft = queue_mail("screening_not_eligible", to=address, related=open_application,
                       context={"candidate_name": person.candidate.full_name, "procedure_title": "x", "reason": "y"})
    erasure, _ = request_erasure(person.candidate)
    hr_mail = Mail.objects.get(event="erasure_requested")
    assert person.candidate.last_name in hr_mail.body_text
    assert f"/admin/candidates/erasurerequest/{erasure.pk}/change/" in hr_mail.body_text

    page = hr_client.get(confirm_url(erasure)).content.decode()
    assert "wordt 1 lopende kandidatuur ingetrokken" in page
    assert "worden 2 kandidaturen geanonimiseerd" in page
    assert "worden 2 documenten verwijderd" in page
    assert "alleen de sleutelcodes (van de e-mailadressen en van naam met geboortedatum) en de data" in page

    with django_capture_on_commit_callbacks(execute=True):  # files are deleted after commit
        response = hr_client.post(confirm_url(erasure))
    assert response.status_code == 302
    erasure.refresh_from_db()
    assert erasure.handled_at and erasure.handled_by.username == "hr"
    # Open application withdrawn, every application anonymised, the person erased, files gone.
    assert Application.objects.get(pk=open_application.pk).stage == Stage.WITHDRAWN
    assert not Application.objects.filter(candidate=person.candidate, anonymised_at__isnull=True).exists()
    assert not Application.objects.filter(motivation=SECRET_MOTIVATION).exists()
    assert Candidate.objects.get(pk=person.candidate.pk).email == ""
    assert storage_files(private_storage) == []
    # Mails: unsent ones cancelled and blanked; the HR notification no longer names the person.
    draft.refresh_from_db()
    assert (draft.state, draft.to, draft.body_text) == (Mail.State.CANCELLED, "", "")
    hr_mail.refresh_from_db()
    assert person.candidate.last_name not in hr_mail.body_text + hr_mail.subject
    assert not Mail.objects.filter(state__in=[Mail.State.QUEUED, Mail.State.DRAFT],
                                   event__in=["withdrawn", "application_received"]).exclude(to="").exists()
    # Kept by law: the ban's keyed hashes and dates, not tied to the person any more; never a plain value.
    ban = Ban.objects.get()
    assert (ban.candidate, ban.application) == (None, None)
    keys = list(ban.keys.all())
    assert {key.kind for key in keys} == set(BanKey.Kind.values)
    assert all(len(key.digest) == 64 and person.candidate.last_name.lower() not in key.digest for key in keys)
    # The one mail that goes: the confirmation, with the ban's end date and without the name.
    done = Mail.objects.get(event="erasure_done")
    assert (done.to, done.state) == (address, Mail.State.QUEUED)
    assert ban.ends_on.strftime("%d/%m/%Y") in done.body_text
    assert person.candidate.last_name not in done.body_text


def test_a_second_confirmation_changes_nothing(hr_client):
    person = build_person()
    erasure, _ = request_erasure(person.candidate)
    hr_client.post(confirm_url(erasure))
    mails = Mail.objects.count()
    response = hr_client.post(confirm_url(erasure), follow=True)
    assert "al behandeld" in response.content.decode()
    assert Mail.objects.count() == mails
    assert Mail.objects.filter(event="erasure_done").count() == 1


def test_only_hr_may_confirm(client):
    person = build_person()
    erasure, _ = request_erasure(person.candidate)
    login_staff(client, UserFactory(is_staff=True))
    response = client.post(confirm_url(erasure))
    # The back office is HR's: anyone else is sent to its log-in, and nothing is done.
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next={confirm_url(erasure)}"
    assert response.content == b""
    assert not Mail.objects.filter(event="erasure_done").exists()
    assert ErasureRequest.objects.get(pk=erasure.pk).handled_at is None
    assert Candidate.objects.get(pk=person.candidate.pk).erased_at is None


def test_the_list_and_the_request_page_answer_after_erasure(hr_client):
    person = build_person(failed_at="jury")
    erasure, _ = request_erasure(person.candidate)
    hr_client.post(confirm_url(erasure))
    listing = hr_client.get(reverse("admin:candidates_erasurerequest_changelist"))
    assert listing.status_code == 200 and "gewiste kandidaat" in listing.content.decode()
    assert hr_client.get(reverse("admin:candidates_erasurerequest_change", args=[erasure.pk])).status_code == 200
    application = Application.objects.get(pk=person.application.pk)
    page = hr_client.get(reverse("admin:candidates_application_change", args=[application.pk])).content.decode()
    assert "gewiste kandidaat" in page and person.candidate.last_name not in page
    assert ERASED_TEXT not in person.candidate.last_name


def test_the_candidates_own_steps_leave_the_audit_trail_without_their_name_and_hrs_steps_keep_theirs():
    person = build_person()
    hr = hr_user(username="hr-trail")
    withdrawn = ApplicationFactory(candidate=person.candidate)
    change_stage(withdrawn, to=Stage.WITHDRAWN, by=person.user, by_label=candidate_actor_label(withdrawn))
    assert withdrawn.transitions.get().actor_label.startswith(person.candidate.full_name)

    erasure, _ = request_erasure(person.candidate)
    confirm_erasure(erasure, by=hr)
    assert list(withdrawn.transitions.values_list("actor", "actor_label")) == [(None, ERASED_ACTOR_LABEL)]
    hr_steps = Application.objects.get(pk=person.application.pk).transitions.exclude(actor=None)
    assert hr_steps.exists() and ERASED_ACTOR_LABEL not in hr_steps.values_list("actor_label", flat=True)
