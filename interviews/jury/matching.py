"""The matchgesprek for reserve candidates, and their temporary unavailability.

A candidate in the reserve (wervingsreserve) passed a jury already: for a later vacancy in another team there is
no new selection, only a matchgesprek to see whether their expectations and the team's match. It is scheduled
like an interview (calendar invitation) and recorded as match or no match, never as a fail: a match proposes
the candidate for the offer (change_stage → offer), no match leaves them in the reserve. A reserve candidate may
mark themselves temporarily unavailable; the reserve's validity does not extend.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from candidates.mailing import mail_candidate
from candidates.models import PoolEntry
from candidates.stages import Stage
from interviews.intake.calendar import build_event, organizer_address
from interviews.jury import JuryRefused, mail_events
from interviews.jury.outcomes import propose_for_offer
from interviews.jury.rounds import application_url
from interviews.jury.scheduling import describe_interview, place_text, vacancy_context
from interviews.models import MatchInterview, ReserveUnavailability, VacancyProposal
from procedures.models import Vacancy


def _check_reserve(application, vacancy):
    if application.procedure.function_id != vacancy.function_id:
        raise JuryRefused(gettext("Deze kandidaat staat in de wervingsreserve van een andere functie."))
    if application.stage != Stage.RESERVE:
        raise JuryRefused(gettext("Een matchgesprek is er enkel voor kandidaten in de wervingsreserve."))
    if not PoolEntry.objects.waiting(PoolEntry.Kind.RESERVE, on=timezone.localdate()).filter(
            application=application, function=vacancy.function).exists():
        raise JuryRefused(gettext("De plaats van deze kandidaat in de wervingsreserve is niet meer geldig."))


def schedule_match(vacancy, application, *, starts_at, ends_at, location="", meeting_url="", by=None):
    """Plan (or move) a matchgesprek for a reserve candidate and mail the invitation with its calendar entry."""
    location, meeting_url = (location or "").strip(), (meeting_url or "").strip()
    if vacancy.status != Vacancy.Status.OPEN:
        raise JuryRefused(gettext("Deze vacature is niet meer open."))
    _check_reserve(application, vacancy)
    if not starts_at or not ends_at or ends_at <= starts_at:
        raise JuryRefused(gettext("Geef een begin en een einde; het einde ligt na het begin."))
    if starts_at <= timezone.now():
        raise JuryRefused(gettext("Een matchgesprek plan je in de toekomst."))
    if not (location or meeting_url):
        raise JuryRefused(gettext("Geef een plaats of een link voor een online gesprek."))
    with transaction.atomic():
        match = MatchInterview.objects.select_for_update().filter(vacancy=vacancy, application=application).first()
        if match is not None and match.result:
            raise JuryRefused(gettext("Het resultaat van dit matchgesprek staat al vast."))
        try:
            with transaction.atomic():
                if match is None:
                    match = MatchInterview.objects.create(vacancy=vacancy, application=application,
                                                          starts_at=starts_at, ends_at=ends_at, location=location,
                                                          meeting_url=meeting_url)
                else:
                    match.starts_at, match.ends_at = starts_at, ends_at
                    match.location, match.meeting_url = location, meeting_url
                    match.sequence += 1
                    match.save(update_fields=["starts_at", "ends_at", "location", "meeting_url", "sequence"])
        except IntegrityError:
            raise JuryRefused(gettext(
                "Er is net een matchgesprek gepland voor deze kandidaat; open het opnieuw.")) from None
        _queue_match_mail(match)
    return match


def _queue_match_mail(match):
    application = match.application
    candidate = application.candidate
    day, hours = describe_interview(match.starts_at, match.ends_at, language=candidate.language)
    team = match.vacancy.team.name
    with translation.override(candidate.language):  # the calendar entry reads in the candidate's language
        summary = gettext("Matchgesprek %(title)s (%(team)s)") % {"title": application.procedure.title, "team": team}
        description = gettext("Matchgesprek voor een vacature in %(team)s.") % {"team": team}
        location = match.location or gettext("Online")
    calendar = build_event(
        uid=f"match-{match.uid}@kortrijk-ats", sequence=match.sequence, starts_at=match.starts_at,
        ends_at=match.ends_at, summary=summary, description=f"{description}\n{application_url(application)}",
        location=location, url=match.meeting_url, organizer=organizer_address(application.procedure),
        attendee=candidate)
    return mail_candidate(
        application, mail_events.MATCH_SCHEDULED, calendar=calendar,
        **vacancy_context(match.vacancy, language=candidate.language), interview_day=day, interview_time=hours,
        interview_place=place_text(match.location, match.meeting_url), application_url=application_url(application),
    )


def record_match(match, *, matched, note="", by):
    """Record the matchgesprek's result: a match proposes the candidate for the vacancy's offer; no match keeps
    them in the reserve (with a mail that says so). Never a fail."""
    note = (note or "").strip()
    with transaction.atomic():
        locked = (MatchInterview.objects.select_for_update(of=("self",))
                  .select_related("vacancy__team", "application__candidate", "application__procedure")
                  .get(pk=match.pk))
        if locked.result:
            raise JuryRefused(gettext("Het resultaat van dit matchgesprek staat al vast."))
        if locked.starts_at > timezone.now():
            raise JuryRefused(gettext("Het matchgesprek is nog niet begonnen."))
        _check_reserve(locked.application, locked.vacancy)
        locked.result = MatchInterview.Result.MATCH if matched else MatchInterview.Result.NO_MATCH
        locked.note, locked.recorded_by, locked.recorded_at = note, by, timezone.now()
        locked.save(update_fields=["result", "note", "recorded_by", "recorded_at"])
        if matched:
            propose_for_offer(locked.vacancy, locked.application, source=VacancyProposal.Source.MATCH, by=by,
                              expected_stage=Stage.RESERVE,
                              reason=f"Match in het matchgesprek met {locked.vacancy.team.name}.")
        else:
            _queue_no_match_mail(locked)
    return locked


def _queue_no_match_mail(match):
    application = match.application
    entry = application.pool_entries.active().filter(kind=PoolEntry.Kind.RESERVE).first()
    return mail_candidate(application, mail_events.MATCH_NO_MATCH, team=match.vacancy.team.name,
                          valid_until=f"{entry.last_valid_day:%d/%m/%Y}" if entry else "")


# --- Temporary unavailability ------------------------------------------------------------------------------------


def mark_unavailable(application, *, starts_on, ends_on, note="", today=None):
    """A reserve candidate marks a period they cannot start or come to a matchgesprek. The validity stays."""
    today = today or timezone.localdate()
    if application.stage != Stage.RESERVE:
        raise JuryRefused(gettext("Enkel wie in de wervingsreserve staat, kan een periode van afwezigheid doorgeven."))
    if starts_on is None or ends_on is None:
        raise JuryRefused(gettext("Geef een begin- en een einddatum."))
    if starts_on < today:
        raise JuryRefused(gettext("De periode kan niet in het verleden beginnen."))
    if ends_on <= starts_on:
        raise JuryRefused(gettext("‘Opnieuw beschikbaar vanaf’ ligt na de eerste dag van afwezigheid."))
    if (ends_on - starts_on).days > 366:
        raise JuryRefused(gettext("Een periode van afwezigheid duurt hoogstens een jaar."))
    with transaction.atomic():
        if ReserveUnavailability.objects.filter(application=application, cancelled_at__isnull=True,
                                                starts_on__lt=ends_on, ends_on__gt=starts_on).exists():
            raise JuryRefused(gettext("Deze periode overlapt met een periode die je al doorgaf."))
        return ReserveUnavailability.objects.create(application=application, starts_on=starts_on, ends_on=ends_on,
                                                    note=(note or "").strip()[:300])


def cancel_unavailability(period):
    """The candidate is available again after all."""
    ReserveUnavailability.objects.filter(pk=period.pk, cancelled_at__isnull=True).update(cancelled_at=timezone.now())


def current_unavailabilities(application, *, today=None):
    today = today or timezone.localdate()
    return list(ReserveUnavailability.objects.filter(application=application, cancelled_at__isnull=True,
                                                     ends_on__gt=today).order_by("starts_on"))
