"""Intake reminders: 24 hours before a booked interview, and N days before the last session to whoever has not
booked. An idempotent periodic job: each reminder is claimed by a marker in the same transaction as its mail,
so a run that repeats, or two runs at once, send each reminder once."""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef
from django.utils import timezone, translation
from django.utils.formats import date_format

from candidates.mailing import mail_candidate
from candidates.models import Application
from candidates.stages import Stage
from interviews.intake import mail_events
from interviews.intake.booking import booking_url, describe_slot, join_url_to_follow
from interviews.models import IntakeBooking, UnbookedReminder, policy_for

log = logging.getLogger(__name__)
BOOKED_REMINDER_AHEAD = timedelta(hours=24)


def send_booking_reminders(*, now=None):
    """Remind every candidate whose interview starts within 24 hours and who was not reminded for that time."""
    now = now or timezone.now()
    due = (IntakeBooking.objects.active()
           .filter(slot__starts_at__gt=now, slot__starts_at__lte=now + BOOKED_REMINDER_AHEAD,
                   application__stage=Stage.INTAKE_INVITED)
           .exclude(reminder_sent_for=F("slot__starts_at"))
           .values_list("pk", flat=True))
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            booking = (IntakeBooking.objects.select_for_update(of=("self",), skip_locked=True)
                       .select_related("slot", "application__candidate", "application__procedure")
                       .filter(pk=pk, cancelled_at__isnull=True).first())
            if booking is None or booking.reminder_sent_for == booking.slot.starts_at:
                continue  # cancelled meanwhile, or another run has it
            booking.reminder_sent_for = booking.slot.starts_at
            booking.save(update_fields=["reminder_sent_for"])
            _queue_reminder(booking)
            sent += 1
    if sent:
        log.info("Sent %d intake reminders.", sent)
    return sent


def _queue_reminder(booking):
    application = booking.application
    candidate = application.candidate
    day, hours = describe_slot(booking.slot, language=candidate.language)
    with translation.override(candidate.language):
        join_url = booking.meeting_url or join_url_to_follow()
    mail_candidate(application, mail_events.BOOKING_REMINDER, slot_day=day, slot_time=hours, join_url=join_url,
                   booking_url=booking_url(application))


def send_unbooked_reminders(*, now=None):
    """Remind invited candidates without a booking, from N days (the procedure's policy) before its last session."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    active_booking = IntakeBooking.objects.active().filter(application=OuterRef("pk"))
    waiting = (Application.objects.filter(stage=Stage.INTAKE_INVITED)
               .exclude(Exists(active_booking))
               .exclude(Exists(UnbookedReminder.objects.filter(application=OuterRef("pk"))))
               .annotate(last_session=Max("procedure__intake_sessions__date"))
               .filter(last_session__gte=today)
               .select_related("candidate", "procedure__intake_policy"))
    sent = 0
    for application in waiting:
        policy = policy_for(application.procedure)
        if today < application.last_session - timedelta(days=policy.unbooked_reminder_days):
            continue
        try:
            with transaction.atomic():
                UnbookedReminder.objects.create(application=application, sent_at=now)
                _queue_unbooked_reminder(application)
        except IntegrityError:
            continue  # another run claimed it first
        sent += 1
    if sent:
        log.info("Sent %d reminders to book an intake slot.", sent)
    return sent


def _queue_unbooked_reminder(application):
    candidate = application.candidate
    with translation.override(candidate.language):
        last_day = date_format(application.last_session, "l j F Y")
    mail_candidate(application, mail_events.UNBOOKED_REMINDER, last_session_day=last_day,
                   booking_url=booking_url(application))

