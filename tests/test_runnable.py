"""`make run` smoke test: start the system exactly as `make run` does and talk to it over HTTP.

Runs scripts/run_local.py (migrate, seeds, collectstatic, then web + worker + beat under honcho) in a fresh
KATS_VAR_DIR on a free port, once on the embedded defaults (SQLite, filesystem broker) and once on the real
PostgreSQL and Redis the suite runs against. The demo log-ins it prints are used as a person would: each
candidate logs in with them, and the invited candidate books an intake slot on the intake page.
"""

import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg2
import pytest

from tests.auth import code_for
from tests.demo_logins import printed_candidates

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 300
BANNER = "Kortrijk ATS runs at "
# What a person's shell passes on to `make run`; nothing the test run exports (DATABASE_URL, DEBUG ...) leaks in.
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER")


def find_free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningSystem:
    def __init__(self, *, process, base_url, log_path, var_dir, env):
        self.process = process
        self.base_url = base_url
        self.log_path = log_path
        self.var_dir = var_dir
        self.env = env

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_tail(self, lines=60):
        return "\n".join(self.log().splitlines()[-lines:])

    def wait_for_log(self, pattern, *, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.log()):
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.25)
        return False

    def processes(self):
        return psutil.Process(self.process.pid).children(recursive=True)

    def celery_process(self, kind):
        for child in self.processes():
            try:
                command = child.cmdline()
            except psutil.NoSuchProcess:
                continue
            if "celery" in " ".join(command[:2]) and kind in command:
                return child
        return None

    def manage(self, *args):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                              capture_output=True, text=True, timeout=120).stdout


def start_system(*, tmp_path, extra_env):
    env = {key: os.environ[key] for key in PASSED_ON if key in os.environ}
    var_dir = tmp_path / "var"
    port = find_free_port()
    env.update(KATS_VAR_DIR=str(var_dir), PORT=str(port), **extra_env)
    log_path = tmp_path / "run.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "scripts/run_local.py"], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    system = RunningSystem(process=process, base_url=f"http://127.0.0.1:{port}", log_path=log_path,
                           var_dir=var_dir, env={**env, "DEBUG": env.get("DEBUG", "true")})
    return system


def stop_system(system):
    if system.process.poll() is None:
        os.killpg(system.process.pid, signal.SIGTERM)
        try:
            system.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(system.process.pid, signal.SIGKILL)
            system.process.wait()
    # Anything honcho left behind in its own process groups.
    for leftover in psutil.process_iter(["environ"]):
        try:
            if (leftover.info["environ"] or {}).get("KATS_VAR_DIR") == str(system.var_dir):
                leftover.kill()
        except psutil.Error:
            continue


@pytest.fixture
def fresh_postgres_database():
    """A database of its own on the suite's PostgreSQL server, dropped afterwards."""
    server_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"kats_runnable_{secrets.token_hex(4)}"
    admin_url = urlunsplit(urlsplit(server_url)._replace(path="/postgres"))
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


@pytest.fixture(params=["embedded", "servers"])
def running_system(request, tmp_path):
    if request.param == "servers":
        redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
        extra_env = {"DATABASE_URL": request.getfixturevalue("fresh_postgres_database"),
                     "CELERY_BROKER_URL": redis_url,
                     "CELERY_TASK_DEFAULT_QUEUE": f"kats_runnable_{secrets.token_hex(4)}"}
    else:
        extra_env = {}
    system = start_system(tmp_path=tmp_path, extra_env=extra_env)
    try:
        started = system.wait_for_log(re.escape(BANNER), timeout=START_TIMEOUT_SECONDS)
        assert started, f"the system did not come up:\n{system.log_tail()}"
        yield system
    finally:
        stop_system(system)


def wait_until(condition, *, timeout):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
    return True


def fetch(opener, url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with opener.open(url, data=body, timeout=30) as response:
        return response.status, response.geturl(), response.read().decode("utf-8", errors="replace")


def csrf_token(cookies):
    return next(cookie.value for cookie in cookies if cookie.name == "csrftoken")


def new_browser():
    """An opener with a cookie jar of its own: one person's browser."""
    cookies = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies)), cookies


def log_candidate_in(base_url, *, email, password):
    opener, cookies = new_browser()
    fetch(opener, base_url + "/account/login/")
    _, landed_on, page = fetch(opener, base_url + "/account/login/",
                               {"login": email, "password": password, "csrfmiddlewaretoken": csrf_token(cookies)})
    return opener, cookies, landed_on, page


def first_link(page, pattern):
    return re.search(rf'href="({pattern})"', page).group(1)


# Run inside the system (manage.py shell): the invited candidate's booking and its confirmation mail, once the
# worker has sent it (or after 60 s, as it stands).
BOOKING_CHECK = """
import json, time
from communications.models import Mail
from interviews.models import IntakeBooking
bookings = list(IntakeBooking.objects.active().filter(application__candidate__email=EMAIL)
                .values_list("slot_id", "slot__session__label"))
deadline = time.monotonic() + 60
while True:
    mails = list(Mail.objects.filter(event="intake_booking_confirmed", to=EMAIL).values_list("state", flat=True))
    if mails and all(state == "sent" for state in mails) or time.monotonic() > deadline:
        break
    time.sleep(0.25)
print(json.dumps({"bookings": bookings, "mails": mails}))
"""


def printed_login(log, username):
    """The password printed beside username in seed_demo's table of log-ins (columns apart by 2+ spaces)."""
    for line in log.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) >= 4 and cells[1] == username:
            return cells[3]
    raise AssertionError(f"no log-in printed for {username}")


# Under pytest-xdist it starts first, on the races' worker (tests/xdist_scheduling.py).
@pytest.mark.timeout(600)
def test_make_run_serves_the_seeded_system_with_worker_and_beat(running_system):
    system = running_system
    opener, cookies = new_browser()

    status, _, login_page = fetch(opener, system.base_url + "/admin/login/")
    assert status == 200
    assert "Stad Kortrijk — selecties" in login_page
    assert 'name="username"' in login_page and 'name="password"' in login_page
    assert 'name="csrfmiddlewaretoken"' in login_page

    # collectstatic ran and the web server serves its output.
    status, _, stylesheet = fetch(opener, system.base_url + "/static/admin/css/base.css")
    assert status == 200 and "body" in stylesheet

    # A wrong password is refused on the page itself, not with an error page.
    status, _, refused = fetch(opener, system.base_url + "/admin/login/?next=/admin/",
                               {"username": "niemand", "password": "fout-wachtwoord-123",
                                "csrfmiddlewaretoken": csrf_token(cookies), "next": "/admin/"})
    assert status == 200 and "errornote" in refused

    # The banner names the address and the demo log-ins, and the printed HR log-in opens the back office.
    log = system.log()
    assert f"{BANNER}{system.base_url}/" in log
    banner = log[log.index(BANNER):]
    for username in ("demo.hr", "demo.interviewer", "demo.jury.selectieteam", "demo.jury.leidinggevende",
                     "demo.jury.extern"):
        assert username in banner
    status, landed_on, back_office = fetch(
        opener, system.base_url + "/admin/login/?next=/admin/",
        {"username": "demo.hr", "password": printed_login(banner, "demo.hr"),
         "csrfmiddlewaretoken": csrf_token(cookies), "next": "/admin/"})
    # Staff then set up their second factor: the page shows the secret, the app's code confirms it.
    second_factor = system.base_url + "/personeel/tweestapsverificatie/"
    assert status == 200 and landed_on.startswith(second_factor) and "<svg" in back_office
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', back_office).group(1)
    status, landed_on, back_office = fetch(
        opener, landed_on, {"token": code_for(secret), "next": "/admin/", "csrfmiddlewaretoken": csrf_token(cookies)})
    assert status == 200 and landed_on == system.base_url + "/admin/"
    assert "Back office van het selectieteam" in back_office

    # Every candidate the run prints logs in with exactly what it prints, straight into the portal.
    candidates = printed_candidates(banner)
    assert len(candidates) >= 5, banner
    for email, password, _application in candidates:
        _, _, landed_on, portal = log_candidate_in(system.base_url, email=email, password=password)
        assert landed_on == system.base_url + "/mijn-kandidaturen/", (email, landed_on)
        assert "Mijn kandidaturen" in portal and "Maatschappelijk werker" in portal

    # The invited candidate books the first free slot through the intake page, as she would in her browser.
    email, password, _application = next(c for c in candidates if "uitgenodigd voor kennismakingsinterview" in c[2])
    candidate, candidate_cookies, _, portal = log_candidate_in(system.base_url, email=email, password=password)
    _, _, detail = fetch(candidate, system.base_url + first_link(portal, r"/mijn-kandidaturen/[0-9a-f-]+/"))
    _, intake_url, intake = fetch(candidate, system.base_url + first_link(detail, r"/mijn-kandidaturen/[^\"]+/intake/"))
    action = re.search(r'<form method="post" action="([^"]+/intake/boeken/)"', intake).group(1)
    slot = re.search(r'name="slot" value="(\d+)"', intake).group(1)
    status, landed_on, booked = fetch(candidate, system.base_url + action,
                                      {"slot": slot, "csrfmiddlewaretoken": csrf_token(candidate_cookies)})
    assert status == 200 and landed_on == intake_url and "Je afspraak" in booked, booked[:2000]
    found = json.loads(system.manage("shell", "-c", f"EMAIL = {email!r}\n{BOOKING_CHECK}").strip().splitlines()[-1])
    assert found == {"bookings": [[int(slot), "fictief demo-moment"]], "mails": ["sent"]}, found

    # The seeded procedure is what the public home page shows.
    status, _, home = fetch(opener, system.base_url + "/")
    assert status == 200
    assert "Maatschappelijk werker" in home

    worker = system.celery_process("worker")
    beat = system.celery_process("beat")
    assert worker is not None and worker.status() != psutil.STATUS_ZOMBIE, system.log_tail()
    assert beat is not None and beat.status() != psutil.STATUS_ZOMBIE, system.log_tail()
    assert list(system.var_dir.glob("celerybeat-schedule*")), "beat keeps its schedule in KATS_VAR_DIR"

    # Background work runs in the worker: a task sent through the broker is received and finished there.
    task_id = system.manage(
        "shell", "-c", "from candidates.tasks import expire_pool_entries; print(expire_pool_entries.delay().id)"
    ).strip().splitlines()[-1]
    assert system.wait_for_log(rf"worker\.1 .*\[{re.escape(task_id)}\] succeeded", timeout=120), system.log_tail()

    # The demo's routine mails were delivered by that worker as files a person can read, without a task error.
    mail_dir = system.var_dir / "mail"
    assert wait_until(lambda: any(mail_dir.iterdir()), timeout=120), system.log_tail()
    assert "raised unexpected" not in system.log(), system.log_tail(200)
