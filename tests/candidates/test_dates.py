from datetime import date

import pytest

from candidates.dates import add_months


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 23), 0, date(2026, 1, 23)),
    (date(2026, 1, 23), 12, date(2027, 1, 23)),
    (date(2026, 1, 23), 24, date(2028, 1, 23)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
    (date(2026, 8, 31), 1, date(2026, 9, 30)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 5, 31), -3, date(2026, 2, 28)),
    (date(2026, 1, 15), -1, date(2025, 12, 15)),
])
def test_it_adds_calendar_months_and_keeps_to_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected
