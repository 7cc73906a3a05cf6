"""Who may see what on the candidate's pages: only the owner; anyone else gets a 404, as if nothing were there."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from candidates.models import Application, Candidate
from candidates.timeline import for_portal


def candidate_page(view):
    """Login required, and never cached: these pages hold personal data (Cache-Control: no-store)."""
    return never_cache(login_required(view))


def candidate_of(user):
    return Candidate.objects.filter(user=user).first()


def own_application_or_404(user, public_id, *, for_display=False, related=()):
    """The user's own application; anyone else's is a 404. `related`: more relations the caller's page reads."""
    queryset = Application.objects.filter(candidate__user=user)
    queryset = for_portal(queryset) if for_display else queryset.select_related("procedure__function", "candidate")
    if related:
        queryset = queryset.select_related(*related)
    return get_object_or_404(queryset, public_id=public_id)
