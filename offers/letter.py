"""The offer letter (aanbodsbrief) as a PDF: the job, the recognised seniority and the salary simulation.

Rendered on request from the offer and the same simulation the portal shows, in the candidate's language, with
kortrijk_ats.pdf.render_pdf: WeasyPrint fetches nothing outside the project's static files, so text that HR or
the candidate typed cannot make it reach the network or the disk.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from kortrijk_ats.pdf import render_pdf
from offers.criminal_record import extract_max_age_text
from offers.offering import recognised_seniority, simulation_for_candidate
from pay.formatting import years_text
from pay.simulation import SalaryError


def letter_context(offer):
    application = offer.proposal.application
    simulation, unavailable = simulation_for_candidate(offer)
    try:
        seniority = years_text(recognised_seniority(offer).months)
    except SalaryError:
        seniority = ""
    return {
        "offer": offer, "application": application, "candidate": application.candidate,
        "procedure": application.procedure, "simulation": simulation, "unavailable": unavailable,
        "seniority": seniority, "extract_max_age": extract_max_age_text(offer.proposal.vacancy.function),
        "today": timezone.localdate(),
    }


def render_offer_letter(offer):
    """The PDF bytes of the offer's letter."""
    with translation.override(offer.proposal.application.candidate.language):
        html = render_to_string("offers/letter.html", letter_context(offer))
    return render_pdf(html)


def letter_filename(offer):
    # No name in the file name: it ends up in download folders and browser histories.
    return f"aanbodsbrief-stad-kortrijk-{offer.start_date:%Y-%m-%d}.pdf"
