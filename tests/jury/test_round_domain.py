"""The whole jury round in the domain layer: invite → schedule → score ×3 → consensus → outcomes → bans, reserve,
mails; and the offer step's door (next_ranked_passer)."""

import hashlib

import pytest
from django.contrib.auth import get_user_model

from candidates.models import Ban, PoolEntry, Transition
from candidates.stages import Stage
from communications.models import Mail
from interviews.jury import JuryRefused
from interviews.jury.consensus import close_deliberation, set_consensus, standings
from interviews.jury.outcomes import approve_pv, next_ranked_passer, propose_next_ranked_passer
from interviews.jury.parts import items_for
from interviews.jury.scheduling import schedule_interview
from interviews.models import JuryCandidate, JuryRound, VacancyProposal
from tests.factories import ApplicationFactory
from tests.jury.helpers import compose_jury, in_future, make_vacancy, score_all, waitlisted

pytestmark = pytest.mark.django_db


def test_a_jury_round_from_invitation_to_decisions(procedure, hr):
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    cas = waitlisted(procedure, first_name="Cas", last_name="Claes")
    still_screening = ApplicationFactory(procedure=procedure)
    vacancy = make_vacancy(procedure)

    from interviews.jury.rounds import start_jury_round

    jury_round = start_jury_round(vacancy, by=hr)
    invited = list(jury_round.candidates.order_by("position"))
    assert [jc.application_id for jc in invited] == [ann.pk, bert.pk, cas.pk]  # waitlist order
    for application in (ann, bert, cas):
        application.refresh_from_db()
        assert application.stage == Stage.JURY_INVITED
        mail = Mail.objects.for_object(application).get(event="jury_invitation")
        assert mail.to == application.candidate.email and mail.state == Mail.State.QUEUED
        assert "Wijkteam Lange Munte" in mail.body_text and "Wijkcentrum Lange Munte" in mail.body_text
    still_screening.refresh_from_db()
    assert still_screening.stage == Stage.SCREENING

    chair, leader, external = compose_jury(jury_round)
    assert set(Mail.objects.filter(event="juror_invitation").values_list("to", flat=True)) == {
        chair.user.email, leader.user.email, "eva.extern@example.org"}

    for hours, jc in enumerate(invited):
        starts, ends = in_future(days=10, hour=9 + hours)
        schedule_interview(jc, starts_at=starts, ends_at=ends, location="Stadhuis, zaal 2", by=hr)
        mail = Mail.objects.for_object(jc.application).get(event="jury_interview_scheduled")
        assert "BEGIN:VEVENT" in mail.calendar and f"jury-{jc.uid}@kortrijk-ats" in mail.calendar
        assert "Stadhuis, zaal 2" in mail.body_text

    values = {ann.pk: 5, bert.pk: 4, cas.pk: 2}
    for jc in invited:
        for member in (chair, leader, external):
            score_all(member, jc, values[jc.application_id])
    items = items_for(jury_round)
    for jc in invited:
        set_consensus(jc, by=chair.user, entries={i.key: (values[jc.application_id], "Zo besproken.") for i in items})

    rows = standings(jury_round)
    assert [(jc.application_id, outcome.passed) for jc, outcome in rows] == [
        (ann.pk, True), (bert.pk, True), (cas.pk, False)]
    close_deliberation(jury_round, by=chair.user, ranking=[invited[0].pk, invited[1].pk])
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.DECIDED
    for member in (chair, leader):
        approve_pv(jury_round, by=member.user)
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.DECIDED  # two of three approved: nothing applied yet
    ann.refresh_from_db()
    assert ann.stage == Stage.JURY_INVITED
    approve_pv(jury_round, by=external.user)

    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.CLOSED
    assert hashlib.sha256(jury_round.pv_file.read()).hexdigest() == jury_round.pv_sha256
    for application in (ann, bert, cas):
        application.refresh_from_db()
    assert (ann.stage, bert.stage, cas.stage) == (Stage.OFFER, Stage.RESERVE, Stage.JURY_FAILED)
    assert VacancyProposal.objects.get(vacancy=vacancy).application == ann
    assert PoolEntry.objects.active().filter(application=bert, kind=PoolEntry.Kind.RESERVE).exists()
    assert not PoolEntry.objects.active().filter(application=ann).exists()
    assert Ban.objects.get(application=cas).function == procedure.function
    assert Transition.objects.filter(application=cas, to_stage=Stage.JURY_FAILED, actor=chair.user).exists()
    # The outcome mails wait for HR; the offer itself is the offer step's mail.
    assert Mail.objects.for_object(bert).get(event="reserve").state == Mail.State.DRAFT
    assert Mail.objects.for_object(cas).get(event="jury_failed").state == Mail.State.DRAFT
    assert not Mail.objects.for_object(ann).filter(event__in=["reserve", "jury_failed"]).exists()
    decisions = dict(JuryCandidate.objects.filter(round=jury_round).values_list("application_id", "decision"))
    assert decisions == {ann.pk: "offer", bert.pk: "reserve", cas.pk: "fail"}

    # The external expert's account ends with the round; the staff jurors keep theirs.
    assert not get_user_model().objects.get(pk=external.user_id).is_active
    assert get_user_model().objects.get(pk=leader.user_id).is_active

    # The offer step: Bert is next in rank; once proposed, nobody is left.
    assert next_ranked_passer(vacancy).application == bert
    with pytest.raises(JuryRefused, match="loopt al een jobaanbod"):
        propose_next_ranked_passer(vacancy, by=hr)


def test_a_round_is_opened_once_per_vacancy(procedure, hr):
    waitlisted(procedure)
    vacancy = make_vacancy(procedure)
    from interviews.jury.rounds import start_jury_round

    start_jury_round(vacancy, by=hr)
    with pytest.raises(JuryRefused, match="al een lopende juryronde"):
        start_jury_round(vacancy, by=hr)


def test_the_case_document_comes_with_the_round_it_starts_with(procedure, hr):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from interviews.jury.rounds import start_jury_round

    waitlisted(procedure)
    case = SimpleUploadedFile("case-huisbezoek.pdf", b"%PDF-1.4 case", content_type="application/pdf")
    jury_round = start_jury_round(make_vacancy(procedure), by=hr, work_case=JuryRound.WorkCase.PREPARE,
                                  case_title="Huisbezoek", case_document=case)
    stored = JuryRound.objects.get(pk=jury_round.pk)
    assert stored.case_document_name == "case-huisbezoek.pdf"
    assert stored.case_document.read() == b"%PDF-1.4 case"
    assert not stored.case_document.name.endswith("huisbezoek.pdf")  # the stored name is generated


def test_a_cancelled_round_sends_its_candidates_back_to_the_waitlist(jury, hr):
    from interviews.jury.rounds import cancel_round

    jury_round, (ann, bert), _chair, leader, external = jury
    entry = ann.application.pool_entries.active().get(kind=PoolEntry.Kind.WAITLIST)
    with pytest.raises(JuryRefused, match="reden"):
        cancel_round(jury_round, by=hr, reason=" ")
    cancel_round(jury_round, by=hr, reason="De vacature wordt niet ingevuld.")
    for jc in (ann, bert):
        jc.application.refresh_from_db()
        assert jc.application.stage == Stage.WAITLIST
        mail = Mail.objects.for_object(jc.application).get(event="jury_round_cancelled")
        assert "De vacature wordt niet ingevuld." in mail.body_text
    assert ann.application.pool_entries.active().get(kind=PoolEntry.Kind.WAITLIST) == entry  # same validity
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.CANCELLED
    assert not get_user_model().objects.get(pk=external.user_id).is_active
    from interviews.jury.rounds import membership

    assert membership(leader.user, jury_round) is None
    # The vacancy may start a new round; the cancelled one is not in the way.
    from interviews.jury.rounds import start_jury_round

    again = start_jury_round(jury_round.vacancy, by=hr)
    assert again.candidates.count() == 2


def test_a_juror_leaves_the_round_only_before_declaring_or_scoring(jury):
    from interviews.jury.conflicts import declare_conflict
    from interviews.jury.rounds import remove_juror

    jury_round, (ann, _bert), chair, leader, external = jury
    declare_conflict(leader, ann, has_conflict=True, note="Familielid.")
    declare_conflict(external, ann, has_conflict=False)
    score_all(external, ann, 4, submit=False)
    for member in (leader, external):
        with pytest.raises(JuryRefused, match=f"{member.display_name} verklaarde of scoorde al in deze ronde"):
            remove_juror(member)
    assert set(jury_round.members.all()) == {chair, leader, external}
    assert remove_juror(chair) is True
    assert remove_juror(chair) is False  # a second click: the seat is already gone, nothing else changes
    assert set(jury_round.members.all()) == {leader, external}


def test_the_database_keeps_a_jurors_declaration_and_scores_when_the_seat_is_deleted_elsewhere(jury):
    from django.db.models import ProtectedError

    from interviews.jury.conflicts import declare_conflict
    from interviews.models import ConflictDeclaration, JuryScore

    _round, (ann, _bert), _chair, leader, external = jury
    declare_conflict(leader, ann, has_conflict=True, note="Familielid.")
    declare_conflict(external, ann, has_conflict=False)
    score_all(external, ann, 4)
    for member in (leader, external):
        with pytest.raises(ProtectedError):
            member.delete()
    assert ConflictDeclaration.objects.filter(member__in=[leader, external]).count() == 2
    assert JuryScore.objects.filter(sheet__member=external).count() == len(items_for(ann.round))
