"""The privacy notice says what is really kept during a ban, and the ban's hash has a key of its own."""

import pytest
from django.test import override_settings
from django.utils import translation

from candidates.bans import identity_hash


def test_the_notice_says_only_keyed_codes_and_the_dates_are_kept_during_a_ban(client):
    html = " ".join(client.get("/privacy/").content.decode().split())
    assert ("alleen codes die van je e-mailadressen en van je naam met je geboortedatum zijn afgeleid, en de begin- "
            "en einddatum van de uitsluiting") in html
    assert "Je naam, geboortedatum en e-mailadressen zelf bewaren we daarvoor niet." in html
    # The old wordings: name and birth date kept in the clear, or (since the likely-match codes) no code of them.
    assert "je naam, geboortedatum, e-mailadres en de datum" not in html
    assert "Je naam en geboortedatum bewaren we daarvoor niet" not in html


@pytest.mark.django_db
def test_the_english_notice_says_the_same(client):
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        html = " ".join(client.get("/privacy/", headers={"accept-language": "en"}).content.decode().split())
    assert "only codes derived from your e-mail addresses and from your name with your date of birth" in html
    assert "We do not keep your name, date of birth or e-mail addresses themselves for it." in html


def test_rotating_secret_key_does_not_change_the_ban_hash(settings):
    before = identity_hash("An.Peeters@example.org ")
    with override_settings(SECRET_KEY="another-secret-key-after-rotation"):
        assert identity_hash("an.peeters@example.org") == before
    with override_settings(IDENTITY_HASH_KEY="another-hash-key"):
        assert identity_hash("an.peeters@example.org") != before
    assert len(before) == 64 and "peeters" not in before
