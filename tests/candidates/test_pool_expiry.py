"""Waitlist and reserve expiry: a date in the database, swept by an idempotent periodic job, with the clock moved."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings

from candidates import tasks
from candidates.models import PoolEntry, Transition
from candidates.pools import expire_pool_entries
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
DECIDED = datetime(2026, 1, 23, 14, 0, tzinfo=BRUSSELS)


def at(day, hour=3, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


def placed_in(stage, *, by, when=DECIDED):
    application = ApplicationFactory()
    with time_machine.travel(when, tick=False):
        walk_to(application, stage, by=by)
    return application


def sweep(moment):
    with time_machine.travel(moment, tick=False):
        return expire_pool_entries()


@pytest.mark.parametrize(("kind", "expires_on"), [
    (Stage.WAITLIST, date(2027, 1, 23)),  # valid 1 year: through 22/01/2027
    (Stage.RESERVE, date(2028, 1, 23)),  # valid 2 years (the function's default)
])
@pytest.mark.parametrize(("days_from_expiry", "expired"), [(-1, False), (0, True), (1, True)])
def test_a_place_expires_on_its_date_and_not_before(kind, expires_on, days_from_expiry, expired, hr):
    application = placed_in(kind, by=hr)
    entry = PoolEntry.objects.get(application=application, ended_at__isnull=True)
    assert entry.expires_on == expires_on
    expired_stage = Stage.WAITLIST_EXPIRED if kind == Stage.WAITLIST else Stage.RESERVE_EXPIRED
    moment = at(expires_on + timedelta(days=days_from_expiry))
    transitions_before, mails_before = Transition.objects.count(), Mail.objects.count()

    assert sweep(moment) == (1 if expired else 0)

    application.refresh_from_db()
    entry.refresh_from_db()
    if not expired:
        assert application.stage == kind
        assert entry.ended_at is None
        assert (Transition.objects.count(), Mail.objects.count()) == (transitions_before, mails_before)
        return
    assert application.stage == expired_stage
    assert entry.ended_at == moment
    transition = application.transitions.last()
    assert (transition.from_stage, transition.to_stage) == (kind, expired_stage)
    assert (transition.actor, transition.actor_label, transition.created_at) == (
        None, "systeem: vervaldatum bereikt", moment)
    mail = Mail.objects.order_by("-pk").first()
    assert Mail.objects.count() == mails_before + 1
    assert (mail.event, mail.to, mail.state, mail.related) == (
        f"{kind}_expired", application.candidate.email, Mail.State.QUEUED, application)


def test_the_sweep_uses_the_belgian_calendar_day(hr):
    application = placed_in(Stage.WAITLIST, by=hr)
    # 00:30 in Brussels on the expiry day is still the day before in UTC.
    assert sweep(at(date(2027, 1, 23), hour=0, minute=30)) == 1
    application.refresh_from_db()
    assert application.stage == Stage.WAITLIST_EXPIRED


def test_running_the_sweep_twice_changes_nothing_the_second_time(hr):
    applications = [placed_in(Stage.WAITLIST, by=hr) for _ in range(3)] + [placed_in(Stage.RESERVE, by=hr)]
    moment = at(date(2028, 2, 1))
    assert sweep(moment) == 4
    state = (Transition.objects.count(), Mail.objects.count(), list(PoolEntry.objects.values_list("ended_at")))
    assert sweep(moment) == 0
    assert sweep(moment + timedelta(days=30)) == 0
    assert (Transition.objects.count(), Mail.objects.count(),
            list(PoolEntry.objects.values_list("ended_at"))) == state
    for application in applications:
        assert application.transitions.filter(to_stage__in=[Stage.WAITLIST_EXPIRED, Stage.RESERVE_EXPIRED]).count() == 1


def test_a_candidate_invited_to_a_jury_in_time_is_not_expired(hr):
    invited = placed_in(Stage.JURY_INVITED, by=hr)
    offered_from_reserve = placed_in(Stage.RESERVE, by=hr)
    walk_offer = offered_from_reserve.transitions.count()
    with time_machine.travel(at(date(2026, 6, 1)), tick=False):
        change_stage(offered_from_reserve, to=Stage.OFFER, by=hr)
    before = (Transition.objects.count(), Mail.objects.count())

    assert sweep(at(date(2028, 6, 1))) == 0

    invited.refresh_from_db()
    offered_from_reserve.refresh_from_db()
    assert invited.stage == Stage.JURY_INVITED
    assert offered_from_reserve.stage == Stage.OFFER
    assert offered_from_reserve.transitions.count() == walk_offer + 1
    assert (Transition.objects.count(), Mail.objects.count()) == before


def test_a_closed_application_has_no_place_left_to_expire(hr):
    application = placed_in(Stage.WAITLIST, by=hr)
    with time_machine.travel(at(date(2026, 3, 1)), tick=False):
        change_stage(application, to=Stage.WITHDRAWN, by=application.candidate.user)
    assert not PoolEntry.objects.active().exists()
    assert sweep(at(date(2027, 2, 1))) == 0
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN


def test_the_periodic_task_runs_the_same_sweep(hr):
    application = placed_in(Stage.WAITLIST, by=hr)
    with time_machine.travel(at(date(2027, 1, 23)), tick=False):
        assert tasks.expire_pool_entries.apply().get() == 1  # executed in this process: the task only delegates
    application.refresh_from_db()
    assert application.stage == Stage.WAITLIST_EXPIRED


def test_beat_runs_the_sweep_at_least_daily():
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["candidates.tasks.expire_pool_entries"] <= timedelta(days=1)
