# The shared browser harness (one Chromium per process), for the salary pages' browser tests.
from tests.browser.conftest import _fresh_rate_limits, browser, browser_context, page  # noqa: F401
