"""Pay data for seed_kortrijk: only published facts, each with its source — the scale codes B1-B3 (with the minimum
and maximum a published ad gives, as information for HR), the index coefficient and the bundle's benefits. No steps
and no functional career: those are the city's to publish and HR's to enter (procedures.pay.missing_pay_settings
lists them). Fictitious demo steps belong to seed_demo (procedures.demo_pay).

Pay data is history: a seed never overwrites it (not even with --refresh). A scale, a coefficient or pay rules that
already exist stay as they are; only what is missing is created.
"""

from decimal import Decimal

from procedures import seed_data
from procedures.models import IndexCoefficient, PayRules, PayScale


def seed_pay_data():
    """Create the missing published pay facts; returns how many rows were created."""
    created = 0
    for code, name, minimum, maximum in seed_data.PAY_SCALES:
        _scale, new = PayScale.objects.get_or_create(code=code, defaults={
            "name": name,
            "published_minimum": Decimal(minimum) if minimum else None,
            "published_maximum": Decimal(maximum) if maximum else None,
            "published_source": seed_data.PUBLISHED_RANGE_SOURCE if minimum or maximum else "",
        })
        created += new
    for valid_from, coefficient, source in seed_data.INDEX_COEFFICIENTS:
        _row, new = IndexCoefficient.objects.get_or_create(
            valid_from=valid_from, defaults={"coefficient": Decimal(coefficient), "source": source})
        created += new
    if not PayRules.objects.exists():
        PayRules.objects.create(**seed_data.PAY_RULES)
        created += 1
    return created
