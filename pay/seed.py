"""What the information bundle says about pay, for seed_kortrijk: only the scale codes B1-B3, with the minimum and
maximum a published ad gives (as information for HR, with its source; the estimate never reads them), and the
benefits, which the back office suggests when HR adds the pay rules (pay.suggestions).

No steps and no functional career: those are the city's to publish and HR's to enter or import (official, with
source and date). No index coefficient and no pay rules either: the bundle states neither the coefficient nor the
holiday pay or the year-end bonus, so HR enters them, starting from the back office's suggestions. Until then
pay.estimate.missing_pay_settings lists them, and the public estimate waits and links to the city's scales
(procedures.salary_link.PUBLISHED_SCALES_URL). Fictitious demo steps belong to seed_demo (pay.demo).

Each scale is the seed's row under its own key (procedures.seeding): a scale HR renamed or edited stays as HR has
it, one HR deleted stays deleted. seed_kortrijk runs seed_pay_scales as a part the pay app registers (pay.apps).
"""

from decimal import Decimal

from pay.models import PayScale

BUNDLE_SOURCE = "Infobundel ‘Maatschappelijk werker (B1-B3)’ van stad Kortrijk"
PUBLISHED_RANGE_SOURCE = (
    "Een gepubliceerde vacature op B1-B3-niveau: minimum B1 17.300 en maximum B3 29.150 per jaar aan 100 %, vóór "
    "indexering. Niet uit de infobundel en niet noodzakelijk de loonschaal van stad Kortrijk: enkel ter info voor "
    "HR, de loonschatting rekent er nooit mee."
)
PAY_SCALES = (
    # code, name, published minimum, published maximum (a year at 100 %, not indexed)
    ("B1", f"Niveau B1-B3 ({BUNDLE_SOURCE})", "17300.00", None),
    ("B2", f"Niveau B1-B3 ({BUNDLE_SOURCE})", None, None),
    ("B3", f"Niveau B1-B3 ({BUNDLE_SOURCE})", None, "29150.00"),
)
# The benefits the bundle states ("Maaltijdcheques (€7,50)", "Een fietsvergoeding (€0,36 per km)", "33 tot 35
# vakantiedagen"). They are not seeded as a row of pay rules: that row also holds the holiday pay and the year-end
# bonus, which the bundle does not state (only "een aantrekkelijke eindejaarspremie"), so it is HR's; its add form
# starts from these (pay.suggestions).
BENEFITS = {
    "meal_voucher_per_day": Decimal("7.50"),
    "bicycle_allowance_per_km": Decimal("0.36"),
    "holidays_min": 33,
    "holidays_max": 35,
}
BENEFITS_SOURCE = f"{BUNDLE_SOURCE}: maaltijdcheques €7,50, fietsvergoeding €0,36 per km, 33 tot 35 vakantiedagen"


def seed_pay_scales(seeder):
    """The scales B1-B3 through `seeder` (procedures.seeding.Seeder); returns them, None for one HR deleted."""
    return [
        seeder.row(f"pay-scale:{code}", PayScale, adopt={"code": code}, values={
            "code": code, "name": name,
            "published_minimum": Decimal(minimum) if minimum else None,
            "published_maximum": Decimal(maximum) if maximum else None,
            "published_source": PUBLISHED_RANGE_SOURCE if minimum or maximum else "",
        })
        for code, name, minimum, maximum in PAY_SCALES
    ]
