"""Races on real connections: the three jurors approve the PV at the same moment."""

import threading

import pytest
from django.db import connection

from candidates.models import Transition
from candidates.stages import Stage
from interviews.jury.outcomes import approve_pv
from interviews.models import JuryRound, VacancyProposal
from tests.jury.rounds import decide

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001 — collected and asserted by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_three_approvals_at_once_freeze_the_round_once(jury):
    jury_round = decide(jury, approve=False)
    _round, (ann, bert), chair, leader, external = jury
    errors = run_together(*(lambda user=m.user: approve_pv(jury_round, by=user) for m in (chair, leader, external)))
    assert errors == []
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.CLOSED and jury_round.pv_sha256
    assert Transition.objects.filter(application=ann.application, to_stage=Stage.OFFER).count() == 1
    assert Transition.objects.filter(application=bert.application, to_stage=Stage.JURY_FAILED).count() == 1
    assert VacancyProposal.objects.filter(vacancy=jury_round.vacancy).count() == 1
    assert jury_round.members.filter(pv_approved_at__isnull=False).count() == 3
