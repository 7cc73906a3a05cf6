"""Actors at the same moment on real PostgreSQL connections: each function in its own thread with its own database
connection (closed when the thread ends), so row locks meet as they would between two web requests or two workers."""

import threading

from django.db import connection

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
