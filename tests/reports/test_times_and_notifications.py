"""Median time per stage (time-machine), the share of candidates told each result and who was not told yet."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from candidates.stages import Stage
from communications.models import Mail
from reports import queries
from tests.factories import ApplicationFactory
from tests.reports.helpers import S, walk

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime(2026, 3, 2, 9, 0))


def at(days, hours=0):
    return time_machine.travel(T0 + timedelta(days=days, hours=hours), tick=False)


def test_median_time_in_each_stage_from_consecutive_transitions(procedure):
    with at(0):
        c1, c2, c3 = (ApplicationFactory(procedure=procedure) for _ in range(3))
    with at(1):
        walk(c1, S.ELIGIBLE)
    with at(3):
        walk(c1, S.INTAKE_INVITED)
        walk(c2, S.ELIGIBLE)
    with at(4):
        walk(c2, S.INTAKE_INVITED)
    with at(5, hours=6):
        walk(c3, S.ELIGIBLE)

    medians = {row.stage: (row.median, row.count) for row in queries.stage_medians(procedure=procedure)}

    # Screening: 1 d, 3 d, 5 d 6 u; eligible: 2 d and 1 d (interpolated median); intake_invited: not finished.
    assert medians == {Stage.SCREENING: (timedelta(days=3), 3), Stage.ELIGIBLE: (timedelta(days=1, hours=12), 2)}
    assert [r.median_text for r in queries.stage_medians(procedure=procedure)] == ["3 d 0 u", "1 d 12 u"]
    # The portable path (SQLite, local runs) takes the medians in Python from the same stays: same answer.
    portable = {stage: (seconds, count) for stage, seconds, count in queries._medians_portable(procedure)}
    assert portable == {"screening": (3 * 86400, 3), "eligible": (1.5 * 86400, 2)}


def _mail_of(application, event):
    return Mail.objects.for_object(application).get(event=event)


def test_notified_share_counts_only_sent_outcome_mails_and_lists_the_rest(procedure):
    told = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)
    draft = walk(ApplicationFactory(procedure=procedure), S.NOT_ELIGIBLE, reason="Geen bachelordiploma")
    failed = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)
    queued = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)
    twice = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE, S.INTAKE_INVITED, S.INTAKE_FAILED)
    for application in (told, twice):
        Mail.objects.for_object(application).filter(event__in=["screening_eligible", "intake_failed"]).update(
            state=Mail.State.SENT, sent_at=timezone.now())
    Mail.objects.filter(pk=_mail_of(failed, "screening_eligible").pk).update(
        state=Mail.State.FAILED, error="550 mailbox unavailable")
    assert _mail_of(draft, "screening_not_eligible").state == Mail.State.DRAFT
    assert _mail_of(queued, "screening_eligible").state == Mail.State.QUEUED

    status = queries.notification_status(procedure=procedure)

    shares = {s.stage: (s.notified, s.total, s.percent) for s in status.per_result}
    assert shares == {Stage.ELIGIBLE: (2, 4, 50), Stage.NOT_ELIGIBLE: (0, 1, 0), Stage.INTAKE_FAILED: (1, 1, 100)}
    assert (status.applications_notified, status.applications, status.percent) == (2, 5, 40)
    assert [(r.application.pk, r.stage, r.mail_state, r.mail_state_label) for r in status.not_notified] == [
        (draft.pk, Stage.NOT_ELIGIBLE, "draft", "concept, wacht op vrijgave"),
        (failed.pk, Stage.ELIGIBLE, "failed", "mislukt"),
        (queued.pk, Stage.ELIGIBLE, "queued", "in de wachtrij"),
    ]


def test_a_cancelled_outcome_mail_or_none_at_all_is_not_a_notification(procedure):
    cancelled = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)
    Mail.objects.for_object(cancelled).update(state=Mail.State.CANCELLED)
    missing = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)
    Mail.objects.for_object(missing).delete()

    status = queries.notification_status(procedure=procedure)

    assert status.applications_notified == 0
    assert {(r.application.pk, r.mail_state) for r in status.not_notified} == {
        (cancelled.pk, "cancelled"), (missing.pk, "none")}
