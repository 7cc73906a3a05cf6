"""Values every portal page shows (footer contact), configured in settings."""

from django.conf import settings


def portal(request):
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "PORTAL_CONTACT_PHONE": settings.PORTAL_CONTACT_PHONE,
    }
