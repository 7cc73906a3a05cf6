"""The HR back office for candidates and applications.

Applications are read-only here: a stage changes only through the decisions of admin_actions.STAGE_ACTIONS, which
call candidates.transitions. Bans and pool entries are written by those transitions, so they are read-only too.
"""

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from candidates import admin_erasure, views_hr  # noqa: F401 — admin_erasure registers its admins
from candidates.accommodations import (
    ArrangementChanged,
    ArrangementRefused,
    awaits_arrangement,
    record_arrangements,
)
from candidates.admin_actions import (
    STAGE_ACTIONS,
    StageActionForm,
    get_stage_action,
    likely_banned,
    needs_reason,
)
from candidates.admin_filters import (
    AccommodationFilter,
    BanMatchFilter,
    BannedFilter,
    DiplomaFilter,
    PoolFilter,
)
from candidates.admin_keyset import KeysetChangeList
from candidates.admin_take_in import TakeInViews
from candidates.admin_timeline import application_page_context
from candidates.forms.arrangements import ArrangementForm
from candidates.models import Application, Ban, Candidate, PoolEntry
from candidates.stages import Stage
from candidates.transitions import StageConflict, TransitionRefused, change_stage, change_stages
from communications.models import Mail
from communications.outbox import release_mails
from kortrijk_ats.admin_access import HRReadOnlyMixin
from kortrijk_ats.names import isolated
from kortrijk_ats.roles import is_hr

# A bulk report lists at most this many refusals one by one; the rest are counted.
MAX_REFUSALS_LISTED = 20


def _make_bulk_action(stage_action):
    def bulk_action(modeladmin, request, queryset):
        return modeladmin.confirm_stage_action(request, queryset, stage_action)

    bulk_action.__name__ = stage_action.key
    return admin.action(description=stage_action.label, permissions=["stage"])(bulk_action)


class ApplicationInline(HRReadOnlyMixin, admin.TabularInline):
    model = Application
    fields = ("procedure", "stage", "diploma", "submitted_at")
    readonly_fields = fields
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("procedure", "diploma")


@admin.register(Candidate)
class CandidateAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("last_name", "first_name", "email", "phone", "city")
    search_fields = ("first_name", "last_name", "email")
    ordering = ("last_name", "first_name")
    fields = ("first_name", "last_name", "email", "phone", "street", "postal_code", "city", "birth_date",
              "language", "created_at")
    inlines = (ApplicationInline,)


@admin.register(Application)
class ApplicationAdmin(TakeInViews, HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate_name", "candidate_email", "procedure", "stage", "diploma_kind", "submitted_at",
                    "stage_changed_at", "row_facts")
    list_display_links = ("candidate_name",)
    list_filter = ("procedure", "stage", DiplomaFilter, BannedFilter,
                   BanMatchFilter, PoolFilter, AccommodationFilter, "channel")
    list_select_related = ("candidate", "procedure", "diploma")  # else Django joins every relation; see page_rows
    search_fields = ("candidate__first_name", "candidate__last_name", "candidate__email")
    search_help_text = _("Zoek op voornaam, achternaam of e-mailadres.")
    ordering = ("-submitted_at", "-id")
    list_per_page = 50
    change_list_template = "admin/candidates/application/list.html"  # rows from candidates/admin_rows.py
    show_full_result_count = False  # one COUNT over the whole table less per page view; it grows with the table
    actions = [_make_bulk_action(stage_action) for stage_action in STAGE_ACTIONS]
    fieldsets = (
        (_("Kandidaat"), {"fields": ("candidate_link", "candidate_email", "candidate_phone", "candidate_address",
                                     "candidate_birth_date", "candidate_language")}),
        (_("Kandidatuur"), {"fields": ("procedure", "stage", "stage_changed_at", "submitted_at", "channel",
                                       "received_on", "entered_by", "diploma", "diploma_kind", "diploma_detail",
                                       "years_public_sector", "years_private_sector", "privacy_acknowledged_at")}),
        (_("Motivatie"), {"fields": ("motivation",)}),
        (_("Redelijke aanpassingen"), {
            "fields": ("accommodations", "intake_arrangement", "jury_arrangement", "arrangement_recorded_at",
                       "arrangement_action"),
            "description": _("De vraag van de kandidaat ziet alleen het selectieteam. De interviewer en de jury "
                             "lezen alleen de aanpassing voor hun gesprek."),
        }),
    )
    readonly_fields = ("candidate_link", "candidate_email", "candidate_phone", "candidate_address",
                       "candidate_birth_date", "candidate_language", "diploma_kind", "arrangement_recorded_at",
                       "arrangement_action")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("candidate", "procedure__function", "diploma",
                                                            "entered_by")

    def get_changelist(self, request, **kwargs):
        return KeysetChangeList  # no OFFSET: a deep page costs what the first does

    def has_stage_permission(self, request):
        return is_hr(request.user)

    def lookup_allowed(self, lookup, value, request=None):
        # Django knows only a SimpleListFilter's parameter; the diploma filter's kind is a lookup across the relation.
        return lookup == DiplomaFilter.kind_parameter or super().lookup_allowed(lookup, value, request)

    # Columns and read-only fields. Everything comes from the joined rows or the annotations: no query per row.
    # The list writes its rows in candidates/admin_rows.py (row_facts from here, the other cells there).

    @admin.display(description=_("kandidaat"), ordering="candidate__last_name")
    def candidate_name(self, obj):
        return isolated(obj.candidate.full_name)

    @admin.display(description=_("e-mailadres"), ordering="candidate__email")
    def candidate_email(self, obj):
        return obj.candidate.email

    @admin.display(description=_("kandidaat"))
    def candidate_link(self, obj):
        url = reverse("admin:candidates_candidate_change", args=[obj.candidate_id])
        return format_html('<a href="{}">{}</a>', url, isolated(obj.candidate.full_name))

    @admin.display(description=_("telefoon"))
    def candidate_phone(self, obj):
        return obj.candidate.phone

    @admin.display(description=_("adres"))
    def candidate_address(self, obj):
        c = obj.candidate
        return ", ".join(part for part in (c.street, f"{c.postal_code} {c.city}".strip()) if part)

    @admin.display(description=_("geboortedatum"))
    def candidate_birth_date(self, obj):
        born = obj.candidate.birth_date
        return date_format(born, "d/m/Y") if born else self.get_empty_value_display()

    @admin.display(description=_("taal"))
    def candidate_language(self, obj):
        return obj.candidate.get_language_display()

    @admin.display(description=_("soort diploma"), ordering="diploma__kind")
    def diploma_kind(self, obj):
        return obj.diploma.get_kind_display()

    @admin.display(description=_("afspraak"))
    def arrangement_action(self, obj):
        link = format_html('<a href="{}">{}</a>', reverse("admin:candidates_application_arrangements", args=[obj.pk]),
                           _("Aanpassingen vastleggen of wijzigen"))
        if awaits_arrangement(obj):
            return format_html('<strong id="arrangement-awaited">{}</strong> {}', _(
                "De kandidaat vroeg een aanpassing en er is nog niets vastgelegd: de interviewer en de jury zien de "
                "vraag zelf niet."), link)
        return link

    @admin.display(description=_("uitsluiting, wachtlijst, reserve"))
    def row_facts(self, obj):
        facts = []
        if obj.banned_until:
            facts.append(_("uitgesloten tot %(date)s") % {"date": date_format(obj.banned_until, "d/m/Y")})
        if obj.waitlist_expires_on:
            last_day = obj.waitlist_expires_on - timedelta(days=1)
            facts.append(_("wachtlijst t.e.m. %(date)s") % {"date": date_format(last_day, "d/m/Y")})
        if obj.reserve_expires_on:
            last_day = obj.reserve_expires_on - timedelta(days=1)
            facts.append(_("reserve t.e.m. %(date)s") % {"date": date_format(last_day, "d/m/Y")})
        return "; ".join(str(fact) for fact in facts) or "—"

    # The application page: data, documents, timeline, and the decisions as buttons.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(application_page_context(obj))
            flag = context["ban_match"]
            flagged = flag is not None and flag.cleared_at is None
            context["stage_actions"] = [
                (action, StageActionForm(action=action, single=True, initial={"expected_stage": obj.stage},
                                         prefix=action.key,
                                         reason_required=needs_reason(action, likely_banned=flagged)))
                for action in STAGE_ACTIONS if action.applies_to(obj.stage)
            ] if self.has_stage_permission(request) else []
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/stage/<slug:action_key>/", wrap(self.stage_view),
                 name="candidates_application_stage"),
            path("<int:object_id>/release-mails/", wrap(self.release_mails_view),
                 name="candidates_application_release_mails"),
            path("<int:object_id>/aanpassingen/", wrap(self.arrangements_view),
                 name="candidates_application_arrangements"),
            path("document/<int:document_id>/", wrap(views_hr.download_document),
                 name="candidates_document_download"),
            path("vervangen-document/<int:change_id>/", wrap(views_hr.download_replaced_document),
                 name="candidates_replaced_document_download"),
            *self.take_in_urls(),
            *super().get_urls(),
        ]

    def stage_view(self, request, object_id, action_key):
        """One decision on one application, from its page; the stage the user saw guards against a race."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_stage_permission(request):
            raise PermissionDenied
        action = get_stage_action(action_key)
        if action is None:
            raise Http404("Onbekende beslissing.")
        application = get_object_or_404(self.get_queryset(request), pk=object_id)
        form = StageActionForm(request.POST, action=action, single=True, prefix=action.key,
                               reason_required=needs_reason(action, likely_banned=likely_banned(application)))
        if not form.is_valid():
            return self._render_confirmation(request, action=action, form=form, count=1,
                                             application=application, status=200)
        try:
            change_stage(application, to=action.to, by=request.user, reason=form.cleaned_data.get("reason", ""),
                         expected_stage=form.cleaned_data["expected_stage"])
        except StageConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
        except TransitionRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, _("%(name)s staat nu op ‘%(stage)s’.") % {
                "name": application.candidate.full_name, "stage": action.to.label}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:candidates_application_change", args=[application.pk]))

    def release_mails_view(self, request, object_id):
        """Send the outcome mails of this application that wait for HR's release."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_stage_permission(request):
            raise PermissionDenied
        application = get_object_or_404(self.get_queryset(request), pk=object_id)
        released = release_mails(Mail.objects.for_object(application).filter(state=Mail.State.DRAFT),
                                 by=request.user)
        if released:
            self.message_user(request, ngettext("%(count)d mail vrijgegeven voor verzending.",
                                                "%(count)d mails vrijgegeven voor verzending.",
                                                released) % {"count": released}, messages.SUCCESS)
        else:
            self.message_user(request, _("Er wachtte geen mail meer op vrijgave."), messages.WARNING)
        return HttpResponseRedirect(reverse("admin:candidates_application_change", args=[application.pk]))

    def arrangements_view(self, request, object_id):
        """HR records what is adjusted for the intake and the jury interview, reading the candidate's request."""
        if not self.has_stage_permission(request):
            raise PermissionDenied
        application = get_object_or_404(self.get_queryset(request), pk=object_id)
        form = ArrangementForm(request.POST or None, initial={"intake_arrangement": application.intake_arrangement,
                                                              "jury_arrangement": application.jury_arrangement})
        if request.method == "POST" and form.is_valid():
            try:
                changed = record_arrangements(application, intake=form.cleaned_data["intake_arrangement"],
                                              jury=form.cleaned_data["jury_arrangement"], seen=form.seen())
            except ArrangementChanged as refusal:
                application.refresh_from_db()
                form = ArrangementForm.after_change(request.POST, application)
                form.add_error(None, str(refusal))
            except ArrangementRefused as refusal:
                form.add_error(refusal.field, str(refusal))
            else:
                if changed:
                    self.log_change(request, application, _("Redelijke aanpassingen vastgelegd."))
                    self.message_user(request, _("De aanpassingen zijn bewaard."), messages.SUCCESS)
                else:
                    self.message_user(request, _("Er was niets gewijzigd."), messages.INFO)
                return HttpResponseRedirect(reverse("admin:candidates_application_change", args=[application.pk]))
        return TemplateResponse(request, "admin/candidates/application/arrangements.html", {
            **self.admin_site.each_context(request), "opts": self.opts, "application": application, "form": form,
            "title": _("Redelijke aanpassingen: %(name)s") % {"name": application.candidate.full_name},
        }, status=400 if form.errors else 200)

    # Bulk decisions: a confirmation page with the count (and the reason), then a report.

    def confirm_stage_action(self, request, queryset, action):
        if "confirm" in request.POST:
            form = StageActionForm(request.POST, action=action)
            if form.is_valid():
                self._run_bulk(request, queryset, action, reason=form.cleaned_data.get("reason", ""))
                return None  # the admin redirects back to the list, filters kept
        else:
            form = StageActionForm(action=action)
        return self._render_confirmation(request, action=action, form=form, count=None, queryset=queryset)

    def _run_bulk(self, request, queryset, action, *, reason):
        applications = queryset.select_related("candidate").order_by("pk")
        outcome = change_stages(applications, to=action.to, by=request.user, reason=reason)
        changed = len(outcome.changed)
        self.message_user(request, ngettext(
            "%(count)d kandidatuur staat nu op ‘%(stage)s’.", "%(count)d kandidaturen staan nu op ‘%(stage)s’.",
            changed) % {"count": changed, "stage": action.to.label},
            messages.SUCCESS if changed else messages.WARNING)
        if outcome.refused:
            self.message_user(request, ngettext(
                "%(count)d kandidatuur geweigerd:", "%(count)d kandidaturen geweigerd:",
                len(outcome.refused)) % {"count": len(outcome.refused)}, messages.WARNING)
        for application, why in outcome.refused[:MAX_REFUSALS_LISTED]:
            self.message_user(request, f"{application.candidate.full_name}: {why}", messages.WARNING)
        if len(outcome.refused) > MAX_REFUSALS_LISTED:
            self.message_user(request, _("… en nog %(count)d andere.") % {
                "count": len(outcome.refused) - MAX_REFUSALS_LISTED}, messages.WARNING)

    def _render_confirmation(self, request, *, action, form, count=None, queryset=None, application=None,
                             status=200):
        if queryset is not None:
            by_stage = (Application.objects.filter(pk__in=queryset.values("pk")).order_by()
                        .values_list("stage").annotate(n=Count("pk")).order_by("-n"))
            stages = [(Stage(stage).label, n) for stage, n in by_stage]
            count = sum(n for _label, n in stages)
        else:
            stages = [(Stage(application.stage).label, 1)]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Bevestig: %(action)s") % {"action": action.label},
            "action": action,
            "form": form,
            "count": count,
            "stages": stages,
            "application": application,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "cancel_url": (reverse("admin:candidates_application_change", args=[application.pk])
                           if application is not None else request.get_full_path()),
        }
        return TemplateResponse(request, "admin/candidates/application/stage_action_confirmation.html", context,
                                status=status)


@admin.register(Ban)
class BanAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate", "function", "after_stage", "starts_on", "ends_on")
    list_filter = ("function",)
    list_select_related = ("candidate", "function")
    search_fields = ("candidate__first_name", "candidate__last_name", "candidate__email")


@admin.register(PoolEntry)
class PoolEntryAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate", "function", "kind", "valid_from", "last_valid_day", "ended_at")
    list_filter = ("kind", "function", ("ended_at", admin.EmptyFieldListFilter))
    list_select_related = ("application__candidate", "function")
    search_fields = ("application__candidate__first_name", "application__candidate__last_name",
                     "application__candidate__email")

    @admin.display(description=_("kandidaat"), ordering="application__candidate__last_name")
    def candidate(self, obj):
        return obj.application.candidate.full_name

    @admin.display(description=_("laatste geldige dag"), ordering="expires_on")
    def last_valid_day(self, obj):
        return obj.last_valid_day
