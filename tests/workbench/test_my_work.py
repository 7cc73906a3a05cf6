"""Interviewers and jurors open on their own worklist (Mijn werk) after logging in: the intake interviews of today
and the next days (those still to assess first), and per jury round what is left for them in the order it falls due,
each a link to the page where they do it."""

import re
from base64 import b32encode
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.stages import Stage
from communications.models import Mail
from interviews.jury.conflicts import declare_conflict
from interviews.models import IntakeAssessment, JuryMember, SessionInterviewer
from kortrijk_ats import roles
from tests.auth import code_for, confirmed_device, login_staff
from tests.factories import ApplicationFactory, CandidateFactory, hr_user, staff_user
from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, score_all, waitlisted
from tests.jury.rounds import decide
from tests.workbench.worlds import Many, started_booking, walk

pytestmark = pytest.mark.django_db

MY_WORK = reverse("workbench:my_work")
PASSWORD = "correct-horse-battery-staple"
S = Stage


def invited(procedure, first_name):
    application = ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name=first_name,
                                                                                     last_name="Intake"))
    return walk(application, S.ELIGIBLE, S.INTAKE_INVITED)


def test_an_interviewer_sees_the_interviews_to_assess_first_then_the_coming_days(client, procedure):
    ivo = staff_user(roles.INTERVIEWER, username="ivo")
    other = staff_user(roles.INTERVIEWER, username="ines")
    tomorrow = started_booking(invited(procedure, "Morgen"), minutes_ago=-24 * 60, interviewer=ivo)
    overdue = started_booking(invited(procedure, "Gisteren"), minutes_ago=26 * 60, interviewer=ivo)
    today = started_booking(invited(procedure, "Vanochtend"), minutes_ago=90, interviewer=ivo)
    shared = started_booking(invited(procedure, "Gedeeld"), minutes_ago=-3 * 60)  # no interviewer: the session's
    SessionInterviewer.objects.create(session=shared.slot.session, interviewer=ivo)
    started_booking(invited(procedure, "Volgendemaand"), minutes_ago=-20 * 24 * 60, interviewer=ivo)
    started_booking(invited(procedure, "Collega"), minutes_ago=30, interviewer=other)
    done = started_booking(invited(procedure, "Beoordeeld"), minutes_ago=120, interviewer=ivo)
    IntakeAssessment.objects.create(booking=done, verdict="pass", verdict_motivation="Sterk.", assessed_by=ivo,
                                    **{name: "good" for name, _label in IntakeAssessment.CRITERIA})
    cancelled = started_booking(invited(procedure, "Geannuleerd"), minutes_ago=-60, interviewer=ivo)
    cancelled.cancelled_at = timezone.now()
    cancelled.save()

    login_staff(client, ivo)
    response = client.get(MY_WORK)
    assert [b.pk for b in response.context["work"].interviews] == [overdue.pk, today.pk, shared.pk, tomorrow.pk]
    html = response.content.decode()
    order = [html.index(name) for name in ("Gisteren", "Vanochtend", "Gedeeld", "Morgen")]
    assert order == sorted(order)
    for name in ("Volgendemaand", "Collega", "Beoordeeld", "Geannuleerd"):
        assert name not in html, name
    assert html.count("gesprek voorbij, nog te beoordelen") == 2
    # The link opens the interviewer's own assessment page.
    link = reverse("interviews:assess", args=[overdue.uid])
    assert f'href="{link}"' in html
    assert client.get(link).status_code == 200
    assert "Juryrondes" not in html  # no jury seat: no jury section


@pytest.fixture
def jury(procedure):
    add_bundle_competencies(procedure.function)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    ann_jc, bert_jc = (jury_round.candidates.get(application=a) for a in (ann, bert))
    soon = timezone.now() + timedelta(days=2)
    bert_jc.starts_at, bert_jc.ends_at = soon, soon + timedelta(hours=1)
    bert_jc.save()
    ann_jc.starts_at, ann_jc.ends_at = soon + timedelta(days=1), soon + timedelta(days=1, hours=1)
    ann_jc.save()
    return jury_round, (ann_jc, bert_jc), chair, leader, external


def tasks_of(client):
    work = client.get(MY_WORK).context["work"]
    return [(task.what, task.jury_candidate.application.candidate.first_name if task.jury_candidate else None)
            for round_work in work.rounds for task in round_work.tasks]


def test_a_juror_sees_per_round_what_is_left_in_the_order_it_falls_due(client, jury):
    jury_round, (ann, bert), _chair, leader, external = jury
    login_staff(client, leader.user)
    # Bert's interview comes first.
    assert tasks_of(client) == [("declare", "Bert"), ("declare", "Ann")]
    declare_conflict(leader, ann, has_conflict=False)
    assert tasks_of(client) == [("declare", "Bert"), ("score", "Ann")]
    score_all(leader, ann, 4)
    declare_conflict(leader, bert, has_conflict=True, note="Buurman.")
    assert tasks_of(client) == []
    html = client.get(MY_WORK).content.decode()
    assert "In je juryrondes wacht nu niets op jou." in html
    # The links open the juror's own pages.
    login_staff(client, external.user)
    html = client.get(MY_WORK).content.decode()
    link = reverse("interviews:jury_candidate", args=[jury_round.pk, bert.uid])
    assert f'href="{link}"' in html and "Belangenconflict verklaren: <bdi>Bert Bauwens</bdi>" in html
    jury_page = client.get(link)
    assert jury_page.status_code == 200
    assert f'href="{MY_WORK}"' in jury_page.content.decode()  # the way back, in the menu of every staff page


def test_after_the_deliberation_each_juror_is_asked_to_approve_the_pv(client, jury):
    jury_round = decide(jury, approve=False)
    _round, _candidates, chair, leader, external = jury
    for member in (chair, leader, external):
        login_staff(client, member.user)
        assert tasks_of(client) == [("approve_pv", None)]
    html = client.get(MY_WORK).content.decode()
    link = reverse("interviews:jury_pv", args=[jury_round.pk])
    assert f'href="{link}"' in html
    assert client.get(link).status_code == 200
    JuryMember.objects.filter(pk=external.pk).update(pv_approved_at=timezone.now())
    assert tasks_of(client) == []


def test_a_candidate_has_no_worklist(client, procedure):
    application = ApplicationFactory(procedure=procedure)
    login_staff(client, application.candidate.user)
    assert client.get(MY_WORK).status_code == 403
    assert f'href="{MY_WORK}"' not in client.get("/mijn-kandidaturen/").content.decode()


def second_factor(client, user, response):
    """Follow the log-in's redirects to the code page and enter the code; returns where the code page sends on."""
    chain = []
    while response.status_code == 302 and not response["Location"].startswith(reverse("staff_otp")):
        chain.append(response["Location"])
        response = client.get(response["Location"])
    assert response.status_code == 302, (chain, response.status_code, response.content.decode()[:2000])
    device = confirmed_device(user)
    done = client.post(response["Location"], {"token": code_for(b32encode(device.bin_key).decode())})
    assert done.status_code == 302
    return done["Location"]


@pytest.mark.parametrize("role, home", [(roles.INTERVIEWER, MY_WORK), (roles.JUROR, MY_WORK),
                                        (roles.HR, reverse("admin:index"))])
def test_after_logging_in_staff_open_on_their_own_home(role, home):
    user = hr_user(username="staff-home") if role == roles.HR else staff_user(role, username="staff-home")
    client = Client()
    form = client.get("/admin/login/").content.decode()
    next_url = re.search(r'name="next" value="([^"]*)"', form).group(1)  # the form's own: the back office
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": next_url})
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert second_factor(client, user, response) == home
    assert client.get(home).status_code == 200
    # Asking for the back office later sends an interviewer or juror to the worklist again, never a refusal.
    if role != roles.HR:
        back_office = client.get(reverse("admin:index"), follow=True)
        assert back_office.redirect_chain[-1][0] == MY_WORK


def test_the_external_expert_logging_in_by_code_opens_on_the_worklist(jury):
    client = Client()
    client.post("/account/login/code/", {"email": "eva.extern@example.org"})
    mail = Mail.objects.filter(to="eva.extern@example.org", event="account").latest("id")
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.body_text, re.MULTILINE).group(1)
    response = client.post("/account/login/code/confirm/", {"code": code})
    assert response["Location"] == MY_WORK
    user = get_user_model().objects.get(email="eva.extern@example.org")
    assert second_factor(client, user, client.get(MY_WORK)) == MY_WORK


def test_the_demo_jurors_and_interviewer_see_their_work(client):
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    users = get_user_model().objects
    for username in ("demo.jury.selectieteam", "demo.jury.leidinggevende", "demo.jury.extern"):
        login_staff(client, users.get(username=username))
        response = client.get(MY_WORK)
        assert tasks_of(client) == [("declare", "Nina")], username
        assert "gesprek nog niet gepland" in response.content.decode()
    login_staff(client, users.get(username="demo.interviewer"))
    html = client.get(MY_WORK).content.decode()
    assert "Geen gesprekken vandaag of de komende dagen" in html


def test_the_worklists_cost_the_same_queries_for_10_and_1000_applications(client, procedure, people):
    world = Many(procedure, people=people)
    world.add(10)
    counts = {}
    for user in (people.interviewer, people.juror, people.chair):
        login_staff(client, user)
        client.get(MY_WORK)
        with CaptureQueriesContext(connection) as captured:
            client.get(MY_WORK)
        counts[user.username] = len(captured)
    world.add(990)
    for user in (people.interviewer, people.juror, people.chair):
        login_staff(client, user)
        client.get(MY_WORK)
        with CaptureQueriesContext(connection) as captured:
            work = client.get(MY_WORK).context["work"]
        assert len(captured) == counts[user.username], user.username
        if user == people.interviewer:
            assert len(work.interviews) == 100  # every booking lies within today and the next days
        else:
            assert len(work.rounds[0].tasks) == 100  # a declaration per jury candidate
