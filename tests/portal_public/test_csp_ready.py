"""The shell's pages stay ready for a Content-Security-Policy without 'unsafe-inline': no inline script or style."""

import re

import pytest

from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_the_round")]

PAGES = ["/", "/vacatures/maatschappelijk-werker/", "/toegankelijkheid/", "/privacy/", "/account/login/",
         "/account/signup/", "/account/password/reset/", "/account/login/code/", "/bestaat-niet/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE)
EXTERNAL_ASSET = re.compile(r"<(?:script|link)[^>]+(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)


@pytest.mark.parametrize("url", PAGES)
def test_no_inline_script_style_handler_or_cdn(client, url):
    make_vacancy()
    html = client.get(url).content.decode()
    assert not INLINE_SCRIPT.search(html), url
    assert not STYLE_ATTRIBUTE.search(html), url
    assert not EVENT_HANDLER.search(html), url
    assert not EXTERNAL_ASSET.search(html), url
    assert '/static/vendor/bootstrap/bootstrap.min.css' in html
    assert '/static/vendor/bootstrap/bootstrap.bundle.min.js' in html
