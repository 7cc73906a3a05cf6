"""Public vacancy pages: the list of open procedures, one procedure's vacancy page, its function description and
its salary estimate."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kortrijk_ats.public_cache import cached_for_anonymous
from procedures.models import Diploma, Procedure
from procedures.pay import PUBLISHED_SCALES_URL, public_estimate_available
from procedures.salary_chart import render_salary_chart
from procedures.salary_forms import SalaryEstimateForm


@cached_for_anonymous
def procedure_list(request):
    procedures = Procedure.objects.filter(status=Procedure.Status.OPEN).select_related("function")
    return render(request, "procedures/procedure_list.html", {"procedures": procedures})


@cached_for_anonymous
def vacancy_detail(request, slug):
    """Everything a candidate needs to decide to apply, from the procedure's own data, each thing once. Only open
    procedures."""
    procedure = _open_procedure_or_404(slug)
    diplomas = list(procedure.diplomas.all())
    steps = list(procedure.steps.all())
    function = procedure.function
    return render(request, "procedures/vacancy_detail.html", {
        "procedure": procedure,
        "function": function,
        "current_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.CURRENT],
        "old_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.OLD],
        "foreign_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.FOREIGN],
        "intake_sessions": list(procedure.intake_sessions.all()),
        "steps": steps_with_parts(steps),
        "steps_show_intake_sessions": any(step.shows_intake_sessions for step in steps),
        "competencies": list(function.competencies.all()),
        "has_function_description": function.descriptions.exists(),
        "apply_url": apply_url(procedure),
        "salary_estimate_available": public_estimate_available(function),
        "published_scales_url": PUBLISHED_SCALES_URL,
    })


@cached_for_anonymous
def function_description(request, slug):
    """The function's descriptions (functiebeschrijving), every variant, for an open procedure that has them, and
    the function's competencies with their behavioural indicators, as the bundle's annex closes."""
    procedure = _open_procedure_or_404(slug)
    descriptions = list(procedure.function.descriptions.all())
    if not descriptions:
        raise Http404("Geen functiebeschrijving.")
    return render(request, "procedures/function_description.html", {
        "procedure": procedure, "function": procedure.function, "descriptions": descriptions,
        "competencies": list(procedure.function.competencies.prefetch_related("indicators")),
        "apply_url": apply_url(procedure),
    })


def _open_procedure_or_404(slug):
    return get_object_or_404(Procedure.objects.select_related("function"), slug=slug, status=Procedure.Status.OPEN)


def steps_with_parts(steps):
    """The steps in order as (step, [its parts]): a part (part_of_previous) belongs to the step above it; one with no
    step above it counts as a step."""
    grouped = []
    for step in steps:
        if step.part_of_previous and grouped:
            grouped[-1][1].append(step)
        else:
            grouped.append((step, []))
    return grouped


def apply_url(procedure):
    """The application form of the portal app; the agreed path while that view is not installed."""
    try:
        return reverse("candidates:apply", kwargs={"slug": procedure.slug})
    except NoReverseMatch:
        return f"/vacatures/{procedure.slug}/solliciteren/"


def salary_estimate(request, slug):
    """The public salary estimate (loonschatting) of an open vacancy: a GET form, so the page changes nothing.
    Uses the same simulation as an offer; clearly marked as an estimate (and as fictitious where it is). Without
    complete pay data it gives the bundle's sentence and the link to the city's published scales: no form, no
    amounts."""
    procedure = get_object_or_404(
        Procedure.objects.select_related("function"), slug=slug, status=Procedure.Status.OPEN,
    )
    form = SalaryEstimateForm(request.GET or None, function=procedure.function, on=timezone.localdate())
    simulation = form.simulate()
    return render(request, "procedures/salary_estimate.html", {
        "procedure": procedure,
        "function": procedure.function,
        "form": form,
        "simulation": simulation,
        "chart": render_salary_chart(simulation) if simulation else "",
        "apply_url": apply_url(procedure),
        "published_scales_url": PUBLISHED_SCALES_URL,
    })
