import pytest
from django.core.servers.basehttp import WSGIServer

from tests.interviews.helpers import future_session, invite

# The live server's listen backlog is 10 (Django's dev-server default); the booking races open 50 connections at
# once, which a production server (gunicorn: 2048) accepts. Conftests load before the session's live server binds.
WSGIServer.request_queue_size = 256


@pytest.fixture
def session(procedure):
    return future_session(procedure)


@pytest.fixture
def invited(application):
    return invite(application)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The factories hash a password per user; the races create dozens of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Uploaded files of a test land in its own temporary folder, never in var/private.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}
