"""Staff work without a mouse, in real Chromium: HR decides at screening from the application page (a refusal
without the required reason first, nothing changed) and releases the held mail; a juror declares, scores a candidate
of the demo's jury round, saves and submits. Only the keyboard: Tab to move, Enter to follow a link or press a
button, Space to tick, the arrow keys inside a radio group (as in every radio group). Every state passes axe."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from candidates.models import Application, Transition
from candidates.stages import Stage
from communications.models import Mail
from interviews.jury.parts import items_for
from interviews.models import JuryRound, ScoreSheet
from tests.browser.conftest import login
from tests.browser.staff import recording_page_fixture, state_check
from tests.browser.test_apply import tab_to
from tests.factories import ApplicationFactory, CandidateFactory, hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Het diploma op de kopie is een bachelor bedrijfsmanagement; dat geeft geen toegang tot deze functie."


page = recording_page_fixture()
check = state_check("keyboard", "keyboard")


def press(page, key):
    """A key that submits a form or follows a link: wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_hr_refuses_at_screening_and_releases_the_mail_by_keyboard(page, procedure):
    application = ApplicationFactory(procedure=procedure, candidate=CandidateFactory(
        first_name="Mieke", last_name="Verhaeghe", email="mieke@example.org"))
    login(page, hr_user(username="selectie"))
    page.goto("/admin/candidates/application/")

    tab_to(page, f'#result_list a[href$="/candidates/application/{application.pk}/change/"]')
    press(page, "Enter")
    expect(page.locator("#current-stage")).to_have_text("screening diploma")
    check(page, "application-page")

    # The refusal's button without its reason: the confirmation page asks for it, nothing changes yet.
    tab_to(page, "#stage-action-mark_not_eligible input[type=submit]")
    press(page, "Enter")
    expect(page.get_by_text("Vul een motivering in: die is verplicht voor ‘niet toegelaten’.")).to_be_visible()
    assert Application.objects.get(pk=application.pk).stage == Stage.SCREENING
    check(page, "refusal-without-reason")

    tab_to(page, "textarea[name=mark_not_eligible-reason]")
    page.keyboard.type(REASON)
    tab_to(page, "input[type=submit][value='Ja, bevestigen']")
    press(page, "Enter")
    expect(page.locator("#current-stage")).to_have_text("niet toegelaten")
    expect(page.locator(".messagelist")).to_contain_text("Mieke Verhaeghe staat nu op ‘niet toegelaten’.")
    check(page, "refused")
    transition = Transition.objects.get(application=application)
    assert (transition.to_stage, transition.reason) == (Stage.NOT_ELIGIBLE, REASON)

    tab_to(page, "#release-mails input[type=submit]")
    press(page, "Enter")
    expect(page.locator(".messagelist")).to_contain_text("1 mail vrijgegeven voor verzending.")
    check(page, "mail-released")
    assert Mail.objects.for_object(application).get().state != Mail.State.DRAFT


def test_a_juror_declares_scores_saves_and_submits_by_keyboard(page):
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    jury_round = JuryRound.objects.get()
    candidate = jury_round.candidates.select_related("application__candidate").get()
    name = candidate.application.candidate.full_name
    juror = get_user_model().objects.get(username="demo.jury.leidinggevende")
    login(page, juror)
    page.goto("/jury/")
    check(page, "jury-home")

    tab_to(page, f'main a[href="/jury/ronde/{jury_round.pk}/"]')
    press(page, "Enter")
    tab_to(page, f'main a[href="/jury/ronde/{jury_round.pk}/kandidaat/{candidate.uid}/"]')
    press(page, "Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    check(page, "jury-candidate")

    tab_to(page, "input[name=declaration][value=none]")
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    press(page, "Enter")
    expect(page.get_by_text("Je verklaarde dat je geen belangenconflict hebt met deze kandidaat.")).to_be_visible()
    check(page, "jury-declared")

    items = list(items_for(jury_round))
    for item in items:
        # Tab enters the group on its first score; Space ticks it, the arrow moves the choice up the scale to 4.
        tab_to(page, f"input[name='value_{item.key}']")
        page.keyboard.press("Space")
        for _step in range(4 - jury_round.scale_min):
            page.keyboard.press("ArrowRight")
        expect(page.locator(f"input[name='value_{item.key}'][value='4']")).to_be_checked()
        tab_to(page, f"textarea[name='text_{item.key}']")
        page.keyboard.type(f"{item.label}: een concreet voorbeeld uit het gesprek.")
    check(page, "jury-scores-filled-in")

    tab_to(page, "button[name=action][value=save]")
    press(page, "Enter")
    expect(page.get_by_text("Je scores zijn bewaard (nog niet ingediend).")).to_be_visible()
    sheet = ScoreSheet.objects.get(member__user=juror, jury_candidate=candidate)
    assert sheet.submitted_at is None
    assert sorted(score.value for score in sheet.scores.all()) == [4] * len(items)
    check(page, "jury-scores-saved")

    tab_to(page, "button[name=action][value=submit]")
    press(page, "Enter")
    expect(page.get_by_text("Je scores zijn ingediend en vergrendeld.")).to_be_visible()
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None
    check(page, "jury-scores-submitted")
