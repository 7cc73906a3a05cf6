"""Calibration: per juror the mean (signed and absolute) deviation from the consensus across the round."""

from fractions import Fraction

import pytest

from interviews.jury.calibration import calibration
from interviews.jury.consensus import set_consensus
from interviews.jury.parts import items_for
from tests.jury.helpers import score_all

pytestmark = pytest.mark.django_db


def test_each_jurors_mean_deviation_from_the_consensus(jury):
    jury_round, (ann, bert), chair, leader, external = jury
    items = items_for(jury_round)
    n = len(items)
    # Ann: chair 4, leader 2, external 3 everywhere; Bert: chair 5, leader 3, external 4 except one part at 1.
    for member, value in ((chair, 4), (leader, 2), (external, 3)):
        score_all(member, ann, value)
    first = items[0].key
    for member, value in ((chair, 5), (leader, 3)):
        score_all(member, bert, value)
    score_all(external, bert, lambda item: 1 if item.key == first else 4)
    for jc, agreed in ((ann, 3), (bert, 4)):
        set_consensus(jc, by=chair.user, entries={i.key: (agreed, "Besproken.") for i in items})

    result = {c.member: c for c in calibration(jury_round)}
    assert result[chair].count == 2 * n
    assert result[chair].mean_deviation == 1 and result[chair].mean_absolute_deviation == 1
    assert result[leader].mean_deviation == -1 and result[leader].mean_absolute_deviation == 1
    assert result[external].mean_deviation == Fraction(-3, 2 * n)
    assert result[external].mean_absolute_deviation == Fraction(3, 2 * n)
    assert result[chair].mean_deviation_display == "+1,00"


def test_no_consensus_yet_means_no_calibration(jury):
    jury_round, (ann, _bert), chair, _leader, _external = jury
    score_all(chair, ann, 4)
    assert all(c.count == 0 and c.mean_deviation_display == "–" for c in calibration(jury_round))
