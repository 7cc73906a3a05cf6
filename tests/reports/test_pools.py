"""Waitlist and reserve overviews: who is on them, until when, and what expires in the next 30 days."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from candidates.models import PoolEntry
from reports import queries
from tests.reports.helpers import S, seats, through_intake

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)


def on(day):
    return time_machine.travel(timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=10)),
                               tick=False)


def test_overview_lists_active_places_first_to_expire_first_and_the_next_30_days(procedure):
    slots = seats(procedure, count=4, days_ahead=1)
    with on(date(2025, 7, 1)):  # waitlist 12 months: last day 30/06/2026, within 30 days of TODAY
        soon = through_intake(procedure, slots[0], S.WAITLIST)
    with on(date(2025, 7, 16)):  # last day 15/07/2026: day 30 of the horizon, still in
        edge = through_intake(procedure, slots[1], S.WAITLIST)
    with on(date(2025, 7, 17)):  # last day 16/07/2026: day 31, not in
        later = through_intake(procedure, slots[2], S.WAITLIST)
    with on(date(2025, 3, 1)):  # reserve 24 months, from jury: the waitlist place ended, reserve remains
        reserve = through_intake(procedure, slots[3], S.WAITLIST, S.JURY_INVITED, S.RESERVE)

    waitlist = queries.pool_overview(procedure=procedure, kind=PoolEntry.Kind.WAITLIST, today=TODAY)
    reserves = queries.pool_overview(procedure=procedure, kind=PoolEntry.Kind.RESERVE, today=TODAY)

    assert [(e.application_id, e.last_valid_day) for e in waitlist.entries] == [
        (soon.pk, date(2026, 6, 30)), (edge.pk, date(2026, 7, 15)), (later.pk, date(2026, 7, 16))]
    assert [e.application_id for e in waitlist.expiring_soon] == [soon.pk, edge.pk]
    assert [(e.application_id, e.last_valid_day) for e in reserves.entries] == [(reserve.pk, date(2027, 2, 28))]
    assert reserves.expiring_soon == []
    assert waitlist.horizon == TODAY + timedelta(days=30)
