"""Forms of the jury pages, the candidate's jury pieces and the back office. They only parse; the rules live in
interviews.jury (a back-office DomainForm hands its data to a domain function and shows its refusal)."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interviews.jury import JuryRefused
from interviews.jury.parts import COMPETENCIES_GROUP
from kortrijk_ats.names import isolated
from kortrijk_ats.typed_text import FreeTextField, LineField

RADIO_LIMIT = 10  # up to this many points a scale shows as radio buttons (or a pick list); a longer one a number field
TEXT_MAX = 4000


def _value_field(scale_min, scale_max, *, label, required, pick_list=False):
    if scale_max - scale_min + 1 > RADIO_LIMIT:
        return forms.IntegerField(label=label, required=required, min_value=scale_min, max_value=scale_max)
    choices = [(v, str(v)) for v in range(scale_min, scale_max + 1)]
    if pick_list:
        return forms.TypedChoiceField(label=label, required=required, coerce=int, empty_value=None,
                                      choices=[("", "–"), *choices], widget=forms.Select)
    return forms.TypedChoiceField(label=label, required=required, coerce=int, empty_value=None, choices=choices,
                                  widget=forms.RadioSelect)


def _for_item(word, item):
    """A label that shows `word` and names the item for a screen reader (the legend or the row shows it)."""
    return format_html('{}<span class="visually-hidden"> {}</span>', word, item.label)


def _layout_field(form, name):
    """A field of a crispy layout: a radio group with its options side by side, any other field as it is."""
    return InlineRadios(name) if isinstance(form.fields[name].widget, forms.RadioSelect) else name


class ScoredItem(Fieldset):
    """One item of a score sheet: its name as the legend, its anchors (the definition and the behavioural indicators,
    which describe the fieldset), then its fields. The name is data, so it is escaped and never read as a template
    (crispy's own Fieldset renders its legend as one)."""

    template = "interviews/jury/_scored_item.html"

    def __init__(self, item, *fields):
        super().__init__(item.label, *fields)
        self.item = item

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        is_competency = self.item.group == COMPETENCIES_GROUP
        return render_to_string(self.template, {
            "item": self.item, "fields": fields, "is_competency": is_competency,
            "anchored": bool(self.item.definition or self.item.indicators or is_competency)})


class ItemScoresForm(forms.Form):
    """A score and a text per item: the juror's sheet (evidence) or the chair's consensus (reason)."""

    text_rows = 3
    pick_list = False

    def __init__(self, *args, items, scale_min, scale_max, require_all=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"value_{item.key}"] = _value_field(scale_min, scale_max, label=self.value_label(item),
                                                            required=require_all, pick_list=self.pick_list)
            self.fields[f"text_{item.key}"] = FreeTextField(
                label=self.text_label(item), required=False, max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": self.text_rows}))

    def value_label(self, item):
        return _for_item(gettext("Score"), item)

    def text_label(self, item):
        return f"{gettext('Onderbouwing')} {item.label.lower()}"

    @cached_property
    def helper(self):
        """A fieldset per item for {% crispy form %} (the juror's sheet); the page draws the <form> tag and token."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(*(ScoredItem(item, _layout_field(self, f"value_{item.key}"), f"text_{item.key}")
                                 for item in self.items))
        return helper

    def entries(self):
        """item key -> (value, text) for every item with a value or a text (the domain checks the rest)."""
        data = self.cleaned_data
        return {item.key: (data.get(f"value_{item.key}"), data.get(f"text_{item.key}", ""))
                for item in self.items
                if data.get(f"value_{item.key}") is not None or data.get(f"text_{item.key}")}

    def rows(self):
        return [(item, self[f"value_{item.key}"], self[f"text_{item.key}"]) for item in self.items]


class ConsensusForm(ItemScoresForm):
    """The chair's consensus: a cell per item in the side-by-side table, where the row names the item (so the labels
    name it for screen readers only) and each field is drawn with |as_crispy_field; a pick list fits the cell."""

    text_rows = 2
    pick_list = True

    def value_label(self, item):
        return _for_item(gettext("Consensusscore"), item)

    def text_label(self, item):
        return _for_item(gettext("Motivering"), item)


class DeclarationForm(forms.Form):
    CHOICES = (("none", _("Ik verklaar dat ik geen belangenconflict heb met deze kandidaat.")),
               ("conflict", _("Ik heb een belangenconflict en onthoud me voor deze kandidaat.")))
    declaration = forms.ChoiceField(label=_("Verklaring"), choices=CHOICES, widget=forms.RadioSelect)
    note = FreeTextField(label=_("Toelichting (verplicht als je je onthoudt)"), required=False, max_length=1000,
                         widget=forms.Textarea(attrs={"rows": 2}))


class ReopenForm(forms.Form):
    """The chair's reason to reopen one juror's submitted sheet. The consensus page holds one per sheet: the ids and
    the label are the sheet's."""

    # Not required here: reopen_sheet says in its own words that a reason is needed.
    reason = FreeTextField(label=_("Reden"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, auto_id=f"reden-{sheet.pk}-%s", **kwargs)
        self.sheet = sheet
        # The template's msgid (with %(name)s), so its translation serves; the name goes in escaped and isolated.
        self.fields["reason"].label = format_html(
            gettext("Reden om de scores van %(name)s te heropenen") % {"name": "{name}"},
            name=isolated(sheet.member.display_name))


class PvApprovalForm(forms.Form):
    """A juror's approval of the PV: the box says they read it."""

    confirm = forms.BooleanField(label=_("Ik las dit proces-verbaal en keur het goed."))


class RankingForm(forms.Form):
    """One rank number per passer (1 = best)."""

    def __init__(self, *args, passers, **kwargs):
        super().__init__(*args, **kwargs)
        self.passers = passers
        for position, (jc, _outcome) in enumerate(passers, start=1):
            self.fields[f"rank_{jc.pk}"] = forms.IntegerField(
                label=format_html(gettext("Rang van {name}"), name=isolated(jc.application.candidate.full_name)),
                min_value=1, max_value=len(passers), initial=position)

    def clean(self):
        data = super().clean()
        ranks = [data.get(f"rank_{jc.pk}") for jc, _ in self.passers]
        if None not in ranks and sorted(ranks) != list(range(1, len(ranks) + 1)):
            raise forms.ValidationError(_("Geef elke geslaagde kandidaat een andere rang, van 1 tot %(n)s.")
                                        % {"n": len(ranks)})
        return data

    def ranking(self):
        return [jc.pk for jc, _ in sorted(self.passers, key=lambda p: self.cleaned_data[f"rank_{p[0].pk}"])]

    def rows(self):
        return [(jc, outcome, self[f"rank_{jc.pk}"]) for jc, outcome in self.passers]


class QuestionnaireForm(forms.Form):
    """A statement per question, numbered, each answered on the questionnaire's scale."""

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        choices = []
        for value in range(questionnaire.scale_min, questionnaire.scale_max + 1):
            label = str(value)
            if value == questionnaire.scale_min:
                label += f" ({questionnaire.scale_min_label})"
            elif value == questionnaire.scale_max:
                label += f" ({questionnaire.scale_max_label})"
            choices.append((value, label))
        for number, item in enumerate(questionnaire.items.all(), start=1):
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {item.text}", choices=choices, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord.")})

    def answers(self):
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()}

    @cached_property
    def helper(self):
        """The questions for {% crispy form %}, each a group of options side by side; the page draws the <form> tag."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(*(InlineRadios(name) for name in self.fields))
        return helper


class UnavailabilityForm(forms.Form):
    starts_on = forms.DateField(label=_("Niet beschikbaar vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Opnieuw beschikbaar vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
    note = LineField(label=_("Toelichting (niet verplicht)"), required=False, max_length=300)


# --- The back office ---------------------------------------------------------------------------------------------

# Links typed without a scheme are read as https (Django 6's default).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class HttpsURLField(forms.URLField):
    """Links typed without a scheme are read as https (Django 6's default)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class DomainForm(forms.ModelForm):
    """A back-office form whose clean() calls the domain: a refusal becomes the form's error (nothing saved, no
    500), and the admin's own save writes nothing more. The admin's change view runs it all in one transaction."""

    user = None  # set per request by the admin's get_form

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                self.instance = self.apply(data) or self.instance
            except JuryRefused as refusal:
                raise ValidationError(str(refusal)) from None
        return data

    def apply(self, data):
        raise NotImplementedError


SCHEDULE_FIELDS = {"starts_at", "ends_at", "location", "meeting_url"}


def with_user(form_class, request):
    return type(form_class.__name__, (form_class,), {"user": request.user})
