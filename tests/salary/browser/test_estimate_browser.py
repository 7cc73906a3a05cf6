"""The public salary estimate in real Chromium, on the demo data of seed_kortrijk (illustrative B1-B3): axe finds
nothing on the first visit, the result and the error state; errors are Dutch; it works without JavaScript and at
320 px.

Hand calculation of the demo: 3 public + 25 private years (-> 18) = 21 years -> B1 step 20 (17,300 + 10 × 400 =
21,300 at 100 %); 21,300 × 2.1223 / 12 × 0.8 = 3,013.666... -> € 3.013,67 a month.
"""

import pytest
from django.core.management import call_command

from tests.browser.axe import check_axe
from tests.browser.conftest import shoot
from tests.browser.test_public_pages import assert_every_control_labelled, use_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VACANCY = "/vacatures/maatschappelijk-werker-b1-b3/"
ESTIMATE = VACANCY + "loon/"


@pytest.fixture
def seeded(db):
    call_command("seed_kortrijk", stdout=open("/dev/null", "w"))  # noqa: SIM115 (closed with the process)


def fill(page, public, private, regime):
    # By id: the labels are checked by axe and by assert_every_control_labelled, in either language.
    page.locator("#id_public_years").fill(public)
    page.locator("#id_private_years").fill(private)
    page.locator("#id_regime").fill(regime)
    page.locator("form.salary-form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_from_the_vacancy_to_an_estimate_with_a_chart_and_axe_finds_nothing(page, seeded, language):
    page.goto(VACANCY)
    use_language(page, language)
    page.goto(VACANCY)
    page.locator(f'a[href="{ESTIMATE}"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(ESTIMATE)
    check_axe(page, f"salary estimate, first visit ({language})")
    assert_every_control_labelled(page, "salary estimate")
    shoot(page, f"salary-estimate-first-visit-{language}")

    fill(page, "3", "25", "0,8")
    assert "public_years=3" in page.url and "private_years=25" in page.url  # a GET form: the estimate is a link
    assert page.locator("#maandloon").inner_text() == {"nl-be": "€ 3.013,67", "en": "€ 3,013.67"}[language]
    chart = page.locator("svg.salary-chart[role=img]")
    assert chart.is_visible()
    assert "(illustratief)" in chart.locator("title").text_content() or language == "en"
    rows = page.locator("table.salary-table tbody tr")
    assert rows.count() == page.locator("svg.salary-chart circle").count() >= 2
    assert rows.first.locator("td").nth(2).inner_text().startswith(page.locator("#maandloon").inner_text())
    assert page.locator(".illustrative-notice").is_visible()
    check_axe(page, f"salary estimate, result ({language})")
    shoot(page, f"salary-estimate-result-{language}")


def test_wrong_input_is_explained_in_dutch_and_the_summary_leads_to_the_field(page, seeded):
    page.goto(ESTIMATE)
    fill(page, "-2", "veel", "1,5")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")  # focused for screen readers
    text = summary.inner_text()
    assert "Jaren ervaring in de openbare sector: Het aantal kan niet negatief zijn." in text
    assert "Jaren relevante ervaring in de privésector: Geef een geheel aantal jaren, bv. 3." in text
    assert ("Werkregime: Het werkregime is een deel van een voltijdse job: meer dan 0 en hoogstens 1 "
            "(bv. 0,8 voor 4/5).") in text
    assert page.locator("#maandloon").count() == 0
    assert page.get_by_label("Jaren relevante ervaring in de privésector", exact=True).input_value() == "veel"  # kept
    check_axe(page, "salary estimate, errors")
    shoot(page, "salary-estimate-errors")

    summary.get_by_role("link", name="Werkregime").click()
    assert page.evaluate("document.activeElement.id") == "id_regime"

    fill(page, "30", "21", "1")
    assert ("Samen meer dan 50 jaar ervaring (openbare en privésector) kan niet."
            in page.locator(".error-summary").inner_text())


def test_it_works_without_javascript(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server.url, locale="nl-BE", java_script_enabled=False)
    try:
        no_js = context.new_page()
        no_js.goto(ESTIMATE)
        no_js.get_by_label("Jaren ervaring in de openbare sector", exact=True).fill("3")
        no_js.get_by_label("Jaren relevante ervaring in de privésector", exact=True).fill("25")
        no_js.get_by_label("Werkregime", exact=True).fill("0,8")
        no_js.get_by_label("Werkregime", exact=True).press("Enter")
        no_js.wait_for_load_state()
        assert no_js.locator("#maandloon").inner_text() == "€ 3.013,67"
        assert no_js.locator("svg.salary-chart").is_visible()
    finally:
        context.close()


def test_nothing_scrolls_sideways_at_320_px(page, seeded):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(ESTIMATE + "?public_years=3&private_years=25&regime=0,8")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator("svg.salary-chart").bounding_box()["width"] <= 320
    check_axe(page, "salary estimate at 320 px")
    shoot(page, "salary-estimate-320px")
