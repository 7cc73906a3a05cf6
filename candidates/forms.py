"""The candidate's forms. They parse and explain; the rules of the procedure live in candidates.applying."""

from functools import cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from candidates.accommodations import MAX_ARRANGEMENT_LENGTH
from candidates.account_forms import EMAIL_MAX_LENGTH, EMAIL_TOO_LONG
from candidates.address_owner import describe_person
from candidates.answers import DOCUMENT_FIELDS, Answers, PersonalData, application_errors
from candidates.documents import PROOF_KINDS
from candidates.eligibility import ProcedureClosed, ReceivedInFuture, check_may_apply
from candidates.models import Application, Candidate, Document
from candidates.uploads import CV_TYPES, PROOF_TYPES, check_upload
from kortrijk_ats.input_limits import limit_length
from kortrijk_ats.typed_text import TOO_LONG, FreeTextField, LineField, NameField, comparable_email
from procedures.models import Diploma

MIN_AGE, MAX_AGE = 16, 100
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]

FILE_RULES = {
    "diploma_file": (PROOF_TYPES, _("je diploma")),
    "equivalence_file": (PROOF_TYPES, _("je gelijkwaardigheidsattest")),
    "cv_file": (CV_TYPES, _("je cv")),
}
KIND_OF_FIELD = {field: kind for kind, field in DOCUMENT_FIELDS.items()}
# The purpose of each personal field (WCAG 1.3.5), so browsers and assistive tools can fill it in.
AUTOCOMPLETE = {"first_name": "given-name", "last_name": "family-name", "email": "email", "phone": "tel",
                "street": "street-address", "postal_code": "postal-code", "city": "address-level2",
                "birth_date": "bday"}


class TelInput(forms.TextInput):
    input_type = "tel"


def _required(message):
    return {"required": message}


def _privacy_url():
    try:
        return reverse("privacy")
    except NoReverseMatch:
        return "/privacy/"


def _account_email_url():
    try:
        return reverse("account_email")
    except NoReverseMatch:
        return "/account/email/"


def _column(model, field):
    """What the column holds: each limit is written once, on the model."""
    return model._meta.get_field(field).max_length


class ApplicationForm(forms.Form):
    """The application (kandidatuur) for one procedure. Accepted uploads can come from the session's stash."""

    first_name = NameField(label=_("Voornaam"), max_length=_column(Candidate, "first_name"),
                           error_messages=_required(_("Vul je voornaam in.")))
    last_name = NameField(label=_("Achternaam"), max_length=_column(Candidate, "last_name"),
                          error_messages=_required(_("Vul je achternaam in.")))
    email = forms.EmailField(label=_("E-mailadres"), required=False, disabled=True)
    phone = forms.RegexField(
        label=_("Telefoonnummer"), max_length=_column(Candidate, "phone"),
        regex=rf"^\+?[0-9 ()./-]{{8,{_column(Candidate, 'phone')}}}$", widget=TelInput,
        help_text=_("Bijvoorbeeld 056 27 80 00 of +32 470 12 34 56."),
        error_messages={"required": _("Vul je telefoonnummer in."),
                        "invalid": _("Vul een telefoonnummer in met alleen cijfers, spaties en eventueel een +, "
                                     "bv. 056 27 80 00."),
                        "max_length": TOO_LONG})
    street = LineField(label=_("Straat en huisnummer"), max_length=_column(Candidate, "street"),
                             error_messages=_required(_("Vul je straat en huisnummer in.")))
    postal_code = forms.RegexField(
        label=_("Postcode"), max_length=_column(Candidate, "postal_code"),
        regex=rf"^[A-Za-z0-9 -]{{3,{_column(Candidate, 'postal_code')}}}$",
        error_messages={"required": _("Vul je postcode in."),
                        "invalid": _("Vul een geldige postcode in, bv. 8500."), "max_length": TOO_LONG})
    city = LineField(label=_("Gemeente"), max_length=_column(Candidate, "city"),
                     error_messages=_required(_("Vul je gemeente in.")))
    birth_date = forms.DateField(
        label=_("Geboortedatum"), input_formats=DATE_FORMATS,
        help_text=_("Schrijf de datum als dag/maand/jaar, bv. 17/05/1995."),
        widget=forms.DateInput(format="%d/%m/%Y"),
        error_messages={"required": _("Vul je geboortedatum in."),
                        "invalid": _("Vul je geboortedatum in als dag/maand/jaar, bv. 17/05/1995.")})

    diploma = forms.TypedChoiceField(
        label=_("Je diploma"), coerce=int, empty_value=None,
        help_text=_("Alleen deze diploma’s geven toegang tot de functie."),
        error_messages={"required": _("Kies je diploma uit de lijst."),
                        "invalid_choice": _("Kies een diploma uit de lijst.")})
    diploma_detail = LineField(
        label=_("Naam van je buitenlandse diploma"), max_length=_column(Application, "diploma_detail"), required=False,
        help_text=_("Alleen invullen bij een buitenlands diploma."))
    diploma_file = forms.FileField(
        label=_("Kopie van je diploma"),
        help_text=_("PDF, JPEG of PNG, hoogstens 10 MB."),
        error_messages=_required(_("Voeg een kopie van je diploma toe (PDF, JPEG of PNG, hoogstens 10 MB).")))
    equivalence_file = forms.FileField(
        label=_("Gelijkwaardigheidsattest"), required=False,
        help_text=_("Heb je een buitenlands diploma dat gelijkwaardig verklaard is? Voeg dan het attest van "
                    "gelijkwaardigheid toe. PDF, JPEG of PNG, hoogstens 10 MB."))
    cv_file = forms.FileField(label=_("Je cv"), help_text=_("PDF, hoogstens 10 MB."),
                              error_messages=_required(_("Voeg je cv toe (PDF, hoogstens 10 MB).")))
    motivation = FreeTextField(
        label=_("Waarom wil je deze job doen?"), max_length=6000, widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_required(_("Schrijf in een paar zinnen waarom je deze job wil doen.")))

    years_public_sector = forms.DecimalField(
        label=_("Jaren ervaring in de openbare sector"), localize=True, initial=0, decimal_places=1, max_digits=3,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Alle jaren als werknemer van een overheid. Bv. 2 of 3,5. Geen ervaring? Vul 0 in."),
        error_messages={"required": _("Vul het aantal jaren in. Geen ervaring? Vul 0 in."),
                        "invalid": _("Vul een getal in, bv. 2 of 3,5."),
                        "max_decimal_places": _("Gebruik hoogstens één cijfer na de komma, bv. 3,5."),
                        "max_digits": _("Vul een aantal jaren in tussen 0 en 50."),
                        "max_whole_digits": _("Vul een aantal jaren in tussen 0 en 50.")})
    years_private_sector = forms.DecimalField(
        label=_("Jaren relevante ervaring in de privésector"), localize=True, initial=0, decimal_places=1,
        max_digits=3, widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Alleen ervaring die past bij deze functie. Bewijzen hoeft pas bij een jobaanbod."),
        error_messages={"required": _("Vul het aantal jaren in. Geen ervaring? Vul 0 in."),
                        "invalid": _("Vul een getal in, bv. 2 of 3,5."),
                        "max_decimal_places": _("Gebruik hoogstens één cijfer na de komma, bv. 3,5."),
                        "max_digits": _("Vul een aantal jaren in tussen 0 en 50."),
                        "max_whole_digits": _("Vul een aantal jaren in tussen 0 en 50.")})
    accommodations = FreeTextField(
        label=_("Redelijke aanpassingen voor de gesprekken (optioneel)"), max_length=3000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Heb je door een beperking iets nodig om de gesprekken goed te laten verlopen? Schrijf het "
                    "hier. Alleen het selectieteam leest dit. Het legt vast wat er aangepast wordt; de interviewer "
                    "en de jury lezen alleen die afspraak, jij ziet ze bij je kandidatuur."))
    privacy_acknowledged = forms.BooleanField(
        label=_("Ik heb de privacyverklaring gelezen"),
        error_messages=_required(_("Bevestig dat je de privacyverklaring gelezen hebt.")))

    def __init__(self, *args, procedure, user, stashed=None, oversized=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        self.stashed = stashed or {}
        self.oversized = oversized or {}
        self.use_required_attribute = False  # our error summary explains; browser bubbles do not
        self.documents = {}
        self._set_up_email(user)
        self.fields["diploma"].choices = self._diploma_choices()
        self.fields["cv_file"].required = procedure.cv_required
        if not procedure.cv_required:
            self.fields["cv_file"].label = _("Je cv (optioneel)")
        self.fields["motivation"].required = procedure.motivation_required
        if not procedure.motivation_required:
            self.fields["motivation"].label = _("Waarom wil je deze job doen? (optioneel)")
        for field, entry in self.stashed.items():
            self.mark_stashed(field, entry)
        for field in self.oversized:
            self.fields[field].required = False  # so that clean_<field> says "too large", not "missing"
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"
        for name, purpose in AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = purpose
        for name in ("phone", "postal_code"):
            self.fields[name].widget.attrs.pop("maxlength")  # a browser would cut pasted text without a word

    def _set_up_email(self, user):
        self.fields["email"].initial = user.email
        self.fields["email"].help_text = format_html(
            _("Al onze mails gaan naar het e-mailadres van je account. <a href=\"{}\">Je e-mailadres wijzigen</a>"),
            _account_email_url())

    kept_file_text = _("Je bestand ‘%(name)s’ is bewaard.")

    def mark_stashed(self, field, entry):
        """Say that an accepted file is kept, so the candidate need not choose it again."""
        self.stashed[field] = entry
        self.fields[field].required = False
        self.fields[field].widget.attrs.pop("aria-required", None)
        self.fields[field].help_text = format_html(
            "<strong>{}</strong> {}",
            self.kept_file_text % {"name": entry.original_name},
            _("Kies alleen een ander bestand als je het wil vervangen."))
        # A bound field copies its help text when it is made (after validation it exists already).
        self[field].help_text = self.fields[field].help_text

    @cached_property
    def helper(self):
        """The application form's sections for {% crispy form %}; the page draws the <form> tag and the csrf token."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            Fieldset(_("Over jou"), "first_name", "last_name", "email", "phone", "street", "postal_code", "city",
                     "birth_date"),
            Fieldset(_("Je diploma"), "diploma", "diploma_file", "diploma_detail", "equivalence_file"),
            Fieldset(_("Je cv en je motivatie"), "cv_file", "motivation"),
            Fieldset(_("Je ervaring"),
                     HTML(format_html('<p class="form-text">{}</p>', _(
                         "We gebruiken dit later om je loon te berekenen. Bewijzen hoeft pas bij een jobaanbod."))),
                     "years_public_sector", "years_private_sector"),
            Fieldset(_("Redelijke aanpassingen"), "accommodations"),
            Fieldset(_("Privacy"),
                     HTML(format_html(
                         '<p>{} <a href="{}" target="_blank" rel="noopener">{}</a></p>',
                         _("Lees in de privacyverklaring welke gegevens de stad van je bijhoudt, hoe lang, en wat je "
                           "rechten zijn:"), _privacy_url(), _("privacyverklaring (opent in een nieuw venster)"))),
                     "privacy_acknowledged"),
        )
        return helper

    def _diploma_choices(self):
        groups = {kind: [] for kind in Diploma.Kind.values}
        # Kept for clean_diploma: the choices and the chosen diploma come from one query.
        self._diplomas = {diploma.pk: diploma for diploma in self.procedure.diplomas.all()}
        for diploma in self._diplomas.values():
            groups[diploma.kind].append((diploma.pk, diploma.name))
        titles = {Diploma.Kind.CURRENT: _("Diploma’s"), Diploma.Kind.OLD: _("Oudere diploma’s"),
                  Diploma.Kind.FOREIGN: _("Buitenlands diploma")}
        return [("", _("Kies je diploma"))] + [(titles[kind], choices) for kind, choices in groups.items() if choices]

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("Je geboortedatum kan niet in de toekomst liggen."))
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if age < MIN_AGE or age > MAX_AGE:
            raise forms.ValidationError(
                _("Kijk je geboortedatum na: je moet tussen %(min)s en %(max)s jaar oud zijn.")
                % {"min": MIN_AGE, "max": MAX_AGE})
        return born

    def clean_diploma(self):
        pk = self.cleaned_data["diploma"]
        diploma = self._diplomas.get(pk) if pk is not None else None
        if pk is not None and diploma is None:
            raise forms.ValidationError(self.fields["diploma"].error_messages["invalid_choice"])
        return diploma

    def _clean_upload(self, field):
        if field in self.oversized:
            raise forms.ValidationError(
                _("Het bestand ‘%(name)s’ is te groot. Een bestand mag hoogstens 10 MB zijn; verklein het en kies "
                  "het opnieuw.") % {"name": self.oversized[field]})
        uploaded = self.cleaned_data.get(field)
        if not uploaded:
            return None
        allowed, what = FILE_RULES[field]
        return check_upload(uploaded, allowed_types=allowed, what=what)

    def clean_diploma_file(self):
        return self._clean_upload("diploma_file")

    def clean_equivalence_file(self):
        return self._clean_upload("equivalence_file")

    def clean_cv_file(self):
        return self._clean_upload("cv_file")

    def clean(self):
        cleaned = super().clean()
        for field, kind in KIND_OF_FIELD.items():
            if field in self.errors:
                continue
            upload = cleaned.get(field) or (self.stashed[field].as_checked_upload() if field in self.stashed
                                            else None)
            if upload is not None:
                self.documents[kind] = upload
        problems = application_errors(self.procedure, answers=self.answers(), document_kinds=set(self.documents))
        for field, message in problems.items():
            if field not in self.errors and field in self.fields:
                self.add_error(field, message)
        return cleaned

    def personal_data(self):
        data = self.cleaned_data
        return PersonalData(**{field: data[field] for field in PersonalData.__dataclass_fields__})

    def answers(self):
        data = self.cleaned_data
        return Answers(
            diploma=data.get("diploma"), diploma_detail=data.get("diploma_detail", ""),
            years_public_sector=data.get("years_public_sector"), years_private_sector=data.get("years_private_sector"),
            motivation=data.get("motivation", ""), accommodations=data.get("accommodations", ""),
            privacy_acknowledged=bool(data.get("privacy_acknowledged")),
        )

    def accepted_uploads(self):
        """The new uploads that passed their checks, per field: to stash when the form as a whole has errors."""
        return {field: self.cleaned_data[field] for field in FILE_RULES
                if field not in self.errors and self.cleaned_data.get(field)}


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
        error_messages=_required(_("Kies hoe de kandidatuur binnenkwam: op papier, per e-mail of aan het loket.")))
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


class DocumentUploadForm(forms.Form):
    """A proof the candidate adds or replaces while HR screens the application (candidates.documents)."""

    kind = forms.ChoiceField(
        label=_("Soort document"), widget=forms.RadioSelect,
        choices=[(Document.Kind.DIPLOMA, _("Kopie van je diploma")),
                 (Document.Kind.EQUIVALENCE, _("Gelijkwaardigheidsattest (bij een buitenlands diploma)"))],
        error_messages=_required(_("Kies welk document je toevoegt.")))
    file = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, JPEG of PNG, hoogstens 10 MB."),
        error_messages=_required(_("Kies het bestand dat je wil toevoegen (PDF, JPEG of PNG, hoogstens 10 MB).")))

    def __init__(self, *args, oversized=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.oversized = oversized or {}
        self.use_required_attribute = False
        if "file" in self.oversized:
            self.fields["file"].required = False  # so that clean_file says "too large", not "missing"
        for field in self.fields.values():
            field.widget.attrs["aria-required"] = "true"

    def clean_file(self):
        if "file" in self.oversized:
            raise forms.ValidationError(
                _("Het bestand ‘%(name)s’ is te groot. Een bestand mag hoogstens 10 MB zijn; verklein het en kies "
                  "het opnieuw.") % {"name": self.oversized["file"]})
        uploaded = self.cleaned_data.get("file")
        if not uploaded:
            return None
        kind = self.data.get("kind")
        what = PROOF_KINDS.get(kind, _("je document"))
        return check_upload(uploaded, allowed_types=PROOF_TYPES, what=what)


class ArrangementForm(forms.Form):
    """HR's arrangement per step; the candidate's request stays on HR's page only."""

    intake_arrangement = FreeTextField(
        label=_("Aanpassing voor het kennismakingsinterview"), required=False, max_length=MAX_ARRANGEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text=_("Wat wordt er aangepast, zonder gezondheidsgegevens of diagnose: bv. ‘extra tijd: 10 minuten’ "
                    "of ‘gesprek met tolk Vlaamse Gebarentaal’. De interviewer en de kandidaat lezen dit."))
    jury_arrangement = FreeTextField(
        label=_("Aanpassing voor het jobinterview"), required=False, max_length=MAX_ARRANGEMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text=_("Idem voor het jobinterview: de juryleden en de kandidaat lezen dit. Geldt een aanpassing "
                    "voor beide gesprekken, vul ze dan bij beide in."))
    FIELDS = ("intake_arrangement", "jury_arrangement")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.FIELDS:
            self.fields[name].show_hidden_initial = True  # what the page showed comes back with the save

    def seen(self):
        """The (intake, jury) arrangements the page showed when HR saved: candidates.accommodations refuses the
        save when they changed meanwhile."""
        values = []
        for name in self.FIELDS:
            raw = self.data.get(self.add_initial_prefix(name), "")
            try:
                values.append(self.fields[name].to_python(raw))
            except ValidationError:
                values.append(raw)  # not what any page showed: the comparison refuses it
        return tuple(values)

    @classmethod
    def after_change(cls, data, application):
        """The form again with what HR typed, now showing the arrangements recorded meanwhile."""
        data = data.copy()
        initial = {name: getattr(application, name) for name in cls.FIELDS}
        for name, value in initial.items():
            data[f"initial-{name}"] = value
        form = cls(data, initial=initial)
        form.is_valid()
        return form
