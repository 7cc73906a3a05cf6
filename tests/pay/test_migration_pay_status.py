"""The migration to scale-version statuses: nothing becomes official or fictitious on its own. The older seed's
illustrative versions and HR's earlier versions become drafts (HR adds the source date and makes a version
official); the older seed's illustrative career, index coefficient and pay rules go where they are still exactly
what it wrote; what HR changed stays."""

from datetime import date
from decimal import Decimal

import pytest

from pay.estimate import estimate_salary, public_estimate_available
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScaleStep, PayScaleVersion
from pay.simulation import MissingPayData
from procedures.models import Function
from tests.migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("procedures", "0005_retire_invented_seed_values")]
# What the older seed wrote (git show 87242b6:procedures/seed_data.py), as it wrote it.
OLD_SOURCE = ("Illustratief, geen loonschaal van stad Kortrijk. Enkel het minimum van B1 (17.300) en het maximum van "
              "B3 (29.150) per jaar aan 100 % komen uit een gepubliceerde vacature B1-B3; de andere trappen zijn een "
              "gelijkmatige reeks voor de demo. HR vervangt ze door de eigen loonschaal van de stad.")
OLD_STEPS = {"B1": (17_300, 400), "B2": (18_300, 450), "B3": (21_350, 600)}
OLD_CAREER = (("B1", 0, ""), ("B2", 4, "gunstige evaluatie"), ("B3", 14, "gunstige evaluatie"))
OLD_INDEX_SOURCE = "Indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart 2025."
OLD_RULES = {
    "valid_from": date(2025, 3, 1), "holiday_pay_rate": Decimal("0.9200"), "year_end_fixed_amount": None,
    "year_end_rate": Decimal("0.0360"), "meal_voucher_per_day": Decimal("7.50"),
    "bicycle_allowance_per_km": Decimal("0.36"), "holidays_min": 33, "holidays_max": 35,
    "source": "Vakantiegeld 92 % van een maandloon; eindejaarspremie 3,6 % van het jaarloon plus een vast deel "
              "(in te vullen door HR); maaltijdcheques €7,50, fietsvergoeding €0,36/km en 33 tot 35 vakantiedagen "
              "uit de infobundel.",
}


def write_old_seed_pay(old):
    """The older seed_kortrijk's pay rows, as seed_pay.seed_pay_data(function) wrote them at 87242b6."""
    function = old.get_model("procedures", "Function").objects.create(
        name="Maatschappelijk werker", slug="maatschappelijk-werker", grade="B1-B3", reserve_months=None)
    Version, Step = old.get_model("procedures", "PayScaleVersion"), old.get_model("procedures", "PayScaleStep")
    scales = {}
    for code, (first, rise) in OLD_STEPS.items():
        scales[code] = old.get_model("procedures", "PayScale").objects.create(code=code, name=f"Bachelor {code}")
        version = Version.objects.create(scale=scales[code], valid_from=date(2025, 3, 1), illustrative=True,
                                         source=OLD_SOURCE)
        for n, years in enumerate(range(0, 27, 2)):
            Step.objects.create(version=version, years=years, yearly_amount=Decimal(first + rise * n))
    old.get_model("procedures", "IndexCoefficient").objects.create(
        valid_from=date(2025, 3, 1), coefficient=Decimal("2.1223"), source=OLD_INDEX_SOURCE)
    old.get_model("procedures", "PayRules").objects.create(**OLD_RULES)
    for position, (code, years, conditions) in enumerate(OLD_CAREER, start=1):
        old.get_model("procedures", "CareerScale").objects.create(
            function=function, position=position, scale=scales[code], years_in_previous_scale=years,
            conditions=conditions, illustrative=True)
    return function, scales


def test_the_old_seeds_pay_is_never_used_after_the_upgrade():
    old = migrate(BEFORE)
    try:
        function, _scales = write_old_seed_pay(old)
    finally:
        migrate()

    versions = PayScaleVersion.objects.all()
    assert versions.count() == 3
    assert {(v.status, v.source, v.source_date, v.official_at) for v in versions} == {
        ("draft", OLD_SOURCE, None, None)}
    assert not CareerScale.objects.exists()
    assert not IndexCoefficient.objects.exists()
    assert not PayRules.objects.exists()
    function = Function.objects.get(pk=function.pk)
    assert not public_estimate_available(function, on=date(2026, 1, 15))
    with pytest.raises(MissingPayData):
        estimate_salary(function, public_years=0, private_years=0, regime=Decimal(1), on=date(2026, 1, 15))


def test_hrs_versions_become_drafts_keeping_their_source_and_what_hr_changed_stays():
    old = migrate(BEFORE)
    try:
        _function, scales = write_old_seed_pay(old)
        Version = old.get_model("procedures", "PayScaleVersion")
        sourced = Version.objects.create(scale=scales["B1"], valid_from=date(2026, 1, 1),
                                         source="Besluit gemeenteraad")
        unsourced = Version.objects.create(scale=scales["B2"], valid_from=date(2026, 1, 1))
        hr_demo = Version.objects.create(scale=scales["B3"], valid_from=date(2026, 1, 1), illustrative=True,
                                         source="Oefenbedragen van HR")
        old.get_model("procedures", "PayScaleStep").objects.create(version=sourced, years=0,
                                                                   yearly_amount=Decimal("17300.00"))
        # HR changed one stage of the career, the coefficient's source and the pay rules' fixed part.
        old.get_model("procedures", "CareerScale").objects.filter(position=3).update(years_in_previous_scale=10)
        old.get_model("procedures", "IndexCoefficient").objects.update(source="HR: nagekeken in de omzendbrief")
        old.get_model("procedures", "PayRules").objects.update(year_end_fixed_amount=Decimal("1200.00"))
    finally:
        migrate()

    assert [(v.status, v.source, v.source_date) for v in PayScaleVersion.objects.filter(
        pk__in=[sourced.pk, unsourced.pk, hr_demo.pk]).order_by("pk")] == [
        ("draft", "Besluit gemeenteraad", None), ("draft", "", None), ("draft", "Oefenbedragen van HR", None)]
    assert PayScaleStep.objects.get(version=sourced.pk).yearly_amount == Decimal("17300.00")
    career = CareerScale.objects.order_by("position")
    assert [(c.scale.code, c.years_in_previous_scale, c.fictitious) for c in career] == [
        ("B1", 0, True), ("B2", 4, True), ("B3", 10, True)]  # HR's now: kept, still marked as a demo
    assert IndexCoefficient.objects.get().coefficient == Decimal("2.1223")
    assert PayRules.objects.get().year_end_fixed_amount == Decimal("1200.00")
