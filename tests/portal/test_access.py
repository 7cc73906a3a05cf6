"""Only the owner sees a candidate page: another person gets a 404, an anonymous visitor is sent to log in."""

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from candidates.models import Application
from tests.portal.conftest import form_data
from tests.portal.files import PNG, pdf, upload
from tests.portal.test_apply_view import apply_url

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def bert(django_user_model):
    return django_user_model.objects.create_user("bert", "bert@example.org", "correct-horse-battery")


@pytest.fixture
def bert_application(bert, procedure):
    client = logged_in(bert)
    client.post(apply_url(procedure), {**form_data(procedure, first_name="Bert", last_name="Geheim",
                                                   motivation="Bert zijn motivatie"),
                                       "diploma_file": upload("bert-diploma.png", PNG, "image/png")})
    return Application.objects.get(candidate__user=bert)


def application_urls(application):
    public_id = application.public_id
    document = application.documents.get()
    return [
        reverse("candidates:detail", kwargs={"public_id": public_id}),
        reverse("candidates:submitted", kwargs={"public_id": public_id}),
        reverse("candidates:withdraw", kwargs={"public_id": public_id}),
        reverse("candidates:document", kwargs={"public_id": public_id, "pk": document.pk}),
    ]


def test_candidate_a_gets_404_on_every_url_of_candidate_b(client_a, procedure, bert_application):
    client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    own = Application.objects.get(candidate__user__username="ann")
    for url in application_urls(bert_application):
        assert client_a.get(url).status_code == 404, url
    assert client_a.post(reverse("candidates:withdraw", kwargs={"public_id": bert_application.public_id}),
                         {"stage_token": "x"}).status_code == 404
    # Ann's own document under Bert's application id, and Bert's document under Ann's id: both 404.
    bert_document = bert_application.documents.get()
    assert client_a.get(reverse("candidates:document", kwargs={"public_id": own.public_id,
                                                               "pk": bert_document.pk})).status_code == 404
    assert client_a.get(reverse("candidates:document", kwargs={"public_id": bert_application.public_id,
                                                               "pk": own.documents.get().pk})).status_code == 404
    bert_application.refresh_from_db()
    assert bert_application.stage == "screening" and not bert_application.transitions.exists()
    assert "Geheim" not in client_a.get(reverse("candidates:list")).content.decode()


def test_hr_does_not_see_candidate_pages_either(hr, bert_application):
    for url in application_urls(bert_application):
        assert logged_in(hr).get(url).status_code == 404, url


def test_the_export_holds_only_my_own_data(client_a, procedure, bert_application):
    client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    response = client_a.get(reverse("candidates:own_data_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Bert" not in everything and b"Geheim" not in everything and PNG not in everything
    assert b"bert-diploma" not in everything and str(bert_application.public_id).encode() not in everything
    data = json.loads(archive.read("mijn-gegevens.json"))
    assert data["kandidaat"]["voornaam"] == "Ann" and len(data["kandidaturen"]) == 1


@pytest.mark.parametrize("name", ["candidates:list", "candidates:own_data", "candidates:own_data_download",
                                  "candidates:erasure"])
def test_anonymous_is_sent_to_log_in(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_anonymous_is_sent_to_log_in_for_application_urls(client, bert_application):
    for url in application_urls(bert_application):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
    client.post(reverse("candidates:erasure"))
    assert not bert_application.candidate.erasure_requests.exists()


def test_the_owner_downloads_a_document_as_an_attachment(bert, bert_application):
    document = bert_application.documents.get()
    response = logged_in(bert).get(reverse("candidates:document", kwargs={
        "public_id": bert_application.public_id, "pk": document.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"  # what was sniffed, not what a browser claimed
    assert response["Content-Disposition"] == 'attachment; filename="bert-diploma.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PNG


def test_a_missing_file_is_a_404_not_a_500(bert, bert_application):
    document = bert_application.documents.get()
    document.file.storage.delete(document.file.name)
    assert logged_in(bert).get(reverse("candidates:document", kwargs={
        "public_id": bert_application.public_id, "pk": document.pk})).status_code == 404


def test_every_candidate_page_says_no_store(bert, bert_application, procedure):
    client = logged_in(bert)
    urls = [*application_urls(bert_application)[:3], reverse("candidates:list"), reverse("candidates:own_data"),
            reverse("candidates:own_data_download"), reverse("candidates:erasure"), apply_url(procedure)]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert "no-store" in response["Cache-Control"], url

