"""seed_demo's pay (pay.demo): fictitious steps for B1-B3 and a fictitious career, so the demo can show the
estimate; every amount they give says "fictief". Only where nothing is there: HR's pay data is never overwritten or
duplicated, and seed_kortrijk never creates a fictitious version."""

import re
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from pay.demo import seed_demo_pay
from pay.estimate import estimate_salary
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from procedures import seed_data
from procedures.models import Function
from tests.pay.scales import RULES_ROW

pytestmark = pytest.mark.django_db

ESTIMATE = f"/vacatures/{seed_data.PROCEDURE_SLUG}/loon/"
VACANCY = f"/vacatures/{seed_data.PROCEDURE_SLUG}/"


@pytest.fixture
def seeded():
    call_command("seed_kortrijk", stdout=StringIO())
    return Function.objects.get(slug=seed_data.FUNCTION["slug"])


def test_seed_demo_adds_fictitious_scales_and_career(monkeypatch):
    monkeypatch.setenv("KATS_DEMO", "true")
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    assert "Demoloon: 50 nieuw" in out.getvalue()  # 3 versions + 3 × 14 steps + 3 career scales + index + rules
    assert set(PayScaleVersion.objects.values_list("status", flat=True)) == {"fictitious"}
    assert all(version.source.startswith("Fictief (demo)") for version in PayScaleVersion.objects.all())
    assert list(CareerScale.objects.values_list("scale__code", "years_in_previous_scale", "fictitious")) == [
        ("B1", 0, True), ("B2", 4, True), ("B3", 14, True)]
    # The demo plays HR and takes the back office's suggestions, saying so in their source.
    assert IndexCoefficient.objects.get().coefficient == Decimal("2.1223")
    rules = PayRules.objects.get()
    assert (rules.holiday_pay_rate, rules.year_end_rate, rules.meal_voucher_per_day) == (
        Decimal("0.92"), Decimal("0.036"), Decimal("7.50"))
    assert all(row.source.startswith("Demo (seed_demo)") for row in (IndexCoefficient.objects.get(), rules))
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    assert "Demoloon: 0 nieuw" in out.getvalue()


def test_the_demo_estimate_labels_every_amount_fictitious(client, seeded):
    seed_demo_pay()
    html = client.get(ESTIMATE, {"public_years": "3", "private_years": "25", "regime": "0,8"}).content.decode()
    # 3 + 18 = 21 years -> B1 step 20: 17,300 + 10 × 400 = 21,300; × 2.1223 / 12 × 0.8 = 3,013.67.
    assert re.search(r'id="maandloon">€ 3\.013,67</span>\s*bruto per maand bij 80 % werkregime\s*'
                     r'<span class="fictitious-tag">fictief</span>', html)
    assert "Fictieve bedragen" in html
    assert "(loonschaal B1, loonschaal B2, loonschaal B3, functionele loopbaan)" in html
    figures = html.count('class="figure-amount"') - 3  # not the bundle's meal voucher, bike and holidays
    table_rows = html.count('<td class="text-end text-nowrap">')
    assert html.count('<span class="fictitious-tag">fictief</span>') == 1 + figures + table_rows
    assert "Geschat bruto maandloon over je loopbaan (fictief)" in html  # the chart's title
    assert "Fictieve bedragen (demo), niet de loonschaal van de stad." in html  # the chart's description
    assert ">Fictief</text>" in html  # the mark inside the chart
    vacancy = client.get(VACANCY).content.decode()
    assert f'<a href="{ESTIMATE}">Schat je brutoloon</a>' in vacancy


def test_the_demo_simulation_is_fictitious_from_b1s_published_minimum(seeded):
    seed_demo_pay()
    result = estimate_salary(seeded, public_years=0, private_years=0, regime=Decimal("1"), on=date(2026, 1, 15))
    assert result.monthly_gross.amount == Decimal("3059.65")  # 17,300 × 2.1223 / 12, half up
    assert result.fictitious_parts == ("loonschaal B1", "loonschaal B2", "loonschaal B3", "functionele loopbaan")


def test_the_demo_never_touches_what_hr_entered(seeded):
    b1 = PayScale.objects.get(code="B1")
    official = PayScaleVersion.objects.create(scale=b1, valid_from=date(2026, 1, 1), source="Gemeenteraad",
                                              source_date=date(2025, 12, 15), status=PayScaleVersion.Status.OFFICIAL)
    PayScaleStep.objects.create(version=official, years=0, yearly_amount=Decimal("17500.00"))
    CareerScale.objects.create(function=seeded, position=1, scale=b1)
    coefficient = IndexCoefficient.objects.create(valid_from=date(2026, 1, 1), coefficient=Decimal("2.2000"))
    rules = PayRules.objects.create(valid_from=date(2026, 1, 1), **RULES_ROW)
    assert seed_demo_pay() == 2 + 2 * 14  # only B2 and B3 get demo versions; the career, index and rules are HR's
    assert list(IndexCoefficient.objects.all()) == [coefficient] and list(PayRules.objects.all()) == [rules]
    assert list(b1.versions.all()) == [official]
    assert list(official.steps.values_list("yearly_amount", flat=True)) == [Decimal("17500.00")]
    assert list(CareerScale.objects.values_list("scale__code", "fictitious")) == [("B1", False)]
    assert seed_demo_pay() == 0
