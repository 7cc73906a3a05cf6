"""Candidate pages of the intake booking: choose, move and cancel a slot. Thin: parse, check access, call
interviews.intake.booking, render. Every change is a POST behind a button; a refusal re-renders the page with the
reason and what is still free (409), never a 500."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates.disclosure import outcome_waiting, shown_stage
from candidates.portal.access import own_application_or_404
from candidates.stages import Stage
from interviews.intake.booking import (
    BookingRefused,
    SlotTaken,
    book_slot,
    cancel_booking,
    change_cutoff,
    describe_slot,
    free_slots,
    move_booking,
    refuse_early,
)
from interviews.intake.calendar import build_invitation
from interviews.intake.free_slot_list import free_slot_rows, group_free_slots
from interviews.models import IntakeBooking, IntakeSlot


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _own_application(request, public_id):
    # The intake policy rides along: the cut-off is read on every page and every booking.
    return own_application_or_404(request.user, public_id, related=["procedure__intake_policy"])


def _active_booking(application):
    return (IntakeBooking.objects.active().filter(application=application)
            .select_related("slot__session").first())


_LOOK_IT_UP = object()


def _page(request, application, *, error="", status=200, booking=_LOOK_IT_UP):
    if booking is _LOOK_IT_UP:
        booking = _active_booking(application)
    now = timezone.now()
    cutoff = change_cutoff(application.procedure)
    slots = [s for s in free_slot_rows(free_slots(application.procedure, now=now))
             if not booking or s.pk != booking.slot_id]
    language = request.LANGUAGE_CODE or "nl-be"
    invited = application.stage == Stage.INTAKE_INVITED
    context = {
        "application": application,
        "booking": booking,
        "booking_day": describe_slot(booking.slot, language=language) if booking else None,
        "deadline": booking.slot.starts_at - cutoff if booking else None,
        "can_change": bool(booking and invited and now < booking.slot.starts_at - cutoff),
        "invited": invited,
        # What the candidate was told, never an outcome HR has not released.
        "stage_label": shown_stage(application).label,
        "outcome_waiting": outcome_waiting(application),
        "cutoff_hours": int(cutoff.total_seconds() // 3600),
        "days": group_free_slots(slots, language=language,
                                 button_verb=gettext("Verplaats naar") if booking else gettext("Kies"),
                                 button_class="btn-outline-primary" if booking else "btn-primary"),
        "slot_action": reverse("interviews:move" if booking else "interviews:book", args=[application.public_id]),
        "error": error,
    }
    return render(request, "interviews/intake.html", context, status=status)


def _posted_slot(request, application):
    """The slot named in the form, if it is one of this procedure's; None otherwise."""
    try:
        pk = int(request.POST.get("slot", ""))
    except ValueError:
        return None
    return IntakeSlot.objects.select_related("session").filter(pk=pk, session__procedure=application.procedure).first()


@login_required
@require_GET
def intake(request, public_id):
    return _page(request, _own_application(request, public_id))


@login_required
@require_POST
def book(request, public_id):
    application = _own_application(request, public_id)
    slot = _posted_slot(request, application)
    if slot is None:
        return _slot_gone(request, application)
    try:
        refuse_early(slot, application=application)
        book_slot(slot, application=application)
    except SlotTaken as refusal:
        # Raised only after no active booking was found for the application: no need to ask again.
        return _page(request, application, error=str(refusal), status=409, booking=None)
    except BookingRefused as refusal:
        return _page(request, application, error=str(refusal), status=409)
    return _done(request, application, slot, gettext(
        "Geboekt: %(day)s, %(hours)s. Je krijgt een bevestiging met de agenda-uitnodiging per mail."))


@login_required
@require_POST
def move(request, public_id):
    application = _own_application(request, public_id)
    booking = _active_booking(application)
    slot = _posted_slot(request, application)
    if booking is None:
        return _page(request, application, error=gettext("Je hebt geen boeking om te verplaatsen."), status=409)
    if slot is None:
        return _slot_gone(request, application)
    try:
        move_booking(booking, to_slot=slot, by=request.user)
    except BookingRefused as refusal:
        return _page(request, application, error=str(refusal), status=409)
    return _done(request, application, slot, gettext(
        "Verplaatst naar %(day)s, %(hours)s. Je krijgt een bijgewerkte agenda-uitnodiging per mail."))


def _slot_gone(request, application):
    return _page(request, application, status=400,
                 error=gettext("Dit moment bestaat niet (meer). Kies een moment uit de lijst."))


def _done(request, application, slot, message):
    """Back to the intake page (303), with the slot's day and hours in the message."""
    day, hours = describe_slot(slot, language=request.LANGUAGE_CODE or "nl-be")
    messages.success(request, message % {"day": day, "hours": hours})
    return SeeOther(reverse("interviews:intake", args=[application.public_id]))


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, public_id):
    """GET asks to confirm; only the POST cancels."""
    application = _own_application(request, public_id)
    booking = _active_booking(application)
    if booking is None:
        return _page(request, application, error=gettext("Je hebt geen boeking om te annuleren."),
                     status=200 if request.method == "GET" else 409)
    if request.method == "GET":
        day, hours = describe_slot(booking.slot, language=request.LANGUAGE_CODE or "nl-be")
        return render(request, "interviews/cancel_confirm.html",
                      {"application": application, "booking": booking, "day": day, "hours": hours})
    try:
        cancel_booking(booking, by=request.user)
    except BookingRefused as refusal:
        return _page(request, application, error=str(refusal), status=409)
    messages.success(request, gettext("Je afspraak is geannuleerd. Kies hieronder een nieuw moment."))
    return SeeOther(reverse("interviews:intake", args=[application.public_id]))


@login_required
@require_GET
def calendar_file(request, public_id):
    """The booking's calendar invitation, to add it to an agenda by hand."""
    application = _own_application(request, public_id)
    booking = get_object_or_404(IntakeBooking.objects.active().select_related(
        "slot", "application__candidate", "application__procedure"), application=application)
    response = HttpResponse(build_invitation(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kennismakingsinterview.ics"'
    return response


def portal_action(request, application):
    """The intake's block on the candidate's application page (registered in InterviewsConfig.ready): while invited,
    the way to choose, see, move or cancel the moment."""
    if application.stage != Stage.INTAKE_INVITED:
        return ""
    return render_to_string("interviews/_portal_action.html", {"application": application}, request=request)
