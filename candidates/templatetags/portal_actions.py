from django import template

from candidates.portal.actions import render_portal_actions

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_actions(context, application):
    """The blocks the later steps registered (candidates.portal.actions) for this application."""
    return render_portal_actions(context.get("request"), application)
