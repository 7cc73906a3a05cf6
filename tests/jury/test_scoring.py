"""Independent scoring: the visibility rule, the lock and the chair's logged reopen, refused input, and ten
concurrent saves of one score leaving one row."""

import pytest
from django.urls import reverse

from interviews.jury import JuryRefused
from interviews.jury.conflicts import declare_conflict
from interviews.jury.parts import items_for
from interviews.jury.scoring import (
    ScoresRefused,
    record_score,
    reopen_sheet,
    save_scores,
    sheets_visible_to,
    submit_sheet,
)
from interviews.models import JuryScore, ScoreSheet, ScoreSheetEvent
from tests.auth import login_staff
from tests.jury.helpers import score_all
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db


def test_a_juror_sees_the_others_scores_only_after_submitting_their_own(jury):
    _round, (ann, _bert), chair, leader, external = jury
    score_all(chair, ann, 4)
    score_all(leader, ann, 3, submit=False)

    assert [s.member for s in sheets_visible_to(leader, ann)] == [leader]  # own draft only
    assert sheets_visible_to(external, ann) == []  # nothing yet, not even the chair's submitted sheet
    submit_sheet(leader, ann)
    assert {s.member for s in sheets_visible_to(leader, ann)} == {chair, leader}
    # The external expert's unsubmitted draft stays hidden from everyone else, even after they submitted.
    score_all(external, ann, 2, submit=False)
    assert external not in {s.member for s in sheets_visible_to(chair, ann)}
    assert {s.member for s in sheets_visible_to(None, ann, hr=True)} == {chair, leader}


def test_a_submitted_sheet_is_locked_until_the_chair_reopens_it_and_every_change_is_logged(jury):
    _round, (ann, _bert), chair, leader, _external = jury
    scores = score_all(leader, ann, 3)
    key = next(iter(scores))
    with pytest.raises(JuryRefused, match="vergrendeld"):
        record_score(leader, ann, part=key, value=5, evidence="Toch beter.")
    assert JuryScore.objects.get(sheet__member=leader, part=key).value == 3

    sheet = ScoreSheet.objects.get(member=leader, jury_candidate=ann)
    with pytest.raises(JuryRefused, match="Alleen de voorzitter"):
        reopen_sheet(sheet, by=leader.user, reason="Ik wil wijzigen.")
    with pytest.raises(JuryRefused, match="reden"):
        reopen_sheet(sheet, by=chair.user, reason="  ")
    reopen_sheet(sheet, by=chair.user, reason="Score op samenwerken herbekijken na bespreking.")
    record_score(leader, ann, part=key, value=4, evidence="Bij nader inzien sterker.")
    submit_sheet(leader, ann)

    events = list(sheet.events.values_list("kind", "by", "note"))
    assert events[0][:2] == (ScoreSheetEvent.Kind.SUBMITTED, leader.user_id)
    reason = "Score op samenwerken herbekijken na bespreking."
    assert events[1] == (ScoreSheetEvent.Kind.REOPENED, chair.user_id, reason)
    assert events[2][0] == ScoreSheetEvent.Kind.CHANGED and "3 → 4" in events[2][2]
    assert events[3][0] == ScoreSheetEvent.Kind.SUBMITTED
    with pytest.raises(ValueError):
        ScoreSheetEvent.objects.first().save()  # the log is append-only


@pytest.mark.parametrize(("reason", "message", "reopened"), [
    ("x" * 1001, "Gebruik hoogstens 1000 tekens (nu 1001): maak de tekst korter.", False),
    ("", "Geef de reden waarom je de scores heropent", False),
    ("Herbekijken\u202e na\u200b bespreking", "zijn heropend", True),
])
def test_the_chairs_reopen_page_explains_a_missing_or_over_long_reason(client, jury, reason, message, reopened):
    jury_round, (ann, _bert), chair, leader, _external = jury
    score_all(leader, ann, 3)
    sheet = ScoreSheet.objects.get(member=leader, jury_candidate=ann)
    login_staff(client, chair.user)

    response = client.post(reverse("interviews:jury_reopen", args=[jury_round.pk, ann.uid, sheet.pk]),
                           {"reason": reason}, follow=True)

    assert response.status_code == 200 and message in response.content.decode()
    sheet.refresh_from_db()
    assert (sheet.submitted_at is None) == reopened
    if reopened:  # what steered the display is gone, every visible character kept
        assert sheet.events.get(kind=ScoreSheetEvent.Kind.REOPENED).note == "Herbekijken na bespreking"


def test_scores_off_the_scale_or_without_evidence_are_refused_with_the_reason(jury):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    items = items_for(jury_round)
    declare_conflict(leader, ann, has_conflict=False)
    with pytest.raises(ScoresRefused) as refused:
        save_scores(leader, ann, scores={items[0].key: (6, "Zag veel."), items[1].key: (0, "Zag weinig."),
                                         items[2].key: (3, "   "), "competency-999999": (3, "x")})
    errors = refused.value.errors
    assert "schaal van 1 tot 5" in errors[items[0].key] and "‘6’" in errors[items[0].key]
    assert "‘0’" in errors[items[1].key]
    assert "onderbouwing is verplicht" in errors[items[2].key]
    assert "geen onderdeel" in errors["competency-999999"]
    # Each reason says what it is about, so a page shows it under the score or under its evidence.
    assert refused.value.fields == {items[0].key: "value", items[1].key: "value", items[2].key: "note",
                                    "competency-999999": None}
    assert not JuryScore.objects.exists()  # all or nothing
    with pytest.raises(JuryRefused, match="Nog niet gescoord"):
        submit_sheet(leader, ann)


def test_a_score_without_evidence_is_refused_under_its_evidence_field_on_the_page(jury, client):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    key = items_for(jury_round)[0].key
    declare_conflict(leader, ann, has_conflict=False)
    login_staff(client, leader.user)
    response = client.post(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid]),
                           {f"value_{key}": 3, f"text_{key}": "  ", "action": "save"})
    assert response.status_code == 400
    form = response.context["form"]
    assert "onderbouwing is verplicht" in " ".join(form.errors[f"text_{key}"])
    assert f"value_{key}" not in form.errors and not JuryScore.objects.exists()


def test_a_juror_must_declare_first_and_a_recused_juror_cannot_score(jury):
    jury_round, (ann, bert), _chair, leader, external = jury
    key = items_for(jury_round)[0].key
    with pytest.raises(JuryRefused, match="Verklaar eerst"):
        record_score(leader, ann, part=key, value=3, evidence="x")
    with pytest.raises(JuryRefused, match="waarom"):
        declare_conflict(external, bert, has_conflict=True)
    declare_conflict(external, bert, has_conflict=True, note="Vroegere collega.")
    with pytest.raises(JuryRefused, match="onthoudt"):
        record_score(external, bert, part=key, value=3, evidence="x")
    with pytest.raises(JuryRefused, match="staat al vast"):
        declare_conflict(external, bert, has_conflict=False)


def test_a_juror_cannot_score_a_candidate_of_another_round(jury, procedure):
    from tests.jury.helpers import open_round, waitlisted

    _round, (_ann, _bert), _chair, leader, _external = jury
    waitlisted(procedure)
    other_round = open_round(procedure)
    other = other_round.candidates.get()
    with pytest.raises(JuryRefused, match="niet bij jouw juryronde"):
        declare_conflict(leader, other, has_conflict=False)


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_saves_of_the_same_score_leave_one_row(procedure):
    from tests.jury.helpers import compose_jury, open_round, waitlisted

    waitlisted(procedure)
    jury_round = open_round(procedure)
    _chair, leader, _external = compose_jury(jury_round)
    ann = jury_round.candidates.get()
    declare_conflict(leader, ann, has_conflict=False)
    key = items_for(jury_round)[0].key
    handles = run_together(
        *[lambda: record_score(leader, ann, part=key, value=4, evidence="Luistert actief en vat samen.")] * 10)
    assert_no_error(handles)
    assert ScoreSheet.objects.filter(member=leader, jury_candidate=ann).count() == 1
    assert list(JuryScore.objects.filter(sheet__member=leader).values_list("part", "value")) == [(key, 4)]
