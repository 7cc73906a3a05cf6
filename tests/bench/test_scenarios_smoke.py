"""Smoke test of the benchmark suite: each scenario's entry point runs at toy scale against a live server.

Scenarios 2 (booking surge: its own database and gunicorn in a child process, ~20 s) and 5 (needs a Celery
worker draining the bench queue) are left to `make bench --quick`; everything else runs here in a few seconds.
"""

import os

import psutil
import pytest

from bench import scenarios
from bench.harness import Table
from bench.seed import hr_superuser, seed_procedure, session_for


class LiveServers:
    """What the scenarios need of bench.harness.Servers, for pytest-django's live server in this process."""

    def __init__(self, url):
        self.port = int(url.rsplit(":", 1)[1])

    def worker_rss(self):
        return [psutil.Process(os.getpid()).memory_info().rss]


@pytest.fixture
def ctx(transactional_db, live_server, settings):
    settings.ROOT_URLCONF = "bench.urls"
    hr = hr_superuser()
    return scenarios.Context(servers=LiveServers(live_server.url), table=Table(), quick=True, long=False,
                             procedure=seed_procedure(), hr_session=session_for(hr), hr=hr, toy=True)


def rows(ctx, prefix):
    return {row.figure: row for row in ctx.table.rows if row.scenario.startswith(prefix)}


def test_candidate_pages_measure_pages_submits_and_queries(ctx):
    scenarios.candidate_pages(ctx)
    found = rows(ctx, "1 ")
    assert found["submits stored / non-redirect answers"].value == "4 / 0"
    assert {"vacancy page GET", "my applications GET", "application form GET", "submit p95 at 32 users",
            "reference: the bare view behind log-in"} <= set(found)
    assert int(found["queries: submit (302)"].value) > 0
    assert ctx.capacity > 0


def test_applications_list_compares_sizes_pages_and_default_admin(ctx):
    scenarios.applications_list(ctx)
    found = rows(ctx, "3 ")
    assert not [f for f in found if "non-200" in f], found
    assert "queries: default admin deep page (10k / 100k)" in found
    assert "0k: deep page / first page (p50)" in found


def test_bulk_stage_change_writes_every_row_in_both_paths(ctx):
    from communications.models import Mail

    scenarios.bulk_stage_change(ctx)
    found = rows(ctx, "4 ")
    assert found["20 applications screening -> eligible (changed / refused)"].value == "20 / 0"
    assert found["transition rows / outbox mails written"].value == "20 / 20"
    assert not Mail.objects.filter(message_id__endswith="@bench>").exists()  # the baseline's rows are removed


def test_pdfs_and_make_test_wall_time(ctx):
    scenarios.pdfs(ctx)
    scenarios.test_wall_time(ctx)
    found = rows(ctx, "6 ")
    pv = [f for f in found if f.startswith("jury PV, 3 candidates")]
    assert pv, found
    assert rows(ctx, "8 ")


def test_mixed_load_reports_p99_and_memory(ctx):
    scenarios.mixed_load(ctx)
    found = rows(ctx, "7 ")
    errors = next(row for figure, row in found.items() if figure.endswith("errors"))
    assert errors.value.startswith("0 of "), errors.value
