"""The Transition table is the audit trail: rows are added, never changed — by the model or by SQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from candidates.models import Transition
from candidates.stages import Stage
from candidates.transitions import change_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def transition(application, hr):
    return change_stage(application, to=Stage.ELIGIBLE, by=hr, reason="Diploma in orde")


def stored(transition):
    return Transition.objects.values().get(pk=transition.pk)


def test_the_model_refuses_to_save_a_changed_row(transition):
    before = stored(transition)
    transition.reason = "Achteraf aangepast"
    with pytest.raises(ValueError, match="append-only"):
        transition.save()
    assert stored(transition) == before


@pytest.mark.parametrize("write", [
    lambda t: Transition.objects.filter(pk=t.pk).update(reason="Achteraf aangepast"),
    lambda t: Transition.objects.bulk_update([Transition(pk=t.pk, reason="x")], ["reason"]),
    lambda t: connection.cursor().execute(
        "UPDATE candidates_transition SET to_stage = %s, actor_label = %s WHERE id = %s", ["eligible", "x", t.pk]),
], ids=["queryset-update", "bulk-update", "raw-sql"])
def test_the_database_refuses_an_update_by_any_route(transition, write):
    before = stored(transition)
    with pytest.raises(DatabaseError, match="candidates_transition is append-only"), transaction.atomic():
        write(transition)
    assert stored(transition) == before


def test_new_rows_can_still_be_added(transition, application, hr):
    # The trigger guards UPDATE only: the next decision is appended as usual.
    change_stage(application, to=Stage.INTAKE_INVITED, by=hr)
    assert list(application.transitions.values_list("to_stage", flat=True)) == [
        Stage.ELIGIBLE, Stage.INTAKE_INVITED]
