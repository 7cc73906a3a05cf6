"""Salary calculation (loonberekening): step, gross pay, holiday pay, year-end bonus and the career ahead, in numbers.

Pure: it reads plain dataclasses (pay.estimate builds them from the database) and gives numbers, never the ORM, the
clock or a word of text; the same inputs give the same figures. pay.simulation checks the input first and is the one
door to it; pay.formatting says the figures and what is missing in Dutch.

Money is Decimal. Rounding, the way payroll does it: half up to the cent (ROUND_HALF_UP), once per figure, at the
end of that figure's own calculation:
- indexed yearly amount at 100 % = round(yearly amount at 100 % × coefficient)
- monthly gross = round(yearly amount at 100 % × coefficient / 12 × regime), from the unrounded product
- yearly gross = 12 × monthly gross (what twelve pay slips add up to)
- holiday pay = round(rate × monthly gross × months / 12)
- year-end bonus = round((fixed part × regime + rate × yearly gross) × months / 9)
Pro rata counts whole calendar months of service: a month counts when the service covers it from its first day.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from kortrijk_ats.dates import add_months

CENT = Decimal("0.01")
HOLIDAY_REFERENCE_MONTHS = 12  # holiday pay: a full reference year is the calendar year
YEAR_END_REFERENCE_MONTHS = 9  # year-end bonus: service from 1 January to 30 September
DEFAULT_HORIZON_YEARS = 30


# --- Input data ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A step (trap): from `years` of recognised seniority on, `yearly_amount` a year at 100 %, not indexed."""

    years: int
    yearly_amount: Decimal


class NoStep(Exception):
    """A scale version has no step for the years reached: its first step starts later (pay.simulation says it)."""

    def __init__(self, scale_code, years):
        super().__init__(scale_code, years)
        self.scale_code = scale_code
        self.years = years


@dataclass(frozen=True)
class ScaleVersion:
    """The steps of a scale from `valid_from` on; `fictitious` for demo figures (never the city's own)."""

    code: str
    valid_from: date
    steps: tuple[Step, ...]
    fictitious: bool = False
    source: str = ""

    def step_for(self, years):
        """The highest step whose years are reached; past the last step the last one holds."""
        reached = [step for step in self.steps if step.years <= years]
        if not reached:
            raise NoStep(self.code, years)
        return max(reached, key=lambda step: step.years)

    @property
    def last_step(self):
        return max(self.steps, key=lambda step: step.years)


@dataclass(frozen=True)
class Coefficient:
    """The index coefficient from `valid_from` on, until the next one starts."""

    valid_from: date
    value: Decimal


@dataclass(frozen=True)
class PayRules:
    """Holiday pay, year-end bonus and benefits from `valid_from` on, as HR entered them (no defaults: nothing is
    guessed). No fixed part known: `None`."""

    valid_from: date
    holiday_pay_rate: Decimal
    year_end_fixed_amount: Decimal | None
    year_end_rate: Decimal
    meal_voucher_per_day: Decimal
    bicycle_allowance_per_km: Decimal
    holidays_min: int
    holidays_max: int


@dataclass(frozen=True)
class CareerStage:
    """One scale of the functional career; reached after `years_in_previous_scale` in the previous one."""

    scale_code: str
    years_in_previous_scale: int = 0
    conditions: str = ""
    fictitious: bool = False


@dataclass(frozen=True)
class PayData:
    """Everything the simulation reads for one function: every version, so any date can be simulated."""

    scales: tuple[ScaleVersion, ...]
    coefficients: tuple[Coefficient, ...]
    rules: tuple[PayRules, ...]
    career: tuple[CareerStage, ...]
    private_cap_years: int


@dataclass(frozen=True)
class Seniority:
    """Recognised seniority (erkende anciënniteit): public-sector months count fully, private-sector months up to
    the function's cap."""

    public_months: int
    private_months: int
    private_cap_years: int

    @property
    def counted_private_months(self):
        return min(self.private_months, self.private_cap_years * 12)

    @property
    def private_capped(self):
        return self.private_months > self.private_cap_years * 12

    @property
    def months(self):
        return self.public_months + self.counted_private_months

    @property
    def years(self):
        """Completed years: what the step depends on."""
        return self.months // 12


# --- Output --------------------------------------------------------------------------------------------------------


class Change(StrEnum):
    """What a career point changes: the start, the next step in the same scale, or a move up the career."""

    START = "start"
    STEP = "step"
    SCALE = "scale"


@dataclass(frozen=True)
class CareerPoint:
    """From `on` (after `months_in_service`), this scale and step and this pay, at the index of the simulation. A move
    up the career (`kind` SCALE) names the scale it leaves and the years spent there, and the stage's conditions."""

    on: date
    months_in_service: int
    seniority_years: int
    scale_code: str
    step_years: int
    monthly_gross: Decimal
    yearly_gross: Decimal
    kind: Change = Change.START
    previous_scale_code: str = ""
    years_in_previous_scale: int = 0
    conditions: str = ""

    @property
    def years_in_service(self):
        return Decimal(self.months_in_service) / 12


@dataclass(frozen=True)
class Calculation:
    """Every figure of a simulation on `on`. `*_first_year`: pro rata from `on` as the start date, over the
    `*_months` whole months served in its reference period; `year_end_fixed_missing`: the bonus lacks its fixed part
    (only the variable part is counted)."""

    on: date
    regime: Decimal
    seniority: Seniority
    scale: ScaleVersion
    step: Step
    past_last_step: bool  # more years than the last step asks: the last step holds
    coefficient: Coefficient
    rules: PayRules
    indexed_yearly_amount: Decimal  # at 100 %
    monthly_gross: Decimal
    yearly_gross: Decimal
    holiday_pay: Decimal  # a full reference year
    holiday_pay_first_year: Decimal
    holiday_months: int
    year_end_bonus: Decimal  # a full period 1 January - 30 September
    year_end_bonus_first_year: Decimal
    year_end_months: int
    year_end_fixed_missing: bool
    career: tuple[CareerPoint, ...]
    fictitious_scales: tuple[str, ...]  # codes of the scales ahead that have only demo figures
    fictitious_career: bool


# --- The calculation -----------------------------------------------------------------------------------------------


def calculate(data, *, seniority, regime, on, start, months_in_scale=0, horizon_years=DEFAULT_HORIZON_YEARS):
    """Every figure for `seniority` at `regime` (a fraction of full time) on `on`, starting in career stage `start`
    (an index into data.career) with `months_in_scale` already spent there. The data must have no blocking gap on
    `on` (pay_data_gaps); NoStep when a scale has no step for the years reached. Future career points keep the
    scales and index of `on`: no guessed indexations."""
    versions = {stage.scale_code: in_force(versions_of(data.scales, stage.scale_code), on=on)
                for stage in data.career}
    coefficient = in_force(data.coefficients, on=on)
    rules = in_force(data.rules, on=on)
    career = _career(data.career, versions, start=start, seniority=seniority, coefficient=coefficient,
                     regime=regime, on=on, months_in_scale=months_in_scale, horizon_years=horizon_years)
    now = career[0]  # years already spent in the start scale may have moved the person up the career
    scale = versions[now.scale_code]
    step = scale.step_for(seniority.years)
    monthly, yearly = now.monthly_gross, now.yearly_gross
    holiday_months = months_served_from(on, last_month=HOLIDAY_REFERENCE_MONTHS)
    year_end_months = months_served_from(on, last_month=YEAR_END_REFERENCE_MONTHS)
    year_end = rules.year_end_rate * yearly
    if rules.year_end_fixed_amount is not None:
        year_end = rules.year_end_fixed_amount * regime + year_end
    ahead = data.career[career_index(data.career, now.scale_code):]
    return Calculation(
        on=on, regime=regime, seniority=seniority, scale=scale, step=step,
        past_last_step=step == scale.last_step and seniority.years > step.years,
        coefficient=coefficient, rules=rules,
        indexed_yearly_amount=cents(step.yearly_amount * coefficient.value),
        monthly_gross=monthly, yearly_gross=yearly,
        holiday_pay=cents(rules.holiday_pay_rate * monthly),
        holiday_pay_first_year=cents(rules.holiday_pay_rate * monthly * holiday_months / HOLIDAY_REFERENCE_MONTHS),
        holiday_months=holiday_months,
        year_end_bonus=cents(year_end),
        year_end_bonus_first_year=cents(year_end * year_end_months / YEAR_END_REFERENCE_MONTHS),
        year_end_months=year_end_months,
        year_end_fixed_missing=rules.year_end_fixed_amount is None,
        career=career,
        fictitious_scales=tuple(stage.scale_code for stage in ahead if versions[stage.scale_code].fictitious),
        fictitious_career=any(stage.fictitious for stage in ahead),
    )


def months_served_from(start, *, last_month):
    """Whole calendar months of service from `start` through month `last_month` of that year (a month counts when
    the service covers it from its first day)."""
    first_full_month = start.month if start.day == 1 else start.month + 1
    return max(0, last_month - first_full_month + 1)


def _career(career, versions, *, start, seniority, coefficient, regime, on, months_in_scale, horizon_years):
    """The change points of pay from `on`: the start, each new step and each move up the functional career."""
    moves = _career_moves(career, start=start, months_in_scale=months_in_scale)
    horizon = horizon_years * 12
    step_times = {
        step.years * 12 - seniority.months
        for version in versions.values() for step in version.steps
        if 0 < step.years * 12 - seniority.months <= horizon
    }
    times = sorted({0, *step_times, *(at for at, _index in moves if at <= horizon)})

    points, previous = [], None
    for t in times:
        stage = max([start] + [index for at, index in moves if at <= t])
        scale = versions[career[stage].scale_code]
        years = (seniority.months + t) // 12
        step = scale.step_for(years)
        if previous and (previous.scale_code, previous.step_years) == (scale.code, step.years):
            continue
        moved = previous is not None and previous.scale_code != scale.code
        monthly = cents(step.yearly_amount * coefficient.value / 12 * regime)
        points.append(CareerPoint(
            on=add_months(on, t), months_in_service=t, seniority_years=years, scale_code=scale.code,
            step_years=step.years, monthly_gross=monthly, yearly_gross=monthly * 12,
            kind=Change.START if previous is None else Change.SCALE if moved else Change.STEP,
            previous_scale_code=previous.scale_code if moved else "",
            years_in_previous_scale=career[stage].years_in_previous_scale if moved else 0,
            conditions=career[stage].conditions if moved else "",
        ))
        previous = points[-1]
    return tuple(points)


def _career_moves(career, *, start, months_in_scale):
    """(months from the start, career index) for each later scale: its years in the previous scale, counted from
    the months already spent in the start scale."""
    moves, at = [], None
    for index in range(start + 1, len(career)):
        needed = career[index].years_in_previous_scale * 12
        at = max(0, needed - months_in_scale) if at is None else at + needed
        moves.append((at, index))
    return moves


# --- Picking the data in force -------------------------------------------------------------------------------------


def career_index(career, scale_code):
    """The index of `scale_code` in the career (0, the start scale, for None); None when it is not in it."""
    if scale_code is None:
        return 0
    return next((index for index, stage in enumerate(career) if stage.scale_code == scale_code), None)


def in_force(items, *, on):
    """The item (scale version, coefficient, pay rules) in force on `on`: the latest that started by then; None
    when none has."""
    return max((item for item in items if item.valid_from <= on), key=lambda item: item.valid_from, default=None)


def versions_of(scales, code):
    return [version for version in scales if version.code == code]


# --- What is missing -----------------------------------------------------------------------------------------------


class GapKind(StrEnum):
    CAREER = "career"  # no functional career
    SCALE = "scale"  # a scale of the career has no version (first_valid_from None), or none in force yet
    FICTITIOUS_SCALE = "fictitious_scale"  # ... only a fictitious (demo) one
    FICTITIOUS_CAREER = "fictitious_career"  # the career is a demo
    COEFFICIENT = "coefficient"  # no index coefficient in force
    RULES = "rules"  # no pay rules in force
    YEAR_END_FIXED = "year_end_fixed"  # the pay rules in force lack the year-end bonus's fixed part


@dataclass(frozen=True)
class PayGap:
    """A part of the pay data that is missing on a date (`blocking`: no simulation is possible), or that the
    simulation can only show as fictitious or incomplete. pay.formatting.gap_message says it in Dutch."""

    kind: GapKind
    blocking: bool
    scale_code: str = ""
    first_valid_from: date | None = None  # a scale's first version, when it starts after the date


def pay_data_gaps(data, *, on):
    """Every gap in `data` on date `on`, in the order of the career, then the coefficient and the pay rules. The one
    rule of what a simulation needs: pay.simulation refuses while a blocking gap is left, and pay.estimate lists
    the gaps for HR."""
    gaps = []
    if not data.career:
        gaps.append(PayGap(GapKind.CAREER, blocking=True))
    for stage in data.career:
        versions = versions_of(data.scales, stage.scale_code)
        version = in_force(versions, on=on)
        if not versions:
            gaps.append(PayGap(GapKind.SCALE, blocking=True, scale_code=stage.scale_code))
        elif version is None:
            gaps.append(PayGap(GapKind.SCALE, blocking=True, scale_code=stage.scale_code,
                               first_valid_from=min(item.valid_from for item in versions)))
        elif version.fictitious:
            gaps.append(PayGap(GapKind.FICTITIOUS_SCALE, blocking=False, scale_code=stage.scale_code))
    if any(stage.fictitious for stage in data.career):
        gaps.append(PayGap(GapKind.FICTITIOUS_CAREER, blocking=False))
    if in_force(data.coefficients, on=on) is None:
        gaps.append(PayGap(GapKind.COEFFICIENT, blocking=True))
    rules = in_force(data.rules, on=on)
    if rules is None:
        gaps.append(PayGap(GapKind.RULES, blocking=True))
    elif rules.year_end_fixed_amount is None:
        gaps.append(PayGap(GapKind.YEAR_END_FIXED, blocking=False))
    return gaps


# --- Small helpers -------------------------------------------------------------------------------------------------


def cents(amount):
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
