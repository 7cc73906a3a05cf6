"""What every back-office model page adds to Django's admin so each control has a name (WCAG 1.3.1, 4.1.2).

Django's change list writes a list_editable input in a table cell without a label, and its split date-time widget
labels its two inputs "Datum:" and "Tijd:" without saying of which field. The tabular inlines get their labels from
templates/admin/edit_inline/tabular.html, the filter_horizontal search boxes from static/js/backoffice.js.
"""

from django.contrib.admin import widgets
from django.db import models
from django.forms.models import BaseModelFormSet
from django.utils.translation import gettext as _


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """Django's date and time inputs, each named with the field's label too (admin/widgets/split_datetime.html)."""

    def __init__(self, field_label, attrs=None):
        super().__init__(attrs)
        self.field_label = field_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["field_label"] = self.field_label
        return context


class LabelledChangeListFormSet(BaseModelFormSet):
    """The change list's editable cells, each named by its column and its row (the row's own name)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            if field.widget.is_hidden:
                continue
            name = str(field.label).capitalize()
            # The formset's empty form (Django builds it for its media) has no row yet, and may not name itself.
            field.widget.attrs["aria-label"] = (_("%(field)s van %(row)s") % {"field": name, "row": form.instance}
                                                if form.instance.pk else name)


class AccessibleAdminMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        default = self.formfield_overrides.get(models.DateTimeField, {}).get("widget")
        if type(db_field) is models.DateTimeField and default is widgets.AdminSplitDateTime:
            kwargs.setdefault("widget", LabelledSplitDateTime(str(db_field.verbose_name).capitalize()))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        kwargs.setdefault("formset", LabelledChangeListFormSet)
        return super().get_changelist_formset(request, **kwargs)
