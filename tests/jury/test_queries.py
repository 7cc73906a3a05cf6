"""The jury's lists read a fixed number of queries, however many candidates the round has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.jury.calibration import calibration
from interviews.jury.consensus import set_consensus, side_by_side, standings
from interviews.jury.parts import items_for
from interviews.jury.pv import pv_context
from tests.jury.helpers import compose_jury, open_round, score_all, waitlisted

pytestmark = pytest.mark.django_db


def _round_with(procedure, n):
    for i in range(n):
        waitlisted(procedure, first_name=f"Kandidaat{i}", last_name=f"Nummer{i}")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)

    for jc in jury_round.candidates.all():
        for member in (chair, leader, external):
            score_all(member, jc, 4)
        set_consensus(jc, by=chair.user, entries={i.key: (4, "Besproken.") for i in items_for(jury_round)})
    return jury_round


def _count(function, jury_round):
    with CaptureQueriesContext(connection) as queries:
        result = function(jury_round)
        if isinstance(result, dict):
            for row in result["candidates"]:  # what the template reads of each candidate
                str(row["jc"].application.candidate.full_name)
    return len(queries)


@pytest.mark.parametrize("function", [pv_context, standings, calibration], ids=["pv", "standings", "calibration"])
def test_the_count_does_not_grow_with_the_candidates(procedure, function):
    small = _round_with(procedure, 1)
    small_count = _count(function, small)
    large = _round_with(procedure, 5)
    assert _count(function, large) == small_count


def test_the_side_by_side_view_reads_a_fixed_number_of_queries(procedure):
    jury_round = _round_with(procedure, 1)
    jc = jury_round.candidates.get()
    with CaptureQueriesContext(connection) as queries:
        _members, rows = side_by_side(jc)
        assert all(len(row.scores) == 3 for row in rows)
    assert len(queries) <= 8, [q["sql"] for q in queries]
