"""Feedback for a candidate who failed the jury (the bundle: "Uiteraard mag je hierover feedback van de jury
opvragen").

The candidate asks in the portal once told, at any time: the bundle sets no limit, so only a period HR enters on the
function (Function.feedback_request_months) closes the request. HR gets a task with a deadline (a month, good
practice) and a mail; the app drafts the letter from the consensus reasons per part; HR edits it and sends it
through the outbox.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from candidates.disclosure import shown_stage
from candidates.mailing import mail_candidate
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import queue_mail
from interviews.intake.calendar import organizer_address
from interviews.jury import JuryRefused, mail_events
from interviews.jury.parts import items_for
from interviews.models import FeedbackRequest, JuryCandidate
from kortrijk_ats.dates import add_months, months_text

log = logging.getLogger(__name__)
ANSWER_WITHIN_MONTHS = 1


def failed_jury_candidate(application):
    return (JuryCandidate.objects.filter(application=application, decision=JuryCandidate.Decision.FAIL)
            .select_related("round__vacancy__team").order_by("-round__closed_at").first())


def told_on(application):
    """The day the candidate heard the outcome: the fail mail's release, else the decision."""
    mail = Mail.objects.for_object(application).filter(event="jury_failed").exclude(
        state__in=[Mail.State.DRAFT, Mail.State.CANCELLED]).order_by("queued_at").first()
    if mail is not None and mail.queued_at:
        return timezone.localdate(mail.queued_at)
    return timezone.localdate(application.stage_changed_at)


def request_deadline(application):
    """For a failed candidate: the first day on which asking is closed, or None when HR set no period (no limit)."""
    months = application.procedure.function.feedback_request_months
    if months is None:
        return None
    return add_months(told_on(application), months)


def may_request_feedback(application, *, today=None):
    """A failed candidate who has been told (the portal shows the outcome), has not asked yet, and is within the
    period HR set, if HR set one."""
    today = today or timezone.localdate()
    if application.stage != Stage.JURY_FAILED or failed_jury_candidate(application) is None:
        return False
    deadline = request_deadline(application)
    if deadline is not None and today >= deadline:
        return False
    if shown_stage(application) != Stage.JURY_FAILED:
        return False  # HR has not released the outcome yet: the portal must not run ahead of the mail
    return not FeedbackRequest.objects.filter(application=application).exists()


def request_feedback(application, *, today=None):
    """The candidate asks for feedback: HR's task (deadline one month on), the drafted letter, a mail to HR."""
    today = today or timezone.localdate()
    jury_candidate = failed_jury_candidate(application)
    if FeedbackRequest.objects.filter(application=application).exists():
        raise JuryRefused(gettext("Je vroeg al feedback. Je krijgt ze per mail."))
    if not may_request_feedback(application, today=today):
        raise JuryRefused(_refusal(application, today=today))
    try:
        with transaction.atomic():
            feedback = FeedbackRequest.objects.create(
                application=application, jury_candidate=jury_candidate, requested_at=timezone.now(),
                due_on=add_months(today, ANSWER_WITHIN_MONTHS), letter=draft_letter(jury_candidate))
            _queue_hr_mail(feedback)
    except IntegrityError:
        raise JuryRefused(gettext("Je vroeg al feedback. Je krijgt ze per mail.")) from None
    return feedback


def _refusal(application, *, today):
    deadline = request_deadline(application) if application.stage == Stage.JURY_FAILED else None
    if deadline is not None and today >= deadline:
        period = months_text(application.procedure.function.feedback_request_months)
        return gettext("Feedback vragen kon tot %(period)s nadat je het resultaat van je jurygesprek kreeg, dus tot "
                       "en met %(last_day)s.") % {"period": period,
                                                  "last_day": date_format(deadline - timedelta(days=1), "d/m/Y")}
    return gettext("Je kan op dit moment geen feedback vragen.")


def draft_letter(jury_candidate):
    """A first draft from the consensus: per part the score and the jury's reason; HR edits it before sending.
    It is in the candidate's language, as the mail that carries it; the mail adds the greeting and the signature."""
    application = jury_candidate.application
    jury_round = jury_candidate.round
    reasons = {c.part: c for c in jury_candidate.consensus_scores.all()}
    with translation.override(application.candidate.language):
        lines = [gettext("Je vroeg feedback over je jobinterview voor %(title)s (%(team)s). Dit is wat de jury per "
                         "onderdeel vaststelde (score op %(scale_max)s):")
                 % {"title": application.procedure.title, "team": jury_round.vacancy.team.name,
                    "scale_max": jury_round.scale_max}, ""]
        for item in items_for(jury_round):
            consensus = reasons.get(item.key)
            if consensus is not None:
                lines.append(f"- {item.label} ({consensus.value}/{jury_round.scale_max}): {consensus.reason}")
        lines += ["", gettext("Heb je nog vragen? Neem gerust contact op met het selectieteam.")]
    return "\n".join(lines)


def _queue_hr_mail(feedback):
    application = feedback.application
    procedure = application.procedure
    return queue_mail(
        mail_events.FEEDBACK_REQUESTED.key, to=organizer_address(procedure), related=feedback,
        context={"candidate_name": application.candidate.full_name, "procedure_title": procedure.title,
                 "requested_on": date_format(timezone.localdate(feedback.requested_at), "d/m/Y"),
                 "due_on": date_format(feedback.due_on, "d/m/Y"),
                 "backoffice_url": settings.SITE_URL + reverse("admin:interviews_feedbackrequest_change",
                                                               args=[feedback.pk])},
    )


def send_feedback_letter(feedback, *, letter, by):
    """HR sends the (edited) letter to the candidate through the outbox; once."""
    letter = (letter or "").strip()
    if not letter:
        raise JuryRefused(gettext("De feedbackbrief is leeg."))
    with transaction.atomic():
        locked = FeedbackRequest.objects.select_for_update().select_related(
            "application__candidate", "application__procedure").get(pk=feedback.pk)
        if locked.sent_at is not None:
            raise JuryRefused(gettext("Deze feedback is al verstuurd."))
        mail_candidate(locked.application, mail_events.JURY_FEEDBACK_LETTER, hold=False, feedback_letter=letter)
        locked.letter, locked.sent_at, locked.sent_by = letter, timezone.now(), by
        locked.save(update_fields=["letter", "sent_at", "sent_by"])
    return locked
