"""Putting mails in the outbox and releasing held ones. Mails leave only after the transaction commits.

The hand-over to the worker publishes the tasks of communications.tasks by name, so this module imports nothing of
the sending side: tasks → sending → outbox, never back.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from celery import current_app
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from communications.events import get_event
from communications.models import Mail, MailTemplate
from communications.rendering import render_html, render_subject, render_text

log = logging.getLogger(__name__)

# Mails per batch task: one SMTP connection each; small enough to finish well within the stuck-mail threshold.
ENQUEUE_BATCH = 100
# The worker's tasks (communications/tasks.py), published by name.
SEND_MAIL_TASK = "communications.tasks.send_mail"
SEND_MAILS_TASK = "communications.tasks.send_mails"
UNSENT_STATES = (Mail.State.DRAFT, Mail.State.QUEUED, Mail.State.FAILED)
SUBJECT_MAX_LENGTH = Mail._meta.get_field("subject").max_length


def fit_subject(subject):
    """The subject cut to the outbox column: a long name in HR's subject must not make queueing fail."""
    return subject if len(subject) <= SUBJECT_MAX_LENGTH else subject[:SUBJECT_MAX_LENGTH - 1] + "…"


@dataclass
class _MailBatch:
    templates: dict = field(default_factory=dict)  # event key -> MailTemplate or None, read once per batch
    committed: list = field(default_factory=list)  # ids of the batch's mails whose transaction committed


_current_batch: ContextVar[_MailBatch | None] = ContextVar("outbox_mail_batch", default=None)


@contextmanager
def batched_mails():
    """Queue many mails as one batch: each event's template is read once, and after commit the routine mails go
    to the worker in batch tasks (ENQUEUE_BATCH ids each) instead of one publish per mail.

    Use it inside the bulk's transaction; mails of a rolled-back savepoint are left out, as ever.
    """
    if _current_batch.get() is not None:  # nested bulk: the outer batch hands the mails over
        yield
        return
    batch = _MailBatch()
    token = _current_batch.set(batch)
    try:
        yield
    finally:
        _current_batch.reset(token)
        # Registered last, so it runs after every per-mail callback has put its committed id in the list.
        transaction.on_commit(lambda: enqueue_many(batch.committed))


def _template_for(event_key):
    batch = _current_batch.get()
    if batch is None:
        return MailTemplate.objects.filter(event=event_key).first()
    if event_key not in batch.templates:
        batch.templates[event_key] = MailTemplate.objects.filter(event=event_key).first()
    return batch.templates[event_key]


def wording_for(event_key, language):
    """HR's template for the event, or the registered default while HR has not written one."""
    event = get_event(event_key)
    template = _template_for(event_key)
    if template is not None:
        subject, body = template.wording(language)
        return subject, body, template.held_for_release
    lang = "en" if language.startswith("en") else "nl"
    return event.subject[lang], event.body[lang], event.held_for_release


def queue_mail(event_key, *, to, context, language="nl-be", related=None, calendar="", hold=None):
    """Render the event's mail for one recipient and put it in the outbox.

    Routine mails are queued and sent after commit; outcome mails stay drafts until HR releases them.
    """
    return put_in_outbox([compose_mail(event_key, to=to, context=context, language=language, related=related,
                                       calendar=calendar, hold=hold)])[0]


def compose_mail(event_key, *, to, context, language="nl-be", related=None, calendar="", hold=None):
    """The event's mail for one recipient, rendered but not yet in the outbox (queue_mail, put_in_outbox)."""
    subject, body, held = wording_for(event_key, language)
    if hold is not None:
        held = hold
    context = {"portal_url": f"{settings.SITE_URL}/mijn-kandidaturen/", **context}
    with translation.override(language):  # a lazy system text in the context speaks the recipient's language
        subject, body_text, body_html = (render_subject(subject, context), render_text(body, context),
                                         render_html(body, context))
    mail = Mail(
        event=event_key,
        to=to,
        subject=fit_subject(subject),
        body_text=body_text,
        body_html=body_html,
        calendar=calendar,
        language=language,
        state=Mail.State.DRAFT if held else Mail.State.QUEUED,
        queued_at=None if held else timezone.now(),
        message_id=Mail.new_message_id(),
    )
    _attach_related(mail, related)
    return mail


def put_in_outbox(mails):
    """Save many composed mails in one INSERT; the queued ones are sent after commit, as queue_mail's are."""
    mails = Mail.objects.bulk_create(mails)
    enqueue_many_after_commit([mail.pk for mail in mails if mail.state == Mail.State.QUEUED])
    return mails


def queue_rendered_mail(event_key, *, to, subject, body_text, body_html="", language="nl-be", related=None,
                        calendar=""):
    """Put a mail rendered elsewhere (e.g. allauth's account mails) in the outbox; it is sent after commit.

    The event needs no registered template; the subject is still reduced to one line against header injection.
    """
    mail = Mail(
        event=event_key, to=to, subject=fit_subject(" ".join(subject.split())), body_text=body_text,
        body_html=body_html, calendar=calendar, language=language, state=Mail.State.QUEUED, queued_at=timezone.now(),
    )
    _attach_related(mail, related)
    mail.save()
    enqueue_after_commit(mail.pk)
    return mail


def release_mails(mails, *, by):
    """Release held drafts (single or bulk). Returns the number released; others were already released."""
    ids = _ids(mails)
    with transaction.atomic():
        released = list(
            Mail.objects.select_for_update().filter(pk__in=ids, state=Mail.State.DRAFT).values_list("pk", flat=True)
        )
        Mail.objects.filter(pk__in=released).update(state=Mail.State.QUEUED, queued_at=timezone.now(),
                                                    released_by=by)
        enqueue_many_after_commit(released)
    return len(released)


def retry_failed_mails(mails, *, by):
    """Give failed mails a fresh series of attempts (HR fixed the address or the server is back).

    Returns the number put back in the queue; mails that are not failed are left alone.
    """
    ids = _ids(mails)
    with transaction.atomic():
        retried = list(
            Mail.objects.select_for_update().filter(pk__in=ids, state=Mail.State.FAILED).values_list("pk", flat=True)
        )
        Mail.objects.filter(pk__in=retried).update(state=Mail.State.QUEUED, queued_at=timezone.now(), attempts=0,
                                                   due_at=None, released_by=by)
        enqueue_many_after_commit(retried)
    log.info("%s failed mail(s) queued again by user %s", len(retried), getattr(by, "pk", None))
    return len(retried)


def cancel_mails(mails):
    """Cancel mails that have not left (draft, queued or failed), e.g. when a person's data is erased.

    A mail being sent right now is not cancelled: the update waits for the sender's claim and then sees it.
    """
    return Mail.objects.filter(pk__in=_ids(mails), state__in=UNSENT_STATES).update(state=Mail.State.CANCELLED,
                                                                                 due_at=None)


def readdress_unsent_mails(*, old_addresses, new_address):
    """Mails not yet sent (draft, queued, failed) to any of the old addresses go to the new one; returns how many.

    A mail sent or being sent keeps its recipient: the sender claims a mail under a row lock, so this update either
    comes first (the mail leaves to the new address) or finds it no longer unsent.
    """
    to_old = Q(pk__in=[])
    for address in old_addresses:
        to_old |= Q(to__iexact=address)
    return Mail.objects.filter(to_old, state__in=UNSENT_STATES).update(to=new_address)


def _attach_related(mail, related):
    if related is not None:
        mail.content_type = ContentType.objects.get_for_model(related)
        mail.object_id = related.pk


def _ids(mails):
    return list(mails.values_list("pk", flat=True)) if hasattr(mails, "values_list") else [m.pk for m in mails]


def enqueue_after_commit(mail_id):
    batch = _current_batch.get()
    if batch is not None:  # the batch publishes it with the others once everything committed
        transaction.on_commit(lambda: batch.committed.append(mail_id))
    else:
        transaction.on_commit(lambda: enqueue(mail_id))


def enqueue_many_after_commit(mail_ids):
    """After commit, hand many mails to the worker in batches: a few tasks, never one per mail."""
    mail_ids = list(mail_ids)
    batch = _current_batch.get()
    if batch is not None and mail_ids:  # the batch publishes them with its others
        transaction.on_commit(lambda: batch.committed.extend(mail_ids))
    elif len(mail_ids) == 1:
        enqueue_after_commit(mail_ids[0])
    elif mail_ids:
        transaction.on_commit(lambda: enqueue_many(mail_ids))


def enqueue(mail_id):
    """Hand a queued mail to the worker. If the broker is down the row stays queued; the sweep sends it later."""
    try:
        current_app.send_task(SEND_MAIL_TASK, args=(mail_id,))
    except Exception:  # noqa: BLE001 — any broker failure must not break the request that queued the mail
        log.warning("Broker unreachable; mail %s stays queued for the sweep.", mail_id)


def enqueue_many(mail_ids):
    for start in range(0, len(mail_ids), ENQUEUE_BATCH):
        try:
            current_app.send_task(SEND_MAILS_TASK, args=(mail_ids[start:start + ENQUEUE_BATCH],))
        except Exception:  # noqa: BLE001 — see enqueue(); one failed publish means the broker is down: stop trying
            log.warning("Broker unreachable; %s mail(s) stay queued for the sweep.", len(mail_ids) - start)
            return

