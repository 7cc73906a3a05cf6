import pytest

from tests.auth import login_staff


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The factories hash a password per user; the production hasher would spend most of the time on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hr_client(client, hr):
    login_staff(client, hr)
    return client
