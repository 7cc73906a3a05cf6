"""The candidate's answer to a sent offer (accept or decline before the deadline) and the expiry of unanswered ones.

Race-safe: the application row is locked first (the lock change_stage takes too, so a withdrawal or an HR decision
waits), then the offer moves by a conditional update that only a sent offer within its deadline passes. Ten
clicks on "accept" give one acceptance; an accept and a decline at once give one answer.

Declined (geweigerd) → the application goes back to the reserve through change_stage (the table's offer → reserve;
a jury passer keeps the reserve the jury gave, a reserve candidate keeps their place), or to withdrawn when the
candidate says they want to stop altogether. No answer by the deadline (verlopen) counts as a decline: reserve.
Either way HR is told, with the next ranked passer or the reserve to turn to (offers.hiring.replacement_options).
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from candidates import mail_events as stage_mails
from candidates.models import Application, PoolEntry
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, candidate_actor_label, change_stage
from communications.models import Mail
from communications.outbox import cancel_mails, queue_mail
from offers import mail_events
from offers.criminal_record import extract_age_clause, extract_max_age_text
from offers.hiring import replacement_text
from offers.models import Offer
from offers.offering import OfferRefused, queue_candidate_mail
from procedures.settings_check import MissingSetting, function_place

log = logging.getLogger(__name__)

DECLINE_REASON = "Jobaanbod geweigerd door de kandidaat via het portaal."
DECLINE_WITHDRAW_REASON = "Jobaanbod geweigerd; de kandidaat wil niet verder deelnemen (via het portaal)."
EXPIRY_REASON = "Jobaanbod verlopen: geen antwoord tot en met {respond_by}."
# The way back to the reserve can be refused (e.g. HR has not entered the reserve's validity): the candidate is told
# that nothing changed; HR sees the waiting offers in the back office's "nog in te vullen" box
# (offers_waiting_for_reserve_validity) and the cause in the log.
DECLINE_NOT_PROCESSED = gettext_lazy("We konden je weigering nu niet verwerken; er is niets gewijzigd. Neem contact "
                                     "op met het selectieteam.")


def accept_offer(offer, *, by):
    """The candidate accepts (aanvaardt) the offer before its deadline. The stage stays `offer` until HR saw a
    blank criminal-record extract and confirms the hire."""
    with transaction.atomic():
        application = _lock_application(offer, candidate_user=by)
        _answer(offer, application, to=Offer.Status.ACCEPTED)
        fresh = _reload(offer)
        function = fresh.proposal.vacancy.function
        queue_candidate_mail(fresh, mail_events.OFFER_ACCEPTED, extract_model=fresh.get_extract_model_display(),
                             extract_max_age=extract_max_age_text(function),
                             extract_age_clause=extract_age_clause(function, language=application.candidate.language))
        _tell_hr(fresh, outcome=Offer.Status.ACCEPTED)
    return fresh


def decline_offer(offer, *, by, withdraw=False):
    """The candidate declines (weigert) the offer before its deadline: back to the reserve, or withdrawn when they
    want to stop (`withdraw`)."""
    with transaction.atomic():
        application = _lock_application(offer, candidate_user=by)
        _answer(offer, application, to=Offer.Status.DECLINED)
        fresh = _reload(offer)
        label = candidate_actor_label(application)
        if withdraw:
            change_stage(application, to=Stage.WITHDRAWN, by=by, by_label=label, reason=DECLINE_WITHDRAW_REASON,
                         expected_stage=Stage.OFFER)
        else:
            try:
                _back_to_reserve(fresh, application, by=by, by_label=label, reason=DECLINE_REASON,
                                 event=mail_events.OFFER_DECLINED)
            except TransitionRefused as refusal:
                log.warning("offers: decline of offer %s not processed: %s", offer.pk, refusal)
                raise OfferRefused(str(DECLINE_NOT_PROCESSED)) from None
        _tell_hr(fresh, outcome=Offer.Status.DECLINED)
    return fresh


def expire_offers(*, today=None):
    """The periodic job: every sent offer whose deadline passed expires (verlopen) and its candidate goes back to
    the reserve; an open offer whose application left stage offer some other way (e.g. the candidate withdrew)
    lapses. Idempotent: a second run finds nothing. Returns (expired, lapsed)."""
    today = today or timezone.localdate()
    expired = lapsed = 0
    for pk in Offer.objects.filter(status=Offer.Status.SENT, respond_by__lt=today).values_list("pk", flat=True):
        try:
            expired += _expire_one(pk, today=today)
        except TransitionRefused as refusal:  # rolled back; the next run tries again
            log.warning("offers: offer %s not expired: %s", pk, refusal)
    stray = Offer.objects.open().exclude(proposal__application__stage=Stage.OFFER)
    for pk in stray.values_list("pk", flat=True):
        lapsed += _lapse_one(pk)
    if expired or lapsed:
        log.info("offers: %s expired, %s lapsed", expired, lapsed)
    return expired, lapsed


def offers_waiting_for_reserve_validity(function, procedure):
    """The "nog in te vullen" item (procedures.settings_check) for the function's sent offers while its reserve
    validity is empty: their decline is refused and, past the deadline, expire_offers leaves them open."""
    if function.reserve_months is not None:
        return
    today = timezone.localdate()
    counts = Offer.objects.filter(status=Offer.Status.SENT, proposal__vacancy__function=function).aggregate(
        sent=Count("pk"), overdue=Count("pk", filter=Q(respond_by__lt=today)))
    if not counts["sent"]:
        return
    what = ngettext("Geldigheid van de wervingsreserve van de functie ‘%(function)s’: %(count)d verstuurd jobaanbod "
                    "wacht erop", "Geldigheid van de wervingsreserve van de functie ‘%(function)s’: %(count)d "
                    "verstuurde jobaanbiedingen wachten erop", counts["sent"]) % {
        "function": function.name, "count": counts["sent"]}
    if counts["overdue"]:
        what += ngettext(" (%(count)d al over de antwoordtermijn)", " (%(count)d al over de antwoordtermijn)",
                         counts["overdue"]) % {"count": counts["overdue"]}
    yield MissingSetting(
        what, _("Een weigering verwerken en een jobaanbod laten verlopen na de antwoordtermijn: de kandidaat gaat "
                "dan naar de wervingsreserve. Tot de geldigheid er is, kan de kandidaat niet weigeren en blijft het "
                "aanbod openstaan."),
        *function_place(function))


def _expire_one(pk, *, today):
    with transaction.atomic():
        offer = Offer.objects.get(pk=pk)
        application = _lock_application(offer)
        moved = Offer.objects.filter(pk=pk, status=Offer.Status.SENT, respond_by__lt=today).update(
            status=Offer.Status.EXPIRED, closed_at=timezone.now())
        if not moved:
            return 0  # answered or expired by someone else meanwhile
        fresh = _reload(offer)
        if application.stage != Stage.OFFER:
            return 1
        reason = EXPIRY_REASON.format(respond_by=date_format(fresh.respond_by, "d/m/Y"))
        _back_to_reserve(fresh, application, by=None, by_label="systeem (termijn jobaanbod verlopen)", reason=reason,
                         event=mail_events.OFFER_EXPIRED)
        _tell_hr(fresh, outcome=Offer.Status.EXPIRED)
    return 1


def _lapse_one(pk):
    with transaction.atomic():
        offer = Offer.objects.get(pk=pk)
        _lock_application(offer)
        return Offer.objects.filter(pk=pk, status__in=Offer.OPEN_STATUSES).exclude(
            proposal__application__stage=Stage.OFFER).update(status=Offer.Status.CANCELLED, closed_at=timezone.now())


def _lock_application(offer, *, candidate_user=None):
    """Lock the offer's application (the row change_stage locks: an answer and a stage change never interleave).
    With `candidate_user`: only the candidate answers their own offer."""
    application_id = Offer.objects.values_list("proposal__application_id", flat=True).get(pk=offer.pk)
    application = (Application.objects.select_for_update(of=("self",))
                   .select_related("candidate", "procedure__function").get(pk=application_id))
    if candidate_user is not None and application.candidate.user_id != candidate_user.pk:
        raise OfferRefused(_("Enkel de kandidaat zelf antwoordt op een jobaanbod."))
    return application


def _answer(offer, application, *, to):
    """Move a sent offer within its deadline to `to`, or explain why not (nothing changes then)."""
    today = timezone.localdate()
    moved = 0
    if application.stage == Stage.OFFER:
        moved = Offer.objects.filter(pk=offer.pk, status=Offer.Status.SENT, respond_by__gte=today).update(
            status=to, answered_at=timezone.now(), closed_at=timezone.now() if to != Offer.Status.ACCEPTED else None)
    if moved:
        return
    current = Offer.objects.get(pk=offer.pk)
    if current.status == Offer.Status.ACCEPTED:
        raise OfferRefused(_("Je hebt dit jobaanbod al aanvaard."))
    if current.status == Offer.Status.DECLINED:
        raise OfferRefused(_("Je hebt dit jobaanbod al geweigerd."))
    if current.status == Offer.Status.SENT and current.respond_by < today:
        raise OfferRefused(_("De termijn om te antwoorden liep af op %(day)s. Neem contact op met het selectieteam.")
                           % {"day": date_format(current.respond_by, "d/m/Y")})
    raise OfferRefused(_("Op dit jobaanbod kan je niet meer antwoorden. Neem contact op met het selectieteam."))


def _back_to_reserve(offer, application, *, by, by_label, reason, event):
    """offer → reserve through change_stage; the reserve mail (written for a jury outcome: 'another candidate got
    the job') is replaced by the offer step's own mail, which says what happened and how long the reserve holds."""
    transition = change_stage(application, to=Stage.RESERVE, by=by, by_label=by_label, reason=reason,
                              expected_stage=Stage.OFFER)
    cancel_mails(Mail.objects.filter(
        content_type=ContentType.objects.get_for_model(Application), object_id=application.pk,
        event=stage_mails.RESERVE.key, state=Mail.State.DRAFT, created_at__gte=transition.created_at))
    entry = application.pool_entries.active().filter(kind=PoolEntry.Kind.RESERVE).first()
    queue_candidate_mail(offer, event, valid_until=date_format(entry.last_valid_day, "d/m/Y") if entry else "")


def _tell_hr(offer, *, outcome):
    """A mail to the offer's maker and approver about the answer (`outcome`: the offer's new status), and where to
    turn next. It is in the back office's language, whoever answered (the candidate reads the portal in theirs)."""
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        if outcome == Offer.Status.ACCEPTED:
            outcome_text = _("aanvaard")
            next_step = _("Registreer het uittreksel uit het strafregister en bevestig dan de aanwerving.")
        else:
            outcome_text = _("geweigerd") if outcome == Offer.Status.DECLINED else _("verlopen zonder antwoord")
            next_step = replacement_text(offer.proposal.vacancy)
    url = settings.SITE_URL + reverse("admin:offers_offer_change", args=[offer.pk])
    context = {"candidate_name": offer.proposal.application.candidate.full_name,
               "procedure_title": offer.proposal.application.procedure.title, "team": offer.team.name,
               "outcome": outcome_text, "next_step": next_step, "backoffice_url": url}
    addresses = {user.email for user in (offer.created_by, offer.approved_by) if user is not None and user.email}
    for address in sorted(addresses):
        queue_mail(mail_events.OFFER_ANSWERED_HR.key, to=address, language=language, related=offer, context=context)


def _reload(offer):
    return Offer.objects.select_related(
        "proposal__application__candidate", "proposal__application__procedure", "proposal__vacancy__function",
        "team", "created_by", "approved_by").get(pk=offer.pk)
