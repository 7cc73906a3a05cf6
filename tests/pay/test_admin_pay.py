"""HR enters pay data in the back office: scale versions with steps (draft, official with source and source date,
or fictitious), the index coefficient, pay rules and per function the career; official figures in force are history
(read-only), draft and fictitious ones are not."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kortrijk_ats import roles
from pay.models import (
    CareerScale,
    FunctionPay,
    IndexCoefficient,
    PayRules,
    PayScale,
    PayScaleStep,
    PayScaleVersion,
)
from tests.auth import login_staff
from tests.factories import FunctionFactory, ProcedureFactory, staff_user
from tests.pay.scales import create_pay_world

pytestmark = pytest.mark.django_db

ADD_VERSION = reverse("admin:pay_payscaleversion_add")


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def version_form(scale, steps, **overrides):
    data = {"scale": scale.pk, "valid_from": "01/01/2026", "status": "official", "source": "Loonschaal van de stad",
            "source_date": "01/12/2025", **management("steps", len(steps))}
    for index, (years, amount) in enumerate(steps):
        data[f"steps-{index}-years"] = str(years)
        data[f"steps-{index}-yearly_amount"] = amount
    data.update(overrides)
    return data


def errors_of(response):
    return response.content.decode()


def entered_yesterday(row):
    yesterday = timezone.now() - timedelta(days=1)
    type(row).objects.filter(pk=row.pk).update(
        created_at=yesterday, **({"official_at": yesterday} if isinstance(row, PayScaleVersion) else {}))
    row.refresh_from_db()
    return row


def official(scale, valid_from, **values):
    return PayScaleVersion.objects.create(scale=scale, valid_from=valid_from, status=PayScaleVersion.Status.OFFICIAL,
                                          source="Besluit gemeenteraad", source_date=date(2025, 12, 1), **values)


@pytest.fixture
def scale():
    return PayScale.objects.create(code="B1")


def test_hr_adds_a_scale_version_with_its_steps(hr_client, hr, scale):
    response = hr_client.post(ADD_VERSION, version_form(scale, [(0, "17300.00"), (2, "17700.00")]))
    assert response.status_code == 302
    version = PayScaleVersion.objects.get()
    assert (version.valid_from.isoformat(), version.status, version.source_date, version.created_by) == (
        "2026-01-01", "official", date(2025, 12, 1), hr)
    assert version.official_at is not None
    assert list(version.steps.values_list("years", "yearly_amount")) == [(0, Decimal("17300.00")),
                                                                          (2, Decimal("17700.00"))]


@pytest.mark.parametrize(("steps", "message"), [
    ([(1, "17300.00")], "De eerste trap hoort bij 0 jaar anciënniteit"),
    ([(0, "17300.00"), (2, "17000.00")], "De trap van 2 jaar heeft een lager bedrag dan die van 0 jaar."),
    ([(0, "17300.00"), (0, "17700.00")], "Elk aantal jaren komt maar één keer voor in een loonschaal."),
    ([(0, "0.00")], "Het jaarbedrag moet groter dan 0 zijn."),
    ([(0, "17300.00"), (51, "18000.00")], "Een trap kan hoogstens bij 50 jaar anciënniteit horen."),
    ([(years, "17300.00") for years in range(28)], "Een loonschaal heeft hoogstens 27 trappen"),
])
def test_a_wrong_scale_is_refused_in_dutch_and_nothing_is_saved(hr_client, scale, steps, message):
    response = hr_client.post(ADD_VERSION, version_form(scale, steps))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not PayScaleVersion.objects.exists()
    assert not PayScaleStep.objects.exists()


@pytest.mark.parametrize(("missing", "message"), [
    ({"source": ""}, "Een officiële versie vermeldt haar bron, bv. de webpagina of het besluit met de loonschaal."),
    ({"source": "   "}, "Een officiële versie vermeldt haar bron"),
    ({"source_date": ""}, "Een officiële versie vermeldt de datum van haar bron."),
])
def test_an_official_version_without_source_or_its_date_is_refused(hr_client, scale, missing, message):
    response = hr_client.post(ADD_VERSION, version_form(scale, [(0, "17300.00")], **missing))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not PayScaleVersion.objects.exists()


def test_a_draft_needs_no_source_and_is_marked_official_later(hr_client, scale):
    response = hr_client.post(ADD_VERSION, version_form(scale, [(0, "17300.00")], status="draft", source="",
                                                        source_date=""))
    assert response.status_code == 302
    version = PayScaleVersion.objects.get()
    assert (version.status, version.official_at) == ("draft", None)
    step = version.steps.get()
    data = version_form(scale, [(0, "17300.00")], **management("steps", 1, 1))
    data["steps-0-id"], data["steps-0-version"] = str(step.pk), str(version.pk)
    assert hr_client.post(reverse("admin:pay_payscaleversion_change", args=[version.pk]),
                          data).status_code == 302
    version.refresh_from_db()
    assert (version.status, version.source, version.source_date) == ("official", "Loonschaal van de stad",
                                                                     date(2025, 12, 1))
    assert version.official_at is not None


def test_the_estimate_is_offered_once_hr_marks_the_scales_official_in_the_back_office(hr_client, client):
    function = FunctionFactory(slug="maatschappelijk-werker")
    create_pay_world(function)
    ProcedureFactory(function=function, slug="maatschappelijk-werker")
    PayScaleVersion.objects.update(status=PayScaleVersion.Status.DRAFT, source_date=None, official_at=None)
    estimate = "/vacatures/maatschappelijk-werker/loon/"
    assert 'id="maandloon"' not in client.get(estimate).content.decode()
    for version in PayScaleVersion.objects.select_related("scale"):
        steps = list(version.steps.all())
        data = version_form(version.scale, [(step.years, str(step.yearly_amount)) for step in steps],
                            valid_from="01/01/2025", **management("steps", len(steps), len(steps)))
        for index, step in enumerate(steps):
            data[f"steps-{index}-id"], data[f"steps-{index}-version"] = str(step.pk), str(version.pk)
        response = hr_client.post(reverse("admin:pay_payscaleversion_change", args=[version.pk]), data)
        assert response.status_code == 302, errors_of(response)
    html = client.get(estimate).content.decode()
    assert re.search(r'id="maandloon">€ 2\.100,00<', html)  # 12,000 × 2.1 / 12


def test_the_citys_version_in_force_is_read_only_history(hr_client, scale):
    version = official(scale, timezone.localdate() - timedelta(days=30))
    PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("17300.00"))
    entered_yesterday(version)
    change = reverse("admin:pay_payscaleversion_change", args=[version.pk])

    page = hr_client.get(change)
    assert page.status_code == 200
    assert 'name="valid_from"' not in page.content.decode()  # shown, not editable
    assert "Nieuwe versie op basis van deze" in page.content.decode()
    response = hr_client.post(change, version_form(scale, [(0, "1.00")], **management("steps", 1, 1)))
    assert response.status_code == 403
    assert hr_client.post(reverse("admin:pay_payscaleversion_delete", args=[version.pk]),
                          {"post": "yes"}).status_code == 403
    assert version.steps.get().yearly_amount == Decimal("17300.00")


@pytest.mark.parametrize("status", ["fictitious", "draft"])
def test_a_fictitious_or_draft_version_in_force_stays_editable_and_deletable(hr_client, scale, status):
    version = entered_yesterday(PayScaleVersion.objects.create(
        scale=scale, valid_from=timezone.localdate() - timedelta(days=30), status=status))
    step = PayScaleStep.objects.create(version=version, years=0, yearly_amount=Decimal("17300.00"))
    change = reverse("admin:pay_payscaleversion_change", args=[version.pk])
    data = version_form(scale, [(0, "17400.00")], valid_from=version.valid_from.strftime("%d/%m/%Y"),
                        status=status, **management("steps", 1, 1))
    data["steps-0-id"], data["steps-0-version"] = str(step.pk), str(version.pk)
    assert hr_client.post(change, data).status_code == 302
    step.refresh_from_db()
    assert step.yearly_amount == Decimal("17400.00")
    assert hr_client.post(reverse("admin:pay_payscaleversion_delete", args=[version.pk]),
                          {"post": "yes"}).status_code == 302
    assert not PayScaleVersion.objects.exists()


def test_a_new_version_starts_as_a_copy_of_an_older_one(hr_client, scale):
    old = official(scale, timezone.localdate() - timedelta(days=30))
    PayScaleStep.objects.bulk_create([PayScaleStep(version=old, years=0, yearly_amount=Decimal("17300.00")),
                                      PayScaleStep(version=old, years=2, yearly_amount=Decimal("17700.00"))])
    page = hr_client.get(ADD_VERSION + f"?copy_from={old.pk}").content.decode()
    assert 'value="17300.00"' in page and 'value="17700.00"' in page
    assert "Besluit gemeenteraad" in page
    assert 'value="2025-12-01"' not in page and 'value="01/12/2025"' not in page  # its own source date, not the old

    response = hr_client.post(ADD_VERSION + f"?copy_from={old.pk}",
                              version_form(scale, [(0, "17500.00"), (2, "17900.00")], valid_from="01/01/2027"))
    assert response.status_code == 302
    new = PayScaleVersion.objects.exclude(pk=old.pk).get()
    assert list(new.steps.values_list("yearly_amount", flat=True)) == [Decimal("17500.00"), Decimal("17900.00")]
    assert list(old.steps.values_list("yearly_amount", flat=True)) == [Decimal("17300.00"), Decimal("17700.00")]


def test_hr_adds_an_index_coefficient_and_a_wrong_one_is_refused_in_dutch(hr_client):
    url = reverse("admin:pay_indexcoefficient_add")
    assert hr_client.post(url, {"valid_from": "01/03/2025", "coefficient": "2.1223"}).status_code == 302
    response = hr_client.post(url, {"valid_from": "01/06/2025", "coefficient": "0"})
    assert "De indexcoëfficiënt ligt tussen 0 en 10 (bv. 2,1223)." in errors_of(response)
    assert list(IndexCoefficient.objects.values_list("coefficient", flat=True)) == [Decimal("2.1223")]


def test_a_coefficient_in_force_cannot_be_changed(hr_client):
    coefficient = entered_yesterday(IndexCoefficient.objects.create(
        valid_from=timezone.localdate() - timedelta(days=1), coefficient=Decimal("2.1223")))
    response = hr_client.post(reverse("admin:pay_indexcoefficient_change", args=[coefficient.pk]),
                              {"valid_from": "01/03/2025", "coefficient": "3"})
    assert response.status_code == 403
    coefficient.refresh_from_db()
    assert coefficient.coefficient == Decimal("2.1223")


def field_value(page, name):
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*?(?:value="([^"]*)"[^>]*)?>([^<]*)', page)
    return match.group(1) if match.group(1) is not None else match.group(2).strip()


def test_the_first_coefficient_starts_from_the_sourced_suggestion_and_nothing_is_stored_before_hr_saves(hr_client):
    url = reverse("admin:pay_indexcoefficient_add")
    page = hr_client.get(url).content.decode()
    assert not IndexCoefficient.objects.exists()
    assert (field_value(page, "valid_from"), field_value(page, "coefficient")) == ("01-03-2025", "2.1223")
    assert "Indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart 2025 (niet uit de infobundel)" in (
        field_value(page, "source"))
    assert "Voorstel: 2,1223" in page and "Kijk hem na in de bron" in page
    IndexCoefficient.objects.create(valid_from=date(2025, 3, 1), coefficient=Decimal("2.1223"))
    assert field_value(hr_client.get(url).content.decode(), "coefficient") == ""  # HR's next one is HR's


def test_the_first_pay_rules_start_from_the_bundles_benefits_and_the_sourced_rates(hr_client):
    url = reverse("admin:pay_payrules_add")
    page = hr_client.get(url).content.decode()
    assert not PayRules.objects.exists()
    assert [field_value(page, name) for name in ("valid_from", "holiday_pay_rate", "year_end_fixed_amount",
                                                  "year_end_rate", "meal_voucher_per_day",
                                                  "bicycle_allowance_per_km", "holidays_min", "holidays_max")] == [
        "", "0.9200", "", "0.0360", "7.50", "0.36", "33", "35"]
    source = field_value(page, "source")
    assert source.startswith("Infobundel ‘Maatschappelijk werker (B1-B3)’ van stad Kortrijk: maaltijdcheques €7,50")
    assert "vakantiegeld 92 % van een maandloon voor een volledig refertejaar (niet uit de infobundel)" in source
    for help_text in ("Voorstel: 0,92, de regel voor Vlaamse lokale besturen (niet uit de infobundel).",
                      "De infobundel: maaltijdcheques van €7,50."):
        assert help_text in page


def test_new_pay_rules_start_from_the_latest_hr_entered(hr_client):
    PayRules.objects.create(valid_from=date(2025, 3, 1), holiday_pay_rate=Decimal("0.9200"),
                            year_end_fixed_amount=Decimal("700.00"), year_end_rate=Decimal("0.0360"),
                            meal_voucher_per_day=Decimal("8.00"), bicycle_allowance_per_km=Decimal("0.37"),
                            holidays_min=33, holidays_max=35, source="Rechtspositieregeling")
    page = hr_client.get(reverse("admin:pay_payrules_add")).content.decode()
    assert [field_value(page, name) for name in ("year_end_fixed_amount", "meal_voucher_per_day",
                                                  "bicycle_allowance_per_km", "source")] == [
        "700.00", "8.00", "0.37", "Rechtspositieregeling"]


def test_pay_rules_with_fewer_maximum_than_minimum_holidays_are_refused(hr_client):
    response = hr_client.post(reverse("admin:pay_payrules_add"), {
        "valid_from": "01/03/2025", "holiday_pay_rate": "0.92", "year_end_rate": "0.036",
        "meal_voucher_per_day": "7.50", "bicycle_allowance_per_km": "0.36", "holidays_min": "35",
        "holidays_max": "33"})
    assert "Het maximum aantal vakantiedagen kan niet kleiner zijn dan het minimum." in errors_of(response)


def career_form(function, stages, cap="18"):
    data = {"private_seniority_cap_years": cap, **management("career_scales", len(stages))}
    for index, (position, scale, years) in enumerate(stages):
        data.update({f"career_scales-{index}-position": str(position), f"career_scales-{index}-scale": str(scale.pk),
                     f"career_scales-{index}-years_in_previous_scale": str(years),
                     f"career_scales-{index}-conditions": "gunstige evaluatie" if years else ""})
    return data


def test_hr_sets_a_functions_cap_and_career(hr_client):
    function = FunctionFactory(private_seniority_cap_years=18)
    b1, b2 = PayScale.objects.create(code="B1"), PayScale.objects.create(code="B2")
    url = reverse("admin:pay_functionpay_change", args=[function.pk])
    assert hr_client.post(url, career_form(function, [(1, b1, 0), (2, b2, 4)], cap="15")).status_code == 302
    function.refresh_from_db()
    assert function.private_seniority_cap_years == 15
    assert list(CareerScale.objects.values_list("scale__code", "years_in_previous_scale", "conditions")) == [
        ("B1", 0, ""), ("B2", 4, "gunstige evaluatie")]
    assert "B1 → B2" in hr_client.get(reverse("admin:pay_functionpay_changelist")).content.decode()


@pytest.mark.parametrize(("stages", "message"), [
    (lambda b1, b2: [(1, b1, 2), (2, b2, 4)], "De startschaal (de eerste in de volgorde) komt na 0 jaar."),
    (lambda b1, b2: [(1, b1, 0), (2, b2, 0)], "Elke volgende schaal komt pas na minstens 1 jaar"),
    (lambda b1, b2: [(1, b1, 0), (2, b1, 4)], "Elke loonschaal komt maar één keer voor in de loopbaan."),
])
def test_a_wrong_career_is_refused_in_dutch(hr_client, stages, message):
    function = FunctionFactory()
    b1, b2 = PayScale.objects.create(code="B1"), PayScale.objects.create(code="B2")
    response = hr_client.post(reverse("admin:pay_functionpay_change", args=[function.pk]),
                              career_form(function, stages(b1, b2)))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not CareerScale.objects.exists()


def test_functions_are_not_added_or_deleted_on_the_pay_page(hr_client):
    function = FunctionFactory()
    assert hr_client.get(reverse("admin:pay_functionpay_add")).status_code == 403
    assert hr_client.post(reverse("admin:pay_functionpay_delete", args=[function.pk]),
                          {"post": "yes"}).status_code == 403
    assert FunctionPay.objects.filter(pk=function.pk).exists()


@pytest.mark.parametrize("name", ["payscale", "payscaleversion", "indexcoefficient", "payrules", "functionpay"])
def test_staff_without_the_hr_role_does_not_see_pay_pages(client, name):
    login_staff(client, staff_user(roles.INTERVIEWER, username="interviewer"))
    response = client.get(reverse(f"admin:pay_{name}_changelist"))
    assert response.status_code == 302  # to the log-in page of the back office
    assert "/admin/login/" in response["Location"]


def test_the_scale_page_shows_what_was_published_elsewhere_as_information(hr_client):
    call_command("seed_kortrijk", verbosity=0)
    b1 = PayScale.objects.get(code="B1")
    page = hr_client.get(reverse("admin:pay_payscale_change", args=[b1.pk])).content.decode()
    assert "Elders gepubliceerd (enkel ter info: de loonschatting rekent er nooit mee)" in page
    assert 'value="17300.00"' in page
    assert "Een gepubliceerde vacature op B1-B3-niveau" in page
    listing = hr_client.get(reverse("admin:pay_payscale_changelist")).content.decode()
    assert "17300" in listing.replace(".", "").replace(",", "") and "29150" in listing.replace(".", "").replace(",", "")


def test_a_demo_career_is_marked_fictitious_in_the_list_of_functions(hr_client):
    function = FunctionFactory()
    create_pay_world(function, fictitious=True)
    CareerScale.objects.filter(function=function).update(fictitious=True)
    listing = hr_client.get(reverse("admin:pay_functionpay_changelist")).content.decode()
    assert "S1 → S2 → S3 (fictief)" in listing


def test_an_old_bookmark_of_a_pay_page_arrives_at_its_new_address(hr_client, scale):
    # The pay pages lived under /admin/procedures/ until pay became its own app.
    old = hr_client.get(f"/admin/procedures/payscale/{scale.pk}/change/?_changelist_filters=q%3DB1")
    assert old.status_code == 301
    assert old["Location"] == f"/admin/pay/payscale/{scale.pk}/change/?_changelist_filters=q%3DB1"
    assert scale.code in hr_client.get(old["Location"]).content.decode()
    assert hr_client.get("/admin/procedures/indexcoefficient/")["Location"] == "/admin/pay/indexcoefficient/"
    # The procedures app's own pages stay where they are.
    assert hr_client.get("/admin/procedures/procedure/").status_code == 200
