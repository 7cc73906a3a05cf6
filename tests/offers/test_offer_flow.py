"""The offer step in the domain: prepare → approve (four eyes) → send → accept / decline / expire → hire."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from candidates.models import PoolEntry, Transition
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from interviews.jury.outcomes import propose_for_offer
from interviews.models import VacancyProposal
from offers import tasks
from offers.answers import accept_offer, decline_offer, expire_offers
from offers.criminal_record import record_criminal_record_check
from offers.hiring import confirm_hire, propose_next_passer, replacement_options
from offers.models import CriminalRecordCheck, ExtractModel, Offer
from offers.offering import (
    OfferRefused,
    approve_offer,
    recognised_seniority,
    reopen_offer,
    send_offer,
    simulate_offer,
    update_offer,
)
from pay.models import IndexCoefficient
from procedures.models import Vacancy
from tests.factories import UserFactory, hr_user
from tests.offers.helpers import MONTHLY_FULL_TIME, draft_offer, offer_ended, sent_offer, terms

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def blank_extract(offer, *, by):
    return record_criminal_record_check(offer, by=by, extract_model=offer.extract_model,
                                        issued_on=TODAY() - timedelta(days=10), result=CriminalRecordCheck.Result.BLANK)


def test_an_offer_from_draft_to_hire(jury, staff):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    assert offer.status == Offer.Status.DRAFT and offer.created_by == maker == offer.prepared_by

    # Four eyes: the maker cannot approve; nothing leaves without approval.
    with pytest.raises(OfferRefused, match="Vier-ogenprincipe"):
        approve_offer(offer, by=maker)
    with pytest.raises(OfferRefused, match="tweede medewerker"):
        send_offer(offer, by=maker, respond_by=TODAY() + timedelta(days=7))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT and offer.approved_by is None
    assert not Mail.objects.filter(event="offer_sent").exists()

    approve_offer(offer, by=checker)
    offer.refresh_from_db()
    assert (offer.status, offer.approved_by) == (Offer.Status.APPROVED, checker)
    assert offer.approved_monthly_gross == MONTHLY_FULL_TIME

    respond_by = TODAY() + timedelta(days=7)
    send_offer(offer, by=maker, respond_by=respond_by)
    offer.refresh_from_db()
    assert (offer.status, offer.respond_by, offer.sent_by) == (Offer.Status.SENT, respond_by, maker)
    mail = Mail.objects.for_object(jury.best).get(event="offer_sent")
    assert mail.state == Mail.State.QUEUED  # the second approval is the release: not held
    assert mail.to == jury.best.candidate.email
    assert respond_by.strftime("%d/%m/%Y") in mail.body_text
    assert "Wijkteam Lange Munte" in mail.body_text
    assert f"/mijn-kandidaturen/{jury.best.public_id}/jobaanbod/{offer.uid}/" in mail.body_text

    accept_offer(offer, by=jury.best.candidate.user)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED and offer.answered_at is not None
    jury.best.refresh_from_db()
    assert jury.best.stage == Stage.OFFER  # hired only after the extract
    accepted = Mail.objects.for_object(jury.best).get(event="offer_accepted")
    assert "model 2" in accepted.body_text and "ouder dan" not in accepted.body_text  # HR set no age: none named
    assert set(Mail.objects.filter(event="offer_answered_hr").values_list("to", flat=True)) == {
        maker.email, checker.email}

    with pytest.raises(OfferRefused, match="uittreksel"):
        confirm_hire(offer, by=maker)
    blank_extract(offer, by=maker)
    before = {a.pk: (a.stage, list(a.pool_entries.values_list("pk", "expires_on", "ended_at")))
              for a in (jury.second, jury.failed, jury.waiting)}
    confirm_hire(offer, by=checker)

    offer.refresh_from_db()
    jury.best.refresh_from_db()
    jury.vacancy.refresh_from_db()
    assert offer.status == Offer.Status.HIRED and offer.hired_by == checker
    assert jury.best.stage == Stage.HIRED
    assert jury.vacancy.status == Vacancy.Status.FILLED
    hired = Transition.objects.filter(application=jury.best).latest("created_at")
    assert (hired.from_stage, hired.to_stage, hired.actor) == (Stage.OFFER, Stage.HIRED, checker)
    assert "blanco uittreksel" in hired.reason
    assert Mail.objects.for_object(jury.best).get(event="hired").to == jury.best.candidate.email

    # The others of the round keep what the jury gave them: reserve, closed, waitlist, with their places.
    after = {a.pk: (a.stage, list(a.pool_entries.values_list("pk", "expires_on", "ended_at")))
             for a in (jury.second, jury.failed, jury.waiting)}
    for application in (jury.second, jury.failed, jury.waiting):
        application.refresh_from_db()
    assert after == before
    assert (jury.second.stage, jury.failed.stage, jury.waiting.stage) == (
        Stage.RESERVE, Stage.JURY_FAILED, Stage.WAITLIST)
    assert PoolEntry.objects.active().filter(application=jury.second, kind=PoolEntry.Kind.RESERVE).exists()
    assert PoolEntry.objects.active().filter(application=jury.waiting, kind=PoolEntry.Kind.WAITLIST).exists()

    with pytest.raises(OfferRefused, match="al bevestigd"):
        confirm_hire(offer, by=checker)


def test_the_last_editor_cannot_approve_either(jury, staff):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    update_offer(offer, by=checker, **{**terms(), "team": jury.vacancy.team, "schedule": "Vier dagen per week."})
    for user in (maker, checker):
        with pytest.raises(OfferRefused, match="Vier-ogenprincipe"):
            approve_offer(offer, by=user)
    third = hr_user(username="hr-third")
    approve_offer(offer, by=third)
    offer.refresh_from_db()
    assert offer.approved_by == third and offer.schedule == "Vier dagen per week."


def test_the_database_backs_the_four_eyes_rule_and_the_approval(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=offer.pk).update(approved_by=maker)
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.SENT, sent_at=timezone.now(),
                                                 respond_by=TODAY() + timedelta(days=3))


def test_only_hr_makes_and_approves_offers(jury, staff):
    maker, _checker = staff
    outsider = UserFactory(is_staff=True)
    with pytest.raises(OfferRefused, match="selectieteam"):
        draft_offer(jury.proposal, by=outsider)
    offer = draft_offer(jury.proposal, by=maker)
    with pytest.raises(OfferRefused, match="selectieteam"):
        approve_offer(offer, by=jury.best.candidate.user)


def test_recognised_seniority_follows_the_functions_cap(jury, staff, procedure):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)  # 3 public + 25 private years
    seniority = recognised_seniority(offer)
    assert (seniority.months, seniority.private_capped) == ((3 + 18) * 12, True)
    assert simulate_offer(offer).monthly_gross.amount == MONTHLY_FULL_TIME  # step 18, not step 24 (€ 2,940.00)

    procedure.function.private_seniority_cap_years = 10
    procedure.function.save()
    offer = Offer.objects.get(pk=offer.pk)
    assert recognised_seniority(offer).years == 13
    assert simulate_offer(offer).monthly_gross.amount == Decimal("2205.00")  # 12,600 × 2.1 / 12: step 2


def test_part_time_offer(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker, regime=Decimal("0.8"))
    assert simulate_offer(offer).monthly_gross.amount == Decimal("2100.00")
    assert offer.hours_per_week == Decimal("30.4")


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"regime": Decimal("0")}, "regime", "werkregime"),
    ({"regime": Decimal("1.5")}, "regime", "werkregime"),
    ({"public_years": 51}, "public_years", "50 jaar"),
    ({"private_months": 12}, "private_months", "11 maanden"),
    ({"public_years": 30, "private_years": 25}, None, "meer dan 50 jaar"),
    ({"start_date": timezone.localdate()}, "start_date", "toekomst"),
    ({"schedule": "   "}, "schedule", "uurrooster"),
    ({"extract_model": ""}, "extract_model", "strafregister"),
])
def test_bad_terms_are_refused_and_nothing_is_saved(jury, staff, overrides, field, message):
    maker, _checker = staff
    with pytest.raises(OfferRefused, match=message) as refused:
        draft_offer(jury.proposal, by=maker, **overrides)
    assert refused.value.field == field
    assert not Offer.objects.exists()


def test_an_offer_needs_a_candidate_in_stage_offer_and_an_open_vacancy(jury, staff):
    maker, _checker = staff
    proposal = VacancyProposal.objects.create(vacancy=jury.vacancy, application=jury.second,
                                              source=VacancyProposal.Source.MATCH)
    with pytest.raises(OfferRefused, match="wervingsreserve"):
        draft_offer(proposal, by=maker)
    Vacancy.objects.filter(pk=jury.vacancy.pk).update(status=Vacancy.Status.CANCELLED)
    with pytest.raises(OfferRefused, match="niet meer open"):
        draft_offer(jury.proposal, by=maker)


def test_one_offer_per_proposal(jury, staff):
    maker, _checker = staff
    draft_offer(jury.proposal, by=maker)
    with pytest.raises(OfferRefused, match="bestaat al"):
        draft_offer(jury.proposal, by=maker)
    assert Offer.objects.count() == 1


@pytest.mark.parametrize(("days", "message"), [(0, "minstens tot morgen"), (-3, "minstens tot morgen"),
                                               (60, "vóór de startdatum")])
def test_the_answer_deadline_must_make_sense(jury, staff, days, message):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    approve_offer(offer, by=checker)
    with pytest.raises(OfferRefused, match=message):
        send_offer(offer, by=maker, respond_by=TODAY() + timedelta(days=days))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.APPROVED


def test_a_pay_change_after_approval_needs_a_new_approval(jury, staff):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    approve_offer(offer, by=checker)
    IndexCoefficient.objects.create(valid_from=TODAY(), coefficient=Decimal("2.2000"))
    with pytest.raises(OfferRefused, match="opnieuw goedkeuren"):
        send_offer(offer, by=maker, respond_by=TODAY() + timedelta(days=7))
    reopen_offer(offer, by=maker)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT and offer.approved_by is None
    with pytest.raises(OfferRefused, match="Vier-ogenprincipe"):
        approve_offer(offer, by=maker)  # reopening made the maker the last editor again
    approve_offer(offer, by=checker)
    send_offer(offer, by=maker, respond_by=TODAY() + timedelta(days=7))
    offer.refresh_from_db()
    assert offer.approved_monthly_gross == Decimal("2750.00")  # 15,000 × 2.2 / 12


def test_declined_back_to_the_reserve_and_the_next_passer_is_offered(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    decline_offer(offer, by=jury.best.candidate.user)

    transition = offer_ended(offer, jury.best, status=Offer.Status.DECLINED, stage=Stage.RESERVE)
    assert (transition.from_stage, transition.to_stage, transition.actor) == (
        Stage.OFFER, Stage.RESERVE, jury.best.candidate.user)
    entry = PoolEntry.objects.active().get(application=jury.best, kind=PoolEntry.Kind.RESERVE)
    # The jury's reserve mail ("another candidate got the job") is replaced by the offer step's own.
    assert Mail.objects.for_object(jury.best).get(event="reserve").state == Mail.State.CANCELLED
    declined = Mail.objects.for_object(jury.best).get(event="offer_declined")
    assert declined.state == Mail.State.QUEUED and entry.last_valid_day.strftime("%d/%m/%Y") in declined.body_text
    to_hr = Mail.objects.filter(event="offer_answered_hr")
    assert to_hr.count() == 2 and all("Bert Bauwens" in m.body_text for m in to_hr)

    options = replacement_options(jury.vacancy)
    assert options.next_passer.application == jury.second
    assert jury.best.pk not in {row.application.pk for row in options.reserve}

    proposal = propose_next_passer(offer, by=maker)
    jury.second.refresh_from_db()
    assert proposal.application == jury.second and jury.second.stage == Stage.OFFER
    next_offer = draft_offer(proposal, by=maker)
    assert next_offer.status == Offer.Status.DRAFT
    assert replacement_options(jury.vacancy).next_passer is None


def test_declined_and_done_withdraws_the_application(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    decline_offer(offer, by=jury.best.candidate.user, withdraw=True)
    jury.best.refresh_from_db()
    assert jury.best.stage == Stage.WITHDRAWN
    assert not PoolEntry.objects.active().filter(application=jury.best).exists()
    assert Mail.objects.for_object(jury.best).filter(event="withdrawn").exists()


def test_a_reserve_candidate_who_declines_keeps_their_place(procedure, jury, staff):
    maker, checker = staff
    reserve = PoolEntry.objects.active().get(application=jury.second, kind=PoolEntry.Kind.RESERVE)
    other = Vacancy.objects.create(function=procedure.function, team=jury.vacancy.team, workplace="Stadhuis",
                                   start_date=TODAY() + timedelta(days=90))
    proposal = propose_for_offer(other, jury.second, source=VacancyProposal.Source.MATCH,
                                 expected_stage=Stage.RESERVE, reason="Match.")
    offer = sent_offer(proposal, maker=maker, checker=checker, start_date=TODAY() + timedelta(days=90))
    decline_offer(offer, by=jury.second.candidate.user)
    jury.second.refresh_from_db()
    assert jury.second.stage == Stage.RESERVE
    still = PoolEntry.objects.active().get(application=jury.second, kind=PoolEntry.Kind.RESERVE)
    assert (still.pk, still.expires_on) == (reserve.pk, reserve.expires_on)


def test_accept_twice_or_after_declining_is_refused(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    user = jury.best.candidate.user
    accept_offer(offer, by=user)
    with pytest.raises(OfferRefused, match="al aanvaard"):
        accept_offer(offer, by=user)
    with pytest.raises(OfferRefused, match="al aanvaard"):
        decline_offer(offer, by=user)
    assert Mail.objects.filter(event="offer_accepted").count() == 1
    jury.best.refresh_from_db()
    assert jury.best.stage == Stage.OFFER


def test_only_the_candidate_answers(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    for user in (jury.second.candidate.user, maker):
        with pytest.raises(OfferRefused, match="kandidaat zelf"):
            accept_offer(offer, by=user)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT


def test_expiry_with_the_clock_moved(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker, respond_days=3)
    last_day = offer.respond_by
    noon = timezone.make_aware(timezone.datetime.combine(last_day, timezone.datetime.min.time())) + timedelta(hours=12)

    with time_machine.travel(noon, tick=False):
        assert expire_offers() == (0, 0)  # the last day itself still counts
        assert Offer.objects.get(pk=offer.pk).is_answerable()

    with time_machine.travel(noon + timedelta(days=1), tick=False):
        with pytest.raises(OfferRefused, match=f"liep af op {last_day:%d/%m/%Y}"):
            accept_offer(offer, by=jury.best.candidate.user)
        assert tasks.expire_offers() == {"expired": 1, "lapsed": 0}
        assert expire_offers() == (0, 0)  # idempotent
        with pytest.raises(OfferRefused, match="niet meer antwoorden"):
            accept_offer(offer, by=jury.best.candidate.user)

    transition = offer_ended(offer, jury.best, status=Offer.Status.EXPIRED, stage=Stage.RESERVE)
    assert transition.actor is None and "verlopen" in transition.reason
    expired = Mail.objects.for_object(jury.best).get(event="offer_expired")
    assert last_day.strftime("%d/%m/%Y") in expired.body_text
    assert any("Bert Bauwens" in m.body_text for m in Mail.objects.filter(event="offer_answered_hr"))


def test_an_offer_whose_candidate_withdrew_lapses(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    change_stage(jury.best, to=Stage.WITHDRAWN, by=jury.best.candidate.user, reason="Ik stop.")
    with pytest.raises(OfferRefused, match="niet meer antwoorden"):
        accept_offer(offer, by=jury.best.candidate.user)
    assert expire_offers() == (0, 1)
    assert expire_offers() == (0, 0)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.CANCELLED


def test_the_criminal_record_model_defaults_to_what_hr_chose(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker, extract_model=ExtractModel.MODEL_595)
    assert offer.get_extract_model_display().startswith("model 1")


def test_the_expiry_job_is_scheduled_hourly_and_known_to_the_worker(settings):
    from kortrijk_ats.celery import app

    app.loader.import_default_modules()
    entry = settings.CELERY_BEAT_SCHEDULE["expire-offers"]
    assert entry["task"] == "offers.tasks.expire_offers" and entry["task"] in app.tasks
    assert entry["schedule"] == timedelta(hours=1)
