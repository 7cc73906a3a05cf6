"""The reserve goes first: a jury round for a vacancy starts only when every valid reserve candidate of the function
was offered a matchgesprek for it, or with HR's reason, kept on the round and in its PV. The refusal says how many
wait and leads to the matchgesprek step; it changes nothing."""

import re
import threading
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidates.models import PoolEntry, Transition
from candidates.stages import Stage
from communications.models import Mail
from interviews.jury import JuryRefused
from interviews.jury.matching import schedule_match
from interviews.jury.pv import render_pv_html
from interviews.jury.rounds import ReserveWaiting, reserve_without_match, start_jury_round
from interviews.models import JuryRound
from procedures.models import Vacancy
from tests.factories import TeamFactory
from tests.jury.helpers import in_future, make_vacancy, waitlisted
from tests.jury.rounds import decide
from tests.jury.test_access import client_for
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db

REASON = "Bert Bauwens koos bij de vorige vacature voor een halftijdse job; hij vroeg geen nieuwe matchgesprekken."
SETTINGS = {"scale_min": 1, "scale_max": 5, "pass_part_percent": 50, "pass_total_percent": 60, "work_case": "none",
            "case_days_before": 3}


def words(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def second_vacancy(jury, procedure):
    """Ann got the first vacancy's offer, Bert is in the reserve; Nina waits on the waitlist; a vacancy in another
    team opens. Returns (vacancy, bert, nina)."""
    decide(jury, values=(5, 4))
    bert = jury[1][1].application
    bert.refresh_from_db()
    assert bert.stage == Stage.RESERVE
    nina = waitlisted(procedure, first_name="Nina", last_name="Nieuw")
    return make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie")), bert, nina


def test_a_round_is_refused_while_a_valid_reserve_candidate_had_no_matchgesprek(second_vacancy, hr):
    vacancy, _bert, nina = second_vacancy
    mails = Mail.objects.count()
    with pytest.raises(ReserveWaiting) as refusal:
        start_jury_round(vacancy, by=hr)
    assert refusal.value.waiting == 1
    assert str(refusal.value).startswith("1 geldige kandidaat in de wervingsreserve van deze functie kreeg nog geen "
                                         "matchgesprek voor deze vacature.")
    assert "Er is niets gewijzigd." in str(refusal.value)
    assert not vacancy.jury_rounds.exists() and Mail.objects.count() == mails
    nina.refresh_from_db()
    assert nina.stage == Stage.WAITLIST
    with pytest.raises(ReserveWaiting):
        start_jury_round(vacancy, by=hr, reserve_bypass_reason="   ")  # blanks are no reason


def test_with_hr_s_reason_the_round_starts_and_keeps_it_in_its_record_and_pv(second_vacancy, hr):
    vacancy, _bert, nina = second_vacancy
    jury_round = start_jury_round(vacancy, by=hr, reserve_bypass_reason=f"  {REASON}  ")
    jury_round.refresh_from_db()
    assert (jury_round.reserve_waiting, jury_round.reserve_bypass_reason) == (1, REASON)
    assert [jc.application_id for jc in jury_round.candidates.all()] == [nina.pk]
    pv = re.sub(r"\s+", " ", render_pv_html(jury_round))
    assert ("De juryronde startte terwijl 1 geldige kandidaat in de wervingsreserve nog geen matchgesprek voor "
            f"deze vacature kreeg. Reden van het selectieteam: {REASON}") in pv


def test_once_every_reserve_candidate_had_a_matchgesprek_no_reason_is_needed(second_vacancy, hr):
    vacancy, bert, _nina = second_vacancy
    starts, ends = in_future(days=5)
    schedule_match(vacancy, bert, starts_at=starts, ends_at=ends, location="Wijkcentrum Overleie")
    jury_round = start_jury_round(vacancy, by=hr, reserve_bypass_reason="niet nodig")
    assert (jury_round.reserve_waiting, jury_round.reserve_bypass_reason) == (0, "")
    assert "Wervingsreserve" not in render_pv_html(jury_round)


def test_a_matchgesprek_for_another_vacancy_does_not_count(second_vacancy, procedure, hr):
    vacancy, bert, _nina = second_vacancy
    other = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Heule"))
    starts, ends = in_future(days=5)
    schedule_match(other, bert, starts_at=starts, ends_at=ends, location="Wijkcentrum Heule")
    assert [e.application for e in reserve_without_match(vacancy)] == [bert]
    assert list(reserve_without_match(other)) == []


def test_an_expired_or_ended_reserve_place_does_not_hold_the_round(second_vacancy, hr):
    """The one definition of a waiting pool place (PoolEntry.objects.waiting): open, its date not passed, still in
    the reserve."""
    vacancy, bert, _nina = second_vacancy
    entry = bert.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE)
    PoolEntry.objects.filter(pk=entry.pk).update(expires_on=timezone.localdate())  # the sweep has not run yet
    jury_round = start_jury_round(vacancy, by=hr)
    assert jury_round.reserve_waiting == 0


def test_the_reserve_validity_is_still_checked_first(second_vacancy, procedure, hr):
    vacancy, *_ = second_vacancy
    procedure.function.reserve_months = None
    procedure.function.save(update_fields=["reserve_months"])
    with pytest.raises(JuryRefused, match="geldigheid van de wervingsreserve"):
        start_jury_round(vacancy, by=hr, reserve_bypass_reason=REASON)


def test_too_long_a_reason_is_refused_not_cut(second_vacancy, hr):
    vacancy, *_ = second_vacancy
    with pytest.raises(JuryRefused, match=r"hoogstens 2000 tekens lang \(nu 2001\)"):
        start_jury_round(vacancy, by=hr, reserve_bypass_reason="x" * 2001)
    assert not vacancy.jury_rounds.exists()


# The back office.

def start_url(vacancy):
    return reverse("admin:procedures_vacancy_start_round", args=[vacancy.pk])


def test_the_start_page_names_who_waits_and_refuses_without_a_reason(second_vacancy, hr):
    vacancy, bert, _nina = second_vacancy
    client = client_for(hr)
    page = client.get(start_url(vacancy))
    text = words(page)
    assert "Eerst de wervingsreserve" in text and bert.candidate.full_name in text
    vacancy_pools = reverse("admin:procedures_vacancy_change", args=[vacancy.pk]) + "#vacancy-pools"
    assert f'href="{vacancy_pools}"' in page.content.decode()
    assert 'name="reserve_bypass_reason"' in page.content.decode()

    case = SimpleUploadedFile("case.pdf", b"%PDF-1.4 case", content_type="application/pdf")
    refused = client.post(start_url(vacancy), {**SETTINGS, "case_document": case})
    assert refused.status_code == 200
    text = words(refused)
    assert "1 geldige kandidaat in de wervingsreserve van deze functie kreeg nog geen matchgesprek" in text
    assert "Geef de reden, of plan eerst de matchgesprekken." in text
    assert "Kies het casedocument opnieuw" in text  # a file input cannot keep it: said, not silently dropped
    assert f'href="{vacancy_pools}"' in refused.content.decode()
    assert not vacancy.jury_rounds.exists()

    started = client.post(start_url(vacancy), {**SETTINGS, "reserve_bypass_reason": REASON})
    jury_round = vacancy.jury_rounds.get()
    assert started.status_code == 302
    assert started["Location"] == reverse("admin:interviews_juryround_change", args=[jury_round.pk])
    round_page = words(client.get(started["Location"]))
    assert f"Gestart terwijl 1 geldige reservekandidaat geen matchgesprek had. Reden: {REASON}" in round_page


def test_without_waiting_reserve_the_page_asks_no_reason(jury, procedure, hr):
    waitlisted(procedure, first_name="Nina", last_name="Nieuw")
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    page = client_for(hr).get(start_url(vacancy)).content.decode()
    assert "Eerst de wervingsreserve" not in page and "reserve_bypass_reason" not in page


# A double click on PostgreSQL: the vacancy's row lock lets one start through; the other finds the round.

def locked_start(vacancy, *, by, ready):
    ready.wait(30)
    return start_jury_round(Vacancy.objects.get(pk=vacancy.pk), by=by, reserve_bypass_reason=REASON)


def naive_start(vacancy, *, by, ready):
    """start_jury_round as it would be without the vacancy's row lock: check, then (the other click has checked
    too) write. Only a negative control, to show that the two clicks really overlap."""
    if JuryRound.objects.filter(vacancy=vacancy, status=JuryRound.Status.OPEN).exists():
        raise JuryRefused("Deze vacature heeft al een lopende juryronde.")
    ready.wait(30)
    return JuryRound.objects.create(vacancy=vacancy, created_by=by, reserve_waiting=1, reserve_bypass_reason=REASON)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("door", "rounds"), [(locked_start, 1), (naive_start, 2)],
                         ids=["start_jury_round", "negative-control-without-lock"])
def test_two_starts_at_once_with_a_reason_make_one_round(second_vacancy, hr, door, rounds):
    vacancy, _bert, nina = second_vacancy
    ready = threading.Barrier(2)
    handles = run_together(lambda: door(vacancy, by=hr, ready=ready), lambda: door(vacancy, by=hr, ready=ready))
    assert JuryRound.objects.filter(vacancy=vacancy).count() == rounds
    if rounds == 1:
        assert sorted(str(h.error) for h in handles) == ["Deze vacature heeft al een lopende juryronde.", "None"]
        jury_round = JuryRound.objects.get(vacancy=vacancy)
        assert (jury_round.reserve_waiting, jury_round.reserve_bypass_reason) == (1, REASON)
        assert Transition.objects.filter(application=nina, to_stage=Stage.JURY_INVITED).count() == 1
        assert Mail.objects.filter(event="jury_invitation", to=nina.candidate.email).count() == 1
    else:
        assert_no_error(handles)


def test_the_reserve_place_counts_until_its_last_valid_day(second_vacancy, hr):
    vacancy, bert, _nina = second_vacancy
    entry = bert.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE)
    PoolEntry.objects.filter(pk=entry.pk).update(expires_on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ReserveWaiting):
        start_jury_round(vacancy, by=hr)
