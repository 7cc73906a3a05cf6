"""The public shell in real Chromium: axe on every page state, in Dutch and English."""

import pytest

from tests.browser.axe import check_axe
from tests.browser.conftest import shoot
from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_vacancy_page_has_no_axe_violations(page):
    make_vacancy()
    page.goto("/vacatures/maatschappelijk-werker/")
    shoot(page, "vacancy-nl")
    check_axe(page, "vacancy page (nl)")
