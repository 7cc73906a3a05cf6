"""A fixed cast for the back-office tests: HR, an interviewer (staff without the HR role), a candidate."""

import pytest
from django.core.files.base import ContentFile

from candidates.models import Document
from candidates.transitions import change_stage
from kortrijk_ats import roles
from tests.factories import ApplicationFactory, CandidateFactory, staff_user


def walk(application, *stages, by):
    """Move an application through stages the way HR would: one change_stage() per step."""
    for stage in stages:
        change_stage(application, to=stage, by=by)
    return application


def add_document(application, name="diploma.pdf", kind=Document.Kind.DIPLOMA):
    content = b"%PDF-1.4\n% fictitious diploma\n"
    return Document.objects.create(application=application, kind=kind, file=ContentFile(content, name="upload"),
                                   original_name=name, content_type="application/pdf", size=len(content))


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    # Uploaded files of a test land in its own temporary folder, never in var/private.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The factories hash a password per user; the production hasher would spend most of this suite's time on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def interviewer(db):
    return staff_user(roles.INTERVIEWER, username="interviewer")


@pytest.fixture
def named_application(procedure):
    candidate = CandidateFactory(first_name="Griet", last_name="Vandenbussche", email="griet@example.org")
    return ApplicationFactory(candidate=candidate, procedure=procedure)
