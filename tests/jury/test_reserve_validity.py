"""The reserve's validity is HR's to enter (the bundle states none). While it is empty, everything that needs it
refuses with one Dutch message naming the setting and where to fill it in: starting a jury round, a reserve
decision (one by one or in a bulk), the PV approval that applies the jury's reserve decisions. Never a guessed
validity, never a 500."""

import pytest
from django.urls import reverse

from candidates.models import PoolEntry
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage, change_stages
from communications.models import Mail
from interviews.jury import JuryRefused
from interviews.jury.outcomes import approve_pv
from interviews.jury.rounds import start_jury_round
from interviews.models import JuryCandidate, JuryRound
from kortrijk_ats.dates import add_months
from tests.jury.helpers import make_vacancy, waitlisted
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db

MISSING = "Vul eerst de geldigheid van de wervingsreserve in bij de functie ‘{name}’ (Back office › Functies)."


def empty_reserve_validity(function):
    function.reserve_months = None
    function.save(update_fields=["reserve_months"])


def test_a_jury_round_does_not_start_without_the_reserve_validity(procedure, hr):
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    vacancy = make_vacancy(procedure)
    empty_reserve_validity(procedure.function)
    mails_before = Mail.objects.count()

    with pytest.raises(JuryRefused) as refusal:
        start_jury_round(vacancy, by=hr)

    assert MISSING.format(name=procedure.function.name) in str(refusal.value)
    assert "Er is niets gewijzigd." in str(refusal.value)
    ann.refresh_from_db()
    assert ann.stage == Stage.WAITLIST
    assert not JuryRound.objects.exists()
    assert Mail.objects.count() == mails_before


def test_the_back_office_says_it_when_hr_starts_a_round(procedure, hr):
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    vacancy = make_vacancy(procedure)
    empty_reserve_validity(procedure.function)
    response = client_for(hr).post(reverse("admin:procedures_vacancy_start_round", args=[vacancy.pk]), {
        "scale_min": 1, "scale_max": 5, "pass_part_percent": 50, "pass_total_percent": 60, "work_case": "none",
        "case_days_before": 3})
    assert response.status_code == 200
    assert MISSING.format(name=procedure.function.name) in response.content.decode()
    assert not JuryRound.objects.exists()


def test_a_reserve_decision_is_refused_and_changes_nothing(jury, procedure):
    _round, (ann, _bert), *_ = jury
    empty_reserve_validity(procedure.function)
    application = ann.application

    with pytest.raises(TransitionRefused) as refusal:
        change_stage(application, to=Stage.RESERVE, expected_stage=Stage.JURY_INVITED, reason="Geslaagd, rang 2.")

    assert MISSING.format(name=procedure.function.name) in str(refusal.value)
    application.refresh_from_db()
    assert application.stage == Stage.JURY_INVITED
    assert not application.transitions.filter(to_stage=Stage.RESERVE).exists()
    assert not PoolEntry.objects.filter(application=application, kind=PoolEntry.Kind.RESERVE).exists()
    # The waitlist place the reserve would have ended is still open.
    assert PoolEntry.objects.active().filter(application=application, kind=PoolEntry.Kind.WAITLIST).exists()


def test_a_bulk_reserve_decision_reports_the_refusal_per_application(jury, procedure):
    _round, (ann, bert), *_ = jury
    empty_reserve_validity(procedure.function)
    outcome = change_stages([ann.application, bert.application], to=Stage.RESERVE, reason="Geslaagd.")
    assert outcome.changed == []
    assert [(application.pk, MISSING.format(name=procedure.function.name) in message)
            for application, message in outcome.refused] == [(ann.application_id, True), (bert.application_id, True)]


def test_the_pv_approval_that_would_apply_a_reserve_decision_waits_for_the_validity(jury, procedure):
    jury_round = decide(jury, values=(4, 4), approve=False)  # both pass: the second goes to the reserve
    _round, _candidates, chair, leader, external = jury
    empty_reserve_validity(procedure.function)
    approve_pv(jury_round, by=chair.user)
    approve_pv(jury_round, by=leader.user)

    with pytest.raises(JuryRefused) as refusal:
        approve_pv(jury_round, by=external.user)

    assert MISSING.format(name=procedure.function.name) in str(refusal.value)
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.DECIDED and not jury_round.pv_file
    assert list(jury_round.members.filter(pv_approved_at__isnull=False).values_list("pk", flat=True)) == [
        chair.pk, leader.pk]  # the last approval was not kept: nothing changed
    assert {jc.application.stage for jc in jury_round.candidates.select_related("application")} == {
        Stage.JURY_INVITED}

    procedure.function.reserve_months = 18  # HR fills it in; the last juror approves again
    procedure.function.save(update_fields=["reserve_months"])
    approve_pv(jury_round, by=external.user)
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.CLOSED
    second = JuryCandidate.objects.get(round=jury_round, decision=JuryCandidate.Decision.RESERVE).application
    entry = PoolEntry.objects.active().get(application=second, kind=PoolEntry.Kind.RESERVE)
    assert entry.expires_on == add_months(entry.valid_from, 18)


def test_the_juror_sees_the_refusal_on_the_pv_page(jury, procedure):
    jury_round = decide(jury, values=(4, 4), approve=False)
    _round, _candidates, chair, leader, external = jury
    empty_reserve_validity(procedure.function)
    approve_pv(jury_round, by=chair.user)
    approve_pv(jury_round, by=leader.user)
    response = client_for(external.user).post(reverse("interviews:jury_pv", args=[jury_round.pk]),
                                              {"confirm": "yes"}, follow=True)
    assert response.status_code == 200
    assert MISSING.format(name=procedure.function.name) in response.content.decode()
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.DECIDED
