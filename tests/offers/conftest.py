import pytest

from tests.offers.helpers import closed_round, hr_pair
from tests.pay.scales import create_pay_world
from tests.storage import private_storage_in


@pytest.fixture
def procedure(procedure):
    create_pay_world(procedure.function)
    return procedure


@pytest.fixture
def jury(procedure):
    """A closed jury round: the best passer is in stage offer, proposed for the vacancy."""
    return closed_round(procedure)


@pytest.fixture
def staff(db):
    """(maker, checker): two HR users, for the four-eyes rule."""
    return hr_pair()


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # A PV or any other stored file of a test lands in its own temporary folder.
    private_storage_in(settings, tmp_path)
