"""The werkbank on the back office's home page (templates/admin/index.html)."""

from django import template

from workbench.board import build_board

register = template.Library()


@register.simple_tag
def werkbank():
    """The Board: per procedure the pending work, one grouped query per kind."""
    return build_board()
