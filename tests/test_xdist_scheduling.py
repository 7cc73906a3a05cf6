"""The pytest-xdist scheduling of tests/xdist_scheduling.py, on a planted suite run with two workers."""

import os
import re
import subprocess
import sys

from django.conf import settings

from tests.xdist_scheduling import ONE_WORKER

PLANTED = """
import time

import pytest


@pytest.mark.parametrize("n", range({count}))
def test_planted(n):
    time.sleep(0.05)
"""


def test_the_one_worker_files_run_first_and_together_and_the_rest_is_shared(tmp_path):
    for path in [*ONE_WORKER, "tests/test_first_other.py", "tests/test_second_other.py"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(PLANTED.format(count=3 if path in ONE_WORKER else 10))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    command = [sys.executable, "-m", "pytest", "-n", "2", "-v", "-p", "tests.xdist_scheduling", "-p", "no:django",
               "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "-c", str(tmp_path / "pytest.ini"), str(tmp_path)]
    env = {**os.environ, "PYTHONPATH": str(settings.BASE_DIR)}  # the plugin; the planted tests print from tmp_path
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    ran = re.findall(r"^\[(gw\d)\] \[ *\d+%\] PASSED (\S+)", result.stdout, flags=re.MULTILINE)
    assert len(ran) == 3 * len(ONE_WORKER) + 20, result.stdout
    grouped = [(worker, test) for worker, test in ran if test.startswith(ONE_WORKER)]
    (worker,) = {worker for worker, _ in grouped}
    assert [test for w, test in ran if w == worker][:len(grouped)] == [test for _, test in grouped]
    assert {w for w, _ in ran} == {"gw0", "gw1"}
