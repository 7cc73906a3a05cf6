"""The application period (kandidaturen vanaf … tot en met …): the status follows the dates by itself.

A round HR prepares as a draft with an open-from day opens at midnight of that day; an open round closes at midnight
at the end of its apply-by day (Europe/Brussels), recorded as the day after it (closed_on). A periodic job moves the
status; it may run late, so whether a procedure takes applications right now is always
Procedure.objects.open_for_applications(today=…), never the status alone. Safe to run twice, or twice at once: each
change is a conditional update, logged once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from procedures.models import Procedure

log = logging.getLogger(__name__)

# How often beat runs the job: a procedure opens or closes at most this long after its midnight.
RUNS_EVERY = settings.CELERY_BEAT_SCHEDULE["open-and-close-procedures"]["schedule"]


def open_and_close_procedures(*, today=None):
    """Open the drafts whose open-from day has come (and whose apply-by day has not passed), close the open ones
    whose apply-by day has passed. A round HR closed by hand is never reopened. Returns (opened, closed)."""
    today = today or timezone.localdate()
    due_to_open = Procedure.objects.filter(status=Procedure.Status.DRAFT, applications_open_from__lte=today).exclude(
        applications_close_on__lt=today)
    due_to_close = Procedure.objects.filter(status=Procedure.Status.OPEN, applications_close_on__lt=today)
    opened = [p for p in due_to_open if _move(due_to_open, p, to=Procedure.Status.OPEN)]
    # Closed at midnight after the apply-by day, however late the job runs.
    closed = [p for p in due_to_close if _move(due_to_close, p, to=Procedure.Status.CLOSED,
                                               closed_on=p.applications_close_on + timedelta(days=1))]
    for procedure in opened:
        log.info("procedures: '%s' (%s) opened for applications from %s.", procedure.title, procedure.pk,
                 date_format(procedure.applications_open_from, "d/m/Y"))
    for procedure in closed:
        log.info("procedures: '%s' (%s) closed for applications after %s.", procedure.title, procedure.pk,
                 date_format(procedure.applications_close_on, "d/m/Y"))
    return len(opened), len(closed)


def _move(due, procedure, *, to, closed_on=None):
    # Conditional on the same filter: a parallel run, or HR's edit in between, makes this a no-op.
    return due.filter(pk=procedure.pk).update(status=to, closed_on=closed_on) == 1
