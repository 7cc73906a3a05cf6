"""Import the city's published pay scales from a CSV file: one line per step, `scale code;years;yearly amount at
100 %` (e.g. `B1;0;17300,00`), an optional header line first. Every version it makes is official, from one date
on, with its source and the date of that source.

All or nothing: every line is checked first and every fault is reported in Dutch with its line number; nothing is
saved unless the whole file is right.
"""

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pay.calculation import Step
from pay.formatting import date_text, euro
from pay.models import PayScale, PayScaleStep, PayScaleVersion
from pay.simulation import MAX_YEARS, scale_step_errors

MAX_BYTES = 200_000  # a city's whole set of scales is a few kilobytes
MAX_LINES = 2_000
MAX_AMOUNT = Decimal("99999999.99")  # what PayScaleStep.yearly_amount holds
HEADER_WORDS = {"loonschaal", "schaal", "code", "scale", "weddeschaal"}
SEPARATOR = ";"
# 17300 | 17300,5 | 17300,00 | 17.300,00 | 17 300,00 | 17.300 (Belgian: a point before three digits groups
# thousands) | 17300.5 | 17300.00 (a point before one or two digits is a decimal point).
AMOUNT = re.compile(r"(?P<whole>\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(?P<comma>\d+))?|(?P<plain>\d+)\.(?P<point>\d+)")


class ScaleImportRefused(Exception):
    """The file (or the form around it) is not right: `errors` lists every fault in Dutch; nothing was saved."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = list(errors)


def import_pay_scales(content, *, valid_from, source, source_date, by):
    """Official versions from `valid_from` of the scales in the CSV bytes `content`, with their steps. Returns the new
    versions; raises ScaleImportRefused listing every fault (and saves nothing) when a line or field is wrong."""
    errors = _check_fields(valid_from=valid_from, source=source, source_date=source_date)
    known = {scale.code.upper(): scale for scale in PayScale.objects.all()}
    rows, line_errors = parse_scale_csv(content, known_codes=set(known))
    errors += line_errors
    if rows and valid_from is not None:
        taken = set(PayScaleVersion.objects.filter(scale__code__in=[known[code].code for code in rows],
                                                   valid_from=valid_from).values_list("scale__code", flat=True))
        errors += [_("Loonschaal %(scale)s heeft al een versie vanaf %(day)s: kies een andere datum ‘geldig vanaf’, "
                     "of pas die versie aan in de back office.") % {"scale": code, "day": date_text(valid_from)}
                   for code in sorted(taken)]
    if errors:
        raise ScaleImportRefused(errors)
    try:
        with transaction.atomic():
            versions = []
            for code, steps in rows.items():
                version = PayScaleVersion.objects.create(
                    scale=known[code], valid_from=valid_from, status=PayScaleVersion.Status.OFFICIAL,
                    source=source.strip(), source_date=source_date, created_by=by)
                PayScaleStep.objects.bulk_create(PayScaleStep(version=version, years=step.years,
                                                              yearly_amount=step.yearly_amount) for step in steps)
                versions.append(version)
    except IntegrityError:
        # A colleague saved a version for the same scale and date between the check and the save.
        raise ScaleImportRefused([_("Een collega bewaarde net een versie van een van deze loonschalen vanaf "
                                    "dezelfde datum. Er is niets geïmporteerd; bekijk de versies en probeer "
                                    "opnieuw.")]) from None
    return versions


def _check_fields(*, valid_from, source, source_date):
    errors = []
    if valid_from is None:
        errors.append(_("Geldig vanaf: vul de datum in vanaf wanneer deze bedragen gelden."))
    if not (source or "").strip():
        errors.append(_("Bron: vul in waar de loonschaal gepubliceerd is (bv. de webpagina of het besluit)."))
    if source_date is None:
        errors.append(_("Datum van de bron: vul de datum van de publicatie of het besluit in."))
    elif source_date > timezone.localdate():
        errors.append(_("Datum van de bron: die ligt in de toekomst (%(day)s).") % {"day": date_text(source_date)})
    return errors


def parse_scale_csv(content, *, known_codes):
    """({scale code: [Step, ...]}, errors) from the CSV bytes; every error names its line (or its scale)."""
    text, error = _decode(content)
    if error:
        return {}, [error]
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        return {}, [_("Het bestand heeft %(count)d regels; een import heeft er hoogstens %(max)d.")
                    % {"count": len(lines), "max": MAX_LINES}]
    rows, errors, seen, first = defaultdict(list), [], {}, True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split(SEPARATOR)]
        while len(fields) > 3 and not fields[-1]:  # spreadsheets add empty trailing columns
            fields.pop()
        if first and fields[0].lower() in HEADER_WORDS:
            first = False
            continue  # the header line
        first = False
        if len(fields) != 3:
            errors.append(_("Regel %(line)d: verwacht 3 velden gescheiden door een puntkomma (loonschaal;jaren;"
                            "jaarbedrag), gevonden %(count)d: ‘%(text)s’.")
                          % {"line": number, "count": len(fields), "text": _shorten(line)})
            continue
        code, years_text, amount_text = fields
        line_errors = []
        if code.upper() not in known_codes:
            line_errors.append(_("Regel %(line)d: onbekende loonschaal ‘%(code)s’. Bekende loonschalen: %(known)s; "
                                 "een nieuwe loonschaal maak je eerst aan in Back office › Loonschalen.")
                               % {"line": number, "code": _shorten(code), "known": ", ".join(sorted(known_codes))
                                  or "–"})
        years = _years(years_text)
        if years is None:
            line_errors.append(_("Regel %(line)d: ‘jaren’ is een geheel getal van 0 tot %(max)d, niet ‘%(text)s’.")
                               % {"line": number, "max": MAX_YEARS, "text": _shorten(years_text)})
        amount, amount_error = _amount(amount_text)
        if amount_error:
            line_errors.append(_("Regel %(line)d: %(error)s") % {"line": number, "error": amount_error})
        key = (code.upper(), years)
        if not line_errors and key in seen:
            line_errors.append(_("Regel %(line)d: loonschaal %(code)s heeft al een trap van %(years)d jaar op regel "
                                 "%(first)d.") % {"line": number, "code": code.upper(), "years": years,
                                                  "first": seen[key]})
        if line_errors:
            errors += line_errors
            continue
        seen[key] = number
        rows[code.upper()].append(Step(years=years, yearly_amount=amount))
    if not rows and not errors:
        errors.append(_("Het bestand bevat geen trappen. Eén regel per trap: loonschaal;jaren;jaarbedrag aan 100 %, "
                        "bv. B1;0;17300,00."))
    if not errors:
        for code, steps in rows.items():
            errors += [_("Loonschaal %(scale)s: %(error)s") % {"scale": code, "error": error}
                       for error in scale_step_errors(steps)]
    return dict(rows), errors


def _decode(content):
    if not content:
        return "", _("Het bestand is leeg.")
    if len(content) > MAX_BYTES:
        return "", _("Het bestand is te groot (hoogstens %(max)d kB voor een CSV met loonschalen).") % {
            "max": MAX_BYTES // 1000}
    for encoding in ("utf-8-sig", "cp1252"):  # CSV UTF-8, or what a spreadsheet in Windows saves as plain CSV
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, ""
    return "", _("Dit is geen CSV-tekstbestand. Bewaar de loonschaal als ‘CSV (gescheiden door puntkomma’s)’.")


def _years(text):
    if not text.isascii() or not text.isdigit():
        return None
    years = int(text)
    return years if years <= MAX_YEARS else None


def _amount(text):
    """(Decimal, "") or (None, why) for a yearly amount as people type it."""
    cleaned = text.replace("€", "").replace("\u00a0", " ").strip()
    negative = cleaned.startswith("-")
    match = AMOUNT.fullmatch(cleaned.removeprefix("-").strip()) if cleaned.isascii() else None
    if match is None:
        return None, _("‘%(text)s’ is geen bedrag; schrijf het jaarbedrag bv. als 17300,00 of 17.300,00.") % {
            "text": _shorten(text)}
    if match["plain"] is not None:
        whole, cents = match["plain"], match["point"]
    else:
        whole, cents = re.sub(r"[. ]", "", match["whole"]), match["comma"] or ""
    if len(cents) > 2:
        return None, _("‘%(text)s’ heeft meer dan twee cijfers na de komma.") % {"text": _shorten(text)}
    try:
        amount = Decimal(f"{whole}.{cents or '0'}")
    except InvalidOperation:  # pragma: no cover (the pattern admits only digits)
        return None, _("‘%(text)s’ is geen bedrag.") % {"text": _shorten(text)}
    if amount <= 0 or negative:
        return None, _("het jaarbedrag moet groter dan 0 zijn, niet ‘%(text)s’.") % {"text": _shorten(text)}
    if amount > MAX_AMOUNT:
        return None, _("het jaarbedrag ‘%(text)s’ is te groot (hoogstens %(max)s).") % {
            "text": _shorten(text), "max": euro(MAX_AMOUNT)}
    return amount, ""


def _shorten(text, limit=60):
    return text if len(text) <= limit else text[:limit] + "…"
