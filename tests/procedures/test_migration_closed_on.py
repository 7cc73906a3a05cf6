"""The migration that records the day each procedure closed: one closed after its apply-by day closed at midnight
after it (the old rule took letters of its whole period); for one closed before that the day stays unknown."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from procedures.models import Procedure
from tests.migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("procedures", "0015_pay_moves_to_its_own_app")]


def test_a_closed_procedure_gets_the_day_after_its_last_day_only_when_that_day_has_passed():
    today = timezone.localdate()
    old = migrate(BEFORE)
    try:
        function = old.get_model("procedures", "Function").objects.create(name="Maatschappelijk werker",
                                                                          slug="maatschappelijk-werker")
        made = {}
        for key, status, closes in (("after_its_last_day", "closed", date(2026, 1, 31)),
                                    ("by_hand_before_it", "closed", today + timedelta(days=10)),
                                    ("without_a_last_day", "closed", None),
                                    ("still_open", "open", today - timedelta(days=1))):
            made[key] = old.get_model("procedures", "Procedure").objects.create(
                function=function, title=key, slug=key.replace("_", "-"), status=status,
                applications_close_on=closes).pk
    finally:
        migrate()

    closed_on = dict(Procedure.objects.values_list("title", "closed_on"))
    assert closed_on == {"after_its_last_day": date(2026, 2, 1), "by_hand_before_it": None,
                         "without_a_last_day": None, "still_open": None}
    assert set(made.values()) == set(Procedure.objects.values_list("pk", flat=True))
