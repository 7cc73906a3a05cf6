"""Logging people in for tests: staff get a real confirmed TOTP device and an OTP-verified session.

`login_staff(client, user)` is force_login plus what a real second factor leaves in the session; for a candidate
(no staff flag, no role) it is force_login alone, so call sites need not tell the two apart.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kortrijk_ats.staff_auth import needs_second_factor

BACKEND = "django.contrib.auth.backends.ModelBackend"


def confirmed_device(user):
    """The user's confirmed TOTP device (made once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def login_staff(client, user, *, backend=BACKEND):
    client.force_login(user, backend=backend)
    if needs_second_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = confirmed_device(user).persistent_id
        session.save()
    return user



def code_for(secret, *, at=None):
    """The TOTP code an authenticator app shows now for a base32 secret (as printed on the set-up page)."""
    import time
    from base64 import b32decode

    from django_otp.oath import TOTP

    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def set_up_second_factor(client, page_url):
    """Follow a staff page's redirect to the device set-up, read the secret like a person would, confirm a code."""
    import re

    response = client.get(page_url)
    while response.status_code == 302 and not response["Location"].startswith("/personeel/tweestapsverificatie/"):
        response = client.get(response["Location"])  # the back office passes through its log-in page
    assert response.status_code == 302, response.status_code
    setup = client.get(response["Location"])
    html = setup.content.decode()
    assert "<svg" in html, "the set-up page shows the QR code inline"
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', html).group(1)
    done = client.post(response["Location"], {"token": code_for(secret), "next": page_url})
    assert done.status_code == 302 and done["Location"] == page_url, done.content.decode()[:500]
    return secret
