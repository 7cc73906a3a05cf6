"""The public salary estimate (loonschatting) beside a vacancy page."""

from django.shortcuts import render
from django.utils import timezone

from pay.chart import render_salary_chart
from pay.forms import SalaryEstimateForm
from procedures.salary_link import PUBLISHED_SCALES_URL
from procedures.views import apply_url, public_procedure_or_404


def salary_estimate(request, slug):
    """The public salary estimate (loonschatting) of a public vacancy: a GET form, so the page changes nothing.
    Uses the same simulation as an offer; clearly marked as an estimate (and as fictitious where it is). Without
    complete pay data it gives the bundle's sentence and the link to the city's published scales: no form, no
    amounts. A closed procedure's page says so and has no apply button."""
    today = timezone.localdate()
    procedure = public_procedure_or_404(slug, today=today)
    form = SalaryEstimateForm(request.GET or None, function=procedure.function, on=today)
    simulation = form.simulate()
    return render(request, "pay/salary_estimate.html", {
        "procedure": procedure,
        "function": procedure.function,
        "form": form,
        "simulation": simulation,
        "chart": render_salary_chart(simulation) if simulation else "",
        "apply_url": apply_url(procedure),
        "published_scales_url": PUBLISHED_SCALES_URL,
    })
