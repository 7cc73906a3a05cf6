"""The candidate's offer action on their application page (the action_offer block of application_detail.html):
a link to the latest offer they may see, with the deadline while it is open."""

from django import template

from offers.models import Offer

register = template.Library()


@register.inclusion_tag("offers/_portal_action.html")
def offer_actions(application):
    from offers.views import portal_state

    offer = (Offer.objects.visible_to_candidate().filter(proposal__application=application)
             .order_by("-sent_at", "-id").first())
    if offer is None:
        return {}
    return {"application": application, "offer": offer, "state": portal_state(offer, application)}
