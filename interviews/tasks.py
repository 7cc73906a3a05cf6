"""Thin Celery tasks of the intake: delegate to interviews.intake.reminders."""

from celery import shared_task

from interviews.intake import reminders


@shared_task
def send_intake_reminders():
    return {"booked": reminders.send_booking_reminders(), "unbooked": reminders.send_unbooked_reminders()}


@shared_task
def send_jury_case_documents():
    """Mail the case to prepare N days before each jury interview (idempotent; see jury.scheduling)."""
    from interviews.jury.scheduling import send_case_documents

    return send_case_documents()
