"""The public salary estimate's form: declared experience and regime in, a simulation (or a Dutch error) out; not
offered at all while the function's pay data is not complete (`available`)."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from pay.estimate import estimate_available, load_pay_data, simulate_declared
from pay.simulation import InvalidSalaryInput, MissingPayData, check_regime, check_years

YEARS_INVALID = _("Geef een geheel aantal jaren, bv. 3.")
FIELDS = ("public_years", "private_years", "regime")


class RegimeField(forms.Field):
    """A fraction of full time as people type it: 1, 0,8, 0.8 or 80 %. The range is the simulation's rule."""

    default_error_messages = {"invalid": _("Geef het werkregime als getal, bv. 1 voor voltijds of 0,8 voor 4/5.")}
    max_length = 12

    def to_python(self, value):
        text = str(value or "").strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        if len(text) > self.max_length:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        percent = text.endswith("%")
        try:
            number = Decimal(text.rstrip("%").replace(",", "."))
        except InvalidOperation as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number / 100 if percent else number


def years_field(label, help_text):
    return forms.IntegerField(
        label=label, help_text=help_text, required=False, initial=0,
        error_messages={"invalid": YEARS_INVALID},
        # Text, not type=number: a browser empties a number field it cannot parse, which would silently mean 0.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )


class SalaryEstimateForm(forms.Form):
    """GET form: it changes nothing, so a link to an estimate can be shared and bookmarked."""

    public_years = years_field(
        _("Jaren ervaring in de openbare sector"),
        _("Volledige jaren bij een overheid (stad, gemeente, OCMW, Vlaamse of federale overheid …). Ze tellen "
          "allemaal mee."))
    private_years = years_field(_("Jaren relevante ervaring in de privésector"), "")
    regime = RegimeField(
        label=_("Werkregime"), required=False, initial="1",
        help_text=_("Deel van een voltijdse job: 1 voor voltijds, 0,8 voor 4/5, 0,5 voor halftijds."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 6}))

    def __init__(self, *args, function, on, **kwargs):
        super().__init__(*args, **kwargs)
        self.function = function
        self.on = on
        self.pay_data = load_pay_data(function)
        # Without official (or demo) scales and a career there is nothing to estimate: the page links to the city's
        # published scales instead. What is missing is a note for HR, never shown here.
        self.available = estimate_available(self.pay_data, on=on)
        self.fields["private_years"].help_text = _(
            "Volledige jaren relevante ervaring buiten de overheid. Er tellen er maximaal %(cap)d mee.") % {
            "cap": function.private_seniority_cap_years}

    # Each field is checked by the simulation's own rule, so every wrong field is reported at once.
    def clean_public_years(self):
        return self._check(check_years, "public_years", field="public_years")

    def clean_private_years(self):
        return self._check(check_years, "private_years", field="private_years")

    def clean_regime(self):
        return self._check(check_regime, "regime")

    def _check(self, rule, name, **kwargs):
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        try:
            return rule(value, **kwargs)
        except InvalidSalaryInput as error:
            raise forms.ValidationError(error.message) from error

    def simulate(self):
        """The simulation for the entered (or, on a first visit, the default) values; None with errors added, or
        when the estimate is not available."""
        if not self.available:
            return None
        if self.is_bound:
            if not self.is_valid():
                return None
            values = self.cleaned_data
        else:
            values = {name: None for name in FIELDS}
        try:
            return simulate_declared(
                self.pay_data, function=self.function, on=self.on,
                public_years=values["public_years"] if values["public_years"] is not None else 0,
                private_years=values["private_years"] if values["private_years"] is not None else 0,
                regime=values["regime"] if values["regime"] is not None else Decimal(1),
            )
        except InvalidSalaryInput as error:
            self.add_error(error.field if error.field in FIELDS else None, error.message)
        except MissingPayData:
            self.available = False
        return None
