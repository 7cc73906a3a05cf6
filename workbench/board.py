"""The werkbank: per procedure, each kind of pending work with its count, the oldest item's age (or the first due
day) and the link to exactly that list. One grouped query per kind, whatever the number of rows or procedures."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Min, Q
from django.utils import timezone

from procedures.models import Procedure
from workbench.kinds import KINDS, NO_PROCEDURE, WorkKind


@dataclass(frozen=True)
class Pending:
    """One kind of work in one section of the werkbank."""

    kind: WorkKind
    count: int
    url: str
    oldest: datetime | None = None  # when the item that waits longest began to wait
    first_due: date | None = None  # the first due day among the items


@dataclass
class Section:
    """The werkbank of one procedure, or (procedure None) of the work tied to no procedure."""

    procedure: Procedure | None
    pending: list = field(default_factory=list)

    @property
    def total(self):
        return sum(item.count for item in self.pending)

    @property
    def key(self):
        return self.procedure.pk if self.procedure is not None else NO_PROCEDURE


@dataclass
class Board:
    sections: list
    now: datetime

    @property
    def total(self):
        return sum(section.total for section in self.sections)


def _grouped(kind, now):
    """{procedure id or None: (count, oldest, first_due)} of one kind, in one query."""
    aggregates = {"n": Count("pk", distinct=kind.spans_many)}
    if kind.since:
        aggregates["oldest"] = Min(kind.since)
    if kind.due:
        aggregates["first_due"] = Min(kind.due)
    items = kind.items(now=now).order_by()
    if kind.procedure_path is None:
        row = items.aggregate(**aggregates)
        rows = [{**row, "group": None}] if row["n"] else []
    else:
        rows = [{**row, "group": row[kind.procedure_path]}
                for row in items.values(kind.procedure_path).annotate(**aggregates)]
    return {row["group"]: (row["n"], row.get("oldest"), row.get("first_due")) for row in rows if row["n"]}


def build_board(*, now=None):
    """Every procedure that is open or has work waiting, each with its pending kinds; then the work of no procedure."""
    now = now or timezone.now()
    counted = [(kind, _grouped(kind, now)) for kind in KINDS]
    with_work = {group for _kind, groups in counted for group in groups if group is not None}
    procedures = (Procedure.objects.filter(Q(pk__in=with_work) | Q(status=Procedure.Status.OPEN))
                  .select_related("function").order_by("title", "pk"))
    sections = [Section(procedure) for procedure in procedures]
    general = Section(None)
    by_group = {section.procedure.pk: section for section in sections}
    for kind, groups in counted:
        for group, (count, oldest, first_due) in groups.items():
            section = by_group[group] if group is not None else general
            url_group = group if group is not None else (NO_PROCEDURE if kind.procedure_path else None)
            section.pending.append(Pending(kind, count, kind.list_url(url_group), oldest, first_due))
    if general.pending:
        sections.append(general)
    return Board(sections, now)
