"""No Celery task waits longer than an hour: long waits (a year of waitlist, a ban) are dates in the database.

A delayed task on Redis outlives a worker restart only within the broker's visibility timeout, and a task that
waits a year cannot be seen, changed or cancelled. This test reads the project's source (not the tests) for every
countdown / eta / retry delay handed to Celery: a constant must be at most an hour; a computed value must be
listed below with the function that bounds it, and that bound is then checked by calling the real function.
"""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings

ONE_HOUR = 3600
ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "venv", "node_modules", "var", "tests", "migrations", ".git", "__pycache__", ".ruff_cache"}
DELAY_KEYWORDS = {"countdown", "eta", "default_retry_delay", "retry_backoff_max"}


def mail_retry_bound():
    from communications import sending

    return max(sending.retry_delay(attempts) for attempts in range(1, 200))


# Computed delays, reviewed by a person: (file, expression) -> the real function whose largest value bounds it.
REVIEWED = {
    ("communications/tasks.py", "retry_in"): mail_retry_bound,  # send_queued_mail() returns retry_delay(...)
    ("communications/tasks.py", "max(report.retry.values(), default=sending.retry_delay(1))"): mail_retry_bound,
}


OPERATORS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
             ast.Div: lambda a, b: a / b, ast.FloorDiv: lambda a, b: a // b}


def constant_seconds(node):
    """The delay in seconds when the expression is a constant (arithmetic on numbers, or a timedelta of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        left, right = constant_seconds(node.left), constant_seconds(node.right)
        return None if left is None or right is None else OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.Call) and ast.unparse(node.func) in {"timedelta", "datetime.timedelta"}:
        args = [constant_seconds(a) for a in node.args]
        kwargs = {k.arg: constant_seconds(k.value) for k in node.keywords}
        if None in args or None in kwargs.values():
            return None
        return timedelta(*args, **kwargs).total_seconds()
    return None


def delays_in(source, path):
    """(path, line, keyword, expression, seconds or None) for every delay keyword passed in a call."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in DELAY_KEYWORDS:
                    found.append((path, node.lineno, keyword.arg, ast.unparse(keyword.value),
                                  constant_seconds(keyword.value)))
    return found


def project_sources():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not SKIP_DIRS.intersection(relative.parts[:-1]):
            yield relative.as_posix(), path.read_text(encoding="utf-8")


def problems(delays):
    out = []
    for path, line, keyword, expression, seconds in delays:
        if seconds is not None:
            if seconds > ONE_HOUR:
                out.append(f"{path}:{line}: {keyword}={expression} is {seconds:.0f} s, more than an hour")
        elif (path, expression) not in REVIEWED:
            out.append(f"{path}:{line}: {keyword}={expression} is computed and not reviewed in this test")
    return out


@pytest.fixture(scope="module")
def project_delays():
    return [delay for path, source in project_sources() for delay in delays_in(source, path)]


def test_no_task_is_delayed_longer_than_an_hour(project_delays):
    assert problems(project_delays) == []


def test_the_scan_sees_the_known_retry_delays(project_delays):
    # Guards against a scan that silently finds nothing (wrong root, everything skipped).
    assert {(path, expression) for path, _line, _kw, expression, _s in project_delays} >= {
        ("communications/tasks.py", "retry_in")}


@pytest.mark.parametrize("bound", sorted(set(REVIEWED.values()), key=lambda f: f.__name__))
def test_every_reviewed_computed_delay_is_bounded_by_an_hour(bound):
    assert 0 < bound() <= ONE_HOUR


def test_the_broker_keeps_a_delayed_task_at_least_an_hour():
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] >= ONE_HOUR


@pytest.mark.parametrize(("source", "flagged"), [
    ("task.apply_async(args=[1], countdown=60)", False),
    ("task.apply_async(args=[1], countdown=3600)", False),
    ("task.apply_async(args=[1], countdown=3601)", True),
    ("task.apply_async(args=[1], countdown=365 * 24 * 3600)", True),
    ("task.apply_async(args=[1], countdown=30 * 60)", False),
    ("task.apply_async(args=[1], countdown=timedelta(minutes=59))", False),
    ("task.apply_async(args=[1], countdown=timedelta(days=365))", True),
    ("task.apply_async(args=[1], eta=timezone.now() + timedelta(days=365))", True),
    ("task.apply_async(args=[1], countdown=timedelta(hours=2).total_seconds())", True),
    ("self.retry(countdown=delay)", True),
    ("@shared_task(default_retry_delay=7200)\ndef t(): pass", True),
    ("sig = task.s(1).set(countdown=86400)", True),
], ids=range(12))
def test_the_scan_flags_long_and_unreviewed_delays(source, flagged):
    assert bool(problems(delays_in(source, "example.py"))) == flagged
