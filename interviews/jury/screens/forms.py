"""Forms of the jury pages, the candidate's jury pieces and the back office. They only parse; the rules live in
interviews.jury (a back-office DomainForm hands its data to a domain function and shows its refusal)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interviews.jury import JuryRefused
from kortrijk_ats.names import isolated
from kortrijk_ats.typed_text import FreeTextField, LineField

RADIO_LIMIT = 10  # up to this many points a scale shows as radio buttons; a longer one as a number field
TEXT_MAX = 4000


def _value_field(scale_min, scale_max, *, label, required):
    if scale_max - scale_min + 1 <= RADIO_LIMIT:
        return forms.TypedChoiceField(label=label, required=required, coerce=int, empty_value=None,
                                      choices=[(v, str(v)) for v in range(scale_min, scale_max + 1)],
                                      widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    return forms.IntegerField(label=label, required=required, min_value=scale_min, max_value=scale_max)


class ItemScoresForm(forms.Form):
    """A score and a text per item: the juror's sheet (evidence) or the chair's consensus (reason)."""

    text_label = _("Onderbouwing")

    def __init__(self, *args, items, scale_min, scale_max, require_all=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"value_{item.key}"] = _value_field(scale_min, scale_max, label=item.label,
                                                            required=require_all)
            self.fields[f"text_{item.key}"] = FreeTextField(
                label=f"{self.text_label} {item.label.lower()}", required=False, max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}))

    def entries(self):
        """item key -> (value, text) for every item with a value or a text (the domain checks the rest)."""
        data = self.cleaned_data
        return {item.key: (data.get(f"value_{item.key}"), data.get(f"text_{item.key}", ""))
                for item in self.items
                if data.get(f"value_{item.key}") is not None or data.get(f"text_{item.key}")}

    def rows(self):
        return [(item, self[f"value_{item.key}"], self[f"text_{item.key}"]) for item in self.items]


class ConsensusForm(ItemScoresForm):
    text_label = _("Motivering")


class DeclarationForm(forms.Form):
    CHOICES = (("none", _("Ik verklaar dat ik geen belangenconflict heb met deze kandidaat.")),
               ("conflict", _("Ik heb een belangenconflict en onthoud me voor deze kandidaat.")))
    declaration = forms.ChoiceField(label=_("Verklaring"), choices=CHOICES, widget=forms.RadioSelect)
    note = FreeTextField(label=_("Toelichting (verplicht als je je onthoudt)"), required=False, max_length=1000,
                         widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    # Not required here: reopen_sheet says in its own words that a reason is needed.
    reason = FreeTextField(label=_("Reden"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


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
        for item in questionnaire.items.all():
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=item.text, choices=choices, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord.")})
            self.fields[f"item_{item.pk}"].item = item

    def answers(self):
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()}


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
