"""Ceiling views: the same middleware stack as every page, and nothing else (no template, no query)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from bench.surge_app.views import bare_book  # noqa: F401 — the booking ceiling, re-exported for bench.urls

BODY = b"<!doctype html><title>bare</title><p>ok</p>"


@csrf_exempt
def bare(request):
    # A POST reads its (multipart) body like the real form does, so upload parsing is part of the ceiling.
    if request.method == "POST":
        request.POST, request.FILES  # noqa: B018 — force parsing
    return HttpResponse(BODY)


@login_required
def logged_in_bare(request):
    # The bare view behind the log-in check: what loading the session and the user costs a candidate page.
    return HttpResponse(BODY)
