"""The "Nieuwe ronde" form sent twice at once (a double click): two requests, each on its own PostgreSQL connection,
overlap so that both pass the check "is this web address free?" before either has committed. One round is made;
the other request gets the Dutch message about the web address, with nothing half-made.

The negative control runs the same overlap with the guard off (the slug's unique index dropped for the length of the
test and restored afterwards, no migration): then two rounds appear, so the harness really overlaps the requests.
"""

from contextlib import contextmanager
from datetime import date

import pytest
from django.db import connection

from procedures.models import Diploma, Procedure, ProcedureStep
from procedures.rounds import NewRoundRefused, start_new_round
from tests.factories import DiplomaFactory, ProcedureFactory
from tests.threads import first_holds_while_second_runs

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = date(2026, 12, 4)
NEXT = {"title": "Maatschappelijk werker 2027", "slug": "maatschappelijk-werker-2027",
        "applications_open_from": date(2026, 12, 7), "applications_close_on": date(2027, 1, 10), "today": TODAY}


@pytest.fixture
def old():
    procedure = ProcedureFactory(slug="maatschappelijk-werker")
    ProcedureStep.objects.create(procedure=procedure, position=1, title="Solliciteren")
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk")
    return procedure


def twice_at_once(old):
    """The first request makes the round and keeps its transaction open until the second has either finished or
    queued behind it on a lock; then the first commits. Returns both handles (.result / .error)."""
    def start_round():
        return start_new_round(Procedure.objects.get(pk=old.pk), **NEXT)

    return first_holds_while_second_runs(start_round, start_round)


@contextmanager
def slug_guard_dropped():
    """The unique index on Procedure.slug removed, always restored (after clearing the duplicates it would refuse)."""
    field = Procedure._meta.get_field("slug")
    loose = field.clone()
    loose.unique, loose.db_index = False, False
    loose.set_attributes_from_name("slug")
    loose.model = Procedure
    with connection.schema_editor() as editor:
        editor.alter_field(Procedure, field, loose)
    try:
        yield
    finally:
        Procedure.objects.filter(slug=NEXT["slug"]).delete()
        with connection.schema_editor() as editor:
            editor.alter_field(Procedure, loose, field)


def test_two_requests_at_once_make_one_round_and_the_second_is_told_why(old):
    first, second = twice_at_once(old)
    assert first.error is None and isinstance(second.error, NewRoundRefused), (first.error, second.error)
    assert second.error.errors == {"slug": "Er is al een procedure met het webadres (slug) "
                                           "‘maatschappelijk-werker-2027’ (‘Maatschappelijk werker 2027’). Kies een "
                                           "ander webadres, bv. met het jaar erin. Er is niets aangemaakt."}
    [new] = Procedure.objects.filter(slug=NEXT["slug"])
    assert new.pk == first.result.pk
    # Nothing of the second request stayed behind: the old round's rows and one copy of them.
    assert ProcedureStep.objects.count() == 2 and Diploma.objects.count() == 2


def test_negative_control_without_the_unique_slug_the_same_overlap_makes_two_rounds(old):
    with slug_guard_dropped():
        first, second = twice_at_once(old)
        assert first.error is None and second.error is None, (first.error, second.error)
        assert Procedure.objects.filter(slug=NEXT["slug"]).count() == 2
    assert Procedure.objects.count() == 1
