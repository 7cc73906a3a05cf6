"""Adding or replacing a proof after applying (/mijn-kandidaturen/<id>/documenten/toevoegen/), while in screening."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from candidates.disclosure import shown_stage
from candidates.documents import DocumentRefused, add_or_replace_document, contact_address
from candidates.forms.documents import DocumentUploadForm
from candidates.portal.access import candidate_page, own_application_or_404
from candidates.stages import Stage
from candidates.transitions import candidate_actor_label
from candidates.uploads import guard_upload_size


@candidate_page
@guard_upload_size
def add_document(request, public_id):
    application = own_application_or_404(request.user, public_id, for_display=True)
    if request.method != "POST":
        if application.stage != Stage.SCREENING:
            return _refused(request, application, DocumentRefused(_("Een document toevoegen of vervangen kan alleen "
                                                                    "zolang we je diploma nakijken (de screening).")))
        return _page(request, application, DocumentUploadForm())
    form = DocumentUploadForm(request.POST, request.FILES, oversized=request.oversized_uploads)
    if not form.is_valid():
        return _page(request, application, form)
    try:
        added = add_or_replace_document(application, kind=form.cleaned_data["kind"],
                                        upload=form.cleaned_data["file"], by=request.user,
                                        by_label=candidate_actor_label(application))
    except DocumentRefused as refusal:
        return _refused(request, application, refusal)
    document = added.document
    if added.change is None:
        text = _("Dit bestand hadden we al: ‘%(name)s’ staat bij je kandidatuur. Er is niets veranderd.")
    elif added.replaced:
        text = _("Je %(kind)s is vervangen door ‘%(name)s’. Het selectieteam ziet het nieuwe bestand meteen.")
    else:
        text = _("Je %(kind)s ‘%(name)s’ is toegevoegd. Het selectieteam ziet het meteen.")
    messages.success(request, text % {"kind": document.get_kind_display(), "name": document.original_name})
    return redirect("candidates:detail", public_id=application.public_id)


def _refused(request, application, refusal):
    if shown_stage(application) == Stage.SCREENING:
        # The stage left screening, but the candidate still knows it as screening: HR's decision waits for release
        # (or came while they sent the file); they hear it by mail first, not from this page.
        messages.error(request, _("Je kan nu geen document toevoegen; er is niets opgeslagen. Mail het naar het "
                                  "selectieteam: %(contact)s.") % {"contact": contact_address(application)})
    else:
        messages.error(request, str(refusal))
    return redirect("candidates:detail", public_id=application.public_id)


def _page(request, application, form):
    return render(request, "candidates/add_document.html", {
        "application": application, "form": form, "documents": application.documents.all()})
