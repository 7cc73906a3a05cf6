"""Every allowed stage change through change_stage(), and a sample of forbidden ones.

The expectations below are written out from the rules of the bundle and DESIGN.md, not computed from
candidates/transitions.py, so that a wrong consequence there cannot agree with itself here.
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from candidates.models import Ban, PoolEntry, Transition
from candidates.stages import ALLOWED_TRANSITIONS, CLOSED_STAGES, Stage
from candidates.transitions import StageConflict, TransitionRefused, change_stage, change_stages
from communications.models import Mail
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

S = Stage
BRUSSELS = ZoneInfo("Europe/Brussels")
SETUP_MOMENT = datetime(2025, 11, 3, 9, 0, tzinfo=BRUSSELS)
SETUP_DAY = date(2025, 11, 3)
NOW = datetime(2026, 1, 23, 10, 30, tzinfo=BRUSSELS)
TODAY = date(2026, 1, 23)

ALL_ALLOWED = sorted((from_stage, to) for from_stage, targets in ALLOWED_TRANSITIONS.items() for to in targets)

# The mail the candidate gets on arriving in a stage: (event, state). Outcome mails wait as drafts for HR.
QUEUED, DRAFT = Mail.State.QUEUED, Mail.State.DRAFT
EXPECTED_MAIL = {
    S.ELIGIBLE: ("screening_eligible", QUEUED),
    S.NOT_ELIGIBLE: ("screening_not_eligible", DRAFT),
    S.INTAKE_INVITED: ("intake_invitation", QUEUED),
    S.INTAKE_FAILED: ("intake_failed", DRAFT),
    S.WAITLIST: ("waitlist", QUEUED),
    S.WAITLIST_EXPIRED: ("waitlist_expired", QUEUED),
    S.JURY_INVITED: None,  # the jury round sends its own invitation with date and place
    S.JURY_FAILED: ("jury_failed", DRAFT),
    S.RESERVE: ("reserve", DRAFT),
    S.RESERVE_EXPIRED: ("reserve_expired", QUEUED),
    S.OFFER: None,  # the offer step sends the offer with its letter
    S.OFFER_WITHDRAWN: ("offer_withdrawn", DRAFT),
    S.HIRED: ("hired", QUEUED),
    S.WITHDRAWN: ("withdrawn", QUEUED),
}
# Back from a jury invitation to the waitlist: the candidate keeps the place they had; no new place, no new mail.
NO_MAIL_PAIRS = {(S.JURY_INVITED, S.WAITLIST)}

# The waitlist / reserve places still open after the change: (kind, the day the place started).
W, R = PoolEntry.Kind.WAITLIST, PoolEntry.Kind.RESERVE
EXPECTED_ACTIVE_POOLS = {
    (S.INTAKE_INVITED, S.WAITLIST): {(W, TODAY)},
    (S.WAITLIST, S.JURY_INVITED): {(W, SETUP_DAY)},
    (S.JURY_INVITED, S.WAITLIST): {(W, SETUP_DAY)},
    (S.JURY_INVITED, S.RESERVE): {(R, TODAY)},
    (S.RESERVE, S.OFFER): {(R, SETUP_DAY)},  # kept while the offer runs: a declined offer returns to it
    (S.OFFER, S.RESERVE): {(R, TODAY)},
}  # every other change leaves no open place (closed stages end them all)
EXPIRES_ON = {(W, TODAY): date(2027, 1, 23), (R, TODAY): date(2028, 1, 23)}
LAST_VALID_DAY_IN_MAIL = {S.WAITLIST: "22/01/2027", S.RESERVE: "22/01/2028"}

BANNED_UNTIL = date(2027, 1, 23)  # 12 months after the decision
BANNING = {S.INTAKE_FAILED, S.JURY_FAILED}


def application_in(stage, *, by):
    application = ApplicationFactory()
    with time_machine.travel(SETUP_MOMENT, tick=False):
        walk_to(application, stage, by=by)
    application.refresh_from_db()
    assert application.stage == stage
    return application


def snapshot(application):
    return {
        "stage": type(application).objects.get(pk=application.pk).stage,
        "transitions": Transition.objects.count(),
        "mails": Mail.objects.count(),
        "bans": Ban.objects.count(),
        "pools": list(PoolEntry.objects.order_by("pk").values_list("pk", "kind", "ended_at")),
    }


def one_by_one(application, **change):
    return change_stage(application, **change)


def in_a_bulk(application, **change):
    """change_stages writes a plain change (no ban, place or handler) for its whole chunk at once."""
    outcome = change_stages([application], **change)
    assert (outcome.changed, outcome.refused) == ([application], [])
    return Transition.objects.filter(application=application).latest("pk")


@pytest.mark.parametrize("change", [one_by_one, in_a_bulk])
@pytest.mark.parametrize(("from_stage", "to_stage"), ALL_ALLOWED, ids=[f"{f}->{t}" for f, t in ALL_ALLOWED])
def test_it_makes_every_allowed_transition(from_stage, to_stage, hr, change):
    application = application_in(from_stage, by=hr)
    transitions_before = set(Transition.objects.values_list("pk", flat=True))
    mails_before = set(Mail.objects.values_list("pk", flat=True))

    with time_machine.travel(NOW, tick=False):
        transition = change(application, to=to_stage, by=hr, reason="Beslissing van het selectieteam")

    application.refresh_from_db()
    assert application.stage == to_stage
    assert application.stage_changed_at == NOW

    new_transitions = Transition.objects.exclude(pk__in=transitions_before)
    assert list(new_transitions) == [transition]
    assert (transition.from_stage, transition.to_stage) == (from_stage, to_stage)
    assert (transition.actor, transition.actor_label) == (hr, "hr")
    assert transition.reason == "Beslissing van het selectieteam"
    assert transition.created_at == NOW

    bans = list(Ban.objects.all())
    if to_stage in BANNING:
        assert len(bans) == 1
        ban = bans[0]
        assert (ban.function, ban.candidate, ban.application) == (
            application.procedure.function, application.candidate, application)
        assert (ban.starts_on, ban.ends_on) == (TODAY, BANNED_UNTIL)
    else:
        assert bans == []

    active = {(e.kind, e.valid_from): e for e in PoolEntry.objects.filter(ended_at__isnull=True)}
    assert set(active) == EXPECTED_ACTIVE_POOLS.get((from_stage, to_stage), set())
    for key, expires_on in EXPIRES_ON.items():
        if key in active:
            assert active[key].expires_on == expires_on
    if to_stage in CLOSED_STAGES:
        assert not PoolEntry.objects.filter(application=application, ended_at__isnull=True).exists()

    new_mails = list(Mail.objects.exclude(pk__in=mails_before))
    expected = None if (from_stage, to_stage) in NO_MAIL_PAIRS else EXPECTED_MAIL[to_stage]
    if expected is None:
        assert new_mails == []
        return
    assert len(new_mails) == 1
    mail = new_mails[0]
    event, state = expected
    assert (mail.event, mail.state, mail.to) == (event, state, application.candidate.email)
    assert mail.related == application
    assert mail.queued_at == (NOW if state == QUEUED else None)
    assert application.candidate.full_name in mail.body_text
    if to_stage in BANNING:
        assert "23/01/2027" in mail.body_text
    if to_stage in LAST_VALID_DAY_IN_MAIL:
        assert LAST_VALID_DAY_IN_MAIL[to_stage] in mail.body_text


REFUSAL = re.compile(r"^Van ‘[^’]+’ naar ‘[^’]+’ kan niet\. Er is niets gewijzigd\.$")

FORBIDDEN_SAMPLE = [
    (S.SCREENING, S.OFFER),
    (S.SCREENING, S.WAITLIST),
    (S.SCREENING, S.INTAKE_FAILED),
    (S.ELIGIBLE, S.WAITLIST),
    (S.INTAKE_INVITED, S.JURY_INVITED),
    (S.WAITLIST, S.HIRED),
    (S.WAITLIST, S.RESERVE),
    (S.RESERVE, S.JURY_FAILED),
    (S.OFFER, S.JURY_INVITED),
    (S.ELIGIBLE, S.ELIGIBLE),
] + [(closed, target) for closed in sorted(CLOSED_STAGES)
     for target in (S.SCREENING, S.ELIGIBLE, S.WAITLIST, S.OFFER, S.WITHDRAWN, closed)]


@pytest.mark.parametrize(("from_stage", "to_stage"), FORBIDDEN_SAMPLE,
                         ids=[f"{f}->{t}" for f, t in FORBIDDEN_SAMPLE])
def test_it_refuses_a_forbidden_transition_and_changes_nothing(from_stage, to_stage, hr):
    application = application_in(from_stage, by=hr)
    before = snapshot(application)

    with pytest.raises(TransitionRefused) as refusal:
        change_stage(application, to=to_stage, by=hr, reason="Poging")

    assert not isinstance(refusal.value, StageConflict)
    assert REFUSAL.match(str(refusal.value)), str(refusal.value)
    assert snapshot(application) == before
    assert application.stage == from_stage


def test_the_refusal_names_both_stages_in_dutch(application, hr):
    with pytest.raises(TransitionRefused) as refusal:
        change_stage(application, to=S.OFFER, by=hr)
    assert str(refusal.value) == "Van ‘screening diploma’ naar ‘jobaanbod’ kan niet. Er is niets gewijzigd."


@pytest.mark.parametrize("reason", ["", "   \n "])
@pytest.mark.parametrize(("from_stage", "to_stage"), [(S.SCREENING, S.NOT_ELIGIBLE), (S.OFFER, S.OFFER_WITHDRAWN)])
def test_a_reason_is_required_for_a_refusal(from_stage, to_stage, reason, hr):
    application = application_in(from_stage, by=hr)
    before = snapshot(application)
    with pytest.raises(TransitionRefused) as refusal:
        change_stage(application, to=to_stage, by=hr, reason=reason)
    assert str(refusal.value) == f"Een motivering is verplicht voor ‘{to_stage.label}’."
    assert snapshot(application) == before


def test_the_reason_is_stored_without_surrounding_blanks_and_mailed(application, hr):
    transition = change_stage(application, to=S.NOT_ELIGIBLE, by=hr, reason="  Geen toegelaten diploma.\n")
    assert transition.reason == "Geen toegelaten diploma."
    mail = Mail.objects.for_object(application).get()
    assert "Reden: Geen toegelaten diploma." in mail.body_text


def test_it_refuses_when_the_stage_is_no_longer_the_one_the_user_saw(application, hr):
    change_stage(application, to=S.ELIGIBLE, by=hr)
    before = snapshot(application)
    with pytest.raises(StageConflict) as conflict:
        change_stage(application, to=S.NOT_ELIGIBLE, by=hr, reason="Geen diploma", expected_stage=S.SCREENING)
    assert str(conflict.value) == (
        "Iemand anders was sneller: deze kandidatuur staat intussen op ‘toegelaten’. Er is niets gewijzigd.")
    assert snapshot(application) == before


def test_an_unknown_stage_is_refused_in_dutch(application, hr):
    before = snapshot(application)
    with pytest.raises(TransitionRefused) as refusal:
        change_stage(application, to="promoted", by=hr)
    assert str(refusal.value) == "Onbekende fase ‘promoted’. Er is niets gewijzigd."
    assert snapshot(application) == before


def test_a_system_change_is_recorded_with_its_label(application):
    transition = change_stage(application, to=S.WITHDRAWN, by_label="systeem: test")
    assert (transition.actor, transition.actor_label) == (None, "systeem: test")
    anonymous = change_stage(ApplicationFactory(), to=S.WITHDRAWN)
    assert anonymous.actor_label == "systeem"


def test_a_bulk_change_reports_each_refusal_and_applies_the_rest(hr):
    ready = [ApplicationFactory(), ApplicationFactory()]
    moved_on = application_in(S.ELIGIBLE, by=hr)
    outcome = change_stages([ready[0], moved_on, ready[1]], to=S.ELIGIBLE, by=hr, expected_stage=S.SCREENING)
    assert outcome.changed == ready
    assert [(app, message.startswith("Iemand anders was sneller")) for app, message in outcome.refused] == [
        (moved_on, True)]
    assert Transition.objects.filter(to_stage=S.ELIGIBLE).count() == 3  # two now, one from the setup


def test_a_place_ends_at_the_very_instant_the_transition_records(hr):
    application = application_in(S.WAITLIST, by=hr)  # the clock runs on from here: no frozen time hides a gap
    transition = change_stage(application, to=S.WITHDRAWN, by=application.candidate.user)
    entry = PoolEntry.objects.get(application=application)
    assert entry.ended_at == transition.created_at == application.stage_changed_at
