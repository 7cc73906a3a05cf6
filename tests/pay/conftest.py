import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The factories hash a password per user; the production hasher would spend most of the time on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
