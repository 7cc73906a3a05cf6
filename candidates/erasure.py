"""The right to erasure (recht op gegevenswissing): the candidate asks, HR is told and decides.

The erasure itself (what goes, what the law makes the city keep) is HR's act in the back office.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format

from candidates import mail_events
from candidates.models import Candidate, ErasureRequest
from communications.outbox import queue_mail


def request_erasure(candidate):
    """Record the candidate's request and mail the contact of each procedure they applied to.

    One open request per person: asking twice (or a double click) returns the open one and mails nobody again.
    Returns (request, created).
    """
    with transaction.atomic():
        Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        existing = candidate.erasure_requests.filter(handled_at__isnull=True).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                erasure = ErasureRequest.objects.create(candidate=candidate)
        except IntegrityError:
            return candidate.erasure_requests.get(handled_at__isnull=True), False
        _tell_hr(candidate, erasure)
    return erasure, True


def _tell_hr(candidate, erasure):
    procedures = [a.procedure for a in candidate.applications.select_related("procedure")]
    recipients = sorted({p.contact_email for p in procedures if p.contact_email}) or [_hr_fallback_address()]
    context = {
        "candidate_name": candidate.full_name,
        "procedure_title": ", ".join(sorted({p.title for p in procedures})) or "geen",
        "requested_on": date_format(timezone.localtime(erasure.requested_at), "d/m/Y"),
        "backoffice_url": settings.SITE_URL + _backoffice_path(candidate),
    }
    for address in recipients:
        queue_mail(mail_events.ERASURE_REQUESTED.key, to=address, context=context, related=erasure)


def _backoffice_path(candidate):
    try:
        return reverse("admin:candidates_candidate_change", args=[candidate.pk])
    except NoReverseMatch:
        return "/admin/"


def _hr_fallback_address():
    return getattr(settings, "PORTAL_CONTACT_EMAIL", "") or settings.DEFAULT_FROM_EMAIL
