"""Stored files of a test in a folder of its own, never in var/private."""


def private_storage_in(settings, tmp_path):
    """Point the default storage at tmp_path/private for this test; returns that folder."""
    root = tmp_path / "private"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root, "base_url": None}}}
    return root
