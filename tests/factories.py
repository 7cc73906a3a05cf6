"""factory_boy factories for the domain. Fictitious people only."""

from datetime import date, time

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from candidates.models import Application, Candidate
from kortrijk_ats import roles
from procedures.models import Diploma, Function, IntakeSession, Procedure, Team


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


def staff_user(role, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def hr_user(**kwargs):
    return staff_user(roles.HR, **kwargs)


class FunctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Function
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Functie {n}")
    slug = factory.Sequence(lambda n: f"functie-{n}")
    grade = "B1-B3"
    reserve_months = 24  # fictitious test value: in the system it is HR's to enter (the bundle states none)


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    function = factory.SubFactory(FunctionFactory)
    title = factory.LazyAttribute(lambda p: p.function.name)
    slug = factory.Sequence(lambda n: f"procedure-{n}")
    status = Procedure.Status.OPEN
    contact_email = "vacatures@example.org"


class DiplomaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Diploma

    procedure = factory.SubFactory(ProcedureFactory)
    name = factory.Sequence(lambda n: f"Bachelor in het sociaal werk {n}")
    kind = Diploma.Kind.CURRENT


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Wijkteam {n}")
    kind = Team.Kind.NEIGHBOURHOOD


class IntakeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeSession

    procedure = factory.SubFactory(ProcedureFactory)
    date = date(2026, 1, 20)
    starts_at = time(9, 0)
    ends_at = time(12, 0)
    label = "voormiddag"


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    user = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = factory.Sequence(lambda n: f"Achternaam{n}")
    email = factory.LazyAttribute(lambda c: c.user.email)
    birth_date = date(1995, 5, 17)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    candidate = factory.SubFactory(CandidateFactory)
    procedure = factory.SubFactory(ProcedureFactory)
    diploma = factory.LazyAttribute(lambda a: DiplomaFactory(procedure=a.procedure))
