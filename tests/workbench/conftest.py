import pytest

from tests.storage import private_storage_in
from tests.workbench.worlds import cast


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # A PV or any other stored file of a test lands in its own temporary folder.
    private_storage_in(settings, tmp_path)


@pytest.fixture
def people(db):
    """An interviewer, a juror (team leader) and an HR member who chairs a round."""
    return cast()
