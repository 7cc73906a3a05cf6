"""The kill -9 fault run, shared by tests/faults (100 mails) and bench/fault_mail_run.py (1,000 mails).

Queue N mails, let a real Celery worker (a subprocess, solo pool) send them to an aiosmtpd sink, kill -9 it once
part of them went out, start a new worker, run the stuck-mail sweep, wait until every mail is sent, and count the
distinct Message-IDs the sink received. A mail whose SMTP transaction completed just before the kill may arrive
twice (at-least-once by design: the server's 250 and our UPDATE cannot be one atomic step); every mail must arrive.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from communications.models import Mail
from tests.smtp_sink import SinkHandler, SMTPSink, _FreePortController

ROOT = Path(__file__).resolve().parent.parent.parent


class SlowHandler(SinkHandler):
    """A sink that takes a little time per message, so the kill lands in the middle of a batch."""

    def __init__(self, delay):
        super().__init__()
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


class SlowSink(SMTPSink):
    def __init__(self, *, delay, host="127.0.0.1"):
        self.handler = SlowHandler(delay)
        self.controller = _FreePortController(self.handler, hostname=host, port=0)


@dataclass
class FaultRunResult:
    mails: int
    received_before_kill: int
    received: int
    distinct_message_ids: int
    duplicates: int
    stuck_requeued: int
    all_sent_in_db: bool
    seconds: float


def database_url():
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(*, sink, queue):
    env = dict(os.environ)
    env.update(DATABASE_URL=database_url(), CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
               CELERY_TASK_DEFAULT_QUEUE=queue, EMAIL_URL=f"smtp://{sink.host}:{sink.port}", DEBUG="true",
               SECRET_KEY=settings.SECRET_KEY, IDENTITY_HASH_KEY=settings.IDENTITY_HASH_KEY,
               DJANGO_SETTINGS_MODULE="kortrijk_ats.settings", PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING")
    env.pop("TEST_DB_NAME", None)
    env.pop("PYTEST_XDIST_WORKER", None)  # else settings would suffix the queue with the test worker's id
    return env


def start_worker(env, queue, log_file):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "kortrijk_ats", "worker", "--pool", "solo", "-Q", queue,
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)


def make_mails(count):
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    now = timezone.now()
    Mail.objects.bulk_create([
        Mail(event="fault_run", to=f"k{i}@example.org", subject=f"Foutproef {i}", body_text=f"Mail {i}",
             state=Mail.State.QUEUED, queued_at=now, message_id=f"<{uuid.uuid4().hex}@{domain}>")
        for i in range(count)], batch_size=500)
    return list(Mail.objects.filter(event="fault_run").order_by("pk").values_list("pk", flat=True))


def wait_until(predicate, *, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def run_fault(*, mails, kill_after_fraction=0.3, delay=0.005, timeout=300, log_dir=None):
    """The whole run; the database must be one the worker subprocess can reach (committed rows)."""
    from communications.outbox import ENQUEUE_BATCH
    from communications.sending import requeue_stuck_mails
    from communications.tasks import send_mails
    from kortrijk_ats.celery import app

    began = time.monotonic()
    queue = f"kats_fault_{uuid.uuid4().hex[:8]}"
    log_dir = Path(log_dir or ROOT / "test-artifacts")
    log_dir.mkdir(parents=True, exist_ok=True)
    ids = make_mails(mails)
    with SlowSink(delay=delay) as sink, open(log_dir / f"{queue}-worker.log", "w") as log_file:
        env = worker_env(sink=sink, queue=queue)
        worker = start_worker(env, queue, log_file)
        try:
            for start in range(0, len(ids), ENQUEUE_BATCH):
                send_mails.apply_async(args=[ids[start:start + ENQUEUE_BATCH]], queue=queue)
            if not wait_until(lambda: len(sink.messages) >= mails * kill_after_fraction, timeout=timeout):
                raise RuntimeError("the worker sent too little before the kill; see the worker log")
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
            received_before_kill = len(sink.messages)
            worker = start_worker(env, queue, log_file)
            # The sweep's threshold is minutes in production; here the worker is known dead, so: now.
            stuck_before = settings.KATS_MAIL_STUCK_SENDING_AFTER
            settings.KATS_MAIL_STUCK_SENDING_AFTER = 0
            try:
                with app.connection_for_write() as connection:
                    # The sweep hands mails to the default queue; point it at this run's worker.
                    app.conf.task_default_queue = queue
                    report = requeue_stuck_mails()
                    del connection
            finally:
                settings.KATS_MAIL_STUCK_SENDING_AFTER = stuck_before
                app.conf.task_default_queue = settings.CELERY_TASK_DEFAULT_QUEUE
            done = wait_until(lambda: not Mail.objects.filter(pk__in=ids).exclude(state=Mail.State.SENT).exists(),
                              timeout=timeout, step=0.2)
        finally:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(worker.pid, signal.SIGKILL)
                    worker.wait()
        received = sink.messages
    expected = set(Mail.objects.filter(pk__in=ids).values_list("message_id", flat=True))
    got = [m.message_id for m in received]
    return FaultRunResult(
        mails=mails, received_before_kill=received_before_kill, received=len(got),
        distinct_message_ids=len(set(got) & expected), duplicates=len(got) - len(set(got)),
        stuck_requeued=report.requeued_stuck, all_sent_in_db=done, seconds=round(time.monotonic() - began, 1))
