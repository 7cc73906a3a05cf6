"""Pay data from the database for the salary simulation, the estimate for a function, what HR still has to enter,
and the history rule.

pay.calculation computes from plain dataclasses; this module is the thin loader that builds them from the models,
so the offer flow and the public estimate use one and the same computation. Only official and fictitious (demo)
scale versions are loaded: a draft is never used, and a fictitious one is labelled "fictief" wherever it shows.

For an offer: `estimate_salary(function, public_years=..., private_years=..., public_months=..., private_months=...,
regime=vacancy_regime, on=start_date)` gives a pay.formatting.Simulation (figures with their explanation,
`holiday_pay_first_year` / `year_end_bonus_first_year` pro rata from `on` as the start date, the career ahead,
`fictitious_parts`); pay.chart.render_salary_chart(simulation) draws its chart. Catch pay.simulation.SalaryError:
its `message` is Dutch, its `field` names the input at fault; a MissingPayData names what HR still has to enter and
where (a note for HR: never show it on a public page). What a simulation needs is one rule,
pay.calculation.pay_data_gaps; missing_pay_settings() says it for HR, with the back-office page.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from pay.calculation import CareerStage, Coefficient, GapKind, PayData, ScaleVersion, Step, pay_data_gaps
from pay.calculation import PayRules as PayRulesData
from pay.formatting import date_text
from pay.models import CareerScale, FunctionPay, IndexCoefficient, PayRules, PayScaleVersion
from pay.simulation import MissingPayData, check_date, recognise_seniority, simulate_salary
from procedures.settings_check import MissingSetting


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

# Where HR enters what each kind of gap misses (pay.calculation.pay_data_gaps owns which gaps there are).
_ENTERED_IN = {GapKind.CAREER: FunctionPay, GapKind.FICTITIOUS_CAREER: FunctionPay,
               GapKind.SCALE: PayScaleVersion, GapKind.FICTITIOUS_SCALE: PayScaleVersion,
               GapKind.COEFFICIENT: IndexCoefficient, GapKind.RULES: PayRules, GapKind.YEAR_END_FIXED: PayRules}


def missing_pay_settings(function, *, on=None):
    """The pay settings of `function` HR still has to enter for a simulation on `on` (today by default), as
    settings_check.MissingSetting items: first what stops the estimate and the offer's simulation, then what they
    show as fictitious or incomplete (a demo scale or career, the year-end bonus's fixed part)."""
    on = on or timezone.localdate()
    gaps = pay_data_gaps(load_pay_data(function), on=on)
    return [_missing_setting(gap, function=function, on=on)
            for gap in sorted(gaps, key=lambda gap: not gap.blocking)]


def _missing_setting(gap, *, function, on):
    """The gap as HR reads it: what to enter, what uses it, and the back-office page where it is entered."""
    used = _("de loonschatting en de loonsimulatie bij een jobaanbod")
    career = _("Functionele loopbaan van %(function)s") % {"function": function.name}
    values = {"scale": gap.scale_code, "on": date_text(on)}
    what, used_for = {
        GapKind.CAREER: (career, used),
        GapKind.SCALE: (_("Officiële loonschaal %(scale)s, geldig op %(on)s") % values, used),
        GapKind.FICTITIOUS_SCALE: (_("Officiële loonschaal %(scale)s (nu fictieve demobedragen)") % values, used),
        GapKind.FICTITIOUS_CAREER: (career + " " + _("(nu een fictieve demo)"), used),
        GapKind.COEFFICIENT: (_("Indexcoëfficiënt, geldig op %(on)s") % values, used),
        GapKind.RULES: (_("Premies en voordelen (vakantiegeld, eindejaarspremie, maaltijdcheques, fietsvergoeding, "
                          "vakantiedagen), geldig op %(on)s") % values, used),
        GapKind.YEAR_END_FIXED: (_("Vast deel van de eindejaarspremie"),
                                 _("de eindejaarspremie in de loonschatting en de loonsimulatie; zonder dit bedrag "
                                   "tonen ze enkel het variabele deel, als ‘minstens’")),
    }[gap.kind]
    model = _ENTERED_IN[gap.kind]
    return MissingSetting(what, used_for, reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
                          _("Back office › %(page)s") % {"page": capfirst(model._meta.verbose_name_plural)})


def public_estimate_available(function, *, on=None):
    """Whether the public estimate is offered for `function`: its career is entered and, on `on` (today by default),
    every scale of it has an official (or, on a demo machine, a fictitious) version in force, with a coefficient and
    pay rules. Otherwise the public page links to the city's published scales instead
    (procedures.salary_link.PUBLISHED_SCALES_URL)."""
    return estimate_available(load_pay_data(function), on=on or timezone.localdate())


def public_estimate_url(procedure):
    """The address of the procedure's public salary estimate while it is available, else None (the vacancy page's
    link, registered in procedures.salary_link)."""
    if public_estimate_available(procedure.function):
        return reverse("pay:salary_estimate", args=[procedure.slug])
    return None


def estimate_available(data, *, on):
    """public_estimate_available() for already loaded pay data."""
    return not any(gap.blocking for gap in pay_data_gaps(data, on=on))


def missing_pay_message(missing):
    """One Dutch sentence for HR naming each missing setting and the back-office page where it is entered."""
    return _("Nog in te vullen door HR: %(items)s.") % {
        "items": "; ".join(_("%(what)s (in %(place)s)") % {"what": setting.what, "place": setting.place}
                           for setting in missing)}


# --- The simulation ------------------------------------------------------------------------------------------------


def estimate_salary(function, *, public_years, private_years, regime, on, public_months=0, private_months=0,
                    scale_code=None, years_in_scale=0):
    """The salary simulation for `function` from declared experience: public-sector years count fully, private-sector
    years up to the function's cap. Raises pay.simulation.SalaryError with a Dutch message on bad input, and
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
    on = check_date(on)
    missing = [_missing_setting(gap, function=function, on=on) for gap in pay_data_gaps(data, on=on) if gap.blocking]
    if missing:
        raise MissingPayData(missing_pay_message(missing))
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
    return missing_pay_settings(function)
