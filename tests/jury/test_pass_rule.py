"""The pass rule at its edges: at least 50 % on each part and 60 % in total (the mean of the parts), exact."""

from fractions import Fraction

import pytest

from interviews.jury.consensus import set_consensus
from interviews.jury.parts import COMPETENCIES_GROUP, evaluate, items_for
from interviews.models import JuryRound
from tests.jury.helpers import score_all

pytestmark = pytest.mark.django_db


def _round(work_case=JuryRound.WorkCase.NONE, **rules):
    return JuryRound(scale_min=0, scale_max=100, work_case=work_case, **rules)


def _values(items, default, **overrides):
    return {item.key: overrides.get(item.group, default) for item in items}


@pytest.fixture
def items(procedure):
    from tests.jury.helpers import make_vacancy

    jury_round = _round()
    jury_round.vacancy = make_vacancy(procedure)
    return items_for(jury_round)


def test_the_parts_are_the_nine_competencies_then_the_other_parts(items):
    assert [i.group for i in items].count(COMPETENCIES_GROUP) == 9
    assert [i.key for i in items if i.group != COMPETENCIES_GROUP] == [
        "job_insight", "knowledge_experience", "motivation"]  # no case in a round without one
    innovation = next(i for i in items if i.label == "Innovatie en creativiteit")
    assert innovation.indicators == ()  # the bundle gives none
    assert all(i.indicators for i in items if i.group == COMPETENCIES_GROUP and i is not innovation)


@pytest.mark.parametrize(("job_insight", "passed"), [(49, False), (50, True)])
def test_a_part_at_49_percent_fails_and_at_50_passes(items, job_insight, passed):
    outcome = evaluate(_round(), items, _values(items, 80, job_insight=job_insight))
    assert outcome.part_percents["job_insight"] == job_insight
    assert outcome.total_percent > 60
    assert outcome.passed is passed
    assert outcome.failed_groups == (() if passed else ("job_insight",))


@pytest.mark.parametrize(("motivation", "total", "passed"), [(56, 59, False), (60, 60, True)])
def test_a_total_of_59_percent_fails_and_60_passes(items, motivation, total, passed):
    outcome = evaluate(_round(), items, _values(items, 60, motivation=motivation))
    assert outcome.total_percent == total
    assert outcome.passed is passed


def test_the_thresholds_are_the_rounds_own(items):
    strict = _round(pass_part_percent=70, pass_total_percent=75)
    assert not evaluate(strict, items, _values(items, 72)).passed
    assert evaluate(strict, items, _values(items, 75)).passed


def test_a_competency_score_counts_as_points_out_of_the_scales_maximum(items):
    # Nine competencies on 1-5: 2+2+2+2+3+3+3+3+3 = 23 of 45 points.
    five = JuryRound(scale_min=1, scale_max=5)
    values = _values(items, 4)
    competencies = [i for i in items if i.group == COMPETENCIES_GROUP]
    for item, value in zip(competencies, [2, 2, 2, 2, 3, 3, 3, 3, 3], strict=True):
        values[item.key] = value
    outcome = evaluate(five, items, values)
    assert outcome.part_percents[COMPETENCIES_GROUP] == Fraction(2300, 45)
    assert outcome.passed  # 51.1 % on competencies, 80 % on the rest: total 72.8 %


def test_a_consensus_without_reason_or_off_the_scale_is_refused(jury):
    from interviews.jury import JuryRefused
    from interviews.jury.consensus import ConsensusRefused

    jury_round, (ann, _bert), chair, leader, external = jury
    items = items_for(jury_round)
    with pytest.raises(JuryRefused, match="Nog niet alle juryleden"):
        set_consensus(ann, by=chair.user, entries={items[0].key: (3, "Besproken.")})
    for member in (chair, leader, external):
        score_all(member, ann, 3)
    with pytest.raises(JuryRefused, match="Alleen de voorzitter"):
        set_consensus(ann, by=leader.user, entries={items[0].key: (3, "Besproken.")})
    with pytest.raises(ConsensusRefused) as refused:
        set_consensus(ann, by=chair.user, entries={items[0].key: (3, ""), items[1].key: (9, "Te hoog.")})
    assert "motivering" in refused.value.errors[items[0].key]
    assert "schaal van 1 tot 5" in refused.value.errors[items[1].key]
    assert refused.value.fields == {items[0].key: "note", items[1].key: "value"}
    assert not ann.consensus_scores.exists()
