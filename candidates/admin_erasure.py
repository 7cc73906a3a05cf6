"""Back office for privacy: erasure requests HR confirms, and the retention period per function."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from candidates.erasure import ErasureAlreadyHandled, confirm_erasure, erasure_preview
from candidates.models import ErasureRequest, RetentionPolicy
from kortrijk_ats.admin_access import HRAccessMixin, HRReadOnlyMixin
from kortrijk_ats.roles import is_hr


@admin.register(ErasureRequest)
class ErasureRequestAdmin(HRReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate_name", "requested_at", "handled_at", "handled_by")
    list_filter = (("handled_at", admin.EmptyFieldListFilter),)
    list_select_related = ("candidate", "handled_by")
    fields = ("candidate_name", "requested_at", "handled_at", "handled_by")
    readonly_fields = fields
    change_form_template = "admin/candidates/erasurerequest/change_form.html"

    @admin.display(description=_("kandidaat"))
    def candidate_name(self, obj):
        return obj.candidate.full_name if obj.candidate else _("gewiste kandidaat")

    def get_urls(self):
        return [path("<int:object_id>/confirm/", self.admin_site.admin_view(self.confirm_view),
                     name="candidates_erasurerequest_confirm"), *super().get_urls()]

    def confirm_view(self, request, object_id):
        """GET: what confirming will do. POST: do it (withdraw, anonymise, erase, tell the person)."""
        if not is_hr(request.user):
            raise PermissionDenied
        erasure = get_object_or_404(ErasureRequest.objects.select_related("candidate"), pk=object_id)
        change_url = reverse("admin:candidates_erasurerequest_change", args=[erasure.pk])
        if erasure.handled_at is not None:
            self.message_user(request, _("Dit verzoek werd al behandeld op %(day)s.") % {
                "day": date_format(erasure.handled_at, "d/m/Y H:i")}, messages.WARNING)
            return HttpResponseRedirect(change_url)
        if request.method == "POST":
            try:
                confirm_erasure(erasure, by=request.user)
            except ErasureAlreadyHandled:
                self.message_user(request, _("Iemand anders behandelde dit verzoek net. Er is niets gewijzigd."),
                                  messages.WARNING)
            else:
                self.message_user(request, _("De gegevens zijn gewist; de persoon krijgt een bevestiging per mail."),
                                  messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts, "title": _("Verzoek tot wissen bevestigen"), "erasure": erasure,
            "preview": erasure_preview(erasure), "change_url": change_url,
        }
        return TemplateResponse(request, "admin/candidates/erasurerequest/confirm.html", context)


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("function", "months_after_decision", "months_after_pool_expiry", "updated_at")
    list_select_related = ("function",)
