"""Loading the steps of the selection (seed_data.STEPS) for a procedure's vacancy page."""

from dataclasses import asdict

from procedures import seed_data
from procedures.models import ProcedureStep


def seed_procedure_steps(procedure, *, create):
    """The bundle's steps of `procedure`, in order. `create(key, model, values)` is the seed command's row owner: it
    creates the row the key names, or leaves (or refreshes) the one it made before."""
    return [
        create(f"procedure-step:{procedure.slug}:{position}", ProcedureStep,
               {"procedure": procedure, "position": position, **asdict(step)})
        for position, step in enumerate(seed_data.STEPS, start=1)
    ]
