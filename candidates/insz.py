"""The Belgian national register number (INSZ / rijksregisternummer) and its bis number: is a string one?

Structure: YYMMDD SSS CC, written jj.mm.dd-xxx.cc (examples in this code base are computed, never real).
The check number CC is 97 − (the first 9 digits mod 97); for a birth from 2000 on,
a "2" is put before those 9 digits. A bis number (no national register entry) adds 20 (sex unknown) or 40
(sex known) to the month. Month and day may be 00 when the birth date is not known.

No procedure asks for the number; the test run's log scan (tests/log_scan.py) uses is_valid_insz to make sure no log
line ever holds a valid one.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a person may type around the digits: the usual 85.07.30-033.28 form, spaces, slashes.
SEPARATORS = re.compile(r"[\s.\-/]+")
BIS_OFFSETS = (0, 20, 40)


@dataclass(frozen=True)
class Insz:
    number: str  # 11 digits
    birth_date: date | None  # None when the number does not carry the full date
    is_bis: bool


def normalise_insz(value):
    """The 11 ASCII digits of what was typed (separators dropped), or None when anything else is in it."""
    digits = SEPARATORS.sub("", str(value or ""))
    return digits if re.fullmatch(r"[0-9]{11}", digits) else None


def check_number(first_nine, *, born_from_2000):
    """97 − (the first 9 digits mod 97), with the "2" prefix for births from 2000."""
    base = int(("2" if born_from_2000 else "") + first_nine)
    return 97 - base % 97


def parse_insz(value, *, today=None):
    """Validate a national register or bis number. Returns an Insz, or raises ValidationError (Dutch message)."""
    number = normalise_insz(value)
    if number is None:
        raise ValidationError(_("Een rijksregisternummer heeft 11 cijfers (jj.mm.dd-xxx.cc)."), code="format")
    first_nine, check = number[:9], int(number[9:])
    centuries = [century for century, from_2000 in ((1900, False), (2000, True))
                 if check_number(first_nine, born_from_2000=from_2000) == check]
    if not centuries:
        raise ValidationError(_("Dit rijksregisternummer klopt niet: de controlecijfers passen niet bij de "
                                "andere cijfers. Kijk het na op je identiteitskaart."), code="check")
    year, month, day, sequence = int(number[:2]), int(number[2:4]), int(number[4:6]), int(number[6:9])
    if not 1 <= sequence <= 997:
        raise ValidationError(_("Dit rijksregisternummer bestaat niet (volgnummer)."), code="sequence")
    offset = next((o for o in reversed(BIS_OFFSETS) if month >= o), 0)
    month -= offset
    if month > 12 or day > 31 or (month == 0 and day != 0):
        raise ValidationError(_("Dit rijksregisternummer bestaat niet (geboortedatum)."), code="date")
    today = today or timezone.localdate()
    birth_date = None
    if month and day:
        try:
            birth_date = date(centuries[0] + year, month, day)
        except ValueError:
            raise ValidationError(_("Dit rijksregisternummer bestaat niet (geboortedatum)."), code="date") from None
        if birth_date > today:
            raise ValidationError(_("Dit rijksregisternummer bestaat niet (geboortedatum in de toekomst)."),
                                  code="date")
    elif centuries[0] + year > today.year:
        raise ValidationError(_("Dit rijksregisternummer bestaat niet (geboortejaar in de toekomst)."), code="date")
    return Insz(number=number, birth_date=birth_date, is_bis=offset > 0)


def is_valid_insz(value, *, today=None):
    try:
        parse_insz(value, today=today)
    except ValidationError:
        return False
    return True
