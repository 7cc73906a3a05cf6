"""A worker killed with SIGKILL in the middle of a batch: after a restart and the sweep, every mail went out once."""

import pytest

from tests.faults.mail_kill import run_fault

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_kill_9_mid_batch_loses_no_mail_and_duplicates_at_most_the_one_in_flight():
    result = run_fault(mails=100)
    assert 30 <= result.received_before_kill < 100, result
    assert result.stuck_requeued > 0, result  # the kill left mails in "sending": the sweep found them
    assert result.all_sent_in_db, result
    assert result.distinct_message_ids == 100, result
    # At-least-once: only a mail whose SMTP transaction completed just before the kill can arrive twice.
    assert result.duplicates <= 1, result
