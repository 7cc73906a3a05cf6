"""The jury's proces-verbaal (PV) as a WeasyPrint PDF.

It holds the procedure and the vacancy, the jury and its conflict declarations, every candidate of the round,
the consensus score and reason per part, the totals, the ranking and the decisions. WeasyPrint fetches nothing
but the project's own static files: StaticOnlyFetcher refuses every other URL (no network, no file system).
"""

import mimetypes
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from interviews.jury.consensus import consensus_values
from interviews.jury.parts import as_decimal, evaluate, group_labels, items_for
from interviews.models import ConflictDeclaration, JuryCandidate, JuryRound

# The base URL the PV's relative links resolve against; only this origin's static path is ever served.
PV_BASE_URL = "https://pv.kortrijk-ats.invalid/"


class FetchRefused(ValueError):
    """WeasyPrint asked for something that is not one of the project's static files."""


class StaticOnlyFetcher(URLFetcher):
    """Serves the project's static files (through the staticfiles finders) and refuses anything else."""

    def fetch(self, url, headers=None):
        path = static_path(url)
        found = finders.find(path)
        if not found:
            raise FetchRefused(f"Geen statisch bestand: {url}")
        with open(found, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def static_path(url):
    """The static file's relative path for a URL of PV_BASE_URL's static folder; FetchRefused for any other URL."""
    parts = urlsplit(url)
    base = urlsplit(PV_BASE_URL)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(prefix):
        raise FetchRefused(f"Niet toegelaten in het PV: {url}")
    relative = unquote(parts.path[len(prefix):])
    pure = PurePosixPath(relative)
    if not relative or pure.is_absolute() or ".." in pure.parts or "\\" in relative or "\x00" in relative:
        raise FetchRefused(f"Niet toegelaten in het PV: {url}")
    return str(pure)


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
        reasons = {c.part: c for c in jc.consensus_scores.all()}
        values = consensus_values(jc)
        outcome = evaluate(jury_round, items, values) if all(i.key in values for i in items) else None
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
    context = pv_context(jury_round)
    context["for_pdf"] = for_pdf
    return render_to_string("interviews/jury/pv.html", context)


def render_pv_pdf(jury_round):
    """The PV as PDF bytes."""
    html = render_pv_html(jury_round, for_pdf=True)
    return HTML(string=html, base_url=PV_BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
