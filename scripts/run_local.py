"""Prepare and start the whole system locally: what `make run` does once the virtualenv is installed.

Migrates, loads the Kortrijk procedure and the demo people, collects static files, then starts the web server,
a Celery worker and Celery beat together (honcho, Procfile) and prints the address and the demo log-ins.
Without DATABASE_URL / CELERY_BROKER_URL it runs on a SQLite file and the filesystem broker in KATS_VAR_DIR.

Environment: PORT (default 8000), KATS_VAR_DIR (default ./var), DEBUG (default true here).
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
READY_PATH = "/admin/login/"
READY_TIMEOUT_SECONDS = 120
DEMO_TABLE_HEADING = "Demo-aanmeldingen"


def say(message):
    print(f"[run] {message}", flush=True)


def build_env():
    env = dict(os.environ)
    # A local run is a development run: DEBUG on unless the caller says otherwise.
    env.setdefault("DEBUG", "true")
    env.setdefault("PORT", "8000")
    env.setdefault("KATS_VAR_DIR", str(ROOT / "var"))
    env.setdefault("SITE_URL", f"http://127.0.0.1:{env['PORT']}")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def create_var_folders(var_dir):
    # The filesystem broker does not create its folders; the worker, beat and web all need them.
    for folder in ("broker/out", "broker/processed", "broker/control", "mail", "private"):
        (var_dir / folder).mkdir(parents=True, exist_ok=True)


def manage(*args, env, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    say(" ".join(["manage.py", *args]))
    if not capture:
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        return ""
    result = subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True)
    print(result.stdout, end="", flush=True)
    return result.stdout


def prepare(env):
    create_var_folders(Path(env["KATS_VAR_DIR"]))
    manage("migrate", "--noinput", env=env)
    manage("seed_kortrijk", env=env)
    # --demo: this is a demo machine, so the fictitious accounts with printed passwords are wanted here.
    demo_logins = manage("seed_demo", "--demo", env=env, capture=True)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    return demo_logins


def wait_until_answering(url, *, process):
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            # Our own loopback address over http (bandit B310 reviewed).
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  # nosec B310
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


def print_banner(*, base_url, demo_logins, env):
    line = "=" * 72
    print(f"\n{line}\nKortrijk ATS runs at {base_url}/\nBack office (HR): {base_url}/admin/\n", flush=True)
    # seed_demo reports what it loaded, then its table of log-ins: the banner shows the table.
    table_at = demo_logins.find(DEMO_TABLE_HEADING)
    if table_at >= 0:
        print(demo_logins[table_at:].rstrip() + "\n", flush=True)  # a blank line ends the table
    elif demo_logins.strip():
        print(demo_logins.rstrip(), flush=True)
    if not env.get("EMAIL_URL"):
        print(f"Mails land as files in {Path(env['KATS_VAR_DIR']) / 'mail'}")
    print(f"Stop with Ctrl-C.\n{line}\n", flush=True)


def start(env, *, demo_logins):
    port = env["PORT"]
    command = [str(BIN / "honcho"), "--procfile", str(ROOT / "Procfile"), "--app-root", str(ROOT), "start",
               "--port", port]
    honcho = subprocess.Popen(command, cwd=ROOT, env=env)

    def stop(signum, _frame):
        honcho.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    base_url = f"http://127.0.0.1:{port}"
    if wait_until_answering(base_url + READY_PATH, process=honcho):
        print_banner(base_url=base_url, demo_logins=demo_logins, env=env)
    else:
        say(f"the web server did not answer on {base_url}{READY_PATH}; see the log above")
    return honcho.wait()


def main():
    env = build_env()
    demo_logins = prepare(env)
    return start(env, demo_logins=demo_logins)


if __name__ == "__main__":
    sys.exit(main())
