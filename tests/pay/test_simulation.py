"""The salary simulation against hand-worked examples (the pay world of tests/pay/scales.py).

Every expected amount is worked out in the comment above it: monthly = yearly at 100 % × coefficient / 12 × regime,
rounded half up to the cent once; yearly = 12 × monthly.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from pay.calculation import CareerStage, Coefficient, Step, months_served_from
from pay.simulation import (
    InvalidSalaryInput,
    MissingPayData,
    SalaryError,
    recognise_seniority,
    scale_step_errors,
    simulate_salary,
)
from tests.pay.scales import NEW_INDEX, START, pay_data, rules, scale

MARCH = date(2025, 3, 1)  # coefficient 2.0000


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl-be"):
        yield


def simulate(public=0, private=0, *, regime=Decimal("1"), on=MARCH, data=None, **kwargs):
    data = data or pay_data()
    seniority = recognise_seniority(public_years=public, private_years=private,
                                    private_cap_years=data.private_cap_years)
    return simulate_salary(data, seniority=seniority, regime=regime, on=on, **kwargs)


# --- The step and the monthly gross --------------------------------------------------------------------------------


def test_zero_years_is_the_first_step_of_the_start_scale():
    result = simulate(0, 0)
    # S1, 0 years: 12,000 × 2 / 12 × 1 = 2,000.00 a month; 12 × 2,000.00 = 24,000.00 a year.
    assert (result.scale_code, result.step_years) == ("S1", 0)
    assert result.yearly_amount.amount == Decimal("12000.00")
    assert result.indexed_yearly_amount.amount == Decimal("24000.00")
    assert result.monthly_gross.amount == Decimal("2000.00")
    assert result.yearly_gross.amount == Decimal("24000.00")
    assert result.monthly_gross.explanation == (
        "€ 12.000,00 × 2,0000 / 12 × 100 % werkregime, afgerond op de cent.")
    assert result.seniority_explanation == (
        "0 jaar erkende anciënniteit: 0 jaar openbare sector + 0 jaar privésector.")


def test_exactly_eighteen_private_years_count_in_full():
    result = simulate(0, 18)
    # 18 private years, cap 18: 18 years recognised -> S1 step 18: 15,000 × 2 / 12 = 2,500.00.
    assert result.seniority.years == 18
    assert not result.seniority.private_capped
    assert result.step_years == 18
    assert result.monthly_gross.amount == Decimal("2500.00")


def test_twenty_five_private_years_are_capped_to_eighteen():
    result = simulate(0, 25)
    # 25 private years count as 18 -> step 18 (2,500.00), not step 24 (16,800 × 2 / 12 = 2,800.00).
    assert result.seniority.years == 18
    assert result.seniority.private_capped
    assert result.step_years == 18
    assert result.monthly_gross.amount == Decimal("2500.00")
    assert result.seniority_explanation == (
        "18 jaar erkende anciënniteit: 0 jaar openbare sector + 18 jaar privésector "
        "(van de 25 jaar tellen er maximaal 18 jaar mee).")


def test_public_years_count_fully_beside_capped_private_years():
    # 3 public + 4 private = 7 years -> S1 step 2: 12,600 × 2 / 12 = 2,100.00.
    assert simulate(3, 4).monthly_gross.amount == Decimal("2100.00")
    # 5 public + 20 private (-> 18) = 23 years -> step 18: 2,500.00.
    assert simulate(5, 20).seniority.years == 23
    assert simulate(5, 20).monthly_gross.amount == Decimal("2500.00")
    # 7 public + 20 private (-> 18) = 25 years -> step 24: 16,800 × 2 / 12 = 2,800.00.
    assert simulate(7, 20).monthly_gross.amount == Decimal("2800.00")


def test_public_years_have_no_cap():
    # 30 public years: all 30 count (the cap is for private years only).
    assert simulate(30, 0).seniority.years == 30


def test_past_the_last_step_the_last_step_holds():
    result = simulate(30, 0)
    # S1's last step is 24 years: 16,800 × 2 / 12 = 2,800.00, also at 30 years.
    assert result.step_years == 24
    assert result.monthly_gross.amount == Decimal("2800.00")
    assert result.step_explanation == "Trap 24 jaar: de hoogste trap van S1 (je hebt 30 volle jaren)."


def test_between_two_steps_the_lower_step_holds():
    # 17 years: S1 steps 2 and 18 -> step 2 (12,600 × 2 / 12 = 2,100.00).
    result = simulate(17, 0)
    assert (result.step_years, result.monthly_gross.amount) == (2, Decimal("2100.00"))


def test_part_time_point_eight():
    result = simulate(0, 0, regime=Decimal("0.8"))
    # 12,000 × 2 / 12 × 0.8 = 1,600.00 a month; 12 × 1,600.00 = 19,200.00 a year.
    assert result.monthly_gross.amount == Decimal("1600.00")
    assert result.yearly_gross.amount == Decimal("19200.00")
    # The indexed yearly amount at 100 % does not depend on the regime.
    assert result.indexed_yearly_amount.amount == Decimal("24000.00")
    assert "80 % werkregime" in result.monthly_gross.explanation


def test_full_time_as_integer_one_is_accepted():
    assert simulate(0, 0, regime=1).monthly_gross.amount == Decimal("2000.00")


# --- The index coefficient by date ---------------------------------------------------------------------------------


def test_the_day_before_a_new_coefficient_uses_the_old_one():
    result = simulate(0, 0, on=date(2025, 6, 30))
    # 12,000 × 2.0000 / 12 = 2,000.00
    assert result.coefficient.value == Decimal("2.0000")
    assert result.monthly_gross.amount == Decimal("2000.00")


def test_the_day_a_new_coefficient_starts_uses_the_new_one():
    result = simulate(0, 0, on=NEW_INDEX)
    # 12,000 × 2.1000 / 12 = 2,100.00
    assert result.coefficient == Coefficient(NEW_INDEX, Decimal("2.1000"))
    assert result.monthly_gross.amount == Decimal("2100.00")
    assert "2,1000 (geldig vanaf 1 juli 2025)" in result.indexed_yearly_amount.explanation


def test_a_newer_scale_version_applies_from_its_own_date():
    newer = scale("S1", valid_from=date(2026, 1, 1), steps=((0, "13200.00"),))
    data = pay_data(scales=(*pay_data().scales, newer))
    # 31 Dec 2025: old S1, 12,000 × 2.1 / 12 = 2,100.00; 1 Jan 2026: 13,200 × 2.1 / 12 = 2,310.00.
    assert simulate(0, 0, on=date(2025, 12, 31), data=data).monthly_gross.amount == Decimal("2100.00")
    assert simulate(0, 0, on=date(2026, 1, 1), data=data).monthly_gross.amount == Decimal("2310.00")


# --- Rounding ------------------------------------------------------------------------------------------------------


def test_half_a_cent_rounds_up():
    data = pay_data(scales=(scale("S1", steps=((0, "12000.06"),)), scale("S2"), scale("S3")))
    # 12,000.06 × 2 / 12 × 0.5 = 1,000.005 -> 1,000.01 (half up; banker's rounding would give 1,000.00).
    assert simulate(0, 0, regime=Decimal("0.5"), data=data).monthly_gross.amount == Decimal("1000.01")


def test_the_monthly_gross_is_rounded_once_from_the_exact_product():
    data = pay_data(scales=(scale("S1", steps=((0, "12016.00"),)), scale("S2"), scale("S3")),
                    coefficients=(Coefficient(START, Decimal("2.1223")),))
    result = simulate(0, 0, regime=Decimal("0.5"), data=data)
    # 12,016 × 2.1223 = 25,501.5568; / 12 × 0.5 = 1,062.564866... -> 1,062.56.
    # (Rounding the yearly amount first would give 25,501.56 / 24 = 1,062.565 -> 1,062.57: not what we do.)
    assert result.indexed_yearly_amount.amount == Decimal("25501.56")
    assert result.monthly_gross.amount == Decimal("1062.56")
    assert result.yearly_gross.amount == Decimal("12750.72")  # 12 × 1,062.56


# --- Holiday pay and year-end bonus --------------------------------------------------------------------------------


def test_holiday_pay_for_a_full_reference_year():
    # 92 % × 2,000.00 = 1,840.00
    result = simulate(0, 0)
    assert result.holiday_pay.amount == Decimal("1840.00")
    assert result.holiday_pay.explanation.startswith("92 % van een bruto maandloon (€ 2.000,00)")


def test_holiday_pay_pro_rata_from_the_start_date():
    # Start 1 March: March-December = 10 months; 92 % × 2,000.00 × 10/12 = 1,533.333... -> 1,533.33.
    assert simulate(0, 0, on=date(2025, 3, 1)).holiday_pay_first_year.amount == Decimal("1533.33")
    # Start 15 March: March does not count in full; April-December = 9 months; 1,840 × 9/12 = 1,380.00.
    assert simulate(0, 0, on=date(2025, 3, 15)).holiday_pay_first_year.amount == Decimal("1380.00")
    # Start 1 January: a full year.
    assert simulate(0, 0, on=date(2025, 1, 1)).holiday_pay_first_year.amount == Decimal("1840.00")


def test_holiday_pay_rounds_half_up():
    data = pay_data(scales=(scale("S1", steps=((0, "12000.06"),)), scale("S2"), scale("S3")))
    result = simulate(0, 0, data=data)
    # Monthly: 12,000.06 × 2 / 12 = 2,000.01; 92 % × 2,000.01 = 1,840.0092 -> 1,840.01.
    assert result.monthly_gross.amount == Decimal("2000.01")
    assert result.holiday_pay.amount == Decimal("1840.01")


def test_year_end_bonus_for_a_full_period():
    result = simulate(0, 0)
    # 600.00 fixed × 100 % + 3.6 % × 24,000.00 = 600.00 + 864.00 = 1,464.00.
    assert result.year_end_bonus.amount == Decimal("1464.00")
    assert not result.year_end_bonus.incomplete


def test_year_end_bonus_part_time():
    result = simulate(0, 0, regime=Decimal("0.8"))
    # 600.00 × 0.8 + 3.6 % × 19,200.00 = 480.00 + 691.20 = 1,171.20.
    assert result.year_end_bonus.amount == Decimal("1171.20")


def test_year_end_bonus_pro_rata_for_service_from_january_to_september():
    # Start 1 March: March-September = 7 of 9 months; 1,464.00 × 7/9 = 1,138.666... -> 1,138.67.
    assert simulate(0, 0, on=date(2025, 3, 1)).year_end_bonus_first_year.amount == Decimal("1138.67")
    # Start 1 September (coefficient 2.1: 12,000 × 2.1 / 12 = 2,100.00 a month, 25,200.00 a year): 1 month;
    # (600.00 + 3.6 % × 25,200.00) / 9 = (600.00 + 907.20) / 9 = 167.466... -> 167.47.
    assert simulate(0, 0, on=date(2025, 9, 1)).year_end_bonus_first_year.amount == Decimal("167.47")
    # Start 2 September: no full month before 30 September -> 0.00.
    assert simulate(0, 0, on=date(2025, 9, 2)).year_end_bonus_first_year.amount == Decimal("0.00")
    # Start 1 October: outside the reference period -> 0.00.
    assert simulate(0, 0, on=date(2025, 10, 1)).year_end_bonus_first_year.amount == Decimal("0.00")


def test_year_end_bonus_without_a_fixed_part_says_it_is_only_the_variable_part():
    data = pay_data(rules=(rules(year_end_fixed_amount=None),))
    result = simulate(0, 0, data=data)
    # 3.6 % × 24,000.00 = 864.00, marked incomplete.
    assert result.year_end_bonus.amount == Decimal("864.00")
    assert result.year_end_bonus.incomplete
    assert "enkel het variabele deel" in result.year_end_bonus.explanation


@pytest.mark.parametrize(("start", "last_month", "months"), [
    (date(2025, 1, 1), 12, 12), (date(2025, 1, 2), 12, 11), (date(2025, 12, 1), 12, 1), (date(2025, 12, 2), 12, 0),
    (date(2025, 1, 1), 9, 9), (date(2025, 9, 30), 9, 0), (date(2025, 11, 1), 9, 0),
])
def test_months_served_counts_whole_calendar_months(start, last_month, months):
    assert months_served_from(start, last_month=last_month) == months


# --- Benefits ------------------------------------------------------------------------------------------------------


def test_the_benefits_of_the_bundle():
    result = simulate(0, 0)
    assert result.meal_voucher_per_day.amount == Decimal("7.50")
    assert result.meal_voucher_per_day.explanation == "Maaltijdcheque van € 7,50 per gewerkte dag."
    assert result.bicycle_allowance_per_km.amount == Decimal("0.36")
    assert result.holidays == (33, 35)
    assert result.holidays_explanation.startswith("33 tot 35 vakantiedagen per jaar bij voltijds werk")


# --- The career ahead ----------------------------------------------------------------------------------------------


def test_the_career_from_zero_years():
    points = simulate(0, 0).career
    # t=0:   S1 step 0:  12,000 × 2 / 12 = 2,000.00
    # +2 y:  S1 step 2:  12,600 × 2 / 12 = 2,100.00
    # +4 y:  S2 (4 years in S1), 4 years -> S2 step 4: 14,400 × 2 / 12 = 2,400.00
    # +10 y: S2 step 10: 18,000 × 2 / 12 = 3,000.00
    # +12 y: S3 (8 years in S2), 12 years -> S3 step 10: 19,200 × 2 / 12 = 3,200.00
    # +20 y: S3 step 20: 24,000 × 2 / 12 = 4,000.00
    assert [(p.on, p.months_in_service, p.scale_code, p.step_years, p.monthly_gross) for p in points] == [
        (date(2025, 3, 1), 0, "S1", 0, Decimal("2000.00")),
        (date(2027, 3, 1), 24, "S1", 2, Decimal("2100.00")),
        (date(2029, 3, 1), 48, "S2", 4, Decimal("2400.00")),
        (date(2035, 3, 1), 120, "S2", 10, Decimal("3000.00")),
        (date(2037, 3, 1), 144, "S3", 10, Decimal("3200.00")),
        (date(2045, 3, 1), 240, "S3", 20, Decimal("4000.00")),
    ]
    assert points[2].change == "Naar loonschaal S2 na 4 jaar in S1; trap 4 jaar."
    assert points[2].conditions == "gunstige evaluatie"
    assert points[1].change == "Volgende trap in S1: 2 jaar erkende anciënniteit."
    assert points[1].conditions == ""
    assert all(p.yearly_gross == p.monthly_gross * 12 for p in points)


def test_the_career_with_seniority_starts_on_a_later_step_and_keeps_the_index_of_the_date():
    points = simulate(3, 0, regime=Decimal("0.8"), on=date(2025, 7, 1)).career
    # Coefficient 2.1 from 1 July; 80 %. 3 years -> S1 step 2: 12,600 × 2.1 / 12 × 0.8 = 1,764.00.
    # +1 y: 4 years, still S1 step 2 (no change). +4 y: S2, 7 years -> S2 step 4: 14,400 × 2.1 / 12 × 0.8 = 2,016.00.
    # +7 y: 10 years -> S2 step 10: 18,000 × 2.1 / 12 × 0.8 = 2,520.00.
    # +12 y: S3, 15 years -> S3 step 10: 19,200 × 2.1 / 12 × 0.8 = 2,688.00. +17 y: 20 years -> 3,360.00.
    assert [(p.months_in_service, p.scale_code, p.step_years, p.monthly_gross) for p in points] == [
        (0, "S1", 2, Decimal("1764.00")),
        (48, "S2", 4, Decimal("2016.00")),
        (84, "S2", 10, Decimal("2520.00")),
        (144, "S3", 10, Decimal("2688.00")),
        (204, "S3", 20, Decimal("3360.00")),
    ]


def test_the_career_stops_at_the_horizon():
    points = simulate(0, 0, horizon_years=10).career
    assert [p.months_in_service for p in points] == [0, 24, 48, 120]


def test_years_already_spent_in_the_start_scale_bring_the_next_scale_closer():
    points = simulate(0, 0, years_in_scale=3).career
    # 3 of the 4 years in S1 are done: S2 after 1 year (2026-03-01), then S3 8 years later (2034-03-01).
    assert [(p.on, p.scale_code) for p in points if p.change.startswith("Naar")] == [
        (date(2026, 3, 1), "S2"), (date(2034, 3, 1), "S3")]


def test_a_start_in_a_later_career_scale():
    result = simulate(0, 0, scale_code="S2")
    # S2 step 0: 13,200 × 2 / 12 = 2,200.00; +4 y: S2 step 4: 2,400.00; +8 y: S3 step 0: 15,000 × 2 / 12 = 2,500.00;
    # +10 y: S3 step 10: 3,200.00; +20 y: S3 step 20: 4,000.00.
    assert (result.scale_code, result.monthly_gross.amount) == ("S2", Decimal("2200.00"))
    assert [(p.months_in_service, p.scale_code, p.monthly_gross) for p in result.career] == [
        (0, "S2", Decimal("2200.00")), (48, "S2", Decimal("2400.00")), (96, "S3", Decimal("2500.00")),
        (120, "S3", Decimal("3200.00")), (240, "S3", Decimal("4000.00"))]


def test_more_years_in_the_start_scale_than_needed_starts_in_the_next_scale():
    result = simulate(0, 0, years_in_scale=5)
    # 5 years in S1 >= 4: already S2, step 0 (0 years of recognised seniority): 2,200.00.
    assert (result.scale_code, result.step_years, result.monthly_gross.amount) == ("S2", 0, Decimal("2200.00"))


# --- Fictitious (demo) figures -------------------------------------------------------------------------------------


def test_fictitious_scales_and_career_are_named():
    data = pay_data(scales=(scale("S1"), scale("S2", fictitious=True), scale("S3")),
                    career=(CareerStage("S1"), CareerStage("S2", 4, fictitious=True), CareerStage("S3", 8)))
    result = simulate(0, 0, data=data)
    assert result.fictitious
    assert result.fictitious_parts == ("loonschaal S2", "functionele loopbaan")
    assert not simulate(0, 0).fictitious


# --- Bad input: a clear Dutch error, never a wrong number ----------------------------------------------------------


@pytest.mark.parametrize(("public", "private", "field", "message"), [
    (-1, 0, "public_years", "Het aantal kan niet negatief zijn."),
    (0, -3, "private_years", "Het aantal kan niet negatief zijn."),
    (51, 0, "public_years", "Meer dan 50 jaar is niet mogelijk. Kijk het aantal jaren na."),
    (0, 120, "private_years", "Meer dan 50 jaar is niet mogelijk. Kijk het aantal jaren na."),
    (2.5, 0, "public_years", "Geef een geheel aantal jaren."),
    ("3", 0, "public_years", "Geef een geheel aantal jaren."),
    (True, 0, "public_years", "Geef een geheel aantal jaren."),
    (30, 21, None, "Samen meer dan 50 jaar ervaring (openbare en privésector) kan niet. Kijk het aantal jaren na."),
])
def test_impossible_years_are_refused(public, private, field, message):
    with pytest.raises(InvalidSalaryInput) as raised:
        recognise_seniority(public_years=public, private_years=private, private_cap_years=18)
    assert (raised.value.field, raised.value.message) == (field, message)


def test_exactly_fifty_years_is_still_possible():
    assert recognise_seniority(public_years=50, private_years=0, private_cap_years=18).years == 50
    assert recognise_seniority(public_years=30, private_years=20, private_cap_years=18).years == 48


def test_months_above_eleven_are_refused():
    with pytest.raises(InvalidSalaryInput, match="twaalf maanden zijn een jaar"):
        recognise_seniority(public_years=1, private_years=0, public_months=12, private_cap_years=18)


@pytest.mark.parametrize("regime", [Decimal("0"), Decimal("-0.5"), Decimal("1.01"), 2, Decimal("NaN"),
                                    Decimal("Infinity"), "0.8", None, True])
def test_a_regime_outside_zero_to_one_is_refused(regime):
    with pytest.raises(InvalidSalaryInput) as raised:
        simulate(0, 0, regime=regime)
    assert raised.value.field == "regime"
    assert raised.value.message == (
        "Het werkregime is een deel van een voltijdse job: meer dan 0 en hoogstens 1 (bv. 0,8 voor 4/5).")


def test_a_date_before_the_scale_exists_is_refused():
    with pytest.raises(MissingPayData) as raised:
        simulate(0, 0, on=date(2024, 12, 31))
    assert raised.value.message == (  # every missing part at once, in the order of the career
        "Loonschaal S1 bestaat pas vanaf 1 januari 2025; een simulatie op 31 december 2024 kan niet. "
        "Loonschaal S2 bestaat pas vanaf 1 januari 2025; een simulatie op 31 december 2024 kan niet. "
        "Loonschaal S3 bestaat pas vanaf 1 januari 2025; een simulatie op 31 december 2024 kan niet. "
        "Er is geen indexcoëfficiënt gekend op 31 december 2024. "
        "Er zijn geen regels voor premies en voordelen gekend op 31 december 2024.")


def test_a_date_without_an_index_coefficient_is_refused():
    data = pay_data(coefficients=(Coefficient(date(2025, 2, 1), Decimal("2.0")),))
    with pytest.raises(MissingPayData) as raised:
        simulate(0, 0, on=date(2025, 1, 31), data=data)
    assert raised.value.message == "Er is geen indexcoëfficiënt gekend op 31 januari 2025."
    # The day it starts, it is there.
    assert simulate(0, 0, on=date(2025, 2, 1), data=data).monthly_gross.amount == Decimal("2000.00")


def test_a_date_without_pay_rules_is_refused():
    data = pay_data(rules=(rules(date(2025, 6, 1)),))
    with pytest.raises(MissingPayData, match="Er zijn geen regels voor premies en voordelen gekend op 1 maart 2025"):
        simulate(0, 0, data=data)


def test_a_function_without_a_career_is_refused():
    with pytest.raises(MissingPayData, match="nog geen functionele loopbaan"):
        simulate(0, 0, data=pay_data(career=()))


def test_a_scale_without_any_version_is_refused():
    with pytest.raises(MissingPayData, match="Loonschaal S3 heeft nog geen bedragen"):
        simulate(0, 0, data=pay_data(scales=(scale("S1"), scale("S2"))))


def test_a_scale_code_outside_the_career_is_refused():
    with pytest.raises(InvalidSalaryInput, match="Loonschaal X9 hoort niet bij de functionele loopbaan"):
        simulate(0, 0, scale_code="X9")


def test_a_date_that_is_not_a_date_is_refused():
    with pytest.raises(InvalidSalaryInput, match="Geef een geldige datum"):
        simulate(0, 0, on="2025-03-01")


def test_every_error_is_a_salary_error_with_its_message_as_text():
    with pytest.raises(SalaryError) as raised:
        simulate(-1, 0)
    assert str(raised.value) == raised.value.message


# --- What a valid scale is -----------------------------------------------------------------------------------------


def steps(*pairs):
    return [Step(years, Decimal(amount)) for years, amount in pairs]


def test_a_valid_scale_has_no_errors():
    assert scale_step_errors(steps((0, "100"), (2, "100"), (4, "120"))) == []


def test_scale_errors_are_explained_in_dutch():
    assert scale_step_errors([]) == ["Geef minstens één trap."]
    assert scale_step_errors(steps((1, "100"))) == [
        "De eerste trap hoort bij 0 jaar anciënniteit: anders is er geen bedrag voor wie start."]
    assert scale_step_errors(steps((0, "100"), (2, "90"))) == [
        "De trap van 2 jaar heeft een lager bedrag dan die van 0 jaar."]
    assert scale_step_errors(steps(*((years, "100") for years in range(28)))) == [
        "Een loonschaal heeft hoogstens 27 trappen (BVR van 20 januari 2023)."]
    assert scale_step_errors(steps(*((years, "100") for years in range(27)))) == []
