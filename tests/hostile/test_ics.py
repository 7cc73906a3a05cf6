"""Hostile text in calendar invitations (interviews/intake/calendar.py): parsed back with icalendar, every value
round-trips and no property, parameter or component appears that we did not put there."""

import re
from datetime import timedelta
from types import SimpleNamespace

import icalendar
from django.utils import timezone
from hypothesis import example, given

from interviews.intake.calendar import build_event
from tests.hostile.hostile import HOSTILE_SETTINGS, hostile_text

PROPERTIES = {"UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS",
              "TRANSP", "ORGANIZER", "ATTENDEE"}


def lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


@HOSTILE_SETTINGS
@given(name=hostile_text(max_size=201), summary=hostile_text(), description=hostile_text(),
       location=hostile_text(max_size=300))
@example(name="X\\", summary="s", description="d", location="l")  # a trailing backslash once swallowed PARTSTAT
def test_every_value_round_trips_and_nothing_is_injected(name, summary, description, location):
    starts_at = timezone.now().replace(microsecond=0)
    attendee = SimpleNamespace(email="ann@example.org", full_name=name)
    ics = build_event(uid="intake-1@kortrijk-ats", sequence=0, starts_at=starts_at,
                      ends_at=starts_at + timedelta(minutes=20), summary=summary, description=description,
                      location=location, url="", organizer="selectie@example.org", attendee=attendee)
    calendar = icalendar.Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and sorted(c.name for c in calendar.subcomponents) == ["VEVENT", "VTIMEZONE"]
    event = events[0]
    assert set(event.keys()) == PROPERTIES
    assert str(event["SUMMARY"]) == lines(summary)
    assert str(event["DESCRIPTION"]) == lines(description)
    assert str(event["LOCATION"]) == lines(location)
    attendee_prop = event["ATTENDEE"]
    assert not isinstance(attendee_prop, list), "one attendee only"
    assert str(attendee_prop) == "mailto:ann@example.org"
    assert attendee_prop.params["CN"] == lines(name).replace("\\", "")  # a backslash would escape the next one
    assert set(attendee_prop.params) == {"CN", "ROLE", "PARTSTAT", "RSVP"}
    assert str(event["ORGANIZER"]) == "mailto:selectie@example.org"
    # On the wire: every content line (after unfolding) starts with a known name; no bare CR or LF inside a line.
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    assert "\n" not in unfolded.replace("\r\n", "")
    assert "\r" not in unfolded.replace("\r\n", "")
    names = {re.split(r"[;:]", line, maxsplit=1)[0] for line in unfolded.split("\r\n") if line}
    assert names <= PROPERTIES | {"BEGIN", "END", "PRODID", "VERSION", "CALSCALE", "METHOD", "TZID", "TZNAME",
                                  "TZOFFSETFROM", "TZOFFSETTO", "COMMENT", "RDATE", "RRULE", "X-LIC-LOCATION"}, names
