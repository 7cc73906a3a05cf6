"""The salary simulation in words: money, percentages, dates and years in the active language's format, the one
line that says how each figure was reached, and what is missing, in Dutch (gettext).

pay.calculation gives the numbers; explain() puts them beside their explanation as the Simulation that pages, the
offer letter and the back office show.
"""

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from pay.calculation import CareerPoint, Change, Coefficient, GapKind, Seniority, cents

# --- Money, percentages, dates and years ---------------------------------------------------------------------------


def euro(amount):
    """An amount in the active language's format, rounded half up to the cent: "€ 3.059,65"."""
    return "€ " + formats.number_format(cents(Decimal(amount)), 2, force_grouping=True)


def decimal_text(value, places):
    return formats.number_format(Decimal(value), places)


def percent(fraction):
    """0.8 -> "80 %", 0.036 -> "3,6 %" (no trailing zeros)."""
    value = (Decimal(fraction) * 100).normalize()
    places = max(0, -value.as_tuple().exponent)
    return formats.number_format(value, places) + " %"


def date_text(day):
    return formats.date_format(day, "j F Y")


def years_text(months):
    years, rest = divmod(months, 12)
    if rest:
        return _("%(years)d jaar en %(months)d maanden") % {"years": years, "months": rest}
    return _("%(years)d jaar") % {"years": years}


# --- The simulation with its explanations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """An amount with the one line that says how it was reached. `incomplete`: a part is not known yet."""

    amount: Decimal
    explanation: str
    incomplete: bool = False


@dataclass(frozen=True)
class CareerLine(CareerPoint):
    """A career point with the sentence that says what changes there."""

    change: str = ""


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
    career: tuple[CareerLine, ...]
    fictitious_parts: tuple[str, ...] = field(default=())  # demo data in use: shown as "fictief" wherever shown

    @property
    def fictitious(self):
        return bool(self.fictitious_parts)

    @property
    def final_point(self):
        return self.career[-1]


def explain(calculation):
    """The Simulation of a pay.calculation.Calculation: each figure with its explanation, the career with its
    changes, and the fictitious (demo) parts named."""
    c = calculation
    scale, step, rules = c.scale, c.step, c.rules
    coefficient = decimal_text(c.coefficient.value, 4)
    return Simulation(
        on=c.on, regime=c.regime, seniority=c.seniority, scale_code=scale.code, step_years=step.years,
        coefficient=c.coefficient,
        seniority_explanation=_seniority_text(c.seniority),
        step_explanation=_step_text(c),
        yearly_amount=Figure(step.yearly_amount, _(
            "Loonschaal %(scale)s, trap %(step)d jaar: %(amount)s per jaar aan 100 %%, vóór indexering.")
            % {"scale": scale.code, "step": step.years, "amount": euro(step.yearly_amount)}),
        indexed_yearly_amount=Figure(c.indexed_yearly_amount, _(
            "%(amount)s × indexcoëfficiënt %(coefficient)s (geldig vanaf %(since)s), afgerond op de cent.")
            % {"amount": euro(step.yearly_amount), "coefficient": coefficient,
               "since": date_text(c.coefficient.valid_from)}),
        monthly_gross=Figure(c.monthly_gross, _(
            "%(amount)s × %(coefficient)s / 12 × %(regime)s werkregime, afgerond op de cent.")
            % {"amount": euro(step.yearly_amount), "coefficient": coefficient, "regime": percent(c.regime)}),
        yearly_gross=Figure(c.yearly_gross, _("12 × het bruto maandloon van %(monthly)s.")
                            % {"monthly": euro(c.monthly_gross)}),
        **_holiday_pay(c),
        **_year_end_bonus(c),
        meal_voucher_per_day=Figure(rules.meal_voucher_per_day, _("Maaltijdcheque van %(amount)s per gewerkte dag.")
                                    % {"amount": euro(rules.meal_voucher_per_day)}),
        bicycle_allowance_per_km=Figure(rules.bicycle_allowance_per_km, _(
            "Fietsvergoeding van %(amount)s per kilometer woon-werkverkeer met de fiets.")
            % {"amount": euro(rules.bicycle_allowance_per_km)}),
        holidays=(rules.holidays_min, rules.holidays_max),
        holidays_explanation=_(
            "%(low)d tot %(high)d vakantiedagen per jaar bij voltijds werk; bij deeltijds werk naar verhouding.")
            % {"low": rules.holidays_min, "high": rules.holidays_max},
        career=tuple(CareerLine(**{f.name: getattr(point, f.name) for f in fields(point)},
                                change=change_text(point))
                     for point in c.career),
        fictitious_parts=(*(_("loonschaal %(scale)s") % {"scale": code} for code in c.fictitious_scales),
                          *((_("functionele loopbaan"),) if c.fictitious_career else ())),
    )


def _holiday_pay(c):
    values = {"rate": percent(c.rules.holiday_pay_rate), "monthly": euro(c.monthly_gross), "months": c.holiday_months,
              "year": c.on.year, "start": date_text(c.on)}
    return {
        "holiday_pay": Figure(c.holiday_pay, _(
            "%(rate)s van een bruto maandloon (%(monthly)s) voor een volledig refertejaar; uitbetaald in het jaar "
            "erna.") % values),
        "holiday_pay_first_year": Figure(c.holiday_pay_first_year, _(
            "%(rate)s × %(monthly)s × %(months)d/12: %(months)d volle maanden in dienst in %(year)d (vanaf "
            "%(start)s).") % values),
    }


def _year_end_bonus(c):
    values = {"rate": percent(c.rules.year_end_rate), "yearly": euro(c.yearly_gross), "months": c.year_end_months,
              "start": date_text(c.on), "regime": percent(c.regime)}
    if c.year_end_fixed_missing:
        full = Figure(c.year_end_bonus, _(
            "%(rate)s van het bruto jaarloon (%(yearly)s). Het vaste deel is nog niet ingevoerd: dit is enkel "
            "het variabele deel.") % values, incomplete=True)
        first = Figure(c.year_end_bonus_first_year, _(
            "%(rate)s × %(yearly)s × %(months)d/9: volle maanden in dienst tussen 1 januari en 30 september "
            "(vanaf %(start)s); zonder het vaste deel, dat nog niet ingevoerd is.") % values, incomplete=True)
    else:
        values["fixed"] = euro(c.rules.year_end_fixed_amount)
        full = Figure(c.year_end_bonus, _(
            "Vast deel %(fixed)s × %(regime)s + %(rate)s van het bruto jaarloon (%(yearly)s), voor een volledige "
            "periode van 1 januari tot 30 september.") % values)
        first = Figure(c.year_end_bonus_first_year, _(
            "(Vast deel %(fixed)s × %(regime)s + %(rate)s × %(yearly)s) × %(months)d/9: volle maanden in dienst "
            "tussen 1 januari en 30 september (vanaf %(start)s).") % values)
    return {"year_end_bonus": full, "year_end_bonus_first_year": first}


def change_text(point):
    """What changes at a career point: the start, the next step, or a move to the next scale of the career."""
    if point.kind == Change.START:
        return _("Start in loonschaal %(scale)s, trap %(step)d jaar.") % {"scale": point.scale_code,
                                                                          "step": point.step_years}
    if point.kind == Change.SCALE:
        return _("Naar loonschaal %(scale)s na %(after)d jaar in %(previous)s; trap %(step)d jaar.") % {
            "scale": point.scale_code, "after": point.years_in_previous_scale, "previous": point.previous_scale_code,
            "step": point.step_years}
    return _("Volgende trap in %(scale)s: %(years)d jaar erkende anciënniteit.") % {
        "scale": point.scale_code, "years": point.seniority_years}


def _seniority_text(seniority):
    values = {"total": years_text(seniority.months), "public": years_text(seniority.public_months),
              "private": years_text(seniority.counted_private_months), "cap": seniority.private_cap_years}
    if seniority.private_capped:
        values["declared"] = years_text(seniority.private_months)
        return _("%(total)s erkende anciënniteit: %(public)s openbare sector + %(private)s privésector (van de "
                 "%(declared)s tellen er maximaal %(cap)d jaar mee).") % values
    return _("%(total)s erkende anciënniteit: %(public)s openbare sector + %(private)s privésector.") % values


def _step_text(c):
    values = {"scale": c.scale.code, "step": c.step.years, "years": c.seniority.years}
    if c.past_last_step:
        return _("Trap %(step)d jaar: de hoogste trap van %(scale)s (je hebt %(years)d volle jaren).") % values
    return _("Trap %(step)d jaar van %(scale)s: de hoogste trap die je met %(years)d volle jaren bereikt.") % values


# --- What is missing -----------------------------------------------------------------------------------------------


def gap_message(gap, *, on):
    """A pay.calculation.PayGap on date `on` in one Dutch sentence."""
    values = {"scale": gap.scale_code, "on": date_text(on)}
    if gap.kind == GapKind.SCALE and gap.first_valid_from is not None:
        values["first"] = date_text(gap.first_valid_from)
        return _("Loonschaal %(scale)s bestaat pas vanaf %(first)s; een simulatie op %(on)s kan niet.") % values
    return {
        GapKind.CAREER: _("Voor deze functie is nog geen functionele loopbaan met loonschalen ingesteld."),
        GapKind.SCALE: _("Loonschaal %(scale)s heeft nog geen bedragen."),
        GapKind.FICTITIOUS_SCALE: _("Loonschaal %(scale)s heeft enkel fictieve demobedragen."),
        GapKind.FICTITIOUS_CAREER: _("De functionele loopbaan is een fictieve demo."),
        GapKind.COEFFICIENT: _("Er is geen indexcoëfficiënt gekend op %(on)s."),
        GapKind.RULES: _("Er zijn geen regels voor premies en voordelen gekend op %(on)s."),
        GapKind.YEAR_END_FIXED: _("Het vaste deel van de eindejaarspremie is nog niet ingevoerd."),
    }[gap.kind] % values
