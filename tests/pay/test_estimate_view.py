"""The public salary estimate /vacatures/<slug>/loon/: a GET form, the same simulation as an offer, an estimate
clearly marked (and fictitious where it is), bad input explained in Dutch and never a 500. Without official (or demo)
scales and a career it is not offered: the page gives the bundle's sentence and the link to the city's published
scales, no form and no amount, and never HR's note about what is missing.

Pay world of tests/pay/scales.py; today is after 1 July 2025, so the coefficient is 2.1000.
"""

import re
from datetime import datetime

import pytest
import time_machine
from django.utils import timezone

from pay.models import CareerScale, PayScaleVersion
from procedures.models import Procedure
from procedures.salary_link import PUBLISHED_SCALES_URL
from tests.factories import FunctionFactory, ProcedureFactory
from tests.pay.scales import create_pay_world
from tests.portal_public.test_csp_ready import EVENT_HANDLER, INLINE_SCRIPT, STYLE_ATTRIBUTE

pytestmark = pytest.mark.django_db

URL = "/vacatures/maatschappelijk-werker/loon/"
MONTHLY = re.compile(r'<span class="salary-amount" id="maandloon">([^<]+)</span>')
BUNDLE_SENTENCE = (
    "Er worden tijdens de selectieprocedure geen loonsimulaties gemaakt, maar uiteraard wel in de laatste fase als er "
    "een jobaanbod is. Wil je zelf al even inschatten wat je brutoloon zou zijn, dan kan je de volledige loonschalen "
    f'raadplegen via <a href="{PUBLISHED_SCALES_URL}">{PUBLISHED_SCALES_URL}</a>.')
EURO_AMOUNT = re.compile(r"€\s?\d")
FICTITIOUS = re.compile(r"[Ff]ictie(f|ve)")


@pytest.fixture
def procedure():
    function = FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker",
                               private_seniority_cap_years=18)
    create_pay_world(function)
    return ProcedureFactory(function=function, title="Maatschappelijk werker (B1-B3)", slug="maatschappelijk-werker")


def monthly(response):
    match = MONTHLY.search(response.content.decode())
    return match.group(1) if match else None


def error_summary(html):
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", summary.group(0))).strip() if summary else ""


def test_a_first_visit_shows_the_start_salary_for_full_time(client, procedure):
    response = client.get(URL)
    html = response.content.decode()
    # 0 years, S1 step 0: 12,000 × 2.1 / 12 × 1 = 2,100.00.
    assert monthly(response) == "€ 2.100,00"
    assert "bruto per maand bij 100 % werkregime" in html
    assert 'name="public_years" value="0"' in html and 'name="regime" value="1"' in html
    assert "Dit is een schatting, geen loonsimulatie." in html
    assert 'method="get"' in html


def test_declared_years_and_part_time_give_the_capped_hand_worked_salary(client, procedure):
    response = client.get(URL, {"public_years": "7", "private_years": "20", "regime": "0,8"})
    html = response.content.decode()
    # 7 public + 20 private (-> 18) = 25 years -> S1 step 24: 16,800 × 2.1 / 12 × 0.8 = 2,352.00.
    assert monthly(response) == "€ 2.352,00"
    assert "van de 20 jaar tellen er maximaal 18 jaar mee" in html
    assert "Trap 24 jaar: de hoogste trap van S1 (je hebt 25 volle jaren)." in html
    # 92 % × 2,352.00 = 2,163.84; year-end bonus 600 × 0.8 + 3.6 % × 28,224.00 = 480 + 1,016.064 = 1,496.06.
    assert "€ 2.163,84" in html
    assert "€ 1.496,06" in html


@pytest.mark.parametrize("regime", ["0.8", "0,8", "80%", "80 %", " 0,8 "])
def test_the_regime_may_be_typed_as_a_fraction_or_a_percentage(client, procedure, regime):
    # 0 years: 12,000 × 2.1 / 12 × 0.8 = 1,680.00.
    assert monthly(client.get(URL, {"regime": regime})) == "€ 1.680,00"


def test_empty_fields_mean_no_years_and_full_time(client, procedure):
    assert monthly(client.get(URL, {"public_years": "", "private_years": "", "regime": ""})) == "€ 2.100,00"


@pytest.mark.parametrize(("params", "expected"), [
    ({"public_years": "-2"}, "Jaren ervaring in de openbare sector: Het aantal kan niet negatief zijn."),
    ({"private_years": "51"},
     "Jaren relevante ervaring in de privésector: Meer dan 50 jaar is niet mogelijk. Kijk het aantal jaren na."),
    ({"public_years": "drie"}, "Jaren ervaring in de openbare sector: Geef een geheel aantal jaren, bv. 3."),
    ({"public_years": "2,5"}, "Jaren ervaring in de openbare sector: Geef een geheel aantal jaren, bv. 3."),
    ({"public_years": "9" * 40},
     "Jaren ervaring in de openbare sector: Meer dan 50 jaar is niet mogelijk. Kijk het aantal jaren na."),
    ({"regime": "0"}, "Werkregime: Het werkregime is een deel van een voltijdse job: meer dan 0 en hoogstens 1 "
                      "(bv. 0,8 voor 4/5)."),
    ({"regime": "1,5"}, "Werkregime: Het werkregime is een deel van een voltijdse job"),
    ({"regime": "-0,5"}, "Werkregime: Het werkregime is een deel van een voltijdse job"),
    ({"regime": "NaN"}, "Werkregime: Geef het werkregime als getal, bv. 1 voor voltijds of 0,8 voor 4/5."),
    ({"regime": "halftijds"}, "Werkregime: Geef het werkregime als getal, bv. 1 voor voltijds of 0,8 voor 4/5."),
    ({"regime": "0,8\x00"}, "Werkregime: Geef het werkregime als getal"),
    ({"regime": "1" * 500}, "Werkregime: Geef het werkregime als getal"),
    ({"public_years": "30", "private_years": "21"},
     "Samen meer dan 50 jaar ervaring (openbare en privésector) kan niet. Kijk het aantal jaren na."),
])
def test_bad_input_is_explained_in_dutch_and_gives_no_number(client, procedure, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in error_summary(html)
    assert monthly(response) is None
    assert "<svg" not in html


def test_every_wrong_field_is_reported_at_once_and_the_input_is_kept(client, procedure):
    html = client.get(URL, {"public_years": "-3", "private_years": "abc", "regime": "2"}).content.decode()
    summary = error_summary(html)
    assert "openbare sector: Het aantal kan niet negatief zijn." in summary
    assert "privésector: Geef een geheel aantal jaren, bv. 3." in summary
    assert "Werkregime: Het werkregime is een deel van een voltijdse job" in summary
    assert 'value="-3"' in html and 'value="abc"' in html and 'value="2"' in html


def test_the_chart_and_the_table_show_the_same_career(client, procedure):
    html = client.get(URL).content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", html, re.S)
    # From 0 years: 2,100.00 | S1 step 2: 2,205.00 | S2 step 4: 2,520.00 | S2 step 10: 3,150.00 |
    # S3 step 10: 3,360.00 | S3 step 20: 4,200.00 (each × 2.1 / 12).
    amounts = [re.search(r"€ [\d.,]+", row).group(0) for row in rows]
    assert amounts == ["€ 2.100,00", "€ 2.205,00", "€ 2.520,00", "€ 3.150,00", "€ 3.360,00", "€ 4.200,00"]
    assert html.count("<circle ") == len(rows)
    assert 'role="img"' in html and 'aria-labelledby="loongrafiek-title loongrafiek-desc"' in html
    assert "Voorwaarde: gunstige evaluatie." in html


def test_fictitious_figures_are_marked_at_every_amount(client):
    function = FunctionFactory(slug="maatschappelijk-werker")
    create_pay_world(function, fictitious=True)
    ProcedureFactory(function=function, slug="maatschappelijk-werker")
    html = client.get(URL).content.decode()
    assert "Fictieve bedragen" in html
    assert "(loonschaal S1, loonschaal S2, loonschaal S3)" in html
    amounts_from_the_scale = 1 + 5 + 6  # headline, five figures, six table rows
    assert html.count('<span class="fictitious-tag">fictief</span>') == amounts_from_the_scale
    assert "Geschat bruto maandloon over je loopbaan (fictief)" in html
    assert "Fictieve bedragen (demo), niet de loonschaal van de stad." in html  # the chart's description


def test_the_citys_official_figures_are_not_called_fictitious(client, procedure):
    html = client.get(URL).content.decode()
    assert monthly_amount_shown(html)
    assert not FICTITIOUS.search(html)


def monthly_amount_shown(html):
    return MONTHLY.search(html) is not None


def assert_not_offered(response):
    """The bundle's sentence with the link to the city's scales; no form, no amount, no note meant for HR."""
    assert response.status_code == 200
    html = response.content.decode()
    assert BUNDLE_SENTENCE in html
    assert 'class="salary-form"' not in html and 'name="public_years"' not in html
    assert not EURO_AMOUNT.search(html)
    assert "<svg" not in html
    assert "Back office" not in html and "in te vullen" not in html
    return html


def test_a_function_without_pay_data_gets_the_bundles_sentence_and_no_form(client):
    ProcedureFactory(function=FunctionFactory(), slug="maatschappelijk-werker")
    assert_not_offered(client.get(URL))
    assert_not_offered(client.get(URL, {"public_years": "3", "regime": "0,8"}))  # no simulation by the back door


@pytest.mark.parametrize("status", [PayScaleVersion.Status.DRAFT, None])
def test_one_scale_without_an_official_version_means_no_estimate(client, procedure, status):
    s2 = PayScaleVersion.objects.get(scale__code="S2")
    if status is None:
        s2.steps.all().delete()
        s2.delete()
    else:
        PayScaleVersion.objects.filter(pk=s2.pk).update(status=status, source_date=None)
    html = assert_not_offered(client.get(URL))
    assert "Schat je brutoloon" not in html


def test_the_estimate_is_offered_once_hr_marks_the_scales_official(client, procedure):
    PayScaleVersion.objects.update(status=PayScaleVersion.Status.DRAFT, source_date=None)
    assert_not_offered(client.get(URL))
    for version in PayScaleVersion.objects.all():
        version.status, version.source_date = PayScaleVersion.Status.OFFICIAL, datetime(2024, 12, 1).date()
        version.save()
    assert monthly(client.get(URL)) == "€ 2.100,00"


def test_a_function_without_a_career_gets_no_estimate_even_with_official_scales(client, procedure):
    CareerScale.objects.all().delete()
    assert_not_offered(client.get(URL))


def test_a_date_before_the_scale_exists_gets_no_estimate(client, procedure):
    with time_machine.travel(timezone.make_aware(datetime(2024, 12, 31, 10, 0)), tick=False):
        html = assert_not_offered(client.get(URL))
    assert "Loonschaal S1 bestaat pas" not in html


def test_the_day_a_new_coefficient_starts_the_estimate_uses_it(client, procedure):
    with time_machine.travel(timezone.make_aware(datetime(2025, 6, 30, 23, 0)), tick=False):
        assert monthly(client.get(URL)) == "€ 2.000,00"  # 12,000 × 2.0 / 12
    with time_machine.travel(timezone.make_aware(datetime(2025, 7, 1, 0, 30)), tick=False):
        assert monthly(client.get(URL)) == "€ 2.100,00"  # 12,000 × 2.1 / 12


def test_a_draft_vacancy_has_no_estimate_page(client, procedure):
    Procedure.objects.filter(pk=procedure.pk).update(status=Procedure.Status.DRAFT)
    assert client.get(URL).status_code == 404


def test_a_closed_vacancy_keeps_its_estimate_page_without_the_apply_button(client, procedure):
    Procedure.objects.filter(pk=procedure.pk).update(status=Procedure.Status.CLOSED)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze selectie is afgesloten" in html
    assert "/solliciteren/" not in html


def test_hr_text_in_the_career_is_escaped(client, procedure):
    CareerScale.objects.filter(position=2).update(conditions='<script>alert("x")</script>')
    html = client.get(URL).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_page_is_csp_ready(client, procedure):
    html = client.get(URL, {"public_years": "3", "regime": "0,8"}).content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not STYLE_ATTRIBUTE.search(html)
    assert not EVENT_HANDLER.search(html)


def test_the_page_reads_a_constant_number_of_queries(client, procedure, django_assert_max_num_queries):
    for year in range(2026, 2036):  # more versions cost no query more
        PayScaleVersion.objects.create(scale=PayScaleVersion.objects.first().scale,
                                       valid_from=datetime(year + 20, 1, 1).date(),
                                       status=PayScaleVersion.Status.FICTITIOUS)
    with django_assert_max_num_queries(7):  # procedure, five for the pay data, session
        response = client.get(URL, {"public_years": "4"})
    assert monthly(response) is not None


def test_the_vacancy_page_links_to_the_estimate(client, procedure):
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert f'<a href="{URL}">Schat je brutoloon</a>' in html
    assert f'<a href="{PUBLISHED_SCALES_URL}">Bekijk de volledige loonschalen (kortrijk.be)</a>' not in html


def test_without_official_scales_the_vacancy_page_links_to_the_citys_scales(client, procedure):
    PayScaleVersion.objects.filter(scale__code="S3").update(status=PayScaleVersion.Status.DRAFT)
    html = client.get("/vacatures/maatschappelijk-werker/").content.decode()
    assert f'<a href="{PUBLISHED_SCALES_URL}">Bekijk de volledige loonschalen (kortrijk.be)</a>' in html
    assert URL not in html
