"""The PV: its content (read back from the PDF), the freeze when every juror approved, and WeasyPrint fetching
nothing but the project's static files."""

import hashlib
import io

import pytest
from pypdf import PdfReader

from candidates.stages import Stage
from interviews.jury import JuryRefused, pv
from interviews.jury.conflicts import declare_conflict
from interviews.jury.consensus import reopen_deliberation, set_consensus
from interviews.jury.outcomes import approve_pv
from interviews.jury.parts import items_for
from interviews.jury.pv import render_pv_pdf
from interviews.jury.scheduling import schedule_interview
from interviews.jury.scoring import record_score
from interviews.models import JuryRound
from kortrijk_ats.pdf import SafeURLFetcher
from tests.jury.helpers import in_future
from tests.jury.rounds import decide
from tests.loopback_http import StylesheetCounter, serving

pytestmark = pytest.mark.django_db


def pdf_text(data):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pv_states_everything_the_jury_decided(jury, procedure):
    jury_round = decide(jury)
    text = pdf_text(jury_round.pv_file.read())
    vacancy = jury_round.vacancy
    for expected in (
        "Proces-verbaal van de jury", "Goedgekeurd door alle juryleden",
        procedure.function.name, procedure.title, vacancy.team.name, vacancy.workplace,
        "voorzitter (selectieteam)", "Sofie Desmet", "leidinggevende van het team", "Koen Vandamme",
        "externe deskundige", "Eva Claeys",
        "onthouden: Vroegere collega van de kandidaat.", "geen belangenconflict",
        "Ann Aerts", "Bert Bauwens",
        "Klantgerichtheid: de jury zag niveau 4.", "Motivatie: de jury zag niveau 2.",
        "Totaal: 80,00 %", "Totaal: 40,00 %",
        "voorgedragen voor het jobaanbod", "niet geslaagd",
        "minstens 50 % op elk onderdeel en 60 % in totaal",
    ):
        assert expected in text, expected
    # Every approval is in it, with its time.
    assert text.count("PV goedgekeurd") == 1 and "nog niet" not in text.split("Kandidaten en verklaringen")[0]


def test_the_pv_holds_no_accommodation_request(jury):
    """The PV goes to every juror and into the archive: the candidate's request (it may name a condition) is never
    in it, nor the arrangement (not a jury decision)."""
    from candidates.accommodations import record_arrangements

    application = jury[1][0].application
    application.accommodations = "Ik heb een angststoornis; graag een rustig lokaal."
    application.save(update_fields=["accommodations"])
    record_arrangements(application, intake="", jury="Een rustig lokaal zonder wachttijd.")
    jury_round = decide(jury)
    texts = (pdf_text(jury_round.pv_file.read()), pv.render_pv_html(jury_round))
    for text in texts:
        assert "Ann Aerts" in text
        assert "angststoornis" not in text and "rustig lokaal" not in text


def test_when_all_approved_the_round_is_frozen_with_the_pdfs_hash(jury):
    jury_round = decide(jury)
    _round, (ann, bert), chair, leader, _external = jury
    data = jury_round.pv_file.read()
    assert data.startswith(b"%PDF-")
    assert jury_round.pv_sha256 == hashlib.sha256(data).hexdigest()
    assert jury_round.status == JuryRound.Status.CLOSED
    items = items_for(jury_round)
    for change in (
        lambda: record_score(leader, ann, part=items[0].key, value=1, evidence="Later gewijzigd."),
        lambda: set_consensus(ann, by=chair.user, entries={items[0].key: (1, "Later gewijzigd.")}),
        lambda: declare_conflict(leader, bert, has_conflict=True, note="Later."),
        lambda: reopen_deliberation(jury_round, by=chair.user),
        lambda: approve_pv(jury_round, by=chair.user),
        lambda: schedule_interview(ann, starts_at=in_future()[0], ends_at=in_future()[1], location="Elders"),
    ):
        with pytest.raises(JuryRefused):
            change()
    ann.refresh_from_db()
    assert ann.consensus_scores.get(part=items[0].key).value == 4
    # Rendering again gives the same statement (only the time of printing differs): nothing moved underneath.
    again = pdf_text(render_pv_pdf(jury_round))
    assert again.split("Opgemaakt op")[0] == pdf_text(data).split("Opgemaakt op")[0]


def test_approvals_lapse_when_the_chair_reopens_the_deliberation(jury):
    jury_round = decide(jury, approve=False)
    _round, (ann, _bert), chair, leader, _external = jury
    approve_pv(jury_round, by=leader.user)
    reopen_deliberation(jury_round, by=chair.user)
    jury_round.refresh_from_db()
    assert jury_round.status == JuryRound.Status.OPEN
    assert not jury_round.members.filter(pv_approved_at__isnull=False).exists()
    ann.refresh_from_db()
    assert ann.application.stage == Stage.JURY_INVITED and ann.decision == ""


def test_only_jurors_of_the_round_approve_and_only_after_the_deliberation(jury, hr):
    jury_round, _candidates, chair, _leader, _external = jury
    with pytest.raises(JuryRefused, match="nadat de voorzitter"):
        approve_pv(jury_round, by=chair.user)
    decide(jury, approve=False)
    with pytest.raises(JuryRefused, match="Alleen de juryleden"):
        approve_pv(jury_round, by=hr)


def test_the_pv_renderer_fetches_only_the_projects_static_files(jury, tmp_path, monkeypatch):
    """The PV's own HTML, with links a hostile text could try to smuggle in, through the PV's renderer."""
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: blue }")
    fetched = []
    original = SafeURLFetcher.fetch

    def spy(self, url, headers=None):
        response = original(self, url, headers)
        fetched.append(url)
        return response

    monkeypatch.setattr(SafeURLFetcher, "fetch", spy)
    with serving(StylesheetCounter, hits=[]) as server:
        origin = f"http://127.0.0.1:{server.server_port}"
        hostile = (f'<link rel="stylesheet" href="{origin}/evil.css"><link rel="stylesheet" href="file://{secret}">'
                   f'<img src="{origin}/pixel.png"><img src="file:///etc/passwd">')
        monkeypatch.setattr(pv, "render_pv_html",
                            lambda jury_round, for_pdf=False: original_html(jury_round, for_pdf=for_pdf).replace(
                                "<body>", "<body>" + hostile))
        pdf = pv.render_pv_pdf(jury[0])
    assert pdf.startswith(b"%PDF-")
    assert server.hits == []  # not one request left the process
    assert [url.rsplit("/", 2)[-2:] for url in fetched] == [["css", "pv.css"]]  # the PV's own style sheet only


original_html = pv.render_pv_html
