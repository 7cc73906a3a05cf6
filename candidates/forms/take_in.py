"""HR's form for an application that came on paper, by e-mail or at the counter: the candidate's application form,
in words about the candidate, plus how it came, the person's address and language (candidates.admin_take_in)."""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from candidates.address_owner import describe_person
from candidates.eligibility import ProcedureClosed, ReceivedInFuture, check_may_apply
from candidates.forms.account import EMAIL_MAX_LENGTH, EMAIL_TOO_LONG
from candidates.forms.application import DATE_FORMATS, ApplicationForm
from candidates.models import Application, Candidate
from kortrijk_ats.input_limits import limit_length
from kortrijk_ats.typed_text import comparable_email

# The HR form speaks about the candidate, not to them.
TAKE_IN_LABELS = {
    "diploma": _("Diploma"),
    "diploma_detail": _("Naam van het buitenlandse diploma"),
    "diploma_file": _("Kopie van het diploma (ingescand)"),
    "equivalence_file": _("Gelijkwaardigheidsattest (ingescand)"),
    "cv_file": _("Cv"),
    "motivation": _("Motivatie"),
    "years_public_sector": _("Jaren ervaring in de openbare sector"),
    "years_private_sector": _("Jaren relevante ervaring in de privésector"),
    "accommodations": _("Redelijke aanpassingen voor de gesprekken (optioneel)"),
}
TAKE_IN_REQUIRED = {
    "first_name": _("Vul de voornaam in."),
    "last_name": _("Vul de achternaam in."),
    "phone": _("Vul het telefoonnummer in."),
    "street": _("Vul straat en huisnummer in."),
    "postal_code": _("Vul de postcode in."),
    "city": _("Vul de gemeente in."),
    "birth_date": _("Vul de geboortedatum in."),
    "diploma": _("Kies het diploma uit de lijst."),
    "diploma_file": _("Voeg de ingescande kopie van het diploma toe (PDF, JPEG of PNG, hoogstens 10 MB)."),
    "cv_file": _("Voeg het cv toe (PDF, hoogstens 10 MB)."),
    "motivation": _("Neem de motivatie van de kandidaat over."),
}


class TakeInForm(ApplicationForm):
    """HR enters an application that came on paper, by e-mail or at the counter; the candidate's form, plus the
    address to reach the person, the language of their mails and how the application came."""

    channel = forms.ChoiceField(
        label=_("Ontvangen via"), widget=forms.RadioSelect,
        choices=[(value, label) for value, label in Application.Channel.choices
                 if value != Application.Channel.PORTAL],
        error_messages={"required": _("Kies hoe de kandidatuur binnenkwam: op papier, per e-mail of aan het "
                                                   "loket.")})
    email = forms.EmailField(
        label=_("E-mailadres van de kandidaat"),
        help_text=_("Hierheen gaan de ontvangstbevestiging en, voor wie nog geen account heeft, een uitnodiging om "
                    "een wachtwoord te kiezen voor het portaal. Kijk het adres goed na."),
        error_messages={"required": _("Vul het e-mailadres van de kandidaat in: alle communicatie gaat per mail."),
                        "invalid": _("Vul een geldig e-mailadres in, bv. naam@voorbeeld.be.")})
    language = forms.ChoiceField(label=_("Taal van de mails"), widget=forms.RadioSelect,
                                 choices=Candidate.Language.choices, initial=Candidate.Language.DUTCH)
    received_on = forms.DateField(
        label=_("Ontvangen op"), input_formats=DATE_FORMATS, widget=forms.DateInput(format="%d/%m/%Y"),
        help_text=_("De dag waarop de brief, de e-mail of het bezoek aan het loket binnenkwam, als dag/maand/jaar. "
                    "Die dag moest de procedure openstaan voor kandidaturen."),
        error_messages={"required": _("Vul de dag in waarop de kandidatuur binnenkwam, bv. 17/01/2026."),
                        "invalid": _("Vul de dag van ontvangst in als dag/maand/jaar, bv. 17/01/2026.")})

    kept_file_text = _("Het bestand ‘%(name)s’ is bewaard.")

    def __init__(self, *args, procedure, received_on=None, **kwargs):
        """`received_on`: the day the form suggests (today while the procedure is open; none once it closed)."""
        super().__init__(*args, procedure=procedure, user=None, **kwargs)
        self.fields["received_on"].initial = received_on
        # Refused in Dutch beyond what the account's columns hold; no maxlength for a browser to cut a pasted one at.
        limit_length(self.fields["email"], EMAIL_MAX_LENGTH, EMAIL_TOO_LONG)
        for name, label in TAKE_IN_LABELS.items():
            self.fields[name].label = label
        if not procedure.cv_required:
            self.fields["cv_file"].label = _("Cv (optioneel)")
        if not procedure.motivation_required:
            self.fields["motivation"].label = _("Motivatie (optioneel)")
        for name, message in TAKE_IN_REQUIRED.items():
            self.fields[name].error_messages["required"] = message
        self.fields["diploma"].choices = [("", _("Kies het diploma")), *self.fields["diploma"].choices[1:]]
        self.fields["diploma_detail"].help_text = _("Alleen bij een buitenlands diploma: de naam zoals op het "
                                                    "diploma.")
        self.fields["accommodations"].help_text = _("Vroeg de kandidaat iets om de gesprekken goed te laten "
                                                    "verlopen? Alleen zichtbaar voor het selectieteam.")
        privacy = self.fields["privacy_acknowledged"]
        privacy.label = _("De kandidaat kreeg de privacyverklaring (bij het formulier, per mail of aan het loket)")
        privacy.error_messages["required"] = _("Bevestig dat de kandidaat de privacyverklaring kreeg; zonder die "
                                               "bevestiging kan de kandidatuur niet in het systeem.")
        for field in self.fields.values():
            field.widget.attrs.pop("autocomplete", None)  # HR types another person's data, not their own

    def _set_up_email(self, user):
        pass  # HR types the person's address

    def clean_email(self):
        return comparable_email(self.cleaned_data["email"])

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        try:  # said here too, so that HR reads it with the form's other errors
            check_may_apply(self.procedure, candidate=None, today=timezone.localdate(), received_on=received_on)
        except (ProcedureClosed, ReceivedInFuture) as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return received_on

    def show_person_of_address(self, candidate):
        """Say whom the typed address belongs to, so HR sees a mistyped address before anything goes wrong."""
        self.fields["email"].help_text = format_html(
            "<strong>{}</strong> {}",
            _("Dit e-mailadres hoort bij %(person)s.") % {"person": describe_person(candidate)},
            _("Naam en geboortedatum moeten daarmee overeenkomen. De gegevens van deze kandidaat blijven zoals ze "
              "zijn; alleen wat leeg is, vult deze invoer aan."))
        self["email"].help_text = self.fields["email"].help_text
