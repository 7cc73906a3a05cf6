"""What HR still has to enter for a function's pay (pay.estimate.missing_pay_settings), and when the public
estimate is offered (public_estimate_available): only when every scale of the career has an official (or demo)
version in force, with a coefficient and pay rules; the simulation names exactly what is missing and where."""

from datetime import date
from decimal import Decimal

import pytest

from pay.estimate import estimate_salary, missing_pay_settings, public_estimate_available
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScaleVersion
from pay.simulation import MissingPayData
from procedures.settings_check import MissingSetting
from tests.factories import FunctionFactory
from tests.pay.scales import START, create_pay_world

pytestmark = pytest.mark.django_db

ON = date(2025, 3, 1)
USED = "de loonschatting en de loonsimulatie bij een jobaanbod"
VERSIONS = ("/admin/pay/payscaleversion/", "Back office › Versies van loonschalen")
CAREER = ("/admin/pay/functionpay/", "Back office › Loopbaan en anciënniteit per functie")
RULES = ("/admin/pay/payrules/", "Back office › Premies en voordelen")


@pytest.fixture
def function():
    function = FunctionFactory(name="Maatschappelijk werker")
    create_pay_world(function)
    return function


def labels(function, on=ON):
    return [setting.what for setting in missing_pay_settings(function, on=on)]


def test_the_complete_official_world_misses_nothing(function):
    assert missing_pay_settings(function, on=ON) == []
    assert public_estimate_available(function, on=ON)


def test_a_draft_scale_is_missing_with_its_date_and_where_to_enter_it(function):
    PayScaleVersion.objects.filter(scale__code="S2").update(status=PayScaleVersion.Status.DRAFT)
    assert missing_pay_settings(function, on=ON) == [
        MissingSetting("Officiële loonschaal S2, geldig op 1 maart 2025", USED, *VERSIONS)]
    assert not public_estimate_available(function, on=ON)


def test_the_simulation_refuses_naming_each_missing_setting_and_where(function):
    PayScaleVersion.objects.filter(scale__code__in=["S2", "S3"]).update(status=PayScaleVersion.Status.DRAFT)
    IndexCoefficient.objects.all().delete()
    with pytest.raises(MissingPayData) as raised:
        estimate_salary(function, public_years=0, private_years=0, regime=Decimal("1"), on=ON)
    assert raised.value.message == (
        "Nog in te vullen door HR: Officiële loonschaal S2, geldig op 1 maart 2025 (in Back office › Versies van "
        "loonschalen); Officiële loonschaal S3, geldig op 1 maart 2025 (in Back office › Versies van loonschalen); "
        "Indexcoëfficiënt, geldig op 1 maart 2025 (in Back office › Indexcoëfficiënten).")


def test_a_version_that_starts_later_is_missing_on_an_earlier_date(function):
    assert labels(function, on=date(2024, 12, 31)) == [
        "Officiële loonschaal S1, geldig op 31 december 2024", "Officiële loonschaal S2, geldig op 31 december 2024",
        "Officiële loonschaal S3, geldig op 31 december 2024", "Indexcoëfficiënt, geldig op 31 december 2024",
        "Premies en voordelen (vakantiegeld, eindejaarspremie, maaltijdcheques, fietsvergoeding, vakantiedagen), "
        "geldig op 31 december 2024"]
    assert public_estimate_available(function, on=START)


def test_no_career_is_missing_and_blocks(function):
    CareerScale.objects.all().delete()
    assert missing_pay_settings(function, on=ON) == [
        MissingSetting("Functionele loopbaan van Maatschappelijk werker", USED, *CAREER)]
    assert not public_estimate_available(function, on=ON)


def test_demo_figures_are_usable_but_still_listed_as_missing_official_data():
    function = FunctionFactory(name="Maatschappelijk werker")
    create_pay_world(function, fictitious=True)
    CareerScale.objects.filter(position=2).update(fictitious=True)
    assert public_estimate_available(function, on=ON)  # the demo works, labelled "fictief"
    assert labels(function) == ["Officiële loonschaal S1 (nu fictieve demobedragen)",
                                "Officiële loonschaal S2 (nu fictieve demobedragen)",
                                "Officiële loonschaal S3 (nu fictieve demobedragen)",
                                "Functionele loopbaan van Maatschappelijk werker (nu een fictieve demo)"]


def test_the_fixed_part_of_the_year_end_bonus_is_listed_but_does_not_block(function):
    PayRules.objects.update(year_end_fixed_amount=None)
    assert missing_pay_settings(function, on=ON) == [MissingSetting(
        "Vast deel van de eindejaarspremie", "de eindejaarspremie in de loonschatting en de loonsimulatie; zonder dit "
        "bedrag tonen ze enkel het variabele deel, als ‘minstens’", *RULES)]
    assert public_estimate_available(function, on=ON)
    result = estimate_salary(function, public_years=0, private_years=0, regime=Decimal("1"), on=ON)
    assert result.year_end_bonus.incomplete  # shown as "minstens", never a guessed fixed part


def test_blocking_settings_come_first(function):
    PayRules.objects.update(year_end_fixed_amount=None)
    PayScaleVersion.objects.filter(scale__code="S3").update(status=PayScaleVersion.Status.DRAFT)
    assert labels(function) == ["Officiële loonschaal S3, geldig op 1 maart 2025",
                                "Vast deel van de eindejaarspremie"]
