"""Pay data from the database for the salary simulation, the estimate for a function, what HR still has to enter,
and the history rule.

procedures.salary computes from plain dataclasses; this module is the thin loader that builds them from the models,
so the offer flow and the public estimate use one and the same computation. Only official and fictitious (demo)
scale versions are loaded: a draft is never used, and a fictitious one is labelled "fictief" wherever it shows.

For an offer: `estimate_salary(function, public_years=..., private_years=..., public_months=..., private_months=...,
regime=vacancy_regime, on=start_date)` gives a procedures.salary.Simulation (figures with their explanation,
`holiday_pay_first_year` / `year_end_bonus_first_year` pro rata from `on` as the start date, the career ahead,
`fictitious_parts`); procedures.salary_chart.render_salary_chart(simulation) draws its chart. Catch
procedures.salary.SalaryError: its `message` is Dutch, its `field` names the input at fault; a MissingPayData names
what HR still has to enter and where (a note for HR: never show it on a public page).
"""

from typing import NamedTuple

from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from procedures import seed_data
from procedures.models import CareerScale, FunctionPay, IndexCoefficient, PayRules, PayScaleVersion
from procedures.salary import (
    CareerStage,
    Coefficient,
    MissingPayData,
    PayData,
    ScaleVersion,
    Step,
    check_date,
    date_text,
    recognise_seniority,
    simulate_salary,
)
from procedures.salary import PayRules as PayRulesData
from procedures.settings_check import MissingSetting

# The bundle's link to the city's full scales: what a candidate gets instead of an estimate without official scales.
PUBLISHED_SCALES_URL = seed_data.FAQ_URL

_ADMIN_MODELS = {"admin:procedures_payscaleversion_changelist": PayScaleVersion,
                 "admin:procedures_functionpay_changelist": FunctionPay,
                 "admin:procedures_indexcoefficient_changelist": IndexCoefficient,
                 "admin:procedures_payrules_changelist": PayRules}


class MissingPaySetting(NamedTuple):
    """A pay setting HR still has to enter: what, what uses it, and the back-office page where it is entered."""

    label: str
    used_for: str
    admin_url_name: str

    @property
    def where(self):
        """The back-office page in words, e.g. "Back office › Versies van loonschalen"."""
        return "Back office › " + capfirst(_ADMIN_MODELS[self.admin_url_name]._meta.verbose_name_plural)

    @property
    def url(self):
        return reverse(self.admin_url_name)


def load_pay_data(function):
    """Every usable (official or fictitious) version of the scales of `function`'s functional career, every
    coefficient and every set of pay rules (five queries, however many versions)."""
    career = list(CareerScale.objects.filter(function=function).select_related("scale").order_by("position"))
    versions = (PayScaleVersion.objects
                .filter(scale__in=[stage.scale for stage in career], status__in=PayScaleVersion.USABLE)
                .select_related("scale").prefetch_related("steps"))
    return PayData(
        scales=tuple(
            ScaleVersion(code=version.scale.code, valid_from=version.valid_from, source=version.source,
                         fictitious=version.status == PayScaleVersion.Status.FICTITIOUS,
                         steps=tuple(Step(years=step.years, yearly_amount=step.yearly_amount)
                                     for step in sorted(version.steps.all(), key=lambda step: step.years)))
            for version in versions
        ),
        coefficients=tuple(Coefficient(valid_from=row.valid_from, value=row.coefficient)
                           for row in IndexCoefficient.objects.all()),
        rules=tuple(_rules(row) for row in PayRules.objects.all()),
        career=tuple(CareerStage(scale_code=stage.scale.code, years_in_previous_scale=stage.years_in_previous_scale,
                                 conditions=stage.conditions, fictitious=stage.fictitious)
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


# --- What HR still has to enter ------------------------------------------------------------------------------------


def missing_pay_settings(function, *, on=None):
    """The pay settings of `function` HR still has to enter for a simulation on `on` (today by default), as
    MissingPaySetting items: first what stops the estimate and the offer's simulation, then what they show as
    fictitious or incomplete (a demo scale or career, the year-end bonus's fixed part)."""
    gaps = pay_data_gaps(load_pay_data(function), function=function, on=on or timezone.localdate())
    return [setting for setting, blocking in gaps if blocking] + [setting for setting, blocking in gaps
                                                                  if not blocking]


def public_estimate_available(function, *, on=None):
    """Whether the public estimate is offered for `function`: its career is entered and, on `on` (today by default),
    every scale of it has an official (or, on a demo machine, a fictitious) version in force, with a coefficient and
    pay rules. Otherwise the public page links to the city's published scales instead (PUBLISHED_SCALES_URL)."""
    return estimate_available(load_pay_data(function), on=on or timezone.localdate())


def estimate_available(data, *, on):
    """public_estimate_available() for already loaded pay data."""
    return not any(blocking for _setting, blocking in pay_data_gaps(data, function=None, on=on))


def pay_data_gaps(data, *, function, on):
    """(MissingPaySetting, blocking) for each gap in `data` on date `on`; blocking: no simulation is possible."""
    used = _("de loonschatting en de loonsimulatie bij een jobaanbod")
    career_label = (_("Functionele loopbaan van %(function)s") % {"function": function.name} if function is not None
                    else _("Functionele loopbaan"))
    gaps = []
    if not data.career:
        gaps.append((MissingPaySetting(career_label, used, "admin:procedures_functionpay_changelist"), True))
    for stage in data.career:
        version = _latest(item for item in data.scales if item.code == stage.scale_code and item.valid_from <= on)
        if version is None:
            gaps.append((MissingPaySetting(
                _("Officiële loonschaal %(scale)s, geldig op %(on)s") % {"scale": stage.scale_code,
                                                                          "on": date_text(on)},
                used, "admin:procedures_payscaleversion_changelist"), True))
        elif version.fictitious:
            gaps.append((MissingPaySetting(
                _("Officiële loonschaal %(scale)s (nu fictieve demobedragen)") % {"scale": stage.scale_code},
                used, "admin:procedures_payscaleversion_changelist"), False))
    if any(stage.fictitious for stage in data.career):
        gaps.append((MissingPaySetting(career_label + " " + _("(nu een fictieve demo)"), used,
                                       "admin:procedures_functionpay_changelist"), False))
    if _latest(item for item in data.coefficients if item.valid_from <= on) is None:
        gaps.append((MissingPaySetting(_("Indexcoëfficiënt, geldig op %(on)s") % {"on": date_text(on)}, used,
                                       "admin:procedures_indexcoefficient_changelist"), True))
    rules = _latest(item for item in data.rules if item.valid_from <= on)
    if rules is None:
        gaps.append((MissingPaySetting(_("Premies en voordelen, geldig op %(on)s") % {"on": date_text(on)}, used,
                                       "admin:procedures_payrules_changelist"), True))
    elif rules.year_end_fixed_amount is None:
        gaps.append((MissingPaySetting(
            _("Vast deel van de eindejaarspremie"),
            _("de eindejaarspremie in de loonschatting en de loonsimulatie; zonder dit bedrag tonen ze enkel het "
              "variabele deel, als ‘minstens’"),
            "admin:procedures_payrules_changelist"), False))
    return gaps


def _latest(items):
    return max(items, key=lambda item: item.valid_from, default=None)


def missing_pay_message(missing):
    """One Dutch sentence for HR naming each missing setting and the back-office page where it is entered."""
    return _("Nog in te vullen door HR: %(items)s.") % {
        "items": "; ".join(_("%(label)s (in %(where)s)") % {"label": setting.label, "where": setting.where}
                           for setting in missing)}


# --- The simulation ------------------------------------------------------------------------------------------------


def estimate_salary(function, *, public_years, private_years, regime, on, public_months=0, private_months=0,
                    scale_code=None, years_in_scale=0):
    """The salary simulation for `function` from declared experience: public-sector years count fully, private-sector
    years up to the function's cap. Raises procedures.salary.SalaryError with a Dutch message on bad input, and
    MissingPayData naming what HR still has to enter (and where) when the pay data for `on` is not complete."""
    return simulate_declared(load_pay_data(function), function=function, public_years=public_years,
                             private_years=private_years, public_months=public_months, private_months=private_months,
                             regime=regime, on=on, scale_code=scale_code, years_in_scale=years_in_scale)


def simulate_declared(data, *, function, public_years, private_years, regime, on, public_months=0, private_months=0,
                      scale_code=None, years_in_scale=0):
    """estimate_salary() for already loaded pay data."""
    seniority = recognise_seniority(public_years=public_years, private_years=private_years,
                                    public_months=public_months, private_months=private_months,
                                    private_cap_years=data.private_cap_years)
    missing = [setting for setting, blocking in pay_data_gaps(data, function=function, on=check_date(on)) if blocking]
    if missing:
        raise MissingPayData(missing_pay_message(missing), missing=missing)
    return simulate_salary(data, seniority=seniority, regime=regime, on=on, scale_code=scale_code,
                           years_in_scale=years_in_scale)


# --- History -------------------------------------------------------------------------------------------------------


def is_locked(row, *, today):
    """History rule: a row of the city's own pay figures is locked once it is in force and was entered (for a scale
    version: made official) before today; HR then adds a newer version instead. Draft and fictitious (demo) scale
    versions stay editable and deletable."""
    if row.pk is None:
        return False
    if isinstance(row, PayScaleVersion):
        if row.status != PayScaleVersion.Status.OFFICIAL or row.official_at is None:
            return False
        return row.valid_from <= today and timezone.localdate(row.official_at) < today
    return row.valid_from <= today and timezone.localdate(row.created_at) < today


def missing_pay_checks(function, procedure):
    """The pay items of the back office's "nog in te vullen" overview (procedures.settings_check)."""
    for item in missing_pay_settings(function):
        yield MissingSetting(item.label, item.used_for, item.url, item.where)
