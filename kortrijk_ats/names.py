"""A person's name shown isolated from the text around it: `{{ candidate.full_name|bdi }}` in every template.

<bdi> gives the name its own direction: a name in Arabic or Hebrew script, or an old one that still holds a direction
override, cannot reorder or reverse the words and numbers after it. A builtin of the template engine (settings), so
templates need no {% load %}. Python code that writes markup (admin columns) calls `isolated`.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter(is_safe=True)
def bdi(name):
    """The name, escaped, in <bdi>; nothing for an empty name."""
    return isolated(name)


def isolated(name):
    if name is None or name == "":
        return ""
    return format_html("<bdi>{}</bdi>", name)
