"""HR's back office for the intake: slots (generate, close, add), bookings, interviewers' links, who is waiting."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from interviews.intake.assessment import session_report
from interviews.intake.booking import BookingRefused, cancel_booking
from interviews.intake.capacity import waiting_for_slot
from interviews.intake.meeting_links import MeetingLinkError, provide_links
from interviews.intake.slots import SlotPlanError, close_slots, generate_slots, parse_breaks, reopen_slots
from interviews.models import (
    IntakeAssessment,
    IntakeBooking,
    IntakePolicy,
    IntakeSlot,
    SessionInterviewer,
    WaitingForSlot,
)
from kortrijk_ats.admin_access import HRAccessMixin, HRChangeOnlyMixin, HRReadOnlyMixin
from kortrijk_ats.typed_text import LineField
from procedures.models import IntakeSession, Procedure


class GenerateSlotsForm(forms.Form):
    session = forms.ModelChoiceField(IntakeSession.objects.select_related("procedure"), label=_("Intakemoment"))
    interviewers = forms.ModelMultipleChoiceField(
        get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username"),
        label=_("Aanwezige interviewers"), help_text=_("Eén plaats per moment per interviewer."),
    )
    length = forms.IntegerField(label=_("Duur van een gesprek (minuten)"), min_value=5, max_value=240, initial=20)
    breaks = LineField(label=_("Pauzes"), required=False, max_length=500, help_text=_("bv. 10:20-10:40, 12:00-13:00"))

    def clean_breaks(self):
        try:
            return parse_breaks(self.cleaned_data["breaks"] or "")
        except SlotPlanError as error:
            raise forms.ValidationError(str(error)) from None


# Links typed without a scheme are read as https (and Django 6 will do the same).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class BookingInline(HRReadOnlyMixin, admin.TabularInline):
    model = IntakeBooking
    fields = ("application", "interviewer", "meeting_url", "created_at", "cancelled_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(IntakeSlot)
class IntakeSlotAdmin(HRAccessMixin, admin.ModelAdmin):
    fields = ("session", "starts_at", "ends_at", "seats", "booked_count", "interviewers", "meeting_url", "is_closed")
    formfield_overrides = URL_FIELDS
    list_display = ("starts_at", "session", "seats", "booked_count", "seats_left", "is_closed")
    list_filter = ("session__procedure", "session", "is_closed")
    list_select_related = ("session",)
    readonly_fields = ("booked_count",)
    filter_horizontal = ("interviewers",)
    inlines = [BookingInline]
    actions = ["close_selected", "reopen_selected"]
    date_hierarchy = "starts_at"
    change_list_template = "interviews/admin/intakeslot_change_list.html"

    @admin.display(description=_("vrij"))
    def seats_left(self, slot):
        return slot.seats_left

    def save_model(self, request, obj, form, change):
        if change:
            # booked_count belongs to the booking functions: never write back the value the form loaded.
            fields = [f.name for f in obj._meta.concrete_fields if f.name not in ("id", "booked_count")]
            obj.save(update_fields=fields)
        else:
            obj.save()

    @admin.action(description=_("Sluit de geselecteerde momenten voor nieuwe boekingen"))
    def close_selected(self, request, queryset):
        count = close_slots(queryset)
        self.message_user(request, _("%(n)s moment(en) gesloten. Bestaande boekingen blijven staan.") % {"n": count})

    @admin.action(description=_("Heropen de geselecteerde momenten"))
    def reopen_selected(self, request, queryset):
        count = reopen_slots(queryset)
        self.message_user(request, _("%(n)s moment(en) heropend.") % {"n": count})

    def get_urls(self):
        return [path("genereer/", self.admin_site.admin_view(self.generate_view), name="interviews_generate_slots"),
                path("overzicht/", self.admin_site.admin_view(self.report_view), name="interviews_session_report"),
                *super().get_urls()]

    def report_view(self, request):
        """Per intake session of a procedure: booked, held, passed, failed, no-shows."""
        if not self.has_view_permission(request):
            return redirect("admin:index")
        procedures = Procedure.objects.filter(intake_sessions__isnull=False).distinct().order_by("-created_at")
        chosen = procedures.filter(pk=request.GET.get("procedure") or 0).first() or procedures.first()
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Overzicht per intakemoment"), "procedures": procedures, "chosen": chosen,
                   "sessions": session_report(chosen) if chosen else []}
        return TemplateResponse(request, "interviews/admin/session_report.html", context)

    def generate_view(self, request):
        """Generate the slots of a session: a thin form over slots.generate_slots()."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = GenerateSlotsForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = generate_slots(data["session"], interviewers=data["interviewers"],
                                        length=timedelta(minutes=data["length"]), breaks=data["breaks"])
                provide_links(data["session"])
            except (SlotPlanError, MeetingLinkError) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("%(c)s moment(en) aangemaakt, %(e)s bestonden al.")
                                 % {"c": len(result.created), "e": len(result.existing)})
                return redirect(reverse("admin:interviews_intakeslot_changelist") + f"?session__id__exact="
                                f"{data['session'].pk}")
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": _("Momenten genereren")}
        return TemplateResponse(request, "interviews/admin/generate_slots.html", context)


@admin.register(IntakeBooking)
class IntakeBookingAdmin(HRChangeOnlyMixin, admin.ModelAdmin):
    list_display = ("slot", "application", "interviewer", "created_at", "cancelled_at")
    list_filter = ("slot__session__procedure", "slot__session", ("cancelled_at", admin.EmptyFieldListFilter))
    list_select_related = ("slot", "application__candidate", "application__procedure", "interviewer")
    search_fields = ("application__candidate__last_name", "application__candidate__email")
    readonly_fields = ("uid", "slot", "application", "interviewer", "meeting_url", "sequence", "created_at",
                       "moved_at", "cancelled_at", "cancelled_by")
    actions = ["cancel_selected"]

    @admin.action(description=_("Annuleer de geselecteerde boekingen (de kandidaat krijgt een mail)"))
    def cancel_selected(self, request, queryset):
        cancelled = 0
        for booking in queryset.filter(cancelled_at__isnull=True):
            try:
                cancel_booking(booking, by=request.user)
            except BookingRefused as refusal:
                messages.error(request, f"{booking}: {refusal}")
            else:
                cancelled += 1
        self.message_user(request, _("%(n)s boeking(en) geannuleerd.") % {"n": cancelled})


@admin.register(SessionInterviewer)
class SessionInterviewerAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("session", "interviewer", "meeting_url")
    list_filter = ("session__procedure", "session")
    list_select_related = ("session", "interviewer")
    list_editable = ("meeting_url",)
    formfield_overrides = URL_FIELDS


@admin.register(IntakePolicy)
class IntakePolicyAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("procedure", "change_cutoff_hours", "unbooked_reminder_days", "no_show_policy")


@admin.register(WaitingForSlot)
class WaitingForSlotAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    """Who is invited but holds no booking: HR's list when the slots run out."""

    list_display = ("candidate", "candidate_email", "procedure", "stage_changed_at")
    list_filter = ("procedure",)
    list_select_related = ("candidate", "procedure")
    search_fields = ("candidate__last_name", "candidate__email")
    ordering = ("stage_changed_at",)

    def get_queryset(self, request):
        return waiting_for_slot(super().get_queryset(request))

    @admin.display(description=_("e-mail"))
    def candidate_email(self, application):
        return application.candidate.email


@admin.register(IntakeAssessment)
class IntakeAssessmentAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    """Assessments are written by the interviewer's form through decide_intake(); HR reads them here."""

    list_display = ("booking", "verdict", "assessed_by", "assessed_at")
    list_filter = ("verdict", "booking__slot__session__procedure", "booking__slot__session")
    list_select_related = ("booking__slot", "booking__application__candidate", "booking__application__procedure",
                           "assessed_by")
