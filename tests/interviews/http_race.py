"""A small HTTP harness for the booking races: logged-in candidates firing real POSTs at the live server.

Each candidate gets a real session (the cookie Django's test client makes with force_login), reads its CSRF token
from the intake page like a browser, then waits at a barrier so every POST leaves at the same moment.
bench/booking_surge.py sends its surge through the same Candidate.
"""

import http.client
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from functools import partial
from http.cookies import SimpleCookie

from django.conf import settings
from django.test import Client

from tests.threads import run_together

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Reply:
    status: int
    body: str
    started: float = 0.0
    ended: float = 0.0


@dataclass
class Candidate:
    """One logged-in browser, as far as the server can tell: cookies, CSRF token, plain HTTP/1.1."""

    base_url: str
    cookies: dict = field(default_factory=dict)
    csrf: str = ""
    timeout: float = 60

    @classmethod
    def logged_in(cls, base_url, user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return cls(base_url, {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value})

    def request(self, method, path, form=None):
        parts = urllib.parse.urlsplit(self.base_url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return Reply(response.status, text, started, time.perf_counter())
        except OSError as error:  # refused, reset or timed out: status 0, as status_counts() counts it
            return Reply(0, repr(error), started, time.perf_counter())
        finally:
            conn.close()

    def open_page(self, path):
        """GET the page and keep its CSRF token, as a browser does before a POST."""
        reply = self.request("GET", path)
        match = CSRF_INPUT.search(reply.body)
        if reply.status == 200 and match:
            self.csrf = match.group(1)
        return reply

    def post(self, path, form):
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": self.csrf})


def fire_together(shots):
    """Run every (candidate, path, form) POST in its own thread, all released by one barrier. Returns the replies
    in the order of `shots`; an exception in a thread becomes a Reply with status 0 and the error text."""
    handles = run_together(*(partial(candidate.post, path, form) for candidate, path, form in shots))
    return [Reply(0, repr(h.error)) if h.error is not None else h.result for h in handles]


def overlapped(replies):
    """True when at least two requests were in flight at the same time (the race really was a race)."""
    latest_end = None
    for started, ended in sorted((r.started, r.ended) for r in replies if r.ended):
        if latest_end is not None and started < latest_end:
            return True
        latest_end = ended if latest_end is None else max(latest_end, ended)
    return False


def status_counts(replies):
    """How many replies had each HTTP status, e.g. {303: 6, 409: 34}; status 0 is a broken connection."""
    counts = {}
    for reply in replies:
        counts[reply.status] = counts.get(reply.status, 0) + 1
    return counts
