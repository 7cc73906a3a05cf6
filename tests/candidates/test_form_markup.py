"""The candidate forms' markup (crispy-forms' Bootstrap 5 pack with templates/bootstrap5/): what a screen reader
relies on."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms
from django.urls import reverse

from procedures.models import Diploma
from tests.factories import DiplomaFactory, ProcedureFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(db):
    procedure = ProcedureFactory(title="Maatschappelijk werker (B1-B3)", slug="maatschappelijk-werker")
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    return procedure


@pytest.fixture
def client_a(client):
    client.force_login(UserFactory(email="ann@example.org"), backend="django.contrib.auth.backends.ModelBackend")
    return client


def apply_page(client, procedure, data=None):
    url = reverse("candidates:apply", kwargs={"slug": procedure.slug})
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def tag(html, element_id):
    """The opening tag of the element with this id."""
    found = re.search(rf'<[a-z]+\b[^>]*\sid="{element_id}"[^>]*>', html)
    assert found, element_id
    return found.group(0)


def test_the_form_keeps_its_sections_and_hides_the_asterisk_from_screen_readers(client_a, procedure):
    html = apply_page(client_a, procedure)
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    assert legends == ["Over jou", "Je diploma", "Je cv en je motivatie", "Je ervaring", "Redelijke aanpassingen",
                       "Privacy"]
    assert "We gebruiken dit later om je loon te berekenen." in html
    assert 'href="/privacy/" target="_blank" rel="noopener"' in html
    assert re.search(r'<label for="id_first_name" class="form-label requiredField">Voornaam'
                     r'<span class="asteriskField" aria-hidden="true">\*</span></label>', html)
    assert not re.search(r'<span class="asteriskField">', html)  # every asterisk is aria-hidden
    assert 'class="form-control"' in tag(html, "id_first_name")
    assert 'class="form-select"' in tag(html, "id_diploma")
    assert 'type="file"' in tag(html, "id_diploma_file") and "form-control" in tag(html, "id_diploma_file")
    assert 'class="form-check-input"' in tag(html, "id_privacy_acknowledged")
    assert 'aria-describedby="id_phone_helptext"' in tag(html, "id_phone")
    assert tag(html, "id_phone_helptext").startswith('<div id="id_phone_helptext" class="form-text"')
    assert "aria-invalid" not in html and "is-invalid" not in html


def test_an_error_is_marked_on_its_field_and_named_by_aria_describedby(client_a, procedure):
    html = apply_page(client_a, procedure, {"first_name": "Ann", "phone": "x"})
    phone = tag(html, "id_phone")
    assert 'aria-invalid="true"' in phone and "form-control is-invalid" in phone
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in phone
    error = re.search(r'<div id="id_phone_error" class="invalid-feedback d-block">(.*?)</div>', html, re.S)
    assert error and "Vul een telefoonnummer in met alleen cijfers" in error.group(1)
    assert "is-invalid" not in tag(html, "id_first_name")
    assert "form-check-input is-invalid" in tag(html, "id_privacy_acknowledged")
    # The summary on top links to the field.
    assert '<a href="#id_phone">Telefoonnummer: Vul een telefoonnummer in' in html


class ChoiceForm(forms.Form):
    answer = forms.ChoiceField(label="Je keuze", choices=[("a", "Ja"), ("b", "Nee")], widget=forms.RadioSelect,
                               help_text="Kies er één.")


def test_a_radio_group_is_a_fieldset_with_a_legend_that_its_notes_describe():
    form = ChoiceForm(data={})
    html = as_crispy_field(form["answer"])
    fieldset = re.search(r"<fieldset[^>]*>", html).group(0)
    assert 'aria-describedby="id_answer_helptext id_answer_error"' in fieldset
    assert re.search(r'<legend class="form-label fs-6 requiredField">Je keuze'
                     r'<span class="asteriskField" aria-hidden="true">\*</span></legend>', html)
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) == 2
    assert all('class="form-check-input is-invalid"' in radio for radio in radios)
    assert '<label for="id_answer_0" class="form-check-label">Ja</label>' in html
    assert 'id="id_answer_error"' in html and 'id="id_answer_helptext"' in html


def test_a_whole_form_renders_as_bootstrap_groups():
    html = as_crispy_form(ChoiceForm())
    assert html.count("<fieldset") == 1 and 'id="div_id_answer"' in html
