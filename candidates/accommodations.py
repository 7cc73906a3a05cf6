"""Reasonable accommodations (redelijke aanpassingen): the candidate's request and the arrangement HR records.

The request (Application.accommodations) is the candidate's own words and may reveal a disability or a health
condition: only HR, in the back office, and the candidate read it. HR turns it into an arrangement per step, saying
what is adjusted and nothing about why ("extra tijd: 10 minuten", "gesprek met tolk Vlaamse Gebarentaal"). The
intake interviewer reads the intake's arrangement, the jurors the jury interview's, the candidate both in the portal.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidates.models import Application

MAX_ARRANGEMENT_LENGTH = 1000


class ArrangementRefused(Exception):
    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field  # the form field it is about, if one


class ArrangementChanged(ArrangementRefused):
    """Someone else recorded other arrangements after the saver's page showed them: nothing is saved, so neither
    save silently undoes the other."""


def record_arrangements(application, *, intake, jury, seen=None):
    """Record (or change, or clear) the arrangement for the intake interview and for the jury interview.

    Under the application's row lock: two saves at once run one after the other. `seen`: the (intake, jury)
    arrangements the saver's page showed; when the stored ones differ from them by now, ArrangementChanged and
    nothing is saved. Returns True when something changed; the recorded time is the candidate's timeline date. Too
    long a text is refused, never cut."""
    intake, jury = (intake or "").strip(), (jury or "").strip()
    for field, text in (("intake_arrangement", intake), ("jury_arrangement", jury)):
        if len(text) > MAX_ARRANGEMENT_LENGTH:
            raise ArrangementRefused(_("Een afspraak is hoogstens %(max)d tekens lang (nu %(length)d). Er is nog "
                                       "niets bewaard.") % {"max": MAX_ARRANGEMENT_LENGTH, "length": len(text)},
                                     field=field)
    with transaction.atomic():
        stored = (Application.objects.select_for_update().filter(pk=application.pk)
                  .values("intake_arrangement", "jury_arrangement", "anonymised_at").get())
        if stored["anonymised_at"] is not None:
            raise ArrangementRefused(_("Deze kandidatuur is geanonimiseerd; er valt niets meer vast te leggen."))
        current = (stored["intake_arrangement"], stored["jury_arrangement"])
        if seen is not None and current != tuple((text or "").strip() for text in seen):
            raise ArrangementChanged(_(
                "Iemand anders legde intussen andere aanpassingen vast. Er is niets bewaard. Nu ligt vast voor het "
                "kennismakingsinterview: %(intake)s; voor het jobinterview: %(jury)s. Hieronder staat wat jij "
                "typte: pas het aan en bewaar opnieuw als je wil.") % {
                    "intake": _quoted(current[0]), "jury": _quoted(current[1])})
        if (intake, jury) == current:
            return False
        recorded_at = timezone.now() if intake or jury else None
        Application.objects.filter(pk=application.pk).update(
            intake_arrangement=intake, jury_arrangement=jury, arrangement_recorded_at=recorded_at)
    application.intake_arrangement, application.jury_arrangement = intake, jury
    application.arrangement_recorded_at = recorded_at
    return True


def _quoted(text):
    return f"‘{text}’" if text else _("niets")


def awaits_arrangement(application):
    """The candidate asked for an accommodation and HR recorded no arrangement yet: HR's to handle."""
    return bool(application.accommodations) and not (application.intake_arrangement or application.jury_arrangement)
