"""The outbox and the mail templates in the HR back office."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communications.mail_templates import sync_mail_templates
from communications.models import Mail, MailTemplate
from kortrijk_ats import roles
from tests.auth import login_staff
from tests.factories import hr_user, staff_user

pytestmark = pytest.mark.django_db

OUTBOX = reverse("admin:communications_mail_changelist")


@pytest.fixture
def hr():
    return hr_user(username="hr")


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def run_action(client, action, mails, **extra):
    return client.post(OUTBOX, {"action": action, ACTION_CHECKBOX_NAME: [m.pk for m in mails], **extra},
                       follow=extra.get("confirm") == "yes")


# --- The outbox list ---


def test_the_outbox_lists_mails_with_state_event_and_error(hr_client, make_mail):
    make_mail(subject="Je intake", to="an@example.org", state=Mail.State.FAILED, error="SMTP 550: weg", attempts=1)
    response = hr_client.get(OUTBOX)
    page = response.content.decode()
    assert "Je intake" in page and "an@example.org" in page
    assert "Testmail (routine)" in page and "mislukt" in page and "SMTP 550: weg" in page


def test_the_outbox_filters_by_state_and_event_and_searches(hr_client, make_mail):
    make_mail(subject="Concept voor Bram", state=Mail.State.DRAFT, event="test_outcome")
    make_mail(subject="Verzonden aan An", state=Mail.State.SENT)
    for query in ({"state": "draft"}, {"event": "test_outcome"}, {"q": "Bram"}):
        page = hr_client.get(OUTBOX, query).content.decode()
        assert "Concept voor Bram" in page and "Verzonden aan An" not in page, query


def test_the_outbox_list_query_count_does_not_grow(hr_client, make_mail):
    def add_mails(count):
        for i in range(count):
            make_mail(state=Mail.State.SENT if i % 2 else Mail.State.FAILED, error="x", event="test_outcome",
                      released_by=hr_user())

    def list_queries(expected_rows):
        with CaptureQueriesContext(connection) as captured:
            response = hr_client.get(OUTBOX, {"o": "-1"})
        assert len(response.context["cl"].result_list) == expected_rows
        return len(captured)

    add_mails(5)
    hr_client.get(OUTBOX)  # warm the session and content types
    with_5 = list_queries(5)
    add_mails(45)
    assert list_queries(50) == with_5


def test_a_mail_is_read_only(hr_client, make_mail):
    mail = make_mail(subject="Verzonden", state=Mail.State.SENT, body_html="<p>Dag &lt;An&gt;</p>")
    url = reverse("admin:communications_mail_change", args=[mail.pk])
    page = hr_client.get(url).content.decode()
    assert "Verzonden" in page and mail.message_id.strip("<>") in page
    assert 'name="subject"' not in page
    assert 'sandbox=""' in page  # the HTML body is shown in a sandboxed frame
    response = hr_client.post(url, {"subject": "Gewijzigd", "to": "x@example.org"})
    assert response.status_code == 403
    mail.refresh_from_db()
    assert mail.subject == "Verzonden"
    assert hr_client.get(reverse("admin:communications_mail_add")).status_code == 403


def test_staff_without_the_hr_role_cannot_see_the_outbox(client, make_mail):
    login_staff(client, staff_user(roles.INTERVIEWER, username="interviewer"))
    response = client.get(OUTBOX)
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- Actions ---


def test_release_asks_for_confirmation_with_the_count_then_reports_released_and_skipped(hr_client, hr, make_mail):
    drafts = [make_mail(state=Mail.State.DRAFT, event="test_outcome") for _ in range(2)]
    sent = make_mail(state=Mail.State.SENT)
    confirmation = run_action(hr_client, "release_drafts", [*drafts, sent])
    page = confirmation.content.decode()
    assert "Je selecteerde <strong>3</strong> mails." in page
    assert '<strong id="applicable-count">2</strong>' in page
    assert set(Mail.objects.values_list("state", flat=True)) == {Mail.State.DRAFT, Mail.State.SENT}  # not yet

    report = run_action(hr_client, "release_drafts", [*drafts, sent], confirm="yes")
    assert messages_of(report) == ["2 mails vrijgegeven voor verzending.", "1 overgeslagen: geen concept (meer)."]
    for draft in drafts:
        draft.refresh_from_db()
        assert (draft.state, draft.released_by) == (Mail.State.QUEUED, hr)
    sent.refresh_from_db()
    assert sent.state == Mail.State.SENT


def test_retry_failed_through_the_admin(hr_client, make_mail):
    failed = make_mail(state=Mail.State.FAILED, attempts=10, error="SMTP 421")
    report = run_action(hr_client, "retry_failed", [failed], confirm="yes")
    assert messages_of(report) == ["1 mail opnieuw in de wachtrij."]
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (Mail.State.QUEUED, 0)


def test_cancel_unsent_through_the_admin(hr_client, make_mail):
    draft, sent = make_mail(state=Mail.State.DRAFT), make_mail(state=Mail.State.SENT)
    report = run_action(hr_client, "cancel_unsent", [draft, sent], confirm="yes")
    assert messages_of(report) == ["1 mail geannuleerd.", "1 overgeslagen: al verzonden, bezig of geannuleerd."]
    draft.refresh_from_db()
    sent.refresh_from_db()
    assert (draft.state, sent.state) == (Mail.State.CANCELLED, Mail.State.SENT)


# --- Mail templates ---


def template_form(template, **changes):
    data = {"held_for_release": "on" if template.held_for_release else "",
            "subject_nl": template.subject_nl, "body_nl": template.body_nl,
            "subject_en": template.subject_en, "body_en": template.body_en}
    return {k: v for k, v in {**data, **changes}.items() if v != ""}


def test_the_template_list_creates_missing_templates(hr_client):
    assert not MailTemplate.objects.filter(event="test_outcome").exists()
    page = hr_client.get(reverse("admin:communications_mailtemplate_changelist")).content.decode()
    assert "Testmail (uitslag)" in page
    assert MailTemplate.objects.get(event="test_outcome").held_for_release is True


def test_the_editor_lists_the_placeholders_of_the_event_and_a_preview(hr_client):
    sync_mail_templates()
    template = MailTemplate.objects.get(event="test_outcome")
    page = hr_client.get(reverse("admin:communications_mailtemplate_change", args=[template.pk])).content.decode()
    assert "<code>{{ reason }}</code></td><td>motivering van de beslissing" in page
    assert "<code>{{ candidate_name }}</code>" in page and "<code>{{ procedure_title }}</code>" not in page
    assert "Uitslag voor Sam Voorbeeld" in page  # the preview, filled with example values
    assert "Reden: [motivering van de beslissing]" in page


def test_an_unknown_placeholder_is_refused_in_dutch_and_nothing_is_lost(hr_client):
    sync_mail_templates()
    template = MailTemplate.objects.get(event="test_outcome")
    typed = "Beste {{ candidate_name }},\n\nJe IBAN {{ iban }} en {% now 'Y' %}"
    url = reverse("admin:communications_mailtemplate_change", args=[template.pk])
    response = hr_client.post(url, template_form(template, body_nl=typed))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Onbekende plaatshouder(s): {{ iban }}. Gebruik alleen de plaatshouders uit de lijst." in page
    assert "Alleen plaatshouders van de vorm {{ naam }} zijn toegestaan" in page
    assert response.context["adminform"].form["body_nl"].value() == typed
    template.refresh_from_db()
    assert "iban" not in template.body_nl


def test_hr_saves_a_valid_template_and_is_recorded_as_its_editor(hr_client, hr):
    sync_mail_templates()
    template = MailTemplate.objects.get(event="test_outcome")
    url = reverse("admin:communications_mailtemplate_change", args=[template.pk])
    response = hr_client.post(url, template_form(template, subject_nl="Uw uitslag, {{candidate_name}}",
                                                 held_for_release=""))
    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.subject_nl, template.held_for_release, template.updated_by) == (
        "Uw uitslag, {{candidate_name}}", False, hr)
