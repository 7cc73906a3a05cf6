"""The matchgesprek for reserve candidates (match → proposed for the offer; no match → stays in the reserve, never
a fail), the vacancy page that shows the reserve first, and a reserve candidate's temporary unavailability."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Ban, PoolEntry
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from interviews.jury import JuryRefused
from interviews.jury.matching import cancel_unavailability, mark_unavailable, record_match, schedule_match
from interviews.jury.outcomes import next_ranked_passer
from interviews.jury.rounds import vacancy_pools
from interviews.models import MatchInterview, ReserveUnavailability, VacancyProposal
from tests.factories import TeamFactory
from tests.jury.helpers import in_future, make_vacancy, waitlisted
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def reserve(jury):
    """Ann got the first vacancy's offer, Bert is in the reserve; a second vacancy in another team opens."""
    decide(jury, values=(5, 4))
    bert = jury[1][1].application
    bert.refresh_from_db()
    assert bert.stage == Stage.RESERVE
    return bert


def test_opening_a_vacancy_shows_the_valid_reserve_first_then_the_waitlist(reserve, procedure, hr):
    newcomer = waitlisted(procedure, first_name="Nieuw", last_name="Opwachtlijst")
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    away = mark_unavailable(reserve, starts_on=timezone.localdate(), ends_on=timezone.localdate() + timedelta(days=30),
                            note="Reis")
    pools = vacancy_pools(vacancy)
    assert [(row.application, row.unavailable) for row in pools["reserve"]] == [(reserve, away)]
    assert [row.application for row in pools["waitlist"]] == [newcomer]
    page = client_for(hr).get(reverse("admin:procedures_vacancy_change", args=[vacancy.pk])).content.decode()
    assert page.index("Invullen uit de wervingsreserve") < page.index("Invullen met een juryronde")
    assert reserve.candidate.full_name in page and "Matchgesprek plannen" in page and "niet beschikbaar van" in page


def test_a_match_proposes_the_reserve_candidate_for_the_offer(reserve, procedure, hr):
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    starts, ends = in_future(days=5)
    match = schedule_match(vacancy, reserve, starts_at=starts, ends_at=ends, meeting_url="https://teams.example/m")
    mail = Mail.objects.for_object(reserve).get(event="match_interview_scheduled")
    assert "Wijkteam Overleie" in mail.body_text and f"match-{match.uid}@kortrijk-ats" in mail.calendar
    with pytest.raises(JuryRefused, match="nog niet begonnen"):
        record_match(match, matched=True, by=hr)
    MatchInterview.objects.filter(pk=match.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    record_match(match, matched=True, note="Verwachtingen over uren en locatie kloppen.", by=hr)
    reserve.refresh_from_db()
    assert reserve.stage == Stage.OFFER
    assert VacancyProposal.objects.get(vacancy=vacancy).source == VacancyProposal.Source.MATCH
    with pytest.raises(JuryRefused, match="staat al vast"):
        record_match(match, matched=False, by=hr)


def test_no_match_is_never_a_fail_the_candidate_stays_in_the_reserve(reserve, procedure, hr):
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    entry = reserve.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE)
    starts, ends = in_future(days=5)
    match = schedule_match(vacancy, reserve, starts_at=starts, ends_at=ends, location="Wijkcentrum Overleie")
    MatchInterview.objects.filter(pk=match.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    record_match(match, matched=False, note="Voorkeur voor een ander uurrooster.", by=hr)
    reserve.refresh_from_db()
    assert reserve.stage == Stage.RESERVE
    assert not Ban.objects.filter(application=reserve).exists()
    assert reserve.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE) == entry  # same validity
    mail = Mail.objects.for_object(reserve).get(event="match_no_match")
    assert mail.state == Mail.State.QUEUED and entry.last_valid_day.strftime("%d/%m/%Y") in mail.body_text


def test_a_match_interview_is_for_reserve_candidates_of_the_function_only(jury, procedure):
    decide(jury, values=(5, 2))
    failed = jury[1][1].application
    failed.refresh_from_db()
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    starts, ends = in_future(days=5)
    with pytest.raises(JuryRefused, match="wervingsreserve"):
        schedule_match(vacancy, failed, starts_at=starts, ends_at=ends, location="x")


def test_next_ranked_passer_follows_the_ranking_for_the_offer_step(jury):
    jury_round = decide(jury, values=(5, 4))
    bert = jury[1][1].application
    assert next_ranked_passer(jury_round.vacancy).application_id == bert.pk


def test_a_reserve_candidate_marks_themselves_unavailable_without_extending_the_reserve(reserve, jury, hr):
    release_mails(Mail.objects.for_object(reserve).filter(event="reserve"), by=hr)  # the candidate knows the place
    client = client_for(reserve.candidate.user)
    url = reverse("interviews:reserve_availability", args=[reserve.public_id])
    expires = reserve.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE).expires_on
    today = timezone.localdate()
    bad = client.post(url, {"starts_on": today + timedelta(days=10), "ends_on": today + timedelta(days=5)})
    assert bad.status_code == 400 and "ligt na de eerste dag" in bad.content.decode()
    assert client.post(url, {"starts_on": today, "ends_on": today + timedelta(days=60),
                             "note": "Lange reis"}).status_code == 302
    period = ReserveUnavailability.objects.get(application=reserve)
    overlap = client.post(url, {"starts_on": today + timedelta(days=10), "ends_on": today + timedelta(days=20)})
    assert overlap.status_code == 400 and "overlapt" in overlap.content.decode()
    assert reserve.pool_entries.active().get(kind=PoolEntry.Kind.RESERVE).expires_on == expires
    cancel_unavailability(period)
    period.refresh_from_db()
    assert period.cancelled_at is not None
    other = client_for(jury[1][0].application.candidate.user)
    assert other.get(url).status_code == 404  # someone else's application
    with pytest.raises(JuryRefused, match="verleden"):
        mark_unavailable(reserve, starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=1))


def test_a_reserve_place_past_its_date_gets_no_matchgesprek_even_before_the_sweep(reserve, procedure, hr):
    """The one definition of a place that waits in the reserve (PoolEntry.objects.waiting) holds for the
    matchgesprek as for the jury round: the back office's list and the domain both leave an expired place out."""
    from interviews.jury.screens.admin_after_jury import MatchForm

    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    assert reserve in MatchForm().fields["application"].queryset
    PoolEntry.objects.filter(application=reserve, kind=PoolEntry.Kind.RESERVE).update(
        expires_on=timezone.localdate())  # the sweep has not run yet: the stage still says reserve
    assert reserve not in MatchForm().fields["application"].queryset
    starts, ends = in_future(days=5)
    with pytest.raises(JuryRefused, match="wervingsreserve is niet meer geldig"):
        schedule_match(vacancy, reserve, starts_at=starts, ends_at=ends, location="Wijkcentrum Overleie")
    assert not MatchInterview.objects.exists()
