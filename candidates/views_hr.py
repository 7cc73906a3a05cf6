"""Views for the HR selection team outside the admin's own pages (routed through the admin site, which lets in only HR).
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from candidates.models import Document, DocumentChange
from kortrijk_ats.roles import is_hr

# Types the portal accepts after sniffing the content; anything else is served as opaque bytes.
SERVABLE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


def download_document(request, document_id):
    """Serve an application's document from private storage as a download, never rendered in the browser."""
    if not is_hr(request.user):
        raise PermissionDenied
    document = get_object_or_404(Document, pk=document_id)
    return _download(document.file, name=document.original_name or f"document-{document.pk}",
                     content_type=document.content_type)


def download_replaced_document(request, change_id):
    """Serve a file the candidate replaced after applying (kept for HR's audit), like any other document."""
    if not is_hr(request.user):
        raise PermissionDenied
    change = get_object_or_404(DocumentChange.objects.exclude(old_file=""), pk=change_id)
    return _download(change.old_file, name=change.old_name or f"vervangen-document-{change.pk}",
                     content_type=change.old_content_type)


def _download(stored_file, *, name, content_type):
    try:
        handle = stored_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("Het bestand is niet meer beschikbaar.") from None
    content_type = content_type if content_type in SERVABLE_TYPES else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data: no shared or browser cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
