"""Shared by the back-office browser tests: a page that keeps its Content-Security-Policy errors for the test to
check, and the check of one state of a page.

The errors are kept, not failed at teardown as the shared `page` fixture does: axe's preload re-inserts the admin's
@import-ed stylesheet as an inline style, which the CSP rightly blocks, so each state is checked for CSP errors before
axe runs and the list is cleared after. A module uses them as
    page = recording_page_fixture()
    check = state_check("new-round", "new round")
"""

import pytest

from tests.browser.axe import check_axe
from tests.browser.conftest import shoot


def csp_recording_page(browser_context):
    """A new page whose CSP console errors collect in `page.csp_errors` (a generator, for a fixture)."""
    page = browser_context.new_page()
    page.csp_errors = []
    page.on("console", lambda message: page.csp_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    yield page
    page.close()


def check_state(page, *, shot, label):
    """A screenshot named `shot`, no CSP error, then 0 axe violations (reported as `label`); the list starts afresh."""
    shoot(page, shot)
    assert not page.csp_errors, f"the page broke the Content-Security-Policy: {page.csp_errors}"
    check_axe(page, label)
    page.csp_errors.clear()


def recording_page_fixture():
    """A module's `page` fixture: the shared one replaced by a CSP-recording page."""
    @pytest.fixture
    def page(browser_context):
        yield from csp_recording_page(browser_context)
    return page


def state_check(shot_prefix, label_prefix):
    """`check(page, name)`: check_state with the module's names for the screenshot and the report."""
    def check(page, name):
        check_state(page, shot=f"{shot_prefix}-{name}", label=f"{label_prefix}: {name}")
    return check
