"""The jury interview's date and place, with the calendar invitation; the case mailed N days before.

HR schedules each candidate (date, time, place or online link). The mail carries the ICS invitation and says what
the candidate must know about the case and the personality questionnaire. A case to prepare is mailed
`case_days_before` days before the interview by an idempotent periodic job: a conditional update claims each
mail once, so two sweeps at once send it once; nothing waits in a long countdown.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from candidates.mailing import mail_candidate
from candidates.stages import Stage
from interviews.intake.calendar import build_event, organizer_address
from interviews.jury import JuryRefused, mail_events
from interviews.models import JuryCandidate, JuryRound

log = logging.getLogger(__name__)


def vacancy_context(vacancy, *, language="nl-be"):
    with translation.override(language):
        return {"team": vacancy.team.name, "workplace": vacancy.workplace,
                "start_date": date_format(vacancy.start_date, "j F Y"), "regime": str(vacancy.regime),
                "vacancy_description": vacancy.description}


def case_text(jury_candidate, *, language="nl-be"):
    jury_round = jury_candidate.round
    with translation.override(language):
        if jury_round.work_case == JuryRound.WorkCase.PREPARE:
            days = jury_round.case_days_before
            return ngettext("Werkcase: je bereidt vooraf een case voor. Je krijgt ze per mail %(days)d dag voor je "
                            "gesprek.",
                            "Werkcase: je bereidt vooraf een case voor. Je krijgt ze per mail %(days)d dagen voor je "
                            "gesprek.", days) % {"days": days}
        if jury_round.work_case == JuryRound.WorkCase.ON_THE_SPOT:
            return gettext("Werkcase: tijdens het gesprek krijg je een case die je ter plaatse toelicht; voorbereiden "
                           "hoeft niet.")
        return gettext("Er is geen werkcase in dit gesprek.")


def questionnaire_text(jury_candidate, *, language="nl-be"):
    with translation.override(language):
        if jury_candidate.round.questionnaire_id:
            url = f"{settings.SITE_URL}/mijn-kandidaturen/{jury_candidate.application.public_id}/vragenlijst/"
            return gettext("Vul voor het gesprek de persoonlijkheidsvragenlijst in: %(url)s") % {"url": url}
        return gettext("Je krijgt een aparte uitnodiging om voor het gesprek een persoonlijkheidsvragenlijst in te "
                       "vullen.")


def describe_interview(starts_at, ends_at, *, language="nl-be"):
    """("dinsdag 3 maart 2026", "10:00–11:00") in the reader's language."""
    starts, ends = timezone.localtime(starts_at), timezone.localtime(ends_at)
    with translation.override(language):
        return date_format(starts, "l j F Y"), f"{starts:%H:%M}–{ends:%H:%M}"


def place_text(location, meeting_url):
    return " — ".join(part for part in (location, meeting_url) if part)


def schedule_interview(jury_candidate, *, starts_at, ends_at, location="", meeting_url="", by=None):
    """Set (or move) a candidate's jury interview and mail the invitation with its calendar entry.

    A place or an online link is required; the interview lies in the future; a move raises the invitation's
    SEQUENCE so the candidate's agenda updates the same entry.
    """
    location, meeting_url = (location or "").strip(), (meeting_url or "").strip()
    if not starts_at or not ends_at or ends_at <= starts_at:
        raise JuryRefused(gettext("Geef een begin en een einde; het einde ligt na het begin."))
    if starts_at <= timezone.now():
        raise JuryRefused(gettext("Een jurygesprek plan je in de toekomst."))
    if not (location or meeting_url):
        raise JuryRefused(gettext("Geef een plaats of een link voor een online gesprek."))
    with transaction.atomic():
        locked = (JuryCandidate.objects.select_for_update(of=("self",))
                  .select_related("round__vacancy__team", "round__vacancy__function", "application__candidate",
                                  "application__procedure").get(pk=jury_candidate.pk))
        if not locked.round.is_open:
            raise JuryRefused(gettext("Deze juryronde is al beraadslaagd: plannen kan niet meer."))
        if locked.application.stage != Stage.JURY_INVITED:
            raise JuryRefused(gettext("Deze kandidaat is niet (meer) uitgenodigd voor het jurygesprek."))
        moved = locked.scheduled_at is not None
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.location, locked.meeting_url = location, meeting_url
        locked.sequence += 1 if moved else 0
        locked.scheduled_at = timezone.now()
        locked.save(update_fields=["starts_at", "ends_at", "location", "meeting_url", "sequence", "scheduled_at"])
        _queue_schedule_mail(locked)
    return locked


def build_jury_invitation(jury_candidate, *, method="REQUEST"):
    """The ICS text of the jury interview, in the candidate's language."""
    application = jury_candidate.application
    vacancy = jury_candidate.round.vacancy
    with translation.override(application.candidate.language):
        lines = [gettext("Jobinterview met een jury voor %(title)s (%(team)s).")
                 % {"title": application.procedure.title, "team": vacancy.team.name}]
        if jury_candidate.location:
            lines.append(gettext("Plaats: %(place)s") % {"place": jury_candidate.location})
        if jury_candidate.meeting_url:
            lines.append(gettext("Online: %(url)s") % {"url": jury_candidate.meeting_url})
        lines.append(gettext("Je kandidatuur: %(url)s")
                     % {"url": f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/"})
        summary = gettext("Jobinterview %(title)s") % {"title": application.procedure.title}
        location = jury_candidate.location or gettext("Online")
    return build_event(
        uid=f"jury-{jury_candidate.uid}@kortrijk-ats", sequence=jury_candidate.sequence,
        starts_at=jury_candidate.starts_at, ends_at=jury_candidate.ends_at,
        summary=summary, description="\n".join(lines), location=location, url=jury_candidate.meeting_url,
        organizer=organizer_address(application.procedure), attendee=application.candidate, method=method,
    )


def _queue_schedule_mail(jury_candidate):
    application = jury_candidate.application
    candidate = application.candidate
    language = candidate.language
    day, hours = describe_interview(jury_candidate.starts_at, jury_candidate.ends_at, language=language)
    return mail_candidate(
        application, mail_events.JURY_INTERVIEW_SCHEDULED, calendar=build_jury_invitation(jury_candidate),
        team=jury_candidate.round.vacancy.team.name, interview_day=day, interview_time=hours,
        interview_place=place_text(jury_candidate.location, jury_candidate.meeting_url),
        case_text=case_text(jury_candidate, language=language),
        questionnaire_text=questionnaire_text(jury_candidate, language=language),
        application_url=f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/",
    )


def cases_due(now):
    """Interviews whose case to prepare is due now: within the round's days before, not started, not yet sent."""
    candidates = (JuryCandidate.objects
                  .filter(round__status=JuryRound.Status.OPEN, round__work_case=JuryRound.WorkCase.PREPARE,
                          case_sent_at__isnull=True, starts_at__gt=now,
                          application__stage=Stage.JURY_INVITED)
                  .exclude(round__case_document="")
                  .select_related("round", "application__candidate", "application__procedure"))
    return [c for c in candidates if c.starts_at - timedelta(days=c.round.case_days_before) <= now]


def send_case_documents(*, now=None):
    """Mail the case to every candidate whose interview is within the round's days. Idempotent; returns the count."""
    now = now or timezone.now()
    sent = 0
    for jury_candidate in cases_due(now):
        with transaction.atomic():
            # The conditional update is the claim: a second sweep at the same moment updates zero rows.
            if JuryCandidate.objects.filter(pk=jury_candidate.pk, case_sent_at__isnull=True).update(
                    case_sent_at=now) != 1:
                continue
            _queue_case_mail(jury_candidate)
        sent += 1
    if sent:
        log.info("Mailed %d jury case(s).", sent)
    return sent


def _queue_case_mail(jury_candidate):
    application = jury_candidate.application
    candidate = application.candidate
    day, hours = describe_interview(jury_candidate.starts_at, jury_candidate.ends_at, language=candidate.language)
    with translation.override(candidate.language):
        case_title = jury_candidate.round.case_title or gettext("de werkcase")
    return mail_candidate(
        application, mail_events.JURY_CASE, interview_day=day, interview_time=hours, case_title=case_title,
        case_url=f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/case/",
        application_url=f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/",
    )
