import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every factory user gets a hashed password; the production hasher costs ~0.3 s per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
