"""The back office pages where HR keeps what the public pages say, in real Chromium with the seeded bundle: the
function with its two function descriptions and the procedure with its steps. axe finds no WCAG A/AA violation in
these parts. (The older tabular lists on the same pages, diplomas, intake days and competencies, have unlabelled
fields that axe reports; they are outside this check.)"""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from procedures import seed_data
from procedures.models import Function, Procedure
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.browser.staff import recording_page_fixture
from tests.factories import hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


page = recording_page_fixture()


def check(page, shot, *parts):
    """A screenshot, no CSP error, then 0 axe violations in each (label, selector) part; axe's own CSP errors are
    cleared after."""
    shoot(page, shot)
    assert not page.csp_errors, f"the page broke the Content-Security-Policy: {page.csp_errors}"
    for label, within in parts:
        check_axe(page, label, within=within)
    page.csp_errors.clear()


def test_the_function_and_procedure_pages_with_the_new_inlines_pass_axe(page):
    call_command("seed_kortrijk", stdout=StringIO())
    login(page, hr_user(username="hr-teksten"))
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    page.goto(f"/admin/procedures/function/{function.pk}/change/")
    expect(page.locator("#descriptions-group")).to_contain_text("vanuit de wijkteams")
    expect(page.get_by_label("Feedback vragen kan tot (maanden)")).to_have_value("")
    check(page, "backoffice-function-descriptions", ("function with its descriptions", "#descriptions-group"))

    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    page.goto(f"/admin/procedures/procedure/{procedure.pk}/change/")
    expect(page.locator("#steps-group")).to_contain_text("Online kennismakingsinterview")
    expect(page.get_by_label("Contract")).to_have_value("contract van onbepaalde duur")
    check(page, "backoffice-procedure-steps", ("procedure with its steps", "#steps-group"),
          ("procedure's key facts", "fieldset:has(#id_contract_type)"))
