"""Worlds for the werkbank tests.

`every_kind(procedure)`: at least one item of every kind of pending work, walked there through the domain where the
step is the subject of another test suite, written directly where only the row's state matters for the werkbank.
`many(procedure, n)`: n applications and what hangs on them, written in bulk (a few INSERTs, not n domain calls),
in the same proportions for every n: the query-count tests compare n = 10 with n = 1,000.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from candidates.models import Application, Candidate, ErasureRequest, PoolEntry
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from interviews.jury.rounds import start_jury_round
from interviews.models import (
    FeedbackRequest,
    IntakeBooking,
    IntakeSlot,
    JuryCandidate,
    JuryMember,
    JuryRound,
    VacancyProposal,
)
from kortrijk_ats import roles
from offers.models import ExtractModel, Offer
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    DiplomaFactory,
    IntakeSessionFactory,
    TeamFactory,
    hr_user,
    staff_user,
)
from tests.jury.helpers import make_vacancy, waitlisted

S = Stage


def walk(application, *stages, by=None, reason=""):
    for stage in stages:
        change_stage(application, to=stage, by=by, reason=reason)
    return application


def started_booking(application, *, minutes_ago=60, interviewer=None):
    """A held booking whose slot started `minutes_ago` minutes ago (negative: in the future)."""
    starts = timezone.now() - timedelta(minutes=minutes_ago)
    day = timezone.localdate(starts)
    session = (application.procedure.intake_sessions.filter(date=day).first()
               or IntakeSessionFactory(procedure=application.procedure, date=day))
    slot = IntakeSlot.objects.create(session=session, starts_at=starts, ends_at=starts + timedelta(minutes=20),
                                     seats=1, booked_count=1)
    return IntakeBooking.objects.create(slot=slot, application=application, interviewer=interviewer)


def mail_about(application, *, state, event="test_werkbank"):
    return Mail.objects.create(event=event, to=application.candidate.email, subject="Onderwerp", body_text="Tekst",
                               state=state, content_type=ContentType.objects.get_for_model(Application),
                               object_id=application.pk)


def offer_for(application, vacancy, *, maker, status=Offer.Status.DRAFT, checker=None, respond_by=None):
    proposal = VacancyProposal.objects.create(vacancy=vacancy, application=application,
                                              source=VacancyProposal.Source.JURY, rank=1)
    sent = status == Offer.Status.SENT
    return Offer.objects.create(
        proposal=proposal, status=status, experience_proofs="Attest OCMW.", team=vacancy.team,
        start_date=timezone.localdate() + timedelta(days=60), schedule="Maandag tot vrijdag.",
        workplace=vacancy.workplace, tasks="Begeleiding.", extract_model=ExtractModel.MODEL_595, created_by=maker,
        prepared_by=maker, approved_by=checker if sent else None, approved_at=timezone.now() if sent else None,
        sent_by=maker if sent else None, sent_at=timezone.now() if sent else None, respond_by=respond_by)


@dataclass
class EveryKind:
    hr: object
    screening: Application
    incomplete_round: JuryRound
    decided_round: JuryRound


def every_kind(procedure):
    """One procedure with work of every kind waiting, and a little of no procedure (an erasure, a failed mail)."""
    hr = hr_user(username="hr-werk", first_name="Hilde", last_name="Vermeersch")
    checker = hr_user(username="hr-tweede", first_name="Karel", last_name="Claeys")
    screening = ApplicationFactory(procedure=procedure)
    walk(ApplicationFactory(procedure=procedure), S.NOT_ELIGIBLE, by=hr, reason="Geen toegangsdiploma.")
    walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE, S.INTAKE_INVITED, by=hr)
    started_booking(walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE, S.INTAKE_INVITED, by=hr))
    # The round invites every valid waitlist place: the other waitlisted people come after it.
    waitlisted(procedure)
    incomplete_round = start_jury_round(make_vacancy(procedure), by=hr)
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    in_decided = waitlisted(procedure)
    decided_round = JuryRound.objects.create(vacancy=vacancy, status=JuryRound.Status.DECIDED,
                                             decided_at=timezone.now() - timedelta(days=2))
    jury_candidate = JuryCandidate.objects.create(round=decided_round, application=in_decided)
    offer_for(waitlisted(procedure), vacancy, maker=hr)
    offer_for(waitlisted(procedure), vacancy, maker=hr, status=Offer.Status.SENT, checker=checker,
              respond_by=timezone.localdate() + timedelta(days=2))
    FeedbackRequest.objects.create(application=ApplicationFactory(procedure=procedure, stage=S.JURY_FAILED),
                                   jury_candidate=jury_candidate,
                                   due_on=timezone.localdate() + timedelta(days=25))
    expiring = waitlisted(procedure)
    PoolEntry.objects.filter(application=expiring).update(expires_on=timezone.localdate() + timedelta(days=12))
    ErasureRequest.objects.create(candidate=CandidateFactory())
    mail_about(screening, state=Mail.State.FAILED)
    Mail.objects.create(event="account", to="iemand@example.org", subject="Account", body_text="Tekst",
                        state=Mail.State.FAILED)
    return EveryKind(hr, screening, incomplete_round, decided_round)


# --- Many applications, in bulk ----------------------------------------------------------------------------------


@dataclass
class Cast:
    interviewer: object
    juror: object  # the team leader of the open round
    chair: object  # HR, chair of the open round


def cast():
    return Cast(interviewer=staff_user(roles.INTERVIEWER, username="werk-interviewer"),
                juror=staff_user(roles.JUROR, username="werk-juror"),
                chair=hr_user(username="werk-chair"))


class Many:
    """Applications of one procedure added in bulk, spread over the stages in fixed shares, with pool places, mails,
    intake bookings of the interviewer and candidates in one open jury round: each share grows with what is added,
    and nothing else does (one session, one round), so a page's queries can be counted at 10 and at 1,000."""

    STAGES = (S.SCREENING, S.SCREENING, S.ELIGIBLE, S.INTAKE_INVITED, S.INTAKE_INVITED, S.WAITLIST, S.WAITLIST,
              S.JURY_INVITED, S.RESERVE, S.NOT_ELIGIBLE)

    def __init__(self, procedure, *, people):
        self.procedure, self.people = procedure, people
        self.diploma = DiplomaFactory(procedure=procedure)
        self.now = timezone.now()
        self.session = IntakeSessionFactory(procedure=procedure, date=timezone.localdate(self.now),
                                            starts_at=time(8), ends_at=time(18))
        vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Bulk"))
        self.jury_round = JuryRound.objects.create(vacancy=vacancy)
        JuryMember.objects.bulk_create([
            JuryMember(round=self.jury_round, user=people.chair, role=JuryMember.Role.CHAIR),
            JuryMember(round=self.jury_round, user=people.juror, role=JuryMember.Role.TEAM_LEADER)])
        self.added = self.booked = 0

    def add(self, n):
        User = get_user_model()
        first = self.added
        self.added += n
        numbers = range(first, first + n)
        users = User.objects.bulk_create(
            User(username=f"bulk-{self.procedure.pk}-{i}", email=f"bulk{self.procedure.pk}.{i}@example.org")
            for i in numbers)
        candidates = Candidate.objects.bulk_create(
            Candidate(user=user, first_name=f"Voornaam{i}", last_name=f"Achternaam{i}", email=user.email)
            for i, user in zip(numbers, users, strict=True))
        applications = Application.objects.bulk_create(
            Application(candidate=candidate, procedure=self.procedure, diploma=self.diploma,
                        stage=self.STAGES[i % len(self.STAGES)], submitted_at=self.now - timedelta(days=40, minutes=i),
                        stage_changed_at=self.now - timedelta(days=30, minutes=-i))
            for i, candidate in zip(numbers, candidates, strict=True))
        by_stage = {stage: [] for stage in self.STAGES}
        for application in applications:
            by_stage[application.stage].append(application)
        self._places(by_stage[S.WAITLIST] + by_stage[S.JURY_INVITED] + by_stage[S.RESERVE], first)
        self._mails(by_stage[S.NOT_ELIGIBLE])
        self._bookings(by_stage[S.INTAKE_INVITED][::2])
        self._jury(by_stage[S.JURY_INVITED], first)
        return applications

    def _places(self, applications, first):
        today = timezone.localdate(self.now)
        PoolEntry.objects.bulk_create(
            PoolEntry(application=application, function=self.procedure.function,
                      kind=PoolEntry.Kind.RESERVE if application.stage == S.RESERVE else PoolEntry.Kind.WAITLIST,
                      valid_from=today - timedelta(days=300), expires_on=today + timedelta(days=1 + (first + i) % 90))
            for i, application in enumerate(applications))

    def _mails(self, applications):
        application_type = ContentType.objects.get_for_model(Application)
        Mail.objects.bulk_create(
            Mail(event="test_werkbank", to=application.candidate.email, subject="Uitslag", body_text="Tekst",
                 state=Mail.State.FAILED if application.pk % 4 == 0 else Mail.State.DRAFT,
                 message_id=Mail.new_message_id(), content_type=application_type, object_id=application.pk)
            for application in applications)

    def _bookings(self, applications):
        """The interviewer's: alternately started (to assess) and in the coming hours, every slot its own start."""
        base = self.now.replace(second=0, microsecond=0)
        first, self.booked = self.booked, self.booked + len(applications)

        def start(i):
            number = first + i
            minutes = 7 * number + 1
            return base - timedelta(minutes=minutes) if number % 2 else base + timedelta(minutes=minutes)

        slots = IntakeSlot.objects.bulk_create(
            IntakeSlot(session=self.session, starts_at=start(i), ends_at=start(i) + timedelta(minutes=20), seats=1,
                       booked_count=1) for i in range(len(applications)))
        IntakeBooking.objects.bulk_create(
            IntakeBooking(slot=slot, application=application, interviewer=self.people.interviewer)
            for slot, application in zip(slots, applications, strict=True))

    def _jury(self, applications, first):
        zone = timezone.get_current_timezone()
        day = timezone.localdate(self.now)

        def start(i):
            return datetime.combine(day + timedelta(days=1 + i // 8), time(9), tzinfo=zone) + timedelta(hours=i % 8)

        JuryCandidate.objects.bulk_create(
            JuryCandidate(round=self.jury_round, application=application, position=first + i,
                          starts_at=start(first + i), ends_at=start(first + i) + timedelta(minutes=45))
            for i, application in enumerate(applications))
