"""Sending one outbox mail, exactly once from the system's view (to be completed)."""


def send_queued_mail(mail_id):
    raise NotImplementedError


def requeue_stuck_mails():
    raise NotImplementedError
