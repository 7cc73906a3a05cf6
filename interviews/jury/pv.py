"""The jury's proces-verbaal (PV) as a WeasyPrint PDF: it renders what the jury decided, the outcome as
consensus.outcome_for computes it.

It holds the procedure and the vacancy, the jury and its conflict declarations, every candidate of the round,
the consensus score and reason per part, the totals, the ranking and the decisions. It is rendered through
kortrijk_ats.pdf.render_pdf, whose URL fetcher serves the project's static files and refuses every other URL.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from interviews.jury.consensus import outcome_for
from interviews.jury.parts import as_decimal, group_labels, items_for
from interviews.models import ConflictDeclaration, JuryCandidate, JuryRound
from kortrijk_ats.pdf import render_pdf


def pv_context(jury_round):
    """Everything the PV states, read from the database in a fixed number of queries."""
    vacancy = jury_round.vacancy
    items = items_for(jury_round)
    labels = group_labels(items)
    members = list(jury_round.members.select_related("user").order_by("role"))
    declarations = {}
    for declaration in ConflictDeclaration.objects.filter(jury_candidate__round=jury_round):
        declarations[(declaration.jury_candidate_id, declaration.member_id)] = declaration
    candidates = []
    for jc in (JuryCandidate.objects.filter(round=jury_round)
               .select_related("application__candidate", "application__procedure")
               .prefetch_related("consensus_scores").order_by("position", "id")):
        jc.round = jury_round  # the outcome reads the round's scale and pass rule: no query per candidate
        reasons = {c.part: c for c in jc.consensus_scores.all()}
        outcome = outcome_for(jc, items=items)
        candidates.append({
            "jc": jc,
            "declarations": [(m, declarations.get((jc.pk, m.pk))) for m in members],
            "scores": [(item, reasons.get(item.key)) for item in items],
            "has_consensus": bool(reasons),
            "parts": [(labels[g], as_decimal(p)) for g, p in outcome.part_percents.items()] if outcome else [],
            "total": as_decimal(outcome.total_percent) if outcome else None,
        })
    ranked = sorted((c for c in candidates if c["jc"].rank), key=lambda c: c["jc"].rank)
    return {
        "round": jury_round, "vacancy": vacancy, "function": vacancy.function,
        "procedures": sorted({c["jc"].application.procedure.title for c in candidates}),
        "members": members, "candidates": candidates, "ranked": ranked, "items": items,
        "frozen": jury_round.status == JuryRound.Status.CLOSED,
        "generated_at": timezone.localtime(),
    }


def render_pv_html(jury_round, *, for_pdf=False):
    # The PV is the city's record, in Dutch whatever the reader's language: its parts' names too.
    with translation.override(settings.LANGUAGE_CODE):
        context = pv_context(jury_round)
        context["for_pdf"] = for_pdf
        return render_to_string("interviews/jury/pv.html", context)


def render_pv_pdf(jury_round):
    """The PV as PDF bytes."""
    return render_pdf(render_pv_html(jury_round, for_pdf=True))
