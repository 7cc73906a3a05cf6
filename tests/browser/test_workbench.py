"""The werkbank, the pipeline, the daily summary's page and the staff worklist in real Chromium: worked by keyboard
alone (Tab to the link or field, Enter or Space), and axe finds no WCAG A/AA violation on any of them."""

import pytest
from playwright.sync_api import expect

from candidates.stages import Stage
from interviews.models import SessionInterviewer
from kortrijk_ats import roles
from tests.browser.conftest import login
from tests.browser.staff import check_state, recording_page_fixture
from tests.browser.test_public_pages import UNLABELLED_CONTROLS_JS
from tests.factories import ApplicationFactory, CandidateFactory, staff_user
from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, waitlisted
from tests.workbench.worlds import every_kind, started_booking, walk
from workbench.daily_summary import wants_summary
from workbench.kinds import get_kind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


page = recording_page_fixture()


# The page's own fields (in <main>): the admin's navigation filter beside it is Django's, labelled for assistive tools.
UNLABELLED_IN_MAIN_JS = UNLABELLED_CONTROLS_JS.replace("document.querySelectorAll",
                                                       "document.querySelector('main').querySelectorAll")


def check(page, name, *, our_page=True):
    """axe on the whole page; on the werkbank's own pages also a visible label on every field of <main>."""
    check_state(page, shot=f"workbench-{name}", label=f"workbench: {name}")
    if our_page:
        unlabelled = page.evaluate(UNLABELLED_IN_MAIN_JS)
        assert not unlabelled, f"{name}: fields without a visible label: {unlabelled}"


def tab_to(page, selector, limit=200, *, our_page=True):
    """Press Tab until the element matching `selector` has focus, and (on the werkbank's own pages) see that the
    focus shows at least 2 px wide; an admin page of another app keeps the browser's own focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            if not our_page:
                return
            style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                                      return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
            assert style[0] != "none" and style[1] >= 2, f"no visible focus on {selector}: {style}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_hr_works_the_werkbank_and_the_pipeline_by_keyboard(page, procedure):
    world = every_kind(procedure)
    candidate = world.screening.candidate
    login(page, world.hr)
    page.goto("/admin/")
    expect(page.get_by_role("region", name=f"Werkbank: {procedure.title}")).to_contain_text(
        "Kandidaturen te screenen")
    check(page, "home")

    # From the werkbank to exactly that list.
    link = get_kind("te-screenen").list_url(procedure.pk)
    tab_to(page, f'#werkbank-{procedure.pk} a[href="{link}"]')
    press_enter_and_wait(page)
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text(candidate.full_name)

    # The pipeline: check the one waiting for screening, admit it through the list's bulk decision.
    page.goto("/admin/")
    tab_to(page, f'#werkbank-{procedure.pk} a[href="/admin/werkbank/procedure/{procedure.pk}/"]')
    press_enter_and_wait(page)
    expect(page.get_by_role("heading", name="Screening diploma")).to_be_visible()
    check(page, "pipeline")
    tab_to(page, f"#kies-{world.screening.pk}")
    page.keyboard.press("Space")
    tab_to(page, "#pipeline-action")  # its first decision: screening, admitted
    tab_to(page, ".pipeline-actions button")
    press_enter_and_wait(page)
    expect(page.locator("#selection-count")).to_contain_text("toe op 1 kandidatuur")
    tab_to(page, "input[type=submit].default", our_page=False)  # the applications list's confirmation page
    press_enter_and_wait(page)
    world.screening.refresh_from_db()
    assert world.screening.stage == Stage.ELIGIBLE

    # The werkbank's link now leads to a list that says the work was done meanwhile.
    page.goto(link)
    expect(page.locator(".messagelist")).to_contain_text("Niets meer te doen bij ‘Kandidaturen te screenen’")
    check(page, "list-done-meanwhile", our_page=False)  # the applications list, with the werkbank's note


def test_hr_switches_the_daily_summary_off_by_keyboard(page, procedure):
    world = every_kind(procedure)
    login(page, world.hr)
    page.goto("/admin/")
    tab_to(page, 'a[href="/admin/werkbank/samenvatting/"]')
    press_enter_and_wait(page)
    check(page, "summary-setting")
    tab_to(page, "#id_daily_summary")
    page.keyboard.press("Space")
    tab_to(page, "input[type=submit]")
    press_enter_and_wait(page)
    expect(page.locator(".messagelist")).to_contain_text("Je krijgt geen dagelijkse samenvatting meer.")
    check(page, "summary-setting-saved")
    assert not wants_summary(world.hr)


def test_a_juror_works_the_worklist_by_keyboard(page, procedure):
    add_bundle_competencies(procedure.function)
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    jury_round = open_round(procedure)
    _chair, leader, _external = compose_jury(jury_round)
    ann = jury_round.candidates.get()
    login(page, leader.user)
    page.goto("/mijn-werk/")
    expect(page.get_by_role("link", name="Belangenconflict verklaren: Ann Aerts")).to_be_visible()
    check(page, "my-work-juror")
    tab_to(page, f'a[href="/jury/ronde/{jury_round.pk}/kandidaat/{ann.uid}/"]')
    press_enter_and_wait(page)
    expect(page.get_by_role("heading", name="Ann Aerts", level=1)).to_be_visible()


def test_an_interviewer_works_the_worklist_by_keyboard(page, procedure):
    ivo = staff_user(roles.INTERVIEWER, username="ivo", first_name="Ivo", last_name="Lambrecht")
    application = ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name="Lotte",
                                                                                     last_name="Verstraete"))
    booking = started_booking(walk(application, Stage.ELIGIBLE, Stage.INTAKE_INVITED), minutes_ago=45)
    SessionInterviewer.objects.create(session=booking.slot.session, interviewer=ivo)
    login(page, ivo)
    page.goto("/mijn-werk/")
    expect(page.get_by_text("gesprek voorbij, nog te beoordelen")).to_be_visible()
    check(page, "my-work-interviewer")
    tab_to(page, f'a[href="/intake/gesprek/{booking.uid}/"]')
    press_enter_and_wait(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lotte Verstraete")
