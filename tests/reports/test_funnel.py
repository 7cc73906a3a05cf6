"""The funnel, the refusal reasons and the intake occupancy, on applications moved through change_stage."""

import pytest

from reports import queries
from tests.factories import ApplicationFactory
from tests.reports.helpers import S, mixed_pipeline, seats, through_intake, walk

pytestmark = pytest.mark.django_db


def test_funnel_counts_every_stage_an_application_passed_through(procedure):
    mixed_pipeline(procedure, 10)

    funnel = queries.build_funnel(procedure=procedure)

    assert {b.key: b.count for b in funnel.steps} == {
        "applied": 10, "eligible": 6, "intake_booked": 5, "passed": 4, "waitlist": 4, "jury": 3, "offer": 1,
        "hired": 1}
    assert {b.key: b.count for b in funnel.side} == {
        "not_eligible": 3, "intake_failed": 1, "jury_failed": 1, "reserve": 1, "waitlist_expired": 0,
        "reserve_expired": 0, "offer_withdrawn": 0, "withdrawn": 1}
    assert [b.percent for b in funnel.steps] == [100, 60, 50, 40, 40, 30, 10, 10]


def test_funnel_counts_only_its_own_procedure_and_a_back_and_forth_once(procedure):
    other = ApplicationFactory()
    walk(other, S.ELIGIBLE)
    (slot,) = seats(procedure, count=1)
    # Jury, back to the waitlist, jury again: still one application in each of those stages.
    through_intake(procedure, slot, S.WAITLIST, S.JURY_INVITED, S.WAITLIST, S.JURY_INVITED, S.RESERVE, S.OFFER,
                   S.RESERVE)

    counts = {b.key: b.count for b in queries.build_funnel(procedure=procedure).steps}
    side = {b.key: b.count for b in queries.build_funnel(procedure=procedure).side}

    assert counts == {"applied": 1, "eligible": 1, "intake_booked": 1, "passed": 1, "waitlist": 1, "jury": 1,
                      "offer": 1, "hired": 0}
    assert side["reserve"] == 1


def test_refusal_reasons_are_grouped_most_frequent_first(procedure):
    for reason in ("Geen bachelordiploma", "  Geen bachelordiploma ", "Diploma niet erkend"):
        walk(ApplicationFactory(procedure=procedure), S.NOT_ELIGIBLE, reason=reason)

    assert queries.refusal_reasons(procedure=procedure) == [
        {"text": "Geen bachelordiploma", "count": 2}, {"text": "Diploma niet erkend", "count": 1}]


def test_intake_occupancy_is_booked_seats_over_seats_per_day(procedure):
    day_one = seats(procedure, count=3, seats_per_slot=2, days_ahead=10)  # 6 seats
    seats(procedure, count=2, seats_per_slot=1, days_ahead=11)  # 2 seats, none booked
    for slot in (day_one[0], day_one[0], day_one[1]):
        through_intake(procedure, slot)

    occupancy = queries.intake_occupancy(procedure=procedure)

    assert [(d.booked, d.seats, d.percent) for d in occupancy] == [(3, 6, 50), (0, 2, 0)]
    assert occupancy[0].day < occupancy[1].day
