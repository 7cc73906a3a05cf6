"""The naive read-check-write booking, for the race test's negative control only: no lock and no conditional
update. It lives here, never in interviews/intake/booking.py; the control puts it in place of the booking page's
book_slot for the length of one test, to show that the harness does catch a double booking."""

from django.db import transaction
from django.utils import timezone

from interviews.intake.booking import AlreadyBooked, SlotTaken, change_cutoff
from interviews.models import IntakeBooking, IntakeSlot


def book_slot_unsafely(slot, *, application):
    with transaction.atomic():
        fresh = IntakeSlot.objects.get(pk=slot.pk)
        now = timezone.now()
        if fresh.is_closed or fresh.booked_count >= fresh.seats or \
                fresh.starts_at <= now + change_cutoff(application.procedure):
            raise SlotTaken("Dit moment is niet meer vrij.")
        if IntakeBooking.objects.active().filter(application_id=application.pk).exists():
            raise AlreadyBooked("Je hebt al een moment geboekt.")
        booking = IntakeBooking.objects.create(slot=fresh, application_id=application.pk, created_at=now)
        IntakeSlot.objects.filter(pk=fresh.pk).update(booked_count=fresh.booked_count + 1)
    return booking
