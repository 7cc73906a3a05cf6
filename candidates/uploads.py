"""Documents in and out, safely: sniff the content, cap the size, scan with clamd, serve as attachment only.

The browser's content type and the file name are never trusted: what a file *is* comes from its first bytes.
"""

import socket
import struct
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import FileResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 120

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
SIGNATURES = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
TYPE_LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}
PROOF_TYPES = frozenset({PDF, JPEG, PNG})
CV_TYPES = frozenset({PDF})

CLAMD_CHUNK = 64 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed every check; `file` is positioned at the start."""

    file: object
    content_type: str
    size: int
    original_name: str


def sanitise_filename(name):
    """The name to show for a file: basename only, no control characters, no leading dots, length-capped."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Drop NUL and every other control/format character (incl. right-to-left overrides).
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    name = " ".join(name.split()).lstrip(". ")
    if len(name) > MAX_NAME_LENGTH:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return name or "document"


def sniff_content_type(fileobj):
    """The content type read from the file's first bytes, or None when it is none of PDF, JPEG, PNG."""
    fileobj.seek(0)
    head = fileobj.read(16)
    fileobj.seek(0)
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_upload(uploaded, *, allowed_types, what):
    """Accept an uploaded file only if it is non-empty, at most 10 MB, of an allowed type and (if configured) clean.

    `what` names the document in the messages ("je diploma"). Raises ValidationError with a Dutch message.
    """
    name = sanitise_filename(getattr(uploaded, "name", ""))
    size = uploaded.size
    if size is None or size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Het bestand ‘%(name)s’ is te groot. Een bestand mag hoogstens 10 MB zijn; "
              "verklein het (bv. als PDF met lagere resolutie) en kies het opnieuw.") % {"name": name},
            code="too_large")
    if size == 0:
        raise ValidationError(_("Het bestand ‘%(name)s’ is leeg. Kies het juiste bestand voor %(what)s.")
                              % {"name": name, "what": what}, code="empty")
    content_type = sniff_content_type(uploaded)
    if content_type not in allowed_types:
        raise ValidationError(
            _("Het bestand ‘%(name)s’ is geen %(kinds)s. Voor %(what)s aanvaarden we alleen %(kinds)s; een bestand "
              "van een ander type, ook als het hernoemd is, kan niet.")
            % {"name": name, "kinds": _type_list(allowed_types), "what": what}, code="wrong_type")
    scan_for_viruses(uploaded, name=name)
    uploaded.seek(0)
    return CheckedUpload(file=uploaded, content_type=content_type, size=size, original_name=name)


def _type_list(types):
    labels = [TYPE_LABELS[t] for t in TYPE_LABELS if t in types]
    return labels[0] if len(labels) == 1 else _("%(first)s of %(last)s") % {
        "first": ", ".join(labels[:-1]), "last": labels[-1]}


class ScannerUnavailable(Exception):
    pass


def scan_for_viruses(fileobj, *, name):
    """Scan with clamd (INSTREAM) when CLAMD_ADDRESS is set. Refuse when it finds something or cannot be reached."""
    address = getattr(settings, "CLAMD_ADDRESS", "")
    if not address:
        return
    try:
        verdict = clamd_instream(fileobj, address=address, timeout=getattr(settings, "CLAMD_TIMEOUT", 30))
    except ScannerUnavailable:
        raise ValidationError(
            _("We konden ‘%(name)s’ nu niet op virussen controleren, en daarom niet aanvaarden. "
              "Probeer het over enkele minuten opnieuw.") % {"name": name}, code="scanner_unavailable") from None
    if verdict != "OK":
        raise ValidationError(
            _("In ‘%(name)s’ werd een virus of schadelijke inhoud gevonden. We hebben het bestand niet aanvaard.")
            % {"name": name}, code="infected")


def clamd_instream(fileobj, *, address, timeout):
    """Send the file to clamd with the INSTREAM command; returns "OK" or the name of what it found."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as conn:
            conn.sendall(b"zINSTREAM\0")
            fileobj.seek(0)
            while chunk := fileobj.read(CLAMD_CHUNK):
                conn.sendall(struct.pack("!L", len(chunk)) + chunk)
            conn.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                data = conn.recv(4096)
                if not data:
                    break
                reply += data
    except (OSError, ValueError) as error:
        raise ScannerUnavailable(str(error)) from error
    finally:
        fileobj.seek(0)
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    # clamd answers "stream: OK", "stream: <name> FOUND" or "<message> ERROR".
    if answer.endswith(" OK"):
        return "OK"
    if answer.endswith(" FOUND"):
        return answer.removeprefix("stream:").removesuffix("FOUND").strip() or "FOUND"
    raise ScannerUnavailable(answer or "no answer")


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading a file part as soon as it passes 10 MB, so an oversized upload never lands on disk whole.

    The skipped fields are remembered on the request (request.oversized_uploads: field name -> shown name).
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        request.oversized_uploads = {}

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_UPLOAD_BYTES:
            self.request.oversized_uploads[self.field_name] = sanitise_filename(self.file_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def guard_upload_size(view):
    """A view that takes uploads: the 10 MB guard is in place before anything reads the body, then CSRF is checked
    (which reads it). Request.oversized_uploads names the files that were too large."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def guarded(request, *args, **kwargs):
        request.oversized_uploads = {}
        if request.method == "POST":
            request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
        return protected(request, *args, **kwargs)

    return guarded


def attachment_response(document):
    """A document as a download: never rendered by the browser, typed by what was sniffed at upload."""
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@contextmanager
def stored_files_removed_on_failure():
    """Yields a list to note the names of files written to storage in; when the block fails they are deleted.

    Wrap the transaction that writes the rows: they roll back, and their files must not stay behind as orphans."""
    stored_files = []
    try:
        yield stored_files
    except BaseException:
        for name in stored_files:
            default_storage.delete(name)
        raise
