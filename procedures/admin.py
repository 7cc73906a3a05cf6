"""Back office for what is recruited for: functions with their function descriptions, procedures with their diplomas,
intake days and the steps of the vacancy page, teams, competencies with their behavioural indicators."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.admin_access import HRAccessMixin
from procedures.admin_new_round import NewRoundAdminMixin
from procedures.models import (
    DAY_WITHOUT_HOURS_TWICE,
    BehaviouralIndicator,
    Competency,
    Diploma,
    Function,
    FunctionDescription,
    IntakeSession,
    Procedure,
    ProcedureStep,
    Team,
    intake_moment_key,
)
from procedures.settings_check import missing_function_settings, missing_settings

# Long texts in table rows stay readable without taking the whole screen.
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}


class CompetencyInline(HRAccessMixin, admin.TabularInline):
    model = Competency
    fields = ("position", "name", "definition")
    formfield_overrides = COMPACT_TEXT
    extra = 0
    show_change_link = True  # the indicators are edited on the competency's own page


class FunctionDescriptionFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Er is maar één functiebeschrijving per soort team.")


class FunctionDescriptionInline(HRAccessMixin, admin.StackedInline):
    model = FunctionDescription
    formset = FunctionDescriptionFormSet
    fields = ("variant", "formal_title", "directorate", "team_name", "salary_scale", "reports_to", "purpose",
              "responsibilities")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 8, "cols": 90})}}
    extra = 0
    max_num = len(Team.Kind)


@admin.register(Function)
class FunctionAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("name", "grade", "ban_months", "waitlist_months", "reserve_months")
    search_fields = ("name",)
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "grade")}),
        (_("Regels"), {"fields": ("ban_months", "waitlist_months", "reserve_months",
                                   "private_seniority_cap_years", "feedback_request_months",
                                   "criminal_record_max_age_months")}),
        (_("Intern"), {"fields": ("internal_note",)}),
    )
    inlines = (FunctionDescriptionInline, CompetencyInline)
    change_form_template = "admin/procedures/change_form_with_missing_settings.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        function = self.get_object(request, object_id)
        extra = {**(extra_context or {}),
                 "missing_settings": missing_function_settings(function) if function is not None else []}
        return super().change_view(request, object_id, form_url, extra_context=extra)


class DiplomaFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Elk diploma staat maar één keer in de lijst van de procedure.")


class DiplomaInline(HRAccessMixin, admin.TabularInline):
    model = Diploma
    formset = DiplomaFormSet
    fields = ("position", "name", "kind", "short_label")
    extra = 0


class IntakeSessionForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        # Said here in plain Dutch; the database constraint stays as the backstop.
        if (starts_at is None) != (ends_at is None) and not self.has_error("starts_at") \
                and not self.has_error("ends_at"):
            self.add_error("ends_at" if ends_at is None else "starts_at",
                           _("Vul het begin- en het einduur in, of laat ze allebei leeg."))
        elif starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("Het einduur moet later zijn dan het beginuur."))
        return cleaned


class IntakeSessionFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Er is al een intakemoment op die dag en dat beginuur.")

    def clean(self):
        # One moment without hours per day and label (the database's partial constraint), said in Dutch: Django's
        # own unique check skips rows with an empty hour, and another request may have saved one since.
        super().clean()
        if any(self.errors):
            return
        moments = [intake_moment_key(form.cleaned_data["date"], None, form.cleaned_data.get("label", ""))
                   for form in self.forms
                   if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("date")
                   and form.cleaned_data.get("starts_at") is None]
        saved = set()
        if self.instance.pk and moments:
            saved = {intake_moment_key(session.date, None, session.label) for session in IntakeSession.objects
                     .filter(procedure=self.instance, starts_at__isnull=True, date__in=[day for day, _ in moments])
                     .exclude(pk__in=[form.instance.pk for form in self.forms if form.instance.pk])}
        if saved & set(moments) or len(moments) != len(set(moments)):
            raise forms.ValidationError(DAY_WITHOUT_HOURS_TWICE)


class IntakeSessionInline(HRAccessMixin, admin.TabularInline):
    model = IntakeSession
    form = IntakeSessionForm
    formset = IntakeSessionFormSet
    fields = ("date", "starts_at", "ends_at", "label", "meeting_url")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0


class ProcedureStepFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Elke stap heeft een eigen volgnummer.")


class ProcedureStepInline(HRAccessMixin, admin.StackedInline):
    model = ProcedureStep
    formset = ProcedureStepFormSet
    fields = ("position", "title", "part_of_previous", "text", "shows_intake_sessions", "text_after_intake_sessions")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 90})}}
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(NewRoundAdminMixin, HRAccessMixin, admin.ModelAdmin):
    list_display = ("title", "function", "status", "applications_open_from", "applications_close_on",
                    "application_count")
    list_filter = ("status", "function")
    list_select_related = ("function",)
    search_fields = ("title", "function__name")
    ordering = ("-created_at",)
    prepopulated_fields = {"slug": ("title",)}
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 6, "cols": 90})}}
    fieldsets = (
        (None, {"fields": ("function", "title", "slug", "status", "closed_on", "applications_open_from",
                           "applications_close_on", "contract_type", "place")}),
        (_("Vacaturepagina"), {"fields": ("intro", "responsibilities", "workplace", "offer", "conditions",
                                          "procedure_steps", "employer", "employer_vision", "employer_values",
                                          "faq")}),
        (_("Contact"), {"fields": ("contact_name", "contact_email", "contact_phone")}),
        (_("Kandidatuurformulier"), {"fields": ("motivation_required", "cv_required")}),
        (_("Intern"), {"fields": ("internal_note",)}),
    )
    readonly_fields = ("closed_on",)
    inlines = (DiplomaInline, IntakeSessionInline, ProcedureStepInline)
    # The "nog in te vullen" box and the "Nieuwe ronde" button (NewRoundAdminMixin).
    change_form_template = "admin/procedures/procedure_change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        procedure = self.get_object(request, object_id)
        extra = {**(extra_context or {}),
                 "missing_settings": missing_settings(procedure) if procedure is not None else []}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(application_count=Count("applications"))

    @admin.display(description=_("kandidaturen"), ordering="application_count")
    def application_count(self, obj):
        return obj.application_count


@admin.register(Team)
class TeamAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "description", "internal_note")
    ordering = ("kind", "name")
    fieldsets = (
        (None, {"fields": ("name", "kind", "active", "description")}),
        (_("Intern"), {"fields": ("internal_note",)}),
    )


class BehaviouralIndicatorInline(HRAccessMixin, admin.TabularInline):
    model = BehaviouralIndicator
    fields = ("position", "text")
    formfield_overrides = COMPACT_TEXT
    extra = 0


@admin.register(Competency)
class CompetencyAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("name", "function", "position", "indicator_count")
    list_filter = ("function",)
    list_select_related = ("function",)
    search_fields = ("name", "definition")
    ordering = ("function", "position", "id")
    inlines = (BehaviouralIndicatorInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(indicator_count=Count("indicators"))

    @admin.display(description=_("gedragsindicatoren"), ordering="indicator_count")
    def indicator_count(self, obj):
        return obj.indicator_count
