"""The procedure report as a PDF (WeasyPrint through kortrijk_ats.pdf.render_pdf)."""

from django.template.loader import render_to_string
from django.utils import timezone

from kortrijk_ats.pdf import render_pdf
from reports import queries
from reports.exports import HEADER, pipeline_records

# WeasyPrint lays out one huge table slowly: the list goes in tables of this many rows, one per page.
ROWS_PER_TABLE = 35


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def report_context(procedure):
    funnel = queries.build_funnel(procedure=procedure)
    # The report lists stage and dates, not contact data: name, diploma, submitted, stage, stage since.
    wanted = (1, 2, 5, 6, 7, 8)
    rows = ([r[i] for i in wanted] for r in pipeline_records(procedure=procedure))
    return {
        "procedure": procedure, "funnel": funnel, "made_at": timezone.localtime(),
        "medians": queries.stage_medians(procedure=procedure),
        "reasons": queries.refusal_reasons(procedure=procedure),
        "occupancy": queries.intake_occupancy(procedure=procedure),
        "notifications": queries.notification_status(procedure=procedure),
        "header": [HEADER[i] for i in wanted],
        "tables": list(_chunks(rows, ROWS_PER_TABLE)),
    }


def render_report_pdf(procedure):
    html = render_to_string("reports/procedure_report_pdf.html", report_context(procedure))
    return render_pdf(html)


def report_filename(procedure):
    return f"rapport-{procedure.slug}-{timezone.localdate():%Y-%m-%d}.pdf"
