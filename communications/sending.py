"""Sending outbox mails, exactly once from the system's view.

A mail is claimed (queued → sending) in a short transaction under a row lock, sent outside any transaction, and
its outcome recorded afterwards: sent; back in the queue after a transient SMTP error (4xx, connection trouble)
with a backoff delay; failed after a permanent error (5xx) or too many attempts. A task delivered twice finds the
row no longer queued and does nothing. Logs name the mail id and event, never an address.
"""

import contextlib
import logging
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta
from email.header import Header
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from communications.models import Mail
from communications.outbox import enqueue_many_after_commit

log = logging.getLogger(__name__)

# Mails claimed at once by a batch: small enough that a claimed chunk is sent long before the stuck-mail sweep.
CLAIM_CHUNK = 100


@dataclass
class SendReport:
    """What happened to the mails of one send_queued_mails() call."""

    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    retry: dict = field(default_factory=dict)  # mail id -> seconds until the next attempt
    skipped: list = field(default_factory=list)  # not queued (already sent, being sent, cancelled, unknown)
    untouched: list = field(default_factory=list)  # not tried: the server was unreachable earlier in the batch


def send_queued_mail(mail_id):
    """Send one queued mail. Returns the seconds after which to try again, or None when nothing is left to do."""
    return send_queued_mails([mail_id]).retry.get(mail_id)


def send_queued_mails(mail_ids, *, connection=None):
    """Send queued mails over one SMTP connection, in claimed chunks (the batch path reuses the connection).

    Mails that are not queued are skipped. After a connection-level failure the rest of the batch is left queued
    for a later attempt rather than waiting for the same timeout once per mail.
    """
    report = SendReport()
    own_connection = connection is None
    connection = connection or get_connection()
    pending = list(dict.fromkeys(mail_ids))
    try:
        with _commits_without_waiting_for_the_disk():
            while pending:
                chunk, pending = pending[:CLAIM_CHUNK], pending[CLAIM_CHUNK:]
                mails = _claim(chunk, report)
                if not _send_chunk(mails, connection, report):
                    report.untouched.extend(pending)
                    break
    finally:
        if own_connection:
            _close_quietly(connection)
    return report


@contextlib.contextmanager
def _commits_without_waiting_for_the_disk():
    """While a batch is sent, its commits return before PostgreSQL flushed them to disk (about 2 ms a mail).

    Each commit is still visible to every other session at once, so a killed worker re-sends at most the one mail
    in flight, as before. Only a crash of PostgreSQL itself can undo the batch's last fraction of a second: a mail
    then reads "sending" or "queued" again, and the sweep sends it once more (at least once, never lost).
    """
    if db_connection.vendor != "postgresql":
        yield
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        # The connection serves the worker's next task: give it back as it was (a broken one is discarded anyway).
        with contextlib.suppress(Exception), db_connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _claim(mail_ids, report):
    """Queued → sending under a row lock; a mail out of attempts fails instead. Returns the mails to send."""
    now = timezone.now()
    with transaction.atomic():
        mails = list(Mail.objects.select_for_update().filter(pk__in=mail_ids, state=Mail.State.QUEUED).order_by("pk"))
        exhausted = [m for m in mails if m.attempts >= settings.KATS_MAIL_MAX_ATTEMPTS]
        if exhausted:
            Mail.objects.filter(pk__in=[m.pk for m in exhausted]).update(
                state=Mail.State.FAILED, error=f"Opgegeven na {settings.KATS_MAIL_MAX_ATTEMPTS} pogingen.")
        mails = [m for m in mails if m.attempts < settings.KATS_MAIL_MAX_ATTEMPTS]
        Mail.objects.filter(pk__in=[m.pk for m in mails]).update(
            state=Mail.State.SENDING, attempts=F("attempts") + 1, sending_started_at=now)
    claimed = {m.pk for m in mails} | {m.pk for m in exhausted}
    report.skipped.extend(pk for pk in mail_ids if pk not in claimed)
    report.failed.extend(m.pk for m in exhausted)
    for mail in exhausted:
        log.warning("mail %s (%s) failed: out of attempts", mail.pk, mail.event)
    for mail in mails:
        mail.attempts += 1
    return mails


def _send_chunk(mails, connection, report):
    """Send claimed mails one by one; False when the server became unreachable (the rest go back to the queue)."""
    for index, mail in enumerate(mails):
        try:
            connection.open()
            if not connection.send_messages([build_message(mail, connection=connection)]):
                raise smtplib.SMTPServerDisconnected("De mailserver nam het bericht niet aan.")
        except Exception as exc:  # noqa: BLE001 — a mail error never escapes; it is recorded on the row
            _close_quietly(connection)
            transient, text = classify_error(exc)
            if transient:
                _record_transient(mail, text, report)
            else:
                _record_permanent(mail, text, report)
            if transient and is_connection_error(exc):
                for rest in mails[index + 1:]:
                    _record_transient(rest, f"Niet geprobeerd: {text}", report)
                return False
        else:
            # Recorded at once, not at the end of the chunk: a worker killed mid-batch (kill -9) then re-sends at
            # most the one mail whose SMTP transaction had just finished, not every mail sent before the kill.
            _record_sent([mail], report)
    return True


def build_message(mail, *, connection=None):
    """The e-mail for an outbox row: text, HTML alternative, an ICS invitation when present, our Message-ID."""
    message = EmailMultiAlternatives(
        subject=literal_subject(mail.subject), body=mail.body_text, from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to], headers={"Message-ID": mail.message_id}, connection=connection,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    if mail.calendar:
        invitation = MIMEText(mail.calendar, "calendar", "utf-8")
        invitation.set_param("method", "REQUEST")
        invitation.add_header("Content-Disposition", "attachment", filename="uitnodiging.ics")
        message.attach(invitation)
    return message


def literal_subject(subject):
    """The subject as a mail client will show it: text that looks like an RFC 2047 encoded word ("=?utf-8?q?...?=",
    e.g. in a candidate's name) is itself encoded, or the client would decode it into other text."""
    if "=?" not in subject:
        return subject
    return " ".join(Header(subject, "utf-8").encode().split())


def classify_error(exc):
    """(transient?, text for the back office). SMTP 4xx and connection trouble are transient; 5xx is permanent."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = list(exc.recipients.values())
        codes = [code for code, _ in replies]
        return (not any(500 <= code < 600 for code in codes),
                "; ".join(_reply_text(code, reply) for code, reply in replies))
    if isinstance(exc, smtplib.SMTPResponseException):
        return not 500 <= exc.smtp_code < 600, _reply_text(exc.smtp_code, exc.smtp_error)
    if is_connection_error(exc):
        return True, f"Verbinding met de mailserver mislukt: {exc.__class__.__name__}: {exc}"
    return False, f"Onverwachte fout: {exc.__class__.__name__}: {exc}"


def is_connection_error(exc):
    """Errors after which the next mail would meet the same dead server."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421  # "service not available, closing transmission channel"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return any(code == 421 for code, _ in exc.recipients.values())
    # smtplib's other errors subclass OSError too, but they are about this mail or our configuration, not the line.
    return isinstance(exc, smtplib.SMTPServerDisconnected) or (
        isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException))


def retry_delay(attempts):
    """Exponential backoff in seconds after the given number of attempts, capped well under an hour."""
    return min(settings.KATS_MAIL_RETRY_BASE_DELAY * 2 ** max(attempts - 1, 0), settings.KATS_MAIL_RETRY_MAX_DELAY)


def _reply_text(code, reply):
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return f"SMTP {code}: {reply}"


def _record_sent(mails, report):
    if not mails:
        return
    Mail.objects.filter(pk__in=[m.pk for m in mails], state=Mail.State.SENDING).update(
        state=Mail.State.SENT, sent_at=timezone.now(), error="", due_at=None)
    for mail in mails:
        report.sent.append(mail.pk)
        log.info("mail %s (%s) sent", mail.pk, mail.event)


def _record_transient(mail, text, report):
    if mail.attempts >= settings.KATS_MAIL_MAX_ATTEMPTS:
        _record_permanent(mail, f"Opgegeven na {mail.attempts} pogingen. Laatste fout: {text}", report)
        return
    delay = retry_delay(mail.attempts)
    Mail.objects.filter(pk=mail.pk, state=Mail.State.SENDING).update(
        state=Mail.State.QUEUED, error=f"Tijdelijke fout bij poging {mail.attempts}: {text}",
        due_at=timezone.now() + timedelta(seconds=delay))
    report.retry[mail.pk] = delay
    log.warning("mail %s (%s) attempt %s failed transiently; retry in %ss", mail.pk, mail.event, mail.attempts, delay)


def _record_permanent(mail, text, report):
    Mail.objects.filter(pk=mail.pk, state=Mail.State.SENDING).update(state=Mail.State.FAILED, error=text, due_at=None)
    report.failed.append(mail.pk)
    log.warning("mail %s (%s) failed permanently after %s attempt(s)", mail.pk, mail.event, mail.attempts)


def _close_quietly(connection):
    # Closing a broken connection may fail; the next open() starts afresh anyway.
    with contextlib.suppress(Exception):
        connection.close()


@dataclass
class SweepReport:
    requeued_stuck: int = 0
    reenqueued: int = 0


def requeue_stuck_mails():
    """The periodic safety net (idempotent; safe to run twice at once).

    Mails stuck in sending (a worker died mid-send) go back to the queue and are handed to the worker again;
    queued mails nobody picked up for a while (the broker was down when they were queued, or a retry got lost)
    are handed to the worker again. A double hand-over is harmless: the send claims the row under a lock.
    """
    now = timezone.now()
    stuck_before = now - timedelta(seconds=settings.KATS_MAIL_STUCK_SENDING_AFTER)
    stale_before = now - timedelta(seconds=settings.KATS_MAIL_STALE_QUEUED_AFTER)
    with transaction.atomic():
        stuck = list(Mail.objects.select_for_update(skip_locked=True)
                     .filter(state=Mail.State.SENDING, sending_started_at__lt=stuck_before)
                     .values_list("pk", flat=True))
        Mail.objects.filter(pk__in=stuck).update(
            state=Mail.State.QUEUED, due_at=now, error="Bleef hangen tijdens het verzenden; opnieuw in de wachtrij.")
        # Due time: the retry moment after a transient error, else the moment it was queued or last handed over.
        stale = list(Mail.objects.select_for_update(skip_locked=True)
                     .annotate(due=Coalesce("due_at", "queued_at", "created_at"))
                     .filter(state=Mail.State.QUEUED, due__lt=stale_before).exclude(pk__in=stuck)
                     .order_by("pk").values_list("pk", flat=True))
        Mail.objects.filter(pk__in=stale).update(due_at=now)
        enqueue_many_after_commit(stuck + stale)
    if stuck or stale:
        log.info("mail sweep: %s stuck mail(s) requeued, %s waiting mail(s) handed over again", len(stuck), len(stale))
    return SweepReport(requeued_stuck=len(stuck), reenqueued=len(stale))
