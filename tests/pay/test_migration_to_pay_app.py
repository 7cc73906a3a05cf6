"""The pay models move from the procedures app to the pay app (procedures 0015, pay 0001) without moving a row: a
populated database from before the move reads the same rows, ids and links through the pay models afterwards, and
what points at their content types (a group's permission, the admin's history, the seed's records) follows them, so
HR keeps what it was given and a new seed_kortrijk creates nothing."""

from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from kortrijk_ats import roles
from pay.estimate import estimate_salary
from pay.models import CareerScale, FunctionPay, IndexCoefficient, PayRules, PayScale, PayScaleVersion
from procedures import seed_data
from procedures.models import Function, SeedRecord
from tests.auth import login_staff
from tests.factories import hr_user
from tests.migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("procedures", "0014_diploma_short_label")]
MOVED = ("payscale", "payscaleversion", "payscalestep", "indexcoefficient", "payrules", "careerscale", "functionpay")


def write_hrs_pay(old, *, by):
    """HR's pay rows as the procedures app stored them: an official B1 version with two steps, a coefficient, pay
    rules and a career for the seeded function; a group holding a pay permission; the admin's record of the edit."""
    model = old.get_model
    function = model("procedures", "Function").objects.get(slug=seed_data.FUNCTION["slug"])
    b1 = model("procedures", "PayScale").objects.get(code="B1")
    version = model("procedures", "PayScaleVersion").objects.create(
        scale=b1, valid_from=date(2025, 3, 1), status="official", source="Besluit gemeenteraad",
        source_date=date(2025, 2, 1), official_at=datetime(2025, 2, 2, 9, 0).astimezone(), created_by_id=by.pk)
    steps = [model("procedures", "PayScaleStep").objects.create(version=version, years=years,
                                                                yearly_amount=Decimal(amount))
             for years, amount in ((0, "17300.00"), (2, "17700.00"))]
    coefficient = model("procedures", "IndexCoefficient").objects.create(valid_from=date(2025, 3, 1),
                                                                         coefficient=Decimal("2.1223"))
    rules = model("procedures", "PayRules").objects.create(
        valid_from=date(2025, 3, 1), holiday_pay_rate=Decimal("0.92"), year_end_fixed_amount=Decimal("600.00"),
        year_end_rate=Decimal("0.036"), meal_voucher_per_day=Decimal("7.50"),
        bicycle_allowance_per_km=Decimal("0.36"), holidays_min=33, holidays_max=35)
    career = model("procedures", "CareerScale").objects.create(function=function, position=1, scale=b1)
    # As a database of that time has them (a test database made its content types under today's labels: going
    # back renamed them; get_or_create makes them where that did not happen).
    content_type = model("contenttypes", "ContentType").objects.get_or_create(app_label="procedures",
                                                                            model="payscale")[0]
    permission = model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_payscale", defaults={"name": "Can change loonschaal"})[0]
    group = model("auth", "Group").objects.create(name="Loonbeheer")
    group.permissions.add(permission)
    model("auth", "User").objects.get(pk=by.pk).groups.add(group)
    # The admin's tables are not in that state (no procedures migration depends on them): today's model writes it.
    entry = LogEntry.objects.create(
        user_id=by.pk, content_type_id=content_type.pk, object_id=str(b1.pk), object_repr="B1", action_flag=2,
        change_message="[]", action_time=datetime(2025, 2, 2, 9, 0).astimezone())
    return {"function": function, "b1": b1, "version": version, "steps": steps, "coefficient": coefficient,
            "rules": rules, "career": career, "content_type": content_type, "permission": permission,
            "entry": entry}


@pytest.fixture
def moved(transactional_db):
    """A seeded database taken back to before the move, HR's pay rows written there, and migrated forward."""
    call_command("seed_kortrijk", stdout=StringIO())
    hr = hr_user(username="hr")
    old = migrate(BEFORE_THE_MOVE)
    try:
        written = write_hrs_pay(old, by=hr)
    finally:
        migrate()
    return hr, written


def test_every_row_is_read_through_the_pay_models_with_its_id_and_links_and_a_new_seed_adds_nothing(moved):
    hr, old = moved
    b1 = PayScale.objects.get(pk=old["b1"].pk)
    assert b1.code == "B1" and b1.published_minimum == Decimal("17300.00")  # the seed's row, untouched
    version = PayScaleVersion.objects.get(pk=old["version"].pk)
    assert (version.scale, version.status, version.source_date, version.created_by) == (
        b1, PayScaleVersion.Status.OFFICIAL, date(2025, 2, 1), hr)
    assert [(step.pk, step.years, step.yearly_amount) for step in version.steps.order_by("years")] == [
        (step.pk, step.years, step.yearly_amount) for step in old["steps"]]
    assert IndexCoefficient.objects.get(pk=old["coefficient"].pk).coefficient == Decimal("2.1223")
    assert PayRules.objects.get(pk=old["rules"].pk).year_end_fixed_amount == Decimal("600.00")
    function = Function.objects.get(pk=old["function"].pk)
    career = CareerScale.objects.get(pk=old["career"].pk)
    assert (career.function, career.scale) == (function, b1)
    assert list(FunctionPay.objects.get(pk=function.pk).career_scales.all()) == [career]
    # The simulation reads them: B1 step 0, 17,300 × 2.1223 / 12 = 3,059.65 a month.
    simulation = estimate_salary(function, public_years=0, private_years=0, regime=Decimal(1), on=date(2026, 1, 15))
    assert simulation.monthly_gross.amount == Decimal("3059.65")
    # A seed after the move finds its scale codes by their keys: nothing new, HR's rows as they were.
    out = StringIO()
    call_command("seed_kortrijk", stdout=out)
    assert "0 nieuw, 0 bijgewerkt" in out.getvalue()
    assert PayScale.objects.count() == 3
    assert PayScaleVersion.objects.get().pk == version.pk


def test_the_content_types_move_with_their_permissions_history_and_seed_records_and_back(moved, client):
    hr, old = moved
    content_type = ContentType.objects.get_for_model(PayScale)
    assert (content_type.pk, content_type.app_label) == (old["content_type"].pk, "pay")
    assert not ContentType.objects.filter(app_label="procedures", model__in=MOVED).exists()
    assert set(ContentType.objects.filter(app_label="pay").values_list("model", flat=True)) == set(MOVED)
    # The group HR was given keeps its permission, now named after the pay app.
    permission = Permission.objects.get(pk=old["permission"].pk)
    assert permission.content_type == content_type
    assert list(Group.objects.get(name="Loonbeheer").permissions.all()) == [permission]
    assert hr.has_perm("pay.change_payscale") and not hr.has_perm("procedures.change_payscale")
    assert LogEntry.objects.get(pk=old["entry"].pk).get_edited_object() == PayScale.objects.get(pk=old["b1"].pk)
    assert {record.key: record.content_type.model_class() for record in SeedRecord.objects.filter(
        key__startswith="pay-scale:")} == {"pay-scale:B1": PayScale, "pay-scale:B2": PayScale, "pay-scale:B3": PayScale}
    # HR (the role, as before) works on the moved rows in the back office, under the pay app's address.
    assert roles.is_hr(hr)
    login_staff(client, hr)
    url = reverse("admin:pay_payscaleversion_change", args=[old["version"].pk])
    assert url == f"/admin/pay/payscaleversion/{old['version'].pk}/change/"
    assert "Besluit gemeenteraad" in client.get(url).content.decode()
    # Going back before the move gives them back to procedures, rows untouched.
    try:
        back = migrate(BEFORE_THE_MOVE)
        content_type = back.get_model("contenttypes", "ContentType").objects.get(pk=old["content_type"].pk)
        assert (content_type.app_label, content_type.model) == ("procedures", "payscale")
        assert back.get_model("procedures", "PayScaleStep").objects.filter(version_id=old["version"].pk).count() == 2
    finally:
        migrate()
    assert ContentType.objects.get(pk=old["content_type"].pk).app_label == "pay"
