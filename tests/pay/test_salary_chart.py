"""The career chart: coordinates worked out by hand, well-formed accessible SVG, dots in numbers whatever the
language (a Dutch decimal comma would break every coordinate)."""

import re
from datetime import date
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.utils import translation

from pay.calculation import CareerPoint
from pay.chart import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, build_salary_chart, render_salary_chart
from pay.simulation import recognise_seniority, simulate_salary
from tests.pay.scales import pay_data

SVG = "{http://www.w3.org/2000/svg}"
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM  # 92, 696, 36, 280


def point(months, scale, step, monthly):
    return CareerPoint(on=date(2025, 3, 1), months_in_service=months, seniority_years=months // 12, scale_code=scale,
                       step_years=step, monthly_gross=Decimal(monthly), yearly_gross=Decimal(monthly) * 12)


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl-be"):
        yield


def test_coordinates_of_a_small_career():
    points = (point(0, "S1", 0, "2000.00"), point(24, "S1", 2, "2100.00"), point(48, "S2", 4, "2400.00"))
    chart = build_salary_chart(points, regime=Decimal("1"), fictitious=False)
    # Last point at 4 years; x step 1; x range 0..6 (4 + 2). Plot width 604: x = 92 + 604 × years / 6.
    assert [tick.label for tick in chart.x_ticks] == ["0", "1", "2", "3", "4", "5", "6"]
    assert [dot.x for dot in chart.dots] == [92.0, 293.3, 494.7]
    # Amounts 2,000-2,400 with room of max(400 / 10, 2,400 / 20) = 120: 1,880..2,520; step 100 would need 8 steps,
    # step 200 needs 4: 1,800..2,600. Plot height 244: y = 280 - 244 × (amount - 1,800) / 800.
    assert [tick.label for tick in chart.y_ticks] == ["€ 1.800", "€ 2.000", "€ 2.200", "€ 2.400", "€ 2.600"]
    assert [dot.y for dot in chart.dots] == [219.0, 188.5, 97.0]
    assert chart.path == "M 92.0 219.0 H 293.3 V 188.5 H 494.7 V 97.0 H 696"
    assert [(mark.at, mark.label) for mark in chart.scale_marks] == [(494.7, "S2")]
    assert chart.description == (
        "Van € 2.000,00 bruto per maand nu (loonschaal S1, trap 0 jaar) tot € 2.400,00 na 4 jaar, vanaf 1 maart "
        "2025 (loonschaal S2, trap 4 jaar), bij 100 % werkregime, in 3 stappen. Aan de huidige index. De tabel "
        "hieronder geeft dezelfde cijfers.")
    assert chart.title == "Geschat bruto maandloon over je loopbaan"


def test_a_single_point_is_a_flat_line_with_its_own_description():
    chart = build_salary_chart((point(0, "S1", 24, "2800.00"),), regime=Decimal("0.8"), fictitious=True)
    # Room 2,800 / 20 = 140: 2,660..2,940 -> step 50: 2,650..2,950; 2,800 is in the middle: y = 280 - 244 / 2.
    assert chart.path == "M 92.0 158.0 H 696"
    assert chart.description.startswith("€ 2.800,00 bruto per maand (loonschaal S1, trap 24 jaar) bij 80 % werkregime;")
    assert chart.description.endswith("Fictieve bedragen (demo), niet de loonschaal van de stad.")
    assert chart.title.endswith("(fictief)")


def test_a_long_career_has_ticks_every_five_years_and_at_most_six_money_steps():
    simulation = simulate_salary(pay_data(), seniority=recognise_seniority(
        public_years=0, private_years=0, private_cap_years=18), regime=Decimal("1"), on=date(2025, 3, 1))
    chart = build_salary_chart(simulation.career, regime=simulation.regime, fictitious=False)
    assert [tick.label for tick in chart.x_ticks] == ["0", "5", "10", "15", "20", "25"]
    assert 2 <= len(chart.y_ticks) <= 7
    assert all(PLOT_TOP <= dot.y <= PLOT_BOTTOM and PLOT_LEFT <= dot.x <= PLOT_RIGHT for dot in chart.dots)


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_svg_is_well_formed_accessible_and_uses_decimal_points(language):
    simulation = simulate_salary(pay_data(), seniority=recognise_seniority(
        public_years=0, private_years=0, private_cap_years=18), regime=Decimal("0.8"), on=date(2025, 3, 1))
    with translation.override(language):
        svg = render_salary_chart(simulation, chart_id="grafiek")
    root = ElementTree.fromstring(svg.strip())  # noqa: S314 (our own rendered SVG, not untrusted input)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "grafiek-title grafiek-desc"
    assert root.find(f"{SVG}title").get("id") == "grafiek-title"
    assert root.find(f"{SVG}desc").get("id") == "grafiek-desc"
    assert len(root.findall(f"{SVG}circle")) == len(simulation.career)
    for element in root.iter():
        for name in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy"):
            value = element.get(name)
            if value is not None:
                assert re.fullmatch(r"-?\d+(\.\d+)?", value), (element.tag, name, value)
    assert re.fullmatch(r"M [\d. HV]+", root.find(f"{SVG}path").get("d"))
