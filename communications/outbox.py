"""Putting mails in the outbox and releasing held ones. Mails leave only after the transaction commits."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from communications.events import get_event
from communications.models import Mail, MailTemplate
from communications.rendering import render_html, render_subject, render_text

log = logging.getLogger(__name__)


def wording_for(event_key, language):
    """HR's template for the event, or the registered default while HR has not written one."""
    event = get_event(event_key)
    template = MailTemplate.objects.filter(event=event_key).first()
    if template is not None:
        subject, body = template.wording(language)
        return subject, body, template.held_for_release
    lang = "en" if language.startswith("en") else "nl"
    return event.subject[lang], event.body[lang], event.held_for_release


def queue_mail(event_key, *, to, context, language="nl-be", related=None, calendar="", hold=None):
    """Render the event's mail for one recipient and put it in the outbox.

    Routine mails are queued and sent after commit; outcome mails stay drafts until HR releases them.
    """
    subject, body, held = wording_for(event_key, language)
    if hold is not None:
        held = hold
    context = {"portal_url": f"{settings.SITE_URL}/mijn-kandidaturen/", **context}
    mail = Mail(
        event=event_key,
        to=to,
        subject=render_subject(subject, context),
        body_text=render_text(body, context),
        body_html=render_html(body, context),
        calendar=calendar,
        language=language,
        state=Mail.State.DRAFT if held else Mail.State.QUEUED,
        queued_at=None if held else timezone.now(),
    )
    if related is not None:
        mail.content_type = ContentType.objects.get_for_model(related)
        mail.object_id = related.pk
    mail.save()
    if not held:
        enqueue_after_commit(mail.pk)
    return mail


def release_mails(mails, *, by):
    """Release held drafts (single or bulk). Returns the number released; others were already released."""
    ids = list(mails.values_list("pk", flat=True)) if hasattr(mails, "values_list") else [m.pk for m in mails]
    with transaction.atomic():
        released = list(
            Mail.objects.select_for_update().filter(pk__in=ids, state=Mail.State.DRAFT).values_list("pk", flat=True)
        )
        Mail.objects.filter(pk__in=released).update(state=Mail.State.QUEUED, queued_at=timezone.now(),
                                                    released_by=by)
        for pk in released:
            enqueue_after_commit(pk)
    return len(released)


def cancel_mails(mails):
    """Cancel mails that have not left yet (e.g. when a person's data is erased)."""
    return mails.filter(state__in=[Mail.State.DRAFT, Mail.State.QUEUED]).update(state=Mail.State.CANCELLED)


def enqueue_after_commit(mail_id):
    transaction.on_commit(lambda: enqueue(mail_id))


def enqueue(mail_id):
    """Hand a queued mail to the worker. If the broker is down the row stays queued; the sweep sends it later."""
    from communications.tasks import send_mail

    try:
        send_mail.delay(mail_id)
    except Exception:  # noqa: BLE001 — any broker failure must not break the request that queued the mail
        log.warning("Broker unreachable; mail %s stays queued for the sweep.", mail_id)


def queue_rendered_mail(event_key, *, to, subject, body_text, body_html="", language="nl-be"):
    """Put a mail whose text was rendered elsewhere (e.g. allauth's account mails) in the outbox.

    Such mails are routine (verification, log-in code, password reset): queued at once, sent after commit.
    """
    mail = Mail.objects.create(
        event=event_key,
        to=to,
        subject=" ".join(subject.split()),  # one line: no header injection
        body_text=body_text,
        body_html=body_html,
        language=language,
        state=Mail.State.QUEUED,
        queued_at=timezone.now(),
    )
    enqueue_after_commit(mail.pk)
    return mail
