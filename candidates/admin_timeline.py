"""What the HR application page shows beside the form: the timeline (how the application came in, stage changes,
documents added or replaced after applying, mails), the documents with the replaced ones, the ban and pool entries,
and a likely match with another person's ban.
A fixed number of queries, however long the history."""

from dataclasses import dataclass
from datetime import datetime

from candidates.models import Ban, BanMatch
from communications.events import get_event
from communications.models import Mail


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "received", "transition", "document" or "mail"
    item: object

    @property
    def is_mail(self):
        return self.kind == "mail"

    @property
    def is_received(self):
        return self.kind == "received"

    @property
    def is_document(self):
        return self.kind == "document"


def mail_event_label(event_key):
    try:
        return get_event(event_key).label
    except KeyError:
        return event_key


def build_timeline(application, *, document_changes):
    """How the application came in, then its stage changes (from, to, who, why, when), the documents added or
    replaced after applying and its mails, oldest first."""
    transitions = application.transitions.select_related("actor").order_by("created_at", "id")
    mails = Mail.objects.for_object(application).select_related("released_by").order_by("created_at", "id")
    entries = [TimelineEntry(application.submitted_at, "received", application)]
    entries += [TimelineEntry(t.created_at, "transition", t) for t in transitions]
    entries += [TimelineEntry(change.created_at, "document", change) for change in document_changes]
    for mail in mails:
        mail.event_label = mail_event_label(mail.event)
        entries.append(TimelineEntry(mail.created_at, "mail", mail))
    # A mail queued by a transition is created just after it, so a stable sort keeps cause before effect.
    entries.sort(key=lambda entry: entry.at)
    return entries


def application_page_context(application):
    document_changes = list(application.document_changes.order_by("created_at", "id"))
    timeline = build_timeline(application, document_changes=document_changes)
    held_mails = [e.item for e in timeline if e.is_mail and e.item.state == Mail.State.DRAFT]
    return {
        "timeline": timeline,
        "held_mails": held_mails,
        "documents": list(application.documents.all()),
        "replaced_documents": [change for change in document_changes if change.old_file],
        "pool_entries": list(application.pool_entries.select_related("function").order_by("created_at", "id")),
        "bans": list(Ban.objects.filter(candidate_id=application.candidate_id)
                     .select_related("function").order_by("-ends_on")),
        "ban_match": (BanMatch.objects.filter(application=application)
                      .select_related("ban__application__candidate", "ban__application__procedure", "cleared_by")
                      .first()),
    }
