"""Loading the steps of the selection (seed_data.STEPS) for a procedure's vacancy page."""

from dataclasses import asdict

from procedures import seed_data
from procedures.models import ProcedureStep


def seed_procedure_steps(procedure, *, seeder):
    """The bundle's steps of `procedure`, in order, through `seeder` (procedures.seeding.Seeder): a step the seed
    never made is created, or adopted when the procedure already has a step at that position (a database an older
    seed or HR filled); one it made stays as HR has it."""
    return [
        seeder.row(f"procedure-step:{procedure.slug}:{position}", ProcedureStep,
                   values={"procedure": procedure, "position": position, **asdict(step)},
                   adopt={"procedure": procedure, "position": position})
        for position, step in enumerate(seed_data.STEPS, start=1)
    ]
