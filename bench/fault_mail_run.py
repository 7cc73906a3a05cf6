"""Fault run: 1,000 mails, a real Celery worker killed with SIGKILL mid-batch, restarted, the stuck-mail sweep run;
count the distinct Message-IDs at a local aiosmtpd sink. Every mail must arrive; a duplicate is possible only for a
mail whose SMTP transaction finished just before the kill (at-least-once: the server's 250 and our UPDATE are not
one atomic step), so at most one per kill.

Run with `make bench` or by hand (PostgreSQL and Redis from DATABASE_URL / CELERY_BROKER_URL):
    .venv/bin/python bench/fault_mail_run.py [--mails 1000]
It uses a database of its own (kats_bench_faults), created and migrated on each run.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "kats_bench_faults"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=1000)
    args, _ = parser.parse_known_args(argv)
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kortrijk_ats")
    url = urlunsplit(urlsplit(base)._replace(path=f"/{BENCH_DB}"))
    _recreate(base, BENCH_DB)
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kortrijk_ats.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("CELERY_BROKER_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.faults.mail_kill import run_fault

    result = run_fault(mails=args.mails, log_dir=ROOT / "bench" / "out")
    print(f"mails queued:              {result.mails}")
    print(f"received before kill -9:   {result.received_before_kill}")
    print(f"stuck mails requeued:      {result.stuck_requeued}")
    print(f"received at the sink:      {result.received}")
    print(f"distinct Message-IDs:      {result.distinct_message_ids}")
    print(f"duplicates:                {result.duplicates}")
    print(f"all sent in the database:  {result.all_sent_in_db}")
    print(f"seconds:                   {result.seconds}")
    ok = result.distinct_message_ids == result.mails and result.all_sent_in_db and result.duplicates <= 1
    print("OK: every mail went out, at most the one in flight twice" if ok else "FAILED")
    return 0 if ok else 1


def _recreate(base_url, name):
    import psycopg2

    admin = urlunsplit(urlsplit(base_url)._replace(path="/postgres"))
    connection = psycopg2.connect(admin, connect_timeout=5)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
