"""The application form of one procedure (/vacatures/<slug>/solliciteren/)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from candidates.answers import ApplicationInvalid
from candidates.applying import submit_application
from candidates.eligibility import (
    AlreadyApplied,
    BannedFromFunction,
    HoldsPoolPlace,
    ProcedureClosed,
    check_may_apply,
    open_procedures,
)
from candidates.forms.application import ApplicationForm
from candidates.portal.access import candidate_of, candidate_page
from candidates.portal.stash import clear_stash, stash_file, stashed_files
from candidates.uploads import SizeLimitUploadHandler
from procedures.models import Procedure

PERSONAL_FIELDS = ("first_name", "last_name", "phone", "street", "postal_code", "city", "birth_date")


@candidate_page
@csrf_exempt
def apply(request, slug):
    # The size guard must be in place before anything reads the body; CSRF is checked right after, in _apply.
    request.oversized_uploads = {}
    if request.method == "POST":
        request.upload_handlers.insert(0, SizeLimitUploadHandler(request))
    return _apply(request, slug)


@csrf_protect
def _apply(request, slug):
    procedure = get_object_or_404(
        Procedure.objects.select_related("function").exclude(status=Procedure.Status.DRAFT), slug=slug)
    candidate = candidate_of(request.user)
    try:
        check_may_apply(procedure, candidate=candidate, today=timezone.localdate())
    except (AlreadyApplied, BannedFromFunction, HoldsPoolPlace, ProcedureClosed) as refusal:
        return _refused(request, procedure, refusal)

    form_key = f"apply:{procedure.pk}"
    stashed = stashed_files(request, form_key=form_key)
    if request.method != "POST":
        initial = {field: getattr(candidate, field) for field in PERSONAL_FIELDS} if candidate else {}
        form = ApplicationForm(initial=initial, procedure=procedure, user=request.user, stashed=stashed)
        return _form_page(request, procedure, form)

    form = ApplicationForm(request.POST, request.FILES, procedure=procedure, user=request.user, stashed=stashed,
                           oversized=request.oversized_uploads)
    if form.is_valid():
        try:
            application = submit_application(
                procedure, user=request.user, personal=form.personal_data(), answers=form.answers(),
                documents=form.documents, language=translation.get_language() or "nl-be")
        except ApplicationInvalid as invalid:
            for field, message in invalid.errors.items():
                form.add_error(field if field in form.fields else None, message)
        except (AlreadyApplied, BannedFromFunction, HoldsPoolPlace, ProcedureClosed) as refusal:
            return _refused(request, procedure, refusal)
        else:
            clear_stash(request, form_key=form_key)
            return redirect("candidates:submitted", public_id=application.public_id)
    # Keep every file that passed its checks, so the candidate does not have to choose it again.
    for field, checked in form.accepted_uploads().items():
        form.mark_stashed(field, stash_file(request, form_key=form_key, field=field, checked=checked))
    return _form_page(request, procedure, form)


def _form_page(request, procedure, form):
    return render(request, "candidates/apply.html", {"procedure": procedure, "form": form})


def _refused(request, procedure, refusal):
    if isinstance(refusal, AlreadyApplied):
        messages.info(request, str(refusal))
        return redirect("candidates:detail", public_id=refusal.application.public_id)
    return render(request, "candidates/apply_refused.html", {
        "procedure": procedure, "message": str(refusal),
        "banned": isinstance(refusal, BannedFromFunction),
        "may_apply_from": getattr(refusal, "may_apply_from", None),
        "place": refusal.place if isinstance(refusal, HoldsPoolPlace) and refusal.told else None,
        "own_application": _own_application(request, refusal),
        "other_procedures": getattr(refusal, "other_procedures", None) or list(
            open_procedures(today=timezone.localdate()).exclude(pk=procedure.pk).order_by("title")),
    })


def _own_application(request, refusal):
    """The person's own application behind a ban or a place, to link to (not one of another account)."""
    if isinstance(refusal, HoldsPoolPlace):
        return refusal.place.application
    if isinstance(refusal, BannedFromFunction) and refusal.ban.application_id is not None:
        application = refusal.ban.application
        return application if application.candidate.user_id == request.user.pk else None
    return None
