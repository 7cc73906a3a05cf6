"""Reasonable accommodations and the reserve-first start of a jury round, in real Chromium.

HR reads the request and records the arrangement per interview by keyboard (with a refusal first, nothing lost);
the interviewer and the jurors see only their step's arrangement; the candidate reads it in the timeline. HR's start
of a jury round is refused while the reserve waits, then goes with a reason. axe finds no WCAG A/AA violation on any
of these pages."""

from datetime import time

import pytest
from playwright.sync_api import expect

from candidates.models import Application
from interviews.intake.booking import book_slot
from interviews.models import JuryRound
from tests.browser.conftest import login
from tests.browser.staff import recording_page_fixture, state_check
from tests.factories import TeamFactory, hr_user
from tests.interviews.helpers import future_session, invited_application, make_slot
from tests.jury.helpers import add_bundle_competencies, compose_jury, make_vacancy, open_round, waitlisted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUEST = "Ik ben doof sinds mijn geboorte; ik spreek Vlaamse Gebarentaal."
INTAKE = "Ondertiteling in Teams en een chatvenster."
JURY = "Gesprek met tolk Vlaamse Gebarentaal; 10 minuten extra tijd."


page = recording_page_fixture()
check = state_check("accommodations", "accommodations")


def test_hr_records_the_arrangement_and_each_step_sees_only_its_own(page, procedure):
    from tests.interviews.test_assessment import interviewer

    add_bundle_competencies(procedure.function)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts", accommodations=REQUEST)
    jury_round = open_round(procedure)
    _chair, leader, _external = compose_jury(jury_round)
    booked = invited_application(procedure, accommodations="Ik heb epilepsie; geen flitsend licht.")
    anna = interviewer("anna")
    slot = make_slot(future_session(procedure), at=time(9))
    slot.interviewers.set([anna])
    booking = book_slot(slot, application=booked)

    login(page, hr_user(username="selectie"))
    page.goto(f"/admin/candidates/application/{ann.pk}/change/")
    expect(page.locator("#arrangement-awaited")).to_be_visible()
    check(page, "application-page")
    link = page.get_by_role("link", name="Aanpassingen vastleggen of wijzigen")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/candidates/application/{ann.pk}/aanpassingen/")
    expect(page.locator("#accommodation-request")).to_contain_text(REQUEST)
    check(page, "form")

    # Too long: refused on the page, what HR typed kept.
    page.get_by_label("Aanpassing voor het kennismakingsinterview").fill(INTAKE * 30)
    page.get_by_label("Aanpassing voor het jobinterview").fill(JURY)
    page.get_by_role("button", name="Aanpassingen bewaren").click()
    expect(page.locator(".errornote")).to_contain_text("Gebruik hoogstens 1000 tekens (nu 1260)")
    expect(page.get_by_label("Aanpassing voor het jobinterview")).to_have_value(JURY)
    check(page, "form-with-errors")
    page.get_by_label("Aanpassing voor het kennismakingsinterview").fill(INTAKE)
    page.get_by_label("Aanpassing voor het kennismakingsinterview").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the jury field to the button
    page.keyboard.press("Enter")
    expect(page.get_by_text("De aanpassingen zijn bewaard.")).to_be_visible()
    ann.refresh_from_db()
    assert (ann.intake_arrangement, ann.jury_arrangement) == (INTAKE, JURY)
    Application.objects.filter(pk=booked.pk).update(intake_arrangement="Geen flitsende achtergrond in Teams.")

    # The jurors: the jury's arrangement on the round and the candidate's page, never the request.
    login(page, leader.user)
    page.goto(f"/jury/ronde/{jury_round.pk}/")
    expect(page.get_by_role("row", name="Ann Aerts")).to_contain_text(JURY)
    check(page, "jury-round")
    page.get_by_role("link", name="Ann Aerts").click()
    expect(page.locator("#dossier").locator("..")).to_contain_text(JURY)
    assert REQUEST not in page.content() and INTAKE not in page.content()
    check(page, "jury-candidate")

    # The interviewer: the intake's arrangement of the booked candidate, never the request.
    login(page, anna)
    page.goto(f"/intake/dag/{slot.starts_at.date().isoformat()}/")
    expect(page.get_by_text("Geen flitsende achtergrond in Teams.")).to_be_visible()
    assert "epilepsie" not in page.content()
    check(page, "interviewer-day")
    page.goto(f"/intake/gesprek/{booking.uid}/")
    expect(page.get_by_text("Geen flitsende achtergrond in Teams.")).to_be_visible()
    assert "epilepsie" not in page.content()
    check(page, "interviewer-file")

    # The candidate: both arrangements in the timeline.
    login(page, ann.candidate.user)
    page.goto(f"/mijn-kandidaturen/{ann.public_id}/")
    timeline = page.get_by_role("region", name="Wat is er al gebeurd?")
    expect(timeline).to_contain_text(f"aanpassing vast voor je kennismakingsinterview: {INTAKE}")
    expect(timeline).to_contain_text(f"aanpassing vast voor je jobinterview: {JURY}")
    check(page, "portal-timeline")


def test_hr_starts_a_round_before_the_reserve_only_with_a_reason(page, procedure):
    from tests.jury.rounds import decide

    add_bundle_competencies(procedure.function)
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    first = open_round(procedure)
    decide((first, list(first.candidates.order_by("position")), *compose_jury(first)), values=(5, 4))
    waitlisted(procedure, first_name="Nina", last_name="Nieuw")
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))

    login(page, hr_user(username="selectie"))
    page.goto(f"/admin/procedures/vacancy/{vacancy.pk}/juryronde/")
    expect(page.locator("#reserve-first")).to_contain_text("Bert Bauwens")
    check(page, "start-round-reserve-waits")
    page.get_by_role("button", name="Juryronde starten en uitnodigen").click()
    expect(page.locator("#reserve-refusal")).to_contain_text("1 geldige kandidaat in de wervingsreserve")
    check(page, "start-round-refused")
    assert not JuryRound.objects.filter(vacancy=vacancy).exists()

    reason = page.get_by_label("Reden om nu te starten, voor de wervingsreserve")
    reason.fill("Bert Bauwens zocht na de vorige vacature enkel nog halftijds werk.")
    reason.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/interviews/juryround/*/change/")
    expect(page.get_by_text("Gestart terwijl 1 geldige reservekandidaat geen matchgesprek had.")).to_be_visible()
    check(page, "round-page")
    assert JuryRound.objects.get(vacancy=vacancy).reserve_bypass_reason.startswith("Bert Bauwens")
