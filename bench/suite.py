"""`make bench`: every scenario of issue 8 against the app run as in production, one table at the end.

    python scripts/test_services.py --exec .venv/bin/python bench/suite.py --quick
    python bench/suite.py --only 1,3 --quick          (with PostgreSQL and Redis already running)

--quick: smaller sizes and shorter runs (about 5 minutes); default about 12 minutes; --long: the mixed load runs
10 minutes. The table is also written to var/bench-last-run.md (markdown, with cores and date).
"""

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness
from bench.harness import ROOT, Servers, Table

SCENARIOS = {
    1: "candidate_pages",
    2: "booking_surge",
    3: "applications_list",
    4: "bulk_stage_change",
    5: "outbox_mails",
    6: "pdfs",
    7: "mixed_load",
    8: "test_wall_time",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, shorter runs")
    parser.add_argument("--long", action="store_true", help="the mixed load runs 10 minutes")
    parser.add_argument("--only", default="", help="comma-separated scenario numbers, e.g. 1,3")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (2-4)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL",
                                                                 "postgres://postgres@127.0.0.1:5432/kortrijk_ats"))
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--output", default=str(ROOT / "var" / "bench-last-run.md"))
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    chosen = [int(n) for n in args.only.split(",") if n.strip()] or list(SCENARIOS)
    started = time.monotonic()
    from tests.smtp_sink import SMTPSink

    var_dir = Path(tempfile.mkdtemp(prefix="kats-bench-"))
    sink = SMTPSink().__enter__()
    env = harness.bench_environment(base_database_url=args.database_url, redis_url=args.redis_url, var_dir=var_dir,
                                    email_url=f"smtp://{sink.host}:{sink.port}")
    print(f"Bench database {harness.BENCH_DB}, queue {harness.QUEUE}, SMTP sink on {sink.host}:{sink.port}",
          flush=True)
    harness.recreate_database(args.database_url)
    harness.migrate(env)
    harness.setup_django(env)
    import logging

    logging.disable(logging.WARNING)  # WeasyPrint and 409s would flood the console
    from bench import scenarios
    from bench.seed import hr_superuser, seed_procedure, session_for

    procedure = seed_procedure()
    hr = hr_superuser()
    _purge_queue(args.redis_url)
    servers = Servers(env, workers=args.workers).start()
    table = Table()
    ctx = scenarios.Context(servers=servers, table=table, quick=args.quick, long=args.long, procedure=procedure,
                            hr_session=session_for(hr), sink=sink, hr=hr, env=env, args=args)
    print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{servers.port}; Celery worker (threads, 4)",
          flush=True)
    failed = []
    try:
        for number in chosen:
            name = SCENARIOS[number]
            print(f"== scenario {number}: {name}", flush=True)
            t0 = time.monotonic()
            try:
                getattr(scenarios, name)(ctx)
            except Exception as exc:  # noqa: BLE001 — one broken scenario must not hide the others' figures
                traceback.print_exc()
                failed.append(name)
                table.add(f"{number} {name}", "scenario failed", f"{type(exc).__name__}: {exc}"[:120], ok=False)
            print(f"   ({time.monotonic() - t0:.0f} s)", flush=True)
    finally:
        servers.stop()
        sink.__exit__(None, None, None)
        _purge_queue(args.redis_url)
        from django.db import connections

        connections.close_all()
        if not args.keep:
            harness.drop_database(args.database_url)
    header = (f"Run {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, {platform.python_version()}, "
              f"{args.workers} gunicorn sync workers, {'quick' if args.quick else 'full'}"
              f"{' long' if args.long else ''}; total {time.monotonic() - started:.0f} s")
    print("\n" + header + "\n" + table.text(), flush=True)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(f"{header}\n\n{table.markdown()}\n")
    return 1 if failed else 0


def _purge_queue(redis_url):
    import redis

    redis.Redis.from_url(redis_url).delete(harness.QUEUE)


if __name__ == "__main__":
    sys.exit(main())
