"""HR's form for the arrangements per interview (candidates.accommodations)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from candidates.accommodations import MAX_ARRANGEMENT_LENGTH
from kortrijk_ats.typed_text import FreeTextField


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
