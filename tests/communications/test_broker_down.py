"""Queueing a mail while the broker hangs must not hang the request: the publish gives up; the sweep sends later."""

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings

SCRIPT = "import django; django.setup(); from communications.outbox import enqueue; enqueue(12345); print('returned')"


def test_enqueue_gives_up_on_a_broker_that_accepts_but_never_answers():
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        accepted = []
        stop = threading.Event()

        def accept():
            hung.settimeout(0.2)
            while not stop.is_set():
                try:
                    accepted.append(hung.accept()[0])  # keep it open, answer nothing
                except TimeoutError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            env = {**_environ(), "CELERY_BROKER_URL": f"redis://127.0.0.1:{hung.getsockname()[1]}/0"}
            # The timeout only turns a hang into a failure; without socket timeouts this call never returns.
            result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=settings.BASE_DIR, env=env,
                                    capture_output=True, text=True, timeout=120, check=False)
        finally:
            stop.set()
            thread.join()
            for conn in accepted:
                conn.close()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "returned"
    assert "Broker unreachable; mail 12345 stays queued for the sweep." in result.stderr
    assert accepted, "the publish never reached the hung broker"


def _environ():
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "kortrijk_ats.settings")
    env["PYTHONPATH"] = str(Path(settings.BASE_DIR))
    return env
