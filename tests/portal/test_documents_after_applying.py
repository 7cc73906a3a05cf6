"""After applying, while HR screens the diploma: the candidate adds or replaces a proof from the portal.

Through the portal's upload checks; HR sees it in the application's timeline; a replaced file is kept (and HR can
download it) until retention deletes it with the application; after screening nothing is stored any more.
"""

from functools import partial

import pytest
from django.test import Client
from django.urls import reverse

from candidates.documents import add_or_replace_document
from candidates.erasure import erasure_preview
from candidates.models import Application, Document, DocumentChange, ErasureRequest
from candidates.retention import run_retention
from candidates.stages import Stage
from candidates.transitions import change_stage
from candidates.uploads import MAX_UPLOAD_BYTES
from communications.models import Mail
from communications.outbox import release_mails
from procedures.models import Diploma
from tests.auth import login_staff
from tests.factories import UserFactory, hr_user
from tests.portal.conftest import form_data
from tests.portal.files import EXE, JPEG, PDF, PNG, pdf, upload
from tests.portal.test_apply_view import apply_url, errors_of
from tests.portal.test_uploads import stored_files
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db

ATTEST = PDF.replace(b"Catalog", b"Attest")


@pytest.fixture
def application(client_a, procedure):
    """Ann applied under the old "maatschappelijk assistent" entry (where a foreign diploma declared equivalent
    comes), with a photo of her diploma and without the equivalence certificate, which is optional there."""
    old_entry = procedure.diplomas.get(kind=Diploma.Kind.OLD)
    response = client_a.post(apply_url(procedure), {
        **form_data(procedure, diploma=str(old_entry.pk), diploma_detail="Licence en travail social"),
        "diploma_file": upload("diploma-foto.png", PNG, "image/png")})
    assert response.status_code == 302
    return Application.objects.get()


def add_url(application):
    return reverse("candidates:add_document", args=[application.public_id])


def detail(client, application):
    return client.get(reverse("candidates:detail", args=[application.public_id])).content.decode()


def send(client, application, kind, file):
    return client.post(add_url(application), {"kind": kind, "file": file})


def files_in(root):
    return [name for name in stored_files(root) if not name.startswith("stash/")]


def test_the_application_page_offers_it_during_screening(client_a, application):
    assert add_url(application) in detail(client_a, application)
    page = client_a.get(add_url(application)).content.decode()
    assert "Document toevoegen of vervangen" in page and "diploma-foto.png" in page


def test_the_candidate_adds_the_equivalence_certificate(client_a, user, application):
    response = send(client_a, application, "equivalence", upload("attest.pdf", ATTEST))
    assert response.status_code == 302 and response["Location"] == reverse("candidates:detail",
                                                                            args=[application.public_id])
    attest = application.documents.get(kind=Document.Kind.EQUIVALENCE)
    assert (attest.original_name, attest.content_type, attest.file.read()) == ("attest.pdf", "application/pdf", ATTEST)
    change = DocumentChange.objects.get()
    assert (change.action, change.kind, change.new_name, change.actor, change.old_file.name) == (
        "added", "equivalence", "attest.pdf", user, "")
    page = detail(client_a, application)
    assert "Je gelijkwaardigheidsattest ‘attest.pdf’ is toegevoegd." in page
    assert "Je voegde een document toe: gelijkwaardigheidsattest ‘attest.pdf’." in page


def test_a_replaced_diploma_is_kept_for_hr_and_shown_in_the_timeline(client_a, application, private_storage):
    old = application.documents.get(kind=Document.Kind.DIPLOMA)
    response = send(client_a, application, "diploma", upload("diploma-scan.jpg", JPEG, "image/jpeg"))
    assert response.status_code == 302

    current = application.documents.get(kind=Document.Kind.DIPLOMA)
    assert (current.original_name, current.content_type) == ("diploma-scan.jpg", "image/jpeg")
    assert application.documents.count() == 1
    change = DocumentChange.objects.get()
    assert (change.action, change.old_name, change.old_file.name, change.old_size) == (
        "replaced", "diploma-foto.png", old.file.name, len(PNG))
    assert change.old_file.read() == PNG  # the file itself is kept, not only its name
    assert sorted(files_in(private_storage)) == sorted([old.file.name, current.file.name])
    assert "Je verving je diploma door ‘diploma-scan.jpg’ (het vorige bestand was ‘diploma-foto.png’)." in \
        detail(client_a, application)

    hr = Client()
    login_staff(hr, hr_user(username="hr"))
    page = hr.get(reverse("admin:candidates_application_change", args=[application.pk])).content.decode()
    row = page.split('class="timeline-document"')[1].split("</tr>")[0]
    assert "Document vervangen: diploma" in row and "Ann Peeters (kandidaat, via het portaal)" in row
    assert "‘diploma-scan.jpg’ vervangt ‘diploma-foto.png’" in row
    kept = reverse("admin:candidates_replaced_document_download", args=[change.pk])
    assert kept in page.split('id="replaced-documents-title"')[1]
    download = hr.get(kept)
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PNG


def test_the_same_file_twice_changes_nothing_the_second_time(client_a, application):
    send(client_a, application, "equivalence", upload("attest.pdf", ATTEST))
    again = send(client_a, application, "equivalence", upload("attest (1).pdf", ATTEST))
    assert again.status_code == 302
    assert "Dit bestand hadden we al" in detail(client_a, application)
    assert DocumentChange.objects.count() == 1
    assert application.documents.get(kind=Document.Kind.EQUIVALENCE).original_name == "attest.pdf"
    # Negative control: another file of that kind does replace it.
    send(client_a, application, "equivalence", upload("attest-nieuw.pdf", ATTEST + b"%nieuw\n"))
    assert list(DocumentChange.objects.values_list("action", flat=True)) == ["added", "replaced"]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_stores_the_file_once(procedure, private_storage):
    user = UserFactory(username="dubbel", email="dubbel@example.org")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    application = Application.objects.get()
    clicks = []
    for _ in range(3):
        mine = Client()
        mine.cookies = client.cookies
        clicks.append(partial(send, mine, application, "equivalence", upload("attest.pdf", ATTEST)))
    handles = run_together(*clicks)
    assert_no_error(handles)
    assert [h.result.status_code for h in handles] == [302, 302, 302]
    assert application.documents.filter(kind=Document.Kind.EQUIVALENCE).count() == 1
    assert DocumentChange.objects.count() == 1
    assert len(files_in(private_storage)) == 2  # the diploma and one attest


# Refusals.

def test_after_screening_nothing_is_stored_and_the_rule_is_named(client_a, application, hr, private_storage):
    change_stage(application, to=Stage.ELIGIBLE, by=hr)
    before = files_in(private_storage)
    assert add_url(application) not in detail(client_a, application)

    response = send(client_a, application, "equivalence", upload("attest.pdf", ATTEST))
    assert response.status_code == 302
    page = detail(client_a, application)
    assert "Een document toevoegen of vervangen kan alleen zolang we je diploma nakijken (de screening)." in page
    assert "er is niets opgeslagen" in page and "selectie@example.org" in page
    assert files_in(private_storage) == before
    assert not DocumentChange.objects.exists() and application.documents.count() == 1
    # The page itself sends the candidate back with the same rule.
    assert client_a.get(add_url(application))["Location"] == reverse("candidates:detail",
                                                                     args=[application.public_id])


def test_a_decision_that_waits_for_release_is_not_given_away(client_a, application, hr):
    change_stage(application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen gelijkwaardigheidsattest.")
    assert add_url(application) in detail(client_a, application)  # as in screening, where the candidate knows it
    send(client_a, application, "equivalence", upload("attest.pdf", ATTEST))
    page = detail(client_a, application)
    assert "Je kan nu geen document toevoegen; er is niets opgeslagen." in page
    assert "screening" not in page.split("Je kan nu geen document toevoegen")[1][:200]
    assert not DocumentChange.objects.exists()

    release_mails(Mail.objects.filter(event="screening_not_eligible"), by=hr)
    assert add_url(application) not in detail(client_a, application)


def test_the_domain_checks_the_stage_under_the_lock(application, hr, user):
    from candidates.documents import DocumentRefused
    from candidates.uploads import CheckedUpload

    change_stage(application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma.")
    stale = Application.objects.get(pk=application.pk)
    stale.stage = Stage.SCREENING  # what a page loaded before the decision believed
    with pytest.raises(DocumentRefused):
        add_or_replace_document(stale, kind=Document.Kind.EQUIVALENCE, by=user, by_label="Ann",
                                upload=CheckedUpload(file=pdf(), content_type="application/pdf", size=len(PDF),
                                                     original_name="attest.pdf"))


HOSTILE = [
    (upload("attest.pdf", EXE), "is geen PDF, JPEG of PNG"),
    (upload("attest.pdf", b""), "is leeg"),
    (upload("attest.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES), "is te groot"),
]


@pytest.mark.parametrize(("bad_file", "message"), HOSTILE)
def test_the_portals_upload_checks_apply(client_a, application, private_storage, bad_file, message):
    before = files_in(private_storage)
    response = send(client_a, application, "equivalence", bad_file)
    assert response.status_code == 200 and message in errors_of(response)
    assert files_in(private_storage) == before and not DocumentChange.objects.exists()


@pytest.mark.parametrize(("kind", "with_file", "message"), [
    ("cv", True, "Soort document: "),
    ("diploma", False, "Kies het bestand dat je wil toevoegen"),
    (None, True, "Kies welk document je toevoegt."),
])
def test_a_missing_or_wrong_choice_is_explained_never_a_500(client_a, application, kind, with_file, message):
    data = {"kind": kind} if kind else {}
    if with_file:
        data["file"] = upload("attest.pdf", ATTEST)
    response = client_a.post(add_url(application), data)
    assert response.status_code == 200 and message in errors_of(response)
    assert not DocumentChange.objects.exists()


def test_another_person_gets_a_404_and_stores_nothing(application, procedure, private_storage):
    before = files_in(private_storage)
    other = Client()
    other.force_login(UserFactory(username="bert", email="bert@example.org"),
                      backend="django.contrib.auth.backends.ModelBackend")
    assert other.get(add_url(application)).status_code == 404
    assert send(other, application, "diploma", upload("vals.pdf", PDF)).status_code == 404
    assert files_in(private_storage) == before and not DocumentChange.objects.exists()
    anonymous = Client().post(add_url(application), {"kind": "diploma", "file": upload("vals.pdf", PDF)})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/account/login/")


def test_the_form_refuses_a_post_without_csrf_token(application, user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert send(client, application, "equivalence", upload("attest.pdf", ATTEST)).status_code == 403
    assert not DocumentChange.objects.exists()


# Retention: the kept file goes with the application, like every other document.

def test_retention_deletes_the_replaced_files_with_the_application(client_a, application, hr, private_storage,
                                                                   django_capture_on_commit_callbacks):
    send(client_a, application, "diploma", upload("diploma-scan.jpg", JPEG, "image/jpeg"))
    assert len(files_in(private_storage)) == 2
    request = ErasureRequest.objects.create(candidate=application.candidate)
    assert erasure_preview(request)["documents"] == 2  # HR's confirmation page counts the kept file too
    request.delete()
    change_stage(application, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen gelijkwaardigheidsattest.")
    with django_capture_on_commit_callbacks(execute=True):
        report = run_retention(now=application.stage_changed_at.replace(year=application.stage_changed_at.year + 2))
    assert report.applications_anonymised == 1
    assert not DocumentChange.objects.exists() and not Document.objects.exists()
    assert files_in(private_storage) == []


def test_the_own_data_export_holds_the_replaced_file(client_a, application):
    import io
    import json
    import zipfile

    send(client_a, application, "diploma", upload("diploma-scan.jpg", JPEG, "image/jpeg"))
    response = client_a.get(reverse("candidates:own_data_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("mijn-gegevens.json"))
    replaced = data["kandidaturen"][0]["vervangen_documenten"]
    assert [r["bestandsnaam"] for r in replaced] == ["diploma-foto.png"]
    assert archive.read(replaced[0]["in_zip"]) == PNG
