"""The periodic sweep: mails stuck in sending go back to the queue; queued mails nobody picked up are handed over."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from communications.models import Mail
from communications.sending import requeue_stuck_mails
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


def test_a_mail_stuck_in_sending_is_queued_again_after_the_threshold(clock, make_mail, settings,
                                                                     django_capture_on_commit_callbacks):
    settings.KATS_MAIL_STUCK_SENDING_AFTER = 600
    stuck = make_mail(state=Mail.State.SENDING, attempts=1, sending_started_at=T0)
    clock.move_to(T0 + timedelta(seconds=599))
    assert requeue_stuck_mails().requeued_stuck == 0
    clock.move_to(T0 + timedelta(seconds=601))
    with django_capture_on_commit_callbacks() as callbacks:
        report = requeue_stuck_mails()
    assert report.requeued_stuck == 1
    assert len(callbacks) == 1
    stuck.refresh_from_db()
    assert (stuck.state, stuck.attempts, stuck.due_at) == (Mail.State.QUEUED, 1, T0 + timedelta(seconds=601))
    assert "Bleef hangen" in stuck.error


def test_a_queued_mail_nobody_picked_up_is_handed_over_again_once_per_period(clock, make_mail, settings,
                                                                              django_capture_on_commit_callbacks):
    settings.KATS_MAIL_STALE_QUEUED_AFTER = 300
    lost = make_mail(queued_at=T0)  # e.g. the broker was down when it was queued
    clock.move_to(T0 + timedelta(seconds=200))
    fresh = make_mail(queued_at=T0 + timedelta(seconds=200))
    clock.move_to(T0 + timedelta(seconds=301))
    with django_capture_on_commit_callbacks() as callbacks:
        assert requeue_stuck_mails().reenqueued == 1
    assert len(callbacks) == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.due_at == T0 + timedelta(seconds=301) and fresh.due_at is None
    assert requeue_stuck_mails().reenqueued == 0  # idempotent: handed over, so not again until another period
    clock.move_to(T0 + timedelta(seconds=602))
    assert requeue_stuck_mails().reenqueued == 2


def test_a_mail_waiting_for_its_backoff_is_left_to_its_retry(clock, make_mail, settings):
    settings.KATS_MAIL_STALE_QUEUED_AFTER = 300
    make_mail(queued_at=T0 - timedelta(hours=1), attempts=3, due_at=T0 + timedelta(seconds=900))
    clock.move_to(T0 + timedelta(seconds=900))
    assert requeue_stuck_mails().reenqueued == 0
    clock.move_to(T0 + timedelta(seconds=1201))
    assert requeue_stuck_mails().reenqueued == 1


def test_the_sweep_leaves_drafts_sent_failed_and_cancelled_mails_alone(clock, make_mail):
    for state in (Mail.State.DRAFT, Mail.State.SENT, Mail.State.FAILED, Mail.State.CANCELLED):
        make_mail(state=state, queued_at=T0, sending_started_at=T0)
    clock.move_to(T0 + timedelta(days=1))
    report = requeue_stuck_mails()
    assert (report.requeued_stuck, report.reenqueued) == (0, 0)
    assert Mail.objects.filter(due_at__isnull=False).count() == 0


def test_running_the_sweep_twice_changes_nothing_the_second_time(clock, make_mail):
    make_mail(state=Mail.State.SENDING, sending_started_at=T0)
    make_mail(queued_at=T0)
    clock.move_to(T0 + timedelta(hours=1))
    first = requeue_stuck_mails()
    second = requeue_stuck_mails()
    assert (first.requeued_stuck, first.reenqueued) == (1, 1)
    assert (second.requeued_stuck, second.reenqueued) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_requeue_each_mail_once(make_mail):
    with time_machine.travel(T0, tick=False):
        stuck = [make_mail(state=Mail.State.SENDING, sending_started_at=T0) for _ in range(20)]
        lost = [make_mail(queued_at=T0) for _ in range(20)]
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        handles = run_together(requeue_stuck_mails, requeue_stuck_mails)
    assert_no_error(handles)
    reports = [h.result for h in handles]
    assert sum(r.requeued_stuck for r in reports) == len(stuck)
    assert sum(r.reenqueued for r in reports) == len(lost)
    assert Mail.objects.filter(state=Mail.State.QUEUED).count() == 40
