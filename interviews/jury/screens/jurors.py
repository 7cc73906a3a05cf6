"""The jurors' pages (outside the HR admin): my rounds, a round, a candidate's file with the declaration and the
score sheet, the chair's consensus and deliberation, the PV. Thin: check the rule (interviews/jury/rules.py), parse
the form, call interviews.jury, render. A refused access is logged and answered 404 (not your round) or 403."""

import logging

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates.models import Document
from candidates.uploads import attachment_response
from interviews.jury import ItemsRefused, JuryRefused
from interviews.jury.calibration import calibration
from interviews.jury.conflicts import declaration_of, declare_conflict
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
from interviews.jury.questionnaire import trait_results
from interviews.jury.rounds import membership, rounds_of
from interviews.jury.scheduling import describe_interview
from interviews.jury.scoring import own_sheet, reopen_sheet, save_scores, sheets_visible_to, submit_sheet
from interviews.jury.screens.forms import (
    ConsensusForm,
    DeclarationForm,
    ItemScoresForm,
    PvApprovalForm,
    RankingForm,
    ReopenForm,
)
from interviews.models import JuryCandidate, JuryRound, QuestionnaireResponse, ScoreSheet
from kortrijk_ats.roles import is_hr
from kortrijk_ats.staff_auth import staff_required

log = logging.getLogger("interviews.jury.access")


def jury_page(view):
    return never_cache(staff_required(view))


def _deny(request, reason, *, status=404):
    log.warning("Jury access refused (%s): user %s %s %s", reason, request.user.pk, request.method, request.path)
    if status == 403:
        raise PermissionDenied(reason)
    raise Http404("Niet gevonden.")


def _allowed(request, perm, obj):
    # rules' own registry: Django's superuser shortcut must not open a juror's door to anyone.
    return rules.has_perm(perm, request.user, obj)


def _round_or_404(request, pk):
    jury_round = JuryRound.objects.select_related("vacancy__team", "vacancy__function").filter(pk=pk).first()
    if jury_round is None or not _allowed(request, "interviews.view_juryround", jury_round):
        _deny(request, "not a round of this user")
    return jury_round


def _candidate_or_404(request, pk, uid):
    jury_round = _round_or_404(request, pk)
    jury_candidate = (JuryCandidate.objects.select_related("application__candidate", "application__procedure",
                                                           "application__diploma")
                      .filter(round=jury_round, uid=uid).first())
    if jury_candidate is None:
        _deny(request, "no such candidate in the round")
    jury_candidate.round = jury_round
    if not _allowed(request, "interviews.view_jurycandidate", jury_candidate):
        _deny(request, "recused from this candidate", status=403)
    return jury_candidate


def _when(jury_candidate):
    if jury_candidate.starts_at is None:
        return None
    return describe_interview(jury_candidate.starts_at, jury_candidate.ends_at)


@jury_page
@require_GET
def home(request):
    jury_rounds = list(rounds_of(request.user))
    if not jury_rounds and not is_hr(request.user):
        _deny(request, "no jury seat", status=403)
    return render(request, "interviews/jury/home.html", {"rounds": jury_rounds})


@jury_page
@require_GET
def round_detail(request, pk):
    jury_round = _round_or_404(request, pk)
    member = membership(request.user, jury_round)
    candidates = list(jury_round.candidates.select_related("application__candidate").order_by("position"))
    declarations = {d.jury_candidate_id: d for d in member.declarations.all()} if member else {}
    sheets = {s.jury_candidate_id: s for s in ScoreSheet.objects.filter(member=member)} if member else {}
    rows = [{"jc": jc, "when": _when(jc), "declaration": declarations.get(jc.pk), "sheet": sheets.get(jc.pk)}
            for jc in candidates]
    return render(request, "interviews/jury/round.html", {
        "round": jury_round, "member": member, "rows": rows,
        "members": jury_round.members.select_related("user").order_by("role"),
        "is_chair": _allowed(request, "interviews.view_calibration", jury_round) and member is not None,
    })


@jury_page
@require_http_methods(["GET", "POST"])
def candidate(request, pk, uid):
    """A candidate's file; the juror's declaration and score sheet; the others' scores once the own is in."""
    jury_candidate = _candidate_or_404(request, pk, uid)
    jury_round = jury_candidate.round
    member = membership(request.user, jury_round)
    items = items_for(jury_round)
    sheet = own_sheet(member, jury_candidate) if member else None
    may_score = _allowed(request, "interviews.score_jurycandidate", jury_candidate)
    initial = {}
    if sheet:
        for score in sheet.scores.all():
            initial[f"value_{score.part}"], initial[f"text_{score.part}"] = score.value, score.evidence
    form = ItemScoresForm(request.POST or None, items=items, scale_min=jury_round.scale_min,
                          scale_max=jury_round.scale_max, initial=initial)
    status, error = 200, ""
    if request.method == "POST":
        if not may_score:
            _deny(request, "may not score this candidate", status=403)
        submit = request.POST.get("action") == "submit"

        def save():
            save_scores(member, jury_candidate, scores=form.entries(), by=request.user)
            if submit:
                submit_sheet(member, jury_candidate, by=request.user)

        done, status, error = _run_form(
            request, form, save, url=_candidate_url(jury_candidate),
            message=gettext("Je scores zijn ingediend en vergrendeld. Je ziet nu ook de scores van de andere "
                            "juryleden die al indienden.") if submit
            else gettext("Je scores zijn bewaard (nog niet ingediend)."))
        if done:
            return done
    hr = is_hr(request.user) and member is None
    visible = sheets_visible_to(member, jury_candidate, hr=hr)
    others_visible = _allowed(request, "interviews.view_jury_scores", jury_candidate)
    response = QuestionnaireResponse.objects.filter(jury_candidate=jury_candidate).first()
    vacancy = jury_round.vacancy
    return render(request, "interviews/jury/candidate.html", {
        "round": jury_round, "jc": jury_candidate, "application": jury_candidate.application,
        "candidate": jury_candidate.application.candidate, "member": member, "when": _when(jury_candidate),
        "documents": jury_candidate.application.documents.all(),
        "declaration": declaration_of(member, jury_candidate) if member else None,
        "declaration_form": DeclarationForm(), "form": form, "sheet": sheet, "may_score": may_score,
        "locked": bool(sheet and sheet.is_submitted), "error": error,
        "score_table": _score_table(items, visible) if others_visible else None,
        "items": items, "questionnaire": response, "traits": trait_results(response, jury_round.questionnaire),
        "is_chair": _allowed(request, "interviews.lead_consensus", jury_candidate),
        "function_descriptions": vacancy.function.descriptions.for_team(vacancy.team),
    }, status=status)


def _run_form(request, form, act, *, message, url):
    """A posted jury form: `act()` when the form is valid, then `message` and a redirect to `url`. Returns (that
    redirect or None, status, error): 400 with refused items under their fields, 409 with another refusal."""
    if not form.is_valid():
        return None, 400, ""
    try:
        act()
    except ItemsRefused as refusal:
        _add_item_errors(form, refusal)
        return None, 400, ""
    except JuryRefused as refusal:
        return None, 409, str(refusal)
    messages.success(request, message)
    return redirect(url), 200, ""


def _add_item_errors(form, refusal):
    """Each refused item's reason under the field it is about: the score, or its evidence or motivation."""
    for key, reason in refusal.errors.items():
        field = {ItemsRefused.VALUE: f"value_{key}", ItemsRefused.NOTE: f"text_{key}"}.get(refusal.fields.get(key))
        form.add_error(field if field in form.fields else None, reason)


def _score_table(items, sheets):
    sheets = [s for s in sheets if s is not None]
    by_sheet = {s.pk: {score.part: score for score in s.scores.all()} for s in sheets}
    return {"sheets": sheets, "rows": [(item, [by_sheet[s.pk].get(item.key) for s in sheets]) for item in items]}


def _candidate_url(jury_candidate):
    return reverse("interviews:jury_candidate", args=[jury_candidate.round_id, jury_candidate.uid])


@jury_page
@require_POST
def declare(request, pk, uid):
    jury_candidate = _candidate_or_404(request, pk, uid)
    if not _allowed(request, "interviews.declare_conflict", jury_candidate):
        _deny(request, "may not declare", status=403)
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Kies een van de twee verklaringen."))
        return redirect(_candidate_url(jury_candidate))
    try:
        declare_conflict(membership(request.user, jury_candidate.round), jury_candidate,
                         has_conflict=form.cleaned_data["declaration"] == "conflict", note=form.cleaned_data["note"])
    except JuryRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, gettext("Je verklaring is opgeslagen."))
    return redirect(_candidate_url(jury_candidate))


@jury_page
@require_http_methods(["GET", "POST"])
def consensus(request, pk, uid):
    """The chair's side-by-side view and the consensus per part."""
    jury_candidate = _candidate_or_404(request, pk, uid)
    jury_round = jury_candidate.round
    if not (_allowed(request, "interviews.lead_consensus", jury_candidate)
            or (_allowed(request, "interviews.view_jury_scores", jury_candidate) and is_hr(request.user))):
        _deny(request, "not the chair", status=403)
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
        if not _allowed(request, "interviews.lead_consensus", jury_candidate):
            _deny(request, "not the chair", status=403)
        done, status, error = _run_form(
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
        "pending": pending, "error": error, "may_edit": _allowed(request, "interviews.lead_consensus", jury_candidate),
        "outcome": outcome, "parts": [(labels[g], as_decimal(p)) for g, p in outcome.part_percents.items()]
        if outcome else [], "total": as_decimal(outcome.total_percent) if outcome else None,
        "reopen_forms": [ReopenForm(sheet=sheet) for sheet in ScoreSheet.objects.filter(
            jury_candidate=jury_candidate, submitted_at__isnull=False).select_related("member__user")
            .order_by("member__role")],
    }, status=status)


@jury_page
@require_POST
def reopen(request, pk, uid, sheet_pk):
    jury_candidate = _candidate_or_404(request, pk, uid)
    if not _allowed(request, "interviews.lead_consensus", jury_candidate):
        _deny(request, "not the chair", status=403)
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
    jury_round = _round_or_404(request, pk)
    if not _allowed(request, "interviews.view_calibration", jury_round):
        _deny(request, "not the chair", status=403)
    rows = standings(jury_round) if jury_round.is_open else []
    passers = [(jc, outcome) for jc, outcome in rows if outcome and outcome.passed]
    form = RankingForm(request.POST or None, passers=passers)
    status, error = 200, ""
    if request.method == "POST":
        if not _allowed(request, "interviews.lead_consensus", jury_round):
            _deny(request, "not the chair or round not open", status=403)
        done, status, error = _run_form(
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
        "calibration": calibration(jury_round), "may_close": _allowed(request, "interviews.lead_consensus", jury_round),
    }, status=status)


@jury_page
@require_POST
def reopen_round(request, pk):
    jury_round = _round_or_404(request, pk)
    if not _allowed(request, "interviews.view_calibration", jury_round) or membership(request.user, jury_round) is None:
        _deny(request, "not the chair", status=403)
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
    jury_round = _round_or_404(request, pk)
    member = membership(request.user, jury_round)
    if request.method == "POST":
        if not _allowed(request, "interviews.approve_pv", jury_round):
            _deny(request, "may not approve the PV", status=403)
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
                    "may_approve": _allowed(request, "interviews.approve_pv", jury_round),
                    "may_download": _allowed(request, "interviews.download_pv", jury_round)})
    return render(request, "interviews/jury/pv_page.html", context)


@jury_page
@require_GET
def pv_pdf(request, pk):
    """The frozen PV, for HR."""
    jury_round = get_object_or_404(JuryRound, pk=pk)
    if not _allowed(request, "interviews.download_pv", jury_round) or not jury_round.pv_file:
        _deny(request, "PV download", status=403)
    response = FileResponse(jury_round.pv_file.open("rb"), as_attachment=True,
                            filename=f"pv-juryronde-{jury_round.pk}.pdf", content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@jury_page
@require_GET
def pv_preview(request, pk):
    """The PV as HTML in its print layout (what the PDF will hold)."""
    jury_round = _round_or_404(request, pk)
    return HttpResponse(render_pv_html(jury_round))


@jury_page
@require_GET
def document(request, pk, uid, doc_pk):
    """A document of the candidate's file (diploma, CV), for the jurors who may open the file; always a download."""
    jury_candidate = _candidate_or_404(request, pk, uid)
    doc = get_object_or_404(Document, pk=doc_pk, application=jury_candidate.application)
    try:
        return attachment_response(doc)
    except (FileNotFoundError, ValueError):
        raise Http404("Het bestand is niet meer beschikbaar.") from None


@jury_page
@require_GET
def questionnaire_report(request, pk, uid):
    jury_candidate = _candidate_or_404(request, pk, uid)
    response = QuestionnaireResponse.objects.filter(jury_candidate=jury_candidate).exclude(report="").first()
    if response is None:
        raise Http404("Geen rapport.")
    result = FileResponse(response.report.open("rb"), as_attachment=True,
                          filename=response.report_name or "rapport.pdf", content_type="application/pdf")
    result["X-Content-Type-Options"] = "nosniff"
    result["Cache-Control"] = "private, no-store"
    return result
