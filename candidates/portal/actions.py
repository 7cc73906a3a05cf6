"""What the later steps offer on the candidate's application page, under "Wat kan je doen?".

The apps above candidates (the intake, the offer, the jury) register their block here in their AppConfig.ready, as
they register stage handlers with transitions.on_leaving; the page renders the blocks without naming those apps.
"""

from django.utils.html import format_html_join

# name -> (position, render); a name registers once, so running an app's ready() again adds nothing.
_ACTIONS: dict[str, tuple[int, object]] = {}


def register_portal_action(name, render, *, position):
    """Register render(request, application) -> HTML ("" when there is nothing to offer); lower positions first."""
    _ACTIONS[name] = (position, render)


def render_portal_actions(request, application):
    """Every registered block for this application, in position order, as one piece of HTML."""
    blocks = (render(request, application) for _position, render in sorted(_ACTIONS.values(), key=lambda a: a[0]))
    return format_html_join("", "{}", ((block,) for block in blocks))
