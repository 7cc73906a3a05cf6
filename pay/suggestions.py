"""What the back office suggests when HR adds pay rules or an index coefficient: the bundle's own benefits, and the
sourced facts from outside the bundle that DESIGN.md lists (the index coefficient 2.1223, holiday pay 92 %, the
year-end bonus's 3.6 %).

Suggestions only: they fill HR's add form (with their source beside them) and HR saves them or not. No seed stores
them as the city's values; until HR enters them the back office lists them as "nog in te vullen" and the estimate
and the offer's simulation wait (pay.calculation.pay_data_gaps).
"""

from datetime import date
from decimal import Decimal

from pay import seed

OUTSIDE_BUNDLE = "niet uit de infobundel"

INDEX_COEFFICIENT = {
    "valid_from": date(2025, 3, 1),
    "coefficient": Decimal("2.1223"),
    "source": f"Indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart 2025 ({OUTSIDE_BUNDLE}).",
}
HOLIDAY_PAY_RATE = Decimal("0.9200")
HOLIDAY_PAY_SOURCE = f"vakantiegeld 92 % van een maandloon voor een volledig refertejaar ({OUTSIDE_BUNDLE})"
YEAR_END_RATE = Decimal("0.0360")
YEAR_END_SOURCE = (f"eindejaarspremie: een vast deel plus 3,6 % van het jaarloon, sinds 2021 ({OUTSIDE_BUNDLE}); "
                   "het vaste deel vult HR in")


def pay_rules():
    """The values the add form of pay rules starts from when HR has entered none yet."""
    return {
        "holiday_pay_rate": HOLIDAY_PAY_RATE,
        "year_end_rate": YEAR_END_RATE,
        **seed.BENEFITS,
        "source": f"{seed.BENEFITS_SOURCE}. Regels voor Vlaamse lokale besturen: {HOLIDAY_PAY_SOURCE}; "
                  f"{YEAR_END_SOURCE}.",
    }
