"""A declined or expired offer sends a jury passer back to the reserve, which needs the reserve's validity (HR's to
enter). While it is empty the answer is refused and nothing changes: the candidate is told so in Dutch, the periodic
expiry tries again on its next run, and HR sees the waiting offers in the "nog in te vullen" box. Never a guessed
validity, never a 500."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from candidates.models import PoolEntry
from candidates.stages import Stage
from communications.models import Mail
from offers.answers import decline_offer, expire_offers
from offers.models import Offer
from offers.offering import OfferRefused
from procedures.settings_check import missing_settings
from tests.auth import login_staff
from tests.offers.helpers import sent_offer

pytestmark = pytest.mark.django_db


def empty_reserve_validity(function):
    function.reserve_months = None
    function.save(update_fields=["reserve_months"])


def test_a_decline_waits_for_the_reserve_validity(procedure, jury, staff, client):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    empty_reserve_validity(procedure.function)
    mails_before = Mail.objects.count()

    with pytest.raises(OfferRefused, match=r"We konden je weigering nu niet verwerken; er is niets gewijzigd\."):
        decline_offer(offer, by=jury.best.candidate.user)

    offer.refresh_from_db()
    jury.best.refresh_from_db()
    assert offer.status == Offer.Status.SENT and jury.best.stage == Stage.OFFER
    assert not PoolEntry.objects.filter(application=jury.best, kind=PoolEntry.Kind.RESERVE).exists()
    assert Mail.objects.count() == mails_before

    client.force_login(jury.best.candidate.user)
    page = client.post(f"/mijn-kandidaturen/{jury.best.public_id}/jobaanbod/{offer.uid}/weigeren/",
                       {"afterwards": "reserve"}, follow=True)
    assert page.status_code == 200 and "We konden je weigering nu niet verwerken" in page.content.decode()


def test_expiry_leaves_the_offer_for_the_next_run_until_the_validity_is_entered(procedure, jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker, respond_days=3)
    empty_reserve_validity(procedure.function)
    after = timezone.make_aware(timezone.datetime.combine(offer.respond_by + timedelta(days=1),
                                                          timezone.datetime.min.time())) + timedelta(hours=12)
    with time_machine.travel(after, tick=False):
        assert expire_offers() == (0, 0)
        offer.refresh_from_db()
        assert offer.status == Offer.Status.SENT

        procedure.function.reserve_months = 24
        procedure.function.save(update_fields=["reserve_months"])
        assert expire_offers() == (1, 0)
    offer.refresh_from_db()
    jury.best.refresh_from_db()
    assert offer.status == Offer.Status.EXPIRED and jury.best.stage == Stage.RESERVE


def test_hr_sees_the_offers_that_wait_for_the_reserve_validity(procedure, jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker, respond_days=3)
    procedure.status = "open"
    procedure.save(update_fields=["status"])
    empty_reserve_validity(procedure.function)
    reserve, waiting = (item for item in missing_settings(procedure) if "wervingsreserve" in item.what)
    assert "wanneer een kandidaat een jobaanbod weigert of het laat verlopen" in reserve.used_for
    assert waiting.what == (f"Geldigheid van de wervingsreserve van de functie ‘{procedure.function.name}’: 1 "
                            "verstuurd jobaanbod wacht erop")
    assert waiting.url == reverse("admin:procedures_function_change", args=[procedure.function.pk])

    after = timezone.make_aware(timezone.datetime.combine(offer.respond_by + timedelta(days=1),
                                                          timezone.datetime.min.time())) + timedelta(hours=12)
    with time_machine.travel(after, tick=False):
        assert expire_offers() == (0, 0)
        assert waiting_items(procedure) == [
            f"Geldigheid van de wervingsreserve van de functie ‘{procedure.function.name}’: 1 verstuurd jobaanbod "
            "wacht erop (1 al over de antwoordtermijn)"]
        login_staff(client := Client(), maker)
        index = " ".join(client.get(reverse("admin:index")).content.decode().split())
        assert "1 verstuurd jobaanbod wacht erop (1 al over de antwoordtermijn)" in index

        procedure.function.reserve_months = 24
        procedure.function.save(update_fields=["reserve_months"])
        assert waiting_items(procedure) == []


def waiting_items(procedure):
    return [item.what for item in missing_settings(procedure) if "wacht" in item.what]
