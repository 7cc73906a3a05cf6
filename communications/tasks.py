"""Thin Celery tasks: take ids, delegate to communications.sending."""

from celery import shared_task

from communications import sending


@shared_task(bind=True, max_retries=None)
def send_mail(self, mail_id):
    """Send one outbox mail; a transient SMTP error comes back as a retry with backoff (attempts are capped)."""
    retry_in = sending.send_queued_mail(mail_id)
    if retry_in is not None:
        raise self.retry(countdown=retry_in)


@shared_task(bind=True, max_retries=None)
def send_mails(self, mail_ids):
    """Send a batch of outbox mails over one SMTP connection; what must wait is retried as one smaller batch."""
    report = sending.send_queued_mails(mail_ids)
    later = [*report.retry, *report.untouched]
    if later:
        raise self.retry(args=[later], countdown=max(report.retry.values(), default=sending.retry_delay(1)))


@shared_task
def requeue_stuck_mails():
    report = sending.requeue_stuck_mails()
    return {"requeued_stuck": report.requeued_stuck, "reenqueued": report.reenqueued}
