from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.roles import is_hr


class HRAdminSite(admin.AdminSite):
    site_header = _("Stad Kortrijk — selecties")
    site_title = _("Selecties")
    index_title = _("Back office van het selectieteam")

    def has_permission(self, request):
        # Only the HR selection team uses the back office; other staff (interviewers, jurors) have their own pages.
        return is_hr(request.user)
