import pytest

from tests.workbench.worlds import cast


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # A PV or any other stored file of a test lands in its own temporary folder.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}


@pytest.fixture
def people(db):
    """An interviewer, a juror (team leader) and an HR member who chairs a round."""
    return cast()
