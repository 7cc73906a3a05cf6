"""What the HR application page shows beside the form: the timeline of stage changes and mails, the documents,
the ban and pool entries. A fixed number of queries, however long the history."""

from dataclasses import dataclass
from datetime import datetime

from candidates.models import Ban
from communications.events import get_event
from communications.models import Mail


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "transition" or "mail"
    item: object

    @property
    def is_mail(self):
        return self.kind == "mail"


def mail_event_label(event_key):
    try:
        return get_event(event_key).label
    except KeyError:
        return event_key


def build_timeline(application):
    """The stage changes (from, to, who, why, when) interleaved with the application's mails, oldest first."""
    transitions = application.transitions.select_related("actor").order_by("created_at", "id")
    mails = Mail.objects.for_object(application).select_related("released_by").order_by("created_at", "id")
    entries = [TimelineEntry(t.created_at, "transition", t) for t in transitions]
    for mail in mails:
        mail.event_label = mail_event_label(mail.event)
        entries.append(TimelineEntry(mail.created_at, "mail", mail))
    # A mail queued by a transition is created just after it, so a stable sort keeps cause before effect.
    entries.sort(key=lambda entry: entry.at)
    return entries


def application_page_context(application):
    timeline = build_timeline(application)
    held_mails = [e.item for e in timeline if e.is_mail and e.item.state == Mail.State.DRAFT]
    return {
        "timeline": timeline,
        "held_mails": held_mails,
        "documents": list(application.documents.all()),
        "pool_entries": list(application.pool_entries.select_related("function").order_by("created_at", "id")),
        "bans": list(Ban.objects.filter(candidate_id=application.candidate_id)
                     .select_related("function").order_by("-ends_on")),
    }
