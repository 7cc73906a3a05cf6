"""seed_kortrijk stores only published pay facts, each with its source: the scale codes, the published B1 minimum and
B3 maximum (information for HR), the index coefficient and the bundle's benefits. No steps, no career: the estimate
is not offered until HR enters the city's scales. It never overwrites or duplicates pay data HR entered."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from procedures import seed_data
from procedures.models import CareerScale, Function, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from procedures.pay import missing_pay_settings, public_estimate_available

pytestmark = pytest.mark.django_db


def seed(*args):
    out = StringIO()
    call_command("seed_kortrijk", *args, stdout=out)
    return out.getvalue()


def pay_rows():
    return {model.__name__: sorted(model.objects.values_list(flat=False)) for model in
            (PayScale, PayScaleVersion, PayScaleStep, IndexCoefficient, PayRules, CareerScale)}


def test_it_stores_only_the_published_facts_each_with_its_source():
    out = seed()
    scales = {scale.code: scale for scale in PayScale.objects.all()}
    assert sorted(scales) == ["B1", "B2", "B3"]
    assert all("Infobundel" in scale.name for scale in scales.values())  # where the codes come from
    assert (scales["B1"].published_minimum, scales["B1"].published_maximum) == (Decimal("17300.00"), None)
    assert (scales["B3"].published_minimum, scales["B3"].published_maximum) == (None, Decimal("29150.00"))
    assert (scales["B2"].published_minimum, scales["B2"].published_maximum, scales["B2"].published_source) == (
        None, None, "")
    for code in ("B1", "B3"):
        assert scales[code].published_source.startswith("Een gepubliceerde vacature op B1-B3-niveau")
        assert "rekent er nooit mee" in scales[code].published_source
    # No invented steps and no invented career: the city publishes them, HR enters them.
    assert not PayScaleVersion.objects.exists()
    assert not PayScaleStep.objects.exists()
    assert not CareerScale.objects.exists()

    coefficient = IndexCoefficient.objects.get()
    assert (coefficient.valid_from, coefficient.coefficient) == (date(2025, 3, 1), Decimal("2.1223"))
    assert "sinds 1 maart 2025" in coefficient.source
    rules = PayRules.objects.get()
    assert (rules.meal_voucher_per_day, rules.bicycle_allowance_per_km, rules.holidays_min, rules.holidays_max) == (
        Decimal("7.50"), Decimal("0.36"), 33, 35)
    assert (rules.holiday_pay_rate, rules.year_end_rate) == (Decimal("0.92"), Decimal("0.036"))
    assert rules.year_end_fixed_amount is None  # not published: HR's to enter
    assert rules.source.startswith("Infobundel ‘Maatschappelijk werker (B1-B3)’ van stad Kortrijk: maaltijdcheques "
                                   "€7,50, fietsvergoeding €0,36 per km, 33 tot 35 vakantiedagen")
    assert "niet uit de infobundel" in rules.source  # the 92 % and 3.6 % say where they come from
    assert "Loon: 5 nieuw" in out  # 3 scales + 1 coefficient + 1 set of pay rules


def test_after_the_seed_the_estimate_is_not_offered_and_the_back_office_lists_what_hr_enters():
    seed()
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    assert not public_estimate_available(function, on=date(2026, 1, 15))
    assert [(setting.what, setting.url) for setting in missing_pay_settings(function, on=date(2026, 1, 15))] == [
        ("Functionele loopbaan van Maatschappelijk werker", "/admin/procedures/functionpay/"),
        ("Vast deel van de eindejaarspremie", "/admin/procedures/payrules/"),
    ]


def test_a_second_run_and_a_refresh_neither_overwrite_nor_duplicate_hrs_pay_data():
    seed()
    b1 = PayScale.objects.get(code="B1")
    PayScale.objects.filter(pk=b1.pk).update(name="B1 van de stad", published_minimum=Decimal("17400.00"),
                                             published_source="Correctie door HR")
    version = PayScaleVersion.objects.create(scale=b1, valid_from=date(2026, 1, 1), source="Gemeenteraad",
                                             source_date=date(2025, 12, 15), status=PayScaleVersion.Status.OFFICIAL)
    PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("17500.00"))
    IndexCoefficient.objects.filter(valid_from=date(2025, 3, 1)).update(source="HR: bron nagekeken")
    PayRules.objects.update(year_end_fixed_amount=Decimal("1234.56"), meal_voucher_per_day=Decimal("8.00"))
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    CareerScale.objects.create(function=function, position=1, scale=b1)
    before = pay_rows()

    assert "Loon: 0 nieuw" in seed()
    assert "Loon: 0 nieuw" in seed("--refresh")
    assert pay_rows() == before


def test_a_deleted_published_fact_row_is_created_again_but_nothing_else_is_touched():
    seed()
    PayScale.objects.filter(code="B2").delete()
    assert "Loon: 1 nieuw" in seed()
    assert PayScale.objects.filter(code="B2").count() == 1
    assert not PayScaleVersion.objects.exists()
