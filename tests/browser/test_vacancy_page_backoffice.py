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
from tests.factories import hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_function_and_procedure_pages_with_the_new_inlines_pass_axe(browser_context):
    # Our own page, not the `page` fixture: axe's run on these admin pages applies inline styles of its own, which the
    # CSP blocks; the pages themselves must break no CSP rule, checked on each page before axe runs.
    page = browser_context.new_page()
    csp_errors = []
    page.on("console", lambda message: csp_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    call_command("seed_kortrijk", stdout=StringIO())
    login(page, hr_user(username="hr-teksten"))
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    page.goto(f"/admin/procedures/function/{function.pk}/change/")
    expect(page.locator("#descriptions-group")).to_contain_text("vanuit de wijkteams")
    expect(page.get_by_label("Feedback vragen kan tot (maanden)")).to_have_value("")
    shoot(page, "backoffice-function-descriptions")
    assert not csp_errors
    check_axe(page, "function with its descriptions", within="#descriptions-group")

    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    csp_errors.clear()  # what axe itself caused on the function's page
    page.goto(f"/admin/procedures/procedure/{procedure.pk}/change/")
    expect(page.locator("#steps-group")).to_contain_text("Online kennismakingsinterview")
    expect(page.get_by_label("Contract")).to_have_value("contract van onbepaalde duur")
    shoot(page, "backoffice-procedure-steps")
    assert not csp_errors
    check_axe(page, "procedure with its steps", within="#steps-group")
    check_axe(page, "procedure's key facts", within="fieldset:has(#id_contract_type)")
