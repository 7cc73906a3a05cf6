"""Public pages served to anonymous visitors from a short per-process cache.

The vacancy pages are what most citizens see and what HR shares; they change only when HR edits a procedure.
A visitor without a session (nobody logged in, no pending message) gets the page as rendered for the same path and
language at most PUBLIC_PAGE_SECONDS ago; only the CSRF token of the page's forms is made fresh for each visitor.
Logged-in people (HR previewing an edit included) always get the page rendered for them.
"""

import functools
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token

CACHE_ALIAS = "public_pages"
CSRF_INPUT_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
FRESH_CSRF_MARK = "\x00csrf-token\x00"  # can never occur in escaped HTML


def cached_for_anonymous(view):
    """Decorator for a public GET page whose content depends only on its path and the language."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_share(request):
            return view(request, *args, **kwargs)
        cache = caches[CACHE_ALIAS]
        key = f"{request.get_full_path()}|{request.LANGUAGE_CODE}"
        page = cache.get(key)
        if page is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            page = (CSRF_INPUT_VALUE.sub(rf"\g<1>{FRESH_CSRF_MARK}\g<2>", response.content.decode()),
                    response["Content-Type"])
            cache.set(key, page, settings.PUBLIC_PAGE_SECONDS)
            return response
        html, content_type = page
        if FRESH_CSRF_MARK in html:
            html = html.replace(FRESH_CSRF_MARK, get_token(request))
        return HttpResponse(html, content_type=content_type)

    return wrapper


def _may_share(request):
    """Only a plain GET of someone with no session and no pending message sees the shared copy."""
    return (request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES)
