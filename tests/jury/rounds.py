"""A jury round walked to its end through the domain, for the PV, access and feedback tests."""

from interviews.jury.conflicts import declare_conflict
from interviews.jury.consensus import close_deliberation, set_consensus
from interviews.jury.outcomes import approve_pv
from interviews.jury.parts import items_for
from tests.jury.helpers import score_all


def decide(jury, *, values=(4, 2), approve=True):
    """Ann scores values[0], Bert values[1] everywhere; the external expert recuses from Bert. Returns the round."""
    jury_round, (ann, bert), chair, leader, external = jury
    declare_conflict(external, bert, has_conflict=True, note="Vroegere collega van de kandidaat.")
    for jc, value in ((ann, values[0]), (bert, values[1])):
        for member in (chair, leader, external):
            if member is external and jc is bert:
                continue
            score_all(member, jc, value)
        reasons = {item.key: (value, f"{item.label}: de jury zag niveau {value}.") for item in items_for(jury_round)}
        set_consensus(jc, by=chair.user, entries=reasons)
    jury_round.refresh_from_db()
    passers = [jc.pk for jc, value in ((ann, values[0]), (bert, values[1])) if value >= 3]
    close_deliberation(jury_round, by=chair.user, ranking=passers)
    if approve:
        for member in (chair, leader, external):
            approve_pv(jury_round, by=member.user)
    jury_round.refresh_from_db()
    return jury_round
