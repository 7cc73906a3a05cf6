"""HR downloads an application's documents from private storage: as an attachment, never sniffed, HR only."""

import pytest
from django.urls import reverse

from tests.auth import login_staff
from tests.backoffice.conftest import add_document
from tests.factories import CandidateFactory, UserFactory


def download_url(document):
    return reverse("admin:candidates_document_download", args=[document.pk])


@pytest.mark.django_db
def test_hr_downloads_a_document_as_an_attachment(hr_client, named_application):
    document = add_document(named_application, name="Diploma Griet Vandenbussche.pdf")
    response = hr_client.get(download_url(document))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Diploma Griet Vandenbussche.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n% fictitious diploma\n"


@pytest.mark.django_db
def test_a_document_of_an_unexpected_type_is_served_as_opaque_bytes(hr_client, named_application):
    document = add_document(named_application, name="cv.html")
    document.content_type = "text/html"
    document.save()
    response = hr_client.get(download_url(document))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
def test_a_name_with_odd_characters_stays_a_plain_attachment_name(hr_client, named_application):
    document = add_document(named_application, name='diplôme "final"\r\n.pdf')
    disposition = hr_client.get(download_url(document))["Content-Disposition"]
    assert disposition.startswith("attachment; filename")
    assert "\r" not in disposition and "\n" not in disposition


@pytest.mark.django_db
def test_a_missing_file_or_document_is_a_404_not_a_500(hr_client, named_application):
    document = add_document(named_application)
    document.file.storage.delete(document.file.name)
    assert hr_client.get(download_url(document)).status_code == 404
    assert hr_client.get(reverse("admin:candidates_document_download", args=[999999])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "interviewer", "candidate", "staff_without_role"])
def test_only_hr_downloads(client, named_application, interviewer, who):
    document = add_document(named_application)
    users = {
        "interviewer": interviewer,
        "candidate": named_application.candidate.user,
        "staff_without_role": UserFactory(is_staff=True),
    }
    if who in users:
        login_staff(client, users[who])
    response = client.get(download_url(document))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert b"PDF" not in response.content
    assert "Content-Disposition" not in response


@pytest.mark.django_db
def test_another_candidate_cannot_download_either(client, named_application):
    document = add_document(named_application)
    login_staff(client, CandidateFactory().user)
    response = client.get(download_url(document))
    assert response.status_code == 302 and "Content-Disposition" not in response
