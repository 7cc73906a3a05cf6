"""Over-long input on the log-in and account pages: a 311-character address or a 10,000-character password or code
gets a Dutch message (or the usual "wrong credentials" answer), never a 500; nothing is cut, stored or mailed."""

import re
from html import unescape

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import authenticate, get_user_model
from django.core.cache import cache
from django.test import Client, RequestFactory

from communications.models import Mail
from kortrijk_ats.staff_auth import LOCKOUT_KEY_MAX_LENGTH
from tests.auth import confirmed_device
from tests.factories import UserFactory, hr_user

pytestmark = pytest.mark.django_db

PASSWORD = "Kortrijk-sollicitant-2026"
LONG_ADDRESS = "a" * 299 + "@example.org"
LONG_VALUE = "p" * 10_000
ADDRESS_TOO_LONG = "Hou het e-mailadres op hoogstens 254 tekens (nu 311)."
PASSWORD_TOO_LONG = "Kies een wachtwoord van hoogstens 128 tekens (nu 10000)."


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # allauth counts attempts in the cache
    yield
    cache.clear()


@pytest.fixture
def client():
    # A 500 must show as a status code here, not as an exception the test client re-raises.
    return Client(raise_request_exception=False)


def verified_user(email="kandidaat@example.org"):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def text_of(response):
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def assert_refused(response, message):
    assert response.status_code == 200, response.status_code
    assert message in text_of(response)


def assert_nothing_mailed_or_counted():
    assert not Mail.objects.exists()
    assert not AccessAttempt.objects.exists() and not AccessFailureLog.objects.exists()


def test_candidate_log_in_refuses_an_over_long_address_before_checking_anything(client):
    verified_user()
    response = client.post("/account/login/", {"login": LONG_ADDRESS, "password": PASSWORD})
    assert_refused(response, ADDRESS_TOO_LONG)
    assert LONG_ADDRESS in response.content.decode()  # kept in the field, to correct
    assert "_auth_user_id" not in client.session
    assert_nothing_mailed_or_counted()


def test_candidate_log_in_with_an_over_long_password_is_a_wrong_password(client):
    user = verified_user()
    response = client.post("/account/login/", {"login": user.email, "password": LONG_VALUE})
    assert_refused(response, "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct.")
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username=user.email).failures_since_start == 1  # counted like any wrong one


def test_staff_log_in_refuses_an_over_long_username(client):
    hr_user(username="selectie", password=PASSWORD)
    response = client.post("/admin/login/?next=/admin/", {"username": LONG_ADDRESS, "password": PASSWORD})
    assert_refused(response, "Hou de gebruikersnaam op hoogstens 150 tekens (nu 311).")
    assert 'maxlength="150"' not in response.content.decode()  # a browser would cut a pasted name silently
    assert "_auth_user_id" not in client.session
    assert_nothing_mailed_or_counted()


def test_staff_log_in_with_an_over_long_password_is_a_wrong_password(client):
    hr_user(username="selectie", password=PASSWORD)
    response = client.post("/admin/login/?next=/admin/", {"username": "selectie", "password": LONG_VALUE})
    assert_refused(response, "Voer de correcte gebruikersnaam en wachtwoord voor een stafaccount in.")
    assert AccessAttempt.objects.get(username="selectie").failures_since_start == 1


def test_the_second_factor_refuses_an_over_long_code(client):
    user = hr_user(username="selectie", password=PASSWORD)
    confirmed_device(user)
    client.post("/admin/login/?next=/admin/", {"username": "selectie", "password": PASSWORD})
    response = client.post("/personeel/tweestapsverificatie/", {"token": "1" * 10_000, "next": "/admin/"})
    assert_refused(response, "De code uit je authenticator-app telt 6 cijfers; dit zijn 10000 tekens.")
    assert client.get("/admin/").status_code == 302  # still not past the second factor


def test_password_reset_refuses_an_over_long_address(client):
    response = client.post("/account/password/reset/", {"email": LONG_ADDRESS})
    assert_refused(response, ADDRESS_TOO_LONG)
    assert_nothing_mailed_or_counted()


def test_log_in_by_code_refuses_an_over_long_address(client):
    response = client.post("/account/login/code/", {"email": LONG_ADDRESS})
    assert_refused(response, ADDRESS_TOO_LONG)
    assert_nothing_mailed_or_counted()


def test_an_over_long_log_in_code_is_a_wrong_code(client):
    user = verified_user()
    client.post("/account/login/code/", {"email": user.email})
    response = client.post("/account/login/code/confirm/", {"code": "X" * 10_000})
    assert_refused(response, "Ongeldige code.")
    assert "_auth_user_id" not in client.session


def test_sign_up_refuses_an_over_long_address_instead_of_cutting_it(client):
    response = client.post("/account/signup/", {"email": LONG_ADDRESS, "password1": PASSWORD, "password2": PASSWORD})
    assert_refused(response, ADDRESS_TOO_LONG)
    assert not get_user_model().objects.exists() and not EmailAddress.objects.exists()
    assert_nothing_mailed_or_counted()


def test_sign_up_refuses_an_over_long_password(client):
    response = client.post("/account/signup/", {"email": "nieuw@example.org", "password1": LONG_VALUE,
                                                 "password2": LONG_VALUE})
    assert_refused(response, PASSWORD_TOO_LONG)
    assert not get_user_model().objects.exists()
    assert_nothing_mailed_or_counted()


def reauthenticated(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.post("/account/email/", {"action_add": "", "email": "elders@example.org"})
    assert client.post("/account/reauthenticate/", {"password": PASSWORD}).status_code == 302


def test_the_e_mail_change_refuses_an_over_long_address(client):
    user = verified_user()
    reauthenticated(client, user)
    response = client.post("/account/email/", {"action_add": "", "email": LONG_ADDRESS})
    assert_refused(response, ADDRESS_TOO_LONG)
    assert list(EmailAddress.objects.values_list("email", flat=True)) == [user.email]
    assert not Mail.objects.filter(to__startswith="aaaa").exists()


def test_re_authentication_with_an_over_long_password_is_a_wrong_password(client):
    user = verified_user()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/account/reauthenticate/", {"password": LONG_VALUE})
    assert_refused(response, "Ongeldig wachtwoord.")


def test_a_password_change_refuses_an_over_long_new_password(client):
    user = verified_user()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/account/password/change/", {"oldpassword": PASSWORD, "password1": LONG_VALUE,
                                                          "password2": LONG_VALUE})
    assert_refused(response, PASSWORD_TOO_LONG)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_password_reset_link_refuses_an_over_long_new_password(client):
    user = verified_user()
    client.post("/account/password/reset/", {"email": user.email})
    link = re.search(r"(/account/password/reset/key/\S+/)", Mail.objects.get(to=user.email).body_text).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"password1": LONG_VALUE, "password2": LONG_VALUE})
    assert_refused(response, PASSWORD_TOO_LONG)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_lockout_counts_names_that_differ_only_beyond_its_column_as_one():
    """Should an over-long name reach axes (any caller of authenticate()), its key is cut to the column: varying the
    characters beyond it does not escape the lockout, and nothing longer than the column is stored."""
    stem = "x" * LOCKOUT_KEY_MAX_LENGTH
    requests = RequestFactory()

    def attempt(tail):
        request = requests.post("/admin/login/")
        assert authenticate(request, username=stem + tail, password="fout-wachtwoord") is None
        return getattr(request, "axes_locked_out", False)

    assert [attempt(f"-poging-{number}") for number in range(10)] == [False] * 9 + [True]  # AXES_FAILURE_LIMIT
    assert attempt("-nog-een-andere")  # another tail: the same, locked name
    [counter] = AccessAttempt.objects.all()
    assert counter.username == stem and counter.failures_since_start >= 10
    assert {len(name) for name in AccessFailureLog.objects.values_list("username", flat=True)} == {255}


def test_each_form_limit_is_the_limit_of_the_column_it_fills():
    """A limit written once, on the model: the forms read it, so a form never lets through what the column
    cannot hold (a 500) nor refuses what it can."""
    from django.contrib.auth import get_user_model

    from candidates.accommodations import MAX_ARRANGEMENT_LENGTH
    from candidates.forms.application import ApplicationForm
    from candidates.forms.arrangements import ArrangementForm
    from candidates.models import Application, Candidate
    from interviews.jury.rounds import MAX_REASON_LENGTH
    from interviews.jury.screens.admin import ExternalJurorForm, RoundSettingsForm

    columns = {(ApplicationForm, name): Candidate._meta.get_field(name).max_length
               for name in ("first_name", "last_name", "phone", "street", "postal_code", "city")}
    columns[(ApplicationForm, "diploma_detail")] = Application._meta.get_field("diploma_detail").max_length
    columns.update({(ArrangementForm, name): MAX_ARRANGEMENT_LENGTH
                    for name in ("intake_arrangement", "jury_arrangement")})
    columns.update({(ExternalJurorForm, name): get_user_model()._meta.get_field(name).max_length
                    for name in ("first_name", "last_name")})
    columns[(RoundSettingsForm, "reserve_bypass_reason")] = MAX_REASON_LENGTH
    assert {key: key[0].base_fields[key[1]].max_length for key in columns} == columns
    # The phone and postal code patterns end where their columns do.
    for name in ("phone", "postal_code"):
        assert ApplicationForm.base_fields[name].regex.pattern.endswith(f",{columns[(ApplicationForm, name)]}}}$")
