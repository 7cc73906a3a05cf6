"""Who sees what on the jury pages: the three juror roles, HR, a candidate, a juror of another round, and the
external expert and the other jurors after the round closed. Refusals are 404 (not your round) or 403, logged."""

import hashlib
import logging

import pytest
from django.test import Client
from django.urls import reverse

from interviews.jury.parts import items_for
from tests.auth import login_staff
from tests.jury.helpers import open_round, score_all, waitlisted
from tests.jury.rounds import decide

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    login_staff(client, user)
    return client


@pytest.fixture
def cast(jury, procedure, hr):
    jury_round, (ann, bert), chair, leader, external = jury
    waitlisted(procedure, first_name="Other", last_name="Round")
    other_round = open_round(procedure)
    from interviews.jury.rounds import add_juror
    from interviews.models import JuryMember
    from kortrijk_ats import roles
    from tests.factories import staff_user

    outsider = add_juror(other_round, user=staff_user(roles.JUROR, username="ander-jurylid"),
                         role=JuryMember.Role.TEAM_LEADER)
    return {"round": jury_round, "ann": ann, "bert": bert, "chair": chair.user, "leader": leader.user,
            "external": external.user, "hr": hr, "candidate": ann.application.candidate.user,
            "outsider": outsider.user}


def urls(cast):
    pk, ann = cast["round"].pk, cast["ann"]
    return {
        "home": reverse("interviews:jury_home"),
        "round": reverse("interviews:jury_round", args=[pk]),
        "candidate": reverse("interviews:jury_candidate", args=[pk, ann.uid]),
        "consensus": reverse("interviews:jury_consensus", args=[pk, ann.uid]),
        "deliberation": reverse("interviews:jury_deliberation", args=[pk]),
        "pv": reverse("interviews:jury_pv", args=[pk]),
        "pv_pdf": reverse("interviews:jury_pv_pdf", args=[pk]),
    }


MATRIX = {
    #            home  round candidate consensus deliberation pv  pv_pdf (before close)
    "chair":     (200, 200, 200, 200, 200, 200, 403),
    "leader":    (200, 200, 200, 403, 403, 200, 403),
    "external":  (200, 200, 200, 403, 403, 200, 403),
    "hr":        (200, 200, 200, 200, 200, 200, 403),
    "candidate": (403, 404, 404, 404, 404, 404, 403),
    "outsider":  (200, 404, 404, 404, 404, 404, 403),
}


@pytest.mark.parametrize("who", list(MATRIX))
def test_the_access_matrix_while_the_round_is_open(cast, who, caplog):
    client = client_for(cast[who])
    pages = urls(cast)
    with caplog.at_level(logging.WARNING, logger="interviews.jury.access"):
        got = tuple(client.get(url).status_code for url in pages.values())
    assert got == MATRIX[who]
    refusals = sum(1 for status in got if status in (403, 404))
    assert len([r for r in caplog.records if "Jury access refused" in r.getMessage()]) == refusals


def test_a_juror_who_recused_cannot_open_that_candidates_file(cast):
    from interviews.jury.conflicts import declare_conflict
    from interviews.models import JuryMember

    external_seat = JuryMember.objects.get(user=cast["external"], round=cast["round"])
    declare_conflict(external_seat, cast["bert"], has_conflict=True, note="Buurvrouw.")
    url = reverse("interviews:jury_candidate", args=[cast["round"].pk, cast["bert"].uid])
    assert client_for(cast["external"]).get(url).status_code == 403
    assert client_for(cast["leader"]).get(url).status_code == 200


def test_a_juror_who_recused_does_not_read_that_candidates_arrangement_on_the_round(cast):
    """The arrangement is for those who hold the interview; the recused juror does not hold Bert's."""
    from candidates.accommodations import record_arrangements
    from interviews.jury.conflicts import declare_conflict
    from interviews.models import JuryMember

    record_arrangements(cast["bert"].application, intake="", jury="Gesprek op het gelijkvloers.")
    declare_conflict(JuryMember.objects.get(user=cast["external"], round=cast["round"]), cast["bert"],
                     has_conflict=True, note="Buurvrouw.")
    url = reverse("interviews:jury_round", args=[cast["round"].pk])
    assert "Gesprek op het gelijkvloers." in client_for(cast["leader"]).get(url).content.decode()
    assert "Gesprek op het gelijkvloers." not in client_for(cast["external"]).get(url).content.decode()


def test_another_jurors_unsubmitted_scores_never_reach_the_page(cast):
    from interviews.models import JuryMember

    seats = {m.user_id: m for m in JuryMember.objects.filter(round=cast["round"])}
    score_all(seats[cast["leader"].pk], cast["ann"], 3, evidence="Geheime notitie van de leidinggevende.")
    score_all(seats[cast["chair"].pk], cast["ann"], 4, submit=False, evidence="Voorlopige notitie voorzitter.")
    url = reverse("interviews:jury_candidate", args=[cast["round"].pk, cast["ann"].uid])
    chair_page = client_for(cast["chair"]).get(url).content.decode()
    assert "Voorlopige notitie voorzitter." in chair_page  # the own draft
    assert "Geheime notitie van de leidinggevende." not in chair_page  # not before submitting the own sheet
    leader_page = client_for(cast["leader"]).get(url).content.decode()
    assert "Voorlopige notitie voorzitter." not in leader_page  # the chair's draft stays the chair's
    external_page = client_for(cast["external"]).get(url).content.decode()
    assert "Geheime notitie" not in external_page


def test_only_the_chair_posts_a_consensus_and_a_juror_posts_only_own_scores(cast):
    pk, ann = cast["round"].pk, cast["ann"]
    key = items_for(cast["round"])[0].key
    consensus = reverse("interviews:jury_consensus", args=[pk, ann.uid])
    for who in ("leader", "external", "hr"):
        assert client_for(cast[who]).post(consensus, {f"value_{key}": 3, f"text_{key}": "x"}).status_code == 403
    score = reverse("interviews:jury_candidate", args=[pk, ann.uid])
    for who, status in (("hr", 403), ("outsider", 404), ("candidate", 404)):
        assert client_for(cast[who]).post(score, {f"value_{key}": 3, f"text_{key}": "x"}).status_code == status
    assert not ann.sheets.exists()


def test_after_the_round_closed_only_hr_sees_it_and_downloads_the_pv(cast, jury):
    jury_round = decide(jury)
    pages = urls(cast)
    # The external expert's account is switched off: the session no longer counts, the log-in page follows.
    external = client_for(cast["external"])
    cast["external"].refresh_from_db()
    assert not cast["external"].is_active
    for url in (pages["round"], pages["candidate"], pages["pv"]):
        response = external.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]
    leader = client_for(cast["leader"])
    assert [leader.get(pages[p]).status_code for p in ("round", "candidate", "pv", "pv_pdf")] == [404, 404, 404, 403]
    # The chair belongs to the selection team (HR): they keep HR's reading access, as any HR colleague.
    chair = client_for(cast["chair"])
    assert [chair.get(pages[p]).status_code for p in ("round", "candidate", "pv")] == [200, 200, 200]
    hr = client_for(cast["hr"])
    assert hr.get(pages["round"]).status_code == 200
    response = hr.get(pages["pv_pdf"])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == jury_round.pv_sha256


def test_an_anonymous_visitor_is_sent_to_log_in(cast):
    for url in urls(cast).values():
        response = Client().get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_odd_ids_in_the_jury_urls_are_404_never_500(cast):
    client = client_for(cast["chair"])
    pk = cast["round"].pk
    for url in ("/jury/ronde/999999/", f"/jury/ronde/{pk}/kandidaat/00000000-0000-0000-0000-000000000000/",
                f"/jury/ronde/{pk}/kandidaat/{cast['ann'].uid}/heropen/999999/"):
        assert client.get(url).status_code in (404, 405)
    assert client.post(f"/jury/ronde/{pk}/kandidaat/{cast['ann'].uid}/heropen/999999/").status_code == 404


def test_jurors_download_the_candidates_documents_others_do_not(cast, tmp_path):
    from django.core.files.base import ContentFile

    from candidates.models import Document

    application = cast["ann"].application
    document = Document(application=application, kind=Document.Kind.CV, original_name="cv.pdf",
                        content_type="application/pdf", size=9)
    document.file.save("cv", ContentFile(b"%PDF-1.4 cv"), save=True)
    url = reverse("interviews:jury_document", args=[cast["round"].pk, cast["ann"].uid, document.pk])
    response = client_for(cast["external"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 cv"
    assert response["Content-Disposition"].startswith("attachment")
    assert client_for(cast["outsider"]).get(url).status_code == 404
    assert client_for(cast["candidate"]).get(url).status_code == 404
    other = reverse("interviews:jury_document", args=[cast["round"].pk, cast["bert"].uid, document.pk])
    assert client_for(cast["chair"]).get(other).status_code == 404  # Ann's document is not in Bert's file
