"""Demo pay data for seed_kortrijk: the scales B1-B3 (illustrative), the index coefficient, the pay rules and the
functional career, written only where nothing is there yet.

Pay data is history: a seed never overwrites it (not even with --refresh). A scale that already has a version, a
coefficient that already exists, pay rules or a career HR already set, stay as they are.
"""

from decimal import Decimal

from procedures import seed_data
from procedures.models import CareerScale, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion


def seed_pay_data(function):
    """Create the missing demo pay rows for `function`; returns how many rows were created."""
    created = 0
    scales = {}
    for code, name, amounts in seed_data.PAY_SCALES:
        scale, new = PayScale.objects.get_or_create(code=code, defaults={"name": name})
        scales[code] = scale
        created += new
        if not scale.versions.exists():
            version = PayScaleVersion.objects.create(scale=scale, valid_from=seed_data.PAY_VALID_FROM,
                                                     illustrative=True, source=seed_data.ILLUSTRATIVE_SCALE_SOURCE)
            PayScaleStep.objects.bulk_create(
                PayScaleStep(version=version, years=years, yearly_amount=Decimal(amount))
                for years, amount in zip(seed_data.DEMO_STEP_YEARS, amounts, strict=True))
            created += 1 + len(amounts)
    for valid_from, coefficient, source in seed_data.INDEX_COEFFICIENTS:
        _row, new = IndexCoefficient.objects.get_or_create(
            valid_from=valid_from, defaults={"coefficient": Decimal(coefficient), "source": source})
        created += new
    if not PayRules.objects.exists():
        PayRules.objects.create(**seed_data.PAY_RULES)
        created += 1
    if not function.career_scales.exists():
        for position, (code, years, conditions) in enumerate(seed_data.CAREER, start=1):
            CareerScale.objects.create(function=function, position=position, scale=scales[code],
                                       years_in_previous_scale=years, conditions=conditions, illustrative=True)
            created += 1
    return created
