"""Races on real connections: the three jurors approve the PV at the same moment."""

import pytest

from candidates.models import Transition
from candidates.stages import Stage
from interviews.jury.outcomes import approve_pv
from interviews.models import JuryRound, VacancyProposal
from tests.jury.rounds import decide
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db(transaction=True)


def test_three_approvals_at_once_freeze_the_round_once(jury):
    jury_round = decide(jury, approve=False)
    _round, (ann, bert), chair, leader, external = jury
    handles = run_together(*(lambda user=m.user: approve_pv(jury_round, by=user) for m in (chair, leader, external)))
    assert_no_error(handles)
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.CLOSED and jury_round.pv_sha256
    assert Transition.objects.filter(application=ann.application, to_stage=Stage.OFFER).count() == 1
    assert Transition.objects.filter(application=bert.application, to_stage=Stage.JURY_FAILED).count() == 1
    assert VacancyProposal.objects.filter(vacancy=jury_round.vacancy).count() == 1
    assert jury_round.members.filter(pv_approved_at__isnull=False).count() == 3
