"""Hostile text in mails: the HTML part escaped, the text part literal (never expanded), the subject one line, no
header injection in the serialized message; HR's template preview and the outbox page escape it too."""

import email
import re
from email import policy

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from communications.mail_templates import example_context, sync_mail_templates
from communications.models import Mail, MailTemplate
from communications.outbox import queue_mail
from communications.rendering import render_html, render_subject, render_text
from communications.sending import build_message
from tests.hostile.hostile import HOSTILE_SETTINGS, SCRIPT, assert_escaped_in_html, assert_no_live_markup, hostile_text

pytestmark = pytest.mark.django_db

HEADERS = {"Subject", "From", "To", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"}
# A candidate's name as the form can store it: first and last name of at most 100 characters each.
NAMES = st.tuples(hostile_text(max_size=100), hostile_text(max_size=100)).map(lambda t: f"{t[0]} {t[1]}")


def lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def serialized(mail):
    raw = build_message(mail).message().as_bytes()
    return raw, email.message_from_bytes(raw, policy=policy.default)


def assert_headers_safe(raw, parsed, *, subject):
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    names = [line.split(b":", 1)[0].decode() for line in re.split(rb"\r?\n", head) if line and line[:1] not in b" \t"]
    assert set(names) <= HEADERS, names
    assert len(names) == len(set(names)), names
    assert "Bcc" not in parsed and "Cc" not in parsed
    assert parsed["Subject"].strip() == subject and "\n" not in subject and "\r" not in subject
    assert parsed["To"] == "ann@example.org"


@HOSTILE_SETTINGS
@given(name=NAMES, reason=hostile_text())
def test_a_stage_mail_escapes_html_keeps_text_literal_and_injects_no_header(name, reason):
    mail = queue_mail("screening_not_eligible", to="ann@example.org", context={
        "candidate_name": name, "procedure_title": "Maatschappelijk werker", "reason": reason})
    mail.refresh_from_db()
    # Text: values literal, a template-syntax value not expanded (single-pass substitution).
    assert name in mail.body_text and reason in mail.body_text
    assert_escaped_in_html(mail.body_html, reason)
    assert_escaped_in_html(mail.body_html, name)
    raw, parsed = serialized(mail)
    assert_headers_safe(raw, parsed, subject=mail.subject)
    text_part = parsed.get_body(("plain",)).get_content()
    html_part = parsed.get_body(("html",)).get_content()
    assert lines(reason) in lines(text_part)
    assert_no_live_markup(html_part)


@HOSTILE_SETTINGS
@given(name=NAMES)
def test_a_name_in_the_subject_stays_one_line_and_fits_the_outbox(name):
    # The erasure request names the candidate in the subject; HR may write the name twice in any template.
    sync_mail_templates()
    MailTemplate.objects.filter(event="erasure_requested").update(
        subject_nl="{{ candidate_name }} / {{ candidate_name }}: verzoek tot wissen ({{ procedure_title }})")
    mail = queue_mail("erasure_requested", to="ann@example.org", context={
        "candidate_name": name, "procedure_title": "Maatschappelijk werker (B1-B3)", "requested_on": "1/2/2026"})
    mail.refresh_from_db()
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert len(mail.subject) <= Mail._meta.get_field("subject").max_length
    assert mail.subject.startswith(" ".join(name.split())[:100])
    raw, parsed = serialized(mail)
    assert_headers_safe(raw, parsed, subject=mail.subject)


@HOSTILE_SETTINGS
@given(body=hostile_text(), subject=hostile_text(max_size=200), value=hostile_text())
def test_hr_template_text_is_escaped_as_well_as_the_values(body, subject, value):
    # HR's own wording is escaped in the HTML part too; template syntax in it is not run (only {{ name }} fills).
    template = f"{body}\n{{{{ reason }}}}\n{body}"
    html = render_html(template, {"reason": value})
    filled_body = render_text(body, {})  # a placeholder HR wrote is filled (here: empty), nothing else runs
    assert_escaped_in_html(html, filled_body)
    assert_escaped_in_html(html, value)
    assert render_text(template, {"reason": value}) == f"{filled_body}\n{value}\n{filled_body}"
    one_line = render_subject(subject, {})
    assert "\n" not in one_line and "\r" not in one_line


def test_a_name_that_looks_like_a_placeholder_is_delivered_literally():
    mail = queue_mail("application_received", to="ann@example.org", context={
        "candidate_name": "{{ portal_url }} {% debug %}", "procedure_title": "{{ candidate_name }}"})
    assert "Beste {{ portal_url }} {% debug %}," in mail.body_text
    assert "Beste <bdi>{{ portal_url }} {% debug %}</bdi>," in mail.body_html  # a name, isolated
    assert "{{ candidate_name }}" in mail.body_text  # the title, not the name again


@pytest.mark.parametrize("name", ["=?utf-8?q?Directie?=", "Ann =?utf-8?b?U3RhZA==?= Peeters", "Ann =?x"])
def test_a_name_that_looks_like_an_encoded_word_reaches_the_subject_literally(name):
    mail = queue_mail("erasure_requested", to="ann@example.org", context={
        "candidate_name": name, "procedure_title": "Maatschappelijk werker", "requested_on": "1/2/2026"})
    raw, parsed = serialized(mail)
    assert name in parsed["Subject"]
    assert_headers_safe(raw, parsed, subject=mail.subject)


@pytest.fixture
def preview_template(db):
    sync_mail_templates()
    return MailTemplate.objects.get(event="screening_not_eligible")


@HOSTILE_SETTINGS
@given(body=hostile_text(long=False), subject=hostile_text(long=False, max_size=200))
def test_the_template_preview_in_the_back_office_escapes_hr_text(hr_client, preview_template, body, subject):
    # Stored directly: the preview (mark_safe in communications/admin.py) must be safe even for unchecked text.
    MailTemplate.objects.filter(pk=preview_template.pk).update(body_nl=body, subject_nl=subject)
    html = hr_client.get(reverse("admin:communications_mailtemplate_change", args=[preview_template.pk])
                         ).content.decode()
    preview = html.split('class="mail-preview"', 1)[1].split("</div>", 1)[0]
    example = example_context(preview_template.event)
    shown = preview.replace("<bdi>", "").replace("</bdi>", "")  # the HTML part isolates names; typed tags are escaped
    assert_escaped_in_html(shown, render_text(body, example))
    assert SCRIPT not in html and "<img src=x" not in html
    assert_escaped_in_html(html, render_subject(subject, example))


def test_the_template_form_refuses_template_syntax_with_a_message(hr_client, preview_template):
    url = reverse("admin:communications_mailtemplate_change", args=[preview_template.pk])
    response = hr_client.post(url, {"held_for_release": "on", "subject_nl": "Onderwerp", "subject_en": "Subject",
                                    "body_nl": "{% debug %} <script>x</script>", "body_en": "ok"})
    assert response.status_code == 200
    assert "Alleen plaatshouders van de vorm" in response.content.decode()
    assert "{% debug %}" not in MailTemplate.objects.get(pk=preview_template.pk).body_nl


@HOSTILE_SETTINGS
@given(name=NAMES, reason=hostile_text(long=False))
def test_the_outbox_page_shows_the_mail_escaped(hr_client, name, reason):
    mail = queue_mail("screening_not_eligible", to="ann@example.org", context={
        "candidate_name": name, "procedure_title": "Maatschappelijk werker", "reason": reason})
    page = hr_client.get(reverse("admin:communications_mail_change", args=[mail.pk])).content.decode()
    assert_escaped_in_html(page, reason)
    listing = hr_client.get(reverse("admin:communications_mail_changelist")).content.decode()
    assert_no_live_markup(listing)
