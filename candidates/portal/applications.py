"""“Mijn kandidaturen”: the list, one application's timeline, withdrawing, and the candidate's own documents."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidates.disclosure import may_withdraw, outcome_waiting, shown_stage
from candidates.documents import contact_address
from candidates.models import Application, Document
from candidates.portal.access import candidate_page, own_application_or_404
from candidates.stages import Stage
from candidates.timeline import (
    STAGE_TEXT,
    for_portal,
    next_step_for,
    sent_mails,
    timeline_for,
)
from candidates.transitions import StageConflict, TransitionRefused, candidate_actor_label, change_stage
from candidates.uploads import attachment_response


@candidate_page
def application_list(request):
    applications = for_portal(Application.objects.filter(candidate__user=request.user), listing=True)
    rows = [{"application": a, "stage_text": STAGE_TEXT[shown_stage(a)], "next_step": next_step_for(a)}
            for a in applications]
    return render(request, "candidates/application_list.html", {"rows": rows})


@candidate_page
def application_detail(request, public_id):
    application = own_application_or_404(request.user, public_id, for_display=True)
    return render(request, "candidates/application_detail.html", _detail_context(application))


@candidate_page
def application_submitted(request, public_id):
    application = own_application_or_404(request.user, public_id, for_display=True)
    return render(request, "candidates/application_submitted.html", _detail_context(application))


def _detail_context(application):
    # Every offer on the page follows the stage the candidate was told, never one HR has not released.
    stage = shown_stage(application)
    return {
        "application": application,
        "stage_text": STAGE_TEXT[stage],
        "timeline": timeline_for(application),
        "next_step": next_step_for(application),
        "mails": sent_mails(application),
        "documents": application.documents.all(),
        "may_withdraw": may_withdraw(application),
        "may_add_document": stage == Stage.SCREENING,
    }


@candidate_page
@require_http_methods(["GET", "POST"])
def withdraw(request, public_id):
    application = own_application_or_404(request.user, public_id)
    if not may_withdraw(application):
        messages.info(request, _("Deze kandidatuur is al afgesloten; intrekken is niet meer nodig."))
        return redirect("candidates:detail", public_id=application.public_id)
    if request.method == "POST":
        if outcome_waiting(application):
            # HR's decision waits for release: it closed the application, but the candidate hears it by mail first.
            messages.error(request, _("Intrekken kan nu niet: je kandidatuur is nog in behandeling bij het "
                                      "selectieteam. Er is niets ingetrokken. Wil je stoppen? Laat het weten aan "
                                      "%(contact)s.") % {"contact": contact_address(application)})
            return redirect("candidates:detail", public_id=application.public_id)
        seen = _seen_stage(request, application)
        try:
            if seen is None:
                raise StageConflict("unknown stage token")
            change_stage(application, to=Stage.WITHDRAWN, by=request.user, by_label=candidate_actor_label(application),
                         reason="Ingetrokken door de kandidaat via het portaal.",
                         expected_stage=seen)
        except TransitionRefused:
            # Not the technical reason: that could reveal an outcome HR has not announced yet.
            messages.error(request, _("Je kandidatuur veranderde net. Er is niets ingetrokken; bekijk ze "
                                      "opnieuw en probeer het nog eens als je dat wil."))
        else:
            messages.success(request, _("Je kandidatuur voor %(title)s is ingetrokken. Je krijgt een bevestiging "
                                        "per mail.") % {"title": application.procedure.title})
        return redirect("candidates:detail", public_id=application.public_id)
    return render(request, "candidates/withdraw_confirm.html", {
        "application": application, "stage_token": _stage_token(application, shown_stage(application))})


def _stage_token(application, stage):
    # The confirm page carries the stage it was shown for, opaque: the page source must not reveal an outcome.
    return salted_hmac("candidates.withdraw", f"{application.public_id}:{stage}").hexdigest()[:20]


def _seen_stage(request, application):
    """The stage the confirm page was shown for; an unknown token counts as a change since then."""
    token = request.POST.get("stage_token", "")
    for stage in Stage.values:
        if constant_time_compare(token, _stage_token(application, stage)):
            return stage
    return None


@candidate_page
def document_download(request, public_id, pk):
    document = get_object_or_404(Document.objects.select_related("application"), pk=pk,
                                 application__public_id=public_id, application__candidate__user=request.user)
    try:
        return attachment_response(document)
    except (FileNotFoundError, ValueError):
        raise Http404(_("Dit bestand is niet meer beschikbaar.")) from None
