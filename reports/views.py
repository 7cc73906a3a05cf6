"""HR's dashboard, overviews and exports. Thin: the figures come from reports.queries; urls.py wraps every view
in the admin site's HR-only check."""

from django.contrib import admin
from django.db.models import Count
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from candidates.models import PoolEntry
from procedures.models import Procedure
from reports import queries
from reports.chart import funnel_chart
from reports.exports import build_xlsx, export_filename, stream_csv
from reports.report_pdf import render_report_pdf, report_filename

POOL_KINDS = {"wachtlijst": PoolEntry.Kind.WAITLIST, "reserve": PoolEntry.Kind.RESERVE}


def _context(request, **extra):
    return {**admin.site.each_context(request), **extra}


def index(request):
    """Every procedure with its number of applications: the way into the per-procedure dashboard."""
    procedures = (Procedure.objects.select_related("function").annotate(applied=Count("applications"))
                  .order_by("-created_at", "-id"))
    return TemplateResponse(request, "reports/index.html",
                            _context(request, title=_("Rapporten"), procedures=procedures))


def dashboard(request, pk):
    procedure = get_object_or_404(Procedure, pk=pk)
    funnel = queries.build_funnel(procedure=procedure)
    waitlist = queries.pool_overview(procedure=procedure, kind=PoolEntry.Kind.WAITLIST)
    reserve = queries.pool_overview(procedure=procedure, kind=PoolEntry.Kind.RESERVE)
    return TemplateResponse(request, "reports/dashboard.html", _context(
        request, title=_("Rapport: %(p)s") % {"p": procedure.title}, procedure=procedure, funnel=funnel,
        chart=funnel_chart(funnel), medians=queries.stage_medians(procedure=procedure),
        reasons=queries.refusal_reasons(procedure=procedure),
        occupancy=queries.intake_occupancy(procedure=procedure),
        notifications=queries.notification_status(procedure=procedure),
        pools=[waitlist, reserve],
    ))


def pools(request, pk, kind):
    procedure = get_object_or_404(Procedure, pk=pk)
    overview = queries.pool_overview(procedure=procedure, kind=POOL_KINDS[kind])
    label = PoolEntry.Kind(overview.kind).label
    return TemplateResponse(request, "reports/pools.html", _context(
        request, title=_("%(k)s: %(p)s") % {"k": label.capitalize(), "p": procedure.title}, procedure=procedure,
        overview=overview, kind_label=label))


def export_csv(request, pk):
    procedure = get_object_or_404(Procedure, pk=pk)
    response = StreamingHttpResponse(stream_csv(procedure=procedure), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(procedure, "csv")}"'
    return response


def export_xlsx(request, pk):
    procedure = get_object_or_404(Procedure, pk=pk)
    return FileResponse(build_xlsx(procedure=procedure), as_attachment=True,
                        filename=export_filename(procedure, "xlsx"),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def report_pdf(request, pk):
    procedure = get_object_or_404(Procedure, pk=pk)
    response = HttpResponse(render_report_pdf(procedure), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(procedure)}"'
    return response
