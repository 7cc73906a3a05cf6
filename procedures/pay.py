"""Pay data from the database for the salary simulation, the estimate for a function, and the history rule.

procedures.salary computes from plain dataclasses; this module is the thin loader that builds them from the models,
so the offer flow and the public estimate use one and the same computation.

For an offer: `estimate_salary(function, public_years=..., private_years=..., public_months=..., private_months=...,
regime=vacancy_regime, on=start_date)` gives a procedures.salary.Simulation (figures with their explanation,
`holiday_pay_first_year` / `year_end_bonus_first_year` pro rata from `on` as the start date, the career ahead,
`illustrative_parts`); procedures.salary_chart.render_salary_chart(simulation) draws its chart. Catch
procedures.salary.SalaryError: its `message` is Dutch, its `field` names the input at fault.
"""

from django.utils import timezone

from procedures.models import CareerScale, IndexCoefficient, PayRules, PayScaleVersion
from procedures.salary import (
    CareerStage,
    Coefficient,
    PayData,
    ScaleVersion,
    Step,
    recognise_seniority,
    simulate_salary,
)
from procedures.salary import PayRules as PayRulesData


def load_pay_data(function):
    """Every version of the scales of `function`'s functional career, every coefficient and every set of pay rules
    (five queries, however many versions)."""
    career = list(CareerScale.objects.filter(function=function).select_related("scale").order_by("position"))
    versions = (PayScaleVersion.objects.filter(scale__in=[stage.scale for stage in career])
                .select_related("scale").prefetch_related("steps"))
    return PayData(
        scales=tuple(
            ScaleVersion(code=version.scale.code, valid_from=version.valid_from, illustrative=version.illustrative,
                         source=version.source,
                         steps=tuple(Step(years=step.years, yearly_amount=step.yearly_amount)
                                     for step in sorted(version.steps.all(), key=lambda step: step.years)))
            for version in versions
        ),
        coefficients=tuple(Coefficient(valid_from=row.valid_from, value=row.coefficient)
                           for row in IndexCoefficient.objects.all()),
        rules=tuple(_rules(row) for row in PayRules.objects.all()),
        career=tuple(CareerStage(scale_code=stage.scale.code, years_in_previous_scale=stage.years_in_previous_scale,
                                 conditions=stage.conditions, illustrative=stage.illustrative)
                     for stage in career),
        private_cap_years=function.private_seniority_cap_years,
    )


def _rules(row):
    return PayRulesData(
        valid_from=row.valid_from, holiday_pay_rate=row.holiday_pay_rate,
        year_end_fixed_amount=row.year_end_fixed_amount, year_end_rate=row.year_end_rate,
        meal_voucher_per_day=row.meal_voucher_per_day, bicycle_allowance_per_km=row.bicycle_allowance_per_km,
        holidays_min=row.holidays_min, holidays_max=row.holidays_max,
    )


def estimate_salary(function, *, public_years, private_years, regime, on, public_months=0, private_months=0,
                    scale_code=None, years_in_scale=0):
    """The salary simulation for `function` from declared experience: public-sector years count fully, private-sector
    years up to the function's cap. Raises procedures.salary.SalaryError with a Dutch message on bad input or
    missing pay data."""
    data = load_pay_data(function)
    seniority = recognise_seniority(public_years=public_years, private_years=private_years,
                                    public_months=public_months, private_months=private_months,
                                    private_cap_years=data.private_cap_years)
    return simulate_salary(data, seniority=seniority, regime=regime, on=on, scale_code=scale_code,
                           years_in_scale=years_in_scale)


def is_locked(row, *, today):
    """History rule: a row of the city's own pay figures is locked once it is in force and was entered before
    today; HR then adds a newer version instead. Illustrative (demo) figures stay editable and deletable."""
    if getattr(row, "illustrative", False) or row.pk is None:
        return False
    return row.valid_from <= today and timezone.localdate(row.created_at) < today
