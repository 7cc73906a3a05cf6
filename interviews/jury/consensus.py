"""Consensus (consensus) led by the chair, the outcome per candidate and the jury's ranking.

The chair sees the jurors' submitted scores side by side; every part where they differ by 2 or more is flagged
for discussion. The chair enters the consensus score and its reason per part, once every juror who did not
recuse has submitted. The outcome follows the round's pass rule (parts.evaluate). Closing the deliberation fixes
the ranking of the passers: the best is proposed for the offer, the other passers go to the reserve, the others
fail. The stage changes follow when the PV is approved by every juror (outcomes.approve_pv).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from interviews.jury import ItemsRefused, JuryRefused
from interviews.jury.parts import as_decimal, checked_entries, evaluate, items_for
from interviews.jury.rounds import in_play
from interviews.models import ConflictDeclaration, ConsensusScore, JuryCandidate, JuryMember, JuryRound, ScoreSheet

FLAG_SPREAD = 2


class ConsensusRefused(ItemsRefused):
    """Some consensus entries were refused (see ItemsRefused). Nothing was saved."""


@dataclass
class Row:
    item: object
    scores: list = field(default_factory=list)  # (member, JuryScore or None), in the members' order
    consensus: ConsensusScore | None = None

    @property
    def values(self):
        return [score.value for _, score in self.scores if score is not None]

    @property
    def spread(self):
        return max(self.values) - min(self.values) if len(self.values) > 1 else 0

    @property
    def flagged(self):
        return self.spread >= FLAG_SPREAD


def _members(jury_round):
    return list(jury_round.members.select_related("user").order_by("role"))


def scoring_members(jury_candidate, members=None):
    """The jurors expected to score this candidate: every juror who did not recuse."""
    members = members if members is not None else _members(jury_candidate.round)
    recused = set(ConflictDeclaration.objects.filter(jury_candidate=jury_candidate, has_conflict=True)
                  .values_list("member_id", flat=True))
    return [m for m in members if m.pk not in recused]


def pending_members(jury_candidate, members=None):
    """Jurors who still have to submit their sheet for this candidate."""
    submitted = set(ScoreSheet.objects.filter(jury_candidate=jury_candidate, submitted_at__isnull=False)
                    .values_list("member_id", flat=True))
    return [m for m in scoring_members(jury_candidate, members) if m.pk not in submitted]


def side_by_side(jury_candidate):
    """One row per item with each juror's submitted score (None for a recusal or an unsubmitted sheet), the
    flag when they differ by 2 or more, and the consensus so far."""
    members = _members(jury_candidate.round)
    submitted = {s.member_id: {score.part: score for score in s.scores.all()}
                 for s in ScoreSheet.objects.filter(jury_candidate=jury_candidate, submitted_at__isnull=False)
                 .prefetch_related("scores")}
    consensus = {c.part: c for c in jury_candidate.consensus_scores.all()}
    return members, [Row(item, [(m, submitted.get(m.pk, {}).get(item.key)) for m in members],
                         consensus.get(item.key)) for item in items_for(jury_candidate.round)]


def _check_chair(jury_round, by):
    if not jury_round.members.filter(user=by, role=JuryMember.Role.CHAIR).exists():
        raise JuryRefused(gettext("Alleen de voorzitter van de jury legt de consensus vast."))


def set_consensus(jury_candidate, *, by, entries):
    """The chair records the consensus score and reason for some or all parts (item key -> (value, reason)).

    Only after every juror who did not recuse submitted; refused per part: off the scale, without a reason.
    """
    jury_round = jury_candidate.round
    _check_chair(jury_round, by)
    if not jury_round.is_open:
        raise JuryRefused(gettext("Deze juryronde is al beraadslaagd: de consensus ligt vast."))
    if jury_round.members.count() < len(JuryMember.Role):
        raise JuryRefused(gettext("De jury is nog niet volledig samengesteld."))
    waiting = pending_members(jury_candidate)
    if waiting:
        raise JuryRefused(gettext("Nog niet alle juryleden hebben hun scores ingediend: wacht op %(names)s.")
                          % {"names": ", ".join(m.display_name for m in waiting)})
    clean, _items = checked_entries(
        jury_round, entries, refused=ConsensusRefused,
        note_missing=gettext("%(part)s: een consensusscore heeft een motivering nodig."))
    with transaction.atomic():
        JuryCandidate.objects.select_for_update().get(pk=jury_candidate.pk)
        now = timezone.now()
        for key, (value, reason) in clean.items():
            ConsensusScore.objects.update_or_create(
                jury_candidate=jury_candidate, part=key,
                defaults={"value": value, "reason": reason, "decided_by": by, "decided_at": now})
    return outcome_for(jury_candidate)


def consensus_values(jury_candidate):
    return {c.part: c.value for c in jury_candidate.consensus_scores.all()}


def outcome_for(jury_candidate, *, items=None):
    """The candidate's outcome from the consensus, or None while a part has no consensus yet."""
    items = items if items is not None else items_for(jury_candidate.round)
    values = consensus_values(jury_candidate)
    if any(item.key not in values for item in items):
        return None
    return evaluate(jury_candidate.round, items, values)


def standings(jury_round):
    """Every candidate in play with their outcome (None while open), passers first by total, then waitlist order."""
    items = items_for(jury_round)
    rows = [(jc, outcome_for(jc, items=items)) for jc in in_play(jury_round).prefetch_related("consensus_scores")]
    return sorted(rows, key=lambda row: (
        row[1] is None, not (row[1] and row[1].passed), -(row[1].total_percent if row[1] else 0), row[0].position))


def close_deliberation(jury_round, *, by, ranking):
    """Close the deliberation: every candidate in play has a full consensus, and `ranking` lists exactly the
    passers (JuryCandidate ids), best first. The best is proposed for the offer, the other passers go to the
    reserve, the others fail. Records it on each candidate; the stage changes follow the PV's approval."""
    _check_chair(jury_round, by)
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().get(pk=jury_round.pk)
        if not locked.is_open:
            raise JuryRefused(gettext("De beraadslaging is al afgesloten."))
        rows = standings(locked)
        if not rows:
            raise JuryRefused(gettext("Er zijn geen kandidaten meer in deze juryronde."))
        unfinished = [jc.application.candidate.full_name for jc, outcome in rows if outcome is None]
        if unfinished:
            raise JuryRefused(gettext("Nog geen volledige consensus voor: %(names)s.")
                              % {"names": ", ".join(unfinished)})
        passers = {jc.pk for jc, outcome in rows if outcome.passed}
        ranking = [int(pk) for pk in ranking]
        if len(ranking) != len(set(ranking)) or set(ranking) != passers:
            raise JuryRefused(gettext("De rangschikking moet elke geslaagde kandidaat precies één keer bevatten."))
        rank_of = {pk: position for position, pk in enumerate(ranking, start=1)}
        JuryCandidate.objects.filter(round=locked).update(rank=None)
        for jc, outcome in rows:
            jc.passed = outcome.passed
            jc.total_percent = as_decimal(outcome.total_percent)
            jc.rank = rank_of.get(jc.pk)
            if not outcome.passed:
                jc.decision = JuryCandidate.Decision.FAIL
            elif jc.rank == 1:
                jc.decision = JuryCandidate.Decision.OFFER
            else:
                jc.decision = JuryCandidate.Decision.RESERVE
            jc.save(update_fields=["passed", "total_percent", "rank", "decision"])
        locked.status, locked.decided_at = JuryRound.Status.DECIDED, timezone.now()
        locked.save(update_fields=["status", "decided_at"])
    return locked


def reopen_deliberation(jury_round, *, by):
    """The chair reopens a closed deliberation before the PV is frozen; every approval given so far lapses."""
    _check_chair(jury_round, by)
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().get(pk=jury_round.pk)
        if locked.status != JuryRound.Status.DECIDED:
            raise JuryRefused(gettext("Alleen een afgesloten beraadslaging waarvan het PV nog niet vastligt, kan "
                                      "heropend worden."))
        kept = [JuryCandidate.Decision.ABSENT, JuryCandidate.Decision.WITHDRAWN]
        locked.candidates.exclude(decision__in=kept).update(
            rank=None, decision="", passed=None, total_percent=None)
        locked.members.update(pv_approved_at=None)
        locked.status, locked.decided_at = JuryRound.Status.OPEN, None
        locked.save(update_fields=["status", "decided_at"])
    return locked
