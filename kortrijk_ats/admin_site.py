from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.roles import is_hr
from kortrijk_ats.staff_auth import StaffLoginForm, is_staff_verified, needs_second_factor, staff_home_url


class HRAdminSite(admin.AdminSite):
    site_header = _("Stad Kortrijk — selecties")
    site_title = _("Selecties")
    index_title = _("Back office van het selectieteam")
    login_form = StaffLoginForm

    def has_permission(self, request):
        # Only the HR selection team uses the back office, and only after the second factor (staff_auth.py).
        return is_hr(request.user) and is_staff_verified(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if request.method == "GET" and needs_second_factor(user):
            target = self._after_login(request)
            # Password accepted but no second factor yet: on to the code (or the device set-up), then on.
            if not is_staff_verified(user):
                return redirect(reverse("staff_otp") + "?" + urlencode({"next": target}))
            if not is_hr(user):
                return redirect(target)
        return super().login(request, extra_context)

    def _after_login(self, request):
        """The page asked for; an interviewer or juror who asked for the back office (HR's) gets their worklist."""
        target = request.GET.get("next") or reverse("admin:index")
        if is_hr(request.user):
            return target
        safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure())
        if not safe or target.startswith(reverse("admin:index")):
            return staff_home_url(request.user)
        return target
