"""Salary simulation (loonsimulatie): the one door to pay.calculation, with what it may be asked.

simulate_salary() checks the input, refuses while the pay data has a blocking gap, calculates
(pay.calculation) and explains (pay.formatting). Bad input or missing pay data raise a SalaryError with a Dutch
message, never a wrong number. The same checks serve the forms that ask for the input (years, regime) and HR's
scales (scale_step_errors).
"""

from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from django.utils.translation import gettext as _

from pay.calculation import (
    DEFAULT_HORIZON_YEARS,
    NoStep,
    Seniority,
    calculate,
    career_index,
    pay_data_gaps,
)
from pay.formatting import explain, gap_message

MAX_YEARS = 50  # more years of experience than a working life is a typing error
MAX_STEPS = 27  # BVR of 20 January 2023: a scale of a Flemish local government has at most 27 steps


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
    pay.calculation.pay_data_gaps() says what."""


# --- The simulation ------------------------------------------------------------------------------------------------


def simulate_salary(data, *, seniority, regime, on, scale_code=None, years_in_scale=0,
                    horizon_years=DEFAULT_HORIZON_YEARS):
    """The salary for `seniority` at `regime` (fraction of full time, in (0, 1]) on date `on`, and its course, as a
    pay.formatting.Simulation.

    The start scale is the first of the functional career unless `scale_code` names another career scale (with
    `years_in_scale` already spent in it). Future rows keep the scales and index of `on`: no guessed indexations.
    """
    regime = check_regime(regime)
    on = check_date(on)
    years_in_scale = check_years(years_in_scale, field="years_in_scale")
    missing = [gap_message(gap, on=on) for gap in pay_data_gaps(data, on=on) if gap.blocking]
    if missing:
        raise MissingPayData(" ".join(missing))
    start = career_index(data.career, scale_code)
    if start is None:
        raise InvalidSalaryInput(_("Loonschaal %(scale)s hoort niet bij de functionele loopbaan van deze functie.")
                                 % {"scale": scale_code}, field="scale_code")
    try:
        calculation = calculate(data, seniority=seniority, regime=regime, on=on, start=start,
                                months_in_scale=years_in_scale * 12, horizon_years=horizon_years)
    except NoStep as missing_step:
        raise MissingPayData(_("Loonschaal %(scale)s heeft geen trap voor %(years)s jaar anciënniteit.")
                             % {"scale": missing_step.scale_code, "years": missing_step.years}) from None
    return explain(calculation)


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
