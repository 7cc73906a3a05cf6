"""The candidate's application form: it parses and explains; the rules for the answers live in candidates.answers,
who may apply in candidates.eligibility. HR's version of it is candidates.forms.take_in."""

from functools import cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from candidates.answers import DOCUMENT_FIELDS, Answers, PersonalData, application_errors
from candidates.models import Application, Candidate
from candidates.uploads import CV_TYPES, PROOF_TYPES, check_upload
from kortrijk_ats.typed_text import TOO_LONG, FreeTextField, LineField, NameField
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


def _years_field(label, help_text):
    """Years of experience, as a candidate types them (0, 2 or 3,5); the range is checked in candidates.answers."""
    return forms.DecimalField(
        label=label, help_text=help_text, localize=True, initial=0, decimal_places=1, max_digits=3,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"required": _("Vul het aantal jaren in. Geen ervaring? Vul 0 in."),
                        "invalid": _("Vul een getal in, bv. 2 of 3,5."),
                        "max_decimal_places": _("Gebruik hoogstens één cijfer na de komma, bv. 3,5."),
                        "max_digits": _("Vul een aantal jaren in tussen 0 en 50."),
                        "max_whole_digits": _("Vul een aantal jaren in tussen 0 en 50.")})


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

    years_public_sector = _years_field(
        _("Jaren ervaring in de openbare sector"),
        _("Alle jaren als werknemer van een overheid. Bv. 2 of 3,5. Geen ervaring? Vul 0 in."))
    years_private_sector = _years_field(
        _("Jaren relevante ervaring in de privésector"),
        _("Alleen ervaring die past bij deze functie. Bewijzen hoeft pas bij een jobaanbod."))
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
