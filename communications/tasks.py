"""Thin Celery tasks: take ids, delegate to communications.sending."""

from celery import shared_task

from communications import sending


@shared_task(bind=True, max_retries=None)
def send_mail(self, mail_id):
    retry_in = sending.send_queued_mail(mail_id)
    if retry_in is not None:
        raise self.retry(countdown=retry_in)


@shared_task
def requeue_stuck_mails():
    return sending.requeue_stuck_mails()
