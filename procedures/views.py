"""Public vacancy pages: the list of open procedures, one procedure's vacancy page and its salary estimate."""

from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import ngettext

from kortrijk_ats.public_cache import cached_for_anonymous
from procedures.models import Diploma, Procedure, Team
from procedures.pay import PUBLISHED_SCALES_URL, public_estimate_available
from procedures.salary_chart import render_salary_chart
from procedures.salary_forms import SalaryEstimateForm


@cached_for_anonymous
def procedure_list(request):
    procedures = Procedure.objects.filter(status=Procedure.Status.OPEN).select_related("function")
    return render(request, "procedures/procedure_list.html", {"procedures": procedures})


@cached_for_anonymous
def vacancy_detail(request, slug):
    """Everything a candidate needs to decide to apply, from the procedure's own data. Only open procedures."""
    procedure = get_object_or_404(
        Procedure.objects.select_related("function"), slug=slug, status=Procedure.Status.OPEN,
    )
    diplomas = list(procedure.diplomas.all())
    function = procedure.function
    teams = list(Team.objects.filter(active=True))
    return render(request, "procedures/vacancy_detail.html", {
        "procedure": procedure,
        "function": function,
        "current_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.CURRENT],
        "old_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.OLD],
        "foreign_diplomas": [d for d in diplomas if d.kind == Diploma.Kind.FOREIGN],
        "intake_sessions": list(procedure.intake_sessions.all()),
        "neighbourhood_teams": [t for t in teams if t.kind == Team.Kind.NEIGHBOURHOOD],
        "central_teams": [t for t in teams if t.kind == Team.Kind.CENTRAL],
        "competencies": list(function.competencies.all()),
        "ban_period": format_months(function.ban_months),
        "waitlist_period": format_months(function.waitlist_months),
        # Empty until HR enters it: the page then names no validity rather than a guessed one.
        "reserve_period": format_months(function.reserve_months) if function.reserve_months is not None else "",
        "apply_url": apply_url(procedure),
        "salary_estimate_available": public_estimate_available(function),
        "published_scales_url": PUBLISHED_SCALES_URL,
    })


def apply_url(procedure):
    """The application form of the portal app; the agreed path while that view is not installed."""
    try:
        return reverse("candidates:apply", kwargs={"slug": procedure.slug})
    except NoReverseMatch:
        return f"/vacatures/{procedure.slug}/solliciteren/"


def format_months(months):
    """A period in words: whole years as years ("1 jaar"), otherwise months."""
    if months and months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d jaar", "%(count)d jaar", years) % {"count": years}
    return ngettext("%(count)d maand", "%(count)d maanden", months) % {"count": months}


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
