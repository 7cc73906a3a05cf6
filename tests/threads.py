"""Actors at the same moment on real PostgreSQL connections: each function in its own thread with its own database
connection (closed when the thread ends), so row locks meet as they would between two web requests or two workers."""

import threading
import time

from django.db import connection, transaction

WAIT = 30  # seconds: only a bound against a hung thread, never an assertion on speed


def in_thread(function):
    """Run `function` in a new thread with its own database connection; the handle has .result / .error."""
    handle = type("Handle", (), {"result": None, "error": None})()

    def run():
        try:
            handle.result = function()
        except BaseException as error:  # noqa: BLE001 — handed back to the test thread to assert on
            handle.error = error
        finally:
            connection.close()

    handle.thread = threading.Thread(target=run, daemon=True)
    handle.thread.start()
    return handle


def join(*handles):
    for handle in handles:
        handle.thread.join(WAIT)
        assert not handle.thread.is_alive(), "a thread hung"


def run_together(*functions):
    """Start every function at the same instant (a barrier), each in its own thread and connection."""
    barrier = threading.Barrier(len(functions))

    def released(function):
        def run():
            barrier.wait(WAIT)
            return function()
        return run

    handles = [in_thread(released(function)) for function in functions]
    join(*handles)
    return handles


def backend_pid():
    """The PostgreSQL server process behind this thread's connection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def is_waiting_for_a_lock(pid):
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


def first_holds_while_second_runs(first, second, *, second_must_queue=False):
    """`first` runs in a transaction kept open until `second`, started once `first` has returned, is seen queued on
    a lock in PostgreSQL (or has finished, unless `second_must_queue`); then `first` commits. Returns both handles;
    `first` fails if that moment never comes."""
    first_done, release_first = threading.Event(), threading.Event()
    second_pid = []

    def run_first():
        with transaction.atomic():
            result = first()
            first_done.set()
            if not release_first.wait(WAIT):
                raise AssertionError("the second never queued on a lock" + ("" if second_must_queue else
                                                                            " nor finished"))
        return result

    def run_second():
        second_pid.append(backend_pid())
        first_done.wait(WAIT)
        return second()

    handles = in_thread(run_first), in_thread(run_second)
    for _ in range(WAIT * 20):
        finished = not second_must_queue and not handles[1].thread.is_alive()
        if first_done.is_set() and (finished or (second_pid and is_waiting_for_a_lock(second_pid[0]))):
            release_first.set()
            break
        time.sleep(0.05)
    join(*handles)
    return handles


def assert_no_error(handles):
    """Fail with the first error a thread raised, its own traceback included."""
    for handle in handles:
        if handle.error is not None:
            raise AssertionError(f"a thread raised {handle.error!r}") from handle.error
