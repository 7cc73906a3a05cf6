"""“Mijn gegevens”: what the city keeps about me, a download of all of it, and a request to erase it."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidates.erasure import request_erasure
from candidates.export import build_export, export_filename
from candidates.models import Application
from candidates.portal.access import candidate_of, candidate_page


@candidate_page
def own_data(request):
    candidate = candidate_of(request.user)
    return render(request, "candidates/own_data.html", {
        "candidate": candidate,
        "applications": (Application.objects.filter(candidate=candidate).select_related("procedure", "diploma")
                         .prefetch_related("documents") if candidate else []),
        "open_request": candidate.erasure_requests.filter(handled_at__isnull=True).first() if candidate else None,
    })


@candidate_page
def own_data_download(request):
    response = FileResponse(build_export(request.user), as_attachment=True, filename=export_filename(),
                            content_type="application/zip")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@candidate_page
@require_http_methods(["GET", "POST"])
def erasure(request):
    candidate = candidate_of(request.user)
    open_request = candidate.erasure_requests.filter(handled_at__isnull=True).first() if candidate else None
    if request.method == "POST" and candidate is not None:
        open_request, created = request_erasure(candidate)
        if created:
            messages.success(request, _("We hebben je vraag om je gegevens te wissen goed ontvangen. Het "
                                        "selectieteam behandelt ze binnen een maand en laat je weten wat er "
                                        "gewist is."))
        else:
            messages.info(request, _("Je vroeg al om je gegevens te wissen. Het selectieteam behandelt die vraag; "
                                     "je hoeft niets opnieuw te doen."))
        return redirect("candidates:own_data")
    return render(request, "candidates/erasure_confirm.html", {"candidate": candidate, "open_request": open_request})
