"""seed_kortrijk stores only the scale codes B1-B3 with the published B1 minimum and B3 maximum (information for HR,
with their source), each under a key of its own. No steps, no career, no index coefficient and no pay rules: the
bundle states none of them as the city's, so HR enters them (the back office suggests the sourced values) and the
estimate and the offer's simulation wait, listed as blocking. What HR changed or deleted stays so."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from pay.estimate import estimate_salary, missing_pay_settings, public_estimate_available
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from pay.simulation import MissingPayData
from procedures import seed_data
from procedures.models import Function
from tests.pay.scales import RULES_ROW

pytestmark = pytest.mark.django_db

ON = date(2026, 1, 15)


def seed(*args):
    out = StringIO()
    call_command("seed_kortrijk", *args, stdout=out)
    return out.getvalue()


def pay_rows():
    return {model.__name__: sorted(model.objects.values_list(flat=False)) for model in
            (PayScale, PayScaleVersion, PayScaleStep, IndexCoefficient, PayRules, CareerScale)}


def test_it_stores_only_the_scale_codes_with_the_published_facts_and_their_source():
    seed()
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
    # Nothing the bundle does not state as the city's: no steps, no career, no coefficient, no holiday pay rate.
    assert not PayScaleVersion.objects.exists()
    assert not CareerScale.objects.exists()
    assert not IndexCoefficient.objects.exists()
    assert not PayRules.objects.exists()


def test_after_the_seed_the_estimate_and_the_simulation_wait_for_what_hr_enters():
    seed()
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    assert not public_estimate_available(function, on=ON)
    assert [(setting.what, setting.url) for setting in missing_pay_settings(function, on=ON)] == [
        ("Functionele loopbaan van Maatschappelijk werker", "/admin/pay/functionpay/"),
        ("Indexcoëfficiënt, geldig op 15 januari 2026", "/admin/pay/indexcoefficient/"),
        ("Premies en voordelen (vakantiegeld, eindejaarspremie, maaltijdcheques, fietsvergoeding, vakantiedagen), "
         "geldig op 15 januari 2026", "/admin/pay/payrules/"),
    ]
    with pytest.raises(MissingPayData) as raised:
        estimate_salary(function, public_years=0, private_years=0, regime=Decimal(1), on=ON)
    assert "Indexcoëfficiënt, geldig op 15 januari 2026 (in Back office › Indexcoëfficiënten)" in raised.value.message
    assert "Premies en voordelen" in raised.value.message


def test_a_second_run_and_a_refresh_neither_overwrite_nor_duplicate_hrs_pay_data():
    seed()
    b1 = PayScale.objects.get(code="B1")
    version = PayScaleVersion.objects.create(scale=b1, valid_from=date(2026, 1, 1), source="Gemeenteraad",
                                             source_date=date(2025, 12, 15), status=PayScaleVersion.Status.OFFICIAL)
    PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("17500.00"))
    IndexCoefficient.objects.create(valid_from=date(2025, 3, 1), coefficient=Decimal("2.1223"), source="HR")
    PayRules.objects.create(valid_from=date(2025, 3, 1), **{**RULES_ROW, "meal_voucher_per_day": Decimal("8.00")},
                            year_end_fixed_amount=Decimal("1234.56"))
    function = Function.objects.get(slug=seed_data.FUNCTION["slug"])
    CareerScale.objects.create(function=function, position=1, scale=b1)
    PayScale.objects.filter(pk=b1.pk).update(name="B1 van de stad", published_minimum=Decimal("17400.00"),
                                             published_source="Correctie door HR")
    before = pay_rows()

    assert "0 nieuw, 0 bijgewerkt" in seed()
    assert pay_rows() == before


def test_a_scale_hr_deleted_stays_deleted_and_refresh_brings_back_the_bundles_facts():
    seed()
    PayScale.objects.filter(code="B2").delete()
    PayScale.objects.filter(code="B3").update(published_maximum=Decimal("1.00"))
    assert "1 door HR verwijderd en niet opnieuw aangemaakt" in seed()
    assert not PayScale.objects.filter(code="B2").exists()
    assert PayScale.objects.get(code="B3").published_maximum == Decimal("1.00")

    seed("--refresh")
    assert PayScale.objects.filter(code="B2").count() == 1
    assert PayScale.objects.get(code="B3").published_maximum == Decimal("29150.00")
    assert not PayScaleVersion.objects.exists()
