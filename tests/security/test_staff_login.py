"""Staff log-in: the TOTP second factor in front of every staff page, lockout, Argon2id, session limits."""

import re
import time

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.password_validation import get_password_validators
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from communications.models import Mail
from kortrijk_ats import roles
from kortrijk_ats import settings as project_settings
from tests.auth import code_for, confirmed_device, login_staff, set_up_second_factor
from tests.factories import CandidateFactory, hr_user, staff_user

pytestmark = pytest.mark.django_db

PASSWORD = "Zeer-geheim-wachtwoord-42"
OTP_URL = "/personeel/tweestapsverificatie/"
STAFF_PAGES = {"hr": "/admin/", "interviewer": "/intake/dag/", "juror": "/jury/"}


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()  # allauth's own rate limits count in the cache


def make_staff(kind):
    if kind == "hr":
        user = hr_user(username="hr-2fa")
    else:
        user = staff_user(roles.INTERVIEWER if kind == "interviewer" else roles.JUROR, username=f"{kind}-2fa")
    user.set_password(PASSWORD)
    user.save()
    return user


def admin_login(client, username, password=PASSWORD, next_url="/admin/"):
    return client.post(f"/admin/login/?next={next_url}", {"username": username, "password": password,
                                                           "next": next_url})


def device_secret(device):
    from base64 import b32encode

    return b32encode(device.bin_key).decode()


@pytest.mark.parametrize("kind", ["hr", "interviewer", "juror"])
def test_a_password_alone_opens_no_staff_page_and_a_device_is_set_up_first(kind):
    user = make_staff(kind)
    client = Client()
    response = admin_login(client, user.username, next_url=STAFF_PAGES[kind])
    assert response.status_code == 302 and response["Location"] == STAFF_PAGES[kind]
    assert "_auth_user_id" in client.session  # the password was right ...
    page = client.get(STAFF_PAGES[kind], follow=True)  # ... yet the staff page sends them on to the second factor
    assert page.redirect_chain[-1][0].startswith(OTP_URL) and "Tweestapsverificatie instellen" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    set_up_second_factor(client, STAFF_PAGES[kind])
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert client.get(STAFF_PAGES[kind]).status_code in (200, 403)  # the page itself now answers (no redirect)
    if kind == "hr":
        assert "Back office van het selectieteam" in client.get("/admin/").content.decode()


def test_the_set_up_page_draws_the_qr_code_itself_and_a_wrong_code_confirms_nothing():
    user = make_staff("hr")
    client = Client()
    admin_login(client, user.username)
    html = client.get(OTP_URL + "?next=/admin/").content.decode()
    assert re.search(r"<svg[^>]*>.*<path", html, re.DOTALL), "QR code inline as SVG"
    assert "<?xml" not in html and "http://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", "")  # nothing fetched from elsewhere
    device = TOTPDevice.objects.get(user=user)
    assert device_secret(device) in html.replace(" ", "")
    wrong = f"{(int(code_for(device_secret(device))) + 1) % 1_000_000:06d}"
    response = client.post(OTP_URL, {"token": wrong, "next": "/admin/"})
    assert response.status_code == 200 and "klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_a_used_code_is_refused_the_second_time():
    user = make_staff("hr")
    device = confirmed_device(user)
    secret = device_secret(device)
    now = time.time()
    code = code_for(secret, at=now)
    first = Client()
    admin_login(first, user.username)
    assert first.post(OTP_URL, {"token": code, "next": "/admin/"})["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.last_t >= int(now) // 30  # django-otp remembers the time step of the last accepted code
    second = Client()
    admin_login(second, user.username)
    replay = second.post(OTP_URL, {"token": code, "next": "/admin/"})
    assert replay.status_code == 200 and "al gebruikt" in replay.content.decode()
    assert second.get("/admin/").status_code == 302


def test_the_session_key_changes_at_log_in_and_at_the_second_factor():
    user = make_staff("hr")
    device = confirmed_device(user)
    client = Client()
    client.get("/admin/login/")
    before = client.cookies["sessionid"].value if "sessionid" in client.cookies else None
    client.post("/account/login/", {"login": "someone@example.org", "password": "x" * 12})  # anonymous session data
    anonymous_key = client.session.session_key
    admin_login(client, user.username)
    after_password = client.session.session_key
    assert after_password not in (before, anonymous_key)
    client.post(OTP_URL, {"token": code_for(device_secret(device)), "next": "/admin/"})
    assert client.session.session_key != after_password
    assert not Session.objects.filter(session_key=after_password).exists()
    assert client.get("/admin/").status_code == 200


def test_candidates_are_not_asked_for_a_second_factor():
    candidate = CandidateFactory()
    client = Client()
    login_staff(client, candidate.user)  # force_login only, for a non-staff account
    response = client.get("/mijn-kandidaturen/")
    assert response.status_code == 200
    assert client.get(OTP_URL).status_code == 302  # the page sends a candidate on, with nothing to set up
    assert not TOTPDevice.objects.filter(user=candidate.user).exists()


def test_a_password_reset_does_not_skip_the_second_factor():
    user = make_staff("hr")
    confirmed_device(user)
    client = Client()
    client.post("/account/password/reset/", {"email": user.email})
    mail = Mail.objects.filter(to=user.email).latest("id")
    link = re.search(r"(/account/password/reset/key/\S+/)", mail.body_text).group(1)
    form_url = client.get(link)["Location"]
    new_password = "Een-nieuw-lang-wachtwoord-77"
    done = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    response = admin_login(client, user.username, password=new_password)
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/?next=/admin/")["Location"].startswith(OTP_URL)


@pytest.mark.parametrize("login_url, field, known", [
    ("/admin/login/", "username", True), ("/admin/login/", "username", False),
    ("/account/login/", "login", True), ("/account/login/", "login", False),
])
def test_ten_failures_lock_the_account_for_fifteen_minutes_whether_it_exists_or_not(login_url, field, known):
    user = make_staff("hr")
    user.email = "hr-2fa@example.org"
    user.save()
    name = (user.username if field == "username" else user.email) if known else "niemand@example.org"
    client = Client()
    start = timezone.now()

    def attempt(password, minutes):
        # allauth also refuses 5 failures per 5 minutes on its own: the attempts are spread so that each one
        # reaches the password check, as a patient attacker's would.
        with time_machine.travel(start + timezone.timedelta(minutes=minutes), tick=False):
            return client.post(login_url, {field: name, "password": password})

    answers = [attempt(f"fout-wachtwoord-{i:02d}", minutes=i) for i in range(9)]
    assert [a.status_code for a in answers] == [200] * 9  # refused on the form itself
    tenth = attempt("fout-wachtwoord-09", minutes=9)
    assert tenth.status_code == 429 and "Tijdelijk geblokkeerd" in tenth.content.decode()
    locked = attempt(PASSWORD, minutes=10)
    assert locked.status_code == 429  # the right password changes nothing now
    assert "_auth_user_id" not in client.session
    # Every attempt is logged: axes' counter and one failure-log row per failed attempt.
    assert AccessAttempt.objects.get(username=name.lower()).failures_since_start >= 10
    assert AccessFailureLog.objects.filter(username=name.lower()).count() >= 10
    assert attempt(PASSWORD, minutes=10 + 14).status_code == 429  # still locked 14 minutes after the last try
    after = attempt(PASSWORD, minutes=24 + 16)  # (a try while locked counts too: the cool-off runs from it)
    if known:
        assert after.status_code == 302  # the password is accepted again (allauth then asks to verify the e-mail)
        if field == "username":
            assert AccessLog.objects.filter(username=name.lower()).exists()  # the successful log-in is logged too
    else:
        assert after.status_code == 200


def test_the_lockout_answer_is_the_same_for_a_known_and_an_unknown_account():
    user = make_staff("hr")
    bodies = []
    for name in (user.username, "bestaat-niet"):
        client = Client()
        for i in range(10):
            admin_login(client, name, password=f"fout-{i:02d}-wachtwoord")
        response = admin_login(client, name)
        bodies.append((response.status_code, re.sub(r'value="[^"]+"', "", response.content.decode())))
    assert bodies[0] == bodies[1]


def test_passwords_are_hashed_with_argon2id_and_short_or_common_ones_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    encoded = Argon2PasswordHasher().encode("Een-lang-wachtwoord-99", Argon2PasswordHasher().salt())
    assert encoded.startswith("argon2$argon2id$")
    active = get_password_validators(project_settings.AUTH_PASSWORD_VALIDATORS)
    for refused in ("Kort-pw-1", "password1234"):
        with pytest.raises(ValidationError):
            validate_password(refused, password_validators=active)
    validate_password("Zomer-in-Kortrijk-2026!", password_validators=active)


def logged_in_at(moment, user):
    """A client that logged `user` in (with the second factor, for staff) at `moment`."""
    client = Client()
    with time_machine.travel(moment, tick=False):
        login_staff(client, user)
    return client


def test_a_staff_session_ends_after_thirty_idle_minutes():
    start = timezone.now()
    client = logged_in_at(start, make_staff("hr"))
    with time_machine.travel(start, tick=False):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + timezone.timedelta(minutes=29), tick=False):
        assert client.get("/admin/").status_code == 200  # activity keeps it alive
    with time_machine.travel(start + timezone.timedelta(minutes=29 + 29), tick=False):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + timezone.timedelta(minutes=58 + 31), tick=False):
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert "_auth_user_id" not in client.session


def test_a_staff_session_ends_twelve_hours_after_log_in_however_active():
    start = timezone.now()
    client = logged_in_at(start, make_staff("hr"))
    for minutes in range(20, 12 * 60, 20):
        with time_machine.travel(start + timezone.timedelta(minutes=minutes), tick=False):
            assert client.get("/admin/").status_code == 200, minutes
    with time_machine.travel(start + timezone.timedelta(hours=12, minutes=1), tick=False):
        assert client.get("/admin/").status_code == 302


def test_a_candidates_session_is_not_cut_after_thirty_minutes():
    start = timezone.now()
    client = logged_in_at(start, CandidateFactory().user)
    with time_machine.travel(start + timezone.timedelta(hours=2), tick=False):
        assert client.get("/mijn-kandidaturen/").status_code == 200


def test_deactivating_a_user_ends_their_sessions():
    user = make_staff("interviewer")
    other = make_staff("juror")
    clients = [Client(), Client()]
    login_staff(clients[0], user)
    login_staff(clients[1], user)
    bystander = Client()
    login_staff(bystander, other)
    keys = [c.session.session_key for c in clients]
    assert Session.objects.filter(session_key__in=keys).count() == 2
    user.is_active = False
    user.save()
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert Session.objects.filter(session_key=bystander.session.session_key).exists()
    assert clients[0].get("/intake/dag/")["Location"].startswith("/account/login/")

