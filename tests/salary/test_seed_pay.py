"""seed_kortrijk loads demo pay data: only the sourced figures as such, everything else flagged illustrative, and it
never overwrites pay history."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from procedures.models import CareerScale, Function, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from procedures.pay import estimate_salary

pytestmark = pytest.mark.django_db


def seed(*args):
    out = StringIO()
    call_command("seed_kortrijk", *args, stdout=out)
    return out.getvalue()


def pay_counts():
    return [model.objects.count() for model in
            (PayScale, PayScaleVersion, PayScaleStep, IndexCoefficient, PayRules, CareerScale)]


def test_it_seeds_the_sourced_figures_and_flags_every_demo_scale_illustrative():
    out = seed()
    versions = {version.scale.code: version for version in PayScaleVersion.objects.select_related("scale")}
    assert sorted(versions) == ["B1", "B2", "B3"]
    assert all(version.illustrative and "Illustratief" in version.source for version in versions.values())
    assert versions["B1"].steps.order_by("years").first().yearly_amount == Decimal("17300.00")  # sourced minimum
    assert versions["B3"].steps.order_by("years").last().yearly_amount == Decimal("29150.00")  # sourced maximum
    assert all(version.steps.count() <= 27 for version in versions.values())
    coefficient = IndexCoefficient.objects.get()
    assert (coefficient.valid_from, coefficient.coefficient) == (date(2025, 3, 1), Decimal("2.1223"))
    rules = PayRules.objects.get()
    assert (rules.holiday_pay_rate, rules.year_end_rate, rules.meal_voucher_per_day,
            rules.bicycle_allowance_per_km, rules.holidays_min, rules.holidays_max) == (
        Decimal("0.92"), Decimal("0.036"), Decimal("7.50"), Decimal("0.36"), 33, 35)
    assert rules.year_end_fixed_amount is None  # not sourced: left for HR
    function = Function.objects.get(slug="maatschappelijk-werker")
    career = list(function.career_scales.select_related("scale"))
    assert [(stage.scale.code, stage.years_in_previous_scale) for stage in career] == [("B1", 0), ("B2", 4),
                                                                                       ("B3", 14)]
    assert all(stage.illustrative for stage in career)
    assert "Loon: 53 nieuw" in out  # 3 scales + 3 versions + 3 × 14 steps + 1 coefficient + 1 rules + 3 career


def test_the_seeded_start_salary_is_the_sourced_minimum_indexed_and_marked_illustrative():
    seed()
    function = Function.objects.get(slug="maatschappelijk-werker")
    result = estimate_salary(function, public_years=0, private_years=0, regime=Decimal("1"), on=date(2026, 1, 15))
    # 17,300 × 2.1223 = 36,715.79; / 12 = 3,059.649166... -> 3,059.65.
    assert result.monthly_gross.amount == Decimal("3059.65")
    assert result.illustrative
    assert result.illustrative_parts == ("loonschaal B1", "loonschaal B2", "loonschaal B3", "functionele loopbaan")


def test_a_second_run_and_a_refresh_leave_pay_data_alone():
    seed()
    before = pay_counts()
    step = PayScaleStep.objects.filter(version__scale__code="B2").order_by("years").first()
    PayScaleStep.objects.filter(pk=step.pk).update(yearly_amount=Decimal("18400.00"))  # HR's correction
    assert "Loon: 0 nieuw" in seed()
    assert "Loon: 0 nieuw" in seed("--refresh")
    assert pay_counts() == before
    step.refresh_from_db()
    assert step.yearly_amount == Decimal("18400.00")


def test_a_scale_hr_already_entered_gets_no_demo_version():
    scale = PayScale.objects.create(code="B1", name="B1 van de stad")
    version = PayScaleVersion.objects.create(scale=scale, valid_from=date(2025, 1, 1))
    PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("17300.00"))
    seed()
    assert list(scale.versions.all()) == [version]
    assert PayScale.objects.get(code="B1").name == "B1 van de stad"
