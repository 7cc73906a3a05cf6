"""HR sees what the bundle leaves to HR, in real Chromium: the "nog in te vullen" box on the back office's index, the
function's and the procedure's page; from the box to the field, by keyboard; axe finds no WCAG A/AA violation."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from procedures import seed_data
from procedures.models import Procedure
from tests.browser.conftest import login
from tests.browser.staff import recording_page_fixture, state_check
from tests.factories import hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESERVE = "Geldigheid van de wervingsreserve van de functie ‘Maatschappelijk werker’"


page = recording_page_fixture()
check = state_check("missing-settings", "missing settings")


def test_hr_finds_and_fills_in_what_the_bundle_does_not_state(page):
    call_command("seed_kortrijk", stdout=StringIO())
    procedure = Procedure.objects.select_related("function").get(slug=seed_data.PROCEDURE_SLUG)
    # The round as HR prepares it: its moments ahead, on the bundle's weekdays (a past moment asks for no hours).
    first = procedure.intake_sessions.order_by("date").first().date
    procedure.intake_sessions.update(date=F("date") + timedelta(weeks=(timezone.localdate() - first).days // 7 + 1))
    sessions = list(procedure.intake_sessions.order_by("date"))
    first_moment, last_moment = (f"Begin- en einduur van het intakemoment {date_format(s.date, 'l d/m/Y')} ({s.label})"
                                 for s in (sessions[0], sessions[-1]))
    login(page, hr_user(username="selectie"))

    page.goto("/admin/")
    box = page.get_by_role("region", name="Nog in te vullen voor ‘Maatschappelijk werker (B1-B3)’")
    expect(box).to_contain_text(RESERVE)
    expect(box).to_contain_text(first_moment)
    expect(box).to_contain_text("Laatste dag om te solliciteren")
    check(page, "admin-index")

    # From the box to the function's page, by keyboard.
    link = box.get_by_role("link", name="Invullen in Back office › Functies › Maatschappelijk werker")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/procedures/function/{procedure.function.pk}/change/")
    expect(page.get_by_role("region", name="Nog in te vullen door HR")).to_contain_text(RESERVE)
    check(page, "function-page")
    page.get_by_label("Geldigheid wervingsreserve (maanden)").fill("24")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(f"/admin/procedures/procedure/{procedure.pk}/change/")
    box = page.get_by_role("region", name="Nog in te vullen door HR")
    expect(box).to_contain_text(last_moment)
    expect(box).not_to_contain_text(RESERVE)
    check(page, "procedure-page")
    procedure.function.refresh_from_db()
    assert procedure.function.reserve_months == 24
