"""Meeting links: HR's own link by default; the Microsoft Graph provider against a local fake Graph on loopback."""

import json
import urllib.parse
from datetime import date, time
from http.server import BaseHTTPRequestHandler

import pytest

from interviews.intake.meeting_links import GraphLinks, ManualLinks, MeetingLinkError, get_provider, join_url_for
from interviews.intake.slots import generate_slots
from interviews.models import SessionInterviewer
from tests.factories import IntakeSessionFactory, UserFactory
from tests.interviews.helpers import make_slot
from tests.loopback_http import answer, serving

pytestmark = pytest.mark.django_db


class FakeGraph(BaseHTTPRequestHandler):
    """The two Graph endpoints the provider uses: the token endpoint and onlineMeetings."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.seen.append((self.path, dict(self.headers), body))
        if self.path.endswith("/oauth2/v2.0/token"):
            form = urllib.parse.parse_qs(body.decode())
            if form.get("client_secret") != ["geheim"]:
                return self._reply(401, {"error": "invalid_client"})
            return self._reply(200, {"access_token": "token-123", "expires_in": 3599, "token_type": "Bearer"})
        if "/onlineMeetings" in self.path:
            if self.headers.get("Authorization") != "Bearer token-123":
                return self._reply(401, {"error": "unauthorized"})
            if self.server.refuse_meetings:
                return self._reply(403, {"error": {"code": "Forbidden"}})
            n = len([p for p, _, _ in self.server.seen if "/onlineMeetings" in p])
            return self._reply(201, {"id": f"meeting-{n}",
                                     "joinWebUrl": f"https://teams.microsoft.com/l/meetup-join/{n}"})
        return self._reply(404, {})

    def _reply(self, status, payload):
        answer(self, status, "application/json", json.dumps(payload).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_graph():
    with serving(FakeGraph, seen=[], refuse_meetings=False) as server:
        yield server


def _graph(server, secret="geheim"):  # noqa: S107 — the fake server's test secret
    base = f"http://127.0.0.1:{server.server_address[1]}"
    return GraphLinks(tenant_id="tenant-1", client_id="client-1", client_secret=secret,
                      graph_url=f"{base}/v1.0", login_url=base)


@pytest.fixture
def morning(procedure):
    return IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 20), starts_at=time(9), ends_at=time(12),
                                meeting_url="https://teams.example.org/sessie")


def test_the_default_provider_is_hr_typing_the_link(settings):
    assert isinstance(get_provider(), ManualLinks)
    settings.KATS_MEETING_PROVIDER = "graph"
    settings.MS_GRAPH_TENANT_ID = settings.MS_GRAPH_CLIENT_ID = settings.MS_GRAPH_CLIENT_SECRET = ""
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        get_provider()


def test_graph_creates_one_meeting_per_interviewer_for_the_session(fake_graph, morning):
    anna = UserFactory(username="anna", email="anna@kortrijk.example")
    bart = UserFactory(username="bart", email="bart@kortrijk.example")
    generate_slots(morning, interviewers=[anna, bart])
    provider = _graph(fake_graph)
    from interviews.intake.meeting_links import provide_links

    assert provide_links(morning, provider=provider) == 2
    assert provide_links(morning, provider=provider) == 0  # both have a link now: nothing created twice
    token_calls = [s for s in fake_graph.seen if s[0].endswith("/token")]
    meeting_calls = [s for s in fake_graph.seen if "/onlineMeetings" in s[0]]
    assert len(token_calls) == 1  # the token is reused until it expires
    form = urllib.parse.parse_qs(token_calls[0][2].decode())
    assert token_calls[0][0] == "/tenant-1/oauth2/v2.0/token"
    assert form["grant_type"] == ["client_credentials"]
    assert form["scope"] == ["https://graph.microsoft.com/.default"]
    paths = sorted(p for p, _, _ in meeting_calls)
    assert paths == ["/v1.0/users/anna%40kortrijk.example/onlineMeetings",
                     "/v1.0/users/bart%40kortrijk.example/onlineMeetings"]
    payload = json.loads(meeting_calls[0][2])
    assert payload["startDateTime"] == "2026-01-20T09:00:00+01:00"
    assert payload["endDateTime"] == "2026-01-20T12:00:00+01:00"
    links = dict(SessionInterviewer.objects.values_list("interviewer__username", "external_meeting_id"))
    assert set(links) == {"anna", "bart"} and all(v.startswith("meeting-") for v in links.values())
    anna_link = SessionInterviewer.objects.get(interviewer=anna).meeting_url
    assert anna_link.startswith("https://teams.microsoft.com/l/meetup-join/")


def test_graph_refusals_are_told_to_hr_in_dutch(fake_graph, morning):
    anna = UserFactory(username="anna", email="anna@kortrijk.example")
    present = SessionInterviewer.objects.create(session=morning, interviewer=anna)
    with pytest.raises(MeetingLinkError, match="weigerde de aanvraag \\(HTTP 401\\)"):
        _graph(fake_graph, secret="fout").provide_link(present)
    fake_graph.refuse_meetings = True
    with pytest.raises(MeetingLinkError, match="HTTP 403"):
        _graph(fake_graph).provide_link(present)
    present.refresh_from_db()
    assert present.meeting_url == ""


def test_an_unreachable_graph_is_a_clear_error(morning):
    anna = UserFactory(username="anna", email="anna@kortrijk.example")
    present = SessionInterviewer.objects.create(session=morning, interviewer=anna)
    # A port nobody listens on: bind, read the port, close.
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = GraphLinks(tenant_id="t", client_id="c", client_secret="s", graph_url=f"http://127.0.0.1:{port}",
                          login_url=f"http://127.0.0.1:{port}", timeout=2)
    with pytest.raises(MeetingLinkError, match="niet bereikbaar"):
        provider.provide_link(present)


def test_the_join_link_prefers_slot_then_interviewer_then_session(morning):
    anna, bart = UserFactory(username="anna"), UserFactory(username="bart")
    SessionInterviewer.objects.create(session=morning, interviewer=anna, meeting_url="https://teams.example.org/anna")
    slot = make_slot(morning)
    assert join_url_for(slot, interviewer=anna) == "https://teams.example.org/anna"
    assert join_url_for(slot, interviewer=bart) == "https://teams.example.org/sessie"
    assert join_url_for(slot, interviewer=None) == "https://teams.example.org/sessie"
    slot.meeting_url = "https://teams.example.org/slot"
    assert join_url_for(slot, interviewer=anna) == "https://teams.example.org/slot"


def test_graph_asks_for_no_meeting_while_the_session_has_no_hours(fake_graph, morning):
    # HR emptied the hours after the interviewers were seated: no meeting at a guessed time, a message instead.
    anna = UserFactory(username="anna", email="anna@kortrijk.example")
    generate_slots(morning, interviewers=[anna])
    morning.starts_at = morning.ends_at = None
    morning.save(update_fields=["starts_at", "ends_at"])
    with pytest.raises(MeetingLinkError, match="Vul eerst het begin- en einduur van het intakemoment"):
        _graph(fake_graph).provide_link(SessionInterviewer.objects.get(interviewer=anna))
    assert not [s for s in fake_graph.seen if "/onlineMeetings" in s[0]]
