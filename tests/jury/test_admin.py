"""HR's back office for the jury: seating jurors on the round page, planning and recording a matchgesprek, and
every refusal shown on the form (never a 500)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.stages import Stage
from communications.models import Mail
from interviews.models import JuryMember, MatchInterview, VacancyProposal
from kortrijk_ats import roles
from tests.factories import TeamFactory, staff_user
from tests.jury.helpers import make_vacancy, open_round, waitlisted
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


def inline_post(jury_round, rows):
    data = {"members-TOTAL_FORMS": str(len(rows)), "members-INITIAL_FORMS": "0", "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000", "candidates-TOTAL_FORMS": "0", "candidates-INITIAL_FORMS": "0",
            "candidates-MIN_NUM_FORMS": "0", "candidates-MAX_NUM_FORMS": "1000",
            "scale_min": jury_round.scale_min, "scale_max": jury_round.scale_max,
            "pass_part_percent": jury_round.pass_part_percent, "pass_total_percent": jury_round.pass_total_percent,
            "work_case": jury_round.work_case, "case_title": "", "case_days_before": jury_round.case_days_before,
            "questionnaire": ""}
    for i, (role, user) in enumerate(rows):
        data[f"members-{i}-role"] = role
        data[f"members-{i}-user"] = user.pk
        data[f"members-{i}-round"] = jury_round.pk
    return data


def test_hr_seats_the_chair_and_the_team_leader_on_the_round_page(procedure, hr):
    waitlisted(procedure)
    jury_round = open_round(procedure)
    leader = staff_user(roles.JUROR, username="leidinggevende", first_name="Koen", last_name="Vandamme")
    client = client_for(hr)
    url = reverse("admin:interviews_juryround_change", args=[jury_round.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, inline_post(jury_round, [(JuryMember.Role.CHAIR, hr),
                                                         (JuryMember.Role.TEAM_LEADER, leader)]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(jury_round.members.values_list("role", "user")) == {(JuryMember.Role.CHAIR, hr.pk),
                                                                    (JuryMember.Role.TEAM_LEADER, leader.pk)}
    assert Mail.objects.filter(event="juror_invitation", to=leader.email).exists()
    # A second team leader: the role is taken; the page says so and nothing changes.
    other = staff_user(roles.JUROR, username="tweede-leidinggevende")
    response = client.post(url, inline_post(jury_round, [(JuryMember.Role.TEAM_LEADER, other)]), follow=True)
    assert response.status_code == 200
    assert not jury_round.members.filter(user=other).exists()


def test_hr_removes_a_juror_on_the_round_page_only_before_they_declared(jury, hr):
    from interviews.jury.conflicts import declare_conflict

    jury_round, (ann, _bert), _chair, leader, external = jury
    declare_conflict(external, ann, has_conflict=False)
    data = inline_post(jury_round, [])
    data.update({"members-TOTAL_FORMS": "2", "members-INITIAL_FORMS": "2"})
    for i, member in enumerate((leader, external)):
        data.update({f"members-{i}-id": member.pk, f"members-{i}-round": jury_round.pk, f"members-{i}-DELETE": "on"})
    response = client_for(hr).post(reverse("admin:interviews_juryround_change", args=[jury_round.pk]), data,
                                   follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{external.display_name} verklaarde of scoorde al in deze ronde en blijft jurylid." in page
    assert not JuryMember.objects.filter(pk=leader.pk).exists()
    assert JuryMember.objects.filter(pk=external.pk).exists()


def test_hr_plans_a_matchgesprek_from_the_vacancy_and_records_the_match(jury, procedure, hr):
    decide(jury, values=(5, 4))
    bert = jury[1][1].application
    vacancy = make_vacancy(procedure, team=TeamFactory(name="Wijkteam Overleie"))
    client = client_for(hr)
    add = reverse("admin:interviews_matchinterview_add")
    assert client.get(f"{add}?vacancy={vacancy.pk}&application={bert.pk}").status_code == 200
    day = (timezone.localdate() + timedelta(days=4)).isoformat()
    form = {"vacancy": vacancy.pk, "application": bert.pk, "starts_at_0": day, "starts_at_1": "14:00",
            "ends_at_0": day, "ends_at_1": "14:45", "location": "", "meeting_url": "", "note": "", "matched": ""}
    refused = client.post(add, form)
    assert refused.status_code == 200 and "plaats of een link" in refused.content.decode()
    assert client.post(add, form | {"location": "Wijkcentrum Overleie"}).status_code == 302
    match = MatchInterview.objects.get(vacancy=vacancy, application=bert)
    assert Mail.objects.for_object(bert).filter(event="match_interview_scheduled").count() == 1
    MatchInterview.objects.filter(pk=match.pk).update(starts_at=timezone.now() - timedelta(hours=1),
                                                      ends_at=timezone.now())
    change = reverse("admin:interviews_matchinterview_change", args=[match.pk])
    now = timezone.localtime()
    response = client.post(change, {
        "starts_at_0": (now - timedelta(hours=1)).date().isoformat(), "starts_at_1": (now - timedelta(hours=1))
        .strftime("%H:%M:%S"), "ends_at_0": now.date().isoformat(), "ends_at_1": now.strftime("%H:%M:%S"),
        "location": "Wijkcentrum Overleie", "meeting_url": "", "note": "Klikt met het team.", "matched": "match"})
    assert response.status_code == 302, response.content.decode()[:3000]
    bert.refresh_from_db()
    assert bert.stage == Stage.OFFER
    assert VacancyProposal.objects.get(vacancy=vacancy, application=bert).source == VacancyProposal.Source.MATCH


def test_hr_cancels_a_round_with_a_reason(jury, hr):
    jury_round = jury[0]
    client = client_for(hr)
    url = reverse("admin:interviews_juryround_cancel", args=[jury_round.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 200  # the form asks for the reason
    jury_round.refresh_from_db()
    assert jury_round.is_open
    assert client.post(url, {"reason": "De vacature vervalt."}).status_code == 302
    jury_round.refresh_from_db()
    assert jury_round.status == jury_round.Status.CANCELLED
    assert Mail.objects.filter(event="jury_round_cancelled").count() == 2
