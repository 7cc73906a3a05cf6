"""The calendar invitation (RFC 5545) that goes with a booking mail: REQUEST on booking and move, CANCEL on cancel."""

from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from interviews.intake.meeting_links import BRUSSELS

PRODID = "-//Stad Kortrijk//Selecties//NL"
ORGANIZER_NAME = "Selectieteam stad Kortrijk"


def organizer_address(procedure):
    """The selection team's address: the procedure's contact address, else the sender of every mail."""
    return procedure.contact_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def event_uid(booking):
    # Stable for the life of the booking, so a move updates the same calendar entry.
    return f"intake-{booking.uid}@kortrijk-ats"


def build_invitation(booking, *, method="REQUEST"):
    """The ICS text for a booking, in the candidate's language. SEQUENCE is the booking's sequence, raised on every
    move and on cancel."""
    slot = booking.slot
    application = booking.application
    procedure = application.procedure
    join_url = booking.meeting_url
    page = f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/intake/"
    with translation.override(application.candidate.language):
        lines = [gettext("Online kennismakingsinterview van 20 minuten voor %(title)s (Microsoft Teams).")
                 % {"title": procedure.title}]
        if join_url:
            lines.append(gettext("Deelnemen: %(url)s") % {"url": join_url})
        lines.append(gettext("Verplaatsen of annuleren: %(url)s") % {"url": page})
        summary = gettext("Kennismakingsinterview %(title)s") % {"title": procedure.title}
    return build_event(
        uid=event_uid(booking), sequence=booking.sequence, starts_at=slot.starts_at, ends_at=slot.ends_at,
        summary=summary, description="\n".join(lines),
        location="Microsoft Teams", url=join_url, organizer=organizer_address(procedure),
        attendee=application.candidate, method=method,
    )


def build_event(*, uid, sequence, starts_at, ends_at, summary, description, location, url, organizer, attendee,
                method="REQUEST"):
    """One calendar event (VEVENT with Europe/Brussels times) for one candidate, as ICS text.

    Every interview invitation (intake, jury, matchgesprek) is built here; `attendee` is the Candidate.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts_at.astimezone(BRUSSELS))
    event.add("dtend", ends_at.astimezone(BRUSSELS))
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", location)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")

    organizer_address_ = icalendar.vCalAddress(f"mailto:{organizer}")
    organizer_address_.params["cn"] = icalendar.vText(ORGANIZER_NAME)
    event.add("organizer", organizer_address_)
    attendee_address = icalendar.vCalAddress(f"mailto:{attendee.email}")
    # icalendar reads a backslash in a parameter as an escape (a trailing one swallows the next parameter); the
    # display name goes without it.
    attendee_address.params["cn"] = icalendar.vText(attendee.full_name.replace("\\", ""))
    attendee_address.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee_address.params["partstat"] = icalendar.vText("ACCEPTED" if method == "REQUEST" else "DECLINED")
    attendee_address.params["rsvp"] = icalendar.vText("FALSE")
    event.add("attendee", attendee_address)
    cal.add_component(event)
    # The VTIMEZONE for Europe/Brussels, so every client reads the local times the same way.
    cal.add_missing_timezones()
    return cal.to_ical().decode()
