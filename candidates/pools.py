"""Waitlist and reserve expiry: a date in the database, swept by an idempotent periodic job."""

import logging

from django.utils import timezone

from candidates.models import PoolEntry
from candidates.stages import Stage
from candidates.transitions import StageConflict, TransitionRefused, change_stage

log = logging.getLogger(__name__)

EXPIRED_STAGE = {
    PoolEntry.Kind.WAITLIST: (Stage.WAITLIST, Stage.WAITLIST_EXPIRED),
    PoolEntry.Kind.RESERVE: (Stage.RESERVE, Stage.RESERVE_EXPIRED),
}


def valid_place(candidate, function, *, today):
    """The person's waitlist or reserve place for the function that holds today, or None; the reserve first.

    A person who holds one may not apply for the function again: they would go through screening and intake a
    second time, get a second place and be invited twice by one jury round."""
    places = list(PoolEntry.objects.valid(today).filter(function=function, application__candidate=candidate)
                  .select_related("application__procedure__function").order_by("expires_on", "id"))
    reserve = [place for place in places if place.kind == PoolEntry.Kind.RESERVE]
    return (reserve or places or [None])[0]


def expire_pool_entries(*, today=None):
    """Close every waitlist or reserve place whose date has come. Safe to run twice, or twice at once.

    A candidate who was invited to a jury in time keeps that invitation: only a candidate still waiting
    in the pool expires. Returns the number of applications that expired in this run.
    """
    today = today or timezone.localdate()
    expired = 0
    due = PoolEntry.objects.due_for_expiry(today).select_related("application")
    for entry in due.iterator():
        waiting_stage, expired_stage = EXPIRED_STAGE[entry.kind]
        if entry.application.stage != waiting_stage:
            continue
        try:
            change_stage(entry.application, to=expired_stage, expected_stage=waiting_stage,
                         by_label="systeem: vervaldatum bereikt")
        except (StageConflict, TransitionRefused):
            continue  # another run, or a person, moved it first
        expired += 1
    if expired:
        log.info("Expired %d waitlist/reserve places.", expired)
    return expired
