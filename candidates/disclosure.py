"""What a candidate may see of their own outcome (bekendmaking): nothing before HR released it.

An outcome mail (not eligible, failed, reserve, offer withdrawn) waits as a draft until HR releases it; until then
the stage change it announces is hidden from the candidate everywhere: the timeline, the application page, the
apply refusal (a ban, a waitlist or reserve place) and every mail that would mention it. visible_transitions() is
the one rule; every other function here, and every candidate-facing page, reads from it.
"""

from candidates.models import PoolEntry
from candidates.stages import BANNING_STAGES, CLOSED_STAGES, Stage
from candidates.transitions import STAGE_MAIL
from communications.models import Mail

# The stage whose mail tells the candidate of a place.
PLACE_STAGE = {PoolEntry.Kind.WAITLIST: Stage.WAITLIST, PoolEntry.Kind.RESERVE: Stage.RESERVE}


def visible_transitions(application):
    """The transitions the candidate may see: not those whose outcome mail waits as a draft for HR.

    Reads application.transitions and application.mails (prefetched by candidates.timeline.for_portal)."""
    held = [mail for mail in application.mails.all() if mail.state == Mail.State.DRAFT]
    visible = []
    for transition in application.transitions.all():
        event = STAGE_MAIL.get(Stage(transition.to_stage))
        if event and any(m.event == event.key and m.created_at >= transition.created_at for m in held):
            continue
        visible.append(transition)
    return visible


def shown_stage(application):
    """The stage as the candidate knows it: the last transition they may see, else screening."""
    visible = visible_transitions(application)
    return Stage(visible[-1].to_stage) if visible else Stage.SCREENING


def outcome_waiting(application):
    """HR decided something the candidate has not been told yet: the page must not act on the real stage."""
    return shown_stage(application) != Stage(application.stage)


def told_of(application, stages):
    """Was the candidate told that the application reached one of these stages?"""
    return any(Stage(t.to_stage) in stages for t in visible_transitions(application))


def ban_told(ban):
    """Was the person told of the failure that led to this ban? A ban no longer tied to an application (its person
    erased) was told by the erasure's confirmation mail, which lists what is kept."""
    return ban.application_id is None or told_of(ban.application, BANNING_STAGES)


def place_told(entry):
    """Was the candidate told of this waitlist or reserve place (the mail of the stage that opened it)?"""
    return told_of(entry.application, {PLACE_STAGE[entry.kind]})


def may_withdraw(application):
    """Withdrawing is offered while the application is open as the candidate knows it."""
    return shown_stage(application) not in CLOSED_STAGES
