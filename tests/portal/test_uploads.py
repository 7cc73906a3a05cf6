"""The hostile upload set: refused in Dutch, never a 500, nothing stored; and what is accepted is stored safely."""

import os
import re

import pytest
from django.urls import reverse

from bench.multipart import multipart
from candidates.models import Application, Document
from candidates.uploads import MAX_UPLOAD_BYTES, sanitise_filename, sniff_content_type
from tests.portal.conftest import form_data
from tests.portal.files import EXE, HTML, JPEG, PDF, PNG, SVG, pdf, upload
from tests.portal.test_apply_view import apply_url, errors_of

pytestmark = pytest.mark.django_db


def stored_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


HOSTILE = {
    "renamed executable": (upload("diploma.pdf", EXE, "application/pdf"), "is geen PDF, JPEG of PNG"),
    "HTML as PDF": (upload("diploma.pdf", HTML, "application/pdf"), "is geen PDF, JPEG of PNG"),
    "SVG": (upload("diploma.svg", SVG, "image/svg+xml"), "is geen PDF, JPEG of PNG"),
    "SVG named png": (upload("diploma.png", SVG, "image/png"), "is geen PDF, JPEG of PNG"),
    "empty file": (upload("diploma.pdf", b"", "application/pdf"), "is leeg"),
    "over 10 MB": (upload("diploma.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, "application/pdf"), "is te groot"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_diploma_file_is_refused_and_nothing_is_stored(client_a, procedure, private_storage, case):
    bad_file, message = HOSTILE[case]
    response = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": bad_file})
    assert response.status_code == 200
    errors = errors_of(response)
    assert "Kopie van je diploma" in errors and message in errors
    assert not Application.objects.exists() and not Document.objects.exists()
    assert stored_files(private_storage) == []
    # What was typed is kept; the file is asked again.
    assert 'value="Ann"' in response.content.decode()


def test_a_cv_must_be_a_pdf(client_a, procedure, private_storage):
    response = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf(),
                                                    "cv_file": upload("cv.pdf", PNG, "application/pdf")})
    assert "Voor je cv aanvaarden we alleen PDF" in errors_of(response)
    assert not Application.objects.exists()


def test_exactly_10_mb_is_still_accepted(client_a, procedure):
    content = b"%PDF-" + b"0" * (MAX_UPLOAD_BYTES - 5)
    response = client_a.post(apply_url(procedure), {**form_data(procedure),
                                                    "diploma_file": upload("groot.pdf", content)})
    assert response.status_code == 302
    assert Document.objects.get().size == MAX_UPLOAD_BYTES


def test_the_size_guard_stops_reading_before_the_file_is_whole(rf):
    from candidates.uploads import SizeLimitUploadHandler

    request = rf.post("/")
    handler = SizeLimitUploadHandler(request)
    handler.new_file("diploma_file", "../groot.pdf", "application/pdf", None)
    chunk = b"0" * (1024 * 1024)
    for offset in range(10):
        assert handler.receive_data_chunk(chunk, offset * len(chunk)) == chunk
    from django.core.files.uploadhandler import SkipFile

    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"0", MAX_UPLOAD_BYTES)
    assert request.oversized_uploads == {"diploma_file": "groot.pdf"}


def post_raw(client, procedure, filename, content):
    fields = {**form_data(procedure), "csrfmiddlewaretoken": "x"}
    body, content_type = multipart(fields, [("diploma_file", filename, content, "application/pdf")])
    return client.generic("POST", apply_url(procedure), body, content_type=content_type)


@pytest.mark.parametrize("filename", [b"../../../../etc/cron.d/evil.pdf", b"..\\..\\windows\\evil.pdf",
                                      b"evil\x00.pdf", b"\x1bevil\x07.pdf"])
def test_a_path_or_control_characters_in_the_name_never_reach_the_disk(client_a, procedure, private_storage,
                                                                          tmp_path, filename):
    response = post_raw(client_a, procedure, filename, PDF)
    assert response.status_code == 302
    document = Document.objects.get()
    # Only a cleaned display name is kept; the file itself has a name we generated, inside the private root.
    assert document.original_name == "evil.pdf"
    assert re.fullmatch(r"documents/[0-9a-f]{32}", document.file.name)
    assert stored_files(private_storage) == [document.file.name]
    assert not (tmp_path / "etc").exists() and not (private_storage.parent / "windows").exists()


@pytest.mark.parametrize("filename", [b"../../../../etc/passwd.pdf", b"diploma\x00.pdf"])
def test_a_hostile_name_on_hostile_content_is_refused(client_a, procedure, private_storage, filename):
    response = post_raw(client_a, procedure, filename, EXE)
    assert response.status_code == 200
    assert "is geen PDF, JPEG of PNG" in errors_of(response)
    assert stored_files(private_storage) == [] and not Document.objects.exists()


@pytest.mark.parametrize("filename", [b"..", b"../", b"\x00"])
def test_a_name_that_is_only_a_path_asks_for_the_file_again(client_a, procedure, private_storage, filename):
    response = post_raw(client_a, procedure, filename, PDF)
    assert response.status_code == 200
    assert "Voeg een kopie van je diploma toe" in errors_of(response)
    assert stored_files(private_storage) == [] and not Application.objects.exists()


@pytest.mark.parametrize(("raw", "clean"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\ann\\diploma.pdf", "diploma.pdf"),
    ("dip\x00loma.pdf", "diploma.pdf"),
    ("rapport\u202efdp.exe", "rapportfdp.exe"),  # a right-to-left override cannot disguise the extension
    ("...", "document"),
    ("", "document"),
    ("   .hidden.pdf", "hidden.pdf"),
    ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
])
def test_sanitise_filename(raw, clean):
    assert sanitise_filename(raw) == clean


@pytest.mark.parametrize(("content", "expected"), [
    (PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg"),
    (EXE, None), (HTML, None), (SVG, None), (b"", None), (b" %PDF-1.4", None),
])
def test_the_type_comes_from_the_first_bytes(content, expected):
    from io import BytesIO

    assert sniff_content_type(BytesIO(content)) == expected


def test_an_accepted_file_is_kept_when_the_form_has_errors(client_a, user, procedure, private_storage):
    first = client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""),
                                                 "diploma_file": upload("mijn diploma.png", PNG, "image/png")})
    html = first.content.decode()
    assert "Vul je voornaam in." in errors_of(first)
    assert "Je bestand ‘mijn diploma.png’ is bewaard." in html
    assert [name.split("/")[0] for name in stored_files(private_storage)] == ["stash"]
    assert not Document.objects.exists()

    # Second try: the name is filled in, no file chosen again; the kept one is used.
    second = client_a.post(apply_url(procedure), form_data(procedure))
    assert second.status_code == 302
    document = Document.objects.get()
    assert (document.original_name, document.content_type) == ("mijn diploma.png", "image/png")
    assert document.file.read() == PNG
    assert stored_files(private_storage) == [document.file.name]  # the stash is emptied


def test_a_new_file_replaces_the_kept_one(client_a, procedure, private_storage):
    client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""), "diploma_file": pdf("oud.pdf")})
    client_a.post(apply_url(procedure), {**form_data(procedure, last_name=""),
                                         "diploma_file": upload("nieuw.jpg", JPEG, "image/jpeg")})
    assert len(stored_files(private_storage)) == 1
    client_a.post(apply_url(procedure), form_data(procedure))
    assert Document.objects.get().original_name == "nieuw.jpg"


def test_a_kept_file_belongs_to_its_session_only(client_a, procedure, client, private_storage, django_user_model):
    client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""), "diploma_file": pdf()})
    from django.test import Client

    other = Client()
    other.force_login(django_user_model.objects.create_user("bert", "bert@example.org", "x" * 16),
                      backend="django.contrib.auth.backends.ModelBackend")
    response = other.post(apply_url(procedure), form_data(procedure))
    assert "Voeg een kopie van je diploma toe" in errors_of(response)
    assert not Application.objects.exists()


def test_a_kept_file_expires(client_a, procedure, private_storage, time_machine):
    time_machine.move_to("2026-03-02 10:00 +01:00")
    client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""), "diploma_file": pdf()})
    time_machine.move_to("2026-03-02 12:30 +01:00")
    response = client_a.post(apply_url(procedure), form_data(procedure))
    assert "Voeg een kopie van je diploma toe" in errors_of(response)
    assert stored_files(private_storage) == []


def test_no_upload_is_ever_a_500(client_a, procedure):
    for bad in ([EXE], "not a file", ""):
        response = client_a.post(reverse("candidates:apply", kwargs={"slug": procedure.slug}),
                                 {**form_data(procedure), "diploma_file": bad})
        assert response.status_code == 200
        assert "Kopie van je diploma" in errors_of(response)


def test_abandoned_stash_files_are_pruned(client_a, procedure, private_storage, time_machine):
    from candidates.portal.stash import prune_abandoned_stash

    time_machine.move_to("2026-03-02 10:00 +01:00")
    client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""), "diploma_file": pdf()})
    (stashed,) = stored_files(private_storage)
    os.utime(private_storage / stashed, (1772442000, 1772442000))  # the file's time: 2026-03-02 10:00 +01:00
    time_machine.move_to("2026-03-02 11:59 +01:00")
    prune_abandoned_stash()
    assert stored_files(private_storage) == [stashed]
    time_machine.move_to("2026-03-02 12:01 +01:00")
    prune_abandoned_stash()
    assert stored_files(private_storage) == []
