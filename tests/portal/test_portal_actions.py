"""The later steps' blocks on the candidate's application page come from a registry (candidates.portal.actions): the
intake, the offer and the jury register theirs, and the candidates' templates name none of those apps."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from candidates.models import Application
from candidates.portal import actions
from candidates.stages import Stage
from tests.factories import ApplicationFactory, CandidateFactory
from tests.portal.conftest import current_diploma

pytestmark = pytest.mark.django_db

INTAKE_BUTTON = "Kies of bekijk je moment voor het kennismakingsinterview"


@pytest.fixture
def invited(user, procedure):
    application = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email),
                                     procedure=procedure, diploma=current_diploma(procedure))
    Application.objects.filter(pk=application.pk).update(stage=Stage.INTAKE_INVITED)
    return Application.objects.get(pk=application.pk)


def page(client, application):
    response = client.get(reverse("candidates:detail", args=[application.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_intake_the_offer_and_the_jury_registered_their_blocks_in_that_order():
    ordered = sorted(actions._ACTIONS.items(), key=lambda item: item[1][0])
    assert [name for name, _ in ordered] == ["intake", "offer", "jury"]


def test_the_page_renders_every_registered_block_in_position_order_and_escapes_plain_text(
        client_a, invited, monkeypatch):
    monkeypatch.setattr(actions, "_ACTIONS", dict(actions._ACTIONS))
    actions.register_portal_action("later", lambda request, application: "<b>niet als HTML</b>", position=15)
    actions.register_portal_action("nothing", lambda request, application: "", position=5)
    html = page(client_a, invited)
    assert INTAKE_BUTTON in html and "&lt;b&gt;niet als HTML&lt;/b&gt;" in html
    assert html.index(INTAKE_BUTTON) < html.index("&lt;b&gt;niet als HTML")
    assert reverse("interviews:intake", args=[invited.public_id]) in html


def test_the_intake_block_shows_only_while_invited(client_a, invited):
    assert INTAKE_BUTTON in page(client_a, invited)
    Application.objects.filter(pk=invited.pk).update(stage=Stage.WAITLIST)
    assert INTAKE_BUTTON not in page(client_a, invited)


def test_the_candidates_templates_name_no_later_app():
    templates = Path(settings.BASE_DIR) / "templates" / "candidates"
    named = [(path.name, needle) for path in templates.rglob("*.html") for needle in
             ("interviews:", "offers:", "jury_portal", "offers_portal", "interviews/", "offers/")
             if needle in path.read_text(encoding="utf-8")]
    assert named == []
