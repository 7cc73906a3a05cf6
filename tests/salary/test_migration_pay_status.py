"""The migration to scale-version statuses keeps what the rows meant: an illustrative (demo) version becomes
fictitious; any other version was HR's entry of the city's figures and becomes official, keeping its source (or
saying where it came from) with the day it was entered as the source date; the demo career stays marked."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("procedures", "0005_retire_invented_seed_values")]
AFTER = [("procedures", "0006_pay_version_status")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_illustrative_becomes_fictitious_and_hrs_versions_become_official():
    old = migrate(BEFORE)
    try:
        scale = old.get_model("procedures", "PayScale").objects.create(code="B1")
        Version = old.get_model("procedures", "PayScaleVersion")
        demo = Version.objects.create(scale=scale, valid_from=date(2025, 3, 1), illustrative=True,
                                      source="Illustratief, geen loonschaal van stad Kortrijk.")
        sourced = Version.objects.create(scale=scale, valid_from=date(2026, 1, 1), source="Besluit gemeenteraad")
        unsourced = Version.objects.create(scale=scale, valid_from=date(2027, 1, 1))
        entered = timezone.make_aware(datetime(2025, 11, 21, 0, 30))  # just after midnight: the local day counts
        Version.objects.filter(pk__in=[sourced.pk, unsourced.pk]).update(created_at=entered)
        function = old.get_model("procedures", "Function").objects.create(name="Maatschappelijk werker",
                                                                          slug="mw", grade="B1-B3")
        old.get_model("procedures", "CareerScale").objects.create(function=function, position=1, scale=scale,
                                                                  illustrative=True)
        Step = old.get_model("procedures", "PayScaleStep")
        Step.objects.create(version=sourced, years=0, yearly_amount=Decimal("17300.00"))
    finally:
        new = migrate(AFTER)

    Version = new.get_model("procedures", "PayScaleVersion")
    demo, sourced, unsourced = (Version.objects.get(pk=pk) for pk in (demo.pk, sourced.pk, unsourced.pk))
    assert (demo.status, demo.source_date, demo.official_at) == ("fictitious", None, None)
    assert (sourced.status, sourced.source, sourced.source_date, sourced.official_at) == (
        "official", "Besluit gemeenteraad", date(2025, 11, 21), entered)
    assert (unsourced.status, unsourced.source, unsourced.source_date) == (
        "official", "Ingevoerd in de back office op 21/11/2025.", date(2025, 11, 21))
    assert new.get_model("procedures", "CareerScale").objects.get().fictitious
    assert new.get_model("procedures", "PayScaleStep").objects.get().yearly_amount == Decimal("17300.00")
