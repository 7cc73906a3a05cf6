"""The registry of mail events. Domain apps register their events; this app knows none of them."""

from dataclasses import dataclass, field

# Placeholders every mail may use, filled in by queue_mail().
COMMON_PLACEHOLDERS = {
    "candidate_name": "volledige naam van de kandidaat",
    "portal_url": "link naar 'Mijn kandidaturen' op het portaal",
}


@dataclass(frozen=True)
class MailEvent:
    key: str
    label: str
    subject: dict  # language code -> default subject
    body: dict  # language code -> default body
    placeholders: dict = field(default_factory=dict)  # name -> what it holds
    # Outcome mails wait in the outbox as drafts until HR releases them, unless HR switched that off.
    held_for_release: bool = False

    @property
    def allowed_placeholders(self):
        return {**COMMON_PLACEHOLDERS, **self.placeholders}


_EVENTS: dict[str, MailEvent] = {}


def register(event: MailEvent) -> MailEvent:
    _EVENTS[event.key] = event
    return event


def get_event(key: str) -> MailEvent:
    return _EVENTS[key]


def all_events():
    return sorted(_EVENTS.values(), key=lambda e: e.key)
