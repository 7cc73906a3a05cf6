"""Salary simulation (loonsimulatie): step, gross pay, holiday pay, year-end bonus, benefits and the career ahead.

Pure: it reads plain dataclasses (pay.estimate builds them from the database), never the ORM and never the clock;
the same inputs give the same figures. Bad input or missing pay data raise a SalaryError with a Dutch message,
never a wrong number.

Money is Decimal. Rounding, the way payroll does it: half up to the cent (ROUND_HALF_UP), once per figure, at the
end of that figure's own calculation:
- indexed yearly amount at 100 % = round(yearly amount at 100 % × coefficient)
- monthly gross = round(yearly amount at 100 % × coefficient / 12 × regime), from the unrounded product
- yearly gross = 12 × monthly gross (what twelve pay slips add up to)
- holiday pay = round(rate × monthly gross × months / 12)
- year-end bonus = round((fixed part × regime + rate × yearly gross) × months / 9)
Pro rata counts whole calendar months of service: a month counts when the service covers it from its first day.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from itertools import pairwise

from django.utils import formats
from django.utils.translation import gettext as _

CENT = Decimal("0.01")
MAX_YEARS = 50  # more years of experience than a working life is a typing error
HOLIDAY_REFERENCE_MONTHS = 12  # holiday pay: a full reference year is the calendar year
YEAR_END_REFERENCE_MONTHS = 9  # year-end bonus: service from 1 January to 30 September
DEFAULT_HORIZON_YEARS = 30


# --- Errors --------------------------------------------------------------------------------------------------------


class SalaryError(Exception):
    """A simulation that cannot give a right number. `message` is Dutch; `field` names the input at fault."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidSalaryInput(SalaryError):
    """The caller's input is impossible (negative or absurd years, a regime outside (0, 1], ...)."""


class MissingPayData(SalaryError):
    """The pay data for the date is not there (no career, or no scale version, coefficient or rules in force yet):
    pay_data_gaps() says what."""


# --- Input data ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A step (trap): from `years` of recognised seniority on, `yearly_amount` a year at 100 %, not indexed."""

    years: int
    yearly_amount: Decimal


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
            raise MissingPayData(_("Loonschaal %(scale)s heeft geen trap voor %(years)s jaar anciënniteit.")
                                 % {"scale": self.code, "years": years})
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


def recognise_seniority(*, public_years, private_years, private_cap_years, public_months=0, private_months=0):
    """Recognised seniority from declared public- and private-sector experience (years, plus optional months)."""
    public_years = check_years(public_years, field="public_years")
    private_years = check_years(private_years, field="private_years")
    public_months = _whole(public_months, field="public_months", maximum=11, unit="months")
    private_months = _whole(private_months, field="private_months", maximum=11, unit="months")
    total = public_years * 12 + public_months + private_years * 12 + private_months
    if total > MAX_YEARS * 12:
        raise InvalidSalaryInput(_("Samen meer dan %(max)d jaar ervaring (openbare en privésector) kan niet. "
                                   "Kijk het aantal jaren na.") % {"max": MAX_YEARS})
    return Seniority(public_months=public_years * 12 + public_months,
                     private_months=private_years * 12 + private_months,
                     private_cap_years=private_cap_years)


MAX_STEPS = 27  # BVR of 20 January 2023: a scale of a Flemish local government has at most 27 steps


def scale_step_errors(steps):
    """What is wrong with a scale's steps, in Dutch (empty when it is a valid scale): at least one step, the first
    at 0 years, at most 27 steps, and no step paying less than the one before."""
    if not steps:
        return [_("Geef minstens één trap.")]
    errors = []
    ordered = sorted(steps, key=lambda step: step.years)
    if ordered[0].years != 0:
        errors.append(_("De eerste trap hoort bij 0 jaar anciënniteit: anders is er geen bedrag voor wie start."))
    if len(ordered) > MAX_STEPS:
        errors.append(_("Een loonschaal heeft hoogstens %(max)d trappen (BVR van 20 januari 2023).")
                      % {"max": MAX_STEPS})
    for lower, higher in pairwise(ordered):
        if higher.yearly_amount < lower.yearly_amount:
            errors.append(_("De trap van %(higher)d jaar heeft een lager bedrag dan die van %(lower)d jaar.")
                          % {"higher": higher.years, "lower": lower.years})
    return errors


# --- Output --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """An amount with the one line that says how it was reached. `incomplete`: a part is not known yet."""

    amount: Decimal
    explanation: str
    incomplete: bool = False


@dataclass(frozen=True)
class CareerPoint:
    """From `on` (after `months_in_service`), this scale and step and this pay, at the index of the simulation."""

    on: date
    months_in_service: int
    seniority_years: int
    scale_code: str
    step_years: int
    monthly_gross: Decimal
    yearly_gross: Decimal
    change: str
    conditions: str = ""

    @property
    def years_in_service(self):
        return Decimal(self.months_in_service) / 12


@dataclass(frozen=True)
class Simulation:
    on: date
    regime: Decimal
    seniority: Seniority
    scale_code: str
    step_years: int
    coefficient: Coefficient
    seniority_explanation: str
    step_explanation: str
    yearly_amount: Figure  # at 100 %, not indexed
    indexed_yearly_amount: Figure  # at 100 %
    monthly_gross: Figure
    yearly_gross: Figure
    holiday_pay: Figure  # a full reference year
    holiday_pay_first_year: Figure  # the calendar year of `on`, when `on` is the start date
    year_end_bonus: Figure  # a full period 1 January - 30 September
    year_end_bonus_first_year: Figure
    meal_voucher_per_day: Figure
    bicycle_allowance_per_km: Figure
    holidays: tuple[int, int]
    holidays_explanation: str
    career: tuple[CareerPoint, ...]
    fictitious_parts: tuple[str, ...] = field(default=())  # demo data in use: shown as "fictief" wherever shown

    @property
    def fictitious(self):
        return bool(self.fictitious_parts)

    @property
    def final_point(self):
        return self.career[-1]


# --- The simulation ------------------------------------------------------------------------------------------------


def simulate_salary(data, *, seniority, regime, on, scale_code=None, years_in_scale=0,
                    horizon_years=DEFAULT_HORIZON_YEARS):
    """The salary for `seniority` at `regime` (fraction of full time, in (0, 1]) on date `on`, and its course.

    The start scale is the first of the functional career unless `scale_code` names another career scale (with
    `years_in_scale` already spent in it). Future rows keep the scales and index of `on`: no guessed indexations.
    """
    regime = check_regime(regime)
    on = check_date(on)
    years_in_scale = check_years(years_in_scale, field="years_in_scale")
    missing = [gap.message for gap in pay_data_gaps(data, on=on) if gap.blocking]
    if missing:
        raise MissingPayData(" ".join(missing))
    start = _career_index(data.career, scale_code)
    versions = {stage.scale_code: _in_force(_versions_of(data.scales, stage.scale_code), on=on)
                for stage in data.career}
    coefficient = _in_force(data.coefficients, on=on)
    rules = _in_force(data.rules, on=on)

    career = _career(data.career, versions, start=start, seniority=seniority, coefficient=coefficient,
                     regime=regime, on=on, months_in_scale=years_in_scale * 12, horizon_years=horizon_years)
    now = career[0]  # years already spent in the start scale may have moved the person up the career
    scale = versions[now.scale_code]
    step = scale.step_for(seniority.years)
    exact_indexed = step.yearly_amount * coefficient.value
    monthly = now.monthly_gross
    yearly = now.yearly_gross

    fields = {
        "yearly_amount": Figure(step.yearly_amount, _(
            "Loonschaal %(scale)s, trap %(step)d jaar: %(amount)s per jaar aan 100 %%, vóór indexering.")
            % {"scale": scale.code, "step": step.years, "amount": euro(step.yearly_amount)}),
        "indexed_yearly_amount": Figure(_cents(exact_indexed), _(
            "%(amount)s × indexcoëfficiënt %(coefficient)s (geldig vanaf %(since)s), afgerond op de cent.")
            % {"amount": euro(step.yearly_amount), "coefficient": decimal_text(coefficient.value, 4),
               "since": date_text(coefficient.valid_from)}),
        "monthly_gross": Figure(monthly, _(
            "%(amount)s × %(coefficient)s / 12 × %(regime)s werkregime, afgerond op de cent.")
            % {"amount": euro(step.yearly_amount), "coefficient": decimal_text(coefficient.value, 4),
               "regime": percent(regime)}),
        "yearly_gross": Figure(yearly, _("12 × het bruto maandloon van %(monthly)s.") % {"monthly": euro(monthly)}),
    }
    fields.update(_holiday_pay(rules, monthly=monthly, on=on))
    fields.update(_year_end_bonus(rules, yearly=yearly, regime=regime, on=on))
    return Simulation(
        on=on, regime=regime, seniority=seniority, scale_code=scale.code, step_years=step.years,
        coefficient=coefficient,
        seniority_explanation=_seniority_text(seniority),
        step_explanation=_step_text(scale, step, seniority),
        meal_voucher_per_day=Figure(rules.meal_voucher_per_day, _("Maaltijdcheque van %(amount)s per gewerkte dag.")
                                    % {"amount": euro(rules.meal_voucher_per_day)}),
        bicycle_allowance_per_km=Figure(rules.bicycle_allowance_per_km, _(
            "Fietsvergoeding van %(amount)s per kilometer woon-werkverkeer met de fiets.")
            % {"amount": euro(rules.bicycle_allowance_per_km)}),
        holidays=(rules.holidays_min, rules.holidays_max),
        holidays_explanation=_(
            "%(low)d tot %(high)d vakantiedagen per jaar bij voltijds werk; bij deeltijds werk naar verhouding.")
            % {"low": rules.holidays_min, "high": rules.holidays_max},
        career=career,
        fictitious_parts=_fictitious_parts(data.career[_career_index(data.career, now.scale_code):], versions),
        **fields,
    )


def _holiday_pay(rules, *, monthly, on):
    rate = rules.holiday_pay_rate
    months = months_served_from(on, last_month=12)
    full = Figure(_cents(rate * monthly), _(
        "%(rate)s van een bruto maandloon (%(monthly)s) voor een volledig refertejaar; uitbetaald in het jaar erna.")
        % {"rate": percent(rate), "monthly": euro(monthly)})
    first = Figure(_cents(rate * monthly * months / HOLIDAY_REFERENCE_MONTHS), _(
        "%(rate)s × %(monthly)s × %(months)d/12: %(months)d volle maanden in dienst in %(year)d (vanaf %(start)s).")
        % {"rate": percent(rate), "monthly": euro(monthly), "months": months, "year": on.year,
           "start": date_text(on)})
    return {"holiday_pay": full, "holiday_pay_first_year": first}


def _year_end_bonus(rules, *, yearly, regime, on):
    months = months_served_from(on, last_month=YEAR_END_REFERENCE_MONTHS)
    variable = rules.year_end_rate * yearly
    values = {"rate": percent(rules.year_end_rate), "yearly": euro(yearly), "months": months, "start": date_text(on),
              "regime": percent(regime)}
    if rules.year_end_fixed_amount is None:
        full = Figure(_cents(variable), _(
            "%(rate)s van het bruto jaarloon (%(yearly)s). Het vaste deel is nog niet ingevoerd: dit is enkel "
            "het variabele deel.") % values, incomplete=True)
        first = Figure(_cents(variable * months / YEAR_END_REFERENCE_MONTHS), _(
            "%(rate)s × %(yearly)s × %(months)d/9: volle maanden in dienst tussen 1 januari en 30 september "
            "(vanaf %(start)s); zonder het vaste deel, dat nog niet ingevoerd is.") % values, incomplete=True)
    else:
        fixed = rules.year_end_fixed_amount * regime
        values["fixed"] = euro(rules.year_end_fixed_amount)
        full = Figure(_cents(fixed + variable), _(
            "Vast deel %(fixed)s × %(regime)s + %(rate)s van het bruto jaarloon (%(yearly)s), voor een volledige "
            "periode van 1 januari tot 30 september.") % values)
        first = Figure(_cents((fixed + variable) * months / YEAR_END_REFERENCE_MONTHS), _(
            "(Vast deel %(fixed)s × %(regime)s + %(rate)s × %(yearly)s) × %(months)d/9: volle maanden in dienst "
            "tussen 1 januari en 30 september (vanaf %(start)s).") % values)
    return {"year_end_bonus": full, "year_end_bonus_first_year": first}


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
        monthly = _cents(step.yearly_amount * coefficient.value / 12 * regime)
        points.append(CareerPoint(
            on=add_months(on, t), months_in_service=t, seniority_years=years, scale_code=scale.code,
            step_years=step.years, monthly_gross=monthly, yearly_gross=monthly * 12,
            change=_change_text(previous, scale, step, years, career[stage]),
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


def _change_text(previous, scale, step, years, stage):
    if previous is None:
        return _("Start in loonschaal %(scale)s, trap %(step)d jaar.") % {"scale": scale.code, "step": step.years}
    if previous.scale_code != scale.code:
        return _("Naar loonschaal %(scale)s na %(after)d jaar in %(previous)s; trap %(step)d jaar.") % {
            "scale": scale.code, "after": stage.years_in_previous_scale, "previous": previous.scale_code,
            "step": step.years}
    return _("Volgende trap in %(scale)s: %(years)d jaar erkende anciënniteit.") % {"scale": scale.code,
                                                                                 "years": years}


def _seniority_text(seniority):
    values = {"total": years_text(seniority.months), "public": years_text(seniority.public_months),
              "private": years_text(seniority.counted_private_months), "cap": seniority.private_cap_years}
    if seniority.private_capped:
        values["declared"] = years_text(seniority.private_months)
        return _("%(total)s erkende anciënniteit: %(public)s openbare sector + %(private)s privésector (van de "
                 "%(declared)s tellen er maximaal %(cap)d jaar mee).") % values
    return _("%(total)s erkende anciënniteit: %(public)s openbare sector + %(private)s privésector.") % values


def _step_text(scale, step, seniority):
    values = {"scale": scale.code, "step": step.years, "years": seniority.years}
    if step == scale.last_step and seniority.years > step.years:
        return _("Trap %(step)d jaar: de hoogste trap van %(scale)s (je hebt %(years)d volle jaren).") % values
    return _("Trap %(step)d jaar van %(scale)s: de hoogste trap die je met %(years)d volle jaren bereikt.") % values


def years_text(months):
    years, rest = divmod(months, 12)
    if rest:
        return _("%(years)d jaar en %(months)d maanden") % {"years": years, "months": rest}
    return _("%(years)d jaar") % {"years": years}


def _fictitious_parts(career, versions):
    parts = [_("loonschaal %(scale)s") % {"scale": stage.scale_code}
             for stage in career if versions[stage.scale_code].fictitious]
    if any(stage.fictitious for stage in career):
        parts.append(_("functionele loopbaan"))
    return tuple(parts)


# --- Picking the data in force -------------------------------------------------------------------------------------


def _career_index(career, scale_code):
    if scale_code is None:
        return 0
    for index, stage in enumerate(career):
        if stage.scale_code == scale_code:
            return index
    raise InvalidSalaryInput(_("Loonschaal %(scale)s hoort niet bij de functionele loopbaan van deze functie.")
                             % {"scale": scale_code}, field="scale_code")


def _in_force(items, *, on):
    """The item (scale version, coefficient, pay rules) in force on `on`: the latest that started by then; None
    when none has."""
    return max((item for item in items if item.valid_from <= on), key=lambda item: item.valid_from, default=None)


def _versions_of(scales, code):
    return [version for version in scales if version.code == code]


# --- What is missing -----------------------------------------------------------------------------------------------


class GapKind(StrEnum):
    CAREER = "career"  # no functional career
    SCALE = "scale"  # a scale of the career has no version in force
    FICTITIOUS_SCALE = "fictitious_scale"  # ... only a fictitious (demo) one
    FICTITIOUS_CAREER = "fictitious_career"  # the career is a demo
    COEFFICIENT = "coefficient"  # no index coefficient in force
    RULES = "rules"  # no pay rules in force
    YEAR_END_FIXED = "year_end_fixed"  # the pay rules in force lack the year-end bonus's fixed part


@dataclass(frozen=True)
class PayGap:
    """A part of the pay data that is missing on a date (`blocking`: no simulation is possible), or that the
    simulation can only show as fictitious or incomplete. `message` says it in Dutch."""

    kind: GapKind
    message: str
    blocking: bool
    scale_code: str = ""


def pay_data_gaps(data, *, on):
    """Every gap in `data` on date `on`, in the order of the career, then the coefficient and the pay rules. The one
    rule of what a simulation needs: simulate_salary refuses while a blocking gap is left, and pay.estimate lists
    the gaps for HR."""
    gaps = []
    if not data.career:
        gaps.append(PayGap(GapKind.CAREER, _("Voor deze functie is nog geen functionele loopbaan met loonschalen "
                                             "ingesteld."), blocking=True))
    for stage in data.career:
        versions = _versions_of(data.scales, stage.scale_code)
        version = _in_force(versions, on=on)
        values = {"scale": stage.scale_code, "on": date_text(on)}
        if not versions:
            gaps.append(PayGap(GapKind.SCALE, _("Loonschaal %(scale)s heeft nog geen bedragen.") % values,
                               blocking=True, scale_code=stage.scale_code))
        elif version is None:
            values["first"] = date_text(min(item.valid_from for item in versions))
            gaps.append(PayGap(GapKind.SCALE, _("Loonschaal %(scale)s bestaat pas vanaf %(first)s; een simulatie op "
                                                "%(on)s kan niet.") % values, blocking=True,
                               scale_code=stage.scale_code))
        elif version.fictitious:
            gaps.append(PayGap(GapKind.FICTITIOUS_SCALE, _("Loonschaal %(scale)s heeft enkel fictieve "
                                                           "demobedragen.") % values, blocking=False,
                               scale_code=stage.scale_code))
    if any(stage.fictitious for stage in data.career):
        gaps.append(PayGap(GapKind.FICTITIOUS_CAREER, _("De functionele loopbaan is een fictieve demo."),
                           blocking=False))
    if _in_force(data.coefficients, on=on) is None:
        gaps.append(PayGap(GapKind.COEFFICIENT, _("Er is geen indexcoëfficiënt gekend op %(on)s.")
                           % {"on": date_text(on)}, blocking=True))
    rules = _in_force(data.rules, on=on)
    if rules is None:
        gaps.append(PayGap(GapKind.RULES, _("Er zijn geen regels voor premies en voordelen gekend op %(on)s.")
                           % {"on": date_text(on)}, blocking=True))
    elif rules.year_end_fixed_amount is None:
        gaps.append(PayGap(GapKind.YEAR_END_FIXED, _("Het vaste deel van de eindejaarspremie is nog niet "
                                                     "ingevoerd."), blocking=False))
    return gaps


# --- Checking input ------------------------------------------------------------------------------------------------


def _whole(value, *, field, maximum, unit="years"):
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidSalaryInput(_("Geef een geheel getal.") if unit == "months"
                                 else _("Geef een geheel aantal jaren."), field=field)
    if value < 0:
        raise InvalidSalaryInput(_("Het aantal kan niet negatief zijn."), field=field)
    if value > maximum:
        if unit == "months":
            raise InvalidSalaryInput(_("Geef hoogstens %(max)d maanden; twaalf maanden zijn een jaar.")
                                     % {"max": maximum}, field=field)
        raise InvalidSalaryInput(_("Meer dan %(max)d jaar is niet mogelijk. Kijk het aantal jaren na.")
                                 % {"max": maximum}, field=field)
    return value


def check_years(value, *, field):
    """A whole number of years from 0 to 50 (MAX_YEARS), or InvalidSalaryInput naming `field`."""
    return _whole(value, field=field, maximum=MAX_YEARS)


def check_date(value):
    """The date of a simulation, or InvalidSalaryInput naming `on`."""
    if not isinstance(value, date):
        raise InvalidSalaryInput(_("Geef een geldige datum."), field="on")
    return value


def check_regime(value):
    """The regime (werkregime) as a Decimal fraction of full time in (0, 1], or InvalidSalaryInput."""
    message = _("Het werkregime is een deel van een voltijdse job: meer dan 0 en hoogstens 1 (bv. 0,8 voor 4/5).")
    if isinstance(value, bool):
        raise InvalidSalaryInput(message, field="regime")
    try:
        regime = Decimal(str(value)) if isinstance(value, int | float) else value
        if not isinstance(regime, Decimal) or not regime.is_finite() or not 0 < regime <= 1:
            raise InvalidSalaryInput(message, field="regime")
    except InvalidOperation as error:
        raise InvalidSalaryInput(message, field="regime") from error
    return regime


# --- Small helpers -------------------------------------------------------------------------------------------------


def _cents(amount):
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def add_months(day, months):
    """`day` plus whole months; the 29th-31st fall back to the month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def euro(amount):
    """An amount in the active language's format, rounded half up to the cent: "€ 3.059,65"."""
    return "€ " + formats.number_format(_cents(Decimal(amount)), 2, force_grouping=True)


def decimal_text(value, places):
    return formats.number_format(Decimal(value), places)


def percent(fraction):
    """0.8 -> "80 %", 0.036 -> "3,6 %" (no trailing zeros)."""
    value = (Decimal(fraction) * 100).normalize()
    places = max(0, -value.as_tuple().exponent)
    return formats.number_format(value, places) + " %"


def date_text(day):
    return formats.date_format(day, "j F Y")
