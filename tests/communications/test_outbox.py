"""Putting mails in the outbox: held or direct per template, release, retry and cancel (no worker needed)."""

import pytest

from communications.mail_templates import sync_mail_templates
from communications.models import Mail, MailTemplate
from communications.outbox import (
    cancel_mails,
    queue_mail,
    queue_rendered_mail,
    readdress_unsent_mails,
    release_mails,
    retry_failed_mails,
)
from tests.factories import hr_user

pytestmark = pytest.mark.django_db


def queue(event="test_routine", **kwargs):
    context = {"candidate_name": "An Peeters", "procedure_title": "Maatschappelijk werker", "reason": "geen diploma"}
    return queue_mail(event, to="an@example.org", context=context, **kwargs)


def test_a_routine_mail_is_queued_and_handed_over_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        mail = queue()
    assert mail.state == Mail.State.QUEUED and mail.queued_at is not None
    assert mail.subject == "Ontvangen: Maatschappelijk werker"
    assert mail.to == "an@example.org"
    assert len(callbacks) == 1


def test_an_outcome_mail_waits_as_a_draft_by_default(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        mail = queue("test_outcome")
    assert mail.state == Mail.State.DRAFT and mail.queued_at is None
    assert "Reden: geen diploma" in mail.body_text
    assert callbacks == []


def test_hr_can_switch_an_outcome_event_to_direct_sending():
    sync_mail_templates()
    MailTemplate.objects.filter(event="test_outcome").update(held_for_release=False)
    assert queue("test_outcome").state == Mail.State.QUEUED


def test_hr_can_hold_a_routine_event():
    sync_mail_templates()
    MailTemplate.objects.filter(event="test_routine").update(held_for_release=True)
    assert queue().state == Mail.State.DRAFT


def test_hr_wording_is_used_when_queued_and_the_language_follows_the_candidate():
    sync_mail_templates()
    MailTemplate.objects.filter(event="test_routine").update(subject_en="Thanks, {{ candidate_name }}")
    assert queue(language="en").subject == "Thanks, An Peeters"
    assert queue(language="nl-be").subject == "Ontvangen: Maatschappelijk werker"


def test_sync_creates_each_missing_template_once_and_keeps_hr_wording():
    assert sync_mail_templates() >= 2
    MailTemplate.objects.filter(event="test_routine").update(subject_nl="Eigen tekst")
    assert sync_mail_templates() == 0
    template = MailTemplate.objects.get(event="test_outcome")
    assert template.held_for_release is True
    assert template.body_nl == "Beste {{ candidate_name }},\n\nReden: {{ reason }}"
    assert MailTemplate.objects.get(event="test_routine").subject_nl == "Eigen tekst"


def test_release_in_bulk_queues_drafts_only(django_capture_on_commit_callbacks):
    hr = hr_user()
    drafts = [queue("test_outcome") for _ in range(3)]
    already_queued = queue()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        released = release_mails(Mail.objects.filter(pk__in=[m.pk for m in [*drafts, already_queued]]), by=hr)
    assert released == 3
    assert len(callbacks) == 1  # one batch hand-over, not one task per mail
    for mail in drafts:
        mail.refresh_from_db()
        assert (mail.state, mail.released_by) == (Mail.State.QUEUED, hr)
        assert mail.queued_at is not None
    assert release_mails(Mail.objects.filter(pk__in=[m.pk for m in drafts]), by=hr) == 0


def test_retry_failed_gives_a_fresh_series_of_attempts(make_mail, django_capture_on_commit_callbacks):
    failed = make_mail(state=Mail.State.FAILED, attempts=10, error="SMTP 550: weg")
    sent = make_mail(state=Mail.State.SENT)
    with django_capture_on_commit_callbacks() as callbacks:
        assert retry_failed_mails(Mail.objects.filter(pk__in=[failed.pk, sent.pk]), by=hr_user()) == 1
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert (failed.state, failed.attempts) == (Mail.State.QUEUED, 0)
    assert sent.state == Mail.State.SENT
    assert len(callbacks) == 1


def test_cancel_leaves_sent_and_sending_mails_alone(make_mail):
    mails = {state: make_mail(state=state) for state in Mail.State.values}
    assert cancel_mails(Mail.objects.all()) == 3
    states = dict(Mail.objects.values_list("pk", "state"))
    assert {s: states[m.pk] for s, m in mails.items()} == {
        "draft": "cancelled", "queued": "cancelled", "failed": "cancelled",
        "sending": "sending", "sent": "sent", "cancelled": "cancelled",
    }


def test_readdressing_moves_unsent_mails_only_and_only_those_to_the_old_addresses(make_mail):
    mails = {state: make_mail(state=state, to="Oud@Example.org") for state in Mail.State.values}
    other = make_mail(to="iemand-anders@example.org")
    assert readdress_unsent_mails(old_addresses={"oud@example.org", "ouder@example.org"},
                                  new_address="nieuw@example.org") == 3
    addresses = dict(Mail.objects.values_list("pk", "to"))
    assert {state: addresses[mail.pk] for state, mail in mails.items()} == {
        "draft": "nieuw@example.org", "queued": "nieuw@example.org", "failed": "nieuw@example.org",
        "sending": "Oud@Example.org", "sent": "Oud@Example.org", "cancelled": "Oud@Example.org",
    }
    assert addresses[other.pk] == "iemand-anders@example.org"
    assert readdress_unsent_mails(old_addresses=set(), new_address="nieuw@example.org") == 0


def test_a_mail_rendered_elsewhere_keeps_a_one_line_subject():
    mail = queue_rendered_mail("account", to="an@example.org", subject="Bevestig\r\nBcc: x@example.org",
                               body_text="Code: 123")
    assert mail.subject == "Bevestig Bcc: x@example.org"
    assert mail.state == Mail.State.QUEUED


def test_each_mail_gets_its_own_message_id_at_creation(make_mail):
    first, second = make_mail(), make_mail()
    assert first.message_id != second.message_id
    assert first.message_id.startswith("<") and first.message_id.endswith("@kortrijk.be>")
