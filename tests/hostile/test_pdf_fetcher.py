"""PDF rendering fetches nothing outside the project's static files (kortrijk_ats.pdf.safe_url_fetcher)."""

import base64
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from kortrijk_ats.pdf import MAX_DATA_URL_CHARS, ResourceRefused, render_pdf, safe_url_fetcher
from tests.loopback_http import StylesheetCounter, serving

STATIC_CSS = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


@pytest.fixture
def http_server():
    with serving(StylesheetCounter, hits=[]) as server:
        yield f"http://127.0.0.1:{server.server_port}", server.hits


def test_a_static_file_is_served_from_disk():
    response = safe_url_fetcher()(STATIC_CSS.as_uri())
    assert response.read() == STATIC_CSS.read_bytes()
    assert response.content_type == "text/css"


def test_our_own_static_url_is_read_from_disk_not_fetched(settings):
    settings.SITE_URL = "http://127.0.0.1:9"  # nothing listens there: a network fetch would fail
    response = safe_url_fetcher()(f"{settings.SITE_URL}/{settings.STATIC_URL.strip('/')}/css/portal.css")
    assert response.read() == STATIC_CSS.read_bytes()


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    Path(settings.BASE_DIR, "kortrijk_ats", "settings.py").as_uri(),
    STATIC_CSS.as_uri().replace("/css/portal.css", "/../kortrijk_ats/settings.py"),
    STATIC_CSS.as_uri().replace("/css/portal.css", "/css/does-not-exist.css"),
    "ftp://127.0.0.1/x",
    "gopher://127.0.0.1/x",
    "https://example.org/static/css/portal.css",
    "javascript:alert(1)",
], ids=["etc-passwd", "project-source", "dot-dot", "missing", "ftp", "gopher", "other-host-static", "javascript"])
def test_urls_outside_the_static_files_are_refused(url):
    with pytest.raises(ResourceRefused):
        safe_url_fetcher()(url)


def test_http_is_refused_without_a_single_request(http_server):
    base, hits = http_server
    with pytest.raises(ResourceRefused):
        safe_url_fetcher()(f"{base}/x.css")
    assert hits == []


def test_a_small_data_url_is_fine_and_a_huge_one_is_refused():
    small = "data:image/png;base64," + base64.b64encode(PNG_1PX).decode()
    assert safe_url_fetcher()(small).read() == PNG_1PX
    huge = "data:text/plain;base64," + "A" * (MAX_DATA_URL_CHARS + 4)
    with pytest.raises(ResourceRefused, match="too large"):
        safe_url_fetcher()(huge)


def hostile_html(base):
    return f"""<html><head><link rel="stylesheet" href="{base}/style.css">
    <style>@import url("{base}/import.css"); body {{ background: url("{base}/bg.png") }}</style></head>
    <body><p>PV</p><img src="{base}/tracker.png"><img src="file:///etc/hostname"></body></html>"""


def test_a_rendered_pdf_touches_no_outside_url(http_server):
    base, hits = http_server
    pdf = render_pdf(hostile_html(base))
    assert pdf.startswith(b"%PDF-")
    assert hits == []


def test_the_negative_control_weasyprints_default_fetcher_does_fetch(http_server):
    # Without the safe fetcher the same HTML reaches the server: the test above can fail.
    base, hits = http_server
    HTML(string=hostile_html(base), url_fetcher=URLFetcher(timeout=5)).write_pdf()
    assert "/style.css" in hits
