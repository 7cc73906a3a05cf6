"""Views for the HR selection team outside the admin's own pages (routed through the admin site, which lets in only HR).
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from candidates.models import Document
from kortrijk_ats.roles import is_hr

# Types the portal accepts after sniffing the content; anything else is served as opaque bytes.
SERVABLE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


def download_document(request, document_id):
    """Serve an application's document from private storage as a download, never rendered in the browser."""
    if not is_hr(request.user):
        raise PermissionDenied
    document = get_object_or_404(Document, pk=document_id)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("Het bestand is niet meer beschikbaar.") from None
    content_type = document.content_type if document.content_type in SERVABLE_TYPES else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=document.original_name or f"document-{document.pk}",
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data: no shared or browser cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
