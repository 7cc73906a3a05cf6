"""The scenarios of `make bench` (issue 8). Each takes the run context and adds its rows to the table."""

import re
from dataclasses import dataclass

from bench.harness import Browser, alternate, median, ms, run_load
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

    @property
    def port(self):
        return self.servers.port

    @property
    def rounds(self):
        return 3 if self.quick else 5

    @property
    def seconds(self):
        return 2.0 if self.quick else 4.0


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
    applicants = create_users("applicant", 96 if ctx.quick else 320)
    probe_users = create_users("probe", 1)

    vacancy = f"/vacatures/{procedure.slug}/"
    apply_path = f"/vacatures/{procedure.slug}/solliciteren/"
    capacity = measure_get_vs_bare(ctx, "vacancy page", vacancy, {})
    measure_get_vs_bare(ctx, "my applications", "/mijn-kandidaturen/", _cookie(session_for(reader)))
    measure_get_vs_bare(ctx, "application form", apply_path, _cookie(session_for(form_reader)))

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
