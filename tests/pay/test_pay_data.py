"""The loader builds the simulation's plain data from the database (official and fictitious versions, never a
draft); the history rule locks the city's official figures."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from pay.estimate import estimate_salary, is_locked, load_pay_data
from pay.models import IndexCoefficient, PayScale, PayScaleStep, PayScaleVersion
from pay.simulation import MissingPayData
from tests.factories import FunctionFactory
from tests.pay.scales import START, create_pay_world, pay_data

pytestmark = pytest.mark.django_db


def by_key(data):
    return (sorted(data.scales, key=lambda version: (version.code, version.valid_from)),
            sorted(data.coefficients, key=lambda coefficient: coefficient.valid_from), data.rules, data.career,
            data.private_cap_years)


def test_the_loader_gives_the_same_data_as_the_hand_made_world():
    function = FunctionFactory(private_seniority_cap_years=18)
    create_pay_world(function)
    assert by_key(load_pay_data(function)) == by_key(pay_data())


def test_the_loader_reads_a_constant_number_of_queries(django_assert_num_queries):
    function = FunctionFactory()
    scales = create_pay_world(function)
    for year in range(2026, 2036):  # ten more versions of S1 do not cost a query more
        version = PayScaleVersion.objects.create(scale=scales["S1"], valid_from=date(year, 1, 1), source="Besluit",
                                                 source_date=date(2025, 12, 1), status=PayScaleVersion.Status.OFFICIAL)
        PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("12000.00"))
    with django_assert_num_queries(5):
        data = load_pay_data(function)
    assert len(data.scales) == 13


def test_the_estimate_uses_the_functions_private_cap():
    function = FunctionFactory(private_seniority_cap_years=10)
    create_pay_world(function)
    result = estimate_salary(function, public_years=0, private_years=25, regime=Decimal("1"), on=date(2025, 3, 1))
    # 25 private years, cap 10 -> 10 years -> S1 step 2: 12,600 × 2 / 12 = 2,100.00.
    assert result.seniority.years == 10
    assert result.monthly_gross.amount == Decimal("2100.00")


def test_the_estimate_only_reads_the_career_of_its_function():
    function, other = FunctionFactory(name="Maatschappelijk werker"), FunctionFactory()
    create_pay_world(other)
    with pytest.raises(MissingPayData) as raised:
        estimate_salary(function, public_years=0, private_years=0, regime=Decimal("1"), on=date(2025, 3, 1))
    assert raised.value.message == ("Nog in te vullen door HR: Functionele loopbaan van Maatschappelijk werker "
                                    "(in Back office › Loopbaan en anciënniteit per functie).")


def test_a_draft_version_is_never_used():
    function = FunctionFactory()
    scales = create_pay_world(function)
    draft = PayScaleVersion.objects.create(scale=scales["S1"], valid_from=date(2025, 2, 1))  # status: draft
    PayScaleStep.objects.create(version=draft, years=0, yearly_amount=Decimal("99000.00"))
    assert draft.status == PayScaleVersion.Status.DRAFT
    assert all(version.valid_from == START for version in load_pay_data(function).scales)
    result = estimate_salary(function, public_years=0, private_years=0, regime=Decimal("1"), on=date(2025, 3, 1))
    assert result.monthly_gross.amount == Decimal("2000.00")  # 12,000 × 2.0 / 12, not the draft's 99,000


def test_history_rule_locks_the_citys_figures_once_in_force_and_entered_before_today():
    today = date(2026, 3, 10)
    scale = PayScale.objects.create(code="B1")
    version = PayScaleVersion.objects.create(scale=scale, valid_from=date(2026, 1, 1), source="Besluit",
                                             source_date=date(2025, 12, 1), status=PayScaleVersion.Status.OFFICIAL)
    coefficient = IndexCoefficient.objects.create(valid_from=date(2026, 1, 1), coefficient=Decimal("2.1223"))
    entered = timezone.make_aware(timezone.datetime(2026, 3, 9, 12, 0))
    PayScaleVersion.objects.filter(pk=version.pk).update(official_at=entered)
    IndexCoefficient.objects.filter(pk=coefficient.pk).update(created_at=entered)
    version.refresh_from_db()
    coefficient.refresh_from_db()

    assert is_locked(version, today=today)
    assert is_locked(coefficient, today=today)
    # Made official today: HR may still correct a typo.
    assert not is_locked(version, today=timezone.localdate(entered))
    # Not in force yet: still a plan.
    assert not is_locked(version, today=date(2025, 12, 31))
    # Draft and fictitious figures are never history.
    for status in (PayScaleVersion.Status.DRAFT, PayScaleVersion.Status.FICTITIOUS):
        version.status = status
        assert not is_locked(version, today=today + timedelta(days=400))
    # A new row is never locked.
    assert not is_locked(PayScaleVersion(scale=scale, valid_from=START), today=today)
