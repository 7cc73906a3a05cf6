"""The Belgian national register number (INSZ / rijksregisternummer) and its bis number: check, normalise, mask.

Structure: YYMMDD SSS CC, written jj.mm.dd-xxx.cc (examples in this code base are computed, never real).
The check number CC is 97 − (the first 9 digits mod 97); for a birth from 2000 on,
a "2" is put before those 9 digits. A bis number (no national register entry) adds 20 (sex unknown) or 40
(sex known) to the month. Month and day may be 00 when the birth date is not known.

No procedure asks for it now. Where one does: validate with this module, store it only where a legal basis
exists, show it masked, and never put it in a URL or a log (the test run's log scan looks for valid numbers).
"""

import re
from dataclasses import dataclass
from datetime import date

from django import forms
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

    @property
    def formatted(self):
        return format_insz(self.number)


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


def validate_insz(value):
    """A Django validator: raises ValidationError unless the value is a valid national register or bis number."""
    parse_insz(value)


def format_insz(number):
    """85073003328 → 85.07.30-033.28."""
    n = normalise_insz(number) or ""
    return f"{n[:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:]}" if n else ""


def mask_insz(number):
    """For display in the back office: only the last three digits show (••.••.••-••3.28)."""
    n = normalise_insz(number)
    if n is None:
        return "—"
    return f"••.••.••-••{n[8]}.{n[9:]}"


class NoEchoTextInput(forms.TextInput):
    """A visible text box that never renders a submitted value back into the page (or a cache, or a screenshot)."""

    def format_value(self, value):
        return None


class InszField(forms.CharField):
    """A form field for a national register number: tolerant input, cleaned to 11 digits, never echoed back."""

    widget = NoEchoTextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"})
    default_error_messages = {"required": _("Vul je rijksregisternummer in.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Rijksregisternummer"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("11 cijfers, op de achterkant van je identiteitskaart (jj.mm.dd-xxx.cc)."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        return parse_insz(value).number
