"""Booking surge benchmark: N logged-in candidates race over HTTP for S intake seats on the app run as in
production (gunicorn sync workers, PostgreSQL, Redis, a Celery worker sending the confirmation mails).

It seeds its own database (kats_bench_surge, or $KATS_BENCH_DB + "_surge"; dropped afterwards unless --keep), gives
every candidate a real session, lets each open the intake page for its CSRF token (not timed), then fires every
booking POST through the real form and view. Printed per run: bookings made, double bookings (rows per slot over the
seats, and applications holding two), 5xx and connection errors, bookings/s and requests/s, p50/p95/p99 latency;
then, on the same server, the same surge against a bare view doing only one conditional UPDATE plus INSERT: the
ceiling.

Targets: 2,000 candidates for 200 seats within 10 s, 0 double bookings over 20 runs, 0 errors,
p95 < 1 s, booking throughput >= 50 % of the bare ceiling. Exit status 1 on any double booking or error;
--strict also on a missed performance target. Not part of the test suite.

    python bench/booking_surge.py --candidates 2000 --seats 200 --runs 20
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import time as clock
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import ROOT, Servers, bench_environment, drop_database, recreate_database, setup_django

# Overridable so that two benches on one server keep to their own database and queue.
BENCH_DB = os.environ.get("KATS_BENCH_DB", "kats_bench") + "_surge"
SURGE_QUEUE = os.environ.get("KATS_BENCH_QUEUE", "kats_bench") + "_surge"
UNUSABLE = "!"  # an unusable password hash: bench users log in only through the seeded sessions


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--seats", type=int, default=200)
    parser.add_argument("--seats-per-slot", type=int, default=2, help="parallel interviewers per slot")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn sync workers")
    parser.add_argument("--concurrency", type=int, default=64, help="client connections in flight")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL",
                                                                 "postgres://postgres@127.0.0.1:5432/kortrijk_ats"))
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a performance target is missed")
    return parser.parse_args()


def seed(args):
    """Procedure, slots for exactly S seats (and as many bare-view seats), N invited candidates with sessions."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from candidates.models import Application, Candidate
    from candidates.stages import Stage
    from interviews.intake.slots import generate_slots
    from interviews.models import IntakeSlot
    from procedures.models import Diploma, Function, IntakeSession, Procedure

    function = Function.objects.create(name="Maatschappelijk werker (bench)", slug="bench-mw", grade="B1-B3")

    def procedure_with_seats(slug):
        procedure = Procedure.objects.create(function=function, title=f"Bench {slug}", slug=slug,
                                             status=Procedure.Status.OPEN)
        diploma = Diploma.objects.create(procedure=procedure, name="Bachelor in het sociaal werk")
        slots_needed, day = math.ceil(args.seats / args.seats_per_slot), 7
        while IntakeSlot.objects.filter(session__procedure=procedure).count() < slots_needed:
            session = IntakeSession.objects.create(procedure=procedure, date=timezone.localdate() + timedelta(days=day),
                                                   starts_at=clock(9), ends_at=clock(17), label="volledige dag",
                                                   meeting_url="https://teams.example.org/bench")
            generate_slots(session, interviewers=[], seats=args.seats_per_slot)
            day += 1
        slots = list(IntakeSlot.objects.filter(session__procedure=procedure).order_by("starts_at"))
        IntakeSlot.objects.filter(pk__in=[s.pk for s in slots[slots_needed:]]).delete()
        slots = slots[:slots_needed]
        last = slots[-1]
        last.seats = args.seats - args.seats_per_slot * (slots_needed - 1)
        last.save(update_fields=["seats"])
        return procedure, diploma, slots

    procedure, diploma, slots = procedure_with_seats("bench")
    _, _, bare_slots = procedure_with_seats("bench-bare")
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org", password=UNUSABLE) for i in range(args.candidates)])
    candidates = Candidate.objects.bulk_create(
        [Candidate(user=u, first_name="Kandidaat", last_name=str(i), email=u.email) for i, u in enumerate(users)])
    applications = Application.objects.bulk_create(
        [Application(candidate=c, procedure=procedure, diploma=diploma, stage=Stage.INTAKE_INVITED)
         for c in candidates])
    session_keys = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        session_keys.append(store.session_key)
    return slots, bare_slots, applications, session_keys


def reset_bookings():
    from communications.models import Mail
    from interviews.models import IntakeBooking, IntakeSlot

    IntakeBooking.objects.all().delete()
    IntakeSlot.objects.update(booked_count=0)
    Mail.objects.all().delete()


def prepare_browsers(base_url, applications, session_keys, concurrency):
    """Every candidate opens its intake page: the session works and the CSRF token is read from the form."""
    from django.conf import settings

    from tests.interviews.http_race import Candidate

    def open_page(pair):
        application, key = pair
        browser = Candidate(base_url, {settings.SESSION_COOKIE_NAME: key}, timeout=120)
        reply = browser.open_page(f"/mijn-kandidaturen/{application.public_id}/intake/")
        if reply.status != 200 or not browser.csrf:
            raise SystemExit(f"intake page answered {reply.status} without a form for {application.pk}")
        return browser

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(open_page, zip(applications, session_keys, strict=True)))


def fire(requests, concurrency):
    """POST every (browser, path, form) with `concurrency` in flight; returns the replies and the wall time."""
    def post(item):
        browser, path, form = item
        return browser.request("POST", path, form)

    with ThreadPoolExecutor(concurrency) as pool:
        shots = list(pool.map(post, requests))
    wall = max(s.ended for s in shots) - min(s.started for s in shots)
    return shots, wall


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1)]


def count_double_bookings(slots):
    from django.db.models import Count, Q

    from interviews.models import IntakeBooking, IntakeSlot

    over = (IntakeSlot.objects.filter(pk__in=[s.pk for s in slots])
            .annotate(rows=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True))))
    overbooked_seats = sum(max(0, s.rows - s.seats) for s in over)
    twice = (IntakeBooking.objects.active().values("application").annotate(n=Count("id")).filter(n__gt=1).count())
    rows = sum(s.rows for s in over)
    return rows, overbooked_seats + twice


def wait_for_mails(expected, timeout=60):
    from communications.models import Mail

    deadline = time.monotonic() + timeout
    sent = 0
    while time.monotonic() < deadline:
        sent = Mail.objects.filter(state=Mail.State.SENT).count()
        if sent >= expected:
            break
        time.sleep(0.5)
    return sent


def summarize(label, shots, wall, bookings):
    latencies = [s.ended - s.started for s in shots if s.status]
    statuses = {}
    for s in shots:
        statuses[s.status] = statuses.get(s.status, 0) + 1
    p50, p95, p99 = (percentile(latencies, q) if latencies else float("nan") for q in (50, 95, 99))
    print(f"  {label}: {len(shots)} requests in {wall:.2f} s = {len(shots) / wall:.0f} req/s; "
          f"{bookings} bookings = {bookings / wall:.0f} bookings/s; statuses {dict(sorted(statuses.items()))}; "
          f"latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    return {"rps": len(shots) / wall, "p95": p95, "wall": wall,
            "errors": sum(n for code, n in statuses.items() if code == 0 or code >= 500)}


def main():
    args = parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="kats-bench-"))
    env = bench_environment(base_database_url=args.database_url, redis_url=args.redis_url, var_dir=var_dir,
                            database=BENCH_DB, queue=SURGE_QUEUE, settings_module="bench.surge_app.settings")
    print(f"Seeding {args.candidates} candidates and {args.seats} seats ({args.seats_per_slot} per slot) "
          f"in database {BENCH_DB} ...", flush=True)
    recreate_database(args.database_url, BENCH_DB)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    setup_django(env)
    from django.db import connection

    from tests.interviews.http_race import Candidate

    slots, bare_slots, applications, session_keys = seed(args)
    connection.close()
    servers = Servers(env, workers=args.workers, ready_path="/").start()
    base_url = f"http://127.0.0.1:{servers.port}"
    failures, misses = 0, []
    try:
        print(f"gunicorn: {args.workers} sync workers on 127.0.0.1:{servers.port}; Celery worker on Redis; "
              f"client concurrency {args.concurrency}", flush=True)
        for run in range(1, args.runs + 1):
            reset_bookings()
            browsers = prepare_browsers(base_url, applications, session_keys, args.concurrency)
            requests = [(b, f"/mijn-kandidaturen/{a.public_id}/intake/boeken/",
                         {"slot": slots[i % len(slots)].pk, "csrfmiddlewaretoken": b.csrf})
                        for i, (a, b) in enumerate(zip(applications, browsers, strict=True))]
            shots, wall = fire(requests, args.concurrency)
            bookings, doubles = count_double_bookings(slots)
            print(f"run {run}: bookings made {bookings} of {args.seats} seats; double bookings {doubles}")
            booking = summarize("booking view", shots, wall, bookings)
            mails = wait_for_mails(bookings)
            print(f"  confirmation mails sent by the Celery worker: {mails} of {bookings}")

            reset_bookings()
            bare_requests = [(Candidate(base_url, timeout=120), "/bench/bare-book/",
                              {"slot": bare_slots[i % len(bare_slots)].pk, "application": a.pk})
                             for i, a in enumerate(applications)]
            bare_shots, bare_wall = fire(bare_requests, args.concurrency)
            bare_bookings, _ = count_double_bookings(bare_slots)
            bare = summarize("bare view   ", bare_shots, bare_wall, bare_bookings)
            ratio = booking["rps"] / bare["rps"]
            print(f"  booking throughput = {ratio:.0%} of the bare-view ceiling")

            # The same UPDATE + INSERT behind the log-in and CSRF checks: what authentication alone costs.
            reset_bookings()
            logged_in_requests = [(b, "/bench/logged-in-book/", {"slot": bare_slots[i % len(bare_slots)].pk,
                                                                  "application": a.pk, "csrfmiddlewaretoken": b.csrf})
                                  for i, (a, b) in enumerate(zip(applications, browsers, strict=True))]
            logged_in_shots, logged_in_wall = fire(logged_in_requests, args.concurrency)
            logged_in = summarize("logged-in bare view", logged_in_shots, logged_in_wall,
                                  count_double_bookings(bare_slots)[0])
            print(f"  logged-in bare view = {logged_in['rps'] / bare['rps']:.0%} of the bare-view ceiling; booking "
                  f"throughput = {booking['rps'] / logged_in['rps']:.0%} of the logged-in bare view")
            failures += doubles + booking["errors"] + (bookings != args.seats)
            for ok, what in ((booking["wall"] <= 10, "surge within 10 s"), (booking["p95"] < 1, "p95 under 1 s"),
                             (ratio >= 0.5, "throughput >= 50 % of the ceiling")):
                if not ok:
                    misses.append(f"run {run}: {what}")
    finally:
        servers.stop()
        connection.close()
        if not args.keep:
            drop_database(args.database_url, BENCH_DB)
    print(f"Correctness: {'OK' if not failures else 'FAILED'} (double bookings, errors, seats not filled: {failures})")
    print("Performance targets: " + ("all met" if not misses else "missed: " + "; ".join(misses)))
    return 1 if failures or (args.strict and misses) else 0


if __name__ == "__main__":
    sys.exit(main())
