"""A staff member's own worklist (Mijn werk): the intake interviews they hold today and the next days (and those
they still have to assess), and per jury round what is left for them: declare, score, approve the PV, in the
order it falls due. A few queries per jury seat, whatever the number of applications."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interviews.jury.rounds import in_play
from interviews.models import (
    ConflictDeclaration,
    IntakeAssessment,
    IntakeBooking,
    JuryMember,
    JuryRound,
    ScoreSheet,
    SessionInterviewer,
)
from kortrijk_ats.roles import INTERVIEWER, has_role, is_hr

UPCOMING_DAYS = 7  # today and the next days: the interviews a week ahead


@dataclass(frozen=True)
class Task:
    what: str  # "declare", "score" or "approve_pv"
    label: str
    due: datetime | None  # the interview's start (declare, score) or the deliberation's end (PV); None: not planned
    url: str
    jury_candidate: object = None


@dataclass
class RoundWork:
    jury_round: JuryRound
    member: JuryMember
    tasks: list = field(default_factory=list)

    @property
    def first_due(self):
        return min((task.due for task in self.tasks if task.due), default=None)


@dataclass
class MyWork:
    interviews: list  # IntakeBooking, earliest first; `to_assess` set on those that started
    rounds: list  # RoundWork with at least one task, the first due first
    interviewer: bool  # holds intake interviews (or is HR): the interviewer's day page is theirs
    seated: bool  # has an active seat in an open or decided jury round

    @property
    def total(self):
        return len(self.interviews) + sum(len(work.tasks) for work in self.rounds)


def held_by(user):
    """Bookings this interviewer holds: assigned to them, or (none assigned) on a session they sit in. The same
    people interviews.intake.assessment.may_assess lets assess, HR aside."""
    in_session = SessionInterviewer.objects.filter(session=OuterRef("slot__session"), interviewer=user)
    return IntakeBooking.objects.filter(Q(interviewer=user) | Q(interviewer__isnull=True) & Exists(in_session))


def my_interviews(user, *, now):
    """The held interviews without an assessment: those that started (to assess, oldest first) and those of today
    and the next UPCOMING_DAYS days."""
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    assessed = IntakeAssessment.objects.filter(booking=OuterRef("pk"))
    bookings = (held_by(user).active().exclude(Exists(assessed))
                .filter(slot__starts_at__lt=today + timedelta(days=UPCOMING_DAYS + 1))
                .select_related("slot", "application__candidate", "application__procedure")
                .order_by("slot__starts_at", "pk"))
    interviews = list(bookings)
    for booking in interviews:
        booking.to_assess = booking.slot.starts_at <= now
    return interviews


def _seats(user, *, now):
    return (JuryMember.objects.filter(user=user, round__status__in=[JuryRound.Status.OPEN, JuryRound.Status.DECIDED])
            .filter(Q(active_until__isnull=True) | Q(active_until__gt=now))
            .select_related("round__vacancy__team", "round__vacancy__function"))


def _round_tasks(member):
    jury_round = member.round
    if jury_round.status == JuryRound.Status.DECIDED:
        if member.pv_approved_at is None:
            return [Task("approve_pv", _("Het PV goedkeuren"), jury_round.decided_at,
                         reverse("interviews:jury_pv", args=[jury_round.pk]))]
        return []
    declared = ConflictDeclaration.objects.filter(member=member, jury_candidate=OuterRef("pk"))
    submitted = ScoreSheet.objects.filter(member=member, jury_candidate=OuterRef("pk"), submitted_at__isnull=False)
    candidates = in_play(jury_round).annotate(
        declared=Exists(declared), recused=Subquery(declared.values("has_conflict")[:1]),
        submitted=Exists(submitted)).order_by("position", "pk")
    tasks = []
    for jury_candidate in candidates:
        url = reverse("interviews:jury_candidate", args=[jury_round.pk, jury_candidate.uid])
        if not jury_candidate.declared:
            tasks.append(Task("declare", _("Belangenconflict verklaren"), jury_candidate.starts_at, url,
                              jury_candidate))
        elif not jury_candidate.recused and not jury_candidate.submitted:
            tasks.append(Task("score", _("Scoren"), jury_candidate.starts_at, url, jury_candidate))
    return tasks


def _by_due(due):
    return (due is None, due or datetime.max.replace(tzinfo=timezone.get_current_timezone()))


def my_rounds(seats):
    """Per active jury seat what is left for the member, in the order it falls due (unplanned last)."""
    rounds = []
    for member in seats:
        tasks = sorted(_round_tasks(member), key=lambda task: _by_due(task.due))
        if tasks:
            rounds.append(RoundWork(member.round, member, tasks))
    return sorted(rounds, key=lambda work: _by_due(work.first_due))


def build_my_work(user, *, now=None):
    now = now or timezone.now()
    seats = list(_seats(user, now=now))
    return MyWork(my_interviews(user, now=now), my_rounds(seats),
                  interviewer=is_hr(user) or has_role(user, INTERVIEWER), seated=bool(seats))
