"""Script tags typed into every text field are stored as typed and shown escaped: portal pages and the mail."""

import pytest
from django.urls import reverse

from candidates.models import Application, Candidate
from communications.models import Mail
from tests.portal.conftest import foreign_diploma, form_data
from tests.portal.files import EXE, pdf, upload
from tests.portal.test_apply_view import apply_url, errors_of

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
TEXT_FIELDS = ["first_name", "last_name", "street", "city", "diploma_detail", "motivation", "accommodations"]


@pytest.fixture
def hostile_application(client_a, procedure):
    values = {field: f"{field} {SCRIPT}" for field in TEXT_FIELDS}
    response = client_a.post(apply_url(procedure), {
        **form_data(procedure, diploma=str(foreign_diploma(procedure).pk), **values),
        "diploma_file": pdf(), "equivalence_file": pdf("naric.pdf")})
    assert response.status_code == 302
    return Application.objects.get()


def test_it_is_stored_as_typed(hostile_application):
    candidate = Candidate.objects.get()
    assert candidate.first_name == f"first_name {SCRIPT}" and candidate.city == f"city {SCRIPT}"
    assert hostile_application.motivation == f"motivation {SCRIPT}"


@pytest.mark.parametrize("page", ["candidates:detail", "candidates:submitted"])
def test_it_is_escaped_on_the_timeline_pages(client_a, hostile_application, page):
    html = client_a.get(reverse(page, kwargs={"public_id": hostile_application.public_id})).content.decode()
    for field in ["diploma_detail", "motivation", "accommodations"]:
        assert f"{field} {ESCAPED}" in html
    assert SCRIPT not in html


def test_it_is_escaped_on_the_own_data_page_and_in_the_list(client_a, hostile_application):
    html = client_a.get(reverse("candidates:own_data")).content.decode()
    assert f"first_name {ESCAPED}" in html and f"street {ESCAPED}" in html
    assert SCRIPT not in html
    assert SCRIPT not in client_a.get(reverse("candidates:list")).content.decode()


def test_it_is_escaped_in_the_receipt_mail(hostile_application):
    mail = Mail.objects.get(event="application_received")
    assert f"first_name {ESCAPED}" in mail.body_html and SCRIPT not in mail.body_html
    assert f"first_name {SCRIPT}" in mail.body_text  # plain text stays plain


def test_it_is_escaped_when_the_form_comes_back_with_errors(client_a, procedure):
    values = {field: f"{field} {SCRIPT}" for field in TEXT_FIELDS}
    response = client_a.post(apply_url(procedure), {**form_data(procedure, birth_date="", **values),
                                                    "diploma_file": pdf()})
    html = response.content.decode()
    assert f"motivation {ESCAPED}" in html and SCRIPT not in html


def test_a_hostile_file_name_is_escaped_in_messages_and_the_kept_file_note(client_a, procedure):
    name = '<img src=x onerror="alert(1)">.pdf'
    refused = client_a.post(apply_url(procedure), {**form_data(procedure), "diploma_file": upload(name, EXE)})
    assert "&lt;img src=x onerror=" in errors_of(refused) and "<img src=x" not in refused.content.decode()
    kept = client_a.post(apply_url(procedure), {**form_data(procedure, first_name=""), "diploma_file": pdf(name)})
    html = kept.content.decode()
    assert "Je bestand ‘&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.pdf’ is bewaard." in html
    assert "<img src=x" not in html


@pytest.mark.parametrize("field", ["phone", "postal_code"])
def test_fields_with_a_format_refuse_markup(client_a, procedure, field):
    response = client_a.post(apply_url(procedure), {**form_data(procedure, **{field: SCRIPT}),
                                                    "diploma_file": pdf()})
    assert "Vul een" in errors_of(response) and SCRIPT not in response.content.decode()
    assert not Application.objects.exists()
