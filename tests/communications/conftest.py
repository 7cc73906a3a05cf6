import pytest

from communications import events
from communications.events import MailEvent
from communications.models import Mail

ROUTINE = MailEvent(
    key="test_routine", label="Testmail (routine)",
    subject={"nl": "Ontvangen: {{ procedure_title }}", "en": "Received: {{ procedure_title }}"},
    body={"nl": "Beste {{ candidate_name }},\n\nWe ontvingen je kandidatuur voor {{ procedure_title }}.",
          "en": "Dear {{ candidate_name }},\n\nWe received your application for {{ procedure_title }}."},
    placeholders={"procedure_title": "titel van de procedure"},
)
OUTCOME = MailEvent(
    key="test_outcome", label="Testmail (uitslag)",
    subject={"nl": "Uitslag voor {{ candidate_name }}", "en": "Result for {{ candidate_name }}"},
    body={"nl": "Beste {{ candidate_name }},\n\nReden: {{ reason }}",
          "en": "Dear {{ candidate_name }},\n\nReason: {{ reason }}"},
    placeholders={"reason": "motivering van de beslissing"},
    held_for_release=True,
)


@pytest.fixture(autouse=True)
def test_events(monkeypatch):
    """Two events of our own, registered for one test only: the domain's events stay out of these tests."""
    monkeypatch.setitem(events._EVENTS, ROUTINE.key, ROUTINE)
    monkeypatch.setitem(events._EVENTS, OUTCOME.key, OUTCOME)


@pytest.fixture
def make_mail(db):
    def make(**fields):
        defaults = {"event": ROUTINE.key, "to": "kandidaat@example.org", "subject": "Onderwerp",
                    "body_text": "Tekst", "body_html": "<p>Tekst</p>", "state": Mail.State.QUEUED}
        return Mail.objects.create(**{**defaults, **fields})

    return make
