"""A concrete vacancy is filled from the function's reserve (matchgesprek) or its waitlist (a jury round).

Opening a vacancy shows both pools; HR chooses. A jury round invites every valid waitlist candidate of the function
(the bundle: "Word je voor de eerstvolgende concrete vacature uitgenodigd? Ja."), in waitlist order, each through
change_stage (waitlist → jury_invited) with the invitation mail queued in the same transaction. The jury has three
seats: a selection-team member who chairs, the team leader of the vacancy's team and an external expert invited by
e-mail, whose account reaches only this round and only until it closes.
"""

import logging
from dataclasses import dataclass

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from candidates.mailing import mail_candidate
from candidates.models import Candidate, PoolEntry
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from communications.outbox import queue_mail
from interviews.jury import JuryRefused, mail_events
from interviews.jury.scheduling import case_text, questionnaire_text, vacancy_context
from interviews.models import (
    ConflictDeclaration,
    JuryCandidate,
    JuryMember,
    JuryRound,
    ReserveUnavailability,
    ScoreSheet,
)
from kortrijk_ats.roles import INTERVIEWER, JUROR, has_role, is_hr
from kortrijk_ats.typed_text import comparable_email
from procedures.models import Vacancy
from procedures.settings_check import SettingMissing, reserve_months_for

log = logging.getLogger(__name__)

MAX_REASON_LENGTH = 2000


@dataclass(frozen=True)
class PoolRow:
    entry: PoolEntry
    unavailable: ReserveUnavailability | None = None

    @property
    def application(self):
        return self.entry.application


def valid_pool(function, kind, *, today=None):
    """The places of one pool (waitlist or reserve) of the function (of every function for None) whose candidate
    waits there (PoolEntry.objects.waiting), in pool order (oldest place first)."""
    places = PoolEntry.objects.waiting(kind, on=today or timezone.localdate())
    if function is not None:
        places = places.filter(function=function)
    return places.select_related("application__candidate", "application__procedure").order_by("valid_from", "id")


def vacancy_pools(vacancy, *, today=None):
    """What HR sees when opening a vacancy: the valid reserve first (each with a current unavailability, if any),
    then the valid waitlist."""
    today = today or timezone.localdate()
    reserve = list(valid_pool(vacancy.function, PoolEntry.Kind.RESERVE, today=today))
    away = {}
    for period in ReserveUnavailability.objects.filter(
            application__in=[e.application_id for e in reserve], cancelled_at__isnull=True, ends_on__gt=today,
            starts_on__lte=max(today, vacancy.start_date)).order_by("starts_on"):
        away.setdefault(period.application_id, period)
    return {
        "reserve": [PoolRow(e, away.get(e.application_id)) for e in reserve],
        "waitlist": [PoolRow(e) for e in valid_pool(vacancy.function, PoolEntry.Kind.WAITLIST, today=today)],
    }


class ReserveWaiting(JuryRefused):
    """Valid reserve candidates were not offered a matchgesprek for the vacancy; `waiting` says how many."""

    def __init__(self, waiting):
        self.waiting = waiting
        super().__init__(ngettext(
            "%(n)d geldige kandidaat in de wervingsreserve van deze functie kreeg nog geen matchgesprek voor deze "
            "vacature. De wervingsreserve gaat voor: plan eerst het matchgesprek, of geef de reden waarom de "
            "juryronde toch nu start. Er is niets gewijzigd.",
            "%(n)d geldige kandidaten in de wervingsreserve van deze functie kregen nog geen matchgesprek voor deze "
            "vacature. De wervingsreserve gaat voor: plan eerst de matchgesprekken, of geef de reden waarom de "
            "juryronde toch nu start. Er is niets gewijzigd.", waiting) % {"n": waiting})


def reserve_without_match(vacancy, *, today=None):
    """The valid reserve places of the vacancy's function whose candidate has no matchgesprek for this vacancy
    (planned or held). They come before the waitlist: a vacancy is filled from the reserve first."""
    return valid_pool(vacancy.function, PoolEntry.Kind.RESERVE, today=today).exclude(
        application__match_interviews__vacancy=vacancy)


def start_jury_round(vacancy, *, by, reserve_bypass_reason="", case_document=None, **settings_):
    """Open a jury round for the vacancy and invite every valid waitlist candidate, in waitlist order.

    The reserve goes first: while valid reserve candidates were not offered a matchgesprek for this vacancy, the
    round starts only with HR's reason (`reserve_bypass_reason`), kept on the round with how many waited.
    One open round per vacancy: the vacancy's row lock makes a double click create one round. `settings_` are the
    round's fields (scale, pass rule, case, questionnaire); `case_document` is the uploaded case file, stored with
    the round in the same transaction. Returns the round.
    """
    reason = (reserve_bypass_reason or "").strip()
    with transaction.atomic():
        locked = Vacancy.objects.select_for_update().select_related("function", "team").get(pk=vacancy.pk)
        if locked.status != Vacancy.Status.OPEN:
            raise JuryRefused(gettext("Deze vacature is niet meer open."))
        if locked.jury_rounds.filter(status__in=[JuryRound.Status.OPEN, JuryRound.Status.DECIDED]).exists():
            raise JuryRefused(gettext("Deze vacature heeft al een lopende juryronde."))
        try:  # the round's passers go to the reserve: its validity must be known before anyone is invited
            reserve_months_for(locked.function)
        except SettingMissing as missing:
            raise JuryRefused(str(missing)) from None
        waiting = reserve_without_match(locked).count()
        if waiting and not reason:
            raise ReserveWaiting(waiting)
        if len(reason) > MAX_REASON_LENGTH:
            raise JuryRefused(gettext("De reden is hoogstens %(max)d tekens lang (nu %(length)d). Er is niets "
                                      "gewijzigd.") % {"max": MAX_REASON_LENGTH, "length": len(reason)})
        jury_round = JuryRound(vacancy=locked, created_by=by, reserve_waiting=waiting,
                               reserve_bypass_reason=reason if waiting else "", **settings_)
        jury_round.full_clean(exclude=["vacancy", "case_document"])
        if case_document:
            jury_round.case_document_name = case_document.name[:200]
            jury_round.case_document.save("case", case_document, save=False)
        jury_round.save()
        invite_waitlist(jury_round, by=by)
    return jury_round


def invite_waitlist(jury_round, *, by):
    """Invite every valid waitlist candidate not yet in the round (safe to run again: newcomers only).

    Returns the JuryCandidates created. A candidate someone else moved meanwhile is skipped, not an error.
    """
    if not jury_round.is_open:
        raise JuryRefused(gettext("Deze juryronde is afgesloten voor nieuwe kandidaten."))
    vacancy = jury_round.vacancy
    invited = []
    position = (jury_round.candidates.order_by("-position").values_list("position", flat=True).first() or 0)
    present = set(jury_round.candidates.values_list("application_id", flat=True))
    for entry in valid_pool(vacancy.function, PoolEntry.Kind.WAITLIST):
        application = entry.application
        if application.pk in present:
            continue
        try:
            with transaction.atomic():
                change_stage(application, to=Stage.JURY_INVITED, by=by, expected_stage=Stage.WAITLIST,
                             reason=f"Uitgenodigd voor de juryronde van de vacature {vacancy}.")
                position += 1
                jury_candidate = JuryCandidate.objects.create(round=jury_round, application=application,
                                                              position=position)
                _queue_invitation(jury_candidate)
        except TransitionRefused as refusal:
            log.info("Waitlist candidate %s not invited: %s", application.pk, refusal)
            continue
        invited.append(jury_candidate)
    return invited


def _queue_invitation(jury_candidate):
    # The jury invitation belongs to the stage change waitlist → jury_invited: queued in its transaction.
    application = jury_candidate.application
    candidate = application.candidate
    return mail_candidate(
        application, mail_events.JURY_INVITATION,
        **vacancy_context(jury_candidate.round.vacancy, language=candidate.language),
        case_text=case_text(jury_candidate, language=candidate.language),
        questionnaire_text=questionnaire_text(jury_candidate, language=candidate.language),
        application_url=application_url(application),
    )


def application_url(application):
    return f"{settings.SITE_URL}/mijn-kandidaturen/{application.public_id}/"


# --- Composition -------------------------------------------------------------------------------------------------


def add_juror(jury_round, *, user, role, by=None):
    """Seat a juror in the round (one per role, a person once) and mail the invitation with the jury link."""
    if jury_round.is_closed:
        raise JuryRefused(gettext("Deze juryronde is afgesloten."))
    if Candidate.objects.filter(user=user, applications__jury_candidacies__round=jury_round).exists():
        raise JuryRefused(gettext("Deze persoon is kandidaat in deze juryronde en kan geen jurylid zijn."))
    try:
        with transaction.atomic():
            member = JuryMember.objects.create(round=jury_round, user=user, role=role)
            user.groups.add(Group.objects.get_or_create(name=JUROR)[0])
            _queue_juror_invitation(member)
    except IntegrityError:
        raise JuryRefused(gettext(
            "Deze rol is al ingevuld, of deze persoon zit al in de jury van deze ronde.")) from None
    return member


def remove_juror(member, *, by=None):
    """Take a juror's seat away, as long as they have not declared or scored for any candidate of the round.

    The round's row and then the seat's are locked: a declaration or score sheet written meanwhile waits for the
    seat's lock (its foreign key), so it either lands first and the removal is refused, or fails once the seat is
    gone. Returns True when the seat went, False when it was already gone.
    """
    with transaction.atomic():
        list(JuryRound.objects.select_for_update().filter(pk=member.round_id).values_list("pk", flat=True))
        locked = JuryMember.objects.select_for_update(of=("self",)).select_related("user").filter(
            pk=member.pk).first()
        if locked is None:
            return False
        if (ConflictDeclaration.objects.filter(member=locked).exists()
                or ScoreSheet.objects.filter(member=locked).exists()):
            raise JuryRefused(gettext("%(name)s verklaarde of scoorde al in deze ronde en blijft jurylid.")
                              % {"name": locked.display_name})
        locked.delete()
    return True


def invite_external_juror(jury_round, *, email, first_name, last_name, by=None):
    """Invite the external expert (externe deskundige) by e-mail: an account that logs in by e-mailed code, limited
    to this round and only until it closes (then the account is switched off if no other round needs it)."""
    email = comparable_email(email)
    if not email:
        raise JuryRefused(gettext("Vul het e-mailadres van de externe deskundige in."))
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).order_by("pk").first()
        if user is None:
            # Nothing is cut: HR's form refuses what the columns cannot hold; the username is made to fit.
            user = User(email=email, first_name=first_name.strip(), last_name=last_name.strip(), is_staff=True)
            get_account_adapter().populate_username(None, user)
            user.set_unusable_password()
            user.save()
        elif Candidate.objects.filter(user=user).exists():
            raise JuryRefused(gettext("Dit e-mailadres hoort bij een kandidaat. Gebruik een ander adres voor het "
                                      "jurylid."))
        if not user.is_active or not user.is_staff:
            user.is_active, user.is_staff = True, True
            user.save(update_fields=["is_active", "is_staff"])
        # The invitation reached this address, so it counts as verified: the code log-in works at once.
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        return add_juror(jury_round, user=user, role=JuryMember.Role.EXTERNAL, by=by)


def _queue_juror_invitation(member):
    jury_round = member.round
    vacancy = jury_round.vacancy
    language = settings.LANGUAGE_CODE  # a juror's mail is in the back office's language, as HR wrote it
    with translation.override(language):
        if member.role == JuryMember.Role.EXTERNAL:
            access = gettext("Je account geeft enkel toegang tot de kandidaten van deze juryronde, en enkel tot de "
                             "ronde afgesloten is (na de goedkeuring van het proces-verbaal).")
        else:
            access = gettext("Je ziet enkel de juryrondes waarin je zetelt, tot ze afgesloten zijn.")
        role = member.get_role_display()
    return queue_mail(
        mail_events.JUROR_INVITATION.key, to=member.user.email, language=language, related=jury_round,
        context={"juror_name": member.display_name, "juror_role": role,
                 "procedure_title": vacancy.function.name, "team": vacancy.team.name,
                 "login_url": f"{settings.SITE_URL}/account/login/?next=/jury/",
                 "jury_url": f"{settings.SITE_URL}/jury/ronde/{jury_round.pk}/", "access_text": access},
    )


def membership(user, jury_round):
    """The user's active seat in the round, or None. A seat ends when the round closes (active_until)."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    cache = user.__dict__.setdefault("_jury_seats", {})
    if jury_round.pk not in cache:
        cache[jury_round.pk] = JuryMember.objects.filter(round_id=jury_round.pk, user=user).first()
    member = cache[jury_round.pk]
    if member is None or (member.active_until is not None and member.active_until <= timezone.now()):
        return None
    return member


def rounds_of(user):
    """The rounds the user sits on with an active seat, newest first."""
    seats = JuryMember.objects.filter(user=user).filter(
        Q(active_until__isnull=True) | Q(active_until__gt=timezone.now()))
    return (JuryRound.objects.filter(members__in=seats)
            .select_related("vacancy__team", "vacancy__function").distinct().order_by("-created_at"))


def close_access(locked, *, now):
    """The round is over: every seat ends now; an external expert's account goes off unless still needed."""
    locked.members.filter(active_until__isnull=True).update(active_until=now)
    for member in locked.members.filter(role=JuryMember.Role.EXTERNAL).select_related("user"):
        user = member.user
        still_needed = JuryMember.objects.filter(user=user, active_until__isnull=True).exists()
        if still_needed or is_hr(user) or has_role(user, INTERVIEWER):
            continue
        user.is_active = False
        user.save(update_fields=["is_active"])


def mark_absent(jury_candidate, *, by, reason="Niet aanwezig op het jurygesprek."):
    """A candidate who did not come back goes back to the waitlist (jury_invited → waitlist), keeping the place's
    original validity; the round goes on without them."""
    with transaction.atomic():
        locked = JuryCandidate.objects.select_for_update().select_related("round").get(pk=jury_candidate.pk)
        if not locked.round.is_open:
            raise JuryRefused(gettext("Deze juryronde is al beraadslaagd."))
        try:
            change_stage(locked.application, to=Stage.WAITLIST, by=by, reason=reason,
                         expected_stage=Stage.JURY_INVITED)
        except TransitionRefused as refusal:
            raise JuryRefused(str(refusal)) from None
        locked.decision = JuryCandidate.Decision.ABSENT
        locked.save(update_fields=["decision"])
    return locked


def cancel_round(jury_round, *, by, reason):
    """Call off a round before its PV is frozen (e.g. the vacancy is withdrawn): every candidate still invited goes
    back to the waitlist with the place's original validity and a mail; the jurors' access ends."""
    reason = (reason or "").strip()
    if not reason:
        raise JuryRefused(gettext("Geef de reden waarom de juryronde niet doorgaat; de kandidaten lezen ze."))
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().select_related("vacancy__team").get(pk=jury_round.pk)
        if locked.status not in (JuryRound.Status.OPEN, JuryRound.Status.DECIDED):
            raise JuryRefused(gettext("Deze juryronde is al afgesloten of geannuleerd."))
        for jury_candidate in in_play(locked):
            application = jury_candidate.application
            try:
                change_stage(application, to=Stage.WAITLIST, by=by, expected_stage=Stage.JURY_INVITED,
                             reason=f"Juryronde geannuleerd: {reason}")
            except TransitionRefused:
                continue  # withdrawn meanwhile
            _queue_cancellation(jury_candidate, reason=reason)
        locked.candidates.exclude(decision__in=[JuryCandidate.Decision.ABSENT]).update(
            decision="", rank=None, passed=None, total_percent=None)
        locked.status, locked.closed_at = JuryRound.Status.CANCELLED, timezone.now()
        locked.save(update_fields=["status", "closed_at"])
        close_access(locked, now=locked.closed_at)
    return locked


def _queue_cancellation(jury_candidate, *, reason):
    application = jury_candidate.application
    entry = application.pool_entries.active().filter(kind=PoolEntry.Kind.WAITLIST).first()
    return mail_candidate(application, mail_events.JURY_ROUND_CANCELLED, team=jury_candidate.round.vacancy.team.name,
                          reason=reason, valid_until=date_format(entry.last_valid_day, "d/m/Y") if entry else "")


def in_play(jury_round):
    """The round's candidates still in the running: invited, not absent, not withdrawn."""
    return (jury_round.candidates.filter(application__stage=Stage.JURY_INVITED)
            .exclude(decision=JuryCandidate.Decision.ABSENT)
            .select_related("application__candidate", "application__procedure"))

