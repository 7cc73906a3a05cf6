"""A candidate's proof, added or replaced after applying, while HR screens the application."""

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.documents import PROOF_KINDS
from candidates.models import Document
from candidates.uploads import PROOF_TYPES, check_upload


class DocumentUploadForm(forms.Form):
    """A proof the candidate adds or replaces while HR screens the application (candidates.documents)."""

    kind = forms.ChoiceField(
        label=_("Soort document"), widget=forms.RadioSelect,
        choices=[(Document.Kind.DIPLOMA, _("Kopie van je diploma")),
                 (Document.Kind.EQUIVALENCE, _("Gelijkwaardigheidsattest (bij een buitenlands diploma)"))],
        error_messages={"required": _("Kies welk document je toevoegt.")})
    file = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, JPEG of PNG, hoogstens 10 MB."),
        error_messages={"required": _("Kies het bestand dat je wil toevoegen (PDF, JPEG of PNG, hoogstens 10 MB).")})

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
