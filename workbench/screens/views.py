"""The werkbank's pages: the pipeline of a procedure and the daily summary's setting (both HR's, inside the back
office; urls.py wraps them in the admin site's check), and a staff member's own worklist. Thin: read, render."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from candidates.admin_actions import STAGE_ACTIONS
from kortrijk_ats.staff_auth import needs_second_factor, staff_required
from procedures.models import Procedure
from workbench.daily_summary import set_summary, wants_summary
from workbench.my_work import build_my_work
from workbench.pipeline import build_pipeline


@require_GET
def pipeline(request, pk):
    """The procedure's stages as columns; the checked applications go to the applications list's own bulk action."""
    procedure = get_object_or_404(Procedure.objects.select_related("function"), pk=pk)
    changelist = reverse("admin:candidates_application_changelist")
    return TemplateResponse(request, "admin/workbench/pipeline.html", {
        **admin.site.each_context(request),
        "title": _("Pijplijn: %(procedure)s") % {"procedure": procedure.title},
        "procedure": procedure, "pipeline": build_pipeline(procedure), "actions": STAGE_ACTIONS,
        "action_url": f"{changelist}?procedure__id__exact={procedure.pk}",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    })


class SummaryForm(forms.Form):
    daily_summary = forms.BooleanField(
        label=gettext_lazy("Stuur me elke ochtend een samenvatting van de werkbank"), required=False,
        help_text=gettext_lazy("Alleen op dagen dat er iets wacht; een mail per dag, via de outbox."))


@require_http_methods(["GET", "POST"])
def preferences(request):
    """The HR member's own choice: the daily summary on or off."""
    # An unticked box posts nothing: the form is bound on every POST, not only on a non-empty one.
    form = SummaryForm(request.POST if request.method == "POST" else None,
                       initial={"daily_summary": wants_summary(request.user)})
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data["daily_summary"]
        set_summary(request.user, wanted=wanted)
        messages.success(request, _("Je krijgt de dagelijkse samenvatting.") if wanted
                         else _("Je krijgt geen dagelijkse samenvatting meer."))
        return redirect("workbench:preferences")
    return TemplateResponse(request, "admin/workbench/preferences.html", {
        **admin.site.each_context(request), "title": _("Dagelijkse samenvatting"), "form": form})


@staff_required
@require_GET
def my_work(request):
    """What waits for this interviewer or juror (HR too, for their own interviews and jury seats)."""
    if not needs_second_factor(request.user):
        raise PermissionDenied  # a candidate's account: their pages are the portal's
    return render(request, "workbench/my_work.html", {"work": build_my_work(request.user)})
