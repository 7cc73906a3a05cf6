"""The end of the offer step: the hire (aanwerving), and who comes next when an offer falls through.

Hired: the offer was accepted and HR saw a blank criminal-record extract; HR confirms, the application goes to
`hired` through change_stage and the vacancy is filled. The other candidates of the jury round are not touched:
they keep the reserve, waitlist or closed status the jury gave them.

Declined, expired or withdrawn: HR turns to the next passer in the jury's ranking (interviews' next_ranked_passer)
or to the function's reserve (a matchgesprek, planned on the vacancy's page).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from interviews.jury import JuryRefused
from interviews.jury.outcomes import next_ranked_passer, propose_next_ranked_passer
from interviews.jury.rounds import vacancy_pools
from interviews.models import JuryCandidate, VacancyProposal
from offers.models import CriminalRecordCheck, Offer
from offers.offering import OfferRefused, check_hr, lock_offer
from procedures.models import Vacancy

CLOSED_WITHOUT_HIRE = (Offer.Status.DECLINED, Offer.Status.EXPIRED, Offer.Status.WITHDRAWN, Offer.Status.CANCELLED)


def confirm_hire(offer, *, by):
    """HR confirms the hire: accepted offer + blank extract → application hired, offer hired, vacancy filled."""
    check_hr(by)
    with transaction.atomic():
        # Lock order of the offer step: vacancy, then application, then offer (propose_for_offer starts the same).
        vacancy = Vacancy.objects.select_for_update().get(pk=offer.proposal.vacancy_id)
        locked = lock_offer(offer)
        if locked.status == Offer.Status.HIRED:
            raise OfferRefused(gettext("Deze aanwerving werd al bevestigd."))
        if locked.status != Offer.Status.ACCEPTED:
            raise OfferRefused(gettext("De aanwerving kan pas na een aanvaard aanbod (status nu: %(status)s).")
                               % {"status": locked.get_status_display()})
        check = CriminalRecordCheck.objects.filter(offer=locked).first()
        if check is None:
            raise OfferRefused(gettext("Registreer eerst dat het selectieteam een blanco uittreksel uit het "
                                       "strafregister zag."))
        if not check.is_blank:
            raise OfferRefused(gettext("Het uittreksel uit het strafregister is niet blanco: aanwerven kan niet."))
        if vacancy.status != Vacancy.Status.OPEN:
            raise OfferRefused(gettext("Deze vacature is niet meer open."))
        try:
            change_stage(locked.proposal.application, to=Stage.HIRED, by=by, expected_stage=Stage.OFFER,
                         reason=f"Jobaanbod aanvaard; blanco uittreksel uit het strafregister "
                                f"({check.get_extract_model_display()}) gezien.")
        except TransitionRefused as refusal:
            raise OfferRefused(str(refusal)) from None
        locked.status, locked.hired_by, locked.closed_at = Offer.Status.HIRED, by, timezone.now()
        locked.save(update_fields=["status", "hired_by", "closed_at"])
        vacancy.status = Vacancy.Status.FILLED
        vacancy.save(update_fields=["status"])
    return locked


@dataclass(frozen=True)
class Replacements:
    """Where HR can turn for a vacancy whose offer fell through."""

    next_passer: JuryCandidate | None
    reserve: list = field(default_factory=list)  # interviews.jury.rounds.PoolRow, oldest place first


def replacement_options(vacancy, *, today=None):
    """The next ranked passer of the vacancy's jury, and the function's valid reserve (never someone who was
    proposed for this vacancy already)."""
    passer = next_ranked_passer(vacancy)
    proposed = set(VacancyProposal.objects.filter(vacancy=vacancy).values_list("application_id", flat=True))
    if passer is not None:
        proposed.add(passer.application_id)
    reserve = [row for row in vacancy_pools(vacancy, today=today)["reserve"] if row.application.pk not in proposed]
    return Replacements(next_passer=passer, reserve=reserve)


def replacement_text(vacancy):
    """The same, in one sentence for HR's mail (in the active language)."""
    options = replacement_options(vacancy)
    if options.next_passer is not None:
        passer = options.next_passer
        return gettext("Volgende geslaagde kandidaat in de rangschikking van de jury: %(name)s (rang %(rank)s). "
                       "Draag die voor vanuit het jobaanbod in de back office.") % {
            "name": passer.application.candidate, "rank": passer.rank}
    if options.reserve:
        count = len(options.reserve)
        return ngettext("Er is geen geslaagde kandidaat meer in de rangschikking; %(count)d kandidaat/kandidaten in "
                        "de wervingsreserve komen in aanmerking voor een matchgesprek (zie de vacature).",
                        "Er is geen geslaagde kandidaat meer in de rangschikking; %(count)d kandidaat/kandidaten in "
                        "de wervingsreserve komen in aanmerking voor een matchgesprek (zie de vacature).",
                        count) % {"count": count}
    return gettext("Er is niemand meer in de rangschikking of in de wervingsreserve: start een nieuwe juryronde met "
                   "de wachtlijst.")


def propose_next_passer(offer, *, by):
    """After an offer fell through: propose the next ranked passer of the vacancy's jury for a new offer."""
    check_hr(by)
    if offer.status not in CLOSED_WITHOUT_HIRE:
        raise OfferRefused(gettext("Een volgende kandidaat voordragen kan pas als dit aanbod geweigerd, verlopen of "
                                   "ingetrokken is."))
    try:
        proposal = propose_next_ranked_passer(offer.proposal.vacancy, by=by)
    except JuryRefused as refusal:
        raise OfferRefused(str(refusal)) from None
    if proposal is None:
        raise OfferRefused(gettext("Er is geen geslaagde kandidaat meer in de rangschikking. Kies iemand uit de "
                                   "wervingsreserve voor een matchgesprek (zie de vacature)."))
    return proposal

