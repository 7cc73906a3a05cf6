"""The candidate's own pages in real Chromium: sign up, apply with a diploma upload, follow the timeline, withdraw.

Every state (empty form, form with errors, after upload, confirmation, refused because of a ban, timeline) is
screenshotted and checked by axe for WCAG 2.0/2.1 A and AA; every field has a visible label; 320 px fits.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from candidates.models import Application, Document
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from procedures.models import Procedure
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.browser.test_public_pages import assert_every_control_labelled, use_language
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory, CandidateFactory, ProcedureFactory, UserFactory
from tests.portal.files import PDF, PNG
from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Kortrijk-sollicitant-2026"
APPLY = "/vacatures/maatschappelijk-werker/solliciteren/"


@pytest.fixture
def vacancy(db):
    make_vacancy(applications_close_on=None)


@pytest.fixture
def files(tmp_path):
    diploma = tmp_path / "diploma Ann.pdf"
    diploma.write_bytes(PDF)
    photo = tmp_path / "diploma-foto.png"
    photo.write_bytes(PNG)
    return {"pdf": diploma, "png": photo}


def candidate_user(email="ann@example.org"):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def check_state(page, name):
    shoot(page, name)
    check_axe(page, name)
    assert_every_control_labelled(page, name)


def fits_320(page):
    page.set_viewport_size({"width": 320, "height": 700})
    width = page.evaluate("document.scrollingElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return width <= 320


def field(page, label):
    """The control with exactly this visible label (a required field's label ends in an asterisk)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def fill_personal_data(page):
    field(page, "Voornaam").fill("Ann")
    field(page, "Achternaam").fill("Peeters")
    field(page, "Telefoonnummer").fill("056 27 80 00")
    field(page, "Straat en huisnummer").fill("Grote Markt 54")
    field(page, "Postcode").fill("8500")
    field(page, "Gemeente").fill("Kortrijk")
    field(page, "Geboortedatum").fill("17/05/1995")


def submit_form(page):
    page.get_by_role("button", name="Kandidatuur indienen").click()
    page.wait_for_load_state()


def apply_with(page, diploma, copy):
    """The whole form for Ann with this diploma and a copy of it, the privacy notice acknowledged, sent."""
    page.goto(APPLY)
    fill_personal_data(page)
    field(page, "Je diploma").select_option(label=diploma)
    field(page, "Kopie van je diploma").set_input_files(copy)
    field(page, "Ik heb de privacyverklaring gelezen").check()
    submit_form(page)


def in_an_earlier_round(user, stage, *, hr_username, **round_values):
    """The user's application for an earlier, closed round of the vacancy's function, brought to `stage` by HR."""
    function = Procedure.objects.get(slug="maatschappelijk-werker").function
    earlier = ProcedureFactory(function=function, status="closed", slug="vorige-ronde", **round_values)
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    hr = UserFactory(username=hr_username, is_staff=True)
    return walk_to(old, stage, by=hr), hr


def test_a_new_candidate_signs_up_applies_and_follows_the_timeline(page, vacancy, files):
    page.goto("/account/signup/")
    field(page, "E-mailadres").fill("an.peeters@example.org")
    page.get_by_label(re.compile(r"^\s*Wachtwoord\*?\s*$")).fill(PASSWORD)
    field(page, "Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()
    mail = Mail.objects.get(to="an.peeters@example.org", event="account")
    page.goto(next(u for u in re.findall(r"https?://\S+", mail.body_text) if "/account/confirm-email/" in u))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()

    page.goto("/vacatures/maatschappelijk-werker/")
    page.get_by_role("link", name=re.compile("Solliciteer")).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(APPLY)
    assert field(page, "E-mailadres").input_value() == "an.peeters@example.org"
    check_state(page, "apply-1-empty-form")
    assert fits_320(page), "the empty form scrolls sideways at 320 px"

    # 1. Nothing filled in: every problem is summarised at the top, linked to its field.
    submit_form(page)
    summary = page.locator(".error-summary")
    assert summary.is_visible() and page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert summary.get_by_role("link", name=re.compile("Voornaam: Vul je voornaam in.")).is_visible()
    summary.get_by_role("link", name=re.compile("Kopie van je diploma")).click()
    assert page.evaluate("document.activeElement.id") == "id_diploma_file"
    check_state(page, "apply-2-form-with-errors")
    assert fits_320(page), "the form with errors scrolls sideways at 320 px"

    # 2. Everything but the privacy notice, with the diploma uploaded: the file is kept, the rest too.
    fill_personal_data(page)
    field(page, "Je diploma").select_option(label="Master in het sociaal werk")
    field(page, "Kopie van je diploma").set_input_files(files["pdf"])
    field(page, "Jaren ervaring in de openbare sector").fill("2")
    field(page, "Jaren relevante ervaring in de privésector").fill("3,5")
    submit_form(page)
    assert page.get_by_text("Je bestand ‘diploma Ann.pdf’ is bewaard.").is_visible()
    assert field(page, "Gemeente").input_value() == "Kortrijk"
    assert page.locator(".error-summary li").count() == 1
    check_state(page, "apply-3-after-upload")

    # 3. Acknowledge the privacy notice and send: the confirmation.
    field(page, "Ik heb de privacyverklaring gelezen").check()
    submit_form(page)
    assert page.get_by_role("heading", name="Bedankt, je kandidatuur is ingediend").is_visible()
    check_state(page, "apply-4-confirmation")
    application = Application.objects.get()
    assert application.documents.get().original_name == "diploma Ann.pdf"
    assert Mail.objects.get(event="application_received").to == "an.peeters@example.org"

    # 4. The timeline.
    page.get_by_role("link", name="Volg je kandidatuur op").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile(r"\d\d/\d\d/\d{4} — Je kandidatuur voor Maatschappelijk werker")).is_visible()
    assert page.get_by_role("heading", name="Wat komt hierna?").is_visible()
    assert page.get_by_role("link", name="diploma Ann.pdf").is_visible()
    check_state(page, "apply-5-timeline")
    assert fits_320(page), "the timeline scrolls sideways at 320 px"
    page.get_by_role("link", name="Mijn kandidaturen").first.click()
    page.wait_for_load_state()
    check_state(page, "my-applications-list")


def test_a_banned_candidate_is_refused_with_the_date(page, vacancy):
    user = candidate_user()
    other = ProcedureFactory(title="Administratief medewerker (C1-C3)", slug="administratief-medewerker")
    old, hr = in_an_earlier_round(user, Stage.INTAKE_FAILED, hr_username="hr-ban")
    until = old.ban.ends_on.strftime("%d/%m/%Y")

    login(page, user)
    page.goto(APPLY)
    # HR has not released the outcome mail yet: the page says only that an application is being handled.
    assert page.get_by_role("heading", name="Je kan nu niet solliciteren").is_visible()
    assert page.get_by_text("Je hebt nog een kandidatuur voor deze functie die in behandeling is.").is_visible()
    assert until not in page.content() and "niet geslaagd" not in page.content().lower()
    check_state(page, "apply-6-refused-ban-before-release")

    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)
    page.goto(APPLY)
    assert page.get_by_role("heading", name="Je kan nu niet solliciteren").is_visible()
    assert page.get_by_text(f"Opnieuw solliciteren voor deze functie kan vanaf {until}.").is_visible()
    assert page.get_by_role("link", name=other.title).is_visible()
    assert page.get_by_role("link", name="Bekijk je kandidatuur voor").is_visible()
    check_state(page, "apply-6-refused-ban")
    assert fits_320(page)
    assert not Application.objects.filter(procedure__slug="maatschappelijk-werker").exists()


def test_a_candidate_with_a_valid_reserve_place_is_refused_with_until_when(page, vacancy):
    user = candidate_user()
    old, hr = in_an_earlier_round(user, Stage.RESERVE, hr_username="hr-reserve", title="Vorige ronde")
    release_mails(Mail.objects.filter(event="reserve"), by=hr)
    last_day = old.pool_entries.get(kind="reserve").last_valid_day.strftime("%d/%m/%Y")

    login(page, user)
    page.goto(APPLY)
    assert page.get_by_text("Bij een volgende vacature in een ander team volgt enkel nog een matchgesprek.",
                            exact=False).is_visible()
    assert page.get_by_text(f"Je plaats in de wervingsreserve geldt tot en met {last_day}.").is_visible()
    check_state(page, "apply-7-refused-reserve")
    assert fits_320(page)
    page.get_by_role("link", name="Bekijk je kandidatuur voor").click()
    page.wait_for_load_state()
    assert page.get_by_text("In de wervingsreserve").first.is_visible()
    assert not Application.objects.filter(procedure__slug="maatschappelijk-werker").exists()


def test_a_candidate_withdraws(page, vacancy, files):
    user = candidate_user()
    login(page, user)
    apply_with(page, "Bachelor orthopedagogie", files["png"])
    page.get_by_role("link", name="Volg je kandidatuur op").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Kandidatuur intrekken").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Wil je je kandidatuur intrekken?").is_visible()
    check_state(page, "withdraw-1-confirm")
    page.get_by_role("button", name="Ja, trek mijn kandidatuur in").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je hebt je kandidatuur ingetrokken.").is_visible()
    assert page.get_by_role("status").filter(has_text="is ingetrokken").is_visible()
    check_state(page, "withdraw-2-timeline")
    application = Application.objects.get()
    assert application.stage == Stage.WITHDRAWN
    assert application.transitions.get().actor == user
    assert Mail.objects.filter(event="withdrawn", to=user.email).count() == 1


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has focus; fail if the keyboard cannot reach it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                                      return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
            assert style[0] != "none" and style[1] >= 2, f"no visible focus on {selector}: {style}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_file_with_keyboard(page, path):
    """Space on the focused file input opens the chooser (Playwright's filechooser event stands in for the dialog)."""
    assert page.evaluate("document.activeElement.type") == "file"
    # On a loaded machine Chromium now and then drops an activation; a person would press again, so do we.
    for attempt, key in enumerate(("Space", "Enter", "Space", "Enter")):
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press(key)
            break
        except PlaywrightTimeout:
            if attempt == 3:
                raise
    chooser.value.set_files(path)


def test_the_whole_application_with_the_keyboard_alone(page, vacancy, files):
    login(page, candidate_user())
    page.goto(APPLY)
    for selector, text in [("#id_first_name", "Ann"), ("#id_last_name", "Peeters"), ("#id_phone", "056 27 80 00"),
                           ("#id_street", "Grote Markt 54"), ("#id_postal_code", "8500"), ("#id_city", "Kortrijk"),
                           ("#id_birth_date", "17/05/1995")]:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_diploma")
    page.keyboard.press("ArrowDown")  # first diploma of the list
    tab_to(page, "#id_diploma_file")
    choose_file_with_keyboard(page, files["pdf"])
    tab_to(page, "#id_years_public_sector")
    page.keyboard.press("Control+A")
    page.keyboard.type("4")
    tab_to(page, "#id_privacy_acknowledged")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit].btn-lg-apply")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Bedankt, je kandidatuur is ingediend").is_visible(), \
        page.locator(".error-summary").all_inner_texts()
    application = Application.objects.get()
    assert application.diploma.name == "Master in het sociaal werk"
    assert application.years_public_sector == 4
    assert Document.objects.get().original_name == "diploma Ann.pdf"
    # And on to the timeline, by keyboard.
    tab_to(page, "a.btn-primary[href$='/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Wat is er al gebeurd?").is_visible()


def test_own_data_and_erasure_pages(page, vacancy, files):
    user = candidate_user()
    login(page, user)
    page.goto("/mijn-gegevens/")
    assert page.get_by_text("Je hebt nog niet gesolliciteerd.").is_visible()
    check_state(page, "own-data-1-no-applications")
    apply_with(page, "Master in het sociaal werk", files["pdf"])

    page.get_by_role("link", name="Mijn gegevens").first.click()
    page.wait_for_load_state()
    check_state(page, "own-data-2")
    assert fits_320(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download mijn gegevens (ZIP)").click()
    assert download.value.suggested_filename.startswith("mijn-gegevens-stad-kortrijk-")

    page.get_by_role("link", name="Vraag om je gegevens te wissen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Wat de stad moet bewaren").is_visible()
    check_state(page, "erasure-1-confirm")
    page.get_by_role("button", name="Ja, vraag om mijn gegevens te wissen").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").filter(has_text="goed ontvangen").is_visible()
    check_state(page, "erasure-2-requested")
    assert Mail.objects.filter(event="erasure_requested").count() == 1


def test_the_form_in_english_passes_axe_with_and_without_errors(page, vacancy):
    login(page, candidate_user())
    use_language(page, "en")
    page.goto(APPLY)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Submit application").is_visible()
    check_state(page, "apply-en-empty-form")
    page.get_by_role("button", name="Submit application").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").get_by_text("Enter your first name.").is_visible()
    check_state(page, "apply-en-form-with-errors")
