"""Who applies, one module per idea: the person with their applications and stage history, bans, waitlist and
reserve places, documents, and the privacy of their data (erasure requests, retention).

Every model keeps its app label and table (`candidates`); import them from here. Migrations name
`candidates.models.document_upload_to`: it stays importable from here."""

from candidates.models.applications import (
    Application,
    ApplicationChannel,
    ApplicationQuerySet,
    Candidate,
    Transition,
)
from candidates.models.bans import Ban, BanKey, BanMatch, BanQuerySet
from candidates.models.documents import Document, DocumentChange, document_upload_to
from candidates.models.pools import PoolEntry, PoolEntryQuerySet
from candidates.models.privacy import ErasureRequest, RetentionPolicy

__all__ = [
    "Application", "ApplicationChannel", "ApplicationQuerySet", "Ban", "BanKey", "BanMatch", "BanQuerySet", "Candidate",
    "Document", "DocumentChange", "ErasureRequest", "PoolEntry", "PoolEntryQuerySet", "RetentionPolicy", "Transition",
    "document_upload_to",
]
