"""Template helpers for portal forms."""

from django import template

register = template.Library()


@register.filter
def without_placeholders(form):
    """Drop placeholder texts: every field has a visible label, and a placeholder would only repeat it."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)
    return form
