"""Answers at the same instant, on real PostgreSQL connections: ten accepts give one acceptance; an accept and a
decline give one answer; two HR users approving at once give one approval."""

import pytest

from candidates.models import Transition
from candidates.stages import Stage
from communications.models import Mail
from offers.answers import accept_offer, decline_offer
from offers.models import Offer
from offers.offering import OfferRefused, approve_offer
from tests.factories import hr_user
from tests.offers.helpers import draft_offer, sent_offer
from tests.threads import backend_pid, run_together

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_concurrent_accepts_give_one_acceptance(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    user = jury.best.candidate.user
    handles = run_together(*[lambda: accept_offer(Offer.objects.get(pk=offer.pk), by=user)] * 10)

    succeeded = [h for h in handles if h.error is None]
    refused = [h for h in handles if h.error is not None]
    assert len(succeeded) == 1
    assert len(refused) == 9 and all(isinstance(h.error, OfferRefused) for h in refused), [h.error for h in refused]
    assert all("al aanvaard" in h.error.message for h in refused)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED
    assert Mail.objects.filter(event="offer_accepted").count() == 1
    assert Mail.objects.filter(event="offer_answered_hr").count() == 2  # one each to maker and approver


def test_an_accept_and_a_decline_at_once_give_one_answer(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    user = jury.best.candidate.user
    handles = run_together(lambda: accept_offer(Offer.objects.get(pk=offer.pk), by=user),
                           lambda: decline_offer(Offer.objects.get(pk=offer.pk), by=user))
    errors = [h.error for h in handles if h.error is not None]
    assert len(errors) == 1 and isinstance(errors[0], OfferRefused), errors
    offer.refresh_from_db()
    jury.best.refresh_from_db()
    if offer.status == Offer.Status.ACCEPTED:
        assert jury.best.stage == Stage.OFFER
        assert not Transition.objects.filter(application=jury.best, from_stage=Stage.OFFER).exists()
    else:
        assert offer.status == Offer.Status.DECLINED
        assert jury.best.stage == Stage.RESERVE
        assert Transition.objects.filter(application=jury.best, from_stage=Stage.OFFER).count() == 1


def test_two_hr_users_approving_at_once_give_one_approval(jury, staff):
    maker, checker = staff
    third = hr_user(username="hr-third")
    offer = draft_offer(jury.proposal, by=maker)
    handles = run_together(lambda: approve_offer(offer, by=checker), lambda: approve_offer(offer, by=third))
    errors = [h.error for h in handles if h.error is not None]
    assert len(errors) == 1 and "niet meer in voorbereiding" in errors[0].message
    offer.refresh_from_db()
    assert offer.status == Offer.Status.APPROVED and offer.approved_by in (checker, third)


def test_the_threads_really_used_their_own_connections(jury, staff):
    # A guard for the tests above: a thread's connection is not the test's.
    mine = backend_pid()
    (handle,) = run_together(backend_pid)
    assert handle.result != mine
