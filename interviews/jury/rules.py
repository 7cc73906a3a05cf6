"""Who may do what in the jury step, as django-rules predicates (loaded by rules' autodiscovery).

Objects: a JuryRound, or a JuryCandidate (its round decides). A juror's seat counts only while it is active: it
ends when the round closes (JuryMember.active_until), so an external expert sees nothing afterwards. HR (the
selection team in the back office) reads everything but scores nothing.
"""

import rules

from interviews.jury.rounds import membership
from interviews.models import ConflictDeclaration, JuryCandidate, JuryMember, JuryRound, ScoreSheet
from kortrijk_ats.roles import is_hr


def _round(obj):
    if isinstance(obj, JuryRound):
        return obj
    if isinstance(obj, JuryCandidate):
        return obj.round
    return None


def _seat(user, obj):
    jury_round = _round(obj)
    return membership(user, jury_round) if jury_round is not None else None


@rules.predicate
def is_hr_user(user):
    return is_hr(user)


@rules.predicate
def sits_on_round(user, obj):
    """An active seat in the object's round."""
    return _seat(user, obj) is not None


@rules.predicate
def chairs_round(user, obj):
    seat = _seat(user, obj)
    return seat is not None and seat.role == JuryMember.Role.CHAIR


def _round_in(status):
    def check(user, obj):
        jury_round = _round(obj)
        return jury_round is not None and jury_round.status == status
    return rules.predicate(check, name=f"round_is_{status}")


round_is_open = _round_in(JuryRound.Status.OPEN)
round_is_decided = _round_in(JuryRound.Status.DECIDED)
round_is_closed = _round_in(JuryRound.Status.CLOSED)


@rules.predicate
def recused_from_candidate(user, jury_candidate):
    seat = _seat(user, jury_candidate)
    return seat is not None and ConflictDeclaration.objects.filter(
        member=seat, jury_candidate=jury_candidate, has_conflict=True).exists()


@rules.predicate
def declared_no_conflict(user, jury_candidate):
    seat = _seat(user, jury_candidate)
    return seat is not None and ConflictDeclaration.objects.filter(
        member=seat, jury_candidate=jury_candidate, has_conflict=False).exists()


@rules.predicate
def submitted_own_sheet(user, jury_candidate):
    seat = _seat(user, jury_candidate)
    return seat is not None and ScoreSheet.objects.filter(
        member=seat, jury_candidate=jury_candidate, submitted_at__isnull=False).exists()


# The round: its candidates list and schedule.
rules.add_perm("interviews.view_juryround", is_hr_user | sits_on_round)
# One candidate's file (application, questionnaire result): not for a juror who recused from them.
rules.add_perm("interviews.view_jurycandidate", is_hr_user | (sits_on_round & ~recused_from_candidate))
rules.add_perm("interviews.declare_conflict", sits_on_round & round_is_open)
rules.add_perm("interviews.score_jurycandidate", sits_on_round & round_is_open & declared_no_conflict)
# The other jurors' scores: only after submitting one's own (HR, who does not score, may read them).
rules.add_perm("interviews.view_jury_scores", is_hr_user | (sits_on_round & submitted_own_sheet))
rules.add_perm("interviews.lead_consensus", chairs_round & round_is_open)
rules.add_perm("interviews.view_calibration", chairs_round | is_hr_user)
rules.add_perm("interviews.approve_pv", sits_on_round & round_is_decided)
rules.add_perm("interviews.download_pv", is_hr_user & round_is_closed)
