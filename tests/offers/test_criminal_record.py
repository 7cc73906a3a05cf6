"""The criminal-record extract: model, date of issue (not in the future; not older than HR's setting on the function,
if HR set one: the bundle names no age), result, who checked; the document itself is never stored; not blank
withdraws the offer through change_stage with a reason and a mail."""

from datetime import timedelta

import pytest
import time_machine
from django import forms
from django.apps import apps
from django.db import models
from django.utils import timezone, translation

from candidates.models import Candidate, Transition
from candidates.stages import Stage
from communications.models import Mail
from kortrijk_ats.dates import add_months
from offers.answers import accept_offer
from offers.criminal_record import issue_date_error, oldest_valid_issue_date, record_criminal_record_check
from offers.forms import CriminalRecordForm
from offers.hiring import confirm_hire
from offers.models import CriminalRecordCheck, ExtractModel, Offer
from offers.offering import OfferRefused
from tests.offers.helpers import draft_offer, offer_ended, sent_offer

pytestmark = pytest.mark.django_db

BLANK, NOT_BLANK = CriminalRecordCheck.Result.BLANK, CriminalRecordCheck.Result.NOT_BLANK


@pytest.fixture
def three_months(procedure):
    """HR's setting on the function: an extract at most 3 months old."""
    procedure.function.criminal_record_max_age_months = 3
    procedure.function.save(update_fields=["criminal_record_max_age_months"])
    return procedure.function


@pytest.fixture
def offer(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    accept_offer(offer, by=jury.best.candidate.user)
    return Offer.objects.get(pk=offer.pk)


def record(offer, by, **overrides):
    values = {"extract_model": offer.extract_model, "issued_on": timezone.localdate() - timedelta(days=5),
              "result": BLANK, **overrides}
    return record_criminal_record_check(offer, by=by, **values)


def test_a_blank_extract_is_recorded_with_who_and_when(offer, staff):
    maker, _checker = staff
    check = record(offer, maker)
    check.refresh_from_db()
    assert (check.offer, check.extract_model, check.result, check.checked_by) == (
        offer, ExtractModel.MODEL_596_2, BLANK, maker)
    assert check.issued_on == timezone.localdate() - timedelta(days=5)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED


def test_no_document_is_ever_stored():
    for model in apps.get_app_config("offers").get_models():
        assert not [f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)], model
    form_fields = CriminalRecordForm.base_fields.values()
    assert not [f for f in form_fields if isinstance(f, forms.FileField)]
    assert not any(f.widget.needs_multipart_form for f in form_fields)


def test_not_blank_withdraws_the_offer_with_a_reason_and_a_mail(offer, jury, staff):
    maker, _checker = staff
    record(offer, maker, result=NOT_BLANK, reason="Het uittreksel vermeldt een veroordeling die onverenigbaar is "
                                                  "met de functie.")
    transition = offer_ended(offer, jury.best, status=Offer.Status.WITHDRAWN, stage=Stage.OFFER_WITHDRAWN)
    assert "onverenigbaar" in offer.withdrawal_reason
    assert (transition.from_stage, transition.to_stage, transition.actor) == (
        Stage.OFFER, Stage.OFFER_WITHDRAWN, maker)
    assert "onverenigbaar" in transition.reason
    mail = Mail.objects.for_object(jury.best).get(event="offer_withdrawn")
    assert mail.to == jury.best.candidate.email and "onverenigbaar" in mail.body_text
    assert mail.state == Mail.State.DRAFT  # an outcome mail: HR releases it
    with pytest.raises(OfferRefused):
        confirm_hire(offer, by=maker)
    jury.vacancy.refresh_from_db()
    assert jury.vacancy.status == "open"


def test_not_blank_without_a_reason_names_the_extract(offer, jury, staff):
    maker, _checker = staff
    record(offer, maker, result=NOT_BLANK)
    transition = Transition.objects.filter(application=jury.best).latest("created_at")
    assert transition.reason == "Het uittreksel uit het strafregister (model 2 (artikel 596, tweede lid): werken met " \
                                "minderjarigen) is niet blanco."


def test_not_blank_without_a_reason_tells_an_english_candidate_in_english(offer, jury, staff):
    maker, _checker = staff
    Candidate.objects.filter(pk=jury.best.candidate_id).update(language="en")
    with translation.override("en"):  # HR's screen is in English
        record(offer, maker, result=NOT_BLANK)
    offer.refresh_from_db()
    assert offer.withdrawal_reason.startswith("Het uittreksel uit het strafregister (model 2")  # the record: Dutch
    mail = Mail.objects.for_object(jury.best).get(event="offer_withdrawn")
    assert "The extract from the criminal record (" in mail.body_text and "niet blanco" not in mail.body_text


@pytest.mark.parametrize(("issued", "message"), [
    (lambda today: today + timedelta(days=1), "in de toekomst"),
    (lambda today: add_months(today, -3) - timedelta(days=1), "ouder dan 3 maanden"),
    (lambda today: None, "datum van afgifte"),
])
def test_the_date_of_issue_is_checked(offer, staff, three_months, issued, message):
    maker, _checker = staff
    with pytest.raises(OfferRefused, match=message) as refused:
        record(offer, maker, issued_on=issued(timezone.localdate()))
    assert refused.value.field == "issued_on"
    assert not CriminalRecordCheck.objects.exists()


def test_the_oldest_accepted_date_is_exactly_the_max_age(offer, staff, three_months):
    maker, _checker = staff
    today = timezone.localdate()
    assert oldest_valid_issue_date(three_months, today=today) == add_months(today, -3)
    record(offer, maker, issued_on=add_months(today, -3))
    assert CriminalRecordCheck.objects.get().is_blank


def test_the_max_age_is_hrs_setting_on_the_function(three_months):
    today = timezone.datetime(2026, 6, 15).date()
    five_months_old = timezone.datetime(2026, 1, 20).date()
    assert "ouder dan 3 maanden" in issue_date_error(five_months_old, function=three_months, today=today)
    three_months.criminal_record_max_age_months = 6
    assert issue_date_error(five_months_old, function=three_months, today=today) is None
    assert "ouder dan 6 maanden" in issue_date_error(timezone.datetime(2025, 12, 14).date(), function=three_months,
                                                     today=today)


def test_without_hrs_setting_any_past_date_of_issue_is_accepted(offer, staff, procedure):
    maker, _checker = staff
    assert procedure.function.criminal_record_max_age_months is None  # the bundle names no age
    assert oldest_valid_issue_date(procedure.function) is None
    record(offer, maker, issued_on=timezone.localdate() - timedelta(days=800))
    assert CriminalRecordCheck.objects.get().is_blank


def test_the_date_rule_moves_with_the_clock(offer, staff, three_months):
    maker, _checker = staff
    issued = timezone.localdate() - timedelta(days=5)
    with time_machine.travel(timezone.now() + timedelta(days=120), tick=False), \
            pytest.raises(OfferRefused, match="ouder dan"):
        record(offer, maker, issued_on=issued)


def test_the_wrong_model_is_refused(offer, staff):
    maker, _checker = staff
    with pytest.raises(OfferRefused, match="model 2") as refused:
        record(offer, maker, extract_model=ExtractModel.MODEL_595)
    assert refused.value.field == "extract_model"
    assert not CriminalRecordCheck.objects.exists()


def test_once_per_offer_and_only_for_a_sent_or_accepted_offer(offer, jury, staff):
    maker, checker = staff
    record(offer, maker)
    with pytest.raises(OfferRefused, match="al geregistreerd"):
        record(offer, checker)
    assert CriminalRecordCheck.objects.count() == 1


def test_not_for_a_draft(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    with pytest.raises(OfferRefused, match="verstuurd of aanvaard"):
        record(offer, maker)


def test_hr_only(offer, jury):
    with pytest.raises(OfferRefused, match="selectieteam"):
        record(offer, jury.best.candidate.user)


def test_the_hire_needs_acceptance_and_a_blank_extract(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    record(offer, maker)  # a candidate may bring the extract before answering
    with pytest.raises(OfferRefused, match="aanvaard aanbod"):
        confirm_hire(offer, by=maker)
    accept_offer(offer, by=jury.best.candidate.user)
    confirm_hire(offer, by=maker)
    jury.best.refresh_from_db()
    assert jury.best.stage == Stage.HIRED
