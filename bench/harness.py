"""The benchmark harness: the app as in production on loopback, an HTTP load generator, medians, one table.

Production-like: gunicorn sync workers, PostgreSQL (a database of its own, dropped afterwards), Redis as the Celery
broker with a queue of its own, a Celery worker, DEBUG off. The bench settings (bench.settings) add only the bare
ceiling views and Django's default change list to the production URLs.
"""

import http.client
import math
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Overridable so that two benches on one server keep to their own database and queue.
BENCH_DB = os.environ.get("KATS_BENCH_DB", "kats_bench_suite")
QUEUE = os.environ.get("KATS_BENCH_QUEUE", "q_bench")


# ---------------------------------------------------------------------------------------------------- environment

def database_url(url, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{name}"))


def _admin_connection(url):
    import psycopg2

    conn = psycopg2.connect(database_url(url, "postgres"))
    conn.autocommit = True
    return conn


def recreate_database(url, name=BENCH_DB):
    conn = _admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {name}")
    conn.close()


def drop_database(url, name=BENCH_DB):
    conn = _admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    conn.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_environment(*, base_database_url, redis_url, var_dir, email_url="", database=BENCH_DB, queue=QUEUE,
                      settings_module="bench.settings"):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "IDENTITY_HASH_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": database_url(base_database_url, database),
        "DB_CONN_MAX_AGE": "60",  # sync workers serve one request at a time: one persistent connection each
        "CELERY_BROKER_URL": redis_url,
        "REDIS_URL": redis_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "KATS_VAR_DIR": str(var_dir),
        "PRIVATE_STORAGE_ROOT": str(Path(var_dir) / "private"),
        "EMAIL_URL": email_url,
        "LOG_LEVEL": "ERROR",  # a 409 per lost race would flood the console
        "PYTHONPATH": str(ROOT),
    }


def migrate(env):
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True)


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


# ---------------------------------------------------------------------------------------------------- servers

@dataclass
class Servers:
    """gunicorn (sync workers) and a Celery worker, each in its own process group so they stop cleanly."""

    env: dict
    workers: int = 3
    ready_path: str = "/bench/bare/"  # answers 200 once gunicorn serves
    port: int = field(default_factory=free_port)
    processes: list = field(default_factory=list)

    def _log(self, name):
        return open(Path(self.env["KATS_VAR_DIR"]) / f"{name}.log", "ab")

    def start(self):
        self.processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kortrijk_ats.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--worker-class", "sync", "--backlog", "2048", "--timeout", "120",
             "--no-control-socket", "--log-level", "warning"],
            cwd=ROOT, env=self.env, start_new_session=True))
        self.processes.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "--app", "kortrijk_ats", "worker", "--pool", "threads",
             "--concurrency", "4", "--queues", self.env["CELERY_TASK_DEFAULT_QUEUE"], "--loglevel", "WARNING",
             "--without-heartbeat", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env, start_new_session=True, stdout=self._log("celery"), stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if Browser(self.port).request("GET", self.ready_path).status == 200:
                return self
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within 60 s")

    @property
    def gunicorn_pid(self):
        return self.processes[0].pid

    def worker_rss(self):
        """Resident memory (bytes) of each gunicorn worker process."""
        import psutil

        return [child.memory_info().rss for child in psutil.Process(self.gunicorn_pid).children()]

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


# ---------------------------------------------------------------------------------------------------- client

@dataclass
class Shot:
    status: int
    started: float
    ended: float
    body: bytes = b""

    @property
    def latency(self):
        return self.ended - self.started


class Browser:
    """One user's cookies over a kept-alive connection (re-opened when the server closes it, as sync workers do)."""

    def __init__(self, port, cookies=None):
        self.port, self.cookies, self.conn = port, dict(cookies or {}), None

    def request(self, method, path, *, body=None, content_type=None, keep_body=False):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        if content_type:
            headers["Content-Type"] = content_type
        if method == "POST":
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        started = time.perf_counter()
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    return Shot(0, started, time.perf_counter())
                started = time.perf_counter()
                continue
            except OSError:
                self.conn.close()
                self.conn = None
                return Shot(0, started, time.perf_counter())
            for raw in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = raw.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.will_close:
                self.conn.close()
                self.conn = None
            return Shot(response.status, started, time.perf_counter(), data if keep_body else b"")
        raise AssertionError("unreachable")


# ---------------------------------------------------------------------------------------------------- load

def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


@dataclass
class Stats:
    shots: list
    wall: float

    @property
    def rps(self):
        return len(self.shots) / self.wall if self.wall else float("nan")

    def p(self, q):
        return percentile([s.latency for s in self.shots if s.status], q)

    @property
    def errors(self):
        return sum(1 for s in self.shots if s.status == 0 or s.status >= 500)

    def statuses(self):
        counts = {}
        for shot in self.shots:
            counts[shot.status] = counts.get(shot.status, 0) + 1
        return dict(sorted(counts.items()))


def run_load(send, *, concurrency, duration=None, items=None, rate=None):
    """Closed-loop load: `concurrency` threads call send(thread_index, item) until `duration` passes or the items
    run out; each call returns a Shot. With `rate` (requests/s in total) each thread paces itself (open-ish loop)."""
    shots, lock = [], threading.Lock()
    queue = list(items) if items is not None else None
    stop_at = time.perf_counter() + duration if duration else None
    interval = concurrency / rate if rate else 0

    def loop(index):
        mine = []
        next_at = time.perf_counter() + (interval * index / concurrency if interval else 0)
        while True:
            if stop_at is not None and time.perf_counter() >= stop_at:
                break
            if queue is not None:
                with lock:
                    if not queue:
                        break
                    item = queue.pop()
            else:
                item = None
            if interval:
                delay = next_at - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                next_at += interval
            mine.append(send(index, item))
        with lock:
            shots.extend(mine)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(loop, range(concurrency)))
    return Stats(shots, time.perf_counter() - started)


def alternate(measure_scenario, measure_ceiling, *, rounds):
    """Run scenario and ceiling alternately (the machine is shared and noisy); returns both lists of Stats."""
    scenario, ceiling = [], []
    for _ in range(rounds):
        scenario.append(measure_scenario())
        ceiling.append(measure_ceiling())
    return scenario, ceiling


def median(values):
    values = [v for v in values if v == v]  # drop NaN
    return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------------------------------------------- table

@dataclass
class Row:
    scenario: str
    figure: str
    value: str
    ceiling: str = ""
    ratio: str = ""
    target: str = ""
    ok: bool | None = None  # None: no target


class Table:
    def __init__(self):
        self.rows = []

    def add(self, scenario, figure, value, *, ceiling="", ratio="", target="", ok=None):
        row = Row(scenario, figure, value, ceiling, ratio, target, ok)
        self.rows.append(row)
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        print(f"  [{scenario}] {figure}: {value}" + (f" (ceiling {ceiling}, ratio {ratio})" if ceiling else "")
              + (f" target {target} {mark}" if target else ""), flush=True)
        return row

    def markdown(self):
        lines = ["| scenario | figure | value | ceiling | ratio | target | ok |",
                 "|---|---|---|---|---|---|---|"]
        for r in self.rows:
            ok = "" if r.ok is None else ("yes" if r.ok else "**no**")
            lines.append(f"| {r.scenario} | {r.figure} | {r.value} | {r.ceiling} | {r.ratio} | {r.target} | {ok} |")
        return "\n".join(lines)

    def text(self):
        headers = ("scenario", "figure", "value", "ceiling", "ratio", "target", "ok")
        cells = [[r.scenario, r.figure, r.value, r.ceiling, r.ratio, r.target,
                  "" if r.ok is None else ("ok" if r.ok else "MISSED")] for r in self.rows]
        widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
        line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
        out = [line, "-+-".join("-" * w for w in widths)]
        out += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
        return "\n".join(out)


def ms(seconds):
    return f"{seconds * 1000:.0f} ms"
