"""Public vacancy pages: the list of open procedures, one procedure's vacancy page and its function description (its
salary estimate is the pay app's: pay.views)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kortrijk_ats.public_cache import cached_for_anonymous
from procedures.models import Diploma, Procedure
from procedures.salary_link import PUBLISHED_SCALES_URL, salary_estimate_url


@cached_for_anonymous
def procedure_list(request):
    procedures = Procedure.objects.open_for_applications(today=timezone.localdate()).select_related("function")
    return render(request, "procedures/procedure_list.html", {"procedures": procedures})


@cached_for_anonymous
def vacancy_detail(request, slug):
    """Everything a candidate needs to decide to apply, from the procedure's own data, each thing once. A closed
    procedure keeps its page, with the notice that it is closed instead of the apply buttons."""
    today = timezone.localdate()
    procedure = public_procedure_or_404(slug, today=today)
    diplomas = list(procedure.diplomas.all())
    steps = list(procedure.steps.all())
    function = procedure.function
    return render(request, "procedures/vacancy_detail.html", {
        "procedure": procedure,
        "function": function,
        "current_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.CURRENT],
        "old_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.OLD],
        "foreign_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.FOREIGN],
        "intake_sessions": _intake_sessions_to_show(procedure, today=today),
        "steps": steps_with_parts(steps),
        "steps_show_intake_sessions": any(step.shows_intake_sessions for step in steps),
        "competencies": list(function.competencies.all()),
        "has_function_description": function.descriptions.exists(),
        "apply_url": apply_url(procedure),
        "salary_estimate_url": salary_estimate_url(procedure),
        "published_scales_url": PUBLISHED_SCALES_URL,
    })


@cached_for_anonymous
def function_description(request, slug):
    """The function's descriptions (functiebeschrijving), every variant, for a public procedure that has them, and
    the function's competencies with their behavioural indicators, as the bundle's annex closes."""
    procedure = public_procedure_or_404(slug, today=timezone.localdate())
    descriptions = list(procedure.function.descriptions.all())
    if not descriptions:
        raise Http404("Geen functiebeschrijving.")
    return render(request, "procedures/function_description.html", {
        "procedure": procedure, "function": procedure.function, "descriptions": descriptions,
        "competencies": list(procedure.function.competencies.prefetch_related("indicators")),
        "apply_url": apply_url(procedure),
    })


def public_procedure_or_404(slug, *, today):
    """The procedure with is_open_for_applications; a draft (or one before its open-from day) is not public: 404."""
    return get_object_or_404(
        Procedure.objects.public(today=today).with_open_for_applications(today=today).select_related("function"),
        slug=slug)


def _intake_sessions_to_show(procedure, *, today):
    """An open procedure offers only the moments still to come; a closed one keeps its round's moments on record."""
    sessions = procedure.intake_sessions.all()
    if procedure.is_open_for_applications:
        sessions = sessions.filter(date__gte=today)
    return list(sessions)


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
