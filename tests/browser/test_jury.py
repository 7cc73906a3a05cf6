"""The jury in real Chromium: a juror declares, scores a candidate (with a refused submit first) and then sees the
others' scores; the chair reaches consensus on the side-by-side view, closes the deliberation and opens the PV.
axe finds no WCAG A/AA violation on any jury page; every field has a visible label."""

import pytest
from playwright.sync_api import expect

from candidates.stages import Stage
from interviews.jury.parts import items_for
from interviews.models import ConsensusScore, JuryCandidate, JuryRound, ScoreSheet
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.browser.test_public_pages import assert_every_control_labelled
from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, score_all, waitlisted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, name):
    shoot(page, f"jury-{name}")
    check_axe(page, f"jury {name}")
    assert_every_control_labelled(page, f"jury {name}")


def test_a_juror_scores_and_the_chair_reaches_consensus(page, browser_context, procedure):
    add_bundle_competencies(procedure.function)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    jc = jury_round.candidates.get()
    items = items_for(jury_round)
    first = items[0]
    # The chair and the external expert scored already; on the first competency they are 2 apart from the leader.
    score_all(chair, jc, lambda item: 2 if item.key == first.key else 4, evidence="Voorbeeld gezien in het gesprek.")
    score_all(external, jc, 4, evidence="Sterk antwoord met concreet voorbeeld.")

    login(page, leader.user)
    page.goto("/jury/")
    check(page, "my-rounds")
    page.get_by_role("link", name=f"{procedure.function.name} – Wijkteam Lange Munte").click()
    check(page, "round")
    page.get_by_role("link", name="Ann Aerts").click()
    expect(page.get_by_role("heading", name="Ann Aerts", level=1)).to_be_visible()
    assert "Sterk antwoord" not in page.content()  # nothing of the others before declaring and scoring
    check(page, "candidate-declare")
    page.get_by_label("Ik verklaar dat ik geen belangenconflict heb met deze kandidaat.").check()
    page.get_by_role("button", name="Verklaring opslaan").click()
    expect(page.get_by_text("Je verklaring is opgeslagen.")).to_be_visible()
    check(page, "candidate-score-form")

    # Every part scored, but one evidence note left out: refused, nothing lost, the reason at the field.
    for item in items:
        page.locator(f"input[name='value_{item.key}'][value='4']").check()
        if item.key != items[-1].key:
            page.locator(f"textarea[name='text_{item.key}']").fill(f"{item.label}: concreet voorbeeld gegeven.")
    page.get_by_role("button", name="Indienen en vergrendelen").click()
    expect(page.locator(".error-summary")).to_contain_text("onderbouwing is verplicht")
    assert page.locator(f"input[name='value_{items[0].key}'][value='4']").is_checked()
    check(page, "candidate-score-error")
    page.locator(f"textarea[name='text_{items[-1].key}']").fill("Motivatie sterk onderbouwd.")
    page.get_by_role("button", name="Indienen en vergrendelen").click()
    expect(page.get_by_text("Je scores zijn ingediend en vergrendeld.")).to_be_visible()
    expect(page.get_by_role("table", name="Ingediende scores per onderdeel en per jurylid")).to_contain_text(
        "Sterk antwoord met concreet voorbeeld.")
    check(page, "candidate-after-submit")
    assert ScoreSheet.objects.get(member=leader, jury_candidate=jc).submitted_at is not None

    # The chair: side by side, the 2-point difference flagged, consensus with reasons, deliberation, PV.
    browser_context.clear_cookies()
    login(page, chair.user)
    page.goto(f"/jury/ronde/{jury_round.pk}/kandidaat/{jc.uid}/consensus/")
    flagged = page.locator("tr.table-warning")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text(first.label)
    expect(flagged).to_contain_text("verschil 2: bespreken")
    check(page, "consensus")
    page.get_by_role("button", name="Consensus opslaan").click()  # nothing filled: nothing to save yet
    for item in items:
        page.get_by_label(f"Consensusscore {item.label}", exact=True).select_option("4")
        page.get_by_label(f"Motivering {item.label}", exact=True).fill(f"Eens na bespreking: {item.label}.")
    page.get_by_label(f"Motivering {items[1].label}", exact=True).fill("")
    page.get_by_role("button", name="Consensus opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("een consensusscore heeft een motivering nodig")
    check(page, "consensus-error")
    page.get_by_label(f"Motivering {items[1].label}", exact=True).fill("Eens na bespreking.")
    page.get_by_role("button", name="Consensus opslaan").click()
    expect(page.get_by_text("De consensus is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Totaal: 80,00 %")).to_be_visible()
    check(page, "consensus-done")
    assert ConsensusScore.objects.filter(jury_candidate=jc).count() == len(items)

    page.goto(f"/jury/ronde/{jury_round.pk}/beraadslaging/")
    check(page, "deliberation")
    page.get_by_role("button", name="Beraadslaging afsluiten").click()
    expect(page.get_by_text("De beraadslaging is afgesloten.")).to_be_visible()
    expect(page.get_by_role("heading", name="Proces-verbaal van de jury")).to_be_visible()
    check(page, "pv")
    page.get_by_label("Ik las dit proces-verbaal en keur het goed.").check()
    page.get_by_role("button", name="PV goedkeuren").click()
    expect(page.get_by_text("Je keurde het PV goed.")).to_be_visible()
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.DECIDED
    assert JuryCandidate.objects.get(pk=jc.pk).decision == JuryCandidate.Decision.OFFER
    ann.refresh_from_db()
    assert ann.stage == Stage.JURY_INVITED  # the decisions wait for every juror's approval


def test_a_juror_opens_the_function_description_beside_the_candidate_by_keyboard(page, procedure):
    from procedures.seed_annexes import seed_function_descriptions
    from procedures.seeding import Seeder

    add_bundle_competencies(procedure.function)
    seed_function_descriptions(procedure.function, seeder=Seeder())
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    jury_round = open_round(procedure)
    _chair, leader, _external = compose_jury(jury_round)
    jc = jury_round.candidates.get()

    login(page, leader.user)
    page.goto(f"/jury/ronde/{jury_round.pk}/kandidaat/{jc.uid}/")
    title = page.get_by_role("heading", name=f"{procedure.function.name} in een wijkteam", level=3)
    expect(title).to_be_hidden()
    page.locator("summary", has_text="Toon de functiebeschrijving").focus()
    page.keyboard.press("Enter")
    expect(title).to_be_visible()
    expect(page.get_by_text("Je neemt verantwoordelijkheden op in het wijkactieplan")).to_be_visible()
    assert page.get_by_role("heading", name=f"{procedure.function.name} in een centraal aangestuurd team").count() == 0
    check(page, "candidate-function-description")


def test_the_candidates_jury_pages_pass_axe(page, procedure, hr):
    """The questionnaire (with a refused submit), the application page's jury actions, asking for feedback and the
    reserve's unavailability page: axe clean, every field labelled."""
    from communications.models import Mail
    from communications.outbox import release_mails
    from interviews.models import Questionnaire, QuestionnaireItem
    from tests.jury.rounds import decide

    add_bundle_competencies(procedure.function)
    questionnaire = Questionnaire.objects.create(name="Werkstijl", instructions="Antwoord spontaan.")
    for position, text in enumerate(("Ik blijf rustig als het druk wordt.", "Ik werk graag samen.")):
        QuestionnaireItem.objects.create(questionnaire=questionnaire, position=position, text=text, trait="stijl")
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    jury_round = open_round(procedure, questionnaire=questionnaire)
    chair, leader, external = compose_jury(jury_round)

    login(page, ann.candidate.user)
    page.goto(f"/mijn-kandidaturen/{ann.public_id}/")
    page.get_by_role("link", name="Vul de persoonlijkheidsvragenlijst in").click()
    check(page, "questionnaire")
    page.get_by_role("group", name="1. Ik blijf rustig als het druk wordt.").get_by_label("4").check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies een antwoord.")
    check(page, "questionnaire-error")
    page.get_by_role("group", name="2. Ik werk graag samen.").get_by_label("5 (helemaal akkoord)").check()
    page.get_by_role("button", name="Antwoorden versturen").click()
    expect(page.get_by_text("Je vulde de persoonlijkheidsvragenlijst in.")).to_be_visible()
    check(page, "application-after-questionnaire")

    candidates = list(jury_round.candidates.order_by("position"))
    decide((jury_round, candidates, chair, leader, external), values=(5, 2))
    release_mails(Mail.objects.filter(event__in=["jury_failed", "reserve"]), by=hr)

    page.context.clear_cookies()
    login(page, bert.candidate.user)
    page.goto(f"/mijn-kandidaturen/{bert.public_id}/")
    page.get_by_role("link", name="Feedback van de jury vragen").click()
    check(page, "feedback-request")
    page.get_by_role("button", name="Ja, ik vraag feedback").click()
    expect(page.get_by_text("Je vraag om feedback is doorgegeven.")).to_be_visible()
    check(page, "application-after-feedback-request")


def test_a_reserve_candidates_unavailability_page_passes_axe(page, procedure, hr):
    from datetime import timedelta

    from django.utils import timezone

    from communications.models import Mail
    from communications.outbox import release_mails
    from tests.jury.rounds import decide

    add_bundle_competencies(procedure.function)
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    decide((jury_round, list(jury_round.candidates.order_by("position")), chair, leader, external), values=(5, 4))
    release_mails(Mail.objects.filter(event="reserve"), by=hr)

    login(page, bert.candidate.user)
    page.goto(f"/mijn-kandidaturen/{bert.public_id}/")
    page.get_by_role("link", name="Tijdelijk niet beschikbaar? Geef het door").click()
    check(page, "availability")
    today = timezone.localdate()
    page.get_by_label("Niet beschikbaar vanaf").fill((today + timedelta(days=10)).isoformat())
    page.get_by_label("Opnieuw beschikbaar vanaf").fill((today + timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.locator(".error-summary")).to_contain_text("ligt na de eerste dag")
    check(page, "availability-error")
    page.get_by_label("Opnieuw beschikbaar vanaf").fill((today + timedelta(days=40)).isoformat())
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.get_by_text("We noteerden dat je tijdelijk niet beschikbaar bent.")).to_be_visible()
    check(page, "availability-listed")
