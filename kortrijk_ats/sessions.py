"""Ending a person's sessions: the session table has no user column, so the live sessions are decoded."""

from django.contrib.sessions.models import Session
from django.utils import timezone


def end_sessions_of(user_id):
    """Delete every live session of the user (a deactivated or erased account is out at once). Returns the count."""
    user_key = str(user_id)
    doomed = [s.session_key for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
              if str(s.get_decoded().get("_auth_user_id")) == user_key]
    return Session.objects.filter(session_key__in=doomed).delete()[0]
