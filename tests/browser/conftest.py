"""Shared browser-test harness: Debian's Chromium driven by Playwright against pytest-django's live_server.

Fixtures: `browser` (session), `browser_context`, `page` (base URL = live server, Dutch locale, 1280x900).
Helpers (import them: `from tests.browser.conftest import login, shoot`): `shoot(page, name)` writes a
full-page screenshot to test-artifacts/screenshots/; `login(page, user)` logs a user in through a real
session cookie (no form, for speed); `check_axe` lives in tests/browser/axe.py.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
    yield page
    page.close()


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
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": _live["url"]},
    ])
    return user
