"""End to end through a real Celery worker on the configured broker (Redis) and a real SMTP sink on loopback.

transaction=True: the worker runs in its own thread with its own database connection, so it sees committed rows only.
"""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import before_task_publish
from django.db import transaction

from communications.models import Mail
from communications.outbox import queue_mail, release_mails
from kortrijk_ats.celery import app
from tests.factories import hr_user

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CONTEXT = {"candidate_name": "An Peeters", "procedure_title": "Maatschappelijk werker", "reason": "geen diploma"}


@pytest.fixture
def worker(smtp_sink):
    app.conf.worker_hijack_root_logger = False  # keep pytest's log capture
    # Earlier tests of this run publish send tasks no worker took; this worker must not start on that backlog.
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        yield


def wait_for_state(mail, state, *, timeout=30):
    """The sink sees a message before the worker records it as sent: wait for the row to follow."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mail.refresh_from_db()
        if mail.state == state:
            break
        time.sleep(0.05)
    return mail


def test_a_committed_mail_is_delivered_once_by_the_worker(worker, smtp_sink):
    with transaction.atomic():
        mail = queue_mail("test_routine", to="an@example.org", context=CONTEXT)
    smtp_sink.wait_for(1)
    assert [m.rcpt_tos for m in smtp_sink.with_message_id(mail.message_id)] == [["an@example.org"]]
    mail = wait_for_state(mail, Mail.State.SENT)
    assert (mail.state, mail.attempts) == (Mail.State.SENT, 1)
    assert len(smtp_sink.messages) == 1


@pytest.fixture
def published():
    """The task messages published to the broker during the test (Celery's own signal)."""
    messages = []

    def record(sender=None, body=None, **kwargs):
        messages.append((sender, body[0]))

    before_task_publish.connect(record, weak=False)
    yield messages
    before_task_publish.disconnect(record)


def test_a_rolled_back_transaction_sends_nothing(worker, smtp_sink, published):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_mail("test_routine", to="rollback@example.org", context=CONTEXT)
        raise RuntimeError("the stage change failed after the mail was queued")
    assert published == []
    # A mail committed afterwards is delivered: the worker was listening, and the rolled-back one never reached it.
    with transaction.atomic():
        sentinel = queue_mail("test_routine", to="sentinel@example.org", context=CONTEXT)
    smtp_sink.wait_for(1)
    wait_for_state(sentinel, Mail.State.SENT)
    assert [m.rcpt_tos for m in smtp_sink.messages] == [["sentinel@example.org"]]
    assert published == [("communications.tasks.send_mail", (sentinel.pk,))]
    assert not Mail.objects.filter(to="rollback@example.org").exists()


def test_smtp_421_is_retried_by_the_worker_and_then_delivered(worker, smtp_sink, settings):
    settings.KATS_MAIL_RETRY_BASE_DELAY = 0  # retry at once: the backoff itself is tested without a worker
    smtp_sink.answer_421(times=2)
    with transaction.atomic():
        mail = queue_mail("test_routine", to="an@example.org", context=CONTEXT)
    smtp_sink.wait_for(1)
    mail = wait_for_state(mail, Mail.State.SENT)
    assert (mail.state, mail.attempts) == (Mail.State.SENT, 3)
    assert len(smtp_sink.with_message_id(mail.message_id)) == 1


def test_smtp_550_leaves_the_mail_failed_and_the_worker_does_not_retry(worker, smtp_sink):
    smtp_sink.refuse("weg@example.org", 550)
    with transaction.atomic():
        refused = queue_mail("test_routine", to="weg@example.org", context=CONTEXT)
        delivered = queue_mail("test_routine", to="an@example.org", context=CONTEXT)
    smtp_sink.wait_for(1)
    wait_for_state(delivered, Mail.State.SENT)
    refused = wait_for_state(refused, Mail.State.FAILED)
    assert (refused.state, refused.attempts) == (Mail.State.FAILED, 1)
    assert "SMTP 550" in refused.error
    assert [m.rcpt_tos for m in smtp_sink.messages] == [["an@example.org"]]


def test_released_drafts_go_out_as_one_batch_over_one_connection(worker, smtp_sink):
    drafts = [queue_mail("test_outcome", to=f"k{i}@example.org", context=CONTEXT) for i in range(3)]
    assert {d.state for d in drafts} == {Mail.State.DRAFT}
    assert release_mails(Mail.objects.filter(pk__in=[d.pk for d in drafts]), by=hr_user()) == 3
    smtp_sink.wait_for(3)
    for draft in drafts:
        assert wait_for_state(draft, Mail.State.SENT).state == Mail.State.SENT
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.messages) == ["k0@example.org", "k1@example.org", "k2@example.org"]
    assert smtp_sink.sessions == 1


def test_a_released_batch_hit_by_421_is_retried_as_a_batch(worker, smtp_sink, settings):
    settings.KATS_MAIL_RETRY_BASE_DELAY = 0
    drafts = [queue_mail("test_outcome", to=f"k{i}@example.org", context=CONTEXT) for i in range(3)]
    smtp_sink.answer_421()
    release_mails(Mail.objects.filter(pk__in=[d.pk for d in drafts]), by=hr_user())
    smtp_sink.wait_for(3)
    sent = [wait_for_state(draft, Mail.State.SENT) for draft in drafts]
    assert [m.state for m in sent] == [Mail.State.SENT] * 3
    assert sorted(m.rcpt_tos[0] for m in smtp_sink.messages) == ["k0@example.org", "k1@example.org", "k2@example.org"]
