"""The pipeline of a procedure as CSV (for Excel: UTF-8 with BOM, ';') and XLSX, safe against formula injection."""

import csv
import re
import tempfile
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from candidates.models import PoolEntry
from candidates.stages import Stage
from reports.queries import pipeline_rows

BOM = "\ufeff"
ALWAYS_FORMULA = ("=", "@", "\t", "\r", "\n")
SIGNED = ("+", "-")
# What a leading + or - may start without being a formula: a phone number (+32 470 12 34 56, +32 (0)56-27.80.00)
# or a plain negative number (-3 or -3,5). Digits and these signs can neither call a function nor name a cell.
PHONE_NUMBER = re.compile(r"\+[0-9][0-9 ()./-]*")
NEGATIVE_NUMBER = re.compile(r"-[0-9]+(?:[.,][0-9]+)?")
CHUNK = 2000
NOT_IN_XML = "\ufffd"  # shown for a control character XML cannot hold (an old name with BEL or ESC): never a 500

# "Ingediend op" is when the application entered the system; "Ontvangen op" the day it reached the city (for a
# letter HR entered later, the day it arrived).
COLUMNS = (
    ("application", gettext_lazy("Kandidatuur")), ("first_name", gettext_lazy("Voornaam")),
    ("last_name", gettext_lazy("Achternaam")), ("email", gettext_lazy("E-mailadres")),
    ("phone", gettext_lazy("Telefoon")), ("diploma", gettext_lazy("Diploma")),
    ("submitted", gettext_lazy("Ingediend op")), ("received", gettext_lazy("Ontvangen op")),
    ("stage", gettext_lazy("Fase")), ("stage_since", gettext_lazy("Fase sinds")), ("intake", gettext_lazy("Intake op")),
    ("pool", gettext_lazy("Wachtlijst/reserve")), ("last_valid_day", gettext_lazy("Laatste geldige dag")),
)
COLUMN_KEYS = tuple(key for key, _label in COLUMNS)


def header():
    """The column titles, in the active language."""
    return [str(label) for _key, label in COLUMNS]


def neutralise(value):
    """A cell as a spreadsheet should show it: quoted (a leading ') only where Excel or LibreOffice would evaluate it.

    Always quoted: a leading = or @ (also after spaces) and a leading tab, CR or LF. A leading + or - is quoted
    unless the whole cell is a phone number ("+32 470 12 34 56") or a plain negative number ("-3,5"): "+SUM(A1)",
    "-2+3" and "- 1" are quoted. Everything else stays exactly as it is.
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith(ALWAYS_FORMULA):
        return "'" + text
    start = text.lstrip(" ")
    if start.startswith(ALWAYS_FORMULA):
        return "'" + text
    if start.startswith(SIGNED) and not (PHONE_NUMBER.fullmatch(start) or NEGATIVE_NUMBER.fullmatch(start)):
        return "'" + text
    return text


def _when(value, fmt="d/m/Y H:i"):
    return date_format(timezone.localtime(value), fmt) if value else ""


def pipeline_records(*, procedure):
    """The export's rows as tuples of plain strings, already neutralised; fetched in chunks from one query."""
    kinds = dict(PoolEntry.Kind.choices)
    for application in pipeline_rows(procedure=procedure).iterator(chunk_size=CHUNK):
        candidate = application.candidate
        expires = application.pool_expires_on
        yield tuple(neutralise(v) for v in (
            str(application.public_id), candidate.first_name, candidate.last_name, candidate.email, candidate.phone,
            application.diploma_detail or application.diploma.name, _when(application.submitted_at),
            date_format(application.received_day, "d/m/Y"), Stage(application.stage).label,
            _when(application.stage_changed_at), _when(application.intake_at), kinds.get(application.pool_kind, ""),
            date_format(expires - timedelta(days=1), "d/m/Y") if expires else "",
        ))


class _Echo:
    def write(self, value):
        return value


def stream_csv(*, procedure):
    """Lines of the CSV, for a StreamingHttpResponse: the BOM, the header, then one line per application."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield BOM + writer.writerow(header())
    for record in pipeline_records(procedure=procedure):
        yield writer.writerow(record)


def build_xlsx(*, procedure):
    """The XLSX in a temporary file (write-only workbook: rows go straight to disk), positioned at the start."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=gettext("Kandidaturen"))
    sheet.append(header())
    for record in pipeline_records(procedure=procedure):
        # Strings only, neutralised (openpyxl would read a leading '=' as a formula), each one XML can hold.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub(NOT_IN_XML, cell) for cell in record])
    target = tempfile.TemporaryFile()  # noqa: SIM115 — the response closes it
    workbook.save(target)
    target.seek(0)
    return target


def export_filename(procedure, extension):
    return f"kandidaturen-{procedure.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"
