import pytest

from tests.storage import private_storage_in


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Uploaded files and PVs of a test land in its own temporary folder; no virus scanner is asked.
    settings.PRIVATE_STORAGE_ROOT = private_storage_in(settings, tmp_path)
    settings.CLAMD_ADDRESS = ""
