"""Thin Celery tasks of the intake: delegate to interviews.reminders."""

from celery import shared_task

from interviews import reminders


@shared_task
def send_intake_reminders():
    return {"booked": reminders.send_booking_reminders(), "unbooked": reminders.send_unbooked_reminders()}
