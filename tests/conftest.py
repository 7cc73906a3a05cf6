import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils import translation

from kortrijk_ats.public_cache import CACHE_ALIAS
from tests.auth import login_staff
from tests.factories import ApplicationFactory, ProcedureFactory, hr_user
from tests.smtp_sink import SMTPSink

# Every log record of the run goes to test-artifacts/; the run fails if it holds an INSZ, password or token.
# tests.xdist_scheduling: which tests share one pytest-xdist worker.
pytest_plugins = ["tests.log_scan", "tests.xdist_scheduling"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every factory user gets a hashed password; the production hasher costs ~0.3 s per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def dutch_first():
    # Each test starts in the portal's first language: an English request or activate() never carries into the next.
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


def forget_public_pages():
    """Drop the anonymous copies of public pages (kortrijk_ats/public_cache.py), as their lifetime ending would."""
    caches[CACHE_ALIAS].clear()


@pytest.fixture(autouse=True)
def fresh_public_pages():
    # The copies live per process: a test never sees a page rendered for another test.
    forget_public_pages()


@pytest.fixture
def hr(db):
    return hr_user(username="hr")


@pytest.fixture
def hr_client(client, hr):
    """The test client, logged in as HR (with the second factor passed)."""
    login_staff(client, hr)
    return client


@pytest.fixture
def procedure(db):
    return ProcedureFactory()


@pytest.fixture
def application(procedure):
    return ApplicationFactory(procedure=procedure)


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on loopback, with Django's SMTP backend pointed at it."""
    with SMTPSink() as sink:
        for name, value in sink.django_settings().items():
            setattr(settings, name, value)
        yield sink
