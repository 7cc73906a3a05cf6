"""HR's daily summary: each HR member with work waiting gets one mail a day through the outbox, delivered by the real
worker to the SMTP sink; a second run the same day sends nothing new; a member switches it off on their own page."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from communications.models import Mail
from kortrijk_ats import roles
from kortrijk_ats.celery import app
from tests.auth import login_staff
from tests.communications.test_worker import wait_for_state, worker  # noqa: F401  (the worker fixture)
from tests.factories import ApplicationFactory, hr_user, staff_user
from tests.threads import assert_no_error, run_together
from workbench import tasks
from workbench.daily_summary import send_daily_summaries, set_summary, summary_recipients
from workbench.mail_events import DAILY_SUMMARY
from workbench.models import DailySummary

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

MONDAY_MORNING = datetime(2026, 3, 2, 7, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def summaries():
    return Mail.objects.filter(event=DAILY_SUMMARY.key)


@pytest.fixture
def team(procedure):
    hilde = hr_user(username="hilde", email="hilde@kortrijk.example", first_name="Hilde", last_name="Vermeersch")
    karel = hr_user(username="karel", email="karel@kortrijk.example")
    set_summary(karel, wanted=False)
    hr_user(username="oud", email="oud@kortrijk.example", is_active=False)
    staff_user(roles.INTERVIEWER, username="ivo", email="ivo@kortrijk.example")
    return hilde


def test_one_summary_a_day_reaches_each_hr_member_who_wants_it(worker, smtp_sink, team, procedure):  # noqa: F811
    ApplicationFactory(procedure=procedure)
    with time_machine.travel(MONDAY_MORNING, tick=True):
        tasks.send_daily_summaries.delay()  # as beat sends it: the worker runs the task, then delivers the mail
        smtp_sink.wait_for(1)
        wait_for_state(summaries().get(), Mail.State.SENT)
    received = smtp_sink.messages
    assert [m.rcpt_tos for m in received] == [["hilde@kortrijk.example"]]
    message = received[0].message
    assert message["Subject"] == "Werkbank van 02/03/2026 (open: 1)"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Beste Hilde Vermeersch" in body
    assert procedure.title in body
    assert (f"- Kandidaturen te screenen: 1 — {settings.SITE_URL}/admin/candidates/application/"
            f"?werk=te-screenen&werk_procedure={procedure.pk}") in body
    assert f"{settings.SITE_URL}{reverse('workbench:preferences')}" in body

    # Later that day: nothing new, even with more work waiting.
    ApplicationFactory(procedure=procedure)
    with time_machine.travel(MONDAY_MORNING + timedelta(hours=3), tick=False):
        assert tasks.send_daily_summaries.apply().get() == {"queued": 0}
    assert summaries().count() == 1
    # The next morning: a new one, with the new count.
    with time_machine.travel(MONDAY_MORNING + timedelta(days=1), tick=True):
        assert tasks.send_daily_summaries.apply().get() == {"queued": 1}
        smtp_sink.wait_for(2)
    assert [m.message["Subject"] for m in smtp_sink.messages][1] == "Werkbank van 03/03/2026 (open: 2)"
    assert list(DailySummary.objects.order_by("day").values_list("user__username", "day")) == [
        ("hilde", MONDAY_MORNING.date()), ("hilde", MONDAY_MORNING.date() + timedelta(days=1))]


def test_nothing_waits_nothing_is_sent(team):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert send_daily_summaries() == 0
    assert not summaries().exists() and not DailySummary.objects.exists()


def test_two_runs_at_once_send_one_summary(team, procedure):
    ApplicationFactory(procedure=procedure)
    with time_machine.travel(MONDAY_MORNING, tick=True):
        handles = run_together(send_daily_summaries, send_daily_summaries)
    assert_no_error(handles)
    assert sorted(handle.result for handle in handles) == [0, 1]
    assert list(summaries().values_list("to", flat=True)) == ["hilde@kortrijk.example"]


def test_beat_runs_it_every_morning():
    entry = settings.CELERY_BEAT_SCHEDULE["send-werkbank-summaries"]
    assert entry["task"] == tasks.send_daily_summaries.name and entry["task"] in app.tasks
    assert sorted(entry["schedule"].hour) == [7, 8, 9, 10, 11] and entry["schedule"].minute == {0}


def test_each_member_switches_it_off_and_on_on_their_own_page(team):
    client = Client()
    login_staff(client, team)
    url = reverse("workbench:preferences")
    page = client.get(url).content.decode()
    assert 'name="daily_summary"' in page and "checked" in page.split('name="daily_summary"')[1].split(">")[0]
    response = client.post(url, {})  # the box unticked
    assert response.status_code == 302
    assert team not in summary_recipients()
    assert "Je krijgt geen dagelijkse samenvatting meer." in client.get(url).content.decode()
    client.post(url, {"daily_summary": "on"})
    assert [user.username for user in summary_recipients()] == ["hilde"]
