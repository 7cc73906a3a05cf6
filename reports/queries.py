"""The read side of HR's reports: every figure comes from here, in a number of queries that does not grow.

Counts come from the Transition rows (the audit trail): an application that passed through a stage counts there
even if it has moved on since. Nothing here writes.
"""

import statistics
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When, Window
from django.db.models.functions import Lag, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, PoolEntry, Transition
from candidates.stages import Stage
from candidates.transitions import STAGE_MAIL
from communications.models import Mail
from interviews.models import IntakeBooking, IntakeSlot

S = Stage
EXPIRY_HORIZON_DAYS = 30

# The main road of the funnel, in order: (key, label, condition on a Transition row or None).
FUNNEL_STEPS = (
    ("applied", _("Kandidaturen"), None),
    ("eligible", _("Toegelaten"), Q(to_stage=S.ELIGIBLE)),
    ("intake_booked", _("Intake geboekt"), None),
    ("passed", _("Geslaagd voor intake"), Q(from_stage=S.INTAKE_INVITED, to_stage=S.WAITLIST)),
    ("waitlist", _("Wachtlijst"), Q(to_stage=S.WAITLIST)),
    ("jury", _("Jurygesprek"), Q(to_stage=S.JURY_INVITED)),
    ("offer", _("Jobaanbod"), Q(to_stage=S.OFFER)),
    ("hired", _("Aangeworven"), Q(to_stage=S.HIRED)),
)
# Where applications leave the main road (or wait beside it).
SIDE_STAGES = (S.NOT_ELIGIBLE, S.INTAKE_FAILED, S.JURY_FAILED, S.RESERVE, S.WAITLIST_EXPIRED, S.RESERVE_EXPIRED,
               S.OFFER_WITHDRAWN, S.WITHDRAWN)

# A result the candidate must be told formally, and the transition that decides it.
RESULT_STAGES = (S.ELIGIBLE, S.NOT_ELIGIBLE, S.INTAKE_FAILED, S.WAITLIST, S.JURY_FAILED, S.RESERVE,
                 S.OFFER_WITHDRAWN, S.HIRED)
# Back from the jury to the waitlist keeps the original waitlist place: no new result, no mail.
RESULT_TRANSITIONS = Q(to_stage__in=[s for s in RESULT_STAGES if s != S.WAITLIST]) | Q(
    to_stage=S.WAITLIST, from_stage=S.INTAKE_INVITED)

NO_MAIL = "none"
STATE_LABELS = {**dict(Mail.State.choices), NO_MAIL: _("geen mail")}


@dataclass
class Bar:
    key: str
    label: str
    count: int
    percent: int  # of the applications, for the chart


@dataclass
class Funnel:
    applied: int
    steps: list
    side: list

    @property
    def chart_max(self):
        return max([self.applied, *[b.count for b in self.side]])


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0


def build_funnel(*, procedure):
    """The funnel of one procedure: the main road and the side exits, as counts of distinct applications."""
    conditions = {key: cond for key, _label, cond in FUNNEL_STEPS if cond is not None}
    conditions.update({stage.value: Q(to_stage=stage) for stage in SIDE_STAGES})
    counts = Transition.objects.filter(application__procedure=procedure).aggregate(
        **{key: Count("application", distinct=True, filter=cond) for key, cond in conditions.items()})
    counts["applied"] = Application.objects.filter(procedure=procedure).count()
    counts["intake_booked"] = IntakeBooking.objects.filter(application__procedure=procedure).aggregate(
        n=Count("application", distinct=True))["n"]
    applied = counts["applied"]
    steps = [Bar(key, str(label), counts[key], _percent(counts[key], applied)) for key, label, _cond in FUNNEL_STEPS]
    side = [Bar(stage.value, str(stage.label), counts[stage.value], _percent(counts[stage.value], applied))
            for stage in SIDE_STAGES]
    return Funnel(applied=applied, steps=steps, side=side)


@dataclass
class StageTime:
    stage: Stage
    median: timedelta
    count: int  # completed stays measured

    @property
    def median_text(self):
        return format_duration(self.median)


def format_duration(value):
    """A duration as HR reads it: '3 d 4 u', '2 u 15 min', '40 min'."""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} u"
    if hours:
        return f"{hours} u {minutes} min"
    return f"{minutes} min"


def stage_medians(*, procedure):
    """Median time spent in each stage, from one stage's start (submission or transition) to the next transition.

    Only completed stays count: the stage an application is in now has no end yet.
    """
    rows = _medians_postgres(procedure.pk) if connection.vendor == "postgresql" else _medians_portable(procedure)
    order = {stage: i for i, stage in enumerate(Stage)}
    result = [StageTime(Stage(stage), timedelta(seconds=float(seconds)), count) for stage, seconds, count in rows]
    return sorted(result, key=lambda r: order[r.stage])


def _medians_postgres(procedure_id):
    # The table names are written out (a test checks them against the models): no SQL is built from strings.
    sql = """
        SELECT stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), COUNT(*) FROM (
            SELECT t.from_stage AS stage,
                   EXTRACT(EPOCH FROM t.created_at - COALESCE(
                       LAG(t.created_at) OVER (PARTITION BY t.application_id ORDER BY t.created_at, t.id),
                       a.submitted_at)) AS seconds
            FROM candidates_transition t JOIN candidates_application a ON a.id = t.application_id
            WHERE a.procedure_id = %s
        ) stays GROUP BY stage"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [procedure_id])
        return cursor.fetchall()


def _medians_portable(procedure):
    # SQLite (local runs) has no percentile_cont: fetch the stays with a window function, take medians here.
    stays = (Transition.objects.filter(application__procedure=procedure)
             .annotate(previous=Window(Lag("created_at"), partition_by=[F("application_id")],
                                       order_by=[F("created_at").asc(), F("id").asc()]))
             .values_list("from_stage", "created_at", "previous", "application__submitted_at"))
    seconds = {}
    for stage, at, previous, submitted in stays:
        seconds.setdefault(stage, []).append((at - (previous or submitted)).total_seconds())
    return [(stage, statistics.median(values), len(values)) for stage, values in seconds.items()]


def refusal_reasons(*, procedure):
    """The reasons given for 'niet toegelaten', grouped (same words, outer spaces ignored), most frequent first."""
    return list(Transition.objects.filter(application__procedure=procedure, to_stage=S.NOT_ELIGIBLE)
                .annotate(text=Trim("reason")).values("text")
                .annotate(count=Count("application", distinct=True)).order_by("-count", "text"))


@dataclass
class DayOccupancy:
    day: object
    seats: int
    booked: int

    @property
    def percent(self):
        return _percent(self.booked, self.seats)


def intake_occupancy(*, procedure):
    """Booked seats against seats per intake session day (all slots of the day, from interviews' counters)."""
    rows = (IntakeSlot.objects.filter(session__procedure=procedure).values("session__date")
            .annotate(seats=Sum("seats"), booked=Sum("booked_count")).order_by("session__date"))
    return [DayOccupancy(r["session__date"], r["seats"] or 0, r["booked"] or 0) for r in rows]


@dataclass
class ResultShare:
    stage: Stage
    total: int = 0
    notified: int = 0

    @property
    def percent(self):
        return _percent(self.notified, self.total)


@dataclass
class NotNotified:
    application: Application
    stage: Stage
    decided_at: object
    mail_state: str

    @property
    def mail_state_label(self):
        return STATE_LABELS.get(self.mail_state, self.mail_state)


@dataclass
class Notifications:
    per_result: list
    applications: int = 0
    applications_notified: int = 0
    not_notified: list = field(default_factory=list)

    @property
    def percent(self):
        return _percent(self.applications_notified, self.applications)


def notification_status(*, procedure):
    """Per result: how many candidates were formally told, i.e. the result's mail is SENT (not a draft, queued,
    failed or cancelled). Plus the list of results not yet told, oldest decision first."""
    expected_event = Case(*[When(to_stage=stage, then=Value(STAGE_MAIL[stage].key)) for stage in RESULT_STAGES],
                          output_field=CharField())
    # The best mail for the result: a sent one if any, else the newest that is not cancelled, else the newest.
    best_mail = (Mail.objects.filter(content_type=ContentType.objects.get_for_model(Application),
                                     object_id=OuterRef("application_id"), event=OuterRef("expected_event"))
                 .annotate(rank=Case(When(state=Mail.State.SENT, then=0), When(state=Mail.State.CANCELLED, then=2),
                                     default=1, output_field=IntegerField()))
                 .order_by("rank", "-created_at", "-id").values("state")[:1])
    rows = (Transition.objects.filter(RESULT_TRANSITIONS, application__procedure=procedure)
            .annotate(expected_event=expected_event).annotate(mail_state=Subquery(best_mail))
            .select_related("application__candidate").order_by("created_at", "id"))
    shares = {stage: ResultShare(stage) for stage in RESULT_STAGES}
    seen, told = set(), {}
    result = Notifications(per_result=list(shares.values()))
    for row in rows:
        key = (row.application_id, row.to_stage)
        if key in seen:
            continue  # the same result twice (reserve again after an offer): one notification is what counts
        seen.add(key)
        sent = row.mail_state == Mail.State.SENT
        share = shares[Stage(row.to_stage)]
        share.total += 1
        share.notified += sent
        told[row.application_id] = told.get(row.application_id, True) and sent
        if not sent:
            result.not_notified.append(NotNotified(row.application, Stage(row.to_stage), row.created_at,
                                                   row.mail_state or NO_MAIL))
    result.applications = len(told)
    result.applications_notified = sum(told.values())
    result.per_result = [share for share in shares.values() if share.total]
    return result


@dataclass
class PoolOverview:
    kind: str
    entries: list
    horizon: object  # the last day of the coming 30 days

    @property
    def expiring_soon(self):
        return [e for e in self.entries if e.last_valid_day <= self.horizon]


def pool_overview(*, procedure, kind, today=None):
    """Active waitlist or reserve places of the procedure's applications, the first to expire first."""
    today = today or timezone.localdate()
    entries = list(PoolEntry.objects.active().filter(application__procedure=procedure, kind=kind)
                   .select_related("application__candidate").order_by("expires_on", "id"))
    return PoolOverview(kind=kind, entries=entries, horizon=today + timedelta(days=EXPIRY_HORIZON_DAYS))


def pipeline_rows(*, procedure):
    """Every application of the procedure with what the exports show; one query, streamed in chunks."""
    active_pool = PoolEntry.objects.active().filter(application=OuterRef("pk")).order_by("-created_at")
    active_booking = IntakeBooking.objects.active().filter(application=OuterRef("pk"))
    return (Application.objects.filter(procedure=procedure)
            .select_related("candidate", "diploma")
            .annotate(pool_kind=Subquery(active_pool.values("kind")[:1]),
                      pool_expires_on=Subquery(active_pool.values("expires_on")[:1]),
                      intake_at=Subquery(active_booking.values("slot__starts_at")[:1]))
            .order_by("submitted_at", "id"))
