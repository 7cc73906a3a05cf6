"""The werkbank's filter on the back-office lists: ?werk=<kind>[&werk_procedure=<id>|geen] shows exactly the rows
the werkbank counted, through the kind's own `select` (workbench.kinds). A list that turned empty says so."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workbench.kinds import KINDS, NO_PROCEDURE, PROCEDURE_VAR, WORK_VAR, get_kind, kinds_for

_TOLD = "_werkbank_list_told"  # one note per request, however often the admin builds its filters


class WorkFilter(admin.SimpleListFilter):
    title = _("werkbank: wat wacht")
    parameter_name = WORK_VAR

    def __init__(self, request, params, model, model_admin):
        procedure = params.pop(PROCEDURE_VAR, None)
        # Django 5 hands every parameter over as a list of its values; the last one counts, as for its own filters.
        self.procedure = (procedure[-1] if isinstance(procedure, list) else procedure) or None
        super().__init__(request, params, model, model_admin)

    def expected_parameters(self):
        return [WORK_VAR, PROCEDURE_VAR]

    def lookups(self, request, model_admin):
        return [(kind.key, kind.label) for kind in kinds_for(model_admin.model)]

    def has_output(self):
        return bool(self.lookup_choices)

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        kind = get_kind(self.value())
        procedure = _procedure_value(self.procedure)
        if kind is None or kind.model is not queryset.model or procedure is False:
            _tell(request, messages.WARNING, gettext(
                "Deze link naar de werkbank klopt niet (meer), dus toont de lijst niets. Open de werkbank opnieuw."))
            return queryset.none()
        items = kind.in_procedure(kind.select(queryset, now=timezone.now()), procedure)
        if not items.exists():
            _tell(request, messages.INFO, gettext(
                "Niets meer te doen bij ‘%(kind)s’: iemand handelde dit intussen af, of het is niet meer aan de "
                "orde.") % {"kind": kind.label})
        return items


def _procedure_value(value):
    """None (every procedure), NO_PROCEDURE, a procedure id, or False for a value that is none of those."""
    if value is None or value == NO_PROCEDURE:
        return value
    return int(value) if value.isdigit() else False


def _tell(request, level, text):
    if getattr(request, _TOLD, False):
        return
    setattr(request, _TOLD, True)
    messages.add_message(request, level, format_html('{} <a href="{}">{}</a>', text, reverse("admin:index"),
                                                     gettext("Terug naar de werkbank")))


def attach_work_filters(site):
    """Put the werkbank's filter first on the list of each kind's model (done from here: the domain apps' admins
    know nothing of the werkbank, which sits above them)."""
    for model in {kind.model for kind in KINDS}:
        if not site.is_registered(model):
            continue
        model_admin = site.get_model_admin(model)
        if WorkFilter not in model_admin.list_filter:
            model_admin.list_filter = (WorkFilter, *model_admin.list_filter)
