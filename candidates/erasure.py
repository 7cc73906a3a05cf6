"""The right to erasure (recht op gegevenswissing): the candidate asks, HR is told and confirms in the back office.

confirm_erasure() is HR's act: open applications are withdrawn, every application is anonymised and the person
erased (candidates.retention, driven by the register), mails not yet sent to them are cancelled, and one last mail
tells them what went and what the law makes the city keep (a ban's keyed hashes and dates). That mail names a ban
whose outcome HR had not released yet: the outcome mail is cancelled with the rest, and the person must know what is
kept and why; HR's preview says so before confirming.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format

from candidates import mail_events
from candidates.disclosure import ban_told
from candidates.models import Ban, Candidate, ErasureRequest
from candidates.stages import OPEN_STAGES, Stage
from communications.outbox import queue_mail

ERASURE_REASON = "Verzoek tot wissen van gegevens"


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
        "backoffice_url": settings.SITE_URL + _backoffice_path(erasure),
    }
    for address in recipients:
        queue_mail(mail_events.ERASURE_REQUESTED.key, to=address, context=context, related=erasure)


def _backoffice_path(erasure):
    try:
        return reverse("admin:candidates_erasurerequest_change", args=[erasure.pk])
    except NoReverseMatch:
        return "/admin/"


def _hr_fallback_address():
    return getattr(settings, "PORTAL_CONTACT_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


class ErasureAlreadyHandled(Exception):
    """Someone else handled the request first."""


def erasure_preview(erasure):
    """What confirming will do, for HR's confirmation page."""
    candidate = erasure.candidate
    if candidate is None or candidate.erased_at:
        return {"applications": [], "open": [], "documents": 0, "bans": [], "untold_bans": []}
    applications = list(candidate.applications.select_related("procedure"))
    bans = list(Ban.objects.filter(candidate=candidate, ends_on__gt=timezone.localdate())
                .select_related("function", "application"))
    return {
        "applications": applications,
        "open": [a for a in applications if a.stage in OPEN_STAGES],
        # Replaced files kept for HR go too.
        "documents": sum(a.documents.count() + a.document_changes.exclude(old_file="").count() for a in applications),
        "bans": bans,
        "untold_bans": [ban for ban in bans if not ban_told(ban)],
    }


def confirm_erasure(erasure, *, by):
    """HR confirms a request: withdraw what is open, anonymise every application, erase the person, tell them.

    Idempotent per request: a second confirmation (another HR user, a double click) raises ErasureAlreadyHandled
    and changes nothing. Files are deleted after commit.
    """
    from candidates.retention import anonymise_application, delete_files, erase_person
    from candidates.transitions import TransitionRefused, change_stage

    now = timezone.now()
    with transaction.atomic():
        locked = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
        if locked.handled_at is not None:
            raise ErasureAlreadyHandled
        candidate = locked.candidate
        if candidate is not None and candidate.erased_at is None:
            address, language = candidate.email, candidate.language
            for application in candidate.applications.filter(stage__in=OPEN_STAGES):
                try:
                    change_stage(application, to=Stage.WITHDRAWN, by=by, reason=ERASURE_REASON)
                except TransitionRefused:
                    continue
            kept = [(ban.function.name, ban.ends_on) for ban in
                    Ban.objects.filter(candidate=candidate, ends_on__gt=now.date()).select_related("function")]
            files = []
            for application in candidate.applications.filter(anonymised_at__isnull=True):
                files.extend(anonymise_application(application, now=now).files)
            erase_person(candidate, now=now)
            transaction.on_commit(lambda: delete_files(files))
            if address:
                _tell_person(address, language=language, kept=kept, erasure=locked)
        locked.handled_at, locked.handled_by = now, by
        locked.save(update_fields=["handled_at", "handled_by"])
    erasure.handled_at, erasure.handled_by = locked.handled_at, locked.handled_by
    return locked


def _tell_person(address, *, language, kept, erasure):
    english = language.startswith("en")
    line = "- {name}: you may take part again from {day}" if english else \
        "- {name}: je mag opnieuw deelnemen vanaf {day}"
    kept_text = "\n".join(line.format(name=name, day=date_format(ends_on, "d/m/Y")) for name, ends_on in kept) or "-"
    queue_mail(mail_events.ERASURE_DONE.key, to=address, language=language, related=erasure,
               context={"kept": kept_text})
