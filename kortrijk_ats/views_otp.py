"""The staff member's second factor: set up a TOTP device (QR code drawn here, or the secret as text), then a code."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kortrijk_ats.input_limits import limit_length
from kortrijk_ats.staff_auth import is_staff_verified, needs_second_factor

DEVICE_NAME = "authenticator-app"
TOKEN_MAX_LENGTH = 8


class TokenForm(forms.Form):
    token = limit_length(
        forms.CharField(label=_("Code uit je authenticator-app"), min_length=6,
                        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                      "pattern": "[0-9]*"})),
        # Room for a code typed with spaces ("123 456"); the spaces go in clean_token.
        TOKEN_MAX_LENGTH, _("De code uit je authenticator-app telt 6 cijfers; dit zijn %(show_value)d tekens."))

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(gettext("Geef de cijfers van de code in."))
        return token


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        return "/"
    return target


def qr_svg(text):
    """An inline SVG QR code made on the server: no image request, no third party sees the secret."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return svg[svg.index("<svg"):]  # drop the XML declaration: the SVG goes inside the HTML page


def _pending_device(user):
    """The unconfirmed device being set up: one per user, kept across reloads so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=DEVICE_NAME).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@never_cache
@require_http_methods(["GET", "POST"])
def staff_otp(request):
    """Enter the code of the confirmed device; without one, set a device up first (the same code confirms it)."""
    user = request.user
    if not user.is_authenticated:
        return redirect("admin:login")
    if not needs_second_factor(user) or is_staff_verified(user):
        return redirect(_next_url(request))
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    device = confirmed or _pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            accepted = device.verify_token(form.cleaned_data["token"])
            if accepted and not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
        if accepted:
            request.session.cycle_key()  # a new session key once the second factor is passed
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", gettext("Deze code klopt niet of werd al gebruikt. "
                                        "Wacht op de volgende code en probeer opnieuw."))
    context = {"form": form, "next": _next_url(request), "setting_up": confirmed is None}
    if confirmed is None:
        context["qr_svg"] = qr_svg(device.config_url)
        secret = b32encode(device.bin_key).decode()
        context["secret"] = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    return render(request, "staff/otp.html", context)
