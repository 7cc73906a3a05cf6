"""The jurors' pages (outside the HR admin): my rounds, a round, a candidate's file with the declaration and the
score sheet, the candidate's documents and questionnaire report. Thin: check the rule (interviews/jury/rules.py),
parse the form, call interviews.jury, render. The chair's pages are in deliberation.py."""


from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates.models import Document
from candidates.uploads import attachment_response
from interviews.jury import JuryRefused
from interviews.jury.conflicts import declaration_of, declare_conflict
from interviews.jury.parts import items_for
from interviews.jury.questionnaire import trait_results
from interviews.jury.rounds import membership, rounds_of
from interviews.jury.scheduling import describe_interview
from interviews.jury.scoring import own_sheet, save_scores, sheets_visible_to, submit_sheet
from interviews.jury.screens.forms import (
    DeclarationForm,
    ItemScoresForm,
)
from interviews.jury.screens.page_access import (
    allowed,
    candidate_or_404,
    candidate_url,
    deny,
    jury_page,
    round_or_404,
    run_form,
)
from interviews.models import QuestionnaireResponse, ScoreSheet
from kortrijk_ats.roles import is_hr


def _when(jury_candidate):
    if jury_candidate.starts_at is None:
        return None
    return describe_interview(jury_candidate.starts_at, jury_candidate.ends_at)


@jury_page
@require_GET
def home(request):
    jury_rounds = list(rounds_of(request.user))
    if not jury_rounds and not is_hr(request.user):
        deny(request, "no jury seat", status=403)
    return render(request, "interviews/jury/home.html", {"rounds": jury_rounds})


@jury_page
@require_GET
def round_detail(request, pk):
    jury_round = round_or_404(request, pk)
    member = membership(request.user, jury_round)
    candidates = list(jury_round.candidates.select_related("application__candidate").order_by("position"))
    declarations = {d.jury_candidate_id: d for d in member.declarations.all()} if member else {}
    sheets = {s.jury_candidate_id: s for s in ScoreSheet.objects.filter(member=member)} if member else {}
    rows = [{"jc": jc, "when": _when(jc), "declaration": declarations.get(jc.pk), "sheet": sheets.get(jc.pk)}
            for jc in candidates]
    return render(request, "interviews/jury/round.html", {
        "round": jury_round, "member": member, "rows": rows,
        "members": jury_round.members.select_related("user").order_by("role"),
        "is_chair": allowed(request, "interviews.view_calibration", jury_round) and member is not None,
    })


@jury_page
@require_http_methods(["GET", "POST"])
def candidate(request, pk, uid):
    """A candidate's file; the juror's declaration and score sheet; the others' scores once the own is in."""
    jury_candidate = candidate_or_404(request, pk, uid)
    jury_round = jury_candidate.round
    member = membership(request.user, jury_round)
    items = items_for(jury_round)
    sheet = own_sheet(member, jury_candidate) if member else None
    may_score = allowed(request, "interviews.score_jurycandidate", jury_candidate)
    initial = {}
    if sheet:
        for score in sheet.scores.all():
            initial[f"value_{score.part}"], initial[f"text_{score.part}"] = score.value, score.evidence
    form = ItemScoresForm(request.POST or None, items=items, scale_min=jury_round.scale_min,
                          scale_max=jury_round.scale_max, initial=initial)
    status, error = 200, ""
    if request.method == "POST":
        if not may_score:
            deny(request, "may not score this candidate", status=403)
        submit = request.POST.get("action") == "submit"


        def save():
            save_scores(member, jury_candidate, scores=form.entries(), by=request.user)
            if submit:
                submit_sheet(member, jury_candidate, by=request.user)


        done, status, error = run_form(
            request, form, save, url=candidate_url(jury_candidate),
            message=gettext("Je scores zijn ingediend en vergrendeld. Je ziet nu ook de scores van de andere "
                            "juryleden die al indienden.") if submit
            else gettext("Je scores zijn bewaard (nog niet ingediend)."))
        if done:
            return done
    hr = is_hr(request.user) and member is None
    visible = sheets_visible_to(member, jury_candidate, hr=hr)
    others_visible = allowed(request, "interviews.view_jury_scores", jury_candidate)
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
        "is_chair": allowed(request, "interviews.lead_consensus", jury_candidate),
        "function_descriptions": vacancy.function.descriptions.for_team(vacancy.team),
    }, status=status)


def _score_table(items, sheets):
    sheets = [s for s in sheets if s is not None]
    by_sheet = {s.pk: {score.part: score for score in s.scores.all()} for s in sheets}
    return {"sheets": sheets, "rows": [(item, [by_sheet[s.pk].get(item.key) for s in sheets]) for item in items]}


@jury_page
@require_POST
def declare(request, pk, uid):
    jury_candidate = candidate_or_404(request, pk, uid)
    if not allowed(request, "interviews.declare_conflict", jury_candidate):
        deny(request, "may not declare", status=403)
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Kies een van de twee verklaringen."))
        return redirect(candidate_url(jury_candidate))
    try:
        declare_conflict(membership(request.user, jury_candidate.round), jury_candidate,
                         has_conflict=form.cleaned_data["declaration"] == "conflict", note=form.cleaned_data["note"])
    except JuryRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, gettext("Je verklaring is opgeslagen."))
    return redirect(candidate_url(jury_candidate))


@jury_page
@require_GET
def document(request, pk, uid, doc_pk):
    """A document of the candidate's file (diploma, CV), for the jurors who may open the file; always a download."""
    jury_candidate = candidate_or_404(request, pk, uid)
    doc = get_object_or_404(Document, pk=doc_pk, application=jury_candidate.application)
    try:
        return attachment_response(doc)
    except (FileNotFoundError, ValueError):
        raise Http404("Het bestand is niet meer beschikbaar.") from None


@jury_page
@require_GET
def questionnaire_report(request, pk, uid):
    jury_candidate = candidate_or_404(request, pk, uid)
    response = QuestionnaireResponse.objects.filter(jury_candidate=jury_candidate).exclude(report="").first()
    if response is None:
        raise Http404("Geen rapport.")
    result = FileResponse(response.report.open("rb"), as_attachment=True,
                          filename=response.report_name or "rapport.pdf", content_type="application/pdf")
    result["X-Content-Type-Options"] = "nosniff"
    result["Cache-Control"] = "private, no-store"
    return result
