"""The scenarios of `make bench`. Each takes the run context and adds its rows to the table."""

import re
import smtplib
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

from bench.harness import ROOT, Browser, alternate, median, ms, run_load
from bench.multipart import multipart

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
PDF_HEAD = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"


def pdf_of(size):
    return PDF_HEAD + b"%" + b"0" * max(0, size - len(PDF_HEAD) - 8) + b"\n%%EOF\n"


@dataclass
class Context:
    servers: object
    table: object
    quick: bool
    long: bool
    procedure: object
    hr_session: str
    sink: object = None
    hr: object = None
    env: dict = None
    args: object = None
    capacity: float = 0.0  # req/s of the vacancy page, for the mixed load at half capacity
    toy: bool = False  # the smoke test's scale: every scenario's code path, nothing measured

    def pick(self, *, full, quick, toy):
        return toy if self.toy else (quick if self.quick else full)

    @property
    def port(self):
        return self.servers.port

    @property
    def rounds(self):
        return self.pick(full=5, quick=3, toy=1)

    @property
    def seconds(self):
        return self.pick(full=4.0, quick=2.0, toy=0.3)


def _cookie(session_key):
    from django.conf import settings

    return {settings.SESSION_COOKIE_NAME: session_key}


def _fmt_rps(value):
    return f"{value:.0f} req/s"


def _count_queries(client, method, path, **kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, **kwargs)
    return len(captured), response.status_code


def measure_get_vs_bare(ctx, label, path, cookies, *, concurrency=8, target_ratio=0.5):
    """req/s of one GET page against the bare view on the same server, alternating, medians."""
    def page():
        browsers = [Browser(ctx.port, cookies) for _ in range(concurrency)]
        return run_load(lambda i, _: browsers[i].request("GET", path), concurrency=concurrency, duration=ctx.seconds)

    def bare():
        browsers = [Browser(ctx.port) for _ in range(concurrency)]
        return run_load(lambda i, _: browsers[i].request("GET", "/bench/bare/"), concurrency=concurrency,
                        duration=ctx.seconds)

    pages, bares = alternate(page, bare, rounds=ctx.rounds)
    errors = sum(s.errors for s in pages) + sum(1 for s in pages for shot in s.shots if shot.status != 200)
    rps, ceiling = median([s.rps for s in pages]), median([s.rps for s in bares])
    ratio = rps / ceiling
    if target_ratio is None:  # a reference row, not a page with a target
        ctx.table.add("1 candidate pages", label, _fmt_rps(rps), ceiling=_fmt_rps(ceiling), ratio=f"{ratio:.0%}")
    else:
        ctx.table.add("1 candidate pages", f"{label} GET", _fmt_rps(rps), ceiling=_fmt_rps(ceiling),
                      ratio=f"{ratio:.0%}", target=">= 50 %", ok=ratio >= target_ratio and not errors)
    if errors:
        ctx.table.add("1 candidate pages", f"{label} non-200 answers", str(errors), target="0", ok=False)
    return rps


def candidate_pages(ctx):
    from django.test import Client

    from bench.seed import candidate_with_applications, create_users, session_for

    procedure = ctx.procedure
    reader, form_reader = create_users("reader", 2)
    candidate_with_applications(reader, procedure)
    applicants = create_users("applicant", ctx.pick(full=320, quick=96, toy=4))
    probe_users = create_users("probe", 1)

    vacancy = f"/vacatures/{procedure.slug}/"
    apply_path = f"/vacatures/{procedure.slug}/solliciteren/"
    capacity = measure_get_vs_bare(ctx, "vacancy page", vacancy, {})
    measure_get_vs_bare(ctx, "my applications", "/mijn-kandidaturen/", _cookie(session_for(reader)))
    measure_get_vs_bare(ctx, "application form", apply_path, _cookie(session_for(form_reader)))
    measure_get_vs_bare(ctx, "reference: the bare view behind log-in", "/bench/logged-in-bare/",
                        _cookie(session_for(form_reader)), target_ratio=None)

    # The submit: 32 users at once, each posting the real form with a 1 MB PDF diploma and a small PDF cv.
    diploma = procedure.diplomas.order_by("pk").first()
    fields = {"first_name": "Ann", "last_name": "Peeters", "phone": "056 27 80 00", "street": "Grote Markt 54",
              "postal_code": "8500", "city": "Kortrijk", "birth_date": "17/05/1995", "diploma": str(diploma.pk),
              "diploma_detail": "", "years_public_sector": "2", "years_private_sector": "3,5",
              "motivation": "Ik werk graag met mensen.", "accommodations": "", "privacy_acknowledged": "on"}
    files = [("diploma_file", b"diploma.pdf", pdf_of(1024 * 1024), "application/pdf"),
             ("cv_file", b"cv.pdf", pdf_of(20 * 1024), "application/pdf")]

    prepared = []
    for user in applicants:
        browser = Browser(ctx.port, _cookie(session_for(user)))
        shot = browser.request("GET", apply_path, keep_body=True)
        token = CSRF_INPUT.search(shot.body)
        if shot.status != 200 or not token:
            raise SystemExit(f"application form answered {shot.status} without a CSRF token")
        body, content_type = multipart({**fields, "csrfmiddlewaretoken": token.group(1).decode()}, files)
        prepared.append((browser, body, content_type))

    submits = run_load(lambda i, item: item[0].request("POST", apply_path, body=item[1], content_type=item[2]),
                       concurrency=32, items=prepared)
    bare_body, bare_type = multipart(fields, files)
    bare_browsers = [Browser(ctx.port) for _ in range(32)]
    bare = run_load(lambda i, _: bare_browsers[i].request("POST", "/bench/bare/", body=bare_body,
                                                          content_type=bare_type),
                    concurrency=32, items=range(len(prepared)))
    from candidates.models import Application

    made = Application.objects.filter(procedure=procedure, candidate__user__in=applicants).count()
    wrong = sum(1 for s in submits.shots if s.status != 302)
    ratio = submits.rps / bare.rps
    ctx.table.add("1 candidate pages", "submit (1 MB PDF) at 32 users", _fmt_rps(submits.rps),
                  ceiling=_fmt_rps(bare.rps), ratio=f"{ratio:.0%}")
    ctx.table.add("1 candidate pages", "submit p95 at 32 users", ms(submits.p(95)), target="< 250 ms",
                  ok=submits.p(95) < 0.25)
    ctx.table.add("1 candidate pages", "submits stored / non-redirect answers", f"{made} / {wrong}",
                  target=f"{len(prepared)} / 0", ok=made == len(prepared) and not wrong)

    # Queries per request, one request each, in process (DEBUG off: CaptureQueriesContext forces the cursor log).
    client = Client()
    counts = {"vacancy page": _count_queries(client, "get", vacancy)}
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    counts["my applications"] = _count_queries(client, "get", "/mijn-kandidaturen/")
    client.force_login(probe_users[0], backend="django.contrib.auth.backends.ModelBackend")
    counts["application form"] = _count_queries(client, "get", apply_path)
    from django.core.files.uploadedfile import SimpleUploadedFile

    counts["submit"] = _count_queries(client, "post", apply_path, data={
        **fields, "diploma_file": SimpleUploadedFile("diploma.pdf", pdf_of(1024 * 1024), "application/pdf"),
        "cv_file": SimpleUploadedFile("cv.pdf", pdf_of(20 * 1024), "application/pdf")})
    for label, (count, status) in counts.items():
        ctx.table.add("1 candidate pages", f"queries: {label} ({status})", str(count), target="<= 10",
                      ok=count <= 10)
    ctx.capacity = capacity


# ---------------------------------------------------------------------------------------------------- 2 booking surge

SURGE_RUN = re.compile(r"run (\d+): bookings made (\d+) of (\d+) seats; double bookings (\d+)")
SURGE_LINE = re.compile(r"(booking view|logged-in bare view|bare view)\s*: (\d+) requests in ([\d.]+) s = "
                        r"(\d+) req/s; (\d+) bookings.*"
                        r"statuses (\{.*\}); latency p50 (\d+) ms, p95 (\d+) ms, p99 (\d+) ms")


def booking_surge(ctx):
    """bench/booking_surge.py in a child process (its own database, servers and queue); its lines parsed here."""
    runs = 1 if ctx.quick else 3
    command = [sys.executable, str(ROOT / "bench" / "booking_surge.py"), "--candidates", "2000", "--seats", "200",
               "--runs", str(runs), "--workers", str(ctx.args.workers), "--database-url", ctx.args.database_url,
               "--redis-url", ctx.args.redis_url]
    output = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False).stdout
    print("\n".join("    " + line for line in output.splitlines()), flush=True)
    runs_seen = SURGE_RUN.findall(output)
    views = {"booking view": [], "bare view": [], "logged-in bare view": []}
    for match in SURGE_LINE.findall(output):
        views[match[0]].append({"rps": int(match[3]), "wall": float(match[2]), "statuses": match[5],
                                "p95": int(match[7]) / 1000})
    if not runs_seen or not views["booking view"]:
        raise RuntimeError("booking_surge.py printed no result: " + output[-300:])
    doubles = sum(int(r[3]) for r in runs_seen)
    filled = all(r[1] == r[2] for r in runs_seen)
    errors = sum(1 for v in views["booking view"] if re.search(r"\b(0|5\d\d):", v["statuses"]))
    rps = median([v["rps"] for v in views["booking view"]])
    ceiling = median([v["rps"] for v in views["bare view"]])
    p95 = median([v["p95"] for v in views["booking view"]])
    wall = median([v["wall"] for v in views["booking view"]])
    t = "2 booking surge"
    ctx.table.add(t, f"double bookings over {len(runs_seen)} run(s) / seats filled", f"{doubles} / {filled}",
                  target="0 / True", ok=doubles == 0 and filled)
    ctx.table.add(t, "runs with 5xx or connection errors", str(errors), target="0", ok=errors == 0)
    ctx.table.add(t, "2,000 bookings POSTs: wall time", f"{wall:.1f} s", target="<= 10 s", ok=wall <= 10)
    ctx.table.add(t, "booking p95", ms(p95), target="< 1 s", ok=p95 < 1)
    ctx.table.add(t, "booking req/s", _fmt_rps(rps), ceiling=_fmt_rps(ceiling), ratio=f"{rps / ceiling:.0%}",
                  target=">= 50 %", ok=rps / ceiling >= 0.5)
    if views["logged-in bare view"]:
        logged_in = median([v["rps"] for v in views["logged-in bare view"]])
        ctx.table.add(t, "reference: the bare UPDATE + INSERT behind log-in and CSRF", _fmt_rps(logged_in),
                      ceiling=_fmt_rps(ceiling), ratio=f"{logged_in / ceiling:.0%}")


# ---------------------------------------------------------------------------------------------------- 3 list

def _p95_of(ctx, path, cookies, *, requests, concurrency=4):
    browsers = [Browser(ctx.port, cookies) for _ in range(concurrency)]
    # Untimed first: each gunicorn worker compiles the page's templates on its first request, once per process.
    run_load(lambda i, _: browsers[i].request("GET", path), concurrency=concurrency, items=range(2 * concurrency))
    stats = run_load(lambda i, _: browsers[i].request("GET", path), concurrency=concurrency,
                     items=range(requests))
    bad = sum(1 for s in stats.shots if s.status != 200)
    return stats.p(95), stats.p(50), bad


def applications_list(ctx):
    from django.test import Client

    from bench.seed import bulk_applications
    from candidates.models import Application

    procedure = ctx.procedure
    cookies = _cookie(ctx.hr_session)
    from django.conf import settings

    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = ctx.hr_session  # the verified staff session (second factor)
    requests = ctx.pick(full=100, quick=40, toy=2)
    dashboard = f"/hr/rapporten/{procedure.pk}/"
    has_dashboard = client.get(dashboard).status_code == 200
    queries = {}
    t = "3 applications list"
    for size in ctx.pick(full=(10_000, 100_000), quick=(10_000, 100_000), toy=(60, 120)):
        started = time.perf_counter()
        bulk_applications(procedure, total=size)
        total = Application.objects.count()
        print(f"    seeded to {total} applications in {time.perf_counter() - started:.1f} s", flush=True)
        last = (total + 49) // 50
        base = "/admin/candidates/application/"
        default = "/bench/default-admin/candidates/application/"
        urls = {
            "first page": base,
            "deep page": f"{base}?nl=1",  # the list's "oldest" link: keyset pages, no OFFSET
            "deep numbered page": f"{base}?p={last}",  # an old ?p= link still works, with OFFSET
            "filter stage": f"{base}?stage__exact=eligible",
            "filter+search": f"{base}?stage__exact=eligible&q=Peeters1234",
            "search": f"{base}?q=Peeters4321",
            "default admin first page": default,
            "default admin deep page": f"{default}?p={(total + 99) // 100}",  # Django's default: 100 a page
        }
        if has_dashboard:
            urls["dashboard"] = dashboard
        results = {}
        for label, url in urls.items():
            count, status = _count_queries(client, "get", url)
            queries.setdefault(label, {})[size] = count
            p95, p50, bad = _p95_of(ctx, url, cookies, requests=requests)
            results[label] = (p95, p50)
            name = f"{size // 1000}k: {label}"
            target, ok = ("< 150 ms", p95 < 0.15) if size >= 100_000 and "default" not in label else ("", None)
            if label == "dashboard":
                target, ok = ("< 300 ms", p95 < 0.3) if size <= 10_000 else ("", None)
            ctx.table.add(t, f"{name} p95 (p50)", f"{ms(p95)} ({ms(p50)})", target=target, ok=ok)
            if bad or status != 200:
                ctx.table.add(t, f"{name} non-200 answers", f"{bad} (in process: {status})", target="0", ok=False)
        ratio = results["deep page"][1] / results["first page"][1]
        ctx.table.add(t, f"{size // 1000}k: deep page / first page (p50)", f"{ratio:.2f}x", target="<= 1.2x",
                      ok=ratio <= 1.2)
        if has_dashboard:
            pass
    for label, by_size in queries.items():
        same = len(set(by_size.values())) == 1
        ctx.table.add(t, f"queries: {label} (10k / 100k)", " / ".join(str(v) for v in by_size.values()),
                      target="same" if "default" not in label else "", ok=same if "default" not in label else None)
    if not has_dashboard:
        ctx.table.add(t, "dashboard", "n/a: reports/ not in this tree")


# ---------------------------------------------------------------------------------------------------- 4 bulk change

def _fresh_procedure(ctx, slug):
    from procedures.models import Diploma, Procedure

    procedure = Procedure.objects.create(function=ctx.procedure.function, title=f"Bench {slug}", slug=slug,
                                         status=Procedure.Status.OPEN)
    Diploma.objects.create(procedure=procedure, name="Bachelor in het sociaal werk")
    return procedure


def _wait_until_no_queued_mail(timeout=300):
    from communications.models import Mail

    deadline = time.monotonic() + timeout
    while Mail.objects.filter(state__in=[Mail.State.QUEUED, "sending"]).exists() and time.monotonic() < deadline:
        time.sleep(0.5)


def bulk_stage_change(ctx):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from psycopg2.extras import execute_values

    from bench.seed import bulk_applications
    from candidates.models import Application, Transition
    from candidates.stages import Stage
    from candidates.transitions import BULK_CHUNK, change_stages
    from communications.models import Mail

    size = ctx.pick(full=10_000, quick=2_000, toy=20)
    domain_proc, raw_proc = _fresh_procedure(ctx, "bench-bulk"), _fresh_procedure(ctx, "bench-bulk-raw")
    bulk_applications(domain_proc, total=size, stage=Stage.SCREENING)
    bulk_applications(raw_proc, total=size, stage=Stage.SCREENING)
    applications = list(Application.objects.filter(procedure=domain_proc))
    mails_before, last_mail = Mail.objects.count(), Mail.objects.order_by("-pk").values_list("pk", flat=True).first()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        outcome = change_stages(applications, to=Stage.ELIGIBLE, by=ctx.hr)
        domain = time.perf_counter() - started
    transitions = Transition.objects.filter(application__procedure=domain_proc).count()
    mails = Mail.objects.count() - mails_before

    # The baseline: the same writes in raw SQL, in the domain's chunks of BULK_CHUNK rows per transaction: lock,
    # stage update, transition rows, outbox rows (a copy of the mail the domain rendered, per row).
    sample = Mail.objects.filter(pk__gt=last_mail or 0).order_by("-pk").values(
        "event", "subject", "body_text", "body_html", "language", "state", "content_type_id").first()
    raw_ids = list(Application.objects.filter(procedure=raw_proc).values_list("pk", "candidate__email"))
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for start in range(0, len(raw_ids), BULK_CHUNK):
            chunk = raw_ids[start:start + BULK_CHUNK]
            ids = [pk for pk, _email in chunk]
            with transaction.atomic():
                cursor.execute("SELECT id, stage FROM candidates_application WHERE id = ANY(%s) ORDER BY id "
                               "FOR UPDATE", [ids])
                cursor.fetchall()
                cursor.execute("UPDATE candidates_application SET stage = 'eligible', stage_changed_at = now() "
                               "WHERE id = ANY(%s)", [ids])
                execute_values(cursor.cursor, "INSERT INTO candidates_transition (application_id, from_stage, "
                               "to_stage, actor_id, actor_label, reason, created_at) VALUES %s",
                               [(pk, "screening", "eligible", ctx.hr.pk, ctx.hr.username, "") for pk in ids],
                               template="(%s, %s, %s, %s, %s, %s, now())", page_size=len(ids))
                execute_values(
                    cursor.cursor, "INSERT INTO communications_mail (event, \"to\", subject, body_text, body_html, "
                    "calendar, language, state, error, attempts, message_id, created_at, content_type_id, "
                    "object_id) VALUES %s",
                    [(sample["event"], email, sample["subject"], sample["body_text"], sample["body_html"],
                      sample["language"], "draft", f"<{uuid.uuid4()}@bench>", sample["content_type_id"], pk)
                     for pk, email in chunk],
                    template="(%s, %s, %s, %s, %s, '', %s, %s, '', 0, %s, now(), %s, %s)", page_size=len(chunk))
    raw = time.perf_counter() - started
    Mail.objects.filter(object_id__in=[pk for pk, _ in raw_ids], message_id__endswith="@bench>").delete()
    t = "4 bulk stage change"
    scale = 10_000 / size
    ctx.table.add(t, f"{size:,} applications screening -> eligible (changed / refused)",
                  f"{len(outcome.changed)} / {len(outcome.refused)}", target=f"{size} / 0",
                  ok=len(outcome.changed) == size)
    ctx.table.add(t, "transition rows / outbox mails written", f"{transitions} / {mails}",
                  target=f"{size} / {size}", ok=transitions == size and mails == size)
    ctx.table.add(t, f"time for {size:,}" + (" (x5 for 10,000)" if scale != 1 else ""),
                  f"{domain:.1f} s" + (f" (~{domain * scale:.0f} s)" if scale != 1 else ""),
                  ceiling=f"raw SQL {raw:.1f} s", ratio=f"{domain / raw:.1f}x", target="< 10 s for 10k, <= 5x",
                  ok=domain * scale < 10 and domain / raw <= 5)
    ctx.table.add(t, f"queries per chunk of {BULK_CHUNK}", f"{len(captured) / -(-size // BULK_CHUNK):.1f}",
                  ceiling="raw SQL 4", target="constant per chunk")
    if not ctx.toy:  # the worker delivers the eligibility mails before the next scenario measures
        _wait_until_no_queued_mail()


# ---------------------------------------------------------------------------------------------------- 5 outbox

def outbox_mails(ctx):
    from django.conf import settings

    from communications.models import Mail
    from communications.outbox import release_mails
    from communications.sending import build_message

    size = ctx.pick(full=10_000, quick=3_000, toy=20)
    _wait_until_no_queued_mail()
    body = "Beste kandidaat,\n\nJe kandidatuur voor maatschappelijk werker is ontvangen.\n\nStad Kortrijk\n" * 3
    mails = Mail.objects.bulk_create([
        Mail(event="bench", to=f"ontvanger{i}@example.org", subject=f"Je kandidatuur ({i})", body_text=body,
             body_html="<p>" + body.replace("\n", "<br>") + "</p>", state=Mail.State.DRAFT,
             message_id=f"<{uuid.uuid4()}@bench.kortrijk>") for i in range(size)])
    before = len(ctx.sink.messages)
    started = time.perf_counter()
    release_mails(Mail.objects.filter(pk__in=[m.pk for m in mails]), by=ctx.hr)
    deadline = time.monotonic() + 600
    while len(ctx.sink.messages) - before < size and time.monotonic() < deadline:
        time.sleep(0.1)
    outbox = time.perf_counter() - started
    delivered = len(ctx.sink.messages) - before
    sent = Mail.objects.filter(pk__in=[m.pk for m in mails], state=Mail.State.SENT).count()

    rows = list(Mail.objects.filter(pk__in=[m.pk for m in mails]))
    before = len(ctx.sink.messages)
    started = time.perf_counter()
    with smtplib.SMTP(ctx.sink.host, ctx.sink.port) as smtp:
        for mail in rows:
            message = build_message(mail).message()
            smtp.sendmail(settings.DEFAULT_FROM_EMAIL, [mail.to], message.as_bytes(linesep="\r\n"))
    plain = time.perf_counter() - started
    ratio = plain / outbox
    t = "5 outbox mails"
    ctx.table.add(t, f"{size:,} mails delivered to the sink / marked sent", f"{delivered} / {sent}",
                  target=f"{size} / {size}", ok=delivered == size and sent == size)
    ctx.table.add(t, "outbox + Celery throughput", f"{size / outbox:.0f} mails/s ({outbox:.1f} s)",
                  ceiling=f"smtplib loop {size / plain:.0f} mails/s", ratio=f"{ratio:.0%}", target=">= 70 %",
                  ok=ratio >= 0.7)


# ---------------------------------------------------------------------------------------------------- 6 PDFs

def pdfs(ctx):
    t = "6 PDFs"
    try:
        from interviews.jury.pv import render_pv_pdf
    except ImportError:
        render_pv_pdf = None
    if render_pv_pdf is not None:
        jury_round = _round_with_candidates(ctx, ctx.pick(full=50, quick=50, toy=3))
        pdf, seconds = _median_of_three(lambda: render_pv_pdf(jury_round))
        ctx.table.add(t, f"jury PV, {jury_round.candidates.count()} candidates ({len(pdf) // 1024} KB), median of 3",
                      f"{seconds:.2f} s", target="< 3 s", ok=seconds < 3)
    try:
        from reports.report_pdf import render_report_pdf
    except ImportError:
        ctx.table.add(t, "procedure report, 1,000 candidates", "n/a: reports/ not in this tree")
        return
    from bench.seed import bulk_applications

    procedure = _fresh_procedure(ctx, "bench-report")
    bulk_applications(procedure, total=ctx.pick(full=1000, quick=1000, toy=20))
    pdf, seconds = _median_of_three(lambda: render_report_pdf(procedure))
    ctx.table.add(t, f"procedure report, 1,000 candidates ({len(pdf) // 1024} KB), median of 3",
                  f"{seconds:.2f} s", target="< 5 s", ok=seconds < 5)


def _median_of_three(render):
    """Run `render` three times: its last result and the median of the three durations in seconds."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        result = render()
        times.append(time.perf_counter() - started)
    return result, median(times)


def _round_with_candidates(ctx, count):
    """A jury round of `count` waitlisted candidates with a composed jury, built through the domain functions."""
    from candidates.stages import Stage
    from candidates.transitions import change_stage
    from tests.factories import ApplicationFactory, CandidateFactory
    from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round

    procedure = _fresh_procedure(ctx, "bench-jury")
    if not procedure.function.competencies.exists():
        add_bundle_competencies(procedure.function)
    for i in range(count):
        application = ApplicationFactory(procedure=procedure, diploma=procedure.diplomas.first(),
                                         candidate=CandidateFactory(last_name=f"Jury{i:02d}"))
        for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.WAITLIST):
            change_stage(application, to=stage)
    jury_round = open_round(procedure)
    compose_jury(jury_round)
    return jury_round


# ---------------------------------------------------------------------------------------------------- 7 mixed load

def mixed_load(ctx):
    from bench.seed import candidate_with_applications, create_users, session_for

    reader, former = create_users("mixed", 2)
    candidate_with_applications(reader, _fresh_procedure(ctx, "bench-mixed"))
    mix = [("GET", f"/vacatures/{ctx.procedure.slug}/", {}), ("GET", "/", {}),
           ("GET", "/mijn-kandidaturen/", _cookie(session_for(reader))),
           ("GET", f"/vacatures/{ctx.procedure.slug}/solliciteren/", _cookie(session_for(former))),
           ("GET", "/admin/candidates/application/", _cookie(ctx.hr_session))]
    concurrency = 8
    browsers = [[Browser(ctx.port, cookies) for _, _, cookies in mix] for _ in range(concurrency)]

    def send(i, _):
        k = int(time.perf_counter() * 1000) % len(mix)
        return browsers[i][k].request(mix[k][0], mix[k][1])

    capacity = run_load(send, concurrency=concurrency, duration=ctx.seconds * 2).rps
    rate = capacity / 2
    duration = 600 if ctx.long else ctx.pick(full=180, quick=60, toy=1.5)
    window = 60 if duration >= 180 else duration / 3
    samples = []

    def sample_memory():
        while not done:
            samples.append((time.perf_counter(), sum(ctx.servers.worker_rss())))
            time.sleep(1)

    import threading

    done = False
    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    stats = run_load(send, concurrency=concurrency, duration=duration, rate=rate)
    done = True
    sampler.join()
    start = min(s.started for s in stats.shots)
    end = max(s.ended for s in stats.shots)
    from bench.harness import percentile

    first = [s.latency for s in stats.shots if s.started - start < window and s.status]
    last = [s.latency for s in stats.shots if end - s.ended < window and s.status]
    rss_first = [m for at, m in samples if at - start < window]
    rss_last = [m for at, m in samples if end - at < window]
    t = "7 mixed load"
    ctx.table.add(t, f"{duration:.0f} s at half capacity ({rate:.0f} of {capacity:.0f} req/s), errors",
                  f"{stats.errors} of {len(stats.shots)}", target="0", ok=stats.errors == 0)
    p99_first, p99_last = percentile(first, 99), percentile(last, 99)
    ctx.table.add(t, f"p99 first / last {window:.0f} s", f"{ms(p99_first)} / {ms(p99_last)}",
                  ratio=f"{p99_last / p99_first:.2f}x", target="last <= 1.2x first", ok=p99_last <= 1.2 * p99_first)
    m_first, m_last = median(rss_first), max(rss_last) if rss_last else float("nan")
    ctx.table.add(t, f"workers' RSS first / last {window:.0f} s", f"{m_first / 2**20:.0f} / {m_last / 2**20:.0f} MB",
                  ratio=f"{m_last / m_first:.2f}x", target="last <= 1.2x first", ok=m_last <= 1.2 * m_first)


# ---------------------------------------------------------------------------------------------------- 8 make test

def test_wall_time(ctx):
    """The wall time of the last whole-suite `make test` (scripts/test_services.py records it); not run here."""
    import json

    record = ROOT / "var" / "last-test-run.json"
    run = json.loads(record.read_text()) if record.exists() else None
    if not run or run["args"]:
        ctx.table.add("8 make test", "wall time", "n/a: no whole-suite `make test` recorded in var/last-test-run.json")
        return
    ctx.table.add("8 make test", f"wall time (exit {run['returncode']}, {run['finished']})", f"{run['seconds']:.0f} s")
