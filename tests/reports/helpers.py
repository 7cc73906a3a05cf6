"""Building blocks of the report tests: applications walked through change_stage, as HR and interviewers would."""

from candidates.stages import Stage
from candidates.transitions import change_stage
from interviews.intake.booking import book_slot
from tests.factories import ApplicationFactory
from tests.interviews.helpers import future_session, make_slot

S = Stage


def walk(application, *stages, reason="Geen diploma dat toegang geeft"):
    for stage in stages:
        change_stage(application, to=stage, reason=reason if stage in (S.NOT_ELIGIBLE, S.OFFER_WITHDRAWN) else "")
    return application


def book(application, slot):
    return book_slot(slot, application=application)


def seats(procedure, *, count=1, seats_per_slot=1, days_ahead=10):
    session = future_session(procedure, days_ahead=days_ahead)
    from datetime import time

    return [make_slot(session, at=time(9 + i // 3, (i % 3) * 20), seats=seats_per_slot) for i in range(count)]


def through_intake(procedure, slot, *then):
    """Eligible, invited, booked, then the given stages (e.g. WAITLIST, JURY_INVITED, OFFER, HIRED)."""
    application = walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE, S.INTAKE_INVITED)
    book(application, slot)
    return walk(application, *then)


def mixed_pipeline(procedure, n, *, days_ahead=10):
    """n applications spread over every stage of the road and its exits (10 per round)."""
    slots = seats(procedure, count=1, seats_per_slot=n, days_ahead=days_ahead) * n
    made = []
    for i in range(n):
        kind = i % 10
        if kind == 0:
            made.append(ApplicationFactory(procedure=procedure))
        elif kind in (1, 2, 3):
            made.append(walk(ApplicationFactory(procedure=procedure), S.NOT_ELIGIBLE))
        elif kind == 4:
            made.append(through_intake(procedure, slots[i], S.INTAKE_FAILED))
        elif kind == 5:
            made.append(through_intake(procedure, slots[i], S.WAITLIST, S.JURY_INVITED, S.OFFER, S.HIRED))
        elif kind == 6:
            made.append(through_intake(procedure, slots[i], S.WAITLIST, S.JURY_INVITED, S.RESERVE))
        elif kind == 7:
            made.append(through_intake(procedure, slots[i], S.WAITLIST, S.JURY_INVITED, S.JURY_FAILED))
        elif kind == 8:
            made.append(through_intake(procedure, slots[i], S.WAITLIST))
        else:
            made.append(walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE, S.INTAKE_INVITED, S.WITHDRAWN))
    return made
