"""Static pages of the public portal: accessibility statement and privacy notice."""

from django.conf import settings
from django.shortcuts import render


def accessibility_statement(request):
    return render(request, "pages/accessibility.html")


def privacy_notice(request):
    return render(request, "pages/privacy.html", {"dpo_contact": settings.PRIVACY_DPO_CONTACT})
