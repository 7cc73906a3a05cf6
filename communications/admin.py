"""The outbox and the mail templates in the HR back office.

Mails are read-only: they change only through the outbox's domain functions (release, retry, cancel), offered as
bulk actions with a confirmation page. Templates are edited by HR, checked by MailTemplate.clean().
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from communications.events import COMMON_PLACEHOLDERS, all_events, get_event
from communications.mail_templates import render_example, sync_mail_templates
from communications.models import Mail, MailTemplate
from communications.outbox import UNSENT_STATES, cancel_mails, release_mails, retry_failed_mails
from kortrijk_ats.admin_access import HRChangeOnlyMixin, HRReadOnlyMixin


def event_label(key):
    try:
        return get_event(key).label
    except KeyError:
        return key


class EventFilter(admin.SimpleListFilter):
    title = _("gebeurtenis")
    parameter_name = "event"

    def lookups(self, request, model_admin):
        return [(event.key, event.label) for event in sorted(all_events(), key=lambda e: e.label)]

    def queryset(self, request, queryset):
        return queryset.filter(event=self.value()) if self.value() else queryset


# --- The outbox -------------------------------------------------------------------------------------------------


@admin.register(Mail)
class MailAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("subject", "to", "event_name", "state", "attempts", "created_at", "sent_at", "short_error")
    list_filter = ("state", EventFilter)
    search_fields = ("to", "subject", "message_id")
    search_help_text = _("Zoek op ontvanger, onderwerp of Message-ID.")
    list_per_page = 50
    show_full_result_count = False
    actions = ("release_drafts", "retry_failed", "cancel_unsent")
    fieldsets = (
        (None, {"fields": ("to", "subject", "event_name", "language", "related_link")}),
        (_("Verzending"), {"fields": ("state", "attempts", "error", "created_at", "queued_at", "released_by",
                                      "due_at", "sending_started_at", "sent_at", "message_id")}),
        (_("Inhoud"), {"fields": ("body_text", "html_preview", "calendar")}),
    )
    readonly_fields = ("event_name", "related_link", "html_preview")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("released_by")

    @admin.display(description=_("gebeurtenis"), ordering="event")
    def event_name(self, obj):
        return event_label(obj.event)

    @admin.display(description=_("foutmelding"))
    def short_error(self, obj):
        return obj.error[:80] + ("…" if len(obj.error) > 80 else "") if obj.error else ""

    @admin.display(description=_("betreft"))
    def related_link(self, obj):
        if obj.content_type_id is None:
            return "—"
        model = obj.content_type.model_class()
        target = obj.related
        if model is None or target is None:
            return "—"
        try:
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.object_id])
        except NoReverseMatch:
            return f"{model._meta.verbose_name}: {target}"
        return format_html('<a href="{}">{}: {}</a>', url, model._meta.verbose_name, target)

    @admin.display(description=_("HTML-versie"))
    def html_preview(self, obj):
        if not obj.body_html:
            return "—"
        # A sandboxed frame: the mail's HTML is shown as the candidate sees it, without touching the admin page.
        return format_html('<iframe sandbox="" srcdoc="{}" title="{}" class="mail-preview-frame"></iframe>',
                           obj.body_html, _("HTML-versie van de mail"))

    # Bulk actions: a confirmation page with the count, then the domain function, then a report.

    @admin.action(description=_("Geselecteerde concepten vrijgeven voor verzending"))
    def release_drafts(self, request, queryset):
        return self._confirm(
            request, queryset, action="release_drafts", applicable=Mail.State.DRAFT,
            question=_("Deze mails vrijgeven? Ze worden meteen verzonden."),
            run=lambda mails: release_mails(mails, by=request.user),
            done=lambda n: ngettext("%(count)d mail vrijgegeven voor verzending.",
                                    "%(count)d mails vrijgegeven voor verzending.", n),
            skipped=_("%(count)d overgeslagen: geen concept (meer)."),
        )

    @admin.action(description=_("Mislukte mails opnieuw proberen"))
    def retry_failed(self, request, queryset):
        return self._confirm(
            request, queryset, action="retry_failed", applicable=Mail.State.FAILED,
            question=_("Deze mislukte mails opnieuw verzenden?"),
            run=lambda mails: retry_failed_mails(mails, by=request.user),
            done=lambda n: ngettext("%(count)d mail opnieuw in de wachtrij.",
                                    "%(count)d mails opnieuw in de wachtrij.", n),
            skipped=_("%(count)d overgeslagen: niet mislukt."),
        )

    @admin.action(description=_("Niet-verzonden mails annuleren"))
    def cancel_unsent(self, request, queryset):
        return self._confirm(
            request, queryset, action="cancel_unsent", applicable=UNSENT_STATES,
            question=_("Deze mails annuleren? Ze worden nooit verzonden."),
            run=cancel_mails,
            done=lambda n: ngettext("%(count)d mail geannuleerd.", "%(count)d mails geannuleerd.", n),
            skipped=_("%(count)d overgeslagen: al verzonden, bezig of geannuleerd."),
        )

    def _confirm(self, request, queryset, *, action, applicable, question, run, done, skipped):
        states = applicable if isinstance(applicable, tuple) else (applicable,)
        total = queryset.count()
        if request.POST.get("confirm") == "yes":
            changed = run(queryset)
            self.message_user(request, done(changed) % {"count": changed},
                              messages.SUCCESS if changed else messages.WARNING)
            if total - changed:
                self.message_user(request, skipped % {"count": total - changed}, messages.WARNING)
            return None  # back to the list, filters kept
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Bevestig: %(action)s") % {"action": getattr(self, action).short_description},
            "question": question,
            "action": action,
            "total": total,
            "applicable": queryset.filter(state__in=states).count(),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "cancel_url": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/communications/mail/action_confirmation.html", context)


# --- Mail templates ---------------------------------------------------------------------------------------------


@admin.register(MailTemplate)
class MailTemplateAdmin(HRChangeOnlyMixin, admin.ModelAdmin):
    # One template per registered event (sync_mail_templates); deleting one would let the default take over again.
    list_display = ("event_name", "subject_nl", "held_for_release", "updated_at", "updated_by")
    list_select_related = ("updated_by",)
    list_filter = ("held_for_release",)
    search_fields = ("event", "subject_nl", "subject_en", "body_nl", "body_en")
    fieldsets = (
        (None, {"fields": ("event_name", "held_for_release")}),
        (_("Nederlands"), {"fields": ("subject_nl", "body_nl")}),
        (_("English"), {"fields": ("subject_en", "body_en")}),
        (_("Voorbeeld met ingevulde plaatshouders (zoals bewaard)"), {"fields": ("preview_nl", "preview_en")}),
    )
    readonly_fields = ("event_name", "preview_nl", "preview_en")

    def changelist_view(self, request, extra_context=None):
        # A newly registered event shows up here with its default wording, ready to edit.
        sync_mail_templates()
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        template = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "placeholders": self._placeholders(template)}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @staticmethod
    def _placeholders(template):
        if template is None:
            return []
        try:
            allowed = get_event(template.event).allowed_placeholders
        except KeyError:
            allowed = COMMON_PLACEHOLDERS
        return [(f"{{{{ {name} }}}}", description) for name, description in allowed.items()]

    @admin.display(description=_("gebeurtenis"), ordering="event")
    def event_name(self, obj):
        return event_label(obj.event)

    @admin.display(description=_("Nederlands"))
    def preview_nl(self, obj):
        return self._preview(obj, "nl-be")

    @admin.display(description=_("English"))
    def preview_en(self, obj):
        return self._preview(obj, "en")

    def _preview(self, obj, language):
        try:
            subject, _text, html = render_example(obj, language)
        except KeyError:
            return "—"
        # render_html escapes the template text and every value, so its output is safe to show as HTML (bandit
        # B308/B703 reviewed; tests/hostile checks the preview escapes).
        body = mark_safe(html)  # noqa: S308  # nosec B308, B703
        return format_html('<div class="mail-preview"><p><strong>{}</strong></p>{}</div>', subject, body)
