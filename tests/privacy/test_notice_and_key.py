"""The privacy notice says what is really kept during a ban, and the ban's hash has a key of its own."""

import pytest
from django.test import override_settings
from django.utils import translation

from candidates.bans import identity_hash


def test_the_notice_says_only_a_hash_and_the_dates_are_kept_during_a_ban(client):
    html = " ".join(client.get("/privacy/").content.decode().split())
    assert "alleen een code die van je e-mailadres is afgeleid" in html
    assert "begin- en einddatum van de uitsluiting" in html
    assert "Je naam en geboortedatum bewaren we daarvoor niet" in html
    # The old, untrue wording kept name and birth date during the ban.
    assert "je naam, geboortedatum, e-mailadres en de datum" not in html


@pytest.mark.django_db
def test_the_english_notice_says_the_same(client):
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        html = " ".join(client.get("/privacy/", headers={"accept-language": "en"}).content.decode().split())
    assert "only a code derived from your e-mail address" in html
    assert "We do not keep your name or date of birth for it." in html


def test_rotating_secret_key_does_not_change_the_ban_hash(settings):
    before = identity_hash("An.Peeters@example.org ")
    with override_settings(SECRET_KEY="another-secret-key-after-rotation"):
        assert identity_hash("an.peeters@example.org") == before
    with override_settings(IDENTITY_HASH_KEY="another-hash-key"):
        assert identity_hash("an.peeters@example.org") != before
    assert len(before) == 64 and "peeters" not in before
