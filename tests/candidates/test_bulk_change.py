"""A bulk stage change goes through the same rules as change_stage, chunk by chunk: each event's template is read
once per chunk, a chunk's plain changes are written together, and the mails reach the broker after commit as a
few batch tasks (read back from the real Redis queue), never one publish per mail."""

import json

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates import transitions
from candidates.models import Application, Transition
from candidates.stages import Stage
from candidates.transitions import change_stages
from communications import outbox
from communications.models import Mail
from tests.factories import ApplicationFactory

S = Stage


@pytest.fixture
def broker_queue():
    """The test run's own Celery queue on the real Redis, emptied first; returns a reader of (task, args)."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete(settings.CELERY_TASK_DEFAULT_QUEUE)

    def published():
        messages = [json.loads(raw) for raw in client.lrange(settings.CELERY_TASK_DEFAULT_QUEUE, 0, -1)]
        return sorted((m["headers"]["task"], m["headers"]["argsrepr"]) for m in messages)

    yield published
    client.delete(settings.CELERY_TASK_DEFAULT_QUEUE)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(transitions, "BULK_CHUNK", 4)
    monkeypatch.setattr(outbox, "ENQUEUE_BATCH", 3)


@pytest.mark.django_db(transaction=True)
def test_a_bulk_publishes_batch_tasks_after_commit_and_reads_each_template_once_per_chunk(
        hr, small_batches, broker_queue):
    applications = [ApplicationFactory() for _ in range(7)]
    refused = applications[2]
    Application.objects.filter(pk=refused.pk).update(stage=S.WITHDRAWN)
    with CaptureQueriesContext(connection) as captured:
        outcome = change_stages(applications, to=S.ELIGIBLE, by=hr)
    assert [a.pk for a in outcome.changed] == [a.pk for a in applications if a is not refused]
    assert [(a.pk, message) for a, message in outcome.refused] == [
        (refused.pk, "Van ‘teruggetrokken’ naar ‘toegelaten’ kan niet. Er is niets gewijzigd.")]
    template_reads = [q for q in captured.captured_queries if 'FROM "communications_mailtemplate"' in q["sql"]]
    assert len(template_reads) == 2  # chunks of 4: two chunks, one read each
    mails = list(Mail.objects.order_by("pk").values_list("pk", flat=True))
    assert len(mails) == 6 and Transition.objects.filter(to_stage=S.ELIGIBLE).count() == 6
    # chunk 1: three mails (one application refused), one task; chunk 2: three mails, one task
    assert broker_queue() == sorted([("communications.tasks.send_mails", repr((mails[0:3],))),
                                     ("communications.tasks.send_mails", repr((mails[3:6],)))])


@pytest.mark.django_db(transaction=True)
def test_a_failure_in_one_application_rolls_back_its_chunk_and_publishes_nothing_of_it(
        hr, small_batches, broker_queue, monkeypatch):
    applications = [ApplicationFactory() for _ in range(6)]
    original = transitions._stage_mail

    def failing_on_the_sixth(application, to, **kwargs):
        mail = original(application, to, **kwargs)
        if application.pk == applications[5].pk:
            raise RuntimeError("the database went away")
        return mail

    monkeypatch.setattr(transitions, "_stage_mail", failing_on_the_sixth)
    with pytest.raises(RuntimeError):
        change_stages(applications, to=S.ELIGIBLE, by=hr)
    stages = dict(Application.objects.values_list("pk", "stage"))
    assert [stages[a.pk] for a in applications] == [S.ELIGIBLE] * 4 + [S.SCREENING] * 2
    committed = list(Mail.objects.order_by("pk").values_list("pk", flat=True))
    assert len(committed) == 4
    assert broker_queue() == sorted([("communications.tasks.send_mails", repr((committed[0:3],))),
                                     ("communications.tasks.send_mails", repr((committed[3:4],)))])


@pytest.mark.django_db
def test_an_application_erased_since_it_was_selected_is_refused_and_the_others_change(hr):
    applications = [ApplicationFactory() for _ in range(3)]
    gone = applications[1]
    Application.objects.filter(pk=gone.pk).delete()
    outcome = change_stages(applications, to=S.ELIGIBLE, by=hr)
    assert outcome.changed == [applications[0], applications[2]]
    assert outcome.refused == [(gone, "Deze kandidatuur bestaat niet meer. Er is niets gewijzigd.")]


@pytest.mark.django_db
def test_the_same_application_twice_in_a_bulk_changes_once(hr):
    application = ApplicationFactory()
    outcome = change_stages([application, application], to=S.ELIGIBLE, by=hr)
    assert outcome.changed == [application]
    assert [message for _application, message in outcome.refused] == [
        "Van ‘toegelaten’ naar ‘toegelaten’ kan niet. Er is niets gewijzigd."]
    assert Transition.objects.filter(application=application).count() == 1
    assert Mail.objects.filter(event="screening_eligible").count() == 1
