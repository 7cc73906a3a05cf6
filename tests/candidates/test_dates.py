from datetime import UTC, date, datetime

import pytest

from kortrijk_ats.dates import add_months


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


def test_a_moment_keeps_its_time_and_time_zone():
    """Retention counts months back from now: the same instant of the day, the 31st kept to the month's last day."""
    now = datetime(2026, 3, 31, 14, 5, 9, tzinfo=UTC)
    assert add_months(now, -1) == datetime(2026, 2, 28, 14, 5, 9, tzinfo=UTC)
    assert add_months(now, -24) == datetime(2024, 3, 31, 14, 5, 9, tzinfo=UTC)
