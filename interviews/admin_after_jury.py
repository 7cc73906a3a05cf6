"""HR's back office after the jury: the proposals for the offer, the feedback tasks with their letter, and the
matchgesprekken with reserve candidates. Writes go through interviews.feedback and interviews.matching."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, PoolEntry
from interviews.admin_jury import SCHEDULE_FIELDS, URL_FIELDS, DomainForm, HttpsURLField, with_user
from interviews.feedback import send_feedback_letter
from interviews.jury import JuryRefused
from interviews.jury.rounds import valid_pool
from interviews.matching import record_match, schedule_match
from interviews.models import FeedbackRequest, MatchInterview, VacancyProposal
from kortrijk_ats.admin_access import HRAccessMixin, HRReadOnlyMixin


@admin.register(VacancyProposal)
class VacancyProposalAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("vacancy", "application", "source", "rank", "created_at")
    list_filter = ("source", "vacancy")
    list_select_related = ("vacancy__team", "vacancy__function", "application__candidate",
                           "application__procedure")


class FeedbackLetterForm(forms.ModelForm):
    class Meta:
        model = FeedbackRequest
        fields = ("letter",)
        widgets = {"letter": forms.Textarea(attrs={"rows": 18, "cols": 90})}


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(HRAccessMixin, admin.ModelAdmin):
    """HR's feedback tasks: the deadline, the drafted letter to edit, and ‘send’ (through the outbox)."""

    form = FeedbackLetterForm
    list_display = ("application", "requested_at", "due_on", "overdue", "sent_at")
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    list_select_related = ("application__candidate", "application__procedure")
    readonly_fields = ("application", "requested_at", "due_on", "sent_at", "sent_by")
    ordering = ("sent_at", "due_on")
    change_form_template = "interviews/admin/feedbackrequest_change_form.html"

    def has_add_permission(self, request, *args):
        return False

    @admin.display(description=_("te laat"), boolean=True)
    def overdue(self, feedback):
        return feedback.sent_at is None and feedback.due_on < timezone.localdate()

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "letter") if obj and obj.sent_at else self.readonly_fields

    def response_change(self, request, obj):
        if "_send_letter" in request.POST:
            try:
                send_feedback_letter(obj, letter=obj.letter, by=request.user)
            except JuryRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("De feedbackbrief is verstuurd."))
        return super().response_change(request, obj)


class MatchForm(DomainForm):
    matched = forms.TypedChoiceField(label=_("Resultaat"), required=False, coerce=lambda v: v == "match",
                                     choices=[("", "–"), ("match", _("match")), ("no_match", _("geen match"))],
                                     empty_value=None)

    class Meta:
        model = MatchInterview
        fields = ("vacancy", "application", "starts_at", "ends_at", "location", "meeting_url", "note")
        field_classes = {"meeting_url": HttpsURLField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "application" in self.fields:
            valid = valid_pool(None, PoolEntry.Kind.RESERVE).values("application_id")
            self.fields["application"].queryset = Application.objects.filter(pk__in=valid).select_related(
                "candidate", "procedure")

    def apply(self, data):
        match = self.instance
        if match.pk is None or SCHEDULE_FIELDS & set(self.changed_data):
            match = schedule_match(data.get("vacancy") or match.vacancy, data.get("application") or match.application,
                                   starts_at=data.get("starts_at"), ends_at=data.get("ends_at"),
                                   location=data.get("location"), meeting_url=data.get("meeting_url"), by=self.user)
        if data.get("matched") is not None:
            match = record_match(match, matched=data["matched"], note=data.get("note"), by=self.user)
        return match


@admin.register(MatchInterview)
class MatchInterviewAdmin(HRAccessMixin, admin.ModelAdmin):
    """Matchgesprekken with reserve candidates: plan (mail with calendar invitation), then match or no match."""

    form = MatchForm
    formfield_overrides = URL_FIELDS
    list_display = ("application", "vacancy", "starts_at", "result")
    list_filter = ("result", "vacancy")
    list_select_related = ("application__candidate", "vacancy__team", "vacancy__function")
    readonly_fields = ("result", "recorded_by", "recorded_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return (*self.readonly_fields, "vacancy", "application")
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        return {k: request.GET.get(k) for k in ("vacancy", "application") if request.GET.get(k)}

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, **kwargs):
        return with_user(super().get_form(request, obj, **kwargs), request)

    def save_model(self, request, obj, form, change):
        pass  # the form's clean() wrote through schedule_match / record_match

    def save_related(self, request, form, formsets, change):
        pass
