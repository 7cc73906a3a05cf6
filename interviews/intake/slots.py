"""Preparing an intake session: generating its slots, closing and adding single slots (HR, back office)."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils.translation import gettext

from interviews.intake.meeting_links import BRUSSELS, session_span
from interviews.models import IntakeSlot, SessionInterviewer
from procedures.settings_check import SettingMissing

DEFAULT_LENGTH = timedelta(minutes=20)


class SlotPlanError(ValueError):
    """A slot plan that cannot work; the message is for HR."""


@dataclass
class GeneratedSlots:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)


def plan_slot_times(session, *, length=DEFAULT_LENGTH, breaks=()):
    """The (start, end) pairs of a session: back-to-back slots of `length`, none overlapping a break.

    `breaks` holds (start, end) pairs of local times (datetime.time), e.g. [(time(10, 20), time(10, 40))].
    Times are aware datetimes in Europe/Brussels.
    """
    if length <= timedelta(0):
        raise SlotPlanError(gettext("De duur van een gesprek moet groter zijn dan nul."))
    try:
        day_start, day_end = session_span(session)
    except SettingMissing as missing:
        raise SlotPlanError(str(missing)) from None
    pauses = sorted((datetime.combine(session.date, start, tzinfo=BRUSSELS),
                     datetime.combine(session.date, end, tzinfo=BRUSSELS)) for start, end in breaks)
    for start, end in pauses:
        if end <= start:
            raise SlotPlanError(gettext("De pauze van %(start)s tot %(end)s eindigt niet na haar begin.")
                                % {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})
    plan, cursor = [], day_start
    while cursor + length <= day_end:
        clash = next((p for p in pauses if cursor < p[1] and p[0] < cursor + length), None)
        if clash is not None:
            cursor = clash[1]
            continue
        plan.append((cursor, cursor + length))
        cursor += length
    return plan


def generate_slots(session, *, interviewers, length=DEFAULT_LENGTH, breaks=(), seats=None):
    """Create the slots of an intake session, one seat per interviewer present. Idempotent.

    A slot that already exists at the same start is left as HR last set it (seats, closed, link), so running the
    generation again never touches a booked or edited slot; only the missing ones are added.
    """
    interviewers = list(interviewers)
    seats = len(interviewers) if seats is None else seats
    if seats < 1:
        raise SlotPlanError(gettext("Kies minstens één interviewer (of één plaats) per moment."))
    plan = plan_slot_times(session, length=length, breaks=breaks)
    result = GeneratedSlots()
    with transaction.atomic():
        for person in interviewers:
            SessionInterviewer.objects.get_or_create(session=session, interviewer=person)
        existing = {s.starts_at: s for s in IntakeSlot.objects.filter(session=session)}
        for starts_at, ends_at in plan:
            if starts_at in existing:
                result.existing.append(existing[starts_at])
                continue
            slot = IntakeSlot.objects.create(session=session, starts_at=starts_at, ends_at=ends_at, seats=seats)
            slot.interviewers.set(interviewers)
            result.created.append(slot)
    return result


def add_slot(session, *, starts_at, length=DEFAULT_LENGTH, seats=1, interviewers=()):
    """HR adds one extra slot to a session (e.g. when the slots run out)."""
    if IntakeSlot.objects.filter(session=session, starts_at=starts_at).exists():
        raise SlotPlanError(gettext("Er bestaat al een moment om %(time)s.")
                            % {"time": f"{starts_at.astimezone(BRUSSELS):%H:%M}"})
    with transaction.atomic():
        slot = IntakeSlot.objects.create(session=session, starts_at=starts_at, ends_at=starts_at + length,
                                         seats=seats)
        slot.interviewers.set(interviewers)
    return slot


def close_slots(slots):
    """Close slots for new bookings. Existing bookings stay; HR moves or cancels them. Returns the count."""
    return IntakeSlot.objects.filter(pk__in=[s.pk for s in slots], is_closed=False).update(is_closed=True)


def reopen_slots(slots):
    return IntakeSlot.objects.filter(pk__in=[s.pk for s in slots], is_closed=True).update(is_closed=False)


def parse_breaks(text):
    """Read breaks typed by HR as "10:20-10:40, 12:00-13:00" into (time, time) pairs."""
    pairs = []
    for chunk in filter(None, (c.strip() for c in text.replace(";", ",").split(","))):
        try:
            start, end = (time.fromisoformat(p.strip()) for p in chunk.split("-"))
        except ValueError:
            raise SlotPlanError(gettext("‘%(text)s’ is geen pauze van de vorm 10:20-10:40.")
                                % {"text": chunk}) from None
        pairs.append((start, end))
    return pairs
