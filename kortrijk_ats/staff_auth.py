"""Staff log-in: who needs a second factor, the one decorator the staff pages use, and the session limits.

Staff (HR, interviewers, jurors, external experts included) reach a staff page only with a session verified by
their TOTP device (django-otp); candidates never need one. The HR admin site checks the same `is_staff_verified`.
"""

import functools
import time

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.input_limits import limit_length
from kortrijk_ats.roles import ALL_ROLES, has_role, is_hr
from kortrijk_ats.sessions import end_sessions_of

# Session keys: when the person logged in and when they were last seen (seconds since the epoch).
LOGIN_AT = "kats_login_at"
SEEN_AT = "kats_seen_at"
STAFF_SESSION = "kats_staff"
# Last activity is written at most this often, so a page view does not always save the session.
SEEN_RESOLUTION_SECONDS = 60
# The lockout's key never outgrows axes' username columns (they hold 255 characters).
LOCKOUT_KEY_MAX_LENGTH = min(model._meta.get_field("username").max_length
                             for model in (AccessAttempt, AccessFailureLog, AccessLog))


def needs_second_factor(user):
    """Staff accounts log in with a second factor; candidate accounts (no staff flag, no role) do not."""
    if not (user and user.is_authenticated):
        return False
    return bool(user.is_staff or user.is_superuser or any(has_role(user, role) for role in ALL_ROLES))


def is_staff_verified(user):
    """True for a staff member whose session passed their TOTP device (django-otp's OTPMiddleware sets it)."""
    return needs_second_factor(user) and bool(getattr(user, "is_verified", lambda: False)())


def staff_home_url(user):
    """Where a staff member opens after logging in: HR on the werkbank (the back office's home), interviewers and
    jurors on their own worklist (the back office is HR's alone)."""
    return reverse("admin:index") if is_hr(user) else reverse("workbench:my_work")


def second_factor_url(request):
    """Where an unverified staff member goes: set a device up first, else enter a code; back to this page after."""
    return reverse("staff_otp") + "?" + urlencode({"next": request.get_full_path()})


def staff_required(view=None, *, role=None):
    """Staff pages: log-in required; staff must have passed their second factor; `role` (if given, or HR) required.

    Candidates pass through to the view, which refuses them by its own rule (404/403), as before.
    """
    def decorate(func):
        @functools.wraps(func)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if needs_second_factor(user) and not is_staff_verified(user):
                return redirect(second_factor_url(request))
            if role is not None and not (is_hr(user) or has_role(user, role)):
                raise PermissionDenied
            return func(request, *args, **kwargs)
        return login_required(wrapper)
    return decorate(view) if view is not None else decorate


def record_login(sender, request, user, **kwargs):
    """user_logged_in: stamp the session so SessionLimitsMiddleware can end a staff session on time."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
    request.session[STAFF_SESSION] = needs_second_factor(user)


class SessionLimitsMiddleware:
    """Ends a staff session after KATS_STAFF_IDLE_SECONDS without a request or KATS_STAFF_MAX_SECONDS after log-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.get(STAFF_SESSION):
            now = int(time.time())
            login_at, seen_at = session.get(LOGIN_AT, 0), session.get(SEEN_AT, 0)
            if (now - seen_at > settings.KATS_STAFF_IDLE_SECONDS
                    or now - login_at > settings.KATS_STAFF_MAX_SECONDS):
                logout(request)
            elif now - seen_at >= SEEN_RESOLUTION_SECONDS:
                session[SEEN_AT] = now
        return self.get_response(request)


def end_sessions_on_deactivation(sender, instance, **kwargs):
    """pre_save on the user model: the moment is_active turns off, the user's sessions go."""
    if instance.pk is None or instance.is_active:
        return
    was_active = type(instance).objects.filter(pk=instance.pk, is_active=True).exists()
    if was_active:
        end_sessions_of(instance.pk)


def attempted_username(request, credentials):
    """The account a log-in attempt is for (axes' lockout key): the admin's username or allauth's e-mail, lowercased.

    Known and unknown names are counted alike, so a lockout tells nothing about whether an account exists.
    The log-in forms refuse a name longer than an account can have before any password is checked; should a longer
    one reach axes all the same, it is cut to the column: attempts that differ only beyond that count as one name.
    """
    source = credentials or getattr(request, "POST", None) or {}
    value = source.get("username") or source.get("email") or source.get("login") or ""
    return value.strip().lower()[:LOCKOUT_KEY_MAX_LENGTH] or None


class StaffLoginForm(AdminAuthenticationForm):
    """The back office's log-in: a username longer than the column is refused with a message, never looked up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_length(self.fields["username"], get_user_model()._meta.get_field("username").max_length,
                     _("Hou de gebruikersnaam op hoogstens %(limit_value)d tekens (nu %(show_value)d)."))
