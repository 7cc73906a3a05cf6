"""A fixed cast for the back-office tests: HR, an interviewer (staff without the HR role), a candidate."""

import pytest
from django.core.files.base import ContentFile

from candidates.models import Document
from candidates.transitions import change_stage
from kortrijk_ats import roles
from tests.factories import ApplicationFactory, CandidateFactory, staff_user
from tests.storage import private_storage_in


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
    private_storage_in(settings, tmp_path)


@pytest.fixture
def interviewer(db):
    return staff_user(roles.INTERVIEWER, username="interviewer")


@pytest.fixture
def named_application(procedure):
    candidate = CandidateFactory(first_name="Griet", last_name="Vandenbussche", email="griet@example.org")
    return ApplicationFactory(candidate=candidate, procedure=procedure)
