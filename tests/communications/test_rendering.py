"""Mail templates: {{ placeholders }} only, values escaped in HTML and never parsed again."""

import pytest
from django.core.exceptions import ValidationError

from communications.models import MailTemplate
from communications.rendering import render_html, render_subject, render_text, template_errors

ALLOWED = {"candidate_name": "naam", "reason": "motivering"}


def test_it_fills_placeholders_with_or_without_spaces():
    assert render_text("Dag {{candidate_name}}, {{ reason }}.", {"candidate_name": "An", "reason": "te laat"}) == (
        "Dag An, te laat.")


def test_it_reports_an_unknown_placeholder_in_dutch():
    errors = template_errors("Dag {{ candidate_name }}, je IBAN is {{ iban }}", ALLOWED)
    assert errors == ["Onbekende plaatshouder(s): {{ iban }}. Gebruik alleen de plaatshouders uit de lijst."]


@pytest.mark.parametrize("text", ["{% load static %}", "{{ reason|safe }}", "{# comment #}", "{{ candidate_name"])
def test_it_refuses_template_tags_filters_and_stray_braces(text):
    errors = template_errors(text, ALLOWED)
    assert any("Alleen plaatshouders van de vorm {{ naam }}" in e for e in errors)


def test_it_accepts_a_clean_template():
    assert template_errors("Dag {{ candidate_name }}.\n\nReden: {{ reason }}", ALLOWED) == []


def test_candidate_text_is_escaped_in_html_and_never_expanded():
    typed = "<script>alert(1)</script> {{ reason }} {% now 'Y' %}"
    context = {"candidate_name": typed, "reason": "GEHEIM"}
    html = render_html("Dag {{ candidate_name }}", context)
    text = render_text("Dag {{ candidate_name }}", context)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "GEHEIM" not in html and "GEHEIM" not in text
    assert "{{ reason }}" in text and "{% now &#x27;Y&#x27; %}" in html


def test_hr_markup_in_the_template_is_escaped_too():
    html = render_html("<b>Dag</b> {{ candidate_name }}", {"candidate_name": "An"})
    assert html == "<p>&lt;b&gt;Dag&lt;/b&gt; <bdi>An</bdi></p>"


def test_a_name_is_isolated_in_html_and_other_values_are_not():
    context = {"candidate_name": "\u202eAn <b>", "juror_name": "أحمد", "procedure_title": "Werker", "reason": "x"}
    template = "Dag {{ candidate_name }}, jurylid {{ juror_name }}: {{ procedure_title }} {{ reason }}"
    html = render_html(template, context)
    assert html == "<p>Dag <bdi>\u202eAn &lt;b&gt;</bdi>, jurylid <bdi>أحمد</bdi>: Werker x</p>"
    assert render_text("Dag {{ candidate_name }}", context) == "Dag \u202eAn <b>"  # plain text cannot isolate


def test_html_keeps_paragraphs_and_line_breaks():
    assert render_html("Dag\n\nTot\nziens", {}) == "<p>Dag</p>\n\n<p>Tot<br>ziens</p>"


def test_subject_loses_cr_lf_from_values():
    subject = render_subject("Uitslag {{ candidate_name }}", {"candidate_name": "An\r\nBcc: x@example.org"})
    assert subject == "Uitslag An Bcc: x@example.org"
    assert "\r" not in subject and "\n" not in subject


def test_mail_template_clean_names_the_field_with_the_unknown_placeholder():
    template = MailTemplate(event="test_outcome", subject_nl="Uitslag {{ naam }}", body_nl="Reden: {{ reason }}",
                            subject_en="Result", body_en="{% if x %}")
    with pytest.raises(ValidationError) as caught:
        template.clean()
    errors = caught.value.message_dict
    assert set(errors) == {"subject_nl", "body_en"}
    assert "Onbekende plaatshouder(s): {{ naam }}" in errors["subject_nl"][0]


def test_mail_template_clean_refuses_an_unregistered_event():
    with pytest.raises(ValidationError) as caught:
        MailTemplate(event="nope", subject_nl="a", body_nl="b", subject_en="c", body_en="d").clean()
    assert caught.value.message_dict == {"event": ["Onbekende gebeurtenis."]}
