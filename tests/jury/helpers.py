"""Building blocks of the jury tests: a function with the bundle's nine competencies, waitlist candidates, a
vacancy, a composed jury, and a juror's full sheet."""

from datetime import date, timedelta

from django.utils import timezone

from candidates.stages import Stage
from candidates.transitions import change_stage
from interviews.jury.conflicts import declare_conflict
from interviews.jury.parts import items_for
from interviews.jury.rounds import add_juror, invite_external_juror, start_jury_round
from interviews.jury.scoring import save_scores, submit_sheet
from interviews.models import JuryMember
from kortrijk_ats import roles
from procedures import seed_data
from procedures.models import BehaviouralIndicator, Competency, Vacancy
from tests.factories import ApplicationFactory, CandidateFactory, TeamFactory, hr_user, staff_user


def add_bundle_competencies(function):
    """The nine competencies of the bundle with their Bijlage 2 indicators (none for Innovatie en creativiteit)."""
    for position, data in enumerate(seed_data.COMPETENCIES):
        competency = Competency.objects.create(function=function, name=data.name, definition=data.definition,
                                               position=position)
        BehaviouralIndicator.objects.bulk_create(BehaviouralIndicator(competency=competency, text=text, position=i)
                                                 for i, text in enumerate(data.indicators))
    return function


def waitlisted(procedure, *, first_name=None, last_name=None, **kwargs):
    """An application walked to the waitlist through the one door, as HR and an interviewer would."""
    candidate_kwargs = {k: v for k, v in (("first_name", first_name), ("last_name", last_name)) if v}
    application = ApplicationFactory(procedure=procedure, candidate=CandidateFactory(**candidate_kwargs), **kwargs)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.WAITLIST):
        change_stage(application, to=stage)
    return application


def make_vacancy(procedure, **kwargs):
    kwargs.setdefault("team", TeamFactory(name="Wijkteam Lange Munte"))
    kwargs.setdefault("start_date", date.today() + timedelta(days=60))
    kwargs.setdefault("workplace", "Wijkcentrum Lange Munte")
    kwargs.setdefault("description", "Maatschappelijk werker in het wijkteam.")
    return Vacancy.objects.create(function=procedure.function, **kwargs)


def compose_jury(jury_round):
    """Chair (HR), team leader, external expert (invited by e-mail). Returns (chair, leader, external) members."""
    chair_user = hr_user(username="voorzitter", first_name="Sofie", last_name="Desmet")
    leader_user = staff_user(roles.JUROR, username="leidinggevende", first_name="Koen", last_name="Vandamme")
    chair = add_juror(jury_round, user=chair_user, role=JuryMember.Role.CHAIR)
    leader = add_juror(jury_round, user=leader_user, role=JuryMember.Role.TEAM_LEADER)
    external = invite_external_juror(jury_round, email="eva.extern@example.org", first_name="Eva",
                                     last_name="Claeys")
    return chair, leader, external


def open_round(procedure, **settings):
    hr = hr_user(username="hr-jury")
    vacancy = make_vacancy(procedure)
    jury_round = start_jury_round(vacancy, by=hr, **settings)
    return jury_round


def score_all(member, jury_candidate, value, *, submit=True, evidence="Zag het in het gesprek."):
    """Declare no conflict, score every item with `value` (or value(item)), and submit."""
    if not member.declarations.filter(jury_candidate=jury_candidate).exists():
        declare_conflict(member, jury_candidate, has_conflict=False)
    scores = {item.key: (value(item) if callable(value) else value, evidence) for item in items_for(member.round)}
    save_scores(member, jury_candidate, scores=scores)
    if submit:
        submit_sheet(member, jury_candidate)
    return scores


def in_future(days=7, hour=10):
    start = timezone.localtime() + timedelta(days=days)
    start = start.replace(hour=hour, minute=0, second=0, microsecond=0)
    return start, start + timedelta(hours=1)
