import pytest
from django.core.cache import cache

from tests.portal_public.vacancy import during_the_round


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts sign-ups, codes and confirmation mails in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def in_the_round():
    """The clock during the bundle's round (applications open, intake moments ahead)."""
    with during_the_round():
        yield
