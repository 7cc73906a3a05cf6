"""PDF rendering that fetches nothing outside the project's static files.

WeasyPrint follows every URL in the HTML it renders (images, style sheets, fonts). A PV or a letter holds text
that candidates and HR typed, so a URL in it must not reach the network, the file system or a huge inline blob.
Use `render_pdf(html)` or pass `url_fetcher=safe_url_fetcher()` to `weasyprint.HTML`.

Allowed: `file:` URLs inside a static folder; `{% static %}` URLs of this site (resolved on disk, never fetched
over the network); `data:` URLs up to MAX_DATA_URL_CHARS. Everything else is refused (WeasyPrint then leaves the
resource out and goes on rendering).
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger(__name__)

MAX_DATA_URL_CHARS = 2 * 1024 * 1024


class ResourceRefused(ValueError):
    """A URL the PDF may not fetch."""


def static_roots():
    """Every folder the static files come from (the project's, the apps', and the collected ones)."""
    roots = [Path(p) for p in getattr(settings, "STATICFILES_DIRS", [])]
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT))
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location))
    return [root.resolve() for root in roots]


class SafeURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static files from disk and refuses every other URL."""

    def __init__(self, **kwargs):
        kwargs.update(allowed_protocols=("file", "data", "http", "https"), allow_redirects=False, timeout=5)
        super().__init__(**kwargs)

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            if len(url) > MAX_DATA_URL_CHARS:
                raise self._refuse(url, "data: URL too large")
            return super().fetch(url, headers)
        path = self._static_path(url, scheme)
        if path is None:
            raise self._refuse(url, "outside the static files")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type})

    def _static_path(self, url, scheme):
        parts = urlsplit(url)
        if scheme == "file":
            candidate = Path(url2pathname(parts.path))
        elif scheme in ("http", "https") and parts.netloc == urlsplit(settings.SITE_URL).netloc:
            # Our own {% static %} URLs: read from disk, never over the network.
            prefix = "/" + settings.STATIC_URL.strip("/") + "/"
            if not parts.path.startswith(prefix):
                return None
            found = finders.find(unquote(parts.path[len(prefix):]))
            if not found:
                return None
            candidate = Path(found)
        else:
            return None
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not resolved.is_file() or not any(resolved.is_relative_to(root) for root in static_roots()):
            return None
        return resolved

    def _refuse(self, url, why):
        shown = url if len(url) <= 120 else url[:120] + "…"
        log.warning("PDF resource refused (%s): %s", why, shown)
        return ResourceRefused(f"{why}: {shown}")


def safe_url_fetcher():
    """A fresh fetcher for one rendering (WeasyPrint keeps per-request state on it)."""
    return SafeURLFetcher()


def render_pdf(html, *, base_url=None):
    """The PDF bytes of an HTML string, with the safe fetcher; relative URLs resolve against SITE_URL."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url or settings.SITE_URL + "/",
                url_fetcher=safe_url_fetcher()).write_pdf()
