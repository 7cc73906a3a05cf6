"""The migration that allows one intake moment without hours per day and label, on a database that holds twins: it
renames the second and later twin ("voormiddag (2)") before the constraint, deleting nothing."""

from datetime import date, time

import pytest

from procedures.models import IntakeSession
from tests.migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("procedures", "0011_old_seed_vacancy_texts_to_the_current_page")]


def test_twins_without_hours_are_renamed_and_the_constraint_holds():
    old = migrate(BEFORE)
    try:
        function = old.get_model("procedures", "Function").objects.create(name="Maatschappelijk werker",
                                                                          slug="maatschappelijk-werker")
        Procedure, Session = old.get_model("procedures", "Procedure"), old.get_model("procedures", "IntakeSession")
        procedure = Procedure.objects.create(function=function, title="Maatschappelijk werker", slug="mw")
        other = Procedure.objects.create(function=function, title="Volgende ronde", slug="mw-2")
        day = date(2026, 1, 20)
        made = [Session.objects.create(procedure=procedure, date=day, label=label, **hours).pk
                for label, hours in (("voormiddag", {}), ("voormiddag", {}), ("voormiddag (2)", {}),
                                     ("voormiddag", {}), ("v" * 80, {}), ("v" * 80, {}), ("namiddag", {}),
                                     ("voormiddag", {"starts_at": time(9), "ends_at": time(12)}))]
        made.append(Session.objects.create(procedure=other, date=day, label="voormiddag").pk)
    finally:
        migrate()

    labels = dict(IntakeSession.objects.values_list("pk", "label"))
    assert [labels[pk] for pk in made] == [
        "voormiddag", "voormiddag (3)", "voormiddag (2)", "voormiddag (4)", "v" * 80, "v" * 76 + " (2)", "namiddag",
        "voormiddag", "voormiddag"]
