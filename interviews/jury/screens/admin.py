"""HR's back office for the jury step: vacancies (with the reserve and the waitlist), jury rounds and their
composition, each candidate's interview and questionnaire, the questionnaires. Every write goes through
interviews.jury; the admin only parses and reports. What follows the jury is in admin_after_jury."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from candidates.forms.account import EMAIL_MAX_LENGTH, EMAIL_TOO_LONG
from interviews.jury import JuryRefused
from interviews.jury.questionnaire import record_external_result
from interviews.jury.rounds import (
    MAX_REASON_LENGTH,
    ReserveWaiting,
    add_juror,
    cancel_round,
    invite_external_juror,
    invite_waitlist,
    mark_absent,
    remove_juror,
    reserve_without_match,
    start_jury_round,
)
from interviews.jury.scheduling import schedule_interview
from interviews.jury.screens.forms import SCHEDULE_FIELDS, URL_FIELDS, DomainForm, HttpsURLField, with_user
from interviews.models import (
    ConflictDeclaration,
    JuryCandidate,
    JuryMember,
    JuryRound,
    Questionnaire,
    QuestionnaireItem,
)
from kortrijk_ats.admin_access import HRAccessMixin, HRChangeOnlyMixin, HRReadOnlyMixin
from kortrijk_ats.input_limits import limit_length
from kortrijk_ats.typed_text import FreeTextField, LineField, NameField
from procedures.models import Vacancy

ROUND_SETTINGS = ("scale_min", "scale_max", "pass_part_percent", "pass_total_percent", "work_case", "case_title",
                  "case_document", "case_days_before", "questionnaire")


def _admin_context(admin_obj, request, title, **extra):
    return {**admin_obj.admin_site.each_context(request), "opts": admin_obj.model._meta, "title": title, **extra}


# --- Vacancies -------------------------------------------------------------------------------------------------


class RoundSettingsForm(forms.ModelForm):
    reserve_bypass_reason = FreeTextField(
        label=_("Reden om nu te starten, voor de wervingsreserve"), required=False, max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text=_("Bv. waarom een matchgesprek niet kan of niet zinvol is. De reden komt in het dossier van de "
                    "juryronde en in het PV; schrijf geen gezondheidsgegevens."))

    class Meta:
        model = JuryRound
        fields = ROUND_SETTINGS

    def __init__(self, *args, ask_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_reason:  # asked only while valid reserve candidates wait without a matchgesprek
            del self.fields["reserve_bypass_reason"]


@admin.register(Vacancy)
class VacancyAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("function", "team", "start_date", "hours_per_week", "workplace", "status")
    list_filter = ("status", "function", "team")
    list_select_related = ("function", "team")
    fields = ("function", "team", "start_date", "hours_per_week", "workplace", "description", "status",
              "internal_note")
    change_form_template = "interviews/admin/vacancy_change_form.html"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from interviews.jury.rounds import vacancy_pools

        vacancy = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if vacancy is not None:
            extra.update(vacancy_pools(vacancy))
            extra["rounds"] = vacancy.jury_rounds.order_by("-created_at")
            extra["proposals"] = vacancy.proposals.select_related("application__candidate")
            extra["matches"] = {m.application_id: m for m in vacancy.match_interviews.all()}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def get_urls(self):
        return [path("<int:pk>/juryronde/", self.admin_site.admin_view(self.start_round_view),
                     name="procedures_vacancy_start_round"),
                *super().get_urls()]

    def start_round_view(self, request, pk):
        """Open a jury round: the round's rules, then every valid waitlist candidate is invited."""
        vacancy = get_object_or_404(Vacancy.objects.select_related("function", "team"), pk=pk)
        if not self.has_change_permission(request, vacancy):
            return redirect("admin:index")
        waiting = list(reserve_without_match(vacancy))
        form = RoundSettingsForm(request.POST or None, request.FILES or None, ask_reason=bool(waiting))
        refusal_text = ""
        if request.method == "POST" and form.is_valid():
            try:
                jury_round = start_jury_round(vacancy, by=request.user, **form.cleaned_data)
            except ReserveWaiting as refusal:  # no reason given, or the reserve changed since the page was shown
                refusal_text = str(refusal)
                waiting = list(reserve_without_match(vacancy))
                form = RoundSettingsForm(request.POST, request.FILES, ask_reason=True)
                form.is_valid()
                form.add_error("reserve_bypass_reason", _("Geef de reden, of plan eerst de matchgesprekken."))
            except (JuryRefused, ValidationError) as refusal:
                messages.error(request, "; ".join(getattr(refusal, "messages", [str(refusal)])))
            else:
                messages.success(request, _("Juryronde gestart: %(n)s kandidaat/kandidaten van de wachtlijst "
                                            "uitgenodigd.") % {"n": jury_round.candidates.count()})
                return redirect(reverse("admin:interviews_juryround_change", args=[jury_round.pk]))
        return TemplateResponse(request, "interviews/admin/start_round.html", _admin_context(
            self, request, _("Juryronde starten"), form=form, vacancy=vacancy, reserve_waiting=waiting,
            refusal_text=refusal_text, case_dropped=bool(refusal_text and request.FILES.get("case_document"))))


# --- Jury rounds ---------------------------------------------------------------------------------------------


class MemberInline(HRAccessMixin, admin.TabularInline):
    model = JuryMember
    fields = ("role", "user", "invited_at", "pv_approved_at", "active_until")
    readonly_fields = ("invited_at", "pv_approved_at", "active_until")
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return False  # a seat is added (with its invitation mail) or removed, never rewritten

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class SeatForm(formset.form):
            def hand_clean_DELETE(self):
                pass  # remove_juror decides in save_formset, with its Dutch reason, instead of the PROTECT list

        formset.form = SeatForm
        return formset


class CandidateInline(HRReadOnlyMixin, admin.TabularInline):
    model = JuryCandidate
    fields = ("position", "application", "starts_at", "location", "decision", "rank")
    readonly_fields = fields
    extra = 0
    show_change_link = True


class DeclarationInline(HRReadOnlyMixin, admin.TabularInline):
    model = ConflictDeclaration
    fk_name = "member"
    fields = ("jury_candidate", "has_conflict", "note", "declared_at")
    readonly_fields = fields
    extra = 0


class CancelRoundForm(forms.Form):
    reason = FreeTextField(label=_("Reden (de kandidaten lezen ze in hun mail)"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3, "cols": 70}))


class ExternalJurorForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    first_name = NameField(label=_("Voornaam"), max_length=get_user_model()._meta.get_field("first_name").max_length)
    last_name = NameField(label=_("Achternaam"), max_length=get_user_model()._meta.get_field("last_name").max_length)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Refused in Dutch beyond what the account's columns hold, never cut (no maxlength for a browser to cut at).
        limit_length(self.fields["email"], EMAIL_MAX_LENGTH, EMAIL_TOO_LONG)


@admin.register(JuryRound)
class JuryRoundAdmin(HRChangeOnlyMixin, admin.ModelAdmin):
    list_display = ("vacancy", "status", "created_at", "closed_at")
    list_filter = ("status",)
    list_select_related = ("vacancy__team", "vacancy__function")
    readonly_fields = ("vacancy", "status", "created_at", "decided_at", "closed_at", "pv_link", "declarations",
                       "reserve_record")
    inlines = (MemberInline, CandidateInline)
    change_form_template = "interviews/admin/juryround_change_form.html"

    def get_fields(self, request, obj=None):
        return ("vacancy", "status", *ROUND_SETTINGS, "created_at", "reserve_record", "decided_at", "closed_at",
                "pv_link", "declarations")

    @admin.display(description=_("wervingsreserve bij de start"))
    def reserve_record(self, obj):
        if not obj.reserve_waiting:
            return _("Geen geldige reservekandidaat zonder matchgesprek.")
        return format_html("{} {}: {}", ngettext(
            "Gestart terwijl %(n)d geldige reservekandidaat geen matchgesprek had.",
            "Gestart terwijl %(n)d geldige reservekandidaten geen matchgesprek hadden.",
            obj.reserve_waiting) % {"n": obj.reserve_waiting}, _("Reden"), obj.reserve_bypass_reason)

    def get_readonly_fields(self, request, obj=None):
        fixed = list(self.readonly_fields)
        if obj is not None and (not obj.is_open or obj.candidates.filter(sheets__isnull=False).exists()):
            fixed += list(ROUND_SETTINGS)  # the rules of the game do not change once someone scored
        return fixed

    @admin.display(description=_("PV"))
    def pv_link(self, obj):
        if not obj.pv_file:
            return "–"
        return format_html('<a href="{}">{}</a> (SHA-256 {})', reverse("interviews:jury_pv_pdf", args=[obj.pk]),
                           _("PV downloaden"), obj.pv_sha256)

    @admin.display(description=_("verklaringen belangenconflict"))
    def declarations(self, obj):
        rows = ConflictDeclaration.objects.filter(jury_candidate__round=obj).select_related(
            "member__user", "jury_candidate__application__candidate").order_by("jury_candidate__position")
        recusals = [gettext("%(juror)s onthoudt zich voor %(candidate)s: %(note)s") % {
            "juror": d.member.display_name, "candidate": d.jury_candidate.application.candidate, "note": d.note}
            for d in rows if d.has_conflict]
        return gettext("%(count)s verklaring(en); onthoudingen: %(recusals)s") % {
            "count": len(rows), "recusals": "; ".join(recusals) or gettext("geen")}

    def save_formset(self, request, form, formset, change):
        if formset.model is not JuryMember:
            return super().save_formset(request, form, formset, change)
        # The admin's change message reads these three lists (normally filled by formset.save()).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for deleted_form in formset.deleted_forms:
            member = deleted_form.instance
            if member.pk is None:
                continue
            try:
                if remove_juror(member, by=request.user):
                    formset.deleted_objects.append(member)
            except JuryRefused as refusal:
                messages.error(request, str(refusal))
        for inline_form in formset.extra_forms:
            if not inline_form.has_changed() or inline_form in formset.deleted_forms:
                continue
            data = inline_form.cleaned_data
            try:
                formset.new_objects.append(add_juror(form.instance, user=data["user"], role=data["role"],
                                                     by=request.user))
            except JuryRefused as refusal:
                messages.error(request, str(refusal))

    def get_urls(self):
        return [path("<int:pk>/extern/", self.admin_site.admin_view(self.invite_external_view),
                     name="interviews_juryround_invite_external"),
                path("<int:pk>/wachtlijst/", self.admin_site.admin_view(self.invite_waitlist_view),
                     name="interviews_juryround_invite_waitlist"),
                path("<int:pk>/annuleren/", self.admin_site.admin_view(self.cancel_view),
                     name="interviews_juryround_cancel"),
                *super().get_urls()]

    def invite_external_view(self, request, pk):
        return self._round_form_page(
            request, pk, ExternalJurorForm, _("Externe deskundige uitnodigen"), submit=_("Uitnodigen"),
            act=lambda jury_round, data: invite_external_juror(jury_round, by=request.user, **data),
            done=_("De externe deskundige is uitgenodigd."))

    def cancel_view(self, request, pk):
        """Call the round off: its candidates go back to the waitlist (with a mail), the jurors' access ends."""
        return self._round_form_page(
            request, pk, CancelRoundForm, _("Juryronde annuleren"), submit=_("Juryronde annuleren"),
            act=lambda jury_round, data: cancel_round(jury_round, by=request.user, reason=data["reason"]),
            done=_("De juryronde is geannuleerd; de kandidaten staan terug op de wachtlijst."))

    def _round_form_page(self, request, pk, form_class, title, *, submit, act, done):
        """A form about one round: valid data goes to the domain function; its refusal is shown, nothing changes."""
        jury_round = get_object_or_404(JuryRound, pk=pk)
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                act(jury_round, form.cleaned_data)
            except JuryRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, done)
                return redirect(reverse("admin:interviews_juryround_change", args=[pk]))
        return TemplateResponse(request, "interviews/admin/simple_form.html", _admin_context(
            self, request, title, form=form, submit=submit))

    def invite_waitlist_view(self, request, pk):
        jury_round = get_object_or_404(JuryRound, pk=pk)
        if request.method == "POST":
            try:
                invited = invite_waitlist(jury_round, by=request.user)
            except JuryRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("%(n)s nieuwe kandidaat/kandidaten uitgenodigd.") % {"n": len(invited)})
        return redirect(reverse("admin:interviews_juryround_change", args=[pk]))


class JuryCandidateForm(DomainForm):
    external_tool = LineField(label=_("Externe vragenlijst: instrument"), required=False, max_length=200)
    completed_on = forms.DateField(label=_("Externe vragenlijst: ingevuld op"), required=False)
    report = forms.FileField(label=_("Externe vragenlijst: rapport (pdf)"), required=False)

    class Meta:
        model = JuryCandidate
        fields = ("starts_at", "ends_at", "location", "meeting_url")
        field_classes = {"meeting_url": HttpsURLField}

    def apply(self, data):
        jury_candidate = self.instance
        if SCHEDULE_FIELDS & set(self.changed_data):
            jury_candidate = schedule_interview(
                jury_candidate, starts_at=data.get("starts_at"), ends_at=data.get("ends_at"),
                location=data.get("location"), meeting_url=data.get("meeting_url"), by=self.user)
        if data.get("external_tool") or data.get("completed_on") or data.get("report"):
            record_external_result(jury_candidate, tool=data.get("external_tool"),
                                   completed_on=data.get("completed_on"), report=data.get("report"), by=self.user)
        return jury_candidate


@admin.register(JuryCandidate)
class JuryCandidateAdmin(HRChangeOnlyMixin, admin.ModelAdmin):
    """Each candidate's jury interview: HR schedules it (mail with the calendar invitation) and records an external
    questionnaire. Saving calls the domain functions; a refusal is shown and nothing is changed."""

    form = JuryCandidateForm
    formfield_overrides = URL_FIELDS
    list_display = ("application", "round", "position", "starts_at", "location", "decision", "rank")
    list_filter = ("round",)
    list_select_related = ("application__candidate", "application__procedure", "round__vacancy__team")
    readonly_fields = ("round", "application", "position", "scheduled_at", "case_sent_at", "passed_or_not",
                       "total_percent", "rank", "decision")
    actions = ["mark_absent_selected"]

    def get_form(self, request, obj=None, **kwargs):
        return with_user(super().get_form(request, obj, **kwargs), request)

    def save_model(self, request, obj, form, change):
        pass  # the form's clean() wrote through schedule_interview / record_external_result

    @admin.display(description=_("geslaagd"))
    def passed_or_not(self, obj):
        # Django draws a null boolean as an icon whose text is "None": say it in words.
        return {True: _("ja"), False: _("nee")}.get(obj.passed, self.get_empty_value_display())

    @admin.action(description=_("Niet aanwezig: terug naar de wachtlijst"))
    def mark_absent_selected(self, request, queryset):
        done = 0
        for jury_candidate in queryset.select_related("round", "application"):
            try:
                mark_absent(jury_candidate, by=request.user)
            except JuryRefused as refusal:
                messages.error(request, f"{jury_candidate}: {refusal}")
            else:
                done += 1
        self.message_user(request, _("%(n)s kandidaat/kandidaten terug naar de wachtlijst.") % {"n": done})


# --- Questionnaires ---------------------------------------------------------------------------------------------


class QuestionnaireItemInline(HRAccessMixin, admin.TabularInline):
    model = QuestionnaireItem
    fields = ("position", "text", "trait", "reverse_scored")
    extra = 3


@admin.register(Questionnaire)
class QuestionnaireAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("name", "scale_min", "scale_max")
    inlines = (QuestionnaireItemInline,)
