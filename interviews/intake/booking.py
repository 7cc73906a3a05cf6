"""Booking, moving and cancelling an intake slot, and closing it after a no-show: the one door for every
change of a booking.

Never a double booking: a seat is taken by one conditional UPDATE (`booked_count < seats`, not closed, before
the cut-off) whose row count says whether it worked, in the same transaction as the booking row. PostgreSQL
re-checks the condition after waiting for a concurrent booker's lock, so a full slot can never be taken twice.
The database backs it: booked_count <= seats is a CHECK constraint and one active booking per application is a
partial unique index. Mails (with the calendar invitation) leave only after commit.

A change to an existing booking locks its row by key, reads it afresh and compares it with what the caller read:
when a double click, a second window or HR changed it first, the caller gets BookingChanged (a 409 page saying how
the booking stands now), as kindly as a taken slot.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from candidates.disclosure import outcome_waiting, shown_stage
from candidates.mailing import mail_candidate
from candidates.models import Application
from candidates.stages import Stage
from interviews.intake import mail_events
from interviews.intake.calendar import build_invitation
from interviews.intake.meeting_links import join_url_for
from interviews.models import IntakeBooking, IntakeSlot, policy_for
from kortrijk_ats.roles import is_hr


class BookingRefused(Exception):
    """A booking change the rules do not allow; the message says why, for the candidate."""


class SlotTaken(BookingRefused):
    """Someone else took the last seat first (or the slot closed meanwhile)."""


class AlreadyBooked(BookingRefused):
    """The application already holds a booking."""


class NotInvited(BookingRefused):
    """Only an application invited to the intake (stage intake_invited) may book."""


class TooLate(BookingRefused):
    """The cut-off before the slot has passed."""


class BookingChanged(BookingRefused):
    """The booking was moved or cancelled after the caller read it (a double click, a second window, HR): a lost
    race, answered like a taken slot. The message says how the booking stands now."""


def change_cutoff(procedure):
    """How long before a slot booking, moving and cancelling close (default 24 hours)."""
    return timedelta(hours=policy_for(procedure).change_cutoff_hours)


def change_deadline(booking, *, cutoff=None):
    """Until when the candidate may move or cancel this booking."""
    return booking.slot.starts_at - (cutoff if cutoff is not None else change_cutoff(booking.application.procedure))


def describe_slot(slot, *, language="nl-be"):
    """The day and the hours of a slot as a candidate reads them, e.g. ("dinsdag 20 januari 2026", "09:00–09:20")."""
    starts, ends = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    with translation.override(language):
        return date_format(starts, "l j F Y"), f"{starts:%H:%M}–{ends:%H:%M}"


def book_slot(slot, *, application):
    """Book a seat in `slot` for the application (kennismakingsinterview boeken).

    Only an application in stage intake_invited may book, once; the slot must belong to its procedure, be open,
    have a free seat and start after the cut-off. Raises a BookingRefused subclass with a message for the candidate.
    """
    procedure = application.procedure
    cutoff = change_cutoff(procedure)
    if slot.session.procedure_id != application.procedure_id:
        raise BookingRefused(gettext("Dit moment hoort niet bij je selectieprocedure."))
    with transaction.atomic():
        # The application's row lock makes one candidate's parallel requests wait for each other.
        locked = Application.objects.select_for_update().get(pk=application.pk)
        _check_may_book(locked)
        if IntakeBooking.objects.active().filter(application=locked).exists():
            raise AlreadyBooked(_already_booked_message())
        now = timezone.now()
        _take_seat(slot, now=now, cutoff=cutoff)
        interviewer = _free_interviewer(slot)
        try:
            with transaction.atomic():
                booking = IntakeBooking.objects.create(
                    slot=slot, application=locked, interviewer=interviewer, created_at=now,
                    meeting_url=join_url_for(slot, interviewer=interviewer),
                )
        except IntegrityError as error:
            # The partial unique index: a booking committed between our check and our insert.
            raise AlreadyBooked(_already_booked_message()) from error
        booking.slot, booking.application = slot, application
        _queue_booking_mail(booking, event=mail_events.BOOKING_CONFIRMED, cutoff=cutoff)
    return booking


def refuse_early(slot, *, application):
    """Refuse without taking any lock when the slot, as just read from the database, is no longer bookable.

    In a surge most requests are for a seat that is already gone: they get the refusal book_slot would give (same
    exceptions, same order) without queueing behind the winner's row lock. `slot` must have been read in this
    request; book_slot stays the only place that books and re-checks everything under its locks.
    """
    if slot.session.procedure_id != application.procedure_id:
        return  # book_slot gives that refusal first
    cutoff = change_cutoff(application.procedure)
    if not slot.is_closed and slot.booked_count < slot.seats and slot.starts_at > timezone.now() + cutoff:
        return
    _check_may_book(application)
    if IntakeBooking.objects.active().filter(application=application).exists():
        raise AlreadyBooked(_already_booked_message())
    raise SlotTaken(_slot_taken_message(slot))


def move_booking(booking, *, to_slot, by=None):
    """Move a booking to another slot of the same procedure (verplaatsen), keeping its calendar UID.

    The candidate may move until the cut-off before the current slot; HR may always. The new slot must have a
    free seat and start after the cut-off. SEQUENCE of the invitation goes up by one. `booking` is the booking as
    the caller read it: if it was moved or cancelled since, nothing changes and BookingChanged says how it stands.
    """
    with transaction.atomic():
        locked = _lock_unchanged(booking)
        application = locked.application
        cutoff = change_cutoff(application.procedure)
        now = timezone.now()
        if locked.cancelled_at is not None:
            raise BookingRefused(gettext("Deze boeking is geannuleerd; kies een nieuw moment."))
        _check_may_book(application)
        if to_slot.pk == locked.slot_id:
            raise BookingRefused(gettext("Je bent al op dit moment geboekt."))
        if to_slot.session.procedure_id != application.procedure_id:
            raise BookingRefused(gettext("Dit moment hoort niet bij je selectieprocedure."))
        by_hr = is_hr(by)
        if not by_hr:
            _check_before_cutoff(locked, now=now, cutoff=cutoff, moving=True)
        # Both slot rows, always in id order, so two opposite moves cannot deadlock.
        list(IntakeSlot.objects.select_for_update().filter(pk__in=[locked.slot_id, to_slot.pk]).order_by("pk"))
        # HR may move into any slot that has not started; a candidate only into one after the cut-off.
        _take_seat(to_slot, now=now, cutoff=timedelta(0) if by_hr else cutoff)
        _release_seat(locked.slot_id)
        interviewer = _free_interviewer(to_slot)
        locked.slot = to_slot
        locked.interviewer = interviewer
        locked.meeting_url = join_url_for(to_slot, interviewer=interviewer)
        locked.sequence += 1
        locked.moved_at = now
        locked.save(update_fields=["slot", "interviewer", "meeting_url", "sequence", "moved_at"])
        _queue_booking_mail(locked, event=mail_events.BOOKING_MOVED, cutoff=cutoff)
    return locked


def cancel_booking(booking, *, by):
    """Cancel a booking (annuleren) and free its seat. The candidate may until the cut-off; HR may always.

    Cancelling a booking the caller already knows as cancelled changes nothing and sends nothing; one that was
    moved or cancelled after the caller read it raises BookingChanged (a double click, a move at the same time).
    """
    with transaction.atomic():
        locked = _lock_unchanged(booking)
        if locked.cancelled_at is not None:
            return locked
        cutoff = change_cutoff(locked.application.procedure)
        now = timezone.now()
        if not is_hr(by):
            _check_before_cutoff(locked, now=now, cutoff=cutoff, moving=False)
        locked.cancelled_at, locked.cancelled_by = now, by
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "cancelled_by", "sequence"])
        _release_seat(locked.slot_id)
        _queue_booking_mail(locked, event=mail_events.BOOKING_CANCELLED, cutoff=cutoff, method="CANCEL")
    return locked


def release_booking_on_withdrawal(application, *, to, by):
    """A candidate who withdraws gives back a future intake seat at once; a held or missed interview stays on record.

    Runs inside change_stage's transaction, under the application's lock (so no booking can be added meanwhile);
    the booking itself may still be moved at the same moment, so it is locked and read afresh before the check.
    """
    if to != Stage.WITHDRAWN:
        return
    active = IntakeBooking.objects.active().filter(application=application).only("pk").first()
    booking = lock_booking(active) if active else None
    if booking is None or booking.cancelled_at is not None or booking.slot.starts_at <= timezone.now():
        return
    booking.cancelled_at, booking.cancelled_by = timezone.now(), by
    booking.sequence += 1
    booking.save(update_fields=["cancelled_at", "cancelled_by", "sequence"])
    _release_seat(booking.slot_id)
    _queue_booking_mail(booking, event=mail_events.BOOKING_CANCELLED,
                        cutoff=change_cutoff(application.procedure), method="CANCEL")


def close_as_no_show(locked, *, by):
    """Close a booking because the candidate did not come: it stops being active, so a re-invited candidate can
    book again; its seat stays taken (its time has passed). `locked` comes from lock_booking, in this transaction."""
    now = timezone.now()
    locked.no_show_at, locked.cancelled_at, locked.cancelled_by = now, now, by
    locked.save(update_fields=["no_show_at", "cancelled_at", "cancelled_by"])
    return locked


def free_slots(procedure, *, now=None):
    """The slots a candidate can still book, in time order, with their session."""
    now = now or timezone.now()
    return (IntakeSlot.objects.of_procedure(procedure).bookable(now=now, cutoff=change_cutoff(procedure))
            .only("id", "session_id", "starts_at", "ends_at", "seats", "booked_count").order_by("starts_at", "id"))


def lock_booking(booking):
    """Lock the booking's row by its key alone, then read it afresh with what a change needs (None if it is gone).

    Every change of a booking starts here, also the interviewer's verdict and no-show (intake.assessment), which
    run in the caller's transaction.

    The locking query joins nothing: after waiting for a concurrent change, PostgreSQL re-checks the changed row
    against the joined rows it had read before, so a lock over the slot join finds no row once a move committed.
    """
    # order_by() drops the model's ordering, which would join the slot.
    list(IntakeBooking.objects.select_for_update().filter(pk=booking.pk).order_by().values_list("pk", flat=True))
    return (IntakeBooking.objects.select_related("slot__session", "application__candidate", "application__procedure")
            .filter(pk=booking.pk).order_by().first())


def _lock_unchanged(booking):
    """The booking locked and read afresh, if it is still as the caller read it; BookingChanged otherwise."""
    locked = lock_booking(booking)
    if locked is None or _state(locked) != _state(booking):
        raise BookingChanged(_changed_message(locked))
    return locked


def _state(booking):
    # What a move, a cancel or a no-show changes; `sequence` alone misses a no-show.
    return booking.slot_id, booking.sequence, booking.cancelled_at


def _already_booked_message():
    return gettext("Je hebt al een moment geboekt. Je kan het verplaatsen of annuleren.")


def _changed_message(booking):
    if booking is None:
        return gettext("Deze afspraak bestaat niet meer. Hieronder zie je hoe het nu staat.")
    if booking.no_show_at is not None:
        return gettext("Je afspraak is intussen afgesloten: je werd als niet aanwezig geregistreerd. "
                       "Hieronder zie je hoe het nu staat.")
    if booking.cancelled_at is not None:
        return gettext("Je afspraak was intussen al geannuleerd (met een dubbele klik, in een ander venster of door "
                       "het selectieteam). Hieronder zie je hoe het nu staat.")
    day, hours = describe_slot(booking.slot, language=_active_language())
    return gettext("Je afspraak was intussen al verplaatst naar %(day)s om %(time)s (met een dubbele klik, in een "
                   "ander venster of door het selectieteam). Hieronder zie je hoe ze nu staat.") % {
        "day": day, "time": hours[:5]}


def _active_language():
    # A refusal is read in the page's language; its day names follow it.
    return translation.get_language() or settings.LANGUAGE_CODE


def _check_may_book(application):
    if application.stage == Stage.INTAKE_INVITED:
        return
    # The candidate reads this: the stage they were told, never an outcome HR has not released.
    if outcome_waiting(application):
        raise NotInvited(gettext("Je kan nu geen moment boeken of wijzigen: je kandidatuur is in behandeling bij het "
                                 "selectieteam. Je krijgt een mail zodra er nieuws is."))
    raise NotInvited(gettext("Je kandidatuur staat op ‘%(stage)s’: je kan nu geen moment boeken of wijzigen.")
                     % {"stage": shown_stage(application).label})


def _check_before_cutoff(booking, *, now, cutoff, moving):
    if now < booking.slot.starts_at - cutoff:
        return
    hours = int(cutoff.total_seconds() // 3600)
    if moving:
        message = ngettext("Je kan tot %(hours)d uur voor je gesprek verplaatsen. Dat is nu voorbij; neem contact op "
                           "met het selectieteam als je echt niet kan.",
                           "Je kan tot %(hours)d uur voor je gesprek verplaatsen. Dat is nu voorbij; neem contact op "
                           "met het selectieteam als je echt niet kan.", hours)
    else:
        message = ngettext("Je kan tot %(hours)d uur voor je gesprek annuleren. Dat is nu voorbij; neem contact op "
                           "met het selectieteam als je echt niet kan.",
                           "Je kan tot %(hours)d uur voor je gesprek annuleren. Dat is nu voorbij; neem contact op "
                           "met het selectieteam als je echt niet kan.", hours)
    raise TooLate(message % {"hours": hours})


def _take_seat(slot, *, now, cutoff):
    """Take one seat with a single conditional UPDATE; zero rows updated means someone else was faster."""
    taken = IntakeSlot.objects.filter(
        pk=slot.pk, is_closed=False, booked_count__lt=F("seats"), starts_at__gt=now + cutoff,
    ).update(booked_count=F("booked_count") + 1)
    if taken != 1:
        raise SlotTaken(_slot_taken_message(slot))


def _slot_taken_message(slot):
    day, hours = describe_slot(slot, language=_active_language())
    return gettext("Iemand anders was je net voor: het moment van %(day)s om %(time)s is niet meer vrij. "
                   "Kies hieronder een ander moment.") % {"day": day, "time": hours[:5]}


def _release_seat(slot_id):
    IntakeSlot.objects.filter(pk=slot_id, booked_count__gt=0).update(booked_count=F("booked_count") - 1)


def _free_interviewer(slot):
    """An interviewer of the slot without an active booking in it; the slot's row lock is held, so this is safe."""
    busy = IntakeBooking.objects.active().filter(slot_id=slot.pk, interviewer__isnull=False).values("interviewer")
    return slot.interviewers.exclude(pk__in=busy).order_by("pk").first()


def _queue_booking_mail(booking, *, event, cutoff, method="REQUEST"):
    application = booking.application
    candidate = application.candidate
    day, hours = describe_slot(booking.slot, language=candidate.language)
    with translation.override(candidate.language):
        deadline = date_format(timezone.localtime(booking.slot.starts_at - cutoff), "l j F Y H:i")
        join_url = booking.meeting_url or join_url_to_follow()
    mail_candidate(application, event, calendar=build_invitation(booking, method=method), slot_day=day,
                   slot_time=hours, join_url=join_url, booking_url=booking_url(application),
                   change_deadline=deadline)


def join_url_to_follow():
    """What a mail says where the meeting link goes while HR has not entered it yet, in the active language."""
    return gettext("volgt nog")


def booking_url(application):
    return f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/intake/"
