"""The procedure report as a PDF (WeasyPrint through kortrijk_ats.pdf.render_pdf)."""

import unicodedata

from django.template.loader import render_to_string
from django.utils import timezone

from kortrijk_ats.pdf import render_pdf
from reports import queries
from reports.exports import COLUMN_KEYS, header, pipeline_records

# WeasyPrint spends about 2 ms of CPU per table cell and about 1 ms per text line, so a table of 1,000 candidates
# took 12-40 s. The candidate list is therefore one preformatted block per page: one line per candidate, the
# columns aligned in a monospaced font. ROWS_PER_TABLE lines fit on one landscape page.
ROWS_PER_TABLE = 35
# The widest a column may get, in characters; with the gaps they add up to the 165 a landscape line holds at
# 7.5 pt. A longer value (a typed diploma, a very long name) is cut with "…" rather than running off the page.
COLUMN_CAPS = (20, 26, 38, 16, 39, 16)
LINE_WIDTH = 165
GAP = "  "


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def text_width(text):
    """Columns the text takes in a monospaced font: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text, width):
    """The text padded to `width` columns, or cut to it with an ellipsis."""
    if text_width(text) > width:
        while text and text_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - text_width(text))


def aligned_lines(header, rows):
    """The header and the rows as lines of aligned columns, each column as wide as its widest value (capped)."""
    # One line per value: a newline or tab that someone typed would break the columns.
    rows = [[unicodedata.normalize("NFC", " ".join(str(v).split())) for v in row] for row in rows]
    widths = [min(cap, max(map(text_width, column)))
              for cap, column in zip(COLUMN_CAPS, zip(header, *rows, strict=True), strict=True)]

    def line(values):
        return GAP.join(_fit(v, w) for v, w in zip(values, widths, strict=True)).rstrip()

    return line(header), [line(row) for row in rows]


def report_context(procedure):
    funnel = queries.build_funnel(procedure=procedure)
    # The report lists stage and dates, not contact data: name, diploma, submitted, stage, stage since.
    wanted = [COLUMN_KEYS.index(key) for key in ("first_name", "last_name", "diploma", "submitted", "stage",
                                                 "stage_since")]
    titles = header()
    head, lines = aligned_lines([titles[i] for i in wanted],
                                ([r[i] for i in wanted] for r in pipeline_records(procedure=procedure)))
    return {
        "procedure": procedure, "funnel": funnel, "made_at": timezone.localtime(),
        "medians": queries.stage_medians(procedure=procedure),
        "reasons": queries.refusal_reasons(procedure=procedure),
        "occupancy": queries.intake_occupancy(procedure=procedure),
        "notifications": queries.notification_status(procedure=procedure),
        "header": head,
        "tables": list(_chunks(lines, ROWS_PER_TABLE)),
    }


def render_report_pdf(procedure):
    html = render_to_string("reports/procedure_report_pdf.html", report_context(procedure))
    return render_pdf(html)


def report_filename(procedure):
    return f"rapport-{procedure.slug}-{timezone.localdate():%Y-%m-%d}.pdf"
