"""What the daily summary says and costs: the demo data's werkbank for the demo's HR members, and the same number of
queries to queue it for 10 or 1,000 applications."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communications.models import Mail
from procedures import seed_data
from procedures.models import Procedure
from tests.factories import hr_user
from tests.workbench.worlds import Many
from workbench.daily_summary import send_daily_summaries
from workbench.mail_events import DAILY_SUMMARY
from workbench.models import DailySummary

pytestmark = pytest.mark.django_db


def test_the_demo_hr_members_get_the_demo_werkbank():
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    assert send_daily_summaries() == 2
    mails = Mail.objects.filter(event=DAILY_SUMMARY.key).order_by("to")
    # The demo's HR member and the juror of the selection team (HR too); the interviewer and the others are not HR.
    assert [mail.to for mail in mails] == ["demo.hr@example.org", "demo.jury.selectieteam@example.org"]
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    body = mails[0].body_text
    assert "Beste Hilde Vermeersch" in body
    assert procedure.title in body
    assert "- Kandidaturen te screenen: 1 — " in body
    assert "- Uitslagmails die wachten op vrijgave: 3 — " in body
    assert mails[0].state == Mail.State.QUEUED  # through the outbox, sent by the worker
    assert send_daily_summaries() == 0


def test_queueing_the_summaries_costs_the_same_queries_for_10_and_1000_applications(procedure, people):
    for username in ("hr-a", "hr-b"):
        hr_user(username=username)
    world = Many(procedure, people=people)
    world.add(10)
    with CaptureQueriesContext(connection) as at_10:
        assert send_daily_summaries() == 3  # the two, and the chair of the round (HR)
    DailySummary.objects.all().delete()
    world.add(990)
    with CaptureQueriesContext(connection) as at_1000:
        assert send_daily_summaries() == 3
    assert len(at_1000) == len(at_10), (len(at_10), len(at_1000))
