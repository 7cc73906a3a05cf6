"""A pytest plugin: every log record of the test run goes to a file, and the run fails if that file holds a secret.

Secrets looked for at the end of the session (pytest_sessionfinish):
- valid national register (INSZ) or bis numbers, in any usual notation;
- every password hashed or checked during the run (the factory password, sign-up and log-in passwords);
- every session key saved to the database during the run;
- every CSRF secret handed out during the run, and any masked CSRF token that unmasks to one.

The log lands in test-artifacts/test-run.log (test-run-<TEST_DB_NAME>.log; KATS_LOG_SCAN_FILE overrides it), the
findings, if any, beside it in test-run.findings.txt. Under pytest-xdist each worker writes and scans a log of its
own (test-run-gw0.log ...) and hands its findings to the controller, which reports them all and fails the run.
Registered in tests/conftest.py.
"""

import logging
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIN_PASSWORD_LENGTH = 8

INSZ_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{2}[.\- ]?\d{2}[.\- ]?\d{2}[.\- ]?\d{3}[.\- ]?\d{2})(?![0-9A-Za-z])")
TOKEN_PATTERN = re.compile(r"(?<![0-9A-Za-z])([0-9A-Za-z]{64})(?![0-9A-Za-z])")


class Seen:
    """What the run handed out, to look for in the log afterwards."""

    passwords: set = set()
    session_keys: set = set()
    csrf_secrets: set = set()


def log_path(config):
    # Parallel runs in one checkout keep apart by their test database name, the workers of one run by their id.
    suffix = f"-{os.environ['TEST_DB_NAME']}" if os.environ.get("TEST_DB_NAME") else ""
    path = Path(os.environ.get("KATS_LOG_SCAN_FILE") or ROOT / "test-artifacts" / f"test-run{suffix}.log")
    worker = getattr(config, "workerinput", {}).get("workerid")
    return path.with_name(f"{path.stem}-{worker}{path.suffix}") if worker else path


class RunLogHandler(logging.FileHandler):
    """Writes every record, with its exception text, to the run's log file."""

    def __init__(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        # Append mode: a test that reconfigures logging closes every handler, and only an "a" handler reopens.
        super().__init__(path, mode="a", encoding="utf-8")
        self.setLevel(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))


_handler = None
_worker_findings = []  # on the pytest-xdist controller: what the workers found in their logs


def _attach():
    root = logging.getLogger()
    if _handler is not None and _handler not in root.handlers:
        root.addHandler(_handler)


def scan_text(text, *, passwords=(), session_keys=(), csrf_secrets=()):
    """The secrets found in text, as (kind, where) pairs. Shown values are cut, so the report leaks nothing whole."""
    from candidates.insz import is_valid_insz

    findings = []
    for match in INSZ_PATTERN.finditer(text):
        if is_valid_insz(match.group(1)):
            findings.append(("INSZ", _context(text, match.start())))
    for kind, values in (("password", passwords), ("session key", session_keys), ("CSRF secret", csrf_secrets)):
        for value in values:
            if value and value in text:
                findings.append((kind, _context(text, text.index(value))))
    if csrf_secrets:
        from django.middleware.csrf import _unmask_cipher_token

        secrets = set(csrf_secrets)
        for match in TOKEN_PATTERN.finditer(text):
            if _unmask_cipher_token(match.group(1)) in secrets:
                findings.append(("CSRF token", _context(text, match.start())))
    return findings


def _context(text, at):
    line_start = text.rfind("\n", 0, at) + 1
    return f"line {text.count(chr(10), 0, at) + 1}: {text[line_start:at][-60:]}…"


def _record_passwords():
    from django.contrib.auth import hashers

    def wrap(cls):
        original = cls.encode
        if getattr(original, "_kats_recording", False):
            return

        def encode(self, password, *args, **kwargs):
            if isinstance(password, str) and len(password) >= MIN_PASSWORD_LENGTH:
                Seen.passwords.add(password)
            return original(self, password, *args, **kwargs)

        encode._kats_recording = True
        cls.encode = encode

    pending = [hashers.BasePasswordHasher]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "encode" in vars(cls):
            wrap(cls)


def _record_sessions_and_csrf():
    from django.contrib.sessions.models import Session
    from django.db.models.signals import post_save
    from django.middleware.csrf import CsrfViewMiddleware

    def saved(sender, instance, **kwargs):
        Seen.session_keys.add(instance.session_key)

    post_save.connect(saved, sender=Session, weak=False, dispatch_uid="kats_log_scan_sessions")
    original = CsrfViewMiddleware._set_csrf_cookie
    if getattr(original, "_kats_recording", False):
        return

    def set_cookie(self, request, response):
        secret = request.META.get("CSRF_COOKIE")
        if secret:
            Seen.csrf_secrets.add(secret)
        return original(self, request, response)

    set_cookie._kats_recording = True
    CsrfViewMiddleware._set_csrf_cookie = set_cookie


def pytest_configure(config):
    global _handler
    if _handler is None:
        _handler = RunLogHandler(log_path(config))
    _attach()
    _record_passwords()
    _record_sessions_and_csrf()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A test that reconfigures logging (dictConfig, a worker) may drop the handler or raise the root level
    # (a worker started at WARNING): put both back, so INFO lines of later tests are still scanned.
    _attach()
    logging.disable(logging.NOTSET)
    root = logging.getLogger()
    if root.level > logging.INFO:
        root.setLevel(logging.INFO)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    # pytest-xdist: a worker's findings fail the run only where the run's exit status is decided, here.
    _worker_findings.extend(tuple(found) for found in getattr(node, "workeroutput", {}).get("log_scan_findings", []))


def pytest_sessionfinish(session, exitstatus):
    if _handler is None:
        return
    _handler.flush()
    text = log_path(session.config).read_text(encoding="utf-8", errors="replace")
    findings = scan_text(text, passwords=Seen.passwords, session_keys=Seen.session_keys,
                         csrf_secrets=Seen.csrf_secrets) + _worker_findings
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["log_scan_findings"] = findings
    report = log_path(session.config).with_suffix(".findings.txt")
    if not findings:
        report.unlink(missing_ok=True)
        return
    report.write_text("".join(f"{kind}: {where}\n" for kind, where in findings), encoding="utf-8")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"LOG SCAN: {len(findings)} secret(s) in the test run's log; see {report}", red=True)
        for kind, where in findings[:10]:
            reporter.write_line(f"  {kind}: {where}", red=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
