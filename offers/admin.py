"""HR's back office for offers: prepare (a draft), approve (a second HR user), send, record the criminal-record
extract, confirm the hire, and propose the next candidate when an offer falls through. Every write goes through
offers.offering / answers / criminal_record / hiring; the admin only parses, calls and reports."""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.admin_a11y import AccessibleAdminMixin
from kortrijk_ats.roles import is_hr
from kortrijk_ats.typed_text import TypedTextAdminMixin
from offers.criminal_record import extract_max_age_text
from offers.forms import CriminalRecordForm, OfferAddForm, OfferForm, SendOfferForm, proposal_or_none
from offers.hiring import CLOSED_WITHOUT_HIRE, confirm_hire, propose_next_passer, replacement_options
from offers.letter import letter_filename, render_offer_letter
from offers.models import CriminalRecordCheck, Offer
from offers.offering import (
    TERMS,
    OfferRefused,
    approve_offer,
    initial_terms,
    proposals_awaiting_offer,
    reopen_offer,
    send_offer,
    simulate_offer,
)
from pay.simulation import SalaryError


def _with_user(form_class, request):
    return type(form_class.__name__, (form_class,), {"user": request.user})


@admin.register(Offer)
class OfferAdmin(TypedTextAdminMixin, AccessibleAdminMixin, admin.ModelAdmin):
    form = OfferForm
    list_display = ("__str__", "status", "start_date", "respond_by", "created_by", "approved_by")
    list_filter = ("status",)
    list_select_related = ("proposal__application__candidate", "proposal__vacancy__team",
                           "proposal__vacancy__function", "created_by", "approved_by")
    search_fields = ("proposal__application__candidate__last_name", "proposal__application__candidate__first_name")
    change_form_template = "offers/admin/offer_change_form.html"
    change_list_template = "offers/admin/offer_change_list.html"

    # HR only, like every back-office page; a draft is edited, anything later is a record to act on, not to edit.
    def has_module_permission(self, request):
        return is_hr(request.user)

    def has_view_permission(self, request, obj=None):
        return is_hr(request.user)

    def has_add_permission(self, request):
        return is_hr(request.user)

    def has_change_permission(self, request, obj=None):
        return is_hr(request.user) and (obj is None or obj.status == Offer.Status.DRAFT)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = OfferAddForm if obj is None else OfferForm
        return _with_user(super().get_form(request, obj, **kwargs), request)

    def get_fields(self, request, obj=None):
        return ("proposal", *TERMS) if obj is None else TERMS

    def get_changeform_initial_data(self, request):
        proposal = proposal_or_none(request.GET.get("proposal"))
        if proposal is None:
            return {}
        return {"proposal": proposal.pk, **initial_terms(proposal)}

    def save_model(self, request, obj, form, change):
        pass  # the form's clean() wrote through prepare_offer / update_offer

    def changelist_view(self, request, extra_context=None):
        extra = {"awaiting": proposals_awaiting_offer(), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        offer = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if offer is not None:
            extra.update(self._panel(offer))
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def _panel(self, offer):
        try:
            simulation, unavailable = simulate_offer(offer), ""
        except SalaryError as error:
            simulation, unavailable = None, error.message
        panel = {"offer": offer, "simulation": simulation, "unavailable": unavailable,
                 "check": CriminalRecordCheck.objects.filter(offer=offer).select_related("checked_by").first(),
                 "extract_max_age": extract_max_age_text(offer.proposal.vacancy.function), "send_form": SendOfferForm(),
                 "application": offer.proposal.application}
        if offer.status in CLOSED_WITHOUT_HIRE:
            panel["replacements"] = replacement_options(offer.proposal.vacancy)
        return panel

    # --- The steps after the draft, each its own small view ------------------------------------------------------

    def get_urls(self):
        def view(func, suffix, name):
            return path(f"<int:pk>/{suffix}/", self.admin_site.admin_view(func), name=f"offers_offer_{name}")

        return [
            view(self.approve_view, "goedkeuren", "approve"),
            view(self.reopen_view, "terug-in-voorbereiding", "reopen"),
            view(self.send_view, "versturen", "send"),
            view(self.criminal_record_view, "strafregister", "criminal_record"),
            view(self.hire_view, "aanwerven", "hire"),
            view(self.next_passer_view, "volgende-kandidaat", "next_passer"),
            view(self.letter_view, "aanbodsbrief", "letter"),
            *super().get_urls(),
        ]

    def _offer(self, request, pk):
        if not is_hr(request.user):
            return None
        return get_object_or_404(Offer.objects.select_related("proposal__application__candidate", "team"), pk=pk)

    def _back(self, offer):
        return redirect(reverse("admin:offers_offer_change", args=[offer.pk]))

    def _run(self, request, offer, step, success):
        try:
            step()
        except OfferRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, success)
        return self._back(offer)

    def approve_view(self, request, pk):
        return self._post_step(request, pk, lambda offer: approve_offer(offer, by=request.user),
                               _("Jobaanbod goedgekeurd. Het kan nu verstuurd worden."))

    def reopen_view(self, request, pk):
        return self._post_step(request, pk, lambda offer: reopen_offer(offer, by=request.user),
                               _("Het aanbod staat terug in voorbereiding; het moet opnieuw goedgekeurd worden."))

    def hire_view(self, request, pk):
        return self._post_step(request, pk, lambda offer: confirm_hire(offer, by=request.user),
                               _("Aanwerving bevestigd: de kandidatuur staat op ‘aangeworven’ en de vacature is "
                                 "ingevuld."))

    def _post_step(self, request, pk, call, success):
        offer = self._offer(request, pk)
        if offer is None:
            return redirect("admin:index")
        if request.method != "POST":
            return self._back(offer)
        return self._run(request, offer, lambda: call(offer), success)

    def next_passer_view(self, request, pk):
        offer = self._offer(request, pk)
        if offer is None:
            return redirect("admin:index")
        if request.method != "POST":
            return self._back(offer)
        try:
            proposal = propose_next_passer(offer, by=request.user)
        except OfferRefused as refusal:
            messages.error(request, refusal.message)
            return self._back(offer)
        messages.success(request, _("%(name)s is voorgedragen. Maak nu het jobaanbod op.") % {
            "name": proposal.application.candidate.full_name})
        return redirect(reverse("admin:offers_offer_add") + f"?proposal={proposal.pk}")

    def send_view(self, request, pk):
        offer = self._offer(request, pk)
        if offer is None:
            return redirect("admin:index")
        form = SendOfferForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                send_offer(offer, by=request.user, respond_by=form.cleaned_data["respond_by"])
            except OfferRefused as refusal:
                form.add_error("respond_by" if refusal.field == "respond_by" else None, refusal.message)
            else:
                messages.success(request, _("Jobaanbod verstuurd: de kandidaat kreeg de mail en ziet het aanbod in "
                                            "het portaal."))
                return self._back(offer)
        return self._form_page(request, offer, form, _("Jobaanbod versturen"), _("Versturen"))

    def criminal_record_view(self, request, pk):
        offer = self._offer(request, pk)
        if offer is None:
            return redirect("admin:index")
        form = CriminalRecordForm(request.POST if request.method == "POST" else None, offer=offer, user=request.user)
        if request.method == "POST" and form.is_valid():
            if form.check.is_blank:
                messages.success(request, _("Blanco uittreksel geregistreerd. Het document zelf wordt niet "
                                            "bewaard."))
            else:
                messages.warning(request, _("Niet blanco: het jobaanbod is ingetrokken. De mail aan de kandidaat "
                                            "wacht in de outbox op vrijgave."))
            return self._back(offer)
        return self._form_page(request, offer, form, _("Uittreksel uit het strafregister registreren"),
                               _("Registreren"))

    def letter_view(self, request, pk):
        offer = self._offer(request, pk)
        if offer is None:
            return redirect("admin:index")
        response = HttpResponse(render_offer_letter(offer), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{letter_filename(offer)}"'
        return response

    def _form_page(self, request, offer, form, title, submit):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title,
                   "form": form, "submit": submit, "offer": offer}
        return TemplateResponse(request, "offers/admin/step_form.html", context)

