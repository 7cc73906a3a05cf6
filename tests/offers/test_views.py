"""The offer through the back office and the portal: HR prepares, a second HR user approves (the maker is refused),
HR sends; the candidate reads the offer and its simulation, downloads the PDF letter, accepts; HR records the
extract and confirms the hire. Access: another candidate, HR's drafts and anonymous visitors see nothing."""

import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from candidates.stages import Stage
from communications.models import Mail
from offers.answers import accept_offer
from offers.models import CriminalRecordCheck, Offer
from offers.offering import approve_offer
from procedures.models import Vacancy
from tests.auth import login_staff
from tests.factories import ApplicationFactory, UserFactory, staff_user
from tests.offers.helpers import draft_offer, sent_offer, terms

pytestmark = pytest.mark.django_db


def client_for(user):
    """A client logged in as `user`; staff with a verified second factor."""
    client = Client()
    login_staff(client, user)
    return client


def offer_url(name, offer, application):
    return reverse(f"offers:{name}", args=[application.public_id, offer.uid])


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def flat(text):
    return " ".join(text.split())


def form_data(jury, **overrides):
    values = terms(**overrides)
    data = {name: value for name, value in values.items()}
    data["start_date"] = values["start_date"].isoformat()
    data["team"] = jury.vacancy.team.pk
    return data


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_whole_offer_through_the_back_office_and_the_portal(jury, staff):
    maker, checker = staff
    hr_maker, hr_checker = client_for(maker), client_for(checker)

    # The list shows who waits for an offer; the add form starts from the vacancy and the declared experience.
    listing = hr_maker.get(reverse("admin:offers_offer_changelist"))
    assert f"?proposal={jury.proposal.pk}" in listing.content.decode()
    add_url = reverse("admin:offers_offer_add")
    page = hr_maker.get(add_url, {"proposal": jury.proposal.pk})
    assert page.context["adminform"].form.initial["workplace"] == "Wijkcentrum Lange Munte"
    assert 'type="file"' not in page.content.decode()

    response = hr_maker.post(add_url, {"proposal": jury.proposal.pk, **form_data(jury)})
    assert response.status_code == 302, response.context["adminform"].form.errors
    offer = Offer.objects.get()
    assert (offer.status, offer.created_by) == (Offer.Status.DRAFT, maker)

    change = reverse("admin:offers_offer_change", args=[offer.pk])
    panel = hr_maker.get(change).content.decode()
    assert "2.625,00" in panel and "Goedkeuren (tweede medewerker)" in panel

    # The maker is refused; the second HR user approves.
    response = hr_maker.post(reverse("admin:offers_offer_approve", args=[offer.pk]), follow=True)
    assert any("Vier-ogenprincipe" in m for m in messages_of(response))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    response = hr_checker.post(reverse("admin:offers_offer_approve", args=[offer.pk]), follow=True)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.APPROVED and offer.approved_by == checker

    # Send with a deadline; the candidate gets the mail at once.
    send_url = reverse("admin:offers_offer_send", args=[offer.pk])
    send_page = hr_maker.get(send_url).content.decode()
    assert 'name="respond_by"' in send_page and 'value="Versturen"' in send_page  # the step's form, not only its frame
    respond_by = timezone.localdate() + timedelta(days=10)
    response = hr_maker.post(send_url, {"respond_by": respond_by.isoformat()})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT and offer.respond_by == respond_by
    assert Mail.objects.get(event="offer_sent").state == Mail.State.QUEUED

    # The candidate: the application page links to the offer; the offer shows the job and the salary.
    candidate = client_for(jury.best.candidate.user)
    application_page = candidate.get(reverse("candidates:detail", args=[jury.best.public_id])).content.decode()
    assert offer_url("detail", offer, jury.best) in application_page
    assert respond_by.strftime("%d/%m/%Y") in application_page
    detail = candidate.get(offer_url("detail", offer, jury.best))
    body = detail.content.decode()
    assert "€ 2.625,00" in body and "Wijkcentrum Lange Munte" in body and "Huisbezoeken en zitdagen" in body
    assert respond_by.strftime("%d/%m/%Y") in body
    assert "21 jaar" in body  # recognised: 3 public + 18 of the 25 private years
    assert detail["Cache-Control"].startswith("max-age=0") or "no-store" in detail["Cache-Control"]

    simulation = candidate.get(offer_url("simulation", offer, jury.best)).content.decode()
    assert "<svg" in simulation and "€ 31.500,00" in simulation  # 12 × 2,625.00
    assert "Vakantiegeld in je eerste jaar" in simulation

    letter = candidate.get(offer_url("letter", offer, jury.best))
    assert letter["Content-Type"] == "application/pdf" and letter["Content-Disposition"].startswith("attachment")
    assert "Aerts" not in letter["Content-Disposition"]  # no name in the file name
    text = flat(pdf_text(letter.content))
    assert "Ann Aerts" in text
    assert "€ 2.625,00" in text and "€ 31.500,00" in text
    assert offer.start_date.strftime("%d/%m/%Y") in text
    assert respond_by.strftime("%d/%m/%Y") in text
    assert "model 2" in text

    # Accept: a confirmation page, then the POST.
    confirm = candidate.get(offer_url("accept", offer, jury.best))
    assert confirm.status_code == 200 and "Ja, ik aanvaard het jobaanbod" in confirm.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT  # a GET changes nothing
    response = candidate.post(offer_url("accept", offer, jury.best), follow=True)
    assert any("aanvaardde het jobaanbod" in m for m in messages_of(response))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED
    assert "uittreksel uit het strafregister" in response.content.decode()
    again = candidate.post(offer_url("accept", offer, jury.best), follow=True)
    assert any("antwoordde al" in m for m in messages_of(again))
    assert Mail.objects.filter(event="offer_accepted").count() == 1

    # HR records the extract (a form without any file field) and confirms the hire.
    record_url = reverse("admin:offers_offer_criminal_record", args=[offer.pk])
    form_page = hr_maker.get(record_url).content.decode()
    assert 'type="file"' not in form_page and "multipart" not in form_page
    issued = timezone.localdate() - timedelta(days=3)
    response = hr_maker.post(record_url, {"extract_model": "596.2", "issued_on": issued.isoformat(),
                                          "result": "blank"})
    assert response.status_code == 302
    assert CriminalRecordCheck.objects.get().checked_by == maker
    hr_checker.post(reverse("admin:offers_offer_hire", args=[offer.pk]))
    jury.best.refresh_from_db()
    jury.vacancy.refresh_from_db()
    assert jury.best.stage == Stage.HIRED and jury.vacancy.status == Vacancy.Status.FILLED
    assert "aanwerving is definitief" in candidate.get(offer_url("detail", offer, jury.best)).content.decode()


def test_bad_input_in_the_back_office_is_explained(jury, staff):
    maker, checker = staff
    hr = client_for(maker)
    add_url = reverse("admin:offers_offer_add")
    response = hr.post(add_url, {"proposal": jury.proposal.pk, **form_data(jury, regime="1,5", public_years="x")})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "regime" in errors and "public_years" in errors
    response = hr.post(add_url, {"proposal": jury.proposal.pk,
                                 **form_data(jury, start_date=timezone.localdate() - timedelta(days=1))})
    assert "toekomst" in str(response.context["adminform"].form.errors["start_date"])
    response = hr.post(add_url, {"proposal": "999999", **form_data(jury)})
    assert "proposal" in response.context["adminform"].form.errors
    assert hr.get(add_url, {"proposal": "99999999999999999999"}).status_code == 200
    assert not Offer.objects.exists()

    offer = draft_offer(jury.proposal, by=maker)
    approve_offer(offer, by=checker)
    send_url = reverse("admin:offers_offer_send", args=[offer.pk])
    for value, message in (("", "laatste dag"), ("31/02/2026", "geldige datum"),
                           (timezone.localdate().isoformat(), "minstens tot morgen")):
        response = hr.post(send_url, {"respond_by": value})
        assert response.status_code == 200 and message in str(response.context["form"].errors)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.APPROVED

    send_offer_ok = hr.post(send_url, {"respond_by": (timezone.localdate() + timedelta(days=5)).isoformat()})
    assert send_offer_ok.status_code == 302
    accept_offer(offer, by=jury.best.candidate.user)
    record_url = reverse("admin:offers_offer_criminal_record", args=[offer.pk])
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = hr.post(record_url, {"extract_model": "596.2", "issued_on": future, "result": "blank"})
    assert "toekomst" in str(response.context["form"].errors["issued_on"])
    response = hr.post(record_url, {"extract_model": "595", "issued_on": timezone.localdate().isoformat(),
                                    "result": "blank"})
    assert "model 2" in str(response.context["form"].errors["extract_model"])
    assert not CriminalRecordCheck.objects.exists()


def test_not_blank_through_the_back_office_withdraws_with_the_reason(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    accept_offer(offer, by=jury.best.candidate.user)
    response = client_for(maker).post(reverse("admin:offers_offer_criminal_record", args=[offer.pk]), {
        "extract_model": "596.2", "issued_on": timezone.localdate().isoformat(), "result": "not_blank",
        "reason": "Vermelding die onverenigbaar is met werken met kinderen."}, follow=True)
    assert any("ingetrokken" in m for m in messages_of(response))
    jury.best.refresh_from_db()
    assert jury.best.stage == Stage.OFFER_WITHDRAWN
    assert "onverenigbaar" in Mail.objects.get(event="offer_withdrawn").body_text

    # The portal does not run ahead of the held mail; once HR releases it, the candidate sees the withdrawal.
    candidate = client_for(jury.best.candidate.user)
    page = candidate.get(offer_url("detail", offer, jury.best)).content.decode()
    assert "behandelt je jobaanbod verder" in page and "ingetrokken" not in page
    Mail.objects.filter(event="offer_withdrawn").update(state=Mail.State.SENT, sent_at=timezone.now())
    assert "werd ingetrokken" in candidate.get(offer_url("detail", offer, jury.best)).content.decode()


def test_decline_through_the_portal_asks_what_happens_next(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    candidate = client_for(jury.best.candidate.user)
    url = offer_url("decline", offer, jury.best)
    response = candidate.post(url, {})
    assert response.status_code == 200 and "Kies wat er met je kandidatuur gebeurt" in response.content.decode()
    response = candidate.post(url, {"afterwards": "<script>"})
    assert response.status_code == 200 and "Kies een van de twee" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT
    response = candidate.post(url, {"afterwards": "reserve"}, follow=True)
    offer.refresh_from_db()
    jury.best.refresh_from_db()
    assert offer.status == Offer.Status.DECLINED and jury.best.stage == Stage.RESERVE
    assert "weigerde dit aanbod" in response.content.decode()
    # HR's offer page now points at the next ranked passer.
    panel = client_for(maker).get(reverse("admin:offers_offer_change", args=[offer.pk])).content.decode()
    assert "Bert Bauwens" in panel and "Deze kandidaat voordragen" in panel
    response = client_for(maker).post(reverse("admin:offers_offer_next_passer", args=[offer.pk]))
    proposal = jury.second.vacancy_proposals.get()
    assert response["Location"].endswith(f"?proposal={proposal.pk}")


def test_accept_after_the_deadline_is_refused_in_the_portal(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    Offer.objects.filter(pk=offer.pk).update(respond_by=timezone.localdate() - timedelta(days=1))
    candidate = client_for(jury.best.candidate.user)
    for name in ("accept", "decline"):
        response = candidate.post(offer_url(name, offer, jury.best), {"afterwards": "reserve"}, follow=True)
        assert any("termijn" in m for m in messages_of(response))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT  # the expiry job, not the click, closes it
    assert "liep af op" in candidate.get(offer_url("detail", offer, jury.best)).content.decode()


def test_nobody_else_sees_the_offer(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    other = ApplicationFactory(procedure=jury.best.procedure)
    intruder = client_for(other.candidate.user)
    urls = [offer_url(name, offer, jury.best) for name in ("detail", "simulation", "letter", "accept", "decline")]
    for url in urls:
        assert intruder.get(url).status_code == 404, url
        assert intruder.post(url, {"afterwards": "reserve"}).status_code == 404, url
    # Their own application's id with this offer's uid does not help either.
    for name in ("detail", "letter"):
        assert intruder.get(offer_url(name, offer, other)).status_code == 404
    # Anonymous visitors are sent to log in.
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SENT


def test_the_candidate_does_not_see_a_draft_or_an_unsent_approval(jury, staff):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    candidate = client_for(jury.best.candidate.user)
    for step in (None, lambda: approve_offer(offer, by=checker)):
        if step:
            step()
        for name in ("detail", "letter", "accept"):
            assert candidate.get(offer_url(name, offer, jury.best)).status_code == 404
        page = candidate.get(reverse("candidates:detail", args=[jury.best.public_id])).content.decode()
        assert "jobaanbod/" not in page


def test_the_back_office_is_for_hr_only(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    juror = client_for(staff_user("Jurylid", username="juror"))
    for url in (reverse("admin:offers_offer_changelist"), reverse("admin:offers_offer_change", args=[offer.pk]),
                reverse("admin:offers_offer_letter", args=[offer.pk])):
        response = juror.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    response = juror.post(reverse("admin:offers_offer_approve", args=[offer.pk]))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT
    candidate = client_for(UserFactory())
    assert candidate.get(reverse("admin:offers_offer_changelist")).status_code == 302


def test_hr_can_read_the_letter_before_sending(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    response = client_for(maker).get(reverse("admin:offers_offer_letter", args=[offer.pk]))
    text = flat(pdf_text(response.content))
    assert "Ann Aerts" in text and "€ 2.625,00" in text
    assert re.search(r"Antwoord ten laatste", text) is None  # no deadline before it is sent


def test_the_letter_names_the_contract_type_of_the_procedure(jury, staff):
    maker, _checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    url = reverse("admin:offers_offer_letter", args=[offer.pk])
    assert "Contract" not in flat(pdf_text(client_for(maker).get(url).content))  # HR entered none: no row
    procedure = jury.best.procedure
    procedure.contract_type = "contract van onbepaalde duur"
    procedure.save()
    text = flat(pdf_text(client_for(maker).get(url).content))
    assert "Contract contract van onbepaalde duur" in text
    assert text.index("Functie") < text.index("Contract") < text.index("Team")


def test_offer_page_query_count_is_constant(jury, staff, django_assert_max_num_queries):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    candidate = client_for(jury.best.candidate.user)
    candidate.get(offer_url("detail", offer, jury.best))
    with django_assert_max_num_queries(16):  # 14 today: session, user, offer, simulation data, timeline
        candidate.get(offer_url("detail", offer, jury.best))


def candidate_texts(offer, application):
    """What the candidate reads about the extract: the offer page, the acceptance page, the letter, the mail."""
    candidate = client_for(application.candidate.user)
    pages = [candidate.get(offer_url(name, offer, application)).content.decode() for name in ("detail", "accept")]
    letter = flat(pdf_text(candidate.get(offer_url("letter", offer, application)).content))
    accept_offer(offer, by=application.candidate.user)
    accepted = candidate.get(offer_url("detail", offer, application)).content.decode()
    mail = Mail.objects.get(event="offer_accepted").body_text
    return [*pages, letter, accepted, mail]


def test_no_age_of_the_extract_reaches_the_candidate_unless_hr_set_one(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    texts = candidate_texts(offer, jury.best)
    assert all("uittreksel uit het strafregister" in " ".join(text.split()) for text in texts[2:]), texts
    for text in texts:
        assert "ouder dan" not in text and "older than" not in text, text
    assert "strafregister, model 2 (artikel 596, tweede lid): werken met minderjarigen. Je vraagt" in texts[-1]


def test_hrs_age_of_the_extract_is_on_every_candidate_text(jury, staff, procedure):
    procedure.function.criminal_record_max_age_months = 3
    procedure.function.save(update_fields=["criminal_record_max_age_months"])
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    for text in candidate_texts(offer, jury.best)[1:]:  # the page before accepting says nothing of the extract
        assert "niet ouder dan 3 maanden" in " ".join(text.split()), text
