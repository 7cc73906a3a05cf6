import pytest

from tests.interviews.helpers import future_session, invite


@pytest.fixture
def session(procedure):
    return future_session(procedure)


@pytest.fixture
def invited(application):
    return invite(application)
