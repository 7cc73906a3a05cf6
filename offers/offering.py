"""Making an offer (jobaanbod): prepare, approve by a second HR user, send.

The offer is for one VacancyProposal whose application is in stage `offer`. HR checks the experience proofs and
sets the recognised seniority (public-sector years count fully, relevant private-sector years up to the function's
cap: pay.simulation.recognise_seniority, the pay app's own rule), the team, start date, regime, schedule,
workplace, tasks and the required criminal-record extract. A second HR user approves it (vier-ogenprincipe: the
maker and the last editor cannot); approval pins the monthly gross the simulation gives. Only an approved offer is
sent: the candidate gets the offer mail at once (the approval is the release) and a deadline to answer.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from candidates.models import Application
from candidates.stages import Stage
from communications.outbox import queue_mail
from interviews.models import VacancyProposal
from kortrijk_ats.roles import is_hr
from offers import mail_events
from offers.models import Offer
from pay.estimate import estimate_salary
from pay.formatting import date_text
from pay.simulation import SalaryError, recognise_seniority
from procedures.models import Vacancy

# What HR fills in; everything else on the row is bookkeeping set by these functions.
TERMS = ("public_years", "public_months", "private_years", "private_months", "experience_proofs", "team",
         "start_date", "regime", "schedule", "workplace", "tasks", "extract_model")
_FOUR_PLACES = Decimal("0.0001")
# The terms HR must write out, with what an empty one is told.
REQUIRED_TEXT = {"experience_proofs": gettext_lazy("Vul de nagekeken ervaringsbewijzen in."),
                 "schedule": gettext_lazy("Vul het uurrooster in."), "workplace": gettext_lazy("Vul de werkplek in."),
                 "tasks": gettext_lazy("Vul de taken in.")}


class OfferRefused(Exception):
    """An offer step the rules do not allow. The message is for the user; `field` names the input at fault."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- Reading --------------------------------------------------------------------------------------------------------


def simulate_offer(offer):
    """The salary simulation of the offer: its recognised seniority, regime and start date, with the function's pay
    data (pay.estimate.estimate_salary, the same computation as the public estimate). Raises SalaryError."""
    return estimate_salary(offer.proposal.vacancy.function, public_years=offer.public_years,
                           private_years=offer.private_years, public_months=offer.public_months,
                           private_months=offer.private_months, regime=offer.regime, on=offer.start_date)


def simulation_for_candidate(offer):
    """(simulation, "") or (None, why in a line for the candidate): what HR notes about missing pay data says is
    for HR (the offer's back-office page), never for the candidate's pages or letter."""
    try:
        return simulate_offer(offer), ""
    except SalaryError:
        return None, gettext("De loonsimulatie is op dit moment niet beschikbaar: het selectieteam vult de "
                             "loongegevens nog aan. Heb je vragen? Neem contact op met het selectieteam.")


def recognised_seniority(offer):
    """The recognised seniority (pay.calculation.Seniority) of the offer, capped by the function's rule."""
    return recognise_seniority(public_years=offer.public_years, private_years=offer.private_years,
                               public_months=offer.public_months, private_months=offer.private_months,
                               private_cap_years=offer.proposal.vacancy.function.private_seniority_cap_years)


def proposals_awaiting_offer():
    """Proposals whose candidate is in stage offer for an open vacancy and who has no offer yet."""
    return (VacancyProposal.objects
            .filter(application__stage=Stage.OFFER, vacancy__status=Vacancy.Status.OPEN, offer__isnull=True)
            .select_related("application__candidate", "vacancy__team", "vacancy__function")
            .order_by("created_at", "id"))


def initial_terms(proposal):
    """What the offer form starts from: the vacancy's job and the experience the candidate declared."""
    vacancy, application = proposal.vacancy, proposal.application
    return {
        "team": vacancy.team_id, "start_date": vacancy.start_date, "workplace": vacancy.workplace,
        "regime": (vacancy.hours_per_week / Vacancy.FULL_TIME_HOURS).quantize(_FOUR_PLACES),
        "public_years": int(application.years_public_sector), "private_years": int(application.years_private_sector),
        "tasks": vacancy.description,
    }


# --- Writing --------------------------------------------------------------------------------------------------------


def prepare_offer(proposal, *, by, **terms):
    """Draft the offer for a proposal (HR). Returns the new Offer in status draft."""
    check_hr(by)
    with transaction.atomic():
        locked = (VacancyProposal.objects.select_for_update(of=("self",))
                  .select_related("application", "vacancy__function").get(pk=proposal.pk))
        if Offer.objects.filter(proposal=locked).exists():
            raise OfferRefused(gettext("Voor deze voordracht bestaat al een jobaanbod; open dat aanbod."))
        _check_proposal(locked)
        offer = Offer(proposal=locked, created_by=by, prepared_by=by)
        _set_terms(offer, terms)
        try:
            with transaction.atomic():
                offer.save()
        except IntegrityError:
            raise OfferRefused(gettext(
                "Een collega maakte net een jobaanbod voor deze voordracht; open dat aanbod.")) from None
    return offer


def update_offer(offer, *, by, **terms):
    """Change the terms of a draft offer (HR). The editor becomes the one who may not approve it."""
    check_hr(by)
    with transaction.atomic():
        locked = lock_offer(offer)
        if locked.status != Offer.Status.DRAFT:
            raise OfferRefused(gettext("Enkel een aanbod in voorbereiding kan gewijzigd worden. Zet een goedgekeurd "
                                       "aanbod eerst terug in voorbereiding; een verstuurd aanbod wijzigt niet meer."))
        _check_proposal(locked.proposal)
        _set_terms(locked, terms)
        locked.prepared_by = by
        locked.save()
    return locked


def approve_offer(offer, *, by):
    """A second HR user approves the offer (goedkeuring): not its maker, not its last editor. The monthly gross
    of the simulation at this moment is pinned: the offer is sent only with that figure."""
    check_hr(by)
    with transaction.atomic():
        locked = lock_offer(offer)
        if locked.status != Offer.Status.DRAFT:
            raise OfferRefused(gettext("Dit aanbod is niet meer in voorbereiding (status: %(status)s).")
                               % {"status": locked.get_status_display()})
        if by.pk in (locked.created_by_id, locked.prepared_by_id):
            raise OfferRefused(gettext("Vier-ogenprincipe: wie het aanbod opmaakte of het laatst wijzigde, kan het "
                                       "niet zelf goedkeuren. Vraag een collega van het selectieteam."))
        _check_proposal(locked.proposal)
        simulation = _simulation_or_refuse(locked)
        locked.status, locked.approved_by, locked.approved_at = Offer.Status.APPROVED, by, timezone.now()
        locked.approved_monthly_gross = simulation.monthly_gross.amount
        locked.save(update_fields=["status", "approved_by", "approved_at", "approved_monthly_gross"])
    return locked


def reopen_offer(offer, *, by):
    """Put an approved, unsent offer back in preparation (e.g. to change the start date); the approval lapses."""
    check_hr(by)
    with transaction.atomic():
        locked = lock_offer(offer)
        if locked.status != Offer.Status.APPROVED:
            raise OfferRefused(gettext("Enkel een goedgekeurd aanbod dat nog niet verstuurd is, kan terug in "
                                       "voorbereiding."))
        locked.status, locked.approved_by, locked.approved_at = Offer.Status.DRAFT, None, None
        locked.approved_monthly_gross, locked.prepared_by = None, by
        locked.save(update_fields=["status", "approved_by", "approved_at", "approved_monthly_gross", "prepared_by"])
    return locked


def default_respond_by(*, today=None):
    return (today or timezone.localdate()) + timedelta(days=settings.KATS_OFFER_RESPONSE_DAYS)


def send_offer(offer, *, by, respond_by):
    """Send an approved offer: the candidate may answer until and including `respond_by`. Queues the offer mail,
    which leaves after commit. Refused without a second HR user's approval."""
    check_hr(by)
    today = timezone.localdate()
    with transaction.atomic():
        locked = lock_offer(offer)
        if locked.status == Offer.Status.DRAFT:
            raise OfferRefused(gettext("Een jobaanbod wordt pas verstuurd nadat een tweede medewerker van het "
                                       "selectieteam het goedkeurde."))
        if locked.status != Offer.Status.APPROVED:
            raise OfferRefused(gettext("Dit aanbod werd al verstuurd of afgesloten (status: %(status)s).")
                               % {"status": locked.get_status_display()})
        _check_proposal(locked.proposal)
        if respond_by is None or respond_by <= today:
            raise OfferRefused(gettext("Geef de kandidaat minstens tot morgen om te antwoorden."), field="respond_by")
        if respond_by >= locked.start_date:
            raise OfferRefused(gettext("De kandidaat antwoordt vóór de startdatum."), field="respond_by")
        simulation = _simulation_or_refuse(locked)
        if simulation.monthly_gross.amount != locked.approved_monthly_gross:
            raise OfferRefused(gettext("De loongegevens veranderden sinds de goedkeuring: het bruto maandloon is nu "
                                       "anders. Zet het aanbod terug in voorbereiding en laat het opnieuw "
                                       "goedkeuren."))
        locked.status, locked.sent_by, locked.sent_at, locked.respond_by = (Offer.Status.SENT, by, timezone.now(),
                                                                            respond_by)
        locked.save(update_fields=["status", "sent_by", "sent_at", "respond_by"])
        queue_candidate_mail(locked, mail_events.OFFER_SENT)
    return locked


# --- Shared by the offer step ---------------------------------------------------------------------------------------


def candidate_offer_url(offer):
    application = offer.proposal.application
    return settings.SITE_URL + reverse("offers:detail", args=[application.public_id, offer.uid])


def offer_mail_context(offer):
    candidate = offer.proposal.application.candidate
    language = candidate.language
    return {
        "candidate_name": candidate.full_name, "procedure_title": offer.proposal.application.procedure.title,
        "team": offer.team.name, "workplace": offer.workplace,
        "start_date": _in_language(language, lambda: date_text(offer.start_date)),
        "respond_by": date_format(offer.respond_by, "d/m/Y") if offer.respond_by else "",
        "offer_url": candidate_offer_url(offer),
    }


def queue_candidate_mail(offer, event, **extra):
    """The event's mail to the candidate, about their application. Not held by default (see offers.mail_events);
    HR may still switch holding on in the event's template."""
    candidate = offer.proposal.application.candidate
    return queue_mail(event.key, to=candidate.email, language=candidate.language, related=offer.proposal.application,
                      context={**offer_mail_context(offer), **extra})


def lock_offer(offer):
    """Lock the offer's application, then the offer: the one lock order of the offer step (after the vacancy,
    when a step locks that too), so an answer, an HR step and a stage change never deadlock."""
    application_id = Offer.objects.values_list("proposal__application_id", flat=True).get(pk=offer.pk)
    list(Application.objects.select_for_update().filter(pk=application_id).values("pk"))
    return (Offer.objects.select_for_update(of=("self",))
            .select_related("proposal__application__candidate", "proposal__application__procedure",
                            "proposal__vacancy__function", "team")
            .get(pk=offer.pk))


def check_hr(user):
    if not is_hr(user):
        raise OfferRefused(gettext("Enkel het selectieteam maakt, keurt en verstuurt jobaanbiedingen."))


def _check_proposal(proposal):
    application = proposal.application
    if application.stage != Stage.OFFER:
        raise OfferRefused(gettext("Deze kandidatuur staat niet (meer) op ‘jobaanbod’ maar op ‘%(stage)s’.")
                           % {"stage": Stage(application.stage).label})
    if proposal.vacancy.status != Vacancy.Status.OPEN:
        raise OfferRefused(gettext("Deze vacature is niet meer open."))


def _set_terms(offer, terms):
    unknown = set(terms) - set(TERMS)
    if unknown:
        raise TypeError(f"unknown offer terms: {sorted(unknown)}")
    for name, value in terms.items():
        setattr(offer, name, value.strip() if isinstance(value, str) else value)
    for name, message in REQUIRED_TEXT.items():
        if not getattr(offer, name, ""):
            raise OfferRefused(str(message), field=name)
    if offer.team_id is None:
        raise OfferRefused(gettext("Kies het team."), field="team")
    if not offer.extract_model:
        raise OfferRefused(gettext("Kies het vereiste model van het uittreksel uit het strafregister."),
                           field="extract_model")
    if offer.start_date is None or offer.start_date <= timezone.localdate():
        raise OfferRefused(gettext("De startdatum ligt in de toekomst."), field="start_date")
    _simulation_or_refuse(offer)


def _simulation_or_refuse(offer):
    try:
        return simulate_offer(offer)
    except SalaryError as error:
        raise OfferRefused(gettext("Loonsimulatie niet mogelijk: %(error)s") % {"error": error.message},
                           field=_FIELD.get(error.field)) from None


# The simulation's input names, as the offer's fields.
_FIELD = {"public_years": "public_years", "private_years": "private_years", "public_months": "public_months",
          "private_months": "private_months", "regime": "regime", "on": "start_date"}


def _in_language(language, produce):
    with translation.override(language):
        return produce()
