"""The pipeline of one procedure: its stages in the order the transition table walks them, each with its count and
the people waiting longest. Two queries, whatever the number of applications."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Min, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.http import urlencode

from candidates.models import Application
from candidates.stages import ALLOWED_TRANSITIONS, CLOSED_STAGES, Stage

WAITING_SHOWN = 5  # names per column: those who wait longest


def stage_order():
    """Every stage, ordered by the longest way to it from screening in the transition table (a way never passes a
    stage twice, so the step back from the jury to the waitlist does not count); ties keep the table's own order."""
    declared = list(Stage)
    depth = {}

    def walk(stage, steps, path):  # every simple path: the table is small
        depth[stage] = max(depth.get(stage, 0), steps)
        for next_stage in ALLOWED_TRANSITIONS.get(stage, ()):
            if next_stage not in path:
                walk(next_stage, steps + 1, path | {next_stage})

    walk(Stage.SCREENING, 0, {Stage.SCREENING})
    unreachable = [stage for stage in declared if stage not in depth]
    return sorted(depth, key=lambda stage: (depth[stage], declared.index(stage))) + unreachable


@dataclass
class Column:
    stage: Stage
    count: int = 0
    oldest: datetime | None = None  # stage_changed_at of who waits longest
    waiting: list = field(default_factory=list)  # the first WAITING_SHOWN applications, longest waiting first
    url: str = ""

    @property
    def more(self):
        return self.count - len(self.waiting)


@dataclass
class Pipeline:
    procedure: object
    columns: list  # the open stages: where people wait
    closed: list  # the closed stages: counts only

    @property
    def total(self):
        return sum(column.count for column in self.columns + self.closed)


def stage_list_url(procedure, stage):
    """The applications list filtered on the procedure and the stage (the admin's own filters)."""
    return reverse("admin:candidates_application_changelist") + "?" + urlencode(
        {"procedure__id__exact": procedure.pk, "stage__exact": stage})


def build_pipeline(procedure):
    applications = Application.objects.filter(procedure=procedure).order_by()
    counts = {row["stage"]: row for row in
              applications.values("stage").annotate(n=Count("pk"), oldest=Min("stage_changed_at"))}
    waiting = (applications.exclude(stage__in=CLOSED_STAGES)
               .annotate(place=Window(RowNumber(), partition_by=[F("stage")],
                                      order_by=[F("stage_changed_at").asc(), F("pk").asc()]))
               .filter(place__lte=WAITING_SHOWN)
               .select_related("candidate")
               .only("stage", "stage_changed_at", "candidate__first_name", "candidate__last_name",
                     "candidate__erased_at")
               .order_by("stage_changed_at", "pk"))
    columns = {}
    for stage in stage_order():
        row = counts.get(stage, {})
        columns[stage] = Column(stage, row.get("n", 0), row.get("oldest"), url=stage_list_url(procedure, stage))
    for application in waiting:
        columns[Stage(application.stage)].waiting.append(application)
    return Pipeline(procedure, [c for s, c in columns.items() if s not in CLOSED_STAGES],
                    [c for s, c in columns.items() if s in CLOSED_STAGES])
