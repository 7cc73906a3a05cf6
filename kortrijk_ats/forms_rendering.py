"""The project's form renderer: Bootstrap 5 field groups from our own templates (templates/forms/), no form library.

`{{ form }}` and `{{ form.<field>.as_field_group }}` render through templates/forms/form.html and field.html: a
visible label whose asterisk is hidden from screen readers, help and error text that aria-describedby names, a
fieldset with a legend for radio and checkbox groups. The widgets themselves keep Django's own templates.
"""

from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import CheckboxInput, RadioSelect, Select
from django.utils.functional import cached_property

DJANGO_FORM_TEMPLATES = Path(django.forms.__file__).parent / "templates"


class BootstrapBoundField(BoundField):
    """A bound field that can draw its control with Bootstrap's classes; Django's own rendering is left as it is."""

    @property
    def kind(self):
        """Which layout templates/forms/field.html uses: choices (radio/checkbox group), checkbox, or control."""
        widget = self.field.widget
        if isinstance(widget, RadioSelect):  # CheckboxSelectMultiple is a RadioSelect too
            return "choices"
        if isinstance(widget, CheckboxInput):
            return "checkbox"
        return "control"

    def css_class(self):
        widget = self.field.widget
        if isinstance(widget, (RadioSelect, CheckboxInput)):
            bootstrap = "form-check-input"
        elif isinstance(widget, Select):
            bootstrap = "form-select"
        else:  # text, textarea, date, file ...
            bootstrap = "form-control"
        classes = [*widget.attrs.get("class", "").split(), bootstrap]
        if self.errors:
            classes.append("is-invalid")
        return " ".join(dict.fromkeys(classes))  # without repeats, in order

    @property
    def control(self):
        """The widget with Bootstrap's classes (and Django's id, aria-invalid and aria-describedby)."""
        return self.as_widget(attrs={"class": self.css_class()})

    @property
    def options(self):
        """The radios or checkboxes of a choice group, each with Bootstrap's classes, as BoundWidgets."""
        attrs = {"class": self.css_class()}
        if id_ := self.field.widget.attrs.get("id") or self.auto_id:
            attrs["id"] = id_
        attrs = self.build_widget_attrs(attrs)
        return [BoundWidget(self.field.widget, widget, self.form.renderer)
                for widget in self.field.widget.subwidgets(self.html_name, self.value(), attrs=attrs)]


class BootstrapFormRenderer(DjangoTemplates):
    """Django's template renderer that also finds the project's templates/forms/ and makes BootstrapBoundFields."""

    bound_field_class = BootstrapBoundField
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    @cached_property
    def engine(self):
        # The project's templates first, then Django's widget templates; the same cached loaders as Django's.
        return self.backend({"APP_DIRS": True, "DIRS": [Path(settings.BASE_DIR) / "templates", DJANGO_FORM_TEMPLATES],
                             "NAME": "portalforms", "OPTIONS": {}})
