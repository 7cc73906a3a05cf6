"""The calendar invitation (RFC 5545) that goes with a booking mail: REQUEST on booking and move, CANCEL on cancel."""

from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from interviews.meeting_links import BRUSSELS

PRODID = "-//Stad Kortrijk//Selecties//NL"
ORGANIZER_NAME = "Selectieteam stad Kortrijk"


def organizer_address(procedure):
    """The selection team's address: the procedure's contact address, else the sender of every mail."""
    return procedure.contact_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def event_uid(booking):
    # Stable for the life of the booking, so a move updates the same calendar entry.
    return f"intake-{booking.uid}@kortrijk-ats"


def build_invitation(booking, *, method="REQUEST"):
    """The ICS text for a booking. SEQUENCE is the booking's sequence, raised on every move and on cancel."""
    slot = booking.slot
    application = booking.application
    candidate = application.candidate
    procedure = application.procedure
    join_url = booking.meeting_url

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)

    event = icalendar.Event()
    event.add("uid", event_uid(booking))
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at.astimezone(BRUSSELS))
    event.add("dtend", slot.ends_at.astimezone(BRUSSELS))
    event.add("summary", f"Kennismakingsinterview {procedure.title}")
    lines = [f"Online kennismakingsinterview van 20 minuten voor {procedure.title} (Microsoft Teams)."]
    if join_url:
        lines.append(f"Deelnemen: {join_url}")
    lines.append(f"Verplaatsen of annuleren: {settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/intake/")
    event.add("description", "\n".join(lines))
    event.add("location", "Microsoft Teams")
    if join_url:
        event.add("url", join_url)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")

    organizer = icalendar.vCalAddress(f"mailto:{organizer_address(procedure)}")
    organizer.params["cn"] = icalendar.vText(ORGANIZER_NAME)
    event.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{candidate.email}")
    attendee.params["cn"] = icalendar.vText(candidate.full_name)
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = icalendar.vText("ACCEPTED" if method == "REQUEST" else "DECLINED")
    attendee.params["rsvp"] = icalendar.vText("FALSE")
    event.add("attendee", attendee)
    cal.add_component(event)
    # The VTIMEZONE for Europe/Brussels, so every client reads the local times the same way.
    cal.add_missing_timezones()
    return cal.to_ical().decode()
