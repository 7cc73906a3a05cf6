"""Virus scanning with clamd's INSTREAM protocol, against a fake clamd on loopback."""

import pytest

from candidates.models import Application, Document
from candidates.uploads import CLAMD_CHUNK
from tests.portal.conftest import form_data
from tests.portal.fake_clamd import FakeClamd, unused_address
from tests.portal.files import EICAR, PDF, pdf, upload
from tests.portal.test_apply_view import apply_url, errors_of
from tests.portal.test_uploads import stored_files

pytestmark = pytest.mark.django_db


def test_a_clean_file_is_scanned_then_accepted(client_a, procedure, settings):
    big_pdf = PDF + b"0" * (3 * CLAMD_CHUNK + 17)  # several INSTREAM chunks
    with FakeClamd() as clamd:
        settings.CLAMD_ADDRESS = clamd.address
        response = client_a.post(apply_url(procedure), {**form_data(procedure),
                                                        "diploma_file": upload("diploma.pdf", big_pdf)})
    assert response.status_code == 302
    assert clamd.commands == [b"zINSTREAM\0"] and clamd.streams == [big_pdf]
    assert Document.objects.get().file.read() == big_pdf


def test_an_infected_file_is_refused(client_a, procedure, settings, private_storage):
    with FakeClamd() as clamd:
        settings.CLAMD_ADDRESS = clamd.address
        response = client_a.post(apply_url(procedure), {**form_data(procedure),
                                                        "diploma_file": upload("diploma.pdf", PDF + EICAR)})
    assert response.status_code == 200
    assert "werd een virus of schadelijke inhoud gevonden" in errors_of(response)
    assert len(clamd.streams) == 1
    assert not Application.objects.exists() and stored_files(private_storage) == []


def test_an_unreachable_scanner_means_refused(client_a, procedure, settings, private_storage):
    settings.CLAMD_ADDRESS = unused_address()
    response = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    assert response.status_code == 200
    assert "konden ‘diploma.pdf’ nu niet op virussen controleren" in errors_of(response)
    assert not Application.objects.exists() and stored_files(private_storage) == []


def test_a_scanner_that_hangs_up_without_a_verdict_means_refused(client_a, procedure, settings):
    with FakeClamd(mode="silent") as clamd:
        settings.CLAMD_ADDRESS = clamd.address
        response = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    assert "niet op virussen controleren" in errors_of(response)
    assert len(clamd.streams) == 1 and not Application.objects.exists()


def test_a_misconfigured_address_means_refused_not_a_500(client_a, procedure, settings):
    settings.CLAMD_ADDRESS = "clamd-without-port"
    response = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    assert response.status_code == 200 and "niet op virussen controleren" in errors_of(response)


def test_the_wrong_type_is_refused_before_the_scanner_is_asked(client_a, procedure, settings):
    with FakeClamd() as clamd:
        settings.CLAMD_ADDRESS = clamd.address
        client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": upload("x.pdf", b"MZ" + EICAR)})
    assert clamd.streams == []
