"""The chair's pages and the deliberation: the consensus per candidate, reopening a sheet or the round, the
standings, and the PV with its approval. Thin, as the juror's pages."""


from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from interviews.jury import JuryRefused
from interviews.jury.calibration import calibration
from interviews.jury.consensus import (
    close_deliberation,
    outcome_for,
    pending_members,
    reopen_deliberation,
    set_consensus,
    side_by_side,
    standings,
)
from interviews.jury.outcomes import approve_pv
from interviews.jury.parts import as_decimal, group_labels, items_for
from interviews.jury.pv import pv_context, render_pv_html
from interviews.jury.rounds import membership
from interviews.jury.scoring import reopen_sheet
from interviews.jury.screens.forms import (
    ConsensusForm,
    PvApprovalForm,
    RankingForm,
    ReopenForm,
)
from interviews.jury.screens.page_access import allowed, candidate_or_404, deny, jury_page, round_or_404, run_form
from interviews.models import JuryRound, ScoreSheet
from kortrijk_ats.roles import is_hr


@jury_page
@require_http_methods(["GET", "POST"])
def consensus(request, pk, uid):
    """The chair's side-by-side view and the consensus per part."""
    jury_candidate = candidate_or_404(request, pk, uid)
    jury_round = jury_candidate.round
    if not (allowed(request, "interviews.lead_consensus", jury_candidate)
            or (allowed(request, "interviews.view_jury_scores", jury_candidate) and is_hr(request.user))):
        deny(request, "not the chair", status=403)
    members, rows = side_by_side(jury_candidate)
    initial = {}
    for row in rows:
        if row.consensus:
            initial[f"value_{row.item.key}"] = row.consensus.value
            initial[f"text_{row.item.key}"] = row.consensus.reason
    form = ConsensusForm(request.POST or None, items=[r.item for r in rows], scale_min=jury_round.scale_min,
                         scale_max=jury_round.scale_max, initial=initial)
    status, error = 200, ""
    if request.method == "POST":
        if not allowed(request, "interviews.lead_consensus", jury_candidate):
            deny(request, "not the chair", status=403)
        done, status, error = run_form(
            request, form, lambda: set_consensus(jury_candidate, by=request.user, entries=form.entries()),
            message=gettext("De consensus is opgeslagen."),
            url=reverse("interviews:jury_consensus", args=[jury_round.pk, jury_candidate.uid]))
        if done:
            return done
    form_rows = {item.key: (value, text) for item, value, text in form.rows()}
    pending = pending_members(jury_candidate, members)
    outcome = outcome_for(jury_candidate)
    labels = group_labels([r.item for r in rows])
    return render(request, "interviews/jury/consensus.html", {
        "round": jury_round, "jc": jury_candidate, "candidate": jury_candidate.application.candidate,
        "members": members, "rows": [(row, *form_rows[row.item.key]) for row in rows], "form": form,
        "pending": pending, "error": error, "may_edit": allowed(request, "interviews.lead_consensus", jury_candidate),
        "outcome": outcome, "parts": [(labels[g], as_decimal(p)) for g, p in outcome.part_percents.items()]
        if outcome else [], "total": as_decimal(outcome.total_percent) if outcome else None,
        "reopen_forms": [ReopenForm(sheet=sheet) for sheet in ScoreSheet.objects.filter(
            jury_candidate=jury_candidate, submitted_at__isnull=False).select_related("member__user")
            .order_by("member__role")],
    }, status=status)


@jury_page
@require_POST
def reopen(request, pk, uid, sheet_pk):
    jury_candidate = candidate_or_404(request, pk, uid)
    if not allowed(request, "interviews.lead_consensus", jury_candidate):
        deny(request, "not the chair", status=403)
    sheet = get_object_or_404(ScoreSheet, pk=sheet_pk, jury_candidate=jury_candidate)
    form = ReopenForm(request.POST, sheet=sheet)
    try:
        if not form.is_valid():
            raise JuryRefused(" ".join(form.errors["reason"]))
        reopen_sheet(sheet, by=request.user, reason=form.cleaned_data["reason"])
    except JuryRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, gettext("De scores van %(name)s zijn heropend.")
                         % {"name": sheet.member.display_name})
    return redirect(reverse("interviews:jury_consensus", args=[pk, uid]))


@jury_page
@require_http_methods(["GET", "POST"])
def deliberation(request, pk):
    """The standings, the ranking of the passers and the calibration: the chair closes the deliberation."""
    jury_round = round_or_404(request, pk)
    if not allowed(request, "interviews.view_calibration", jury_round):
        deny(request, "not the chair", status=403)
    rows = standings(jury_round) if jury_round.is_open else []
    passers = [(jc, outcome) for jc, outcome in rows if outcome and outcome.passed]
    form = RankingForm(request.POST or None, passers=passers)
    status, error = 200, ""
    if request.method == "POST":
        if not allowed(request, "interviews.lead_consensus", jury_round):
            deny(request, "not the chair or round not open", status=403)
        done, status, error = run_form(
            request, form, lambda: close_deliberation(jury_round, by=request.user, ranking=form.ranking()),
            message=gettext("De beraadslaging is afgesloten. Elk jurylid keurt nu het PV goed."),
            url=reverse("interviews:jury_pv", args=[jury_round.pk]))
        if done:
            return done
    labels = group_labels(items_for(jury_round))
    table = [{"jc": jc, "outcome": outcome, "total": as_decimal(outcome.total_percent) if outcome else None,
              "parts": [(labels[g], as_decimal(p)) for g, p in outcome.part_percents.items()] if outcome else []}
             for jc, outcome in rows]
    return render(request, "interviews/jury/deliberation.html", {
        "round": jury_round, "table": table, "form": form, "error": error,
        "calibration": calibration(jury_round), "may_close": allowed(request, "interviews.lead_consensus", jury_round),
    }, status=status)


@jury_page
@require_POST
def reopen_round(request, pk):
    jury_round = round_or_404(request, pk)
    if not allowed(request, "interviews.view_calibration", jury_round) or membership(request.user, jury_round) is None:
        deny(request, "not the chair", status=403)
    try:
        reopen_deliberation(jury_round, by=request.user)
    except JuryRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, gettext("De beraadslaging is heropend; de goedkeuringen van het PV vervallen."))
    return redirect(reverse("interviews:jury_deliberation", args=[pk]))


@jury_page
@require_http_methods(["GET", "POST"])
def pv(request, pk):
    jury_round = round_or_404(request, pk)
    member = membership(request.user, jury_round)
    if request.method == "POST":
        if not allowed(request, "interviews.approve_pv", jury_round):
            deny(request, "may not approve the PV", status=403)
        if not PvApprovalForm(request.POST).is_valid():
            messages.error(request, gettext("Vink aan dat je het PV gelezen hebt en goedkeurt."))
            return redirect(reverse("interviews:jury_pv", args=[pk]))
        try:
            approve_pv(jury_round, by=request.user)
        except JuryRefused as refusal:
            messages.error(request, str(refusal))
        else:
            jury_round.refresh_from_db()
            if jury_round.is_closed:
                messages.success(request, gettext("Alle juryleden keurden het PV goed: de ronde is afgesloten en de "
                                                  "beslissingen zijn doorgevoerd."))
                return redirect(reverse("interviews:jury_home"))
            messages.success(request, gettext("Je keurde het PV goed."))
        return redirect(reverse("interviews:jury_pv", args=[pk]))
    context = pv_context(jury_round)
    context.update({"member": member, "approval_form": PvApprovalForm(),
                    "may_approve": allowed(request, "interviews.approve_pv", jury_round),
                    "may_download": allowed(request, "interviews.download_pv", jury_round)})
    return render(request, "interviews/jury/pv_page.html", context)


@jury_page
@require_GET
def pv_pdf(request, pk):
    """The frozen PV, for HR."""
    jury_round = get_object_or_404(JuryRound, pk=pk)
    if not allowed(request, "interviews.download_pv", jury_round) or not jury_round.pv_file:
        deny(request, "PV download", status=403)
    response = FileResponse(jury_round.pv_file.open("rb"), as_attachment=True,
                            filename=f"pv-juryronde-{jury_round.pk}.pdf", content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@jury_page
@require_GET
def pv_preview(request, pk):
    """The PV as HTML in its print layout (what the PDF will hold)."""
    jury_round = round_or_404(request, pk)
    return HttpResponse(render_pv_html(jury_round))
