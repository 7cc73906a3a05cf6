"""Two HR users deciding on the same application at the same moment, in two real threads and transactions:
one wins, the other is told someone else was faster, and the data stays consistent."""

from functools import partial

import pytest
from django.test import Client
from django.urls import reverse

from candidates.models import Transition
from candidates.stages import Stage
from communications.models import Mail
from tests.auth import login_staff
from tests.factories import ApplicationFactory, hr_user
from tests.threads import assert_no_error, run_together


@pytest.mark.django_db(transaction=True)
def test_two_hr_users_at_once_one_wins_the_other_is_told(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    application = ApplicationFactory()
    decisions = {
        "hr_a": ("mark_eligible", {"mark_eligible-expected_stage": Stage.SCREENING}),
        "hr_b": ("mark_not_eligible", {"mark_not_eligible-expected_stage": Stage.SCREENING,
                                       "mark_not_eligible-reason": "Geen geldig diploma."}),
    }
    clients = {}
    for username in decisions:
        clients[username] = Client()
        login_staff(clients[username], hr_user(username=username))

    def decide(username):
        action, data = decisions[username]
        url = reverse("admin:candidates_application_stage", args=[application.pk, action])
        return clients[username].post(url, data, follow=True).content.decode()

    handles = run_together(*(partial(decide, username) for username in decisions))
    assert_no_error(handles)
    pages = {username: h.result for username, h in zip(decisions, handles, strict=True)}
    winners = [u for u, html in pages.items() if "staat nu op" in html]
    losers = [u for u, html in pages.items() if "Iemand anders was sneller" in html]
    assert len(winners) == 1 and len(losers) == 1, pages.keys()
    application.refresh_from_db()
    transition = Transition.objects.get(application=application)
    assert transition.actor.username == winners[0]
    assert application.stage == transition.to_stage
    assert Mail.objects.for_object(application).count() == 1
