"""Where the online meeting link of an intake interview comes from.

By default HR enters the Teams link (per session, per interviewer or per slot). A Microsoft Graph provider can
create one online meeting per interviewer per session instead; it is off unless KATS_MEETING_PROVIDER="graph"
and its credentials are configured. Meetings are created when HR prepares a session, never inside a booking.
"""

import json
import logging
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext

from interviews.models import SessionInterviewer
from procedures.settings_check import SettingMissing, intake_hours_of

log = logging.getLogger(__name__)
BRUSSELS = ZoneInfo("Europe/Brussels")


class MeetingLinkError(Exception):
    """The provider could not create a meeting; the message is for HR."""


def session_span(session):
    """The session's start and end as aware datetimes in Europe/Brussels. Raises SettingMissing while HR has not
    entered the session's hours (the bundle gives none)."""
    starts_at, ends_at = intake_hours_of(session)
    return (datetime.combine(session.date, starts_at, tzinfo=BRUSSELS),
            datetime.combine(session.date, ends_at, tzinfo=BRUSSELS))


class ManualLinks:
    """HR types the Teams link in the back office; nothing to create."""

    name = "manual"

    def provide_link(self, session_interviewer):
        return session_interviewer.meeting_url


class GraphLinks:
    """Creates a Teams online meeting per interviewer per session through Microsoft Graph.

    Uses the client-credentials flow (application permission OnlineMeetings.ReadWrite.All with an application
    access policy for the interviewers) and POST /users/{id}/onlineMeetings, where {id} is the interviewer's
    e-mail address (user principal name).
    """

    name = "graph"

    def __init__(self, *, tenant_id, client_id, client_secret, graph_url, login_url, timeout=10):
        if not (tenant_id and client_id and client_secret):
            raise ImproperlyConfigured("The Graph meeting provider needs tenant id, client id and client secret.")
        self.tenant_id, self.client_id, self.client_secret = tenant_id, client_id, client_secret
        self.graph_url, self.login_url, self.timeout = graph_url.rstrip("/"), login_url.rstrip("/"), timeout
        self._token, self._token_expires = None, None

    def provide_link(self, session_interviewer):
        if session_interviewer.meeting_url:
            return session_interviewer.meeting_url
        try:
            starts, ends = session_span(session_interviewer.session)
        except SettingMissing as missing:
            raise MeetingLinkError(str(missing)) from None
        user = session_interviewer.interviewer
        if not user.email:
            raise MeetingLinkError(gettext("Interviewer %(name)s heeft geen e-mailadres voor Microsoft Teams.")
                                   % {"name": user.get_username()})
        meeting = self._post_json(
            f"{self.graph_url}/users/{urllib.parse.quote(user.email)}/onlineMeetings",
            {"subject": f"Kennismakingsinterviews {session_interviewer.session}",
             "startDateTime": starts.isoformat(), "endDateTime": ends.isoformat()},
            headers={"Authorization": f"Bearer {self._access_token()}"},
        )
        join_url = meeting.get("joinWebUrl") or meeting.get("joinUrl")
        if not join_url:
            raise MeetingLinkError(gettext("Microsoft Teams gaf geen link voor de vergadering terug."))
        session_interviewer.meeting_url = join_url
        session_interviewer.external_meeting_id = meeting.get("id", "")
        session_interviewer.save(update_fields=["meeting_url", "external_meeting_id"])
        return join_url

    def _access_token(self):
        now = timezone.now()
        if self._token and self._token_expires > now:
            return self._token
        form = urllib.parse.urlencode({
            "grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret,
            "scope": "https://graph.microsoft.com/.default",
        }).encode()
        reply = self._post(f"{self.login_url}/{self.tenant_id}/oauth2/v2.0/token", form,
                           {"Content-Type": "application/x-www-form-urlencoded"})
        if "access_token" not in reply:
            raise MeetingLinkError(gettext("Aanmelden bij Microsoft Graph is mislukt."))
        self._token = reply["access_token"]
        # Renew a minute early so a token never expires in flight.
        self._token_expires = now + timedelta(seconds=int(reply.get("expires_in", 3600)) - 60)
        return self._token

    def _post_json(self, url, payload, *, headers):
        return self._post(url, json.dumps(payload).encode(), {"Content-Type": "application/json", **headers})

    def _post(self, url, data, headers):
        # Only web URLs: a misconfigured MS_GRAPH_URL must never make urllib read a file:// or ftp:// resource.
        if urllib.parse.urlsplit(url).scheme not in ("https", "http"):
            raise MeetingLinkError(gettext("Microsoft Graph-adres moet met https:// beginnen."))
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            log.warning("Microsoft Graph answered %s for %s", error.code, url)
            raise MeetingLinkError(gettext("Microsoft Graph weigerde de aanvraag (HTTP %(code)s).")
                                   % {"code": error.code}) from error
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise MeetingLinkError(gettext("Microsoft Graph is niet bereikbaar. Probeer later opnieuw.")) from error


def get_provider():
    """The configured provider: manual unless KATS_MEETING_PROVIDER says "graph"."""
    name = getattr(settings, "KATS_MEETING_PROVIDER", "manual")
    if name == "manual":
        return ManualLinks()
    if name == "graph":
        return GraphLinks(
            tenant_id=settings.MS_GRAPH_TENANT_ID, client_id=settings.MS_GRAPH_CLIENT_ID,
            client_secret=settings.MS_GRAPH_CLIENT_SECRET, graph_url=settings.MS_GRAPH_URL,
            login_url=settings.MS_GRAPH_LOGIN_URL,
        )
    raise ImproperlyConfigured(f"Unknown meeting provider {name!r}.")


def provide_links(session, *, provider=None):
    """Ask the provider for a link for every interviewer of the session who has none yet. Returns the count."""
    provider = provider or get_provider()
    provided = 0
    for present in session.interviewers.select_related("interviewer", "session"):
        if not present.meeting_url and provider.provide_link(present):
            provided += 1
    return provided


def join_url_for(slot, *, interviewer):
    """The link a booked candidate joins: the slot's own link, else the interviewer's, else the session's."""
    if slot.meeting_url:
        return slot.meeting_url
    if interviewer is not None:
        url = (SessionInterviewer.objects.filter(session_id=slot.session_id, interviewer=interviewer)
               .values_list("meeting_url", flat=True).first())
        if url:
            return url
    return slot.session.meeting_url

