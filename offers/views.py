"""The candidate's offer pages: the offer, its salary simulation, the PDF letter, and accepting or declining it.

Only the owner sees them, and only once the offer was sent; anyone else gets a 404, as if nothing were there.
Every answer is a POST after a confirmation page and goes through offers.answers.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from candidates.disclosure import shown_stage
from candidates.portal.access import candidate_page, own_application_or_404
from candidates.stages import Stage
from offers.answers import accept_offer, decline_offer
from offers.criminal_record import extract_max_age_text
from offers.letter import letter_filename, render_offer_letter
from offers.models import Offer
from offers.offering import OfferRefused, simulation_for_candidate
from pay.chart import render_salary_chart


def _own_offer_or_404(request, public_id, uid, *, for_display=False):
    application = own_application_or_404(request.user, public_id, for_display=for_display)
    offer = get_object_or_404(
        Offer.objects.visible_to_candidate().select_related("team", "proposal__vacancy__function"),
        uid=uid, proposal__application=application)
    offer.proposal.application = application  # the owner's row, already checked
    return application, offer


def portal_state(offer, application):
    """The offer's state as the candidate may know it: a withdrawal is not shown before its mail was released."""
    if offer.status == Offer.Status.SENT:
        return "open" if offer.is_answerable() else "expired"
    if offer.status == Offer.Status.WITHDRAWN and shown_stage(application) != Stage.OFFER_WITHDRAWN:
        return "in_progress"
    return offer.status


@candidate_page
def offer_detail(request, public_id, uid):
    application, offer = _own_offer_or_404(request, public_id, uid, for_display=True)
    simulation, unavailable = simulation_for_candidate(offer)
    return render(request, "offers/offer_detail.html", {
        "application": application, "offer": offer, "state": portal_state(offer, application),
        "simulation": simulation, "unavailable": unavailable,
        "extract_max_age": extract_max_age_text(offer.proposal.vacancy.function),
    })


@candidate_page
def offer_simulation(request, public_id, uid):
    application, offer = _own_offer_or_404(request, public_id, uid)
    simulation, unavailable = simulation_for_candidate(offer)
    return render(request, "offers/offer_simulation.html", {
        "application": application, "offer": offer, "simulation": simulation, "unavailable": unavailable,
        "chart": render_salary_chart(simulation) if simulation else "",
    })


@candidate_page
def offer_letter(request, public_id, uid):
    _application, offer = _own_offer_or_404(request, public_id, uid)
    response = HttpResponse(render_offer_letter(offer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(offer)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@candidate_page
@require_http_methods(["GET", "POST"])
def offer_accept(request, public_id, uid):
    application, offer = _own_offer_or_404(request, public_id, uid)
    if not offer.is_answerable():
        return _not_answerable(request, application, offer)
    if request.method == "POST":
        try:
            accept_offer(offer, by=request.user)
        except OfferRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Je aanvaardde het jobaanbod. Proficiat en welkom! Je krijgt een bevestiging "
                                        "per mail."))
        return redirect("offers:detail", public_id=application.public_id, uid=offer.uid)
    return render(request, "offers/accept_confirm.html", {
        "application": application, "offer": offer,
        "extract_max_age": extract_max_age_text(offer.proposal.vacancy.function)})


class DeclineForm(forms.Form):
    CHOICES = (
        ("reserve", gettext_lazy("Hou me in de wervingsreserve voor een volgende vacature")),
        ("withdraw", gettext_lazy("Ik stop: trek mijn kandidatuur helemaal in")),
    )
    afterwards = forms.ChoiceField(
        label=gettext_lazy("Wat gebeurt er daarna met je kandidatuur?"), choices=CHOICES, widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies wat er met je kandidatuur gebeurt."),
                        "invalid_choice": gettext_lazy("Kies een van de twee mogelijkheden.")})


@candidate_page
@require_http_methods(["GET", "POST"])
def offer_decline(request, public_id, uid):
    application, offer = _own_offer_or_404(request, public_id, uid)
    if not offer.is_answerable():
        return _not_answerable(request, application, offer)
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        withdraw = form.cleaned_data["afterwards"] == "withdraw"
        try:
            decline_offer(offer, by=request.user, withdraw=withdraw)
        except OfferRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Je weigerde het jobaanbod. Je krijgt een bevestiging per mail."))
        return redirect("offers:detail", public_id=application.public_id, uid=offer.uid)
    return render(request, "offers/decline_confirm.html", {"application": application, "offer": offer,
                                                            "form": form})


def _not_answerable(request, application, offer):
    if offer.status == Offer.Status.SENT:
        messages.error(request, _("De termijn om te antwoorden is voorbij. Neem contact op met het selectieteam."))
    elif offer.status in (Offer.Status.ACCEPTED, Offer.Status.DECLINED):
        messages.info(request, _("Je antwoordde al op dit jobaanbod."))
    else:
        messages.info(request, _("Op dit jobaanbod kan je niet meer antwoorden."))
    return redirect("offers:detail", public_id=application.public_id, uid=offer.uid)


def portal_action(request, application):
    """The offer's block on the candidate's application page (registered in OffersConfig.ready): a link to the
    latest offer they may see, with the deadline while it is open."""
    offer = (Offer.objects.visible_to_candidate().filter(proposal__application=application)
             .order_by("-sent_at", "-id").first())
    if offer is None:
        return ""
    return render_to_string("offers/_portal_action.html", {
        "application": application, "offer": offer, "state": portal_state(offer, application)}, request=request)
