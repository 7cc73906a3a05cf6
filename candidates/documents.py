"""Documents after applying: while HR screens the diploma, the candidate adds or replaces a proof from the portal.

A document counts as long as the application is in screening (screening diploma): that is when HR looks at the
diploma proof and may ask for what is missing (an equivalence certificate, a readable copy). One current file per
kind; a replaced file is not lost but kept in the DocumentChange row that records the change, which HR reads in the
application's timeline. Retention deletes those rows and their files with the application's other documents
(kortrijk_ats.privacy.REGISTER).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.models import Application, Document, DocumentChange
from candidates.stages import Stage
from candidates.uploads import stored_files_removed_on_failure

# The proofs a candidate may add or replace after applying, with how the messages name them.
PROOF_KINDS = {
    Document.Kind.DIPLOMA: gettext_lazy("je diploma"),
    Document.Kind.EQUIVALENCE: gettext_lazy("je gelijkwaardigheidsattest"),
}


class DocumentRefused(Exception):
    """The document cannot be added now; the message says why, in Dutch."""


@dataclass(frozen=True)
class DocumentAdded:
    document: Document
    change: DocumentChange | None  # None: the very same file was there already (e.g. a double click)

    @property
    def replaced(self):
        return self.change is not None and self.change.action == DocumentChange.Action.REPLACED


def add_or_replace_document(application, *, kind, upload, by, by_label):
    """Add a proof to an application in screening, or replace the one of that kind (the old file is kept).

    `upload` is a checked upload (candidates.uploads.check_upload). The stage is checked under the application's
    lock, so a decision taken meanwhile wins. Sending the file that is there already changes nothing. Raises
    DocumentRefused when the application has left screening.
    """
    if kind not in PROOF_KINDS:
        raise ValueError(f"not a proof a candidate adds after applying: {kind!r}")
    with stored_files_removed_on_failure() as stored_files, transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.stage != Stage.SCREENING:
            contact = contact_address(locked)
            raise DocumentRefused(_(
                "Een document toevoegen of vervangen kan alleen zolang we je diploma nakijken (de screening). Je "
                "kandidatuur is niet meer in die fase; er is niets opgeslagen. Heb je toch nog een document voor het "
                "selectieteam? Mail het naar %(contact)s.") % {"contact": contact})
        current = Document.objects.filter(application=locked, kind=kind).first()
        if current is not None and _same_content(current, upload):
            return DocumentAdded(document=current, change=None)
        change = DocumentChange(application=locked, kind=kind, new_name=upload.original_name, actor=by,
                                actor_label=by_label[:150], action=DocumentChange.Action.ADDED)
        if current is not None:
            change.action = DocumentChange.Action.REPLACED
            change.old_file, change.old_name = current.file.name, current.original_name
            change.old_content_type, change.old_size = current.content_type, current.size
            change.old_uploaded_at = current.uploaded_at
            current.delete()  # the row goes, its file stays: the change row points at it now
        document = Document(application=locked, kind=kind, original_name=upload.original_name,
                            content_type=upload.content_type, size=upload.size, uploaded_at=change.created_at)
        upload.file.seek(0)
        document.file.save("upload", upload.file, save=False)
        stored_files.append(document.file.name)
        document.save()
        change.save()
    return DocumentAdded(document=document, change=change)


def contact_address(application):
    """Where a candidate can still send a document: the procedure's contact, else the portal's."""
    return application.procedure.contact_email or settings.PORTAL_CONTACT_EMAIL


def _same_content(document, upload):
    if document.size != upload.size:
        return False
    try:
        with document.file.open("rb") as stored:
            kept = stored.read()
    except (FileNotFoundError, ValueError):
        return False
    upload.file.seek(0)
    same = kept == upload.file.read()
    upload.file.seek(0)
    return same
