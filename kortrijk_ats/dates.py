"""Calendar arithmetic for the rules that run in months (ban, waitlist, reserve, retention, pay careers)."""

import calendar
from datetime import date

from django.utils.translation import ngettext


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the 29th-31st fall back to the month's last day (31/01 + 1 → 28/02).
    A datetime keeps its time and time zone."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def months_text(months: int) -> str:
    """A period in words: whole years as years ("1 jaar"), otherwise months ("18 maanden")."""
    if months and months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d jaar", "%(count)d jaar", years) % {"count": years}
    return ngettext("%(count)d maand", "%(count)d maanden", months) % {"count": months}
