"""What the jury pages share: access by the rules of interviews/jury/rules.py (a refusal is logged and answered 404,
not your round, or 403), and a posted form handed to a domain function."""

import logging

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from interviews.jury import ItemsRefused, JuryRefused
from interviews.models import JuryCandidate, JuryRound
from kortrijk_ats.staff_auth import staff_required

log = logging.getLogger("interviews.jury.access")


def jury_page(view):
    return never_cache(staff_required(view))


def deny(request, reason, *, status=404):
    log.warning("Jury access refused (%s): user %s %s %s", reason, request.user.pk, request.method, request.path)
    if status == 403:
        raise PermissionDenied(reason)
    raise Http404("Niet gevonden.")


def allowed(request, perm, obj):
    # rules' own registry: Django's superuser shortcut must not open a juror's door to anyone.
    return rules.has_perm(perm, request.user, obj)


def round_or_404(request, pk):
    jury_round = JuryRound.objects.select_related("vacancy__team", "vacancy__function").filter(pk=pk).first()
    if jury_round is None or not allowed(request, "interviews.view_juryround", jury_round):
        deny(request, "not a round of this user")
    return jury_round


def candidate_or_404(request, pk, uid):
    jury_round = round_or_404(request, pk)
    jury_candidate = (JuryCandidate.objects.select_related("application__candidate", "application__procedure",
                                                           "application__diploma")
                      .filter(round=jury_round, uid=uid).first())
    if jury_candidate is None:
        deny(request, "no such candidate in the round")
    jury_candidate.round = jury_round
    if not allowed(request, "interviews.view_jurycandidate", jury_candidate):
        deny(request, "recused from this candidate", status=403)
    return jury_candidate


def run_form(request, form, act, *, message, url):
    """A posted jury form: `act()` when the form is valid, then `message` and a redirect to `url`. Returns (that
    redirect or None, status, error): 400 with refused items under their fields, 409 with another refusal."""
    if not form.is_valid():
        return None, 400, ""
    try:
        act()
    except ItemsRefused as refusal:
        add_item_errors(form, refusal)
        return None, 400, ""
    except JuryRefused as refusal:
        return None, 409, str(refusal)
    messages.success(request, message)
    return redirect(url), 200, ""


def add_item_errors(form, refusal):
    """Each refused item's reason under the field it is about: the score, or its evidence or motivation."""
    for key, reason in refusal.errors.items():
        field = {ItemsRefused.VALUE: f"value_{key}", ItemsRefused.NOTE: f"text_{key}"}.get(refusal.fields.get(key))
        form.add_error(field if field in form.fields else None, reason)


def candidate_url(jury_candidate):
    return reverse("interviews:jury_candidate", args=[jury_candidate.round_id, jury_candidate.uid])
