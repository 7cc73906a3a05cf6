"""The calculation on its own: numbers in, numbers out, whatever the language (pay.formatting says them in words).
The pay world of tests/pay/scales.py; hand-worked figures in tests/pay/test_simulation.py."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from pay.calculation import Change, GapKind, NoStep, PayGap, calculate, pay_data_gaps
from pay.simulation import MissingPayData, recognise_seniority, simulate_salary
from tests.pay.scales import START, pay_data, scale

MARCH = date(2025, 3, 1)  # coefficient 2.0000


def seniority(years=0):
    return recognise_seniority(public_years=years, private_years=0, private_cap_years=18)


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_figures_are_decimals_and_the_career_says_its_changes_as_kinds(language):
    with translation.override(language):
        result = calculate(pay_data(), seniority=seniority(), regime=Decimal("0.8"), on=MARCH, start=0)
    # S1 step 0: 12,000 × 2 / 12 × 0.8 = 1,600.00; holiday pay 92 % of it; 10 months from March for both bonuses.
    assert (result.scale.code, result.step.years, result.monthly_gross, result.yearly_gross) == (
        "S1", 0, Decimal("1600.00"), Decimal("19200.00"))
    assert (result.holiday_pay, result.holiday_months, result.year_end_months) == (Decimal("1472.00"), 10, 7)
    assert not result.year_end_fixed_missing and not result.fictitious_career and result.fictitious_scales == ()
    assert [(p.kind, p.scale_code, p.previous_scale_code, p.years_in_previous_scale) for p in result.career[:3]] == [
        (Change.START, "S1", "", 0), (Change.STEP, "S1", "", 0), (Change.SCALE, "S2", "S1", 4)]


def test_the_gaps_are_kinds_with_the_scale_and_its_first_date():
    data = pay_data(scales=(scale("S1", valid_from=date(2025, 6, 1)), scale("S2")), coefficients=())
    assert pay_data_gaps(data, on=MARCH) == [
        PayGap(GapKind.SCALE, blocking=True, scale_code="S1", first_valid_from=date(2025, 6, 1)),
        PayGap(GapKind.SCALE, blocking=True, scale_code="S3"),
        PayGap(GapKind.COEFFICIENT, blocking=True),
    ]


def test_a_scale_whose_first_step_comes_later_is_missing_pay_data_in_dutch():
    data = pay_data(scales=(scale("S1", steps=((2, "12600.00"),)), scale("S2"), scale("S3")))
    with pytest.raises(NoStep):
        calculate(data, seniority=seniority(), regime=Decimal(1), on=START, start=0)
    with translation.override("nl-be"), pytest.raises(MissingPayData) as raised:
        simulate_salary(data, seniority=seniority(), regime=Decimal(1), on=START)
    assert raised.value.message == "Loonschaal S1 heeft geen trap voor 0 jaar anciënniteit."
    # With the years that reach its first step, the same data gives a simulation.
    assert simulate_salary(data, seniority=seniority(2), regime=Decimal(1), on=START).monthly_gross.amount == (
        Decimal("2100.00"))
