"""The offer's salary simulation with incomplete or fictitious pay data: without an official scale on the start date
the offer is refused with a Dutch message naming the scale, the date and where HR enters it (never a 500); the
candidate's pages and letter never carry that note for HR; fictitious (demo) figures are labelled "fictief" on the
admin panel, the portal's offer and simulation pages and the letter."""

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from offers.models import Offer
from offers.offering import OfferRefused, approve_offer
from pay.formatting import date_text
from pay.models import PayScaleVersion
from tests.auth import login_staff
from tests.offers.helpers import draft_offer, sent_offer, terms

pytestmark = pytest.mark.django_db

CANDIDATE_LINE = ("De loonsimulatie is op dit moment niet beschikbaar: het selectieteam vult de loongegevens nog aan. "
                  "Heb je vragen? Neem contact op met het selectieteam.")


def client_for(user):
    client = Client()
    login_staff(client, user)
    return client


def flat(text):
    return " ".join(text.split())


def pdf_text(content):
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def html_text(response):
    return flat(re.sub(r"<[^>]+>", " ", response.content.decode()))


def offer_url(name, offer, application):
    return reverse(f"offers:{name}", args=[application.public_id, offer.uid])


def s2_is_a_draft():
    PayScaleVersion.objects.filter(scale__code="S2").update(status=PayScaleVersion.Status.DRAFT)


def expected_refusal(start_date):
    return ("Loonsimulatie niet mogelijk: Nog in te vullen door HR: Officiële loonschaal S2, geldig op "
            f"{date_text(start_date)} (in Back office › Versies van loonschalen).")


def test_preparing_an_offer_without_an_official_scale_is_refused_naming_scale_date_and_place(jury, staff):
    maker, _checker = staff
    s2_is_a_draft()
    start = terms()["start_date"]
    with pytest.raises(OfferRefused) as refused:
        draft_offer(jury.proposal, by=maker)
    assert refused.value.message == expected_refusal(start)
    assert not Offer.objects.exists()


def test_the_back_office_add_form_shows_the_refusal_and_saves_nothing(jury, staff):
    maker, _checker = staff
    s2_is_a_draft()
    values = terms()
    data = {**values, "proposal": jury.proposal.pk, "start_date": values["start_date"].isoformat(),
            "team": jury.vacancy.team.pk}
    response = client_for(maker).post(reverse("admin:offers_offer_add"), data)
    assert response.status_code == 200
    assert expected_refusal(values["start_date"]) in html_text(response)
    assert not Offer.objects.exists()


def test_pay_data_that_went_missing_after_the_draft_is_named_on_the_panel_and_refuses_approval(jury, staff):
    maker, checker = staff
    offer = draft_offer(jury.proposal, by=maker)
    s2_is_a_draft()
    hr = client_for(maker)
    panel = hr.get(reverse("admin:offers_offer_change", args=[offer.pk]))
    assert panel.status_code == 200
    assert ("Loonsimulatie niet mogelijk: Nog in te vullen door HR: Officiële loonschaal S2, geldig op "
            f"{date_text(offer.start_date)} (in Back office › Versies van loonschalen).") in html_text(panel)
    with pytest.raises(OfferRefused) as refused:
        approve_offer(offer, by=checker)
    assert refused.value.message == expected_refusal(offer.start_date)
    response = client_for(checker).post(reverse("admin:offers_offer_approve", args=[offer.pk]), follow=True)
    assert response.status_code == 200
    assert expected_refusal(offer.start_date) in html_text(response)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DRAFT

    letter = hr.get(reverse("admin:offers_offer_letter", args=[offer.pk]))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert CANDIDATE_LINE in pdf_text(letter.content)  # the letter is the candidate's: no note for HR in it


def test_the_candidate_never_reads_hrs_note_about_missing_pay_data(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    s2_is_a_draft()  # e.g. HR turned a version back into a draft after sending
    candidate = client_for(jury.best.candidate.user)
    for name in ("detail", "simulation"):
        response = candidate.get(offer_url(name, offer, jury.best))
        assert response.status_code == 200
        text = html_text(response)
        assert CANDIDATE_LINE in text
        assert "Back office" not in text and "in te vullen door HR" not in text
    letter = pdf_text(candidate.get(offer_url("letter", offer, jury.best)).content)
    assert CANDIDATE_LINE in letter
    assert "Back office" not in letter


def test_fictitious_figures_are_labelled_on_every_page_that_shows_the_offers_simulation(jury, staff):
    maker, checker = staff
    PayScaleVersion.objects.update(status=PayScaleVersion.Status.FICTITIOUS)
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)

    panel = html_text(client_for(maker).get(reverse("admin:offers_offer_change", args=[offer.pk])))
    assert "€ 2.625,00 bruto per maand" in panel
    assert "(fictief: loonschaal S1, loonschaal S2, loonschaal S3)" in panel

    candidate = client_for(jury.best.candidate.user)
    detail = candidate.get(offer_url("detail", offer, jury.best)).content.decode()
    assert re.search(r'id="maandloon">€ 2\.625,00</span>.*?<span class="fictitious-tag">fictief</span>', detail,
                     re.S)
    simulation = candidate.get(offer_url("simulation", offer, jury.best)).content.decode()
    assert "Fictieve bedragen" in simulation
    figures = simulation.count('class="figure-amount"') - 3  # not the bundle's meal voucher, bike and holidays
    table_rows = simulation.count('<td class="text-end text-nowrap">')
    assert (figures, table_rows) == (7, 4)  # headline's seven figures; start, S1 step 24, S2, S3 (from 21 years)
    assert simulation.count('<span class="fictitious-tag">fictief</span>') == 1 + figures + table_rows
    assert "Geschat bruto maandloon over je loopbaan (fictief)" in simulation

    letter = pdf_text(candidate.get(offer_url("letter", offer, jury.best)).content)
    assert ("Fictieve bedragen: deze simulatie gebruikt fictieve demogegevens, niet de regeling van stad Kortrijk "
            "(loonschaal S1, loonschaal S2, loonschaal S3). Elk bedrag is daarom fictief.") in letter


def test_official_figures_are_never_called_fictitious(jury, staff):
    maker, checker = staff
    offer = sent_offer(jury.proposal, maker=maker, checker=checker)
    candidate = client_for(jury.best.candidate.user)
    for name in ("detail", "simulation"):
        assert not re.search(r"[Ff]ictie(f|ve)", candidate.get(offer_url(name, offer, jury.best)).content.decode())
    assert "ictie" not in pdf_text(candidate.get(offer_url("letter", offer, jury.best)).content)
