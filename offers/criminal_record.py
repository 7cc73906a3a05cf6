"""The criminal-record extract (uittreksel uit het strafregister) before a hire is final.

HR records *that* it saw the extract: the model the job requires (595, or 596.2 for work with minors; the model is
kept on the offer, chosen by HR, because a vacancy carries no such field), the date of issue, the result and who
checked. The document itself is never stored: there is no file field, HR looks at it and hands it back.

The date of issue may not lie in the future. How old it may be is HR's setting on the function
(Function.criminal_record_max_age_months): the bundle asks only for a blank extract, so while HR set no age any
date of issue in the past is accepted and no page, letter or mail names an age. A blank extract clears the way to
the hire; a not-blank one withdraws the offer through change_stage (offer → offer_withdrawn) with a reason, and the
withdrawal mail waits in the outbox for HR's release.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext

from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from kortrijk_ats.dates import add_months
from kortrijk_ats.record_language import as_recorded
from offers.models import CriminalRecordCheck, ExtractModel, Offer
from offers.offering import OfferRefused, check_hr, lock_offer


def extract_max_age_text(function):
    """How old the extract may be at most, in words ("3 maanden"); "" while HR set no age for the function."""
    months = function.criminal_record_max_age_months
    if months is None:
        return ""
    return ngettext("%(count)d maand", "%(count)d maanden", months) % {"count": months}


def extract_age_clause(function, *, language):
    """", niet ouder dan 3 maanden" in `language`, for the mail after an acceptance; "" while HR set no age."""
    with translation.override(language):
        age = extract_max_age_text(function)
        return gettext(", niet ouder dan %(age)s") % {"age": age} if age else ""


def oldest_valid_issue_date(function, *, today=None):
    """The earliest date of issue still accepted today; None while HR set no age (any date in the past will do)."""
    months = function.criminal_record_max_age_months
    return None if months is None else add_months(today or timezone.localdate(), -months)


def issue_date_error(issued_on, *, function, today=None):
    """Why this date of issue cannot be accepted; None when it is fine."""
    today = today or timezone.localdate()
    if issued_on is None:
        return gettext("Geef de datum van afgifte van het uittreksel.")
    if issued_on > today:
        return gettext("De datum van afgifte ligt in de toekomst. Kijk de datum na.")
    oldest = oldest_valid_issue_date(function, today=today)
    if oldest is not None and issued_on < oldest:
        return gettext("Het uittreksel is ouder dan %(age)s (afgegeven op %(day)s). Vraag de kandidaat een recent "
                       "uittreksel.") % {"age": extract_max_age_text(function), "day": date_format(issued_on, "d/m/Y")}
    return None


def record_criminal_record_check(offer, *, by, extract_model, issued_on, result, reason=""):
    """Record that HR saw the extract. Not blank: the offer is withdrawn with `reason` (a default names the
    extract). Returns the CriminalRecordCheck."""
    check_hr(by)
    if extract_model not in ExtractModel.values:
        raise OfferRefused(gettext("Kies het model van het uittreksel."), field="extract_model")
    if result not in CriminalRecordCheck.Result.values:
        raise OfferRefused(gettext("Kies het resultaat: blanco of niet blanco."), field="result")
    error = issue_date_error(issued_on, function=offer.proposal.vacancy.function)
    if error:
        raise OfferRefused(error, field="issued_on")
    with transaction.atomic():
        locked = lock_offer(offer)
        if CriminalRecordCheck.objects.filter(offer=locked).exists():
            raise OfferRefused(gettext("Het uittreksel uit het strafregister werd voor dit aanbod al geregistreerd."))
        if locked.status not in (Offer.Status.SENT, Offer.Status.ACCEPTED):
            raise OfferRefused(gettext("Het uittreksel wordt nagekeken voor een verstuurd of aanvaard aanbod (status "
                                       "nu: %(status)s).") % {"status": locked.get_status_display()})
        if extract_model != locked.extract_model:
            raise OfferRefused(gettext("Voor deze job is een uittreksel %(model)s vereist; een ander model volstaat "
                                       "niet.") % {"model": locked.get_extract_model_display()}, field="extract_model")
        try:
            with transaction.atomic():
                check = CriminalRecordCheck.objects.create(offer=locked, extract_model=extract_model,
                                                           issued_on=issued_on, result=result, checked_by=by)
        except IntegrityError:
            raise OfferRefused(gettext(
                "Een collega registreerde het uittreksel net; open het aanbod opnieuw.")) from None
        if result == CriminalRecordCheck.Result.NOT_BLANK:
            _withdraw(locked, by=by, reason=(reason or "").strip() or _not_blank(locked))
    return check


def _not_blank(offer):
    """The withdrawal's reason when HR gave none: lazy, so the candidate reads it in their language."""
    return lazy(lambda: gettext("Het uittreksel uit het strafregister (%(model)s) is niet blanco.")
                % {"model": offer.get_extract_model_display()}, str)()


def _withdraw(offer, *, by, reason):
    offer.status, offer.withdrawal_reason, offer.closed_at = Offer.Status.WITHDRAWN, as_recorded(reason), timezone.now()
    offer.save(update_fields=["status", "withdrawal_reason", "closed_at"])
    try:
        change_stage(offer.proposal.application, to=Stage.OFFER_WITHDRAWN, by=by, reason=reason,
                     expected_stage=Stage.OFFER)
    except TransitionRefused as refusal:
        raise OfferRefused(str(refusal)) from None
