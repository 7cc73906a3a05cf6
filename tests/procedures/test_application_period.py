"""A procedure opens and closes on its dates by itself: the apply-by day ("kandidaturen tot en met") ends at midnight
in Europe/Brussels; a periodic job moves the status, idempotent, one log line per change; HR's hand is respected."""

import logging
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from procedures import tasks
from procedures.application_period import open_and_close_procedures
from procedures.models import Procedure
from tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
LAST_DAY = date(2026, 1, 10)
MIDNIGHT = datetime(2026, 1, 11, 0, 0, tzinfo=BRUSSELS)  # the end of the last day


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        return open_and_close_procedures()


def is_open_at(procedure, moment):
    with time_machine.travel(moment, tick=False):
        return Procedure.objects.open_for_applications(today=timezone.localdate()).filter(pk=procedure.pk).exists()


def status_of(procedure):
    procedure.refresh_from_db()
    return procedure.status


@pytest.mark.parametrize(("moment", "still_open"), [
    (MIDNIGHT - timedelta(seconds=1), True),  # 23:59:59 on the last day
    (MIDNIGHT, False),
    (datetime(2026, 1, 10, 22, 59, 59, tzinfo=UTC), True),  # 23:59:59 in Brussels: UTC is an hour behind
    (datetime(2026, 1, 10, 23, 0, 0, tzinfo=UTC), False),  # 00:00 in Brussels
])
def test_the_procedure_is_open_until_midnight_at_the_end_of_its_last_day_in_brussels(moment, still_open):
    procedure = ProcedureFactory(applications_close_on=LAST_DAY)
    assert is_open_at(procedure, moment) is still_open
    assert run_at(moment) == (0, 0 if still_open else 1)
    assert status_of(procedure) == (Procedure.Status.OPEN if still_open else Procedure.Status.CLOSED)


def test_running_twice_closes_once_with_one_log_line(caplog):
    procedure = ProcedureFactory(title="Maatschappelijk werker (B1-B3)", applications_close_on=LAST_DAY)
    other = ProcedureFactory(applications_close_on=LAST_DAY + timedelta(days=1))
    with caplog.at_level(logging.INFO, logger="procedures.application_period"):
        assert run_at(MIDNIGHT + timedelta(minutes=5)) == (0, 1)
        assert run_at(MIDNIGHT + timedelta(minutes=15)) == (0, 0)
    lines = [r.getMessage() for r in caplog.records if r.name == "procedures.application_period"]
    assert lines == [f"procedures: 'Maatschappelijk werker (B1-B3)' ({procedure.pk}) closed for applications after "
                     "10/01/2026."]
    assert (status_of(procedure), status_of(other)) == (Procedure.Status.CLOSED, Procedure.Status.OPEN)
    assert (procedure.closed_on, other.closed_on) == (LAST_DAY + timedelta(days=1), None)


def test_a_late_run_closes_what_it_missed_and_leaves_the_rest():
    closing = ProcedureFactory(applications_close_on=LAST_DAY)
    no_last_day = ProcedureFactory(applications_close_on=None)
    draft = ProcedureFactory(status=Procedure.Status.DRAFT, applications_close_on=LAST_DAY)
    assert run_at(MIDNIGHT + timedelta(days=3)) == (0, 1)
    assert status_of(closing) == Procedure.Status.CLOSED
    assert status_of(no_last_day) == Procedure.Status.OPEN
    assert status_of(draft) == Procedure.Status.DRAFT


def test_a_draft_with_an_open_from_day_opens_at_its_midnight_once(caplog):
    first_day = date(2026, 12, 1)
    draft = ProcedureFactory(status=Procedure.Status.DRAFT, applications_open_from=first_day,
                             applications_close_on=date(2026, 12, 31))
    unscheduled = ProcedureFactory(status=Procedure.Status.DRAFT, applications_open_from=None)
    opening = datetime(2026, 12, 1, 0, 0, tzinfo=BRUSSELS)
    assert not is_open_at(draft, opening)  # a draft takes nothing until the job opened it
    assert run_at(opening - timedelta(seconds=1)) == (0, 0)
    assert status_of(draft) == Procedure.Status.DRAFT
    with caplog.at_level(logging.INFO, logger="procedures.application_period"):
        assert run_at(opening) == (1, 0)
        assert run_at(opening + timedelta(minutes=10)) == (0, 0)
    assert status_of(draft) == Procedure.Status.OPEN
    assert status_of(unscheduled) == Procedure.Status.DRAFT
    assert is_open_at(draft, opening)
    assert len([r for r in caplog.records if "opened for applications from 01/12/2026" in r.getMessage()]) == 1


def test_a_draft_whose_last_day_passed_is_not_opened():
    draft = ProcedureFactory(status=Procedure.Status.DRAFT, applications_open_from=date(2026, 1, 1),
                             applications_close_on=LAST_DAY)
    assert run_at(MIDNIGHT) == (0, 0)
    assert status_of(draft) == Procedure.Status.DRAFT


def test_a_procedure_hr_closed_early_stays_closed():
    procedure = ProcedureFactory(status=Procedure.Status.CLOSED, applications_open_from=date(2026, 1, 1),
                                 applications_close_on=LAST_DAY)
    assert run_at(datetime(2026, 1, 5, 12, 0, tzinfo=BRUSSELS)) == (0, 0)
    assert status_of(procedure) == Procedure.Status.CLOSED


def test_the_day_a_procedure_closed_is_recorded_by_the_job_and_by_hand_and_cleared_on_reopening():
    late = ProcedureFactory(applications_close_on=LAST_DAY)
    by_hand = ProcedureFactory(applications_close_on=date(2026, 1, 31))
    run_at(MIDNIGHT + timedelta(days=3))  # a late run: the procedure still closed at midnight after its last day
    late.refresh_from_db()
    assert (late.status, late.closed_on) == (Procedure.Status.CLOSED, date(2026, 1, 11))
    with time_machine.travel(datetime(2026, 1, 20, 15, 0, tzinfo=BRUSSELS), tick=False):
        by_hand.status = Procedure.Status.CLOSED
        by_hand.save()
        by_hand.refresh_from_db()
        assert by_hand.closed_on == date(2026, 1, 20)
        by_hand.title = "Nog een tekstwijziging"
        by_hand.save()
    by_hand.refresh_from_db()
    assert by_hand.closed_on == date(2026, 1, 20), "an edit after the closing keeps its day"
    with time_machine.travel(datetime(2026, 1, 22, 9, 0, tzinfo=BRUSSELS), tick=False):
        by_hand.status = Procedure.Status.OPEN
        by_hand.save(update_fields=["status"])
    by_hand.refresh_from_db()
    assert by_hand.closed_on is None


def test_hr_reopens_by_moving_the_last_day_and_the_job_respects_it():
    procedure = ProcedureFactory(applications_close_on=LAST_DAY)
    run_at(MIDNIGHT)
    assert status_of(procedure) == Procedure.Status.CLOSED
    with time_machine.travel(MIDNIGHT + timedelta(hours=9), tick=False):
        # Reopening without a later last day is refused: the job would close it again at once.
        procedure.status = Procedure.Status.OPEN
        with pytest.raises(ValidationError) as refused:
            procedure.full_clean()
        assert "Deze dag is voorbij" in refused.value.message_dict["applications_close_on"][0]
        procedure.applications_close_on = date(2026, 1, 17)
        procedure.full_clean()
        procedure.save()
    assert run_at(MIDNIGHT + timedelta(hours=10)) == (0, 0)
    assert status_of(procedure) == Procedure.Status.OPEN
    assert is_open_at(procedure, MIDNIGHT + timedelta(hours=10))
    assert run_at(datetime(2026, 1, 18, 0, 0, tzinfo=BRUSSELS)) == (0, 1)


def test_the_form_keeps_status_and_dates_in_agreement():
    with time_machine.travel(datetime(2026, 1, 5, 12, 0, tzinfo=BRUSSELS), tick=False):
        early = ProcedureFactory.build(status=Procedure.Status.OPEN, applications_open_from=date(2026, 2, 1),
                                       applications_close_on=date(2026, 2, 28))
        with pytest.raises(ValidationError) as refused:
            early.clean()
        assert refused.value.message_dict["status"] == [
            "Solliciteren kan pas vanaf 01/02/2026. Laat de status op ‘in voorbereiding’: de procedure gaat die dag "
            "vanzelf open."]
        early.status = Procedure.Status.DRAFT
        early.clean()  # scheduled: fine
        backwards = ProcedureFactory.build(status=Procedure.Status.DRAFT, applications_open_from=date(2026, 2, 1),
                                           applications_close_on=date(2026, 1, 20))
        with pytest.raises(ValidationError) as refused:
            backwards.clean()
        assert "ligt voor de eerste" in refused.value.message_dict["applications_close_on"][0]


def test_the_periodic_task_runs_the_job():
    procedure = ProcedureFactory(applications_close_on=LAST_DAY)
    with time_machine.travel(MIDNIGHT, tick=False):
        assert tasks.open_and_close_procedures.apply().get() == {"opened": 0, "closed": 1}
    assert status_of(procedure) == Procedure.Status.CLOSED


def test_beat_runs_the_job_several_times_an_hour():
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["procedures.tasks.open_and_close_procedures"] <= timedelta(minutes=15)
