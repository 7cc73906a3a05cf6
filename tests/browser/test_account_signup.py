"""A new candidate signs up, gets the verification mail from the outbox, follows the link and is logged in;
the other account pages (code log-in, e-mail change, re-authentication) pass axe in Dutch and English."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from communications.models import Mail
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.browser.test_public_pages import assert_every_control_labelled, submit, use_language
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Kortrijk-sollicitant-2026"


def verified_user(email):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def link_in(mail, fragment):
    return next(url for url in re.findall(r"https?://\S+", mail.body_text) if fragment in url)


def test_a_new_candidate_signs_up_verifies_and_is_logged_in(page):
    page.goto("/")
    page.get_by_role("link", name="Aanmelden").click()
    page.get_by_role("link", name="registreer").click()
    # Fields are found by their visible label, as a person would (the asterisk marks a required field).
    page.get_by_label("E-mailadres").fill("an.peeters@example.org")
    page.get_by_label(re.compile(r"^\s*Wachtwoord\*?\s*$")).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Verifieer je e-mailadres"
    shoot(page, "signup-verification-sent")

    mail = Mail.objects.get(to="an.peeters@example.org", event="account")
    assert mail.state == Mail.State.QUEUED
    page.goto(link_in(mail, "/account/confirm-email/"))
    check_axe(page, "confirm e-mail address")
    shoot(page, "signup-confirm-email")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()

    user = get_user_model().objects.get(email="an.peeters@example.org")
    assert EmailAddress.objects.get(user=user).verified
    page.goto("/")
    assert page.get_by_role("button", name="Afmelden").is_visible()
    assert not page.get_by_role("link", name="Aanmelden").count()
    shoot(page, "signup-logged-in")
    # Signing out is a POST from the menu; afterwards the menu offers to sign in again.
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Aanmelden").is_visible()


def open_in(page, language, path, user=None):
    """The page at `path` in `language`, logged in as `user` when one is given."""
    page.goto("/")
    use_language(page, language)
    if user is not None:
        login(page, user)
    page.goto(path)


def check_page(page, name, language, shot=None):
    """A screenshot when named, 0 axe violations (reported as `name` in `language`), every control labelled."""
    if shot:
        shoot(page, f"{shot}-{language}")
    check_axe(page, f"{name} ({language})")
    assert_every_control_labelled(page, name)


def check_refused(page, name, language, shot):
    """Sent as filled in: refused with the error summary, and the page with its errors passes axe."""
    submit(page)
    assert page.locator(".error-summary").is_visible()
    shoot(page, f"{shot}-{language}")
    check_axe(page, f"{name} with errors ({language})")


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_log_in_by_code_pages_pass_axe(page, language):
    user = verified_user(f"code-{language}@example.org")
    open_in(page, language, "/account/login/code/")
    page.locator("#id_email").fill(user.email)
    submit(page)
    assert page.url.endswith("/account/login/code/confirm/")
    check_page(page, "enter log-in code", language)
    page.locator("#id_code").fill("FOUT-CODE")
    check_refused(page, "enter log-in code", language, shot="login-code-errors")

    mail = Mail.objects.filter(to=user.email, event="account").latest("id")
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body_text, re.MULTILINE).group(1)
    page.locator("#id_code").fill(code)
    submit(page)
    page.goto("/")
    assert page.locator("nav form button[type=submit]").is_visible()


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_email_change_and_reauthentication_pages_pass_axe(page, language):
    user = verified_user(f"wijzig-{language}@example.org")
    open_in(page, language, "/account/email/", user)
    check_page(page, "e-mail change", language, shot="email-change")
    page.locator("#id_email").fill(f"nieuw-{language}@example.org")
    page.locator("main form button[name=action_add]").click()
    page.wait_for_load_state()
    assert "/account/reauthenticate/" in page.url
    check_page(page, "re-authenticate", language, shot="reauthenticate")
    page.locator("#id_password").fill("fout-wachtwoord-123")
    check_refused(page, "re-authenticate", language, shot="reauthenticate-errors")
    page.locator("#id_password").fill(PASSWORD)
    submit(page)
    page.wait_for_load_state()
    assert EmailAddress.objects.filter(email=f"nieuw-{language}@example.org", verified=False).exists()
    shoot(page, f"email-change-pending-{language}")
    check_axe(page, f"e-mail change pending ({language})")


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_password_reset_link_page_passes_axe_with_and_without_errors(page, language):
    user = verified_user(f"reset-{language}@example.org")
    open_in(page, language, "/account/password/reset/")
    page.locator("#id_email").fill(user.email)
    submit(page)
    mail = Mail.objects.filter(to=user.email, event="account").latest("id")
    page.goto(link_in(mail, "/account/password/reset/key/"))
    check_page(page, "set new password", language)
    page.locator("#id_password1").fill("kort")
    page.locator("#id_password2").fill("anders")
    check_refused(page, "set new password", language, shot="password-reset-key-errors")
    page.locator("#id_password1").fill("Een-nieuw-wachtwoord-2026")
    page.locator("#id_password2").fill("Een-nieuw-wachtwoord-2026")
    submit(page)
    check_axe(page, f"password changed ({language})")
    user.refresh_from_db()
    assert user.check_password("Een-nieuw-wachtwoord-2026")


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_password_change_page_passes_axe_with_and_without_errors(page, language):
    user = verified_user(f"wachtwoord-{language}@example.org")
    open_in(page, language, "/account/password/change/", user)
    assert page.locator("nav[aria-label] a[aria-current=page]").count() == 1
    check_page(page, "password change", language)
    page.locator("#id_oldpassword").fill("niet-het-oude-wachtwoord")
    page.locator("#id_password1").fill("kort")
    page.locator("#id_password2").fill("kort")
    check_refused(page, "password change", language, shot="password-change-errors")
