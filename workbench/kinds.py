"""The kinds of pending work (werk) HR sees on the werkbank: one definition each.

A kind says which rows wait for someone (`select`: narrows a queryset of its model to them), how those rows belong to
a procedure (`procedure_path`), how long the oldest has waited (`since`) or when the first falls due (`due`), and
which back-office list shows them. The werkbank counts with `select`; the list it links to filters with the same
`select` (workbench.screens.work_filter.WorkFilter, ?werk=<key>), so the count and the rows cannot drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from candidates.models import Application, ErasureRequest, PoolEntry
from candidates.stages import Stage
from communications.models import Mail
from interviews.intake.capacity import waiting_for_slot
from interviews.models import FeedbackRequest, IntakeAssessment, IntakeBooking, JuryMember, JuryRound, WaitingForSlot
from offers.models import Offer

WORK_VAR = "werk"
PROCEDURE_VAR = "werk_procedure"
NO_PROCEDURE = "geen"  # the value of PROCEDURE_VAR for the items tied to no procedure

OFFER_EXPIRY_DAYS = 3
POOL_EXPIRY_DAYS = 30


@dataclass(frozen=True)
class WorkKind:
    key: str  # in the list's URL: ?werk=<key>
    label: str
    model: type  # the model whose back-office list shows the items
    select: Callable  # (queryset of model, *, now) -> the items that wait
    procedure_path: str | None = None  # lookup from the model to its procedure; None: the kind has no procedure
    spans_many: bool = False  # the path crosses a to-many relation: an item may belong to several procedures
    since: str | None = None  # when an item began to wait (the oldest one's age)
    due: str | None = None  # the day an item must be done by (the first one's date)

    def items(self, *, now=None, procedure=None):
        """The waiting items; `procedure`: a procedure id, NO_PROCEDURE, or None for all of them."""
        queryset = self.select(self.model._default_manager.all(), now=now or timezone.now())
        return self.in_procedure(queryset, procedure)

    def in_procedure(self, queryset, procedure):
        if procedure is None or self.procedure_path is None:
            return queryset
        path = self.procedure_path
        if procedure == NO_PROCEDURE:
            if self.spans_many:
                return queryset.exclude(pk__in=self._pks({f"{path}__isnull": False}))
            return queryset.filter(**{f"{path}__isnull": True})
        if self.spans_many:
            return queryset.filter(pk__in=self._pks({path: procedure}))
        return queryset.filter(**{path: procedure})

    @property
    def due_label(self):
        """The due field's own name (e.g. "vervalt op", "antwoorden tot en met")."""
        return self.model._meta.get_field(self.due).verbose_name if self.due else ""

    def _pks(self, lookup):
        return self.model._default_manager.filter(**lookup).values("pk")

    def list_url(self, procedure=None):
        """The back-office list of exactly these items (of one procedure, or NO_PROCEDURE, when given)."""
        opts = self.model._meta
        query = {WORK_VAR: self.key}
        if procedure is not None and self.procedure_path is not None:
            query[PROCEDURE_VAR] = procedure
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?" + urlencode(query)


# --- What waits, per kind (the one definition of each) -----------------------------------------------------------


def to_screen(applications, *, now):
    """Applications whose diploma HR has not screened yet."""
    return applications.filter(stage=Stage.SCREENING)


def invited_without_slot(applications, *, now):
    """Invited to the intake interview, and no slot booked (interviews.intake.capacity's rule)."""
    return waiting_for_slot(applications)


def intake_to_assess(bookings, *, now):
    """Intake interviews that have started, are held (not cancelled, no no-show) and have no assessment yet."""
    assessed = IntakeAssessment.objects.filter(booking=OuterRef("pk"))
    return bookings.active().filter(slot__starts_at__lte=now).exclude(Exists(assessed))


def mails_to_release(mails, *, now):
    """Outcome mails held as drafts until HR releases them."""
    return mails.filter(state=Mail.State.DRAFT)


def rounds_without_full_jury(rounds, *, now):
    """Open jury rounds in which not every seat (chair, team leader, external expert) is taken."""
    full = (JuryMember.objects.order_by().values("round").annotate(seats=Count("pk"))
            .filter(seats__gte=len(JuryMember.Role)).values("round"))
    return rounds.filter(status=JuryRound.Status.OPEN).exclude(pk__in=full)


def pv_awaiting_approval(rounds, *, now):
    """Rounds the chair closed the deliberation of, whose PV not every juror approved yet."""
    return rounds.filter(status=JuryRound.Status.DECIDED)


def offers_awaiting_approval(offers, *, now):
    """Offers in preparation: a second HR member (not the maker, not the last editor) approves them."""
    return offers.filter(status=Offer.Status.DRAFT)


def offers_expiring(offers, *, now):
    """Sent offers whose answer deadline falls within OFFER_EXPIRY_DAYS (or passed and not yet swept)."""
    last_day = timezone.localdate(now) + timedelta(days=OFFER_EXPIRY_DAYS)
    return offers.filter(status=Offer.Status.SENT, respond_by__lte=last_day)


def feedback_open(requests, *, now):
    """Requests for the jury's feedback whose letter HR has not sent."""
    return requests.filter(sent_at__isnull=True)


def places_expiring(entries, *, now):
    """Waitlist and reserve places still valid that lapse within POOL_EXPIRY_DAYS."""
    today = timezone.localdate(now)
    return entries.valid(today).filter(expires_on__lte=today + timedelta(days=POOL_EXPIRY_DAYS))


def erasure_requests(requests, *, now):
    """Candidates' requests to erase their data that HR has not handled."""
    return requests.filter(handled_at__isnull=True)


def mails_failed(mails, *, now):
    """Mails the worker gave up on: HR fixes the address or retries them."""
    return mails.filter(state=Mail.State.FAILED)


KINDS = (
    WorkKind("te-screenen", _("Kandidaturen te screenen"), Application, to_screen,
             procedure_path="procedure", since="stage_changed_at"),
    WorkKind("zonder-intakemoment", _("Uitgenodigd, nog geen intakemoment gekozen"), WaitingForSlot,
             invited_without_slot, procedure_path="procedure", since="stage_changed_at"),
    WorkKind("intake-te-beoordelen", _("Kennismakingsinterviews nog te beoordelen"), IntakeBooking,
             intake_to_assess, procedure_path="application__procedure", since="slot__starts_at"),
    WorkKind("mails-vrij-te-geven", _("Uitslagmails die wachten op vrijgave"), Mail, mails_to_release,
             procedure_path="application__procedure", since="created_at"),
    WorkKind("jury-onvolledig", _("Juryrondes zonder volledige jury"), JuryRound, rounds_without_full_jury,
             procedure_path="candidates__application__procedure", spans_many=True, since="created_at"),
    WorkKind("pv-goed-te-keuren", _("PV's die wachten op goedkeuring"), JuryRound, pv_awaiting_approval,
             procedure_path="candidates__application__procedure", spans_many=True, since="decided_at"),
    WorkKind("aanbod-goed-te-keuren", _("Jobaanbiedingen die wachten op een tweede goedkeuring"), Offer,
             offers_awaiting_approval, procedure_path="proposal__application__procedure", since="created_at"),
    WorkKind("aanbod-verloopt", _("Jobaanbiedingen die binnen 3 dagen verlopen"), Offer, offers_expiring,
             procedure_path="proposal__application__procedure", due="respond_by"),
    WorkKind("feedback-open", _("Vragen om feedback"), FeedbackRequest, feedback_open,
             procedure_path="application__procedure", since="requested_at", due="due_on"),
    WorkKind("plaats-vervalt", _("Wachtlijst- en reserveplaatsen die binnen 30 dagen vervallen"), PoolEntry,
             places_expiring, procedure_path="application__procedure", due="expires_on"),
    WorkKind("wissen", _("Verzoeken tot wissen van gegevens"), ErasureRequest, erasure_requests,
             since="requested_at"),
    WorkKind("mails-mislukt", _("Mislukte mails"), Mail, mails_failed, procedure_path="application__procedure",
             since="created_at"),
)

_BY_KEY = {kind.key: kind for kind in KINDS}


def get_kind(key):
    return _BY_KEY.get(key)


def kinds_for(model):
    """The kinds whose list is this model's (a proxy model has its own list)."""
    return [kind for kind in KINDS if kind.model is model]
