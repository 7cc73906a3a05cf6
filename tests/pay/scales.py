"""A small pay world with round numbers, so every expected figure in the tests can be worked out by hand.

Scales (yearly at 100 %, from 1 January 2025):
    S1: 0 y 12,000 | 2 y 12,600 | 18 y 15,000 | 24 y 16,800
    S2: 0 y 13,200 | 4 y 14,400 | 10 y 18,000
    S3: 0 y 15,000 | 10 y 19,200 | 20 y 24,000
Career: start in S1; S2 after 4 years in S1; S3 after 8 years in S2 ("gunstige evaluatie").
Index coefficient: 2.0000 from 1 January 2025, 2.1000 from 1 July 2025.
Pay rules from 1 January 2025: holiday pay 92 %, year-end bonus 600.00 fixed + 3.6 %, meal voucher 7.50, bike 0.36.
Private-sector years count up to 18.
In the database (create_pay_world) the versions are official, with a source and its date, unless `fictitious`.
"""

from datetime import date
from decimal import Decimal

from pay.calculation import CareerStage, Coefficient, PayData, PayRules, ScaleVersion, Step

START = date(2025, 1, 1)
NEW_INDEX = date(2025, 7, 1)

STEPS = {
    "S1": ((0, "12000.00"), (2, "12600.00"), (18, "15000.00"), (24, "16800.00")),
    "S2": ((0, "13200.00"), (4, "14400.00"), (10, "18000.00")),
    "S3": ((0, "15000.00"), (10, "19200.00"), (20, "24000.00")),
}


# The pay rules in the database (the year-end bonus's fixed part aside): what HR enters.
RULES_ROW = {"holiday_pay_rate": Decimal("0.92"), "year_end_rate": Decimal("0.036"),
             "meal_voucher_per_day": Decimal("7.50"), "bicycle_allowance_per_km": Decimal("0.36"), "holidays_min": 33,
             "holidays_max": 35}
SOURCE = "Testloonschaal (tests/pay/scales.py)"
SOURCE_DATE = date(2024, 12, 1)


def scale(code, *, valid_from=START, fictitious=False, steps=None):
    return ScaleVersion(code=code, valid_from=valid_from, fictitious=fictitious, source=SOURCE,
                        steps=tuple(Step(years, Decimal(amount)) for years, amount in (steps or STEPS[code])))


def rules(valid_from=START, **overrides):
    """The pay rules of the test world: RULES_ROW with a fixed part of 600.00."""
    return PayRules(**{"valid_from": valid_from, **RULES_ROW, "year_end_fixed_amount": Decimal("600.00"),
                       **overrides})


def pay_data(**overrides):
    values = {
        "scales": (scale("S1"), scale("S2"), scale("S3")),
        "coefficients": (Coefficient(START, Decimal("2.0000")), Coefficient(NEW_INDEX, Decimal("2.1000"))),
        "rules": (rules(),),
        "career": (CareerStage("S1"), CareerStage("S2", 4, "gunstige evaluatie"),
                   CareerStage("S3", 8, "gunstige evaluatie")),
        "private_cap_years": 18,
    }
    values.update(overrides)
    return PayData(**values)


def create_pay_world(function, *, fictitious=False):
    """The same pay world in the database, for `function` (its private-sector cap is left as it is): official
    versions with source and source date, or fictitious (demo) ones."""
    from pay.models import CareerScale, IndexCoefficient, PayScale, PayScaleStep, PayScaleVersion
    from pay.models import PayRules as PayRulesRow

    scales = {}
    for code, steps in STEPS.items():
        scales[code] = PayScale.objects.get_or_create(code=code)[0]
        version = PayScaleVersion.objects.create(
            scale=scales[code], valid_from=START, source=SOURCE,
            **({"status": PayScaleVersion.Status.FICTITIOUS} if fictitious else
               {"status": PayScaleVersion.Status.OFFICIAL, "source_date": SOURCE_DATE}))
        PayScaleStep.objects.bulk_create(PayScaleStep(version=version, years=years, yearly_amount=Decimal(amount))
                                         for years, amount in steps)
    IndexCoefficient.objects.create(valid_from=START, coefficient=Decimal("2.0000"))
    IndexCoefficient.objects.create(valid_from=NEW_INDEX, coefficient=Decimal("2.1000"))
    PayRulesRow.objects.create(valid_from=START, **RULES_ROW, year_end_fixed_amount=Decimal("600.00"))
    for position, (code, years, conditions) in enumerate(
            (("S1", 0, ""), ("S2", 4, "gunstige evaluatie"), ("S3", 8, "gunstige evaluatie")), start=1):
        CareerScale.objects.create(function=function, position=position, scale=scales[code],
                                   years_in_previous_scale=years, conditions=conditions)
    return scales


def import_official_scales(function, *, by):
    """Official test scales B1-B3 (test figures, not the city's) through HR's CSV import, a career for `function`, an
    index coefficient and pay rules: what HR enters once before the first offer, for tests that start from
    seed_kortrijk (which stores none of it)."""
    from pay.models import CareerScale, IndexCoefficient, PayScale
    from pay.models import PayRules as PayRulesRow
    from pay.scale_import import import_pay_scales

    IndexCoefficient.objects.create(valid_from=date(2025, 3, 1), coefficient=Decimal("2.1223"), source=SOURCE)
    PayRulesRow.objects.create(valid_from=date(2025, 3, 1), **RULES_ROW, source=SOURCE)

    import_pay_scales(b"B1;0;17300,00\nB1;2;17700,00\nB2;0;18300,00\nB3;0;21350,00\n", valid_from=date(2025, 3, 1),
                      source=SOURCE, source_date=SOURCE_DATE, by=by)
    for position, (code, years) in enumerate((("B1", 0), ("B2", 4), ("B3", 10)), start=1):
        CareerScale.objects.create(function=function, position=position, scale=PayScale.objects.get(code=code),
                                   years_in_previous_scale=years)
