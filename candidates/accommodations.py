"""Reasonable accommodations (redelijke aanpassingen): the candidate's request and the arrangement HR records.

The request (Application.accommodations) is the candidate's own words and may reveal a disability or a health
condition: only HR, in the back office, and the candidate read it. HR turns it into an arrangement per step, saying
what is adjusted and nothing about why ("extra tijd: 10 minuten", "gesprek met tolk Vlaamse Gebarentaal"). The
intake interviewer reads the intake's arrangement, the jurors the jury interview's, the candidate both in the portal.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Application

MAX_ARRANGEMENT_LENGTH = 1000


class ArrangementRefused(Exception):
    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field  # the form field it is about, if one


def record_arrangements(application, *, intake, jury):
    """Record (or change, or clear) the arrangement for the intake interview and for the jury interview.

    Returns True when something changed; the recorded time is the candidate's timeline date. Too long a text is
    refused, never cut."""
    intake, jury = (intake or "").strip(), (jury or "").strip()
    if application.anonymised_at is not None:
        raise ArrangementRefused(_("Deze kandidatuur is geanonimiseerd; er valt niets meer vast te leggen."))
    for field, text in (("intake_arrangement", intake), ("jury_arrangement", jury)):
        if len(text) > MAX_ARRANGEMENT_LENGTH:
            raise ArrangementRefused(_("Een afspraak is hoogstens %(max)d tekens lang (nu %(length)d). Er is nog "
                                       "niets bewaard.") % {"max": MAX_ARRANGEMENT_LENGTH, "length": len(text)},
                                     field=field)
    if (intake, jury) == (application.intake_arrangement, application.jury_arrangement):
        return False
    recorded_at = timezone.now() if intake or jury else None
    Application.objects.filter(pk=application.pk).update(
        intake_arrangement=intake, jury_arrangement=jury, arrangement_recorded_at=recorded_at)
    application.intake_arrangement, application.jury_arrangement = intake, jury
    application.arrangement_recorded_at = recorded_at
    return True


def awaits_arrangement(application):
    """The candidate asked for an accommodation and HR recorded no arrangement yet: HR's to handle."""
    return bool(application.accommodations) and not (application.intake_arrangement or application.jury_arrangement)
