"""Fixtures of the candidate portal tests: a procedure with its catalogue, candidates, private storage in tmp."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from procedures.models import Diploma
from tests.factories import DiplomaFactory, FunctionFactory, IntakeSessionFactory, ProcedureFactory, UserFactory
from tests.storage import private_storage_in


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Documents go to a fresh private root per test, never next to the static files."""
    root = private_storage_in(settings, tmp_path)
    settings.PRIVATE_STORAGE_ROOT = root
    settings.CLAMD_ADDRESS = ""
    return root


@pytest.fixture
def function(db):
    return FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker")


@pytest.fixture
def procedure(function):
    return make_procedure(function)


def make_procedure(function):
    """The bundle's procedure as the portal tests know it: four diplomas of each kind, one intake moment."""
    procedure = ProcedureFactory(function=function, title="Maatschappelijk werker (B1-B3)",
                                 slug="maatschappelijk-werker", contact_email="selectie@example.org")
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    DiplomaFactory(procedure=procedure, name="Bachelor orthopedagogie", kind=Diploma.Kind.CURRENT)
    DiplomaFactory(procedure=procedure, name="Maatschappelijk assistent (oud)", kind=Diploma.Kind.OLD)
    DiplomaFactory(procedure=procedure, name="Buitenlands diploma, gelijkwaardig", kind=Diploma.Kind.FOREIGN)
    today = timezone.localdate()
    IntakeSessionFactory(procedure=procedure, date=today + timedelta(days=30), starts_at=time(9), ends_at=time(12),
                         label="voormiddag")
    return procedure


@pytest.fixture
def other_procedure(db):
    """An open procedure of another function: a ban on the first function does not bar it."""
    return ProcedureFactory(function=FunctionFactory(name="Administratief medewerker", slug="administratief"),
                            title="Administratief medewerker (C1-C3)", slug="administratief-medewerker")


def current_diploma(procedure):
    return procedure.diplomas.get(kind=Diploma.Kind.CURRENT, name="Bachelor in het sociaal werk")


def foreign_diploma(procedure):
    return procedure.diplomas.get(kind=Diploma.Kind.FOREIGN)


@pytest.fixture
def user(db):
    return UserFactory(username="ann", email="ann@example.org")


@pytest.fixture
def client_a(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def form_data(procedure, **overrides):
    data = {
        "first_name": "Ann", "last_name": "Peeters", "phone": "056 27 80 00", "street": "Grote Markt 54",
        "postal_code": "8500", "city": "Kortrijk", "birth_date": "17/05/1995",
        "diploma_detail": "",
        "years_public_sector": "2", "years_private_sector": "3,5", "motivation": "Ik werk graag met mensen.",
        "accommodations": "", "privacy_acknowledged": "on",
    }
    data.update(overrides)
    if "diploma" not in overrides:
        data["diploma"] = str(current_diploma(procedure).pk)
    return {key: value for key, value in data.items() if value is not None}


BIRTH_DATE = date(1995, 5, 17)
