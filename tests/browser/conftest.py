"""Shared browser-test harness: Debian's Chromium driven by Playwright against pytest-django's live_server.

Fixtures: `browser` (session), `browser_context`, `page` (base URL = live server, Dutch locale, 1280x900).
Helpers (import them: `from tests.browser.conftest import login, shoot`): `shoot(page, name)` writes a
full-page screenshot to test-artifacts/screenshots/; `login(page, user)` logs a user in through a real
session cookie (no form, for speed); `check_axe` lives in tests/browser/axe.py.
Put browser tests under tests/browser/ so these fixtures apply; a module elsewhere that imports them still
shares the one Chromium of the process (two sync Playwrights cannot run in one thread).
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from tests.auth import login_staff

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
_live = {}  # the live server's URL, for login(); live_server is session-scoped, so there is one
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DEFAULT_TIMEOUT_MS = 15_000


# One Playwright and one Chromium per test process, shared by every copy of the `browser` fixture: a module
# that imports the fixtures gets its own fixture copy, and a second sync Playwright in one thread cannot start.
_chromium = {"users": 0}


def _start_chromium():
    from playwright.sync_api import sync_playwright

    if _chromium["users"] == 0:
        playwright = sync_playwright().start()
        _chromium["playwright"] = playwright
        _chromium["browser"] = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    _chromium["users"] += 1
    return _chromium["browser"]


def _stop_chromium():
    _chromium["users"] -= 1
    if _chromium["users"] == 0:
        _chromium.pop("browser").close()
        _chromium.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield _start_chromium()
    _stop_chromium()


@pytest.fixture
def browser_context(browser, live_server):
    _live["url"] = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="nl-BE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    # A Content-Security-Policy violation shows up as a console error: any one fails the test.
    csp_errors = []
    page.on("console", lambda message: csp_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    yield page
    page.close()
    assert not csp_errors, f"the page broke the Content-Security-Policy: {csp_errors}"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth's rate limits count in the cache; one test's sign-ups must not throttle the next test.
    cache.clear()
    yield
    cache.clear()


def shoot(page, name):
    """Full-page screenshot to test-artifacts/screenshots/<name>.png; returns the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, user):
    """Log `user` in for this page's browser context through a real session cookie (force_login)."""
    # Staff get an OTP-verified session with a real confirmed TOTP device (tests/auth.py).
    client = Client()
    login_staff(client, user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": _live["url"]},
    ])
    return user
