import pytest


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Uploaded files and PVs of a test land in its own temporary folder; no virus scanner is asked.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    settings.CLAMD_ADDRESS = ""
