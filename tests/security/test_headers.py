"""Response headers: the CSP, nosniff, referrer policy, framing, cookies, and no-store on pages with personal data."""

import json

import pytest
from django.test import Client

from kortrijk_ats import roles
from tests.auth import login_staff
from tests.factories import ApplicationFactory, hr_user, staff_user
from tests.test_settings_deploy import production_env, run_manage

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


@pytest.fixture
def people(db):
    application = ApplicationFactory()
    return {
        "candidate": application.candidate.user,
        "application": application,
        "hr": hr_user(username="hr-headers"),
        "interviewer": staff_user(roles.INTERVIEWER, username="interviewer-headers"),
        "juror": staff_user(roles.JUROR, username="juror-headers"),
    }


def client_as(user):
    client = Client()
    if user is not None:
        login_staff(client, user)
    return client


@pytest.mark.parametrize("url", ["/", "/account/login/", "/admin/login/", "/privacy/", "/bestaat-niet/"])
def test_every_page_carries_the_policy_and_the_safety_headers(url):
    response = Client().get(url)
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("who, url", [
    ("candidate", "/mijn-kandidaturen/"), ("candidate", "/mijn-gegevens/"), ("candidate", "/"),
    ("candidate", "APPLICATION"), ("hr", "/admin/"), ("hr", "/admin/candidates/application/"),
    ("hr", "/hr/rapporten/"), ("interviewer", "/intake/dag/"), ("juror", "/jury/"),
    (None, "/account/login/"), (None, "/admin/login/"), (None, "/account/signup/"),
])
def test_pages_with_personal_data_are_never_stored(people, who, url):
    if url == "APPLICATION":
        url = f"/mijn-kandidaturen/{people['application'].public_id}/"
    response = client_as(people.get(who)).get(url)
    assert response.status_code in (200, 403), (url, response.status_code)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control, (url, response["Cache-Control"])


def test_a_public_page_for_an_anonymous_visitor_may_be_cached():
    # The control: the no-store rule is about personal data, not every page.
    response = Client().get("/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_session_and_csrf_cookies_are_http_only_and_same_site(people):
    client = Client()
    csrf = client.get("/account/login/").cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    hr = people["hr"]
    hr.set_password("Een-lang-wachtwoord-voor-hr")
    hr.save()
    response = client.post("/admin/login/", {"username": hr.username, "password": "Een-lang-wachtwoord-voor-hr"})
    assert response.status_code == 302
    session = response.cookies["sessionid"]  # the cookie the log-in really sets
    assert session["httponly"] and session["samesite"] == "Lax"


def test_production_settings_make_cookies_secure_and_send_hsts(tmp_path):
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY",
             "SESSION_COOKIE_SAMESITE", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
             "DEBUG"]
    code = ("import json; from django.conf import settings; "
            f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))")
    result = run_manage("shell", "-c", code, env_overrides=production_env(), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {"SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True,
                      "CSRF_COOKIE_HTTPONLY": True, "SESSION_COOKIE_SAMESITE": "Lax", "SECURE_HSTS_SECONDS": 31536000,
                      "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_SSL_REDIRECT": True, "DEBUG": False}
