"""Two people (or two sweeps) acting on the same application at the same time, on real PostgreSQL connections.

Each actor runs in its own thread with its own database connection (closed when the thread ends), so the row
locks of change_stage() meet as they would between two web requests or two workers.
"""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from candidates.accommodations import ArrangementChanged, record_arrangements
from candidates.models import Application, Document, PoolEntry, Transition
from candidates.pools import expire_pool_entries
from candidates.stages import Stage, is_allowed
from candidates.transitions import StageConflict, TransitionRefused, change_stage
from communications.models import Mail
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory, FunctionFactory, hr_user
from tests.threads import WAIT, assert_no_error, first_holds_while_second_runs, run_together

pytestmark = pytest.mark.django_db(transaction=True)

S = Stage
LONG_AGO = datetime(2024, 3, 4, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))  # places from then have expired


def fresh(application):
    # Each request loads its own copy of the row.
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def hr_b(db):
    return hr_user(username="hr-b")


def test_the_second_hr_user_waits_for_the_lock_and_is_told_someone_was_faster(hr, hr_b):
    application = ApplicationFactory()
    first, second = first_holds_while_second_runs(
        lambda: change_stage(fresh(application), to=S.ELIGIBLE, by=hr, expected_stage=S.SCREENING),
        lambda: change_stage(fresh(application), to=S.NOT_ELIGIBLE, by=hr_b, reason="Geen toegelaten diploma",
                             expected_stage=S.SCREENING),
        second_must_queue=True,
    )
    assert first.error is None
    assert isinstance(second.error, StageConflict)
    assert "intussen op ‘toegelaten’" in str(second.error)
    assert list(Transition.objects.values_list("from_stage", "to_stage", "actor__username")) == [
        (S.SCREENING, S.ELIGIBLE, "hr")]
    assert fresh(application).stage == S.ELIGIBLE
    assert list(Mail.objects.values_list("event", flat=True)) == ["screening_eligible"]


@pytest.mark.parametrize("round_", range(5))
def test_two_hr_users_at_the_same_instant_one_wins(round_, hr, hr_b):
    application = ApplicationFactory()
    handles = run_together(
        lambda: change_stage(fresh(application), to=S.ELIGIBLE, by=hr, expected_stage=S.SCREENING),
        lambda: change_stage(fresh(application), to=S.NOT_ELIGIBLE, by=hr_b, reason="Geen toegelaten diploma",
                             expected_stage=S.SCREENING),
    )
    winners = [h for h in handles if h.error is None]
    losers = [h for h in handles if h.error is not None]
    assert len(winners) == 1
    assert len(losers) == 1 and isinstance(losers[0].error, StageConflict)
    transition = Transition.objects.get()
    assert transition == winners[0].result
    assert fresh(application).stage == transition.to_stage
    assert Mail.objects.count() == 1


@pytest.mark.parametrize(("second_sees", "expected_rows"), [(S.INTAKE_INVITED, 1), (None, 2)],
                         ids=["with-expected-stage", "negative-control-without-expected-stage"])
def test_without_the_stage_the_user_saw_a_late_decision_lands_on_a_state_nobody_checked(
        second_sees, expected_rows, hr, hr_b):
    """The lock serialises the two requests; only `expected_stage` stops the second from acting on a stale page.

    User A passes the intake (→ waitlist) while user B, looking at the same 'invited' page, withdraws the
    application. Without expected_stage B's withdrawal is applied on top of the waitlist decision B never saw.
    """
    application = walk_to(ApplicationFactory(), S.INTAKE_INVITED, by=hr)
    first, second = first_holds_while_second_runs(
        lambda: change_stage(fresh(application), to=S.WAITLIST, by=hr, expected_stage=S.INTAKE_INVITED),
        lambda: change_stage(fresh(application), to=S.WITHDRAWN, by=hr_b, reason="Op vraag van de kandidaat",
                             expected_stage=second_sees),
        second_must_queue=True,
    )
    assert first.error is None
    decisions = list(application.transitions.exclude(to_stage__in=[S.ELIGIBLE, S.INTAKE_INVITED])
                     .values_list("to_stage", flat=True))
    assert len(decisions) == expected_rows
    if second_sees is None:
        assert second.error is None
        assert decisions == [S.WAITLIST, S.WITHDRAWN]
        assert fresh(application).stage == S.WITHDRAWN
    else:
        assert isinstance(second.error, StageConflict)
        assert decisions == [S.WAITLIST]
        assert fresh(application).stage == S.WAITLIST


def naive_change_stage(application, *, to, by, ready):
    """change_stage() as it would be without its row lock: read and check, then (the other user has read too) write.

    Used only as a negative control, to show that the threads of these tests really interleave.
    """
    current = fresh(application).stage
    if not is_allowed(current, to):
        raise TransitionRefused("niet toegelaten")
    ready.wait(WAIT)
    with transaction.atomic():
        Application.objects.filter(pk=application.pk).update(stage=to)
        return Transition.objects.create(application_id=application.pk, from_stage=current, to_stage=to, actor=by,
                                         actor_label=by.username)


def locked_change_stage(application, *, to, by, ready):
    seen = fresh(application).stage
    ready.wait(WAIT)
    return change_stage(fresh(application), to=to, by=by, reason="Beslissing", expected_stage=seen)


@pytest.mark.parametrize(("door", "expected_rows"), [(locked_change_stage, 1), (naive_change_stage, 2)],
                         ids=["change_stage", "negative-control-without-lock"])
def test_both_users_read_screening_before_either_writes(door, expected_rows, hr, hr_b):
    application = ApplicationFactory()
    ready = threading.Barrier(2)
    handles = run_together(
        lambda: door(application, to=S.ELIGIBLE, by=hr, ready=ready),
        lambda: door(application, to=S.NOT_ELIGIBLE, by=hr_b, ready=ready),
    )
    assert Transition.objects.filter(from_stage=S.SCREENING).count() == expected_rows
    if expected_rows == 1:
        assert sorted(type(h.error).__name__ for h in handles) == ["NoneType", "StageConflict"]
    else:
        # Both decisions were recorded as made on a screening application: one of them silently lost.
        assert_no_error(handles)


def expired_places(count, *, by, stage=S.WAITLIST):
    with time_machine.travel(LONG_AGO, tick=False):
        return [walk_to(ApplicationFactory(), stage, by=by) for _ in range(count)]


def test_two_sweeps_at_once_expire_each_place_exactly_once(hr):
    waiting = expired_places(12, by=hr)
    reserve = expired_places(4, by=hr, stage=S.RESERVE)
    invited = expired_places(3, by=hr, stage=S.JURY_INVITED)
    mails_before = Mail.objects.count()

    handles = run_together(expire_pool_entries, expire_pool_entries)

    assert_no_error(handles)
    assert sum(h.result for h in handles) == len(waiting) + len(reserve)
    for application, expired_stage in [(a, S.WAITLIST_EXPIRED) for a in waiting] + [
            (a, S.RESERVE_EXPIRED) for a in reserve]:
        assert fresh(application).stage == expired_stage
        assert application.transitions.filter(to_stage=expired_stage).count() == 1
        assert Mail.objects.for_object(application).filter(event=expired_stage.value).count() == 1
    for application in invited:
        assert fresh(application).stage == S.JURY_INVITED
        assert PoolEntry.objects.filter(application=application, ended_at__isnull=True).count() == 1
    assert Mail.objects.count() == mails_before + len(waiting) + len(reserve)
    assert expire_pool_entries() == 0


def test_a_sweep_and_an_hr_invitation_at_once_leave_one_decision(hr):
    for _ in range(5):
        (application,) = expired_places(1, by=hr)
        invite, sweep = run_together(
            lambda application=application: change_stage(fresh(application), to=S.JURY_INVITED, by=hr,
                                                         expected_stage=S.WAITLIST),
            expire_pool_entries,
        )
        stage = fresh(application).stage
        after_waitlist = application.transitions.filter(from_stage=S.WAITLIST)
        assert after_waitlist.count() == 1
        if stage == S.JURY_INVITED:
            assert (invite.error, sweep.result) == (None, 0)
        else:
            assert stage == S.WAITLIST_EXPIRED
            assert isinstance(invite.error, StageConflict) and sweep.result == 1


# Two HR users record the reasonable adjustments of one application at once, each from a page showing none yet.

def unlocked_record_arrangements(application, *, intake, jury, seen):
    """record_arrangements() as it would be without its row lock: read and compare, then write. Used only as the
    negative control, to show that the race below really loses a save without the lock."""
    with transaction.atomic():
        current = tuple(Application.objects.filter(pk=application.pk)
                        .values_list("intake_arrangement", "jury_arrangement").get())
        if current != seen:
            raise ArrangementChanged("changed meanwhile")
        Application.objects.filter(pk=application.pk).update(intake_arrangement=intake, jury_arrangement=jury)
        return True


@pytest.mark.parametrize("record", [record_arrangements, unlocked_record_arrangements],
                         ids=["with-the-row-lock", "negative-control-without-the-row-lock"])
def test_two_arrangement_saves_at_once_never_lose_one_silently(record):
    application = ApplicationFactory(accommodations="Graag een pauze en extra tijd.")
    first, second = first_holds_while_second_runs(
        lambda: record(fresh(application), intake="Een pauze halverwege.", jury="", seen=("", "")),
        lambda: record(fresh(application), intake="", jury="Extra tijd: 10 minuten.", seen=("", "")),
        second_must_queue=True,
    )
    assert first.error is None
    stored = tuple(Application.objects.filter(pk=application.pk)
                   .values_list("intake_arrangement", "jury_arrangement").get())
    if record is record_arrangements:
        assert isinstance(second.error, ArrangementChanged), "the second waited, read the first's save, refused"
        assert stored == ("Een pauze halverwege.", "")
    else:
        assert second.error is None
        assert stored == ("", "Extra tijd: 10 minuten."), "without the lock the first save is silently lost"


# A person applies for the new round of a function at the moment HR gives them a waitlist place in last year's.

@pytest.mark.parametrize("person_locked", [True, False],
                         ids=["with-the-person-lock", "negative-control-without-the-person-lock"])
def test_applying_while_a_place_is_given_waits_for_it_and_is_refused(person_locked, hr, settings, tmp_path,
                                                                     monkeypatch):
    from candidates import transitions
    from candidates.applying import submit_application
    from candidates.eligibility import HoldsPoolPlace
    from tests.factories import CandidateFactory, ProcedureFactory, UserFactory
    from tests.portal.conftest import make_procedure
    from tests.portal.test_applying import PERSON, answers, proof

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}}}
    if not person_locked:
        monkeypatch.setattr(transitions, "lock_person", lambda candidate_id: None)
    new_round = make_procedure(FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker"))
    last_year = ProcedureFactory(function=new_round.function, slug="vorig-jaar")
    ann = CandidateFactory(user=UserFactory(username="ann"), first_name="Ann", last_name="Peeters")
    intake = walk_to(ApplicationFactory(procedure=last_year, candidate=ann), S.INTAKE_INVITED, by=hr)

    placing, applying = first_holds_while_second_runs(
        lambda: change_stage(fresh(intake), to=S.WAITLIST, by=hr, expected_stage=S.INTAKE_INVITED),
        lambda: submit_application(new_round, user=ann.user, personal=PERSON, answers=answers(new_round),
                                   documents={Document.Kind.DIPLOMA: proof()}),
    )

    assert placing.error is None
    places = PoolEntry.objects.valid(timezone.localdate()).filter(application__candidate=ann)
    assert [place.kind for place in places] == [PoolEntry.Kind.WAITLIST]
    applied = Application.objects.filter(candidate=ann, procedure=new_round)
    if person_locked:
        assert isinstance(applying.error, HoldsPoolPlace), applying.error
        assert not applied.exists()
    else:
        assert applying.error is None
        assert applied.exists(), "without the lock the person applied and holds a valid place"
