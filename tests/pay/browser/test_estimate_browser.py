"""The public salary estimate in real Chromium, on the demo data of seed_demo (fictitious B1-B3): axe finds nothing
on the first visit, the result and the error state; errors are Dutch; it works without JavaScript and at 320 px.
With only seed_kortrijk (no official scales) the vacancy links to the city's scales and the estimate page gives the
bundle's sentence: axe finds nothing there either, nor on HR's CSV import page.

Hand calculation of the demo: 3 public + 25 private years (-> 18) = 21 years -> B1 step 20 (17,300 + 10 × 400 =
21,300 at 100 %); 21,300 × 2.1223 / 12 × 0.8 = 3,013.666... -> € 3.013,67 a month.
"""

import pytest
from django.core.management import call_command

from pay.demo import seed_demo_pay
from pay.models import PayScaleVersion
from procedures.salary_link import PUBLISHED_SCALES_URL
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot
from tests.browser.test_public_pages import assert_every_control_labelled, use_language
from tests.factories import hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VACANCY = "/vacatures/maatschappelijk-werker-b1-b3/"
ESTIMATE = VACANCY + "loon/"


@pytest.fixture
def bundle_only(db):
    call_command("seed_kortrijk", stdout=open("/dev/null", "w"))  # noqa: SIM115 (closed with the process)


@pytest.fixture
def seeded(bundle_only):
    seed_demo_pay()  # what seed_demo adds: fictitious steps and career


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
    assert "(fictief)" in chart.locator("title").text_content() or language == "en"
    rows = page.locator("table.salary-table tbody tr")
    assert rows.count() == page.locator("svg.salary-chart circle").count() >= 2
    assert rows.first.locator("td").nth(2).inner_text().startswith(page.locator("#maandloon").inner_text())
    assert page.locator(".fictitious-notice").is_visible()
    assert page.locator("#maandloon + .fictitious-tag, .salary-headline .fictitious-tag").first.is_visible()
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


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_without_official_scales_the_vacancy_links_to_the_citys_scales_and_axe_finds_nothing(page, bundle_only,
                                                                                              language):
    page.goto(VACANCY)
    use_language(page, language)
    page.goto(VACANCY)
    assert page.locator(f'a[href="{ESTIMATE}"]').count() == 0
    assert page.locator(f'main a[href="{PUBLISHED_SCALES_URL}"]').count() >= 1
    page.goto(ESTIMATE)
    main = page.locator("main").inner_text()
    assert page.locator("form.salary-form").count() == 0
    assert page.locator("#maandloon").count() == 0 and "€" not in main
    assert page.locator(f'#loonschalen a[href="{PUBLISHED_SCALES_URL}"]').is_visible()
    if language == "nl-be":
        assert "Er worden tijdens de selectieprocedure geen loonsimulaties gemaakt" in main
    check_axe(page, f"salary estimate, not offered ({language})")
    shoot(page, f"salary-estimate-not-offered-{language}")


def import_scales(page, csv_file):
    """Fill in the import form (official from 1 January 2026, with its source) with `csv_file` and send it."""
    page.get_by_label("CSV-bestand").set_input_files(str(csv_file))
    page.get_by_label("Geldig vanaf").fill("2026-01-01")
    page.get_by_role("textbox", name="Bron:", exact=True).fill("Loonschalen op kortrijk.be")
    page.get_by_label("Datum van de bron").fill("2025-12-15")
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()


def test_hr_imports_the_scales_and_axe_finds_nothing_on_the_import_page(page, bundle_only, tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    login(page, hr_user(username="selectie"))
    page.goto("/admin/pay/payscaleversion/")
    page.get_by_role("link", name="Importeren uit CSV").click()
    page.wait_for_load_state()
    check_axe(page, "pay scale import")
    shoot(page, "pay-scale-import")

    bad = tmp_path / "loonschalen.csv"
    bad.write_text("loonschaal;jaren;jaarbedrag\nB1;0;17300,00\nB1;0;17700,00\nB9;0;1\n", encoding="utf-8")
    import_scales(page, bad)
    errors = page.locator("#import-errors").inner_text()
    assert "Er is niets geïmporteerd" in errors
    assert "Regel 3: loonschaal B1 heeft al een trap van 0 jaar op regel 2." in errors
    assert "Regel 4: onbekende loonschaal ‘B9’." in errors
    assert not PayScaleVersion.objects.exists()
    check_axe(page, "pay scale import, errors")
    shoot(page, "pay-scale-import-errors")

    good = tmp_path / "loonschalen-goed.csv"
    good.write_text("B1;0;17300,00\nB1;2;17700,00\nB2;0;18300,00\nB3;0;21350,00\n", encoding="utf-8")
    import_scales(page, good)
    assert "3 loonschalen geïmporteerd als officieel vanaf 1 januari 2026: B1, B2, B3." in page.locator(
        "body").inner_text()
    assert set(PayScaleVersion.objects.values_list("status", flat=True)) == {"official"}
    check_axe(page, "pay scale versions after the import")
