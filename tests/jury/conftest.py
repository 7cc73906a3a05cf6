import pytest

from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, waitlisted
from tests.storage import private_storage_in


@pytest.fixture
def procedure(procedure):
    add_bundle_competencies(procedure.function)
    return procedure


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Case documents, reports and PVs of a test land in its own temporary folder.
    private_storage_in(settings, tmp_path)


@pytest.fixture
def jury(procedure):
    """A round with two waitlist candidates and a full jury: (round, [jc1, jc2], chair, leader, external)."""
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    return jury_round, list(jury_round.candidates.order_by("position")), chair, leader, external
