"""The ban rule: failing the intake or the jury bars the person from the same function for 12 months."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from candidates.bans import ban_in_force
from candidates.models import Ban
from candidates.stages import Stage
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory, CandidateFactory, FunctionFactory, ProcedureFactory, UserFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def fail_at(stage, *, on, by, **application_kwargs):
    application = ApplicationFactory(**application_kwargs)
    with time_machine.travel(datetime(on.year, on.month, on.day, 14, 0, tzinfo=BRUSSELS), tick=False):
        walk_to(application, stage, by=by)
    return application


@pytest.mark.parametrize("failed_stage", [Stage.INTAKE_FAILED, Stage.JURY_FAILED])
@pytest.mark.parametrize(("day", "banned"), [
    (date(2026, 1, 22), False),  # the day before the decision
    (date(2026, 1, 23), True),  # the day of the decision
    (date(2026, 7, 1), True),
    (date(2027, 1, 22), True),  # the last day of the ban
    (date(2027, 1, 23), False),  # welcome again: 12 months after the decision
    (date(2027, 1, 24), False),
])
def test_a_failure_bars_the_person_from_the_function_for_twelve_months(failed_stage, day, banned, hr):
    application = fail_at(failed_stage, on=date(2026, 1, 23), by=hr)
    ban = ban_in_force(application.candidate, application.procedure.function, on=day)
    assert (ban is not None) == banned
    if banned:
        assert ban.ends_on == date(2027, 1, 23)
        assert ban.application == application


def test_the_ban_holds_for_every_procedure_of_the_same_function(hr):
    application = fail_at(Stage.INTAKE_FAILED, on=date(2026, 1, 23), by=hr)
    next_round = ProcedureFactory(function=application.procedure.function, title="Maatschappelijk werker (2e ronde)")
    assert ban_in_force(application.candidate, next_round.function, on=date(2026, 9, 1)) is not None


def test_the_ban_does_not_bar_another_functions_procedure(hr):
    application = fail_at(Stage.JURY_FAILED, on=date(2026, 1, 23), by=hr)
    other = ProcedureFactory(function=FunctionFactory(name="Administratief medewerker", slug="admin-mw",
                                                      grade="C1-C3"))
    assert ban_in_force(application.candidate, other.function, on=date(2026, 2, 1)) is None
    # ...and the person can indeed apply there and move on.
    elsewhere = ApplicationFactory(candidate=application.candidate, procedure=other)
    walk_to(elsewhere, Stage.INTAKE_INVITED, by=hr)
    assert elsewhere.stage == Stage.INTAKE_INVITED


def test_the_ban_follows_the_person_to_a_new_account_with_the_same_address(hr):
    application = fail_at(Stage.INTAKE_FAILED, on=date(2026, 1, 23), by=hr)
    address = application.candidate.email
    same_person = CandidateFactory(user=UserFactory(username="nieuw-account"), email=f"  {address.upper()} ")
    someone_else = CandidateFactory(email="iemand.anders@example.org")
    function = application.procedure.function
    assert ban_in_force(same_person, function, on=date(2026, 6, 1)) == Ban.objects.get()
    assert ban_in_force(someone_else, function, on=date(2026, 6, 1)) is None


def test_the_ban_knows_the_same_address_typed_in_another_unicode_form(hr):
    # "ü" as one character or as u + combining diaeresis: one mailbox (the domain's IDNA form is the same).
    application = fail_at(Stage.INTAKE_FAILED, on=date(2026, 1, 23), by=hr,
                          candidate=CandidateFactory(email="ann@b\u00fccher.example"))
    same_person = CandidateFactory(user=UserFactory(username="ander-account"), email="Ann@Bu\u0308cher.example ")
    assert "ann@bu\u0308cher.example".encode("idna") == "ann@b\u00fccher.example".encode("idna")
    assert ban_in_force(same_person, application.procedure.function, on=date(2026, 6, 1)) == Ban.objects.get()


def test_the_ban_survives_the_erasure_of_the_candidate(hr):
    application = fail_at(Stage.INTAKE_FAILED, on=date(2026, 1, 23), by=hr)
    function, address = application.procedure.function, application.candidate.email
    application.candidate.user.delete()  # erasure: the candidate and the application go, the keyed hash stays
    ban = Ban.objects.get()
    assert (ban.candidate, ban.application) == (None, None)
    returning = CandidateFactory(email=address)
    assert ban_in_force(returning, function, on=date(2026, 6, 1)) == ban


@pytest.mark.parametrize(("decided_on", "ban_months", "first_free_day"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),  # 31 January + 1 month: the end of February
    (date(2024, 1, 31), 1, date(2024, 2, 29)),  # in a leap year
    (date(2024, 2, 29), 12, date(2025, 2, 28)),  # from a leap day
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 12, 31), 12, date(2027, 12, 31)),
])
def test_the_ban_ends_on_the_calendar_day_months_later(decided_on, ban_months, first_free_day, hr):
    function = FunctionFactory(ban_months=ban_months)
    application = fail_at(Stage.INTAKE_FAILED, on=decided_on, by=hr, procedure=ProcedureFactory(function=function))
    ban = Ban.objects.get()
    assert (ban.starts_on, ban.ends_on) == (decided_on, first_free_day)
    candidate = application.candidate
    assert ban_in_force(candidate, function, on=date.fromordinal(first_free_day.toordinal() - 1)) == ban
    assert ban_in_force(candidate, function, on=first_free_day) is None
