"""The back office's offer forms. Each one parses input and hands it to a domain function; a refusal becomes a
form error (Dutch, on the field at fault), so nothing is saved and nothing breaks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interviews.models import VacancyProposal
from kortrijk_ats.typed_text import FreeTextField
from offers.criminal_record import oldest_valid_issue_date, record_criminal_record_check
from offers.models import CriminalRecordCheck, ExtractModel, Offer
from offers.offering import (
    TERMS,
    OfferRefused,
    default_respond_by,
    prepare_offer,
    proposals_awaiting_offer,
    update_offer,
)


def _refusal_to_form(form, refusal):
    field = refusal.field if refusal.field in form.fields else None
    form.add_error(field, refusal.message)


class ProposalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, proposal):
        return f"{proposal.application.candidate.full_name} — {proposal.vacancy} ({proposal.get_source_display()})"


class OfferForm(forms.ModelForm):
    """Prepare or change a draft offer. The write happens in clean() through prepare_offer / update_offer."""

    user = None  # set per request by the admin

    class Meta:
        model = Offer
        fields = TERMS
        widgets = {
            "experience_proofs": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "schedule": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "tasks": forms.Textarea(attrs={"rows": 5, "cols": 80}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "regime" in self.fields:  # absent on the read-only page of an offer past its draft
            self.fields["regime"].error_messages["max_value"] = _("Het werkregime is hoogstens 1 (voltijds).")
            self.fields["regime"].error_messages["min_value"] = _("Het werkregime is groter dan 0.")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        terms = {name: data[name] for name in TERMS if name in data}
        try:
            if self.instance.pk is None:
                self.instance = prepare_offer(data["proposal"], by=self.user, **terms)
            else:
                self.instance = update_offer(self.instance, by=self.user, **terms)
        except OfferRefused as refusal:
            _refusal_to_form(self, refusal)
        return data


class OfferAddForm(OfferForm):
    """The draft of a new offer: first the proposal it is for."""

    proposal = ProposalChoiceField(
        label=_("Voorgedragen kandidaat"), queryset=VacancyProposal.objects.none(),
        error_messages={"required": _("Kies de voorgedragen kandidaat."),
                        "invalid_choice": _("Deze voordracht heeft al een jobaanbod of staat niet meer op jobaanbod.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals_awaiting_offer()


class SendOfferForm(forms.Form):
    respond_by = forms.DateField(
        label=_("De kandidaat antwoordt ten laatste op"),
        help_text=_("Tot en met deze dag kan de kandidaat aanvaarden of weigeren; daarna verloopt het aanbod."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Geef de laatste dag om te antwoorden."),
                        "invalid": _("Geef een geldige datum, bv. 15/06/2026.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respond_by"].initial = default_respond_by()


class CriminalRecordForm(forms.Form):
    """What HR saw on the extract. No file field: the document is never uploaded nor stored."""

    extract_model = forms.ChoiceField(label=_("Model van het uittreksel"), choices=ExtractModel.choices)
    issued_on = forms.DateField(
        label=_("Datum van afgifte"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Geef de datum van afgifte van het uittreksel."),
                        "invalid": _("Geef een geldige datum, bv. 02/03/2026.")})
    result = forms.ChoiceField(label=_("Resultaat"), choices=CriminalRecordCheck.Result.choices,
                               widget=forms.RadioSelect)
    reason = FreeTextField(
        label=_("Motivering voor de kandidaat (bij niet blanco)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_("Leeg: ‘Het uittreksel uit het strafregister is niet blanco.’ De mail wacht in de outbox op "
                    "vrijgave."))

    def __init__(self, *args, offer, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer, self.user, self.check = offer, user, None
        self.fields["extract_model"].initial = offer.extract_model
        oldest = oldest_valid_issue_date(offer.proposal.vacancy.function)
        self.fields["issued_on"].help_text = (
            _("Niet in de toekomst en niet vóór %(oldest)s.") % {"oldest": oldest.strftime("%d/%m/%Y")}
            if oldest else _("Niet in de toekomst."))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.check = record_criminal_record_check(
                self.offer, by=self.user, extract_model=data["extract_model"], issued_on=data["issued_on"],
                result=data["result"], reason=data.get("reason", ""))
        except OfferRefused as refusal:
            _refusal_to_form(self, refusal)
        return data


def proposal_or_none(value):
    """The proposal named in ?proposal= (for the add form's initial values), or None for junk."""
    if not (isinstance(value, str) and value.isdigit() and len(value) < 10):
        return None
    return proposals_awaiting_offer().filter(pk=int(value)).first()

