"""Calibration (kalibratie): per juror, how far their scores lie from the consensus across the round.

Shown to the chair: the mean signed deviation (a juror who scores higher than the jury has a positive mean) and
the mean absolute deviation, over every part of every candidate where both the juror's submitted score and the
consensus exist.
"""

from dataclasses import dataclass
from fractions import Fraction

from interviews.models import ConsensusScore, JuryScore


@dataclass(frozen=True)
class Calibration:
    member: object
    count: int
    mean_deviation: Fraction | None
    mean_absolute_deviation: Fraction | None

    @property
    def mean_deviation_display(self):
        return _fmt(self.mean_deviation, signed=True)

    @property
    def mean_absolute_deviation_display(self):
        return _fmt(self.mean_absolute_deviation)


def _fmt(value, *, signed=False):
    if value is None:
        return "–"
    text = f"{float(value):+.2f}" if signed else f"{float(value):.2f}"
    return text.replace(".", ",")


def calibration(jury_round):
    consensus = {(c.jury_candidate_id, c.part): c.value
                 for c in ConsensusScore.objects.filter(jury_candidate__round=jury_round)}
    deviations = {}
    for score in (JuryScore.objects.filter(sheet__jury_candidate__round=jury_round, sheet__submitted_at__isnull=False)
                  .select_related("sheet")):
        agreed = consensus.get((score.sheet.jury_candidate_id, score.part))
        if agreed is not None:
            deviations.setdefault(score.sheet.member_id, []).append(score.value - agreed)
    result = []
    for member in jury_round.members.select_related("user").order_by("role"):
        values = deviations.get(member.pk, [])
        n = len(values)
        result.append(Calibration(member, n, Fraction(sum(values), n) if n else None,
                                  Fraction(sum(abs(v) for v in values), n) if n else None))
    return result
