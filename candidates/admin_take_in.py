"""HR enters an application that came on paper, by e-mail or at the counter (Kandidaturen › Kandidatuur invoeren).

The screens only: the rules are candidates.applying.take_in_application's, the same door as the portal's. Scanned
files pass the portal's upload checks, and a file that passed is kept (per HR session) when the form comes back
with an error, so HR never has to scan it again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.address_owner import NotTheSamePerson, person_of_address
from candidates.answers import ApplicationInvalid
from candidates.applying import take_in_application
from candidates.eligibility import (
    AlreadyApplied,
    ApplicationRefused,
    BannedFromFunction,
    HoldsPoolPlace,
    ProcedureClosed,
    ReceivedInFuture,
    check_may_take_in,
)
from candidates.forms.take_in import TakeInForm
from candidates.models import PoolEntry
from candidates.portal.stash import clear_stash, stash_file, stashed_files
from candidates.uploads import guard_upload_size
from kortrijk_ats.roles import is_hr
from procedures.models import Procedure

# The form's parts, in the order of the paper form.
SECTIONS = (
    (gettext_lazy("Hoe kwam de kandidatuur binnen?"), ("channel", "received_on")),
    (gettext_lazy("De kandidaat"), ("email", "language", "first_name", "last_name", "phone", "street", "postal_code",
                                    "city", "birth_date")),
    (gettext_lazy("Diploma en bewijsstukken"), ("diploma", "diploma_file", "diploma_detail", "equivalence_file")),
    (gettext_lazy("Cv en motivatie"), ("cv_file", "motivation")),
    (gettext_lazy("Ervaring"), ("years_public_sector", "years_private_sector")),
    (gettext_lazy("Redelijke aanpassingen"), ("accommodations",)),
    (gettext_lazy("Privacy"), ("privacy_acknowledged",)),
)


class TakeInViews:
    """Mixed into ApplicationAdmin: the choice of procedure, then the form."""

    def take_in_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("invoeren/", wrap(self.take_in_choose_view), name="candidates_application_take_in"),
            path("invoeren/<int:procedure_id>/", guard_upload_size(wrap(self.take_in_view)),
                 name="candidates_application_take_in_form"),
        ]

    def take_in_choose_view(self, request):
        if not is_hr(request.user):
            raise PermissionDenied
        today = timezone.localdate()
        procedures = list(Procedure.objects.open_for_entries(today=today).with_open_for_applications(today=today)
                          .order_by("-applications_close_on", "title"))
        return self._take_in_page(
            request, "admin/candidates/application/take_in_choose.html", title=_("Kandidatuur invoeren"),
            procedures=sorted((p for p in procedures if p.is_open_for_applications), key=lambda p: p.title),
            closed_procedures=[p for p in procedures if not p.is_open_for_applications])

    def take_in_view(self, request, procedure_id):
        if not is_hr(request.user):
            raise PermissionDenied
        procedure = get_object_or_404(
            Procedure.objects.select_related("function").exclude(status=Procedure.Status.DRAFT), pk=procedure_id)
        form_key = f"take-in:{procedure.pk}"
        today = timezone.localdate()
        if request.method != "POST":
            try:
                check_may_take_in(procedure, today=today)
            except ProcedureClosed as closed:
                self.message_user(request, str(closed), messages.ERROR)
                return redirect("admin:candidates_application_take_in")
            clear_stash(request, form_key=form_key)  # a new form never carries the files of the last person
            # Today is the likely day while the procedure is open; once it closed, never: HR reads the day off.
            open_today = Procedure.objects.open_for_applications(today=today).filter(pk=procedure.pk).exists()
            form = TakeInForm(procedure=procedure, received_on=today if open_today else None)
            return self._form_page(request, procedure, form)
        form = TakeInForm(request.POST, request.FILES, procedure=procedure,
                          stashed=stashed_files(request, form_key=form_key), oversized=request.oversized_uploads)
        existing = None
        valid = form.is_valid()
        # Whom the typed address belongs to: shown on the form, and told when the entry went through.
        known = person_of_address(form.cleaned_data["email"]) if "email" in form.cleaned_data else None
        if known is not None:
            form.show_person_of_address(known)
        if valid:
            try:
                application = take_in_application(
                    procedure, email=form.cleaned_data["email"], personal=form.personal_data(),
                    answers=form.answers(), documents=form.documents, channel=form.cleaned_data["channel"],
                    received_on=form.cleaned_data["received_on"], by=request.user,
                    language=form.cleaned_data["language"])
            except ApplicationInvalid as invalid:
                for field, message in invalid.errors.items():
                    form.add_error(field if field in form.fields else None, message)
            except AlreadyApplied as refusal:
                existing = refusal.application
                form.add_error(None, already_applied_text(refusal.application, email=form.cleaned_data["email"]))
            except (ProcedureClosed, ReceivedInFuture) as refusal:  # the day of receipt, judged under the lock
                form.add_error("received_on", str(refusal))
            except NotTheSamePerson as refusal:
                form.add_error("email", str(refusal))
            except BannedFromFunction as refusal:
                form.add_error(None, banned_text(refusal, procedure=procedure))
            except HoldsPoolPlace as refusal:
                form.add_error(None, place_text(refusal.place))
            except ApplicationRefused as refusal:  # the address's account is switched off
                form.add_error(None, str(refusal))
            else:
                clear_stash(request, form_key=form_key)
                self.message_user(request, entered_text(application, known=known is not None), messages.SUCCESS)
                return redirect("admin:candidates_application_change", application.pk)
        # Keep every file that passed its checks, so HR does not have to scan it again.
        for field, checked in form.accepted_uploads().items():
            form.mark_stashed(field, stash_file(request, form_key=form_key, field=field, checked=checked))
        return self._form_page(request, procedure, form, existing=existing)

    def _form_page(self, request, procedure, form, existing=None):
        sections = [(title, [form[name] for name in names]) for title, names in SECTIONS]
        return self._take_in_page(
            request, "admin/candidates/application/take_in.html",
            title=_("Kandidatuur invoeren: %(title)s") % {"title": procedure.title},
            procedure=procedure, form=form, sections=sections, existing=existing,
            closed_after=procedure.last_day_of_applications)

    def _take_in_page(self, request, template, **context):
        return TemplateResponse(request, template, {
            **self.admin_site.each_context(request), "opts": self.opts, **context})


def already_applied_text(existing, *, email):
    return _("%(email)s heeft al een kandidatuur voor ‘%(title)s’ (ingediend op %(date)s, fase: %(stage)s). "
             "Eén kandidatuur per persoon per procedure: er is niets opgeslagen.") % {
        "email": email, "title": existing.procedure.title, "stage": existing.get_stage_display(),
        "date": date_format(timezone.localtime(existing.submitted_at), "d/m/Y H:i")}


def banned_text(refusal, *, procedure):
    text = _("Deze persoon mag pas opnieuw solliciteren voor de functie %(function)s vanaf %(date)s: hij of zij was "
             "niet geslaagd in een eerdere selectie voor deze functie, en dan geldt een wachttijd. Er is niets "
             "opgeslagen. Voor andere functies van stad Kortrijk kan deze persoon wel solliciteren.") % {
        "function": procedure.function.name, "date": date_format(refusal.ban.ends_on, "d/m/Y")}
    if not refusal.told:
        text += " " + _("Let op: de kandidaat kreeg die uitslag nog niet, de mail wacht op vrijgave.")
    return text


def place_text(place):
    """HR's refusal for a person who holds a valid waitlist or reserve place for the function."""
    values = {"function": place.function.name, "date": date_format(place.last_valid_day, "d/m/Y"),
              "title": place.application.procedure.title}
    if place.kind == PoolEntry.Kind.WAITLIST:
        return _("Deze persoon staat op de wachtlijst voor de functie %(function)s tot en met %(date)s (kandidatuur "
                 "voor ‘%(title)s’): de jury van elke vacature nodigt hem of haar uit. Zolang die plaats geldt, kan "
                 "er geen nieuwe kandidatuur voor de functie bij. Er is niets opgeslagen.") % values
    return _("Deze persoon zit in de wervingsreserve voor de functie %(function)s tot en met %(date)s (kandidatuur "
             "voor ‘%(title)s’): bij een volgende vacature volgt een matchgesprek. Zolang die plaats geldt, kan er "
             "geen nieuwe kandidatuur voor de functie bij. Er is niets opgeslagen.") % values


def entered_text(application, *, known):
    """`known`: the address belonged to a person already, whose data HR's entry left as it was."""
    candidate = application.candidate
    if candidate.user.has_usable_password():
        mails = _("De ontvangstbevestiging gaat naar %(email)s; de kandidaat had al een account voor het portaal.")
    else:
        mails = _("De ontvangstbevestiging en een uitnodiging om een wachtwoord te kiezen voor het portaal gaan naar "
                  "%(email)s.")
    parts = [_("De kandidatuur van %(name)s is ingevoerd (ontvangen via %(channel)s).") % {
        "name": candidate.full_name, "channel": application.get_channel_display()}, mails % {"email": candidate.email}]
    if known:
        parts.append(_("%(name)s had al gegevens in het systeem; die bleven zoals ze waren (alleen wat leeg was, is "
                       "aangevuld).") % {"name": candidate.full_name})
    return " ".join(parts)
