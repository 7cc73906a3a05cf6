"""Fictitious pay data for seed_demo: demo steps for B1-B3 and a demo functional career, so the estimate and the
offer's simulation can be shown on a demo machine. Every amount they give is labelled "fictief" wherever it shows.
The demo also plays HR where HR has entered nothing yet: it takes the back office's suggestions for the index
coefficient and the pay rules (pay.suggestions), saying in their source that the demo chose them.

Written only where nothing is there: a scale that already has a version (HR's, official or not), a function that
already has a career, and a coefficient or pay rules HR entered keep theirs; a second run creates nothing.
"""

from datetime import date
from decimal import Decimal

from pay import suggestions
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from procedures import seed_data
from procedures.models import Function

DEMO_SOURCE = ("Fictief (demo): geen loonschaal van stad Kortrijk, een gelijkmatige reeks om de loonschatting te "
               "tonen. HR vervangt ze door de gepubliceerde loonschaal van de stad.")
DEMO_CHOICE = "Demo (seed_demo): het voorstel van de back office, niet nagekeken door HR. "
DEMO_VALID_FROM = date(2025, 3, 1)
DEMO_STEP_YEARS = tuple(range(0, 27, 2))  # 14 steps, every two years, 0 to 26
DEMO_SCALES = {  # yearly amounts at 100 % per step of DEMO_STEP_YEARS: an even series, invented
    "B1": tuple(17_300 + 400 * n for n in range(len(DEMO_STEP_YEARS))),
    "B2": tuple(18_300 + 450 * n for n in range(len(DEMO_STEP_YEARS))),
    "B3": tuple(21_350 + 600 * n for n in range(len(DEMO_STEP_YEARS))),
}
DEMO_CAREER = (("B1", 0, ""), ("B2", 4, "gunstige evaluatie"), ("B3", 14, "gunstige evaluatie"))  # invented years


def seed_demo_pay():
    """Create the missing fictitious pay rows for the bundle's function; returns how many rows were created."""
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    created = 0
    scales = {}
    for code, amounts in DEMO_SCALES.items():
        scales[code], new = PayScale.objects.get_or_create(code=code)
        created += new
        if not scales[code].versions.exists():
            version = PayScaleVersion.objects.create(scale=scales[code], valid_from=DEMO_VALID_FROM,
                                                     status=PayScaleVersion.Status.FICTITIOUS, source=DEMO_SOURCE)
            PayScaleStep.objects.bulk_create(
                PayScaleStep(version=version, years=years, yearly_amount=Decimal(amount))
                for years, amount in zip(DEMO_STEP_YEARS, amounts, strict=True))
            created += 1 + len(amounts)
    if not function.career_scales.exists():
        for position, (code, years, conditions) in enumerate(DEMO_CAREER, start=1):
            CareerScale.objects.create(function=function, position=position, scale=scales[code],
                                       years_in_previous_scale=years, conditions=conditions, fictitious=True)
            created += 1
    if not IndexCoefficient.objects.exists():
        suggestion = suggestions.INDEX_COEFFICIENT
        IndexCoefficient.objects.create(**{**suggestion, "source": DEMO_CHOICE + suggestion["source"]})
        created += 1
    if not PayRules.objects.exists():
        suggestion = suggestions.pay_rules()
        PayRules.objects.create(**{**suggestion, "valid_from": DEMO_VALID_FROM,
                                   "source": DEMO_CHOICE + suggestion["source"]})
        created += 1
    return created
