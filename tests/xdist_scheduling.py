"""pytest-xdist scheduling: the tests in ONE_WORKER's files run one after the other on one worker, and start first.

- The HTTP booking races: two at once would open up to 100 database connections (the server's default limit).
- The whole-system test (tests/test_runnable.py): pytest-django puts tests without a database last, where it ran
  alone for minutes after everything else was done.
Their group is scheduled before the single tests (xdist sends a scope with more tests first); every other test is
sent on its own, as with --dist load. The `xdist_group` mark cannot do this here: with pytest 9.2 it groups nothing
(pytest-xdist issue 1386). Registered in tests/conftest.py; a --dist chosen by hand keeps xdist's own scheduling.
"""

import pytest

ONE_WORKER = ("tests/interviews/test_race.py", "tests/interviews/test_booking_change_race.py", "tests/test_runnable.py")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneWorkerGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "one-worker" if nodeid.startswith(ONE_WORKER) else nodeid

    return OneWorkerGroup(config, log)
