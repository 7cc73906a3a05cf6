"""The offer step on what a real jury round leaves behind: its best passer gets the offer, declines, and the next
passer in the jury's ranking is proposed and hired; the failed candidate keeps the ban and closed status."""

from datetime import timedelta

import pytest
from django.utils import timezone

from candidates.models import Ban, PoolEntry
from candidates.stages import Stage
from interviews.jury.consensus import close_deliberation, set_consensus
from interviews.jury.outcomes import approve_pv
from interviews.jury.parts import items_for
from interviews.jury.rounds import start_jury_round
from interviews.jury.scheduling import schedule_interview
from interviews.models import VacancyProposal
from offers.answers import accept_offer, decline_offer
from offers.criminal_record import record_criminal_record_check
from offers.hiring import confirm_hire, propose_next_passer
from offers.models import CriminalRecordCheck, Offer
from procedures.models import Vacancy
from tests.jury.helpers import add_bundle_competencies, compose_jury, in_future, make_vacancy, score_all, waitlisted
from tests.offers.helpers import sent_offer

pytestmark = pytest.mark.django_db


def run_jury(procedure, hr):
    """Three waitlist candidates through a full round: Ann best, Bert second, Cas fails."""
    add_bundle_competencies(procedure.function)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    cas = waitlisted(procedure, first_name="Cas", last_name="Claes")
    vacancy = make_vacancy(procedure)
    jury_round = start_jury_round(vacancy, by=hr)
    members = compose_jury(jury_round)
    invited = list(jury_round.candidates.order_by("position"))
    values = {ann.pk: 5, bert.pk: 4, cas.pk: 2}
    for hours, jc in enumerate(invited):
        starts, ends = in_future(days=10, hour=9 + hours)
        schedule_interview(jc, starts_at=starts, ends_at=ends, location="Stadhuis, zaal 2", by=hr)
        for member in members:
            score_all(member, jc, values[jc.application_id])
        set_consensus(jc, by=members[0].user,
                      entries={i.key: (values[jc.application_id], "Zo besproken.") for i in items_for(jury_round)})
    close_deliberation(jury_round, by=members[0].user, ranking=[invited[0].pk, invited[1].pk])
    for member in members:
        approve_pv(jury_round, by=member.user)
    for application in (ann, bert, cas):
        application.refresh_from_db()
    return vacancy, ann, bert, cas


def test_declined_by_the_best_passer_hired_the_next(procedure, staff, hr):
    maker, checker = staff
    vacancy, ann, bert, cas = run_jury(procedure, hr)
    assert (ann.stage, bert.stage, cas.stage) == (Stage.OFFER, Stage.RESERVE, Stage.JURY_FAILED)

    first = sent_offer(VacancyProposal.objects.get(vacancy=vacancy, application=ann), maker=maker, checker=checker)
    decline_offer(first, by=ann.candidate.user)
    first.refresh_from_db()
    proposal = propose_next_passer(first, by=maker)
    assert proposal.application == bert and proposal.rank == 2

    second = sent_offer(proposal, maker=maker, checker=checker)
    accept_offer(second, by=bert.candidate.user)
    record_criminal_record_check(second, by=checker, extract_model=second.extract_model,
                                 issued_on=timezone.localdate() - timedelta(days=20),
                                 result=CriminalRecordCheck.Result.BLANK)
    confirm_hire(second, by=maker)

    for application in (ann, bert, cas):
        application.refresh_from_db()
    vacancy.refresh_from_db()
    assert (ann.stage, bert.stage, cas.stage) == (Stage.RESERVE, Stage.HIRED, Stage.JURY_FAILED)
    assert vacancy.status == Vacancy.Status.FILLED
    assert Offer.objects.get(pk=second.pk).status == Offer.Status.HIRED
    # Ann declined but keeps a valid reserve place; Cas keeps the jury's ban.
    assert PoolEntry.objects.active().filter(application=ann, kind=PoolEntry.Kind.RESERVE).exists()
    assert Ban.objects.filter(application=cas).exists()
