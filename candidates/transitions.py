"""The one door through which every change of an application's stage passes.

Admin actions, the portal, interviewers' forms and periodic jobs all call change_stage() or change_stages();
nothing outside this module writes Application.stage.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext

from candidates import mail_events
from candidates.bans import impose_ban
from candidates.models import Application, BanMatch, Candidate, PoolEntry, Transition
from candidates.stages import BANNING_STAGES, CLOSED_STAGES, REASON_REQUIRED, Stage, is_allowed
from communications.outbox import batched_mails, compose_mail, put_in_outbox
from kortrijk_ats.dates import add_months
from kortrijk_ats.record_language import as_recorded
from procedures.settings_check import SettingMissing, reserve_months_for

# The mail each new stage sends to the candidate (outcome mails wait for HR's release: see mail_events).
STAGE_MAIL = {
    Stage.ELIGIBLE: mail_events.SCREENING_ELIGIBLE,
    Stage.NOT_ELIGIBLE: mail_events.SCREENING_NOT_ELIGIBLE,
    Stage.INTAKE_INVITED: mail_events.INTAKE_INVITATION,
    Stage.INTAKE_FAILED: mail_events.INTAKE_FAILED,
    Stage.WAITLIST: mail_events.WAITLIST,
    Stage.WAITLIST_EXPIRED: mail_events.WAITLIST_EXPIRED,
    Stage.JURY_FAILED: mail_events.JURY_FAILED,
    Stage.RESERVE: mail_events.RESERVE,
    Stage.RESERVE_EXPIRED: mail_events.RESERVE_EXPIRED,
    Stage.OFFER_WITHDRAWN: mail_events.OFFER_WITHDRAWN,
    Stage.HIRED: mail_events.HIRED,
    Stage.WITHDRAWN: mail_events.WITHDRAWN,
}


# Other apps react to an application leaving a stage (interviews frees an intake seat); they register here,
# and the handlers run inside change_stage's transaction.
_LEAVE_HANDLERS: dict[Stage, list] = {}


def on_leaving(stage, handler):
    """Register handler(application, *, to, by) to run whenever an application leaves `stage`."""
    _LEAVE_HANDLERS.setdefault(Stage(stage), []).append(handler)


def candidate_actor_label(application):
    """Who acted, when the candidate did it in the portal (withdrawing, declining an offer, adding a document): for
    HR's history, in the back office's language, cut to the actor_label column's 150 characters."""
    suffix = " (kandidaat, via het portaal)"
    return application.candidate.full_name[: 150 - len(suffix)] + suffix


class TransitionRefused(Exception):
    """A stage change the rules do not allow; the message says why, for the user, in the active language."""


class StageConflict(TransitionRefused):
    """Someone else changed the application first."""


def change_stage(application, *, to, by=None, by_label="", reason="", expected_stage=None):
    """Move an application to stage `to`, if the transition table allows it.

    In one transaction: lock the row, check the transition (and, when given, that the stage is still the one
    the user saw), write the transition row, apply the rule consequences (ban, waitlist, reserve) and queue
    the candidate's mail, which leaves only after commit. Returns the Transition.
    """
    to, reason = _checked_request(to, reason)
    with transaction.atomic():
        locked = _lock(Application.objects.filter(pk=application.pk)).get()
        transition = _change_locked(locked, to=to, by=by, by_label=by_label, reason=reason,
                                    expected_stage=expected_stage)
    application.stage, application.stage_changed_at = locked.stage, locked.stage_changed_at
    return transition


def _checked_request(to, reason):
    """The checks that depend only on the request, not on the application: the same for every one of a bulk."""
    to = _known_stage(to)
    if not isinstance(reason, Promise):  # a system reason stays lazy: Dutch in the record, the candidate's in the mail
        reason = (reason or "").strip()
    if to in REASON_REQUIRED and not str(reason):
        raise TransitionRefused(gettext("Een motivering is verplicht voor ‘%(stage)s’.") % {"stage": to.label})
    return to, reason


def _lock(queryset):
    # Lock and read in one query, with what the consequences and the mail need; pk order keeps bulks deadlock-free.
    return (queryset.select_for_update(of=("self",)).select_related("candidate", "procedure__function")
            .annotate(ban_match_open=Exists(BanMatch.objects.filter(application=OuterRef("pk"),
                                                                    cleared_at__isnull=True)))
            .order_by("pk"))


def _check_change(locked, *, to, expected_stage, reason):
    """Refuse a change the user did not see coming or the transition table does not allow. Returns the stage."""
    current = Stage(locked.stage)
    if expected_stage is not None and current != Stage(expected_stage):
        raise StageConflict(gettext("Iemand anders was sneller: deze kandidatuur staat intussen op ‘%(stage)s’. "
                                    "Er is niets gewijzigd.") % {"stage": current.label})
    if not is_allowed(current, to):
        raise TransitionRefused(gettext("Van ‘%(current)s’ naar ‘%(to)s’ kan niet. Er is niets gewijzigd.")
                                % {"current": current.label, "to": to.label})
    if to == Stage.ELIGIBLE and locked.ban_match_open and not reason:
        # A likely match with a ban (candidates.bans): HR admits the person only with a reason, one at a time.
        raise TransitionRefused(gettext("Deze kandidatuur lijkt van iemand die uitgesloten is voor deze functie (zie "
                                        "‘Mogelijk uitgesloten’ op de kandidatuur). Toelaten kan alleen met een "
                                        "motivering: waarom het om iemand anders gaat. Er is niets gewijzigd."))
    return current


def _clear_ban_matches(locked_applications, to, *, by, now):
    """Admitting an application with a likely ban match (with its reason) settles the flag."""
    flagged = [locked.pk for locked in locked_applications if locked.ban_match_open]
    if to == Stage.ELIGIBLE and flagged:
        BanMatch.objects.filter(application__in=flagged, cleared_at__isnull=True).update(cleared_at=now,
                                                                                          cleared_by=by)


def _change_locked(locked, *, to, by, by_label, reason, expected_stage):
    """The rules of one stage change on a locked application, inside the caller's transaction."""
    current = _check_change(locked, to=to, expected_stage=expected_stage, reason=reason)
    now = timezone.now()
    transition = Transition.objects.create(**_transition_fields(locked, current, to, by=by, by_label=by_label,
                                                                reason=reason, now=now))
    locked.stage, locked.stage_changed_at = to, now
    locked.save(update_fields=["stage", "stage_changed_at"])
    _clear_ban_matches([locked], to, by=by, now=now)
    mail_context = _apply_consequences(locked, current, to, now=now)
    for handler in _LEAVE_HANDLERS.get(current, ()):
        handler(locked, to=to, by=by)
    mail = _stage_mail(locked, to, reason=reason, extra=mail_context)
    if mail is not None:
        put_in_outbox([mail])
    return transition


def _transition_fields(application, current, to, *, by, by_label, reason, now):
    return {"application": application, "from_stage": current, "to_stage": to, "actor": by,
            "actor_label": by_label or (by.get_username() if by else "systeem"), "reason": as_recorded(reason),
            "created_at": now}


def _known_stage(value):
    # A stage name from a form or a URL must be refused kindly, not raise a ValueError (a 500).
    try:
        return Stage(value)
    except ValueError:
        raise TransitionRefused(gettext("Onbekende fase ‘%(stage)s’. Er is niets gewijzigd.")
                                % {"stage": value}) from None


# Entering these stages writes more than the stage, the transition row, the mail and the end of open places:
# a ban or a waitlist or reserve place. _apply_consequences applies rules to these stages only, and a bulk
# changes them one application at a time; the others it writes together (_change_plain).
STAGES_WITH_ENTRY_RULES = BANNING_STAGES | {Stage.WAITLIST, Stage.RESERVE, Stage.OFFER}


def _apply_consequences(application, from_stage, to, *, now):
    """The rules attached to entering a stage. Returns what the mail needs to know about them."""
    if to not in STAGES_WITH_ENTRY_RULES:  # the gate the bulk relies on: a rule below this line needs the stage
        _end_places([application.pk], to, now=now)
        return {}
    today = timezone.localdate(now)  # places and bans end at the same instant the transition row records
    function = application.procedure.function
    active = application.pool_entries.active()
    context = {}
    if to in BANNING_STAGES:
        ban = impose_ban(application, decided_on=today)
        context["welcome_again_on"] = date_format(ban.ends_on, "d/m/Y")
    if to in (Stage.WAITLIST, Stage.RESERVE):
        lock_person(application.candidate_id)
    if to == Stage.WAITLIST and from_stage != Stage.JURY_INVITED:
        entry = _open_pool_entry(application, PoolEntry.Kind.WAITLIST, today, function.waitlist_months)
        context["valid_until"] = date_format(entry.last_valid_day, "d/m/Y")
    if to in (Stage.RESERVE, Stage.OFFER):
        active.filter(kind=PoolEntry.Kind.WAITLIST).update(ended_at=now)
    if to == Stage.RESERVE:
        entry = active.filter(kind=PoolEntry.Kind.RESERVE).first() or _open_pool_entry(
            application, PoolEntry.Kind.RESERVE, today, _reserve_months(function))
        context["valid_until"] = date_format(entry.last_valid_day, "d/m/Y")
    _end_places([application.pk], to, now=now)
    return context


def lock_person(candidate_id):
    """Lock the person's row before a waitlist or reserve place opens. Applying holds the same lock
    (candidates.applying) from before its check for a valid place until its commit, so the two run one after the
    other: an application judged while a place is being given waits for it, and is refused."""
    list(Candidate.objects.select_for_update().filter(pk=candidate_id).values_list("pk", flat=True))


def _reserve_months(function):
    # Empty until HR enters it (the bundle states none): refuse the change rather than guess a validity.
    try:
        return reserve_months_for(function)
    except SettingMissing as missing:
        raise TransitionRefused(str(missing)) from None


def _end_places(application_ids, to, *, now):
    """A closed stage ends every open waitlist and reserve place of the application."""
    if to in CLOSED_STAGES:
        PoolEntry.objects.active().filter(application__in=application_ids).update(ended_at=now)


def _open_pool_entry(application, kind, today, months):
    return PoolEntry.objects.create(
        application=application, function=application.procedure.function, kind=kind,
        valid_from=today, expires_on=add_months(today, months),
    )


def _stage_mail(application, to, *, reason, extra):
    """The candidate's mail about the new stage, composed for the outbox; None when the stage sends none."""
    event = STAGE_MAIL.get(to)
    if event is None or (to == Stage.WAITLIST and "valid_until" not in extra):
        return None
    candidate = application.candidate
    return compose_mail(
        event.key, to=candidate.email, language=candidate.language, related=application,
        context={"candidate_name": candidate.full_name, "procedure_title": application.procedure.title,
                 "reason": reason, **extra},
    )


@dataclass
class BulkOutcome:
    changed: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # (application, message)


# Applications per transaction of a bulk: few commits, yet no row stays locked for the whole of a large bulk.
BULK_CHUNK = 500


def change_stages(applications, *, to, by=None, reason="", expected_stage=None):
    """Apply change_stage()'s rules to many applications, each on its own; one refusal does not stop the others.

    Each chunk of BULK_CHUNK applications is locked in one query and changed in one transaction. Changes with
    rules of their own (a ban, a place, another app's handler) run each in a savepoint; the others, such as a
    screening decision, are written for the whole chunk at once: one UPDATE and one INSERT each for the
    transitions and the mails. The chunk's mails are handed to the worker in batch tasks after its commit.
    """
    applications = list(applications)
    outcome = BulkOutcome()
    try:
        to, reason = _checked_request(to, reason)
    except TransitionRefused as refusal:
        outcome.refused = [(application, str(refusal)) for application in applications]
        return outcome
    for start in range(0, len(applications), BULK_CHUNK):
        _change_chunk(applications[start:start + BULK_CHUNK], outcome, to=to, by=by, reason=reason,
                      expected_stage=expected_stage)
    return outcome


def _change_chunk(chunk, outcome, *, to, by, reason, expected_stage):
    with transaction.atomic(), batched_mails():
        locked_by_pk = {locked.pk: locked for locked in _lock(Application.objects.filter(
            pk__in=[application.pk for application in chunk]))}
        changed, plain = [], []
        for application in chunk:
            locked = locked_by_pk.get(application.pk)
            try:
                if locked is None:  # erased since it was selected: the others go on
                    raise TransitionRefused(gettext("Deze kandidatuur bestaat niet meer. Er is niets gewijzigd."))
                current = _check_change(locked, to=to, expected_stage=expected_stage, reason=reason)
                if to in STAGES_WITH_ENTRY_RULES or current in _LEAVE_HANDLERS:
                    with transaction.atomic():
                        _change_locked(locked, to=to, by=by, by_label="", reason=reason,
                                       expected_stage=expected_stage)
                else:
                    plain.append((locked, current))
                    locked.stage = to  # the same application twice in a bulk: the second is refused, as one by one
            except TransitionRefused as refusal:
                outcome.refused.append((application, str(refusal)))
            else:
                changed.append((application, locked))
        _change_plain(plain, to=to, by=by, reason=reason)
        for application, locked in changed:
            application.stage, application.stage_changed_at = locked.stage, locked.stage_changed_at
            outcome.changed.append(application)


def _change_plain(plain, *, to, by, reason):
    """_change_locked for checked changes without entry rules or handlers, written together."""
    if not plain:
        return
    now = timezone.now()
    Transition.objects.bulk_create([
        Transition(**_transition_fields(locked, current, to, by=by, by_label="", reason=reason, now=now))
        for locked, current in plain])
    ids = [locked.pk for locked, _current in plain]
    Application.objects.filter(pk__in=ids).update(stage=to, stage_changed_at=now)
    _clear_ban_matches([locked for locked, _current in plain], to, by=by, now=now)
    _end_places(ids, to, now=now)
    mails = []
    for locked, _current in plain:
        locked.stage, locked.stage_changed_at = to, now
        mails.append(_stage_mail(locked, to, reason=reason, extra={}))
    put_in_outbox([mail for mail in mails if mail is not None])
