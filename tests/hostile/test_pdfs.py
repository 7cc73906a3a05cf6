"""Hostile text in the PDFs: the PV (candidate names, consensus reasons) and the offer letter (schedule, workplace,
tasks). The HTML handed to WeasyPrint has it escaped; the text pypdf reads back shows the literal characters.

A right-to-left override is shown reversed by WeasyPrint (that is what it asks for), so the literal check covers the
text before the first bidi control; the HTML check covers the whole value.
"""

import io
import re

import pytest
from django.template.loader import render_to_string
from hypothesis import given
from pypdf import PdfReader

from interviews.jury.pv import render_pv_html, render_pv_pdf
from interviews.models import ConsensusScore
from offers.letter import letter_context, render_offer_letter
from tests.hostile.hostile import HOSTILE_SETTINGS, assert_escaped_in_html, hostile_line, hostile_text, squeeze
from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, waitlisted
from tests.jury.rounds import decide
from tests.offers.helpers import closed_round, draft_offer, hr_pair
from tests.pay.scales import create_pay_world

pytestmark = pytest.mark.django_db
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def pdf_text(data):
    return squeeze(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


MIRRORED = str.maketrans("><)(][}{", "<<((([{{")


def assert_literal_in_pdf(text, value, *, document_values):
    before_bidi = squeeze(BIDI.split(value, maxsplit=1)[0])
    if any(BIDI.search(v) for v in document_values):
        # A bracket drawn right-to-left is its mirror glyph, and the font's one ToUnicode entry per glyph then
        # reads "<" for ">" everywhere in the file: compare brackets as pairs.
        text, before_bidi = text.translate(MIRRORED), before_bidi.translate(MIRRORED)
    assert before_bidi in text, f"{before_bidi[:80]!r} not in the PDF text"


@pytest.fixture
def deliberated_round(procedure):
    add_bundle_competencies(procedure.function)
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    jury = (jury_round, list(jury_round.candidates.order_by("position")), chair, leader, external)
    return decide(jury, approve=False)  # consensus and ranking done, not frozen: the PV still renders fresh


@HOSTILE_SETTINGS
@given(first_name=hostile_line(max_size=100), reason=hostile_text(max_size=3000).map(str.strip))
def test_the_pv_shows_names_and_reasons_escaped_and_literal(deliberated_round, first_name, reason):
    jury_candidate = deliberated_round.candidates.order_by("position").first()
    candidate = jury_candidate.application.candidate
    candidate.first_name = first_name
    candidate.save(update_fields=["first_name"])
    ConsensusScore.objects.filter(jury_candidate=jury_candidate).update(reason=reason)
    html = render_pv_html(deliberated_round, for_pdf=True)
    assert_escaped_in_html(html, first_name)
    assert_escaped_in_html(html, reason)
    text = pdf_text(render_pv_pdf(deliberated_round))
    assert_literal_in_pdf(text, first_name, document_values=(first_name, reason))
    assert_literal_in_pdf(text, reason, document_values=(first_name, reason))


@pytest.fixture
def offer(procedure):
    create_pay_world(procedure.function)
    maker, _checker = hr_pair()
    return draft_offer(closed_round(procedure).proposal, by=maker)


@HOSTILE_SETTINGS
@given(schedule=hostile_text(max_size=2000).map(str.strip), workplace=hostile_line(max_size=200),
       tasks=hostile_text(max_size=4000).map(str.strip))
def test_the_offer_letter_shows_hr_text_escaped_and_literal(offer, schedule, workplace, tasks):
    offer.schedule, offer.workplace, offer.tasks = schedule, workplace, tasks
    offer.save(update_fields=["schedule", "workplace", "tasks"])
    html = render_to_string("offers/letter.html", letter_context(offer))
    for value in (schedule, workplace, tasks):
        assert_escaped_in_html(html, value)
    text = pdf_text(render_offer_letter(offer))
    for value in (schedule, workplace, tasks):
        assert_literal_in_pdf(text, value, document_values=(schedule, workplace, tasks))
