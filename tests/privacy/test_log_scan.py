"""The log scan of the whole test run (tests/log_scan.py) finds what it looks for, and fails a run that leaks."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.middleware.csrf import _mask_cipher_secret, _unmask_cipher_token

from tests.log_scan import Seen, log_path, scan_text


def valid_insz():
    first_nine = "900512" + "123"
    return first_nine + f"{97 - int(first_nine) % 97:02d}"


def test_each_kind_of_secret_is_found_and_an_invalid_number_is_not():
    number = valid_insz()
    wrong = number[:9] + f"{(int(number[9:]) % 97) + 1:02d}"
    secret = "a" * 32
    text = "\n".join([
        f"mail 12 sent for 90.05.12-123.{number[9:]}",
        f"invalid number {wrong} is fine",
        "user typed correct-horse-battery-staple",
        "session 0123456789abcdefghijklmnopqrstuv opened",
        f"form token {_mask_cipher_secret(secret)}",
    ])
    found = scan_text(text, passwords={"correct-horse-battery-staple"},
                      session_keys={"0123456789abcdefghijklmnopqrstuv"}, csrf_secrets={secret})
    assert sorted(kind for kind, _ in found) == ["CSRF token", "INSZ", "password", "session key"]
    assert all(number not in where and "correct-horse" not in where for _, where in found)


@pytest.mark.django_db
def test_the_run_records_what_it_hands_out(client, pytestconfig):
    client.get("/account/login/")  # a page with a form: a CSRF secret is handed out
    assert Seen.csrf_secrets
    assert any(len(s) == 32 for s in Seen.csrf_secrets)
    assert _unmask_cipher_token(_mask_cipher_secret(next(iter(Seen.csrf_secrets)))) in Seen.csrf_secrets
    logging.getLogger("kats.selftest").info("this line reaches the run log")
    assert "this line reaches the run log" in log_path(pytestconfig).read_text(encoding="utf-8")


PLANTED = """
import logging

from django.contrib.auth.hashers import make_password


def test_leaks_a_national_number_and_a_password():
    make_password("paard-batterij-nietje")
    logging.getLogger("leaky").warning("looked up %s for %s", "{number}", "{logged}")
"""


# "-n 1": a pytest-xdist worker hashes the password (only it knows it) and logs both; the controller, which decides
# the exit status, must report both and fail the run.
@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_run_that_logs_a_national_number_or_a_password_fails(tmp_path, workers):
    test_file = tmp_path / "test_leak.py"
    test_file.write_text(PLANTED.format(number=valid_insz(), logged="paard-batterij-nietje"))
    env = {**os.environ, "KATS_LOG_SCAN_FILE": str(tmp_path / "run.log"), "PYTHONPATH": str(settings.BASE_DIR)}
    command = [sys.executable, "-m", "pytest", str(test_file), "-p", "tests.log_scan", "-q", "-p", "no:cacheprovider",
               "-n", workers, "--rootdir", str(tmp_path), "-c", str(Path(settings.BASE_DIR) / "pyproject.toml")]
    result = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert "1 passed" in result.stdout, result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "LOG SCAN: 2 secret(s)" in result.stdout, result.stdout
    findings = (tmp_path / "run.findings.txt").read_text().splitlines()
    assert [line.split(":")[0] for line in findings] == ["INSZ", "password"], findings
    # The control: the same run without the number and the password in the log passes.
    test_file.write_text(PLANTED.format(number="not a number", logged="geen wachtwoord"))
    clean = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
                           check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
