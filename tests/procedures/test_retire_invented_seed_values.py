"""The data migration that takes back what an older seed invented, where it is still exactly what that seed wrote;
what HR changed or already uses stays."""

import importlib
from datetime import date, time, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from candidates.models import PoolEntry
from interviews.models import IntakeSlot, JuryRound, VacancyProposal
from offers.models import ExtractModel, Offer
from procedures import seed_data
from procedures.models import Diploma, IntakeSession, Procedure, Team
from tests.factories import ApplicationFactory, hr_user
from tests.jury.helpers import make_vacancy

pytestmark = pytest.mark.django_db

migration = importlib.import_module("procedures.migrations.0005_retire_invented_seed_values")
OLD_FOREIGN = "Buitenlands diploma met gelijkwaardigheidsverklaring"


@pytest.fixture
def old_seed():
    """The database as the older seed_kortrijk left it."""
    call_command("seed_kortrijk", stdout=StringIO())
    procedure = Procedure.objects.select_related("function").get(slug=seed_data.PROCEDURE_SLUG)
    procedure.function.reserve_months = 24
    procedure.function.save()
    for day, _label, (starts_at, ends_at) in migration.OLD_SESSIONS:
        IntakeSession.objects.filter(procedure=procedure, date=day).update(starts_at=starts_at, ends_at=ends_at)
    for name, description in migration.OLD_TEAMS:
        Team.objects.create(name=name, description=description,
                            kind=Team.Kind.NEIGHBOURHOOD if name.startswith("Wijkteam") else Team.Kind.CENTRAL)
    Diploma.objects.create(procedure=procedure, name=OLD_FOREIGN, kind=Diploma.Kind.FOREIGN, position=14)
    return procedure


def retire():
    migration.retire_invented_values(apps, None)


def test_values_the_older_seed_invented_go(old_seed):
    retire()
    old_seed.function.refresh_from_db()
    assert old_seed.function.reserve_months is None
    assert "de infobundel vermeldt ze niet" in old_seed.function.internal_note
    assert not old_seed.intake_sessions.filter(starts_at__isnull=False).exists()
    assert not Team.objects.filter(active=True).exists()
    assert not Team.objects.exclude(description="").exists()
    wijkteams = Team.objects.filter(name__startswith="Wijkteam")
    assert all("HR geeft dit team zijn echte naam" in t.internal_note for t in wijkteams)
    assert not old_seed.diplomas.filter(name=OLD_FOREIGN).exists()
    assert old_seed.diplomas.count() == 13
    retire()  # a second run finds nothing more to do
    assert old_seed.function.internal_note.count("de infobundel vermeldt ze niet") == 1


def test_what_hr_changed_or_uses_stays(old_seed):
    old_seed.function.reserve_months = 36
    old_seed.function.save()
    IntakeSession.objects.filter(procedure=old_seed, date=date(2026, 1, 22)).update(ends_at=time(12, 30))
    with_slots = IntakeSession.objects.get(procedure=old_seed, date=date(2026, 1, 20))
    start = timezone.make_aware(timezone.datetime(2026, 1, 20, 9))
    IntakeSlot.objects.create(session=with_slots, starts_at=start, ends_at=start + timedelta(minutes=20))
    Team.objects.filter(name="Wijkteam 3").update(name="Wijkteam Heule")
    Team.objects.filter(name="Centraal team detentie").update(description="Begeleiding in en na detentie.")
    foreign = old_seed.diplomas.get(name=OLD_FOREIGN)
    ApplicationFactory(procedure=old_seed, diploma=foreign)

    retire()

    old_seed.function.refresh_from_db()
    assert old_seed.function.reserve_months == 36
    assert {s.date: s.hours for s in old_seed.intake_sessions.all()} == {
        date(2026, 1, 20): "09:00–12:00", date(2026, 1, 22): "09:00–12:30", date(2026, 1, 23): "",
        date(2026, 1, 26): ""}
    assert set(Team.objects.filter(active=True).values_list("name", flat=True)) == {
        "Wijkteam Heule", "Centraal team detentie"}
    heule = Team.objects.get(name="Wijkteam Heule")  # renamed by HR: stays on, but the seed's note leaves the public
    assert heule.description == "" and "HR geeft dit team zijn echte naam" in heule.internal_note
    assert Team.objects.get(name="Centraal team detentie").description == "Begeleiding in en na detentie."
    assert old_seed.diplomas.filter(name=OLD_FOREIGN).exists()


def reserve_place(procedure):
    application = ApplicationFactory(procedure=procedure)
    PoolEntry.objects.create(application=application, function=procedure.function, kind=PoolEntry.Kind.RESERVE,
                             valid_from=date(2025, 1, 1), expires_on=date(2027, 1, 1))


def jury_round(procedure):
    JuryRound.objects.create(vacancy=make_vacancy(procedure))


def job_offer(procedure):
    vacancy = make_vacancy(procedure)
    proposal = VacancyProposal.objects.create(vacancy=vacancy, application=ApplicationFactory(procedure=procedure),
                                              source=VacancyProposal.Source.MATCH)
    hr = hr_user()
    Offer.objects.create(proposal=proposal, experience_proofs="-", team=vacancy.team, start_date=vacancy.start_date,
                         schedule="-", workplace="-", tasks="-", extract_model=ExtractModel.MODEL_595, created_by=hr,
                         prepared_by=hr)


@pytest.mark.parametrize("use", [reserve_place, jury_round, job_offer])
def test_a_reserve_validity_in_use_stays(old_seed, use):
    use(old_seed)
    retire()
    old_seed.function.refresh_from_db()
    assert old_seed.function.reserve_months == 24
    assert "de infobundel vermeldt ze niet" not in old_seed.function.internal_note


def test_a_waitlist_place_does_not_keep_the_reserve_validity(old_seed):
    application = ApplicationFactory(procedure=old_seed)
    PoolEntry.objects.create(application=application, function=old_seed.function, kind=PoolEntry.Kind.WAITLIST,
                             valid_from=date(2025, 1, 1), expires_on=date(2026, 1, 1))
    retire()
    old_seed.function.refresh_from_db()
    assert old_seed.function.reserve_months is None
