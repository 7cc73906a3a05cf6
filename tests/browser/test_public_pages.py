"""The public shell in real Chromium: axe on every page state in Dutch and English, labels, 320 px, keyboard."""

import itertools
import re
from datetime import timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from procedures import seed_data
from tests.browser.axe import check_axe
from tests.browser.conftest import shoot
from tests.factories import UserFactory
from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["nl-be", "en"]
SIMPLE_PAGES = {
    "list": "/",
    "vacancy": "/vacatures/maatschappelijk-werker/",
    "function-description": "/vacatures/maatschappelijk-werker/functiebeschrijving/",
    "login": "/account/login/",
    "signup": "/account/signup/",
    "password-reset": "/account/password/reset/",
    "login-code": "/account/login/code/",
    "accessibility": "/toegankelijkheid/",
    "privacy": "/privacy/",
}

# Every visible form control must have a visible <label> (or a legend for a group): a placeholder is no label.
UNLABELLED_CONTROLS_JS = """() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none'
      && s.clip !== 'rect(0px, 0px, 0px, 0px)' && !el.closest('.visually-hidden');
  };
  const controls = [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type) && visible(el));
  return controls
    .filter((el) => ![...(el.labels || [])].some((label) => visible(label) && label.innerText.trim().length > 0))
    .map((el) => el.outerHTML);
}"""
HEADING_LEVELS_JS = "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]" \
    ".map((h) => Number(h.tagName[1]))"
VISIBLE_CONTROL_COUNT_JS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !['hidden', 'submit', 'button'].includes(el.type) && el.getBoundingClientRect().width > 1).length"""


@pytest.fixture
def vacancy(db):
    return make_vacancy(applications_close_on=timezone.localdate() + timedelta(days=30))


def use_language(page, language):
    """Choose the language as the switch would (Django's language cookie), without a round trip."""
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                               "url": page.url if page.url.startswith("http") else _live_url(page)}])


def _live_url(page):
    from tests.browser.conftest import _live

    return _live["url"]


def assert_every_control_labelled(page, name):
    unlabelled = page.evaluate(UNLABELLED_CONTROLS_JS)
    assert not unlabelled, f"{name}: fields without a visible label: {unlabelled}"


def submit(page):
    page.locator("main form.account-form button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SIMPLE_PAGES))
def test_every_public_page_passes_axe(page, vacancy, name, language):
    use_language(page, language)
    page.goto(SIMPLE_PAGES[name])
    assert page.locator("html").get_attribute("lang") == language
    shoot(page, f"{name}-{language}")
    check_axe(page, f"{name} ({language})")
    assert_every_control_labelled(page, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_with_errors_passes_axe_and_links_each_error(page, language):
    UserFactory(email="bestaat@example.org")
    use_language(page, language)
    page.goto("/account/login/")
    page.locator("#id_login").fill("bestaat@example.org")
    page.locator("#id_password").fill("verkeerd-wachtwoord")
    submit(page)
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    # The summary takes focus so that a keyboard or screen-reader user lands on it.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    shoot(page, f"login-errors-{language}")
    check_axe(page, f"login with errors ({language})")
    assert_every_control_labelled(page, "login with errors")


@pytest.mark.parametrize("language", LANGUAGES)
def test_signup_with_errors_passes_axe_and_keeps_the_input(page, language):
    use_language(page, language)
    page.goto("/account/signup/")
    page.locator("#id_email").fill("nieuw@example.org")
    page.locator("#id_password1").fill("kort")
    page.locator("#id_password2").fill("anders")
    submit(page)
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.locator("#id_email").input_value() == "nieuw@example.org"
    # Each error in the summary links to its field, and the field says which error describes it.
    links = summary.locator("a")
    assert links.count() >= 1
    for i in range(links.count()):
        target_id = links.nth(i).get_attribute("href").lstrip("#")
        field = page.locator(f"#{target_id}")
        assert field.count() == 1, target_id
        assert field.get_attribute("aria-invalid") == "true"
        assert f"{target_id}_error" in (field.get_attribute("aria-describedby") or "")
    links.first.click()
    assert page.evaluate("document.activeElement.id") == links.first.get_attribute("href").lstrip("#")
    shoot(page, f"signup-errors-{language}")
    check_axe(page, f"signup with errors ({language})")
    assert_every_control_labelled(page, "signup with errors")


@pytest.mark.parametrize("language", LANGUAGES)
def test_verification_sent_and_password_reset_done_pass_axe(page, language):
    UserFactory(email="vergeten@example.org")
    use_language(page, language)
    page.goto("/account/signup/")
    page.locator("#id_email").fill(f"nieuw-{language}@example.org")
    page.locator("#id_password1").fill("Kortrijk-sollicitant-2026")
    page.locator("#id_password2").fill("Kortrijk-sollicitant-2026")
    submit(page)
    assert page.url.endswith("/account/confirm-email/")
    shoot(page, f"verification-sent-{language}")
    check_axe(page, f"verification sent ({language})")

    page.goto("/account/password/reset/")
    page.locator("#id_email").fill("vergeten@example.org")
    submit(page)
    assert "/account/password/reset/done/" in page.url
    shoot(page, f"password-reset-done-{language}")
    check_axe(page, f"password reset done ({language})")


def test_the_language_switch_sets_lang_and_keeps_the_page(page, vacancy):
    page.goto("/vacatures/maatschappelijk-werker/")
    assert page.locator("html").get_attribute("lang") == "nl-be"
    assert page.get_by_role("heading", name="Hoe verloopt de selectieprocedure?").is_visible()
    page.get_by_role("button", name="Switch to English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/vacatures/maatschappelijk-werker/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="How does the selection procedure work?").is_visible()
    check_axe(page, "vacancy after switch to English")
    page.get_by_role("button", name="Kies Nederlands").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl-be"


@pytest.mark.parametrize("name", list(SIMPLE_PAGES))
def test_no_horizontal_scroll_at_320_px(page, vacancy, name):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(SIMPLE_PAGES[name])
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    shoot(page, f"{name}-320px")
    assert scroll_width <= 320, f"{name} is {scroll_width}px wide at a 320px viewport"


def test_no_horizontal_scroll_at_320_px_with_form_errors(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/account/signup/")
    page.locator("#id_email").fill("geen-adres")
    submit(page)
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320


def test_tab_reaches_the_skip_link_first_with_a_visible_focus(page, vacancy):
    page.goto("/vacatures/maatschappelijk-werker/")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {cls: el.className, href: el.getAttribute('href'), outlineStyle: style.outlineStyle,
              outlineWidth: parseFloat(style.outlineWidth), top: box.top, height: box.height};
    }""")
    assert "skip-link" in focused["cls"] and focused["href"] == "#main"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 3
    assert focused["top"] >= 0 and focused["height"] > 0, "the focused skip link must be on screen"
    shoot(page, "skip-link-focused")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab stops inside the main content, with the same strong focus ring.
    page.keyboard.press("Tab")
    next_focus = page.evaluate("""() => {
      const el = document.activeElement;
      return {inMain: !!el.closest('main'), outlineWidth: parseFloat(getComputedStyle(el).outlineWidth),
              outlineStyle: getComputedStyle(el).outlineStyle};
    }""")
    assert next_focus["inMain"]
    assert next_focus["outlineStyle"] != "none" and next_focus["outlineWidth"] >= 3


def test_every_header_and_nav_control_shows_focus(page, vacancy):
    page.goto("/")
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {text: el.innerText.trim(), inMain: !!el.closest('main'), width: parseFloat(s.outlineWidth),
                  style: s.outlineStyle};
        }""")
        if info["inMain"]:
            break
        seen.append(info)
        assert info["style"] != "none" and info["width"] >= 3, info
    texts = " ".join(item["text"] for item in seen)
    assert re.search("Naar de inhoud", texts) and "English" in texts and "Aanmelden" in texts


def test_script_in_a_procedure_text_is_shown_not_run(page):
    make_vacancy(intro='Welkom <script>alert("xss")</script>', faq='<img src=x onerror="alert(1)">')
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/vacatures/maatschappelijk-werker/")
    assert page.get_by_text('Welkom <script>alert("xss")</script>').is_visible()
    assert page.get_by_text('<img src=x onerror="alert(1)">').is_visible()
    assert page.locator("main img").count() == 0
    assert dialogs == []


def assert_headings_in_order(page, name):
    """One h1, and no heading more than one level deeper than the one before it."""
    levels = page.evaluate(HEADING_LEVELS_JS)
    assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (name, levels)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "functiebeschrijving/"], ids=["vacancy", "function-description"])
def test_the_seeded_bundle_pages_pass_axe_keep_their_headings_in_order_and_fit_320_px(page, language, path):
    call_command("seed_kortrijk", stdout=StringIO())
    url = f"/vacatures/{seed_data.PROCEDURE_SLUG}/{path}"
    use_language(page, language)
    page.goto(url)
    name = f"seeded {path or 'vacancy'} ({language})"
    shoot(page, name)
    check_axe(page, name)
    assert_headings_in_order(page, name)
    # The bundle's Dutch text keeps lang="nl-be", also on the English page.
    assert page.locator("main .plain-text:not([lang='nl-be'])").count() == 0
    assert page.locator("main .plain-text").count() >= (3 if path else 10)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320, name


def test_the_vacancy_page_reaches_the_function_description_by_keyboard(page, vacancy):
    page.goto("/vacatures/maatschappelijk-werker/")
    link = page.get_by_role("link", name="Lees de volledige functiebeschrijving")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/vacatures/maatschappelijk-werker/functiebeschrijving/")
    assert page.get_by_role("heading", name="Maatschappelijk werker in een wijkteam", level=2).is_visible()
    assert_headings_in_order(page, "function description")


CLOSED_PAGES = {
    "vacancy": "/vacatures/maatschappelijk-werker/",
    "function-description": "/vacatures/maatschappelijk-werker/functiebeschrijving/",
    "salary": "/vacatures/maatschappelijk-werker/loon/",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(CLOSED_PAGES))
def test_a_closed_procedures_pages_pass_axe_and_lead_to_the_open_vacancies_by_keyboard(page, name, language):
    make_vacancy(applications_close_on=timezone.localdate() - timedelta(days=1))  # still "open": beat may be late
    use_language(page, language)
    page.goto(CLOSED_PAGES[name])
    notice = page.locator("#afgesloten")
    assert notice.is_visible()
    assert page.locator("a[href$='/solliciteren/']").count() == 0
    shoot(page, f"closed-{name}-{language}")
    check_axe(page, f"closed {name} ({language})")
    assert_headings_in_order(page, f"closed {name}")
    notice.locator("a[href='/']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    assert page.locator("h1").inner_text() in ("Openstaande vacatures", "Open vacancies")


@pytest.mark.parametrize("template", ["400.html", "403.html", "403_csrf.html", "404.html", "500.html"])
def test_every_error_page_passes_axe(page, template):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    # 404 is rendered with a request (its base page needs one); the others as Django renders them, without.
    request = RequestFactory().get("/") if template == "404.html" else None
    page.goto(_live_url(page))  # a page of the site first, so the error page is checked under its CSP
    page.set_content(render_to_string(template, request=request))
    check_axe(page, template)
