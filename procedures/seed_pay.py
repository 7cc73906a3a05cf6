"""Pay data for seed_kortrijk: only the scale codes B1-B3, with the minimum and maximum a published ad gives (as
information for HR, with its source; the estimate never reads them). No steps and no functional career: those are
the city's to publish and HR's to enter. No index coefficient and no pay rules either: the bundle states neither
the coefficient nor the holiday pay or the year-end bonus, so HR enters them, starting from the back office's
suggestions (procedures.pay_suggestions). Until then procedures.pay.missing_pay_settings lists them and the estimate
waits. Fictitious demo steps belong to seed_demo (procedures.demo_pay).

Each scale is the seed's row under its own key (procedures.seeding): a scale HR renamed or edited stays as HR has
it, one HR deleted stays deleted.
"""

from decimal import Decimal

from procedures import seed_data
from procedures.models import PayScale


def seed_pay_scales(seeder):
    """The scales B1-B3 through `seeder` (procedures.seeding.Seeder); returns them, None for one HR deleted."""
    return [
        seeder.row(f"pay-scale:{code}", PayScale, adopt={"code": code}, values={
            "code": code, "name": name,
            "published_minimum": Decimal(minimum) if minimum else None,
            "published_maximum": Decimal(maximum) if maximum else None,
            "published_source": seed_data.PUBLISHED_RANGE_SOURCE if minimum or maximum else "",
        })
        for code, name, minimum, maximum in seed_data.PAY_SCALES
    ]
