"""What a jury round scores and when a candidate passes.

The parts (onderdelen): the function's competencies (Bijlage 2) together form one part, then job insight,
knowledge and experience, motivation and, when the round has one, the case. Every item is scored on the round's
scale; a part's percentage is its points out of the maximum points (score / highest score of the scale). The total
is the mean of the parts' percentages (each part weighs the same). A candidate passes with at least the round's
minimum on every part (default 50 %) and on the total (default 60 %). Arithmetic is exact (fractions), so 50 %
on the dot passes and 49.99 % does not.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Prefetch
from django.utils.translation import gettext, gettext_lazy

from procedures.models import BehaviouralIndicator, Competency

COMPETENCIES_GROUP = "competencies"
COMPETENCY_PREFIX = "competency-"
OTHER_PARTS = (
    ("job_insight", gettext_lazy("Inzicht in de job")),
    ("knowledge_experience", gettext_lazy("Kennis en ervaring")),
    ("motivation", gettext_lazy("Motivatie")),
    ("case", gettext_lazy("Case")),
)


@dataclass(frozen=True)
class Item:
    """One scored item: a competency (with its definition and behavioural indicators as anchors) or another part."""

    key: str
    label: str
    group: str
    definition: str = ""
    indicators: tuple = ()


@dataclass(frozen=True)
class Outcome:
    part_percents: dict  # group -> Fraction (0..100)
    total_percent: Fraction
    passed: bool
    failed_groups: tuple


def competency_key(competency):
    return f"{COMPETENCY_PREFIX}{competency.pk}"


def items_for(jury_round):
    """The items of the round in the order the jurors score them: the competencies first, then the other parts."""
    competencies = (Competency.objects.filter(function_id=jury_round.vacancy.function_id)
                    .prefetch_related(Prefetch("indicators", queryset=BehaviouralIndicator.objects.order_by(
                        "position", "id")))
                    .order_by("position", "id"))
    items = [Item(competency_key(c), c.name, COMPETENCIES_GROUP, c.definition,
                  tuple(i.text for i in c.indicators.all())) for c in competencies]
    for key, label in OTHER_PARTS:
        if key == "case" and jury_round.work_case == jury_round.WorkCase.NONE:
            continue
        items.append(Item(key, label, key))
    return items


def group_labels(items):
    labels = {}
    for item in items:
        labels.setdefault(item.group, gettext("Competenties") if item.group == COMPETENCIES_GROUP else item.label)
    return labels


def scale_error(jury_round, value):
    """The reason a value is not on the round's scale, or "" when it is."""
    if value is None or not (jury_round.scale_min <= value <= jury_round.scale_max):
        return gettext("Een score ligt op de schaal van %(min)s tot %(max)s; ‘%(value)s’ kan niet.") % {
            "min": jury_round.scale_min, "max": jury_round.scale_max,
            "value": gettext("leeg") if value is None else value}
    return ""


def checked_entries(jury_round, entries, *, note_missing, refused):
    """The entries (item key -> (value, note)) with their notes stripped, or `refused(errors, fields)` raised for
    every item that is not the round's, off its scale, or without a note (`note_missing`, with %(part)s)."""
    items = {item.key: item for item in items_for(jury_round)}
    errors, fields, clean = {}, {}, {}
    for key, (value, note) in entries.items():
        note = (note or "").strip()
        if key not in items:
            errors[key] = gettext("‘%(part)s’ is geen onderdeel van deze juryronde.") % {"part": key}
            fields[key] = None
        elif problem := scale_error(jury_round, value):
            errors[key], fields[key] = f"{items[key].label}: {problem}", refused.VALUE
        elif not note:
            errors[key], fields[key] = note_missing % {"part": items[key].label}, refused.NOTE
        else:
            clean[key] = (value, note)
    if errors:
        raise refused(errors, fields)
    return clean, items


def evaluate(jury_round, items, values):
    """The outcome for a candidate from their consensus values (item key -> score). Every item must have a value."""
    points, maximum = {}, {}
    for item in items:
        points[item.group] = points.get(item.group, 0) + values[item.key]
        maximum[item.group] = maximum.get(item.group, 0) + jury_round.scale_max
    part_percents = {group: Fraction(points[group] * 100, maximum[group]) for group in points}
    total = sum(part_percents.values(), Fraction(0)) / len(part_percents)
    failed = tuple(group for group, percent in part_percents.items() if percent < jury_round.pass_part_percent)
    passed = not failed and total >= jury_round.pass_total_percent
    return Outcome(part_percents, total, passed, failed)


def as_decimal(fraction):
    """A percentage for display and storage, rounded half up to 2 decimals."""
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
