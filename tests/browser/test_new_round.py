"""HR starts next year's round in real Chromium, by keyboard, from the seeded procedure's page: the "Nieuwe ronde"
page, a refusal on it, then the new round's page. axe finds no WCAG A/AA violation on any of them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from procedures import seed_data
from procedures.models import Procedure
from tests.browser.conftest import login
from tests.browser.staff import recording_page_fixture, state_check
from tests.factories import hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


page = recording_page_fixture()
check = state_check("new-round", "new round")


def test_hr_starts_the_next_round_by_keyboard_and_every_page_passes_axe(page):
    call_command("seed_kortrijk", stdout=StringIO())
    old = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    login(page, hr_user(username="selectie-ronde"))
    today = timezone.localdate()

    page.goto(f"/admin/procedures/procedure/{old.pk}/change/")
    button = page.get_by_role("link", name="Nieuwe ronde", exact=True)
    check(page, "procedure-page")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/procedures/procedure/{old.pk}/nieuwe-ronde/")
    expect(page.get_by_role("heading", name="Nieuwe ronde van ‘Maatschappelijk werker (B1-B3)’")).to_be_visible()
    expect(page.get_by_label("Titel")).to_have_value("Maatschappelijk werker (B1-B3)")
    expect(page.get_by_label("Omschrijving, rij 4")).to_have_value("voormiddag")  # the bundle's four moments
    check(page, "form")

    # A last day to apply in the past: refused on the page, what HR typed kept.
    page.get_by_label("Titel").fill("Maatschappelijk werker (B1-B3) – volgende ronde")
    page.get_by_label("Webadres (slug)").fill("maatschappelijk-werker-volgende")
    page.get_by_label("Kandidaturen vanaf").fill((today - timedelta(days=9)).isoformat())
    page.get_by_label("Kandidaturen tot en met").fill((today - timedelta(days=1)).isoformat())
    page.get_by_label("Kandidaturen tot en met").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("ligt in het verleden")
    expect(page.get_by_label("Webadres (slug)")).to_have_value("maatschappelijk-werker-volgende")
    check(page, "refused")
    assert Procedure.objects.count() == 1

    page.get_by_label("Kandidaturen vanaf").fill(today.isoformat())
    page.get_by_label("Kandidaturen tot en met").fill((today + timedelta(days=30)).isoformat())
    page.get_by_label("Niet aanmaken, rij 4").check()
    page.get_by_role("button", name="Nieuwe ronde aanmaken").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/procedures/procedure/*/change/")
    new = Procedure.objects.get(slug="maatschappelijk-werker-volgende")
    assert page.url.endswith(f"/admin/procedures/procedure/{new.pk}/change/")
    expect(page.locator(".messagelist")).to_contain_text("aangemaakt, in voorbereiding")
    check(page, "new-procedure-page")
    assert (new.status, new.intake_sessions.count(), new.diplomas.count()) == (Procedure.Status.DRAFT, 3, 13)
