"""The free slots of the intake page, grouped by day, with each slot's row of HTML made once per process.

In a booking surge every refused candidate gets the page back with what is still free: rendering a hundred rows
through the template engine cost more than the booking itself. A row only changes with its slot's hours, seats
left, the language and the button, so it is rendered once for that key (same markup as the template had).
"""

from itertools import groupby
from typing import NamedTuple

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

SLOT_FIELDS = ("id", "starts_at", "ends_at", "seats", "booked_count")
_MEMO_LIMIT = 20_000  # rows and day labels kept per process; cleared whole when full (a few MB at most)
_rows: dict = {}
_labels: dict = {}


class FreeSlot(NamedTuple):
    pk: int
    starts_at: object
    ends_at: object
    seats: int
    booked_count: int

    @property
    def seats_left(self):
        return max(self.seats - self.booked_count, 0)


def free_slot_rows(queryset):
    """The slots of `queryset` as light tuples (no model instances): one query of plain values."""
    return [FreeSlot(*values) for values in queryset.values_list(*SLOT_FIELDS)]


def group_free_slots(slots, *, language, button_verb, button_class):
    """[{"label", "slots": [{"slot", "hours", "seats"}], "html"}] per local day; "html" holds the day's <li> rows."""
    zone = timezone.get_current_timezone()
    active = translation.get_language()
    days = []
    for the_day, day_slots in groupby(slots, key=lambda s: timezone.localdate(s.starts_at, zone)):
        label = _day_label(the_day, language=language)
        rows = [(s, _row(s, zone=zone, active=active, label=label, verb=button_verb, css=button_class))
                for s in day_slots]
        html = "".join(row[2] for _, row in rows)
        # Every row was built from escaped parts, so the joined HTML is safe to mark.
        days.append({"label": label, "slots": [{"slot": s, "hours": row[0], "seats": row[1]} for s, row in rows],
                     "html": mark_safe(html)})  # noqa: S308  # nosec B308 B703
    return days


def seats_left_text(n):
    return ngettext("nog %(n)s plaats vrij", "nog %(n)s plaatsen vrij", n) % {"n": n}


def _day_label(the_day, *, language):
    key = (the_day, language)
    label = _labels.get(key)
    if label is None:
        with translation.override(language):
            label = date_format(the_day, "l j F Y")
        _remember(_labels, key, label)
    return label


def _row(slot, *, zone, active, label, verb, css):
    key = (slot.pk, slot.starts_at, slot.ends_at, slot.seats_left, active, str(zone), label, verb, css)
    row = _rows.get(key)
    if row is None:
        hours = f"{timezone.localtime(slot.starts_at, zone):%H:%M}–{timezone.localtime(slot.ends_at, zone):%H:%M}"
        seats = seats_left_text(slot.seats_left)
        html = ('<li class="d-flex flex-wrap align-items-center gap-2 border-bottom py-2">'
               f'<span class="fw-semibold">{escape(hours)}</span> <span class="text-muted">{escape(seats)}</span> '
               f'<button type="submit" name="slot" value="{int(slot.pk)}" class="btn {escape(css)} ms-auto">'
               f'{escape(verb)} {escape(hours)}<span class="visually-hidden"> – {escape(label)}</span></button></li>\n')
        row = (hours, seats, html)
        _remember(_rows, key, row)
    return row


def _remember(memo, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
