"""Bringing an application into a given stage the only legal way: through change_stage(), along the table."""

from collections import deque

from candidates.stages import ALLOWED_TRANSITIONS, Stage
from candidates.transitions import change_stage


def path_to(stage):
    """The stages after screening on the shortest allowed path to `stage` (deterministic: ties broken by name)."""
    stage = Stage(stage)
    previous = {Stage.SCREENING: None}
    queue = deque([Stage.SCREENING])
    while queue:
        current = queue.popleft()
        for following in sorted(ALLOWED_TRANSITIONS.get(current, ())):
            if following not in previous:
                previous[following] = current
                queue.append(following)
    if stage not in previous:
        raise ValueError(f"{stage} cannot be reached from screening")
    path = []
    while stage != Stage.SCREENING:
        path.append(stage)
        stage = previous[stage]
    return path[::-1]


def walk_to(application, stage, *, by):
    for to in path_to(stage):
        change_stage(application, to=to, by=by, reason="Op weg naar de beginfase van de test")
    return application
