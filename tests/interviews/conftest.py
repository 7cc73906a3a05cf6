import pytest
from django.core.servers.basehttp import WSGIServer

from tests.interviews.helpers import future_session, invite
from tests.storage import private_storage_in

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
def private_storage(settings, tmp_path):
    # Uploaded files of a test land in its own temporary folder, never in var/private.
    private_storage_in(settings, tmp_path)
