"""Back office: "Nieuwe ronde" on a procedure (a button on its page and an action in the list). HR gives the new
title, web address and application dates, checks the proposed intake moments, and procedures.rounds makes the new
round; every refusal comes back on the form in Dutch with nothing made."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kortrijk_ats.typed_text import LineField
from procedures.application_period import RUNS_EVERY
from procedures.models import Procedure
from procedures.rounds import (
    MAX_INTAKE_MOMENTS,
    IntakeMoment,
    NewRoundRefused,
    proposed_intake_moments,
    start_new_round,
)

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_INVALID = gettext_lazy("Geef een geldige datum, bv. 15/01/2027.")
TIME_INVALID = gettext_lazy("Geef een geldig uur, bv. 09:00.")


def _date_field(label, **kwargs):
    # Nothing is required here: start_new_round owns the rules and names what is missing.
    return forms.DateField(label=label, required=False, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages={"invalid": DATE_INVALID}, **kwargs)


def _time_field(label):
    return forms.TimeField(label=label, required=False, widget=forms.TimeInput(attrs={"type": "time"},
                                                                                 format="%H:%M"),
                           error_messages={"invalid": TIME_INVALID})


class NewRoundForm(forms.Form):
    # No max_length (a browser's maxlength cuts pasted text silently): start_new_round names the limits.
    title = LineField(label=gettext_lazy("Titel"), required=False, max_length=None,
                      widget=forms.TextInput(attrs={"size": 70}))
    slug = LineField(max_length=None,
        label=gettext_lazy("Webadres (slug)"), required=False, widget=forms.TextInput(attrs={"size": 50}),
        help_text=gettext_lazy("Het laatste deel van het adres van de vacaturepagina, bv. maatschappelijk-werker-2027. "
                               "Het adres van de vorige ronde blijft van de vorige ronde."))
    applications_open_from = _date_field(
        gettext_lazy("Kandidaturen vanaf"),
        help_text=gettext_lazy("De nieuwe ronde blijft in voorbereiding en gaat op deze dag vanzelf open; vandaag of "
                               "later."))
    applications_close_on = _date_field(
        gettext_lazy("Kandidaturen tot en met"),
        help_text=gettext_lazy("De laatste dag om te solliciteren; vandaag of later."))


class IntakeMomentForm(forms.Form):
    date = _date_field(gettext_lazy("Datum"))
    starts_at = _time_field(gettext_lazy("Van"))
    ends_at = _time_field(gettext_lazy("Tot"))
    label = LineField(label=gettext_lazy("Omschrijving"), required=False, max_length=None)

    def clean(self):
        cleaned = super().clean()
        filled = any(cleaned.get(name) for name in ("starts_at", "ends_at", "label"))
        if filled and cleaned.get("date") is None and not self.has_error("date") and not cleaned.get("DELETE"):
            self.add_error("date", _("Vul de datum in, of vink ‘Niet aanmaken’ aan."))
        return cleaned

    def moment(self):
        """The intake moment this row asks for, or None (an empty row, or one HR ticked ‘Niet aanmaken’)."""
        data = self.cleaned_data
        if data.get("DELETE") or data.get("date") is None:
            return None
        return IntakeMoment(date=data["date"], label=data.get("label") or "", starts_at=data.get("starts_at"),
                            ends_at=data.get("ends_at"))


class BaseIntakeMomentFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Niet aanmaken")

    def moments(self):
        return [moment for form in self.forms if (moment := form.moment()) is not None]


IntakeMomentFormSet = forms.formset_factory(
    IntakeMomentForm, formset=BaseIntakeMomentFormSet, extra=3, can_delete=True, max_num=MAX_INTAKE_MOMENTS,
    absolute_max=MAX_INTAKE_MOMENTS, validate_max=True)


class NewRoundAdminMixin:
    """For ProcedureAdmin: the page that starts a new round, its button (procedure_change_form.html) and the list
    action that leads to it."""

    def get_urls(self):
        return [path("<path:object_id>/nieuwe-ronde/", self.admin_site.admin_view(self.new_round_view),
                     name="procedures_procedure_new_round"), *super().get_urls()]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_add_permission(request):
            actions["start_new_round_action"] = self.get_action(NewRoundAdminMixin.start_new_round_action)
        return actions

    @admin.action(description=gettext_lazy("Nieuwe ronde starten van de gekozen procedure"))
    def start_new_round_action(self, request, queryset):
        chosen = list(queryset.values_list("pk", flat=True)[:2])
        if len(chosen) != 1:
            self.message_user(request, _("Kies precies één procedure om er een nieuwe ronde van te starten."),
                              messages.ERROR)
            return None
        return redirect("admin:procedures_procedure_new_round", chosen[0])

    def new_round_view(self, request, object_id):
        procedure = get_object_or_404(Procedure.objects.select_related("function"), pk=object_id)
        if not (self.has_add_permission(request) and self.has_view_permission(request, procedure)):
            raise PermissionDenied
        today = timezone.localdate()
        intake_errors = []
        if request.method == "POST":
            form = NewRoundForm(request.POST)
            moments = IntakeMomentFormSet(request.POST, prefix="intake")
            if form.is_valid() and moments.is_valid():
                try:
                    new = start_new_round(procedure, **form.cleaned_data, intake_moments=moments.moments(),
                                          by=request.user, today=today)
                except NewRoundRefused as refusal:
                    intake_errors = _show_refusal(refusal, form)
                else:
                    self.message_user(request, created_text(new, today=today), messages.SUCCESS)
                    return redirect("admin:procedures_procedure_change", new.pk)
        else:
            form = NewRoundForm(initial={"title": procedure.title})
            moments = IntakeMomentFormSet(prefix="intake", initial=[
                {"date": m.date, "starts_at": m.starts_at, "ends_at": m.ends_at, "label": m.label}
                for m in proposed_intake_moments(procedure, today=today)])
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "original": procedure,
            "title": _("Nieuwe ronde van ‘%(title)s’") % {"title": procedure.title},
            "form": form, "moments": moments, "intake_errors": intake_errors,
            "has_errors": bool(form.errors or moments.total_error_count() or intake_errors),
            "copied": _what_is_copied(procedure),
            "change_url": reverse("admin:procedures_procedure_change", args=[procedure.pk]),
        }
        return TemplateResponse(request, "procedures/admin/new_round.html", context)


def created_text(new, *, today):
    """What will happen to the new round: it stays a draft until the job opens it on its first day (never before
    today: start_new_round refuses a past one)."""
    values = {"title": new.title, "minutes": int(RUNS_EVERY.total_seconds() // 60),
              "first": date_format(new.applications_open_from, "d/m/Y"),
              "last": date_format(new.applications_close_on, "d/m/Y")}
    if new.applications_open_from <= today:
        opens = _("Ze gaat vandaag vanzelf open voor kandidaturen (binnen %(minutes)d minuten) en neemt kandidaturen "
                  "aan tot en met %(last)s. Controleer de teksten nu; wil je ze later openen, verschuif dan de eerste "
                  "dag.") % values
    else:
        opens = _("Ze gaat vanzelf open voor kandidaturen op %(first)s, kort na middernacht (binnen %(minutes)d "
                  "minuten), en neemt kandidaturen aan tot en met %(last)s. Controleer de teksten voor die dag; wil "
                  "je ze later openen, verschuif dan de eerste dag.") % values
    return " ".join((_("Nieuwe ronde ‘%(title)s’ aangemaakt, in voorbereiding en nog niet publiek.") % values, opens,
                     _("De vorige ronde is niet gewijzigd.")))


def _show_refusal(refusal, form):
    """Put each refusal on its field; returns the messages about the intake moments, shown above their table."""
    for field, message in refusal.errors.items():
        if field != "intake_moments":
            form.add_error(field if field in form.fields else None, message)
    return refusal.errors.get("intake_moments", [])


def _what_is_copied(procedure):
    """What the page tells HR before anything is made: counts of what is copied and of what stays shared."""
    return {
        "steps": procedure.steps.count(),
        "diplomas": procedure.diplomas.count(),
        "competencies": procedure.function.competencies.count(),
    }
