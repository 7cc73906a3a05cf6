"""The back-office index's "nog in te vullen" boxes: per open procedure, the HR settings still empty."""

from django import template

from procedures.models import Procedure
from procedures.settings_check import missing_settings

register = template.Library()


@register.simple_tag
def open_procedures_missing_settings():
    """[(procedure, [MissingSetting, ...]), ...] for every open procedure that still misses a setting."""
    procedures = Procedure.objects.filter(status=Procedure.Status.OPEN).select_related("function").order_by("title")
    rows = [(procedure, missing_settings(procedure)) for procedure in procedures]
    return [(procedure, items) for procedure, items in rows if items]
