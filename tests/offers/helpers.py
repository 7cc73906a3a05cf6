"""Building blocks of the offer tests: a closed jury round for a vacancy whose best passer waits in stage offer,
the other passer in the reserve, one who failed and one still on the waitlist; an offer with hand-checkable terms.

Pay world: tests.pay.scales (S1: 18 years → 15,000 a year at 100 %; index 2.1000 from 1 July 2025; private
years capped at 18). The default terms recognise 3 public + 25 private years → 3 + 18 = 21 years → step 18:
15,000 × 2.1 / 12 = € 2,625.00 a month full time (uncapped, 28 years would give step 24: € 2,940.00).
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from candidates.models import Application, Transition
from candidates.stages import Stage
from candidates.transitions import change_stage
from interviews.jury.outcomes import propose_for_offer
from interviews.models import JuryCandidate, JuryRound, VacancyProposal
from offers.models import ExtractModel
from offers.offering import approve_offer, prepare_offer, send_offer
from tests.factories import hr_user
from tests.jury.helpers import make_vacancy, waitlisted

MONTHLY_FULL_TIME = Decimal("2625.00")


@dataclass
class Round:
    vacancy: object
    best: Application  # in stage offer, proposed
    second: Application  # passed, rank 2, in the reserve
    failed: Application  # jury_failed
    waiting: Application  # still on the waitlist, never invited
    proposal: VacancyProposal
    jury_round: JuryRound


def closed_round(procedure):
    """A vacancy whose jury round closed with a ranking: the state the jury step leaves for the offer step."""
    best = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    second = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    failed = waitlisted(procedure, first_name="Cas", last_name="Claes")
    vacancy = make_vacancy(procedure)
    for application in (best, second, failed):
        change_stage(application, to=Stage.JURY_INVITED)
    waiting = waitlisted(procedure, first_name="Dirk", last_name="Desmet")
    jury_round = JuryRound.objects.create(vacancy=vacancy, status=JuryRound.Status.CLOSED, closed_at=timezone.now())
    for position, (application, passed, rank, decision) in enumerate((
            (best, True, 1, JuryCandidate.Decision.OFFER), (second, True, 2, JuryCandidate.Decision.RESERVE),
            (failed, False, None, JuryCandidate.Decision.FAIL))):
        JuryCandidate.objects.create(round=jury_round, application=application, position=position, passed=passed,
                                     rank=rank, decision=decision, total_percent=Decimal(80 - 10 * position))
    proposal = propose_for_offer(vacancy, best, source=VacancyProposal.Source.JURY, rank=1,
                                 expected_stage=Stage.JURY_INVITED, reason="Best gerangschikt.")
    change_stage(second, to=Stage.RESERVE, expected_stage=Stage.JURY_INVITED, reason="Rang 2.")
    change_stage(failed, to=Stage.JURY_FAILED, expected_stage=Stage.JURY_INVITED, reason="Niet geslaagd.")
    for application in (best, second, failed, waiting):
        application.refresh_from_db()
    return Round(vacancy, best, second, failed, waiting, proposal, jury_round)


def terms(**overrides):
    values = {
        "public_years": 3, "public_months": 0, "private_years": 25, "private_months": 0,
        "experience_proofs": "Attest OCMW Gent 2019-2022; attesten vzw Het Huis 1997-2019.",
        "start_date": timezone.localdate() + timedelta(days=60), "regime": Decimal("1"),
        "schedule": "Maandag tot vrijdag, 8.30-12.00 en 13.00-16.36 uur.",
        "workplace": "Wijkcentrum Lange Munte",
        "tasks": "Sociale begeleiding van gezinnen in de wijk.\nHuisbezoeken en zitdagen.",
        "extract_model": ExtractModel.MODEL_596_2,
    }
    values.update(overrides)
    return values


def hr_pair():
    maker = hr_user(username="hr-maker", first_name="Mieke", last_name="Maes", email="mieke@kortrijk.example")
    checker = hr_user(username="hr-checker", first_name="Karel", last_name="Claeys", email="karel@kortrijk.example")
    return maker, checker


def draft_offer(proposal, *, by, **overrides):
    values = terms(**overrides)
    values.setdefault("team", proposal.vacancy.team)
    return prepare_offer(proposal, by=by, **values)


def sent_offer(proposal, *, maker, checker, respond_days=7, **overrides):
    offer = draft_offer(proposal, by=maker, **overrides)
    approve_offer(offer, by=checker)
    return send_offer(offer, by=maker, respond_by=timezone.localdate() + timedelta(days=respond_days))


def offer_ended(offer, application, *, status, stage):
    """Both reloaded: the offer has `status` and its application `stage`. Returns the application's last transition."""
    offer.refresh_from_db()
    application.refresh_from_db()
    assert offer.status == status
    assert application.stage == stage
    return Transition.objects.filter(application=application).latest("created_at")
