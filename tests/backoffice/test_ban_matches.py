"""A likely banned person (mogelijk uitgesloten) at screening: HR sees the flag with the ban's dates and reason on
the application page and in the list filter, and decides with a recorded reason; admitting clears the flag."""

from datetime import date

import pytest
from django.urls import reverse

from candidates.applying import submit_application
from candidates.erasure import confirm_erasure, request_erasure
from candidates.models import BanMatch, Document, Transition
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from procedures.models import Diploma
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory, CandidateFactory, DiplomaFactory, ProcedureFactory, UserFactory
from tests.portal.test_applying import PERSON, answers, proof

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:candidates_application_changelist")
S = Stage


def page_url(application):
    return reverse("admin:candidates_application_change", args=[application.pk])


def stage_url(application, action_key):
    return reverse("admin:candidates_application_stage", args=[application.pk, action_key])


@pytest.fixture
def banned(hr, procedure, time_machine):
    """Ann Peeters (born 17/05/1995, ann@example.org) failed the intake on 03/02/2026."""
    time_machine.move_to("2026-02-03 11:00 +01:00")
    earlier = ProcedureFactory(function=procedure.function, title="Vorige ronde", status="closed")
    failed = ApplicationFactory(procedure=earlier, candidate=CandidateFactory(
        first_name="Ann", last_name="Peeters", birth_date=date(1995, 5, 17),
        user=UserFactory(username="ann", email="ann@example.org")))
    walk_to(failed, S.INTAKE_FAILED, by=hr)
    time_machine.move_to("2026-03-02 10:00 +01:00")
    return failed


@pytest.fixture
def flagged(banned, procedure):
    """Ann again, under a new address and account: the same name and birth date."""
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    return submit_application(procedure, user=UserFactory(username="ann2", email="a.peeters@telenet.be"),
                              personal=PERSON, answers=answers(procedure), documents={Document.Kind.DIPLOMA: proof()})


def test_the_application_page_shows_the_likely_match_with_the_bans_dates_and_reason(hr_client, banned, flagged):
    html = " ".join(hr_client.get(page_url(flagged)).content.decode().split())
    box = html.split('id="ban-match"')[1].split("</div>")[0]
    assert "Mogelijk uitgesloten" in box and "dezelfde naam en geboortedatum" in box
    assert "De uitsluiting loopt van 03/02/2026 tot 03/02/2027" in box
    assert "na: niet geslaagd kennismakingsinterview" in box
    assert f'href="{page_url(banned)}"' in box and "Kandidatuur van Ann Peeters voor Vorige ronde" in box
    assert "Beslis bij de screening:" in box
    # Admitting needs a reason here: the eligible button comes with its reason field.
    eligible = html.split('id="stage-action-mark_eligible"')[1].split("</form>")[0]
    assert 'name="mark_eligible-reason"' in eligible


def test_after_the_banned_persons_erasure_only_keys_and_dates_remain_to_show(hr_client, hr, banned, flagged):
    erasure, _created = request_erasure(banned.candidate)
    confirm_erasure(erasure, by=hr)
    box = " ".join(hr_client.get(page_url(flagged)).content.decode().split()).split('id="ban-match"')[1]
    assert "De uitsluiting loopt van 03/02/2026 tot 03/02/2027" in box
    assert "De gegevens van die persoon zijn gewist" in box and "Ann Peeters voor Vorige ronde" not in box


def test_the_list_filter_finds_what_hr_must_decide(hr_client, banned, flagged, procedure):
    other = ApplicationFactory(procedure=procedure)
    html = hr_client.get(LIST_URL, {"mogelijk_uitgesloten": "te-beslissen"}).content.decode()
    assert page_url(flagged) in html
    assert page_url(other) not in html and page_url(banned) not in html
    assert "mogelijk uitgesloten" in hr_client.get(LIST_URL).content.decode()


def test_admitting_without_a_reason_is_refused_and_changes_nothing(hr_client, hr, flagged):
    response = hr_client.post(stage_url(flagged, "mark_eligible"), {"mark_eligible-expected_stage": S.SCREENING})
    assert response.status_code == 200
    assert "Vul een motivering in: die is verplicht voor ‘toegelaten’." in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.stage == S.SCREENING and not flagged.transitions.exists()
    # The one door refuses it too, whoever calls it.
    with pytest.raises(TransitionRefused, match="Toelaten kan alleen met een motivering"):
        change_stage(flagged, to=S.ELIGIBLE, by=hr)
    assert BanMatch.objects.get().cleared_at is None


def test_admitting_with_a_reason_records_it_and_clears_the_flag(hr_client, hr, flagged):
    reason = "Andere persoon: andere geboorteplaats en rijksregisternummer op het diploma."
    hr_client.post(stage_url(flagged, "mark_eligible"),
                   {"mark_eligible-expected_stage": S.SCREENING, "mark_eligible-reason": reason})
    flagged.refresh_from_db()
    assert flagged.stage == S.ELIGIBLE
    transition = Transition.objects.get(application=flagged)
    assert (transition.to_stage, transition.reason, transition.actor) == (S.ELIGIBLE, reason, hr)
    flag = BanMatch.objects.get()
    assert flag.cleared_at == transition.created_at and flag.cleared_by == hr
    html = " ".join(hr_client.get(page_url(flagged)).content.decode().split())
    assert "Toch toegelaten op" in html and "door hr" in html
    assert page_url(flagged) not in hr_client.get(LIST_URL, {"mogelijk_uitgesloten": "te-beslissen"}).content.decode()
    assert page_url(flagged) in hr_client.get(LIST_URL, {"mogelijk_uitgesloten": "alle"}).content.decode()


def test_not_admitting_as_banned_closes_it_with_the_reason(hr_client, hr, flagged):
    reason = "Uitgesloten voor deze functie tot 03/02/2027 na een eerder kennismakingsinterview."
    hr_client.post(stage_url(flagged, "mark_not_eligible"),
                   {"mark_not_eligible-expected_stage": S.SCREENING, "mark_not_eligible-reason": reason})
    flagged.refresh_from_db()
    assert flagged.stage == S.NOT_ELIGIBLE and flagged.transitions.get().reason == reason
    assert BanMatch.objects.get().cleared_at is None  # the flag stays as the ground of the decision
    assert page_url(flagged) not in hr_client.get(LIST_URL, {"mogelijk_uitgesloten": "te-beslissen"}).content.decode()


def test_a_bulk_admission_leaves_the_flagged_one_for_hr_to_decide_alone(hr_client, hr, flagged, procedure):
    plain = ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name="Jan", last_name="Maes"))
    response = hr_client.post(LIST_URL, {"action": "mark_eligible", "_selected_action": [flagged.pk, plain.pk],
                                         "confirm": "yes"}, follow=True)
    html = response.content.decode()
    plain.refresh_from_db()
    flagged.refresh_from_db()
    assert (plain.stage, flagged.stage) == (S.ELIGIBLE, S.SCREENING)
    assert "1 kandidatuur geweigerd:" in html and "Toelaten kan alleen met een motivering" in html
    assert BanMatch.objects.get().cleared_at is None
