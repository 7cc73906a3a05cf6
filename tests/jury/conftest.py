import pytest

from tests.jury.helpers import add_bundle_competencies


@pytest.fixture
def procedure(procedure):
    add_bundle_competencies(procedure.function)
    return procedure


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Case documents, reports and PVs of a test land in its own temporary folder.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}
