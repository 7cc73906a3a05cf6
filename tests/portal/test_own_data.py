"""“Mijn gegevens”: the ZIP with JSON and files, and the erasure request that tells HR."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Application, ErasureRequest
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from tests.factories import DiplomaFactory
from tests.portal.conftest import form_data
from tests.portal.files import PDF, PNG, pdf, upload
from tests.portal.test_apply_view import apply_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client_a, procedure):
    client_a.post(apply_url(procedure), {**form_data(procedure, accommodations="Een rustige ruimte"),
                                         "diploma_file": upload("diploma.png", PNG, "image/png"),
                                         "cv_file": pdf("cv.pdf")})
    return Application.objects.get()


def download(client):
    response = client.get(reverse("candidates:own_data_download"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-stad-kortrijk-')
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_my_data_and_my_files(client_a, applied, hr):
    from candidates.accommodations import record_arrangements

    change_stage(applied, to=Stage.ELIGIBLE, by=hr)
    record_arrangements(applied, intake="Een lokaal zonder achtergrondlawaai", jury="")
    Mail.objects.filter(event="screening_eligible").update(state=Mail.State.SENT, sent_at=timezone.now())
    archive = download(client_a)
    data = json.loads(archive.read("mijn-gegevens.json"))
    assert data["account"]["e-mailadres"] == "ann@example.org"
    assert data["kandidaat"]["voornaam"] == "Ann" and data["kandidaat"]["geboortedatum"] == "1995-05-17"
    (application,) = data["kandidaturen"]
    assert application["redelijke_aanpassingen"] == "Een rustige ruimte"
    assert application["afgesproken_aanpassing_kennismakingsinterview"] == "Een lokaal zonder achtergrondlawaai"
    assert application["afgesproken_aanpassing_jobinterview"] == ""
    assert application["jaren_privesector"] == "3.5"
    assert [t["naar"] for t in application["faseovergangen"]] == ["toegelaten"]
    assert [m["onderwerp"] for m in application["verzonden_mails"]] == [
        "Je bent toegelaten tot de selectie voor Maatschappelijk werker (B1-B3)"]  # the queued receipt is not sent yet
    documents = {d["bestandsnaam"]: d for d in application["documenten"]}
    assert set(documents) == {"diploma.png", "cv.pdf"}
    assert archive.read(documents["diploma.png"]["in_zip"]) == PNG
    assert archive.read(documents["cv.pdf"]["in_zip"]) == PDF


def test_a_person_without_applications_gets_their_account_only(client_a):
    data = json.loads(download(client_a).read("mijn-gegevens.json"))
    assert data["account"]["e-mailadres"] == "ann@example.org" and "kandidaat" not in data


def test_the_erasure_request_tells_hr_once(client_a, applied, procedure, other_procedure):
    DiplomaFactory(procedure=other_procedure, name="Diploma secundair onderwijs")
    other_procedure.contact_email = "personeel@example.org"
    other_procedure.save()
    client_a.post(apply_url(other_procedure), {**form_data(other_procedure,
                                                           diploma=str(other_procedure.diplomas.get().pk)),
                                               "diploma_file": pdf()})
    page = client_a.get(reverse("candidates:erasure")).content.decode()
    assert "Wat de stad moet bewaren" in page and "einddatum" in page and "proces-verbaal" in page

    response = client_a.post(reverse("candidates:erasure"))
    assert response["Location"] == reverse("candidates:own_data")
    request = ErasureRequest.objects.get()
    assert request.candidate.user.username == "ann" and request.handled_at is None
    mails = Mail.objects.filter(event="erasure_requested").order_by("to")
    assert [m.to for m in mails] == ["personeel@example.org", "selectie@example.org"]
    assert all("Ann Peeters" in m.subject and m.related == request for m in mails)
    assert "/admin/" in mails[0].body_text

    client_a.post(reverse("candidates:erasure"))
    assert ErasureRequest.objects.count() == 1 and mails.count() == 2
    own = client_a.get(reverse("candidates:own_data")).content.decode()
    assert "behandelt je vraag binnen een maand" in own


def test_a_handled_request_allows_a_new_one(client_a, applied, hr):
    client_a.post(reverse("candidates:erasure"))
    ErasureRequest.objects.update(handled_at=timezone.now(), handled_by=hr)
    client_a.post(reverse("candidates:erasure"))
    assert ErasureRequest.objects.count() == 2


def test_without_applications_there_is_nothing_to_request(client_a):
    page = client_a.get(reverse("candidates:erasure")).content.decode()
    assert "Je hebt nog niet gesolliciteerd" in page
    client_a.post(reverse("candidates:erasure"))
    assert not ErasureRequest.objects.exists() and not Mail.objects.exists()
