"""The candidate's job offer in real Chromium: from the application page to the offer, its salary simulation, and
accepting it after the confirmation step. axe finds no WCAG A/AA violation on any of these pages."""

import re

import pytest

from offers.models import Offer
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.factories import ProcedureFactory
from tests.offers.helpers import closed_round, hr_pair, sent_offer
from tests.pay.scales import create_pay_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offer(db):
    procedure = ProcedureFactory(title="Maatschappelijk werker (B1-B3)")
    create_pay_world(procedure.function)
    jury = closed_round(procedure)
    maker, checker = hr_pair()
    return sent_offer(jury.proposal, maker=maker, checker=checker)


def check(page, name):
    shoot(page, name)
    check_axe(page, name)


def test_the_candidate_views_the_offer_opens_the_simulation_and_accepts(page, offer):
    application = offer.proposal.application
    login(page, application.candidate.user)

    page.goto(f"/mijn-kandidaturen/{application.public_id}/")
    page.get_by_role("link", name="Bekijk je jobaanbod").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Je jobaanbod"
    assert page.locator("#maandloon").inner_text() == "€ 2.625,00"
    assert offer.respond_by.strftime("%d/%m/%Y") in page.locator("main").inner_text()
    check(page, "offer-detail")

    page.get_by_role("link", name="Bekijk je volledige loonsimulatie").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Je loonsimulatie"
    assert page.locator("svg").count() >= 1
    assert "€ 31.500,00" in page.locator("main").inner_text()
    check(page, "offer-simulation")

    page.get_by_role("link", name="Terug naar je jobaanbod").click()
    page.get_by_role("link", name="Aanbod aanvaarden").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Aanvaard je het jobaanbod?"
    check(page, "offer-accept-confirm")
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.SENT  # the confirmation page changes nothing

    page.get_by_role("button", name="Ja, ik aanvaard het jobaanbod").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert re.search(r"Je aanvaardde het jobaanbod", main)
    assert "uittreksel uit het strafregister" in main
    assert page.get_by_role("link", name="Aanbod aanvaarden").count() == 0
    check(page, "offer-accepted")
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.ACCEPTED


def test_the_decline_confirmation_passes_axe_and_explains_a_missing_choice(page, offer):
    application = offer.proposal.application
    login(page, application.candidate.user)
    page.goto(f"/mijn-kandidaturen/{application.public_id}/jobaanbod/{offer.uid}/weigeren/")
    check(page, "offer-decline-confirm")
    page.get_by_role("button", name="Ja, ik weiger het jobaanbod").click()
    page.wait_for_load_state()
    assert "Kies wat er met je kandidatuur gebeurt." in page.locator(".error-summary").inner_text()
    check(page, "offer-decline-error")
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.SENT
