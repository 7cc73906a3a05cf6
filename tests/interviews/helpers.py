"""Building blocks of the intake tests: invited applications, sessions and slots."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from candidates.stages import Stage
from candidates.transitions import change_stage
from interviews.models import IntakeBooking, IntakeSlot
from tests.factories import ApplicationFactory, IntakeSessionFactory

BRUSSELS = ZoneInfo("Europe/Brussels")


def invite(application):
    """Walk an application to intake_invited through the one door, as HR would."""
    change_stage(application, to=Stage.ELIGIBLE)
    change_stage(application, to=Stage.INTAKE_INVITED)
    return application


def invited_application(procedure, **kwargs):
    return invite(ApplicationFactory(procedure=procedure, **kwargs))


def future_session(procedure, *, days_ahead=10, **kwargs):
    day = timezone.localdate() + timedelta(days=days_ahead)
    kwargs.setdefault("meeting_url", "https://teams.example.org/l/sessie")
    return IntakeSessionFactory(procedure=procedure, date=day, starts_at=time(9), ends_at=time(12), **kwargs)


def make_slot(session, *, at=time(9), seats=1, length=timedelta(minutes=20), **kwargs):
    starts = datetime.combine(session.date, at, tzinfo=BRUSSELS)
    return IntakeSlot.objects.create(session=session, starts_at=starts, ends_at=starts + length, seats=seats, **kwargs)


def make_slots(session, count, *, seats=1):
    start = datetime.combine(session.date, session.starts_at)
    return [make_slot(session, at=(start + timedelta(minutes=20 * i)).time(), seats=seats) for i in range(count)]


def rows_per_slot(slots):
    """Active booking rows per slot, counted from the rows (never trust only the counter)."""
    return {slot.pk: IntakeBooking.objects.active().filter(slot=slot).count() for slot in slots}


def overbooked(slots):
    """The slots holding more active bookings than seats: must be empty unless the protection is off."""
    fresh = IntakeSlot.objects.in_bulk([s.pk for s in slots])
    rows = rows_per_slot(slots)
    return {pk: (rows[pk], fresh[pk].seats) for pk in rows if rows[pk] > fresh[pk].seats}


def double_booked_applications():
    from django.db.models import Count

    return list(IntakeBooking.objects.active().values("application").annotate(n=Count("id")).filter(n__gt=1))
