import pytest

from tests.factories import ApplicationFactory, ProcedureFactory, hr_user


@pytest.fixture
def hr(db):
    return hr_user(username="hr")


@pytest.fixture
def procedure(db):
    return ProcedureFactory()


@pytest.fixture
def application(procedure):
    return ApplicationFactory(procedure=procedure)
