from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.roles import is_hr
from kortrijk_ats.staff_auth import StaffLoginForm, is_staff_verified, needs_second_factor


class HRAdminSite(admin.AdminSite):
    site_header = _("Stad Kortrijk — selecties")
    site_title = _("Selecties")
    index_title = _("Back office van het selectieteam")
    login_form = StaffLoginForm

    def has_permission(self, request):
        # Only the HR selection team uses the back office, and only after the second factor (staff_auth.py).
        return is_hr(request.user) and is_staff_verified(request.user)

    def login(self, request, extra_context=None):
        # Password accepted but no second factor yet: on to the code (or the device set-up), then back.
        if request.method == "GET" and needs_second_factor(request.user) and not is_staff_verified(request.user):
            target = request.GET.get("next") or reverse("admin:index")
            return redirect(reverse("staff_otp") + "?" + urlencode({"next": target}))
        return super().login(request, extra_context)
