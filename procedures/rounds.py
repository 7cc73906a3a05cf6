"""A new round (nieuwe ronde) of a procedure: next year's selection for the same function, set up in one action.

`start_new_round` copies what makes up the vacancy and its selection into a new procedure in preparation (draft),
with the new title, web address (slug) and application dates HR gives, and optionally the new intake moments. The
old round and everything of it (applications, bookings, jury records, reports) stay exactly as they are.

What is copied, and what deliberately is not:
- The procedure's own rows: every text and fact of the vacancy page (COPIED_FIELDS), the steps of the selection
  and the diploma catalogue. They become rows of the new round, so HR edits next year's texts without touching
  last year's page or the diplomas last year's applications name.
- Rows other apps hang on a procedure, through the copy steps they register here (`register_round_copy`):
  interviews copies its intake policy. procedures imports no app above it, so the steps come to it.
- Not the competencies with their behavioural indicators: they belong to the function, not to a round, and so does
  the jury. A jury round is held for a concrete vacancy of the function and invites the function's whole waitlist,
  which mixes the passers of several rounds; they can only be compared when all are scored on one set of
  competencies. The new round is a round of the same function, so it has them already: nothing to copy. The old
  round's jury records stay as they are whatever HR edits later: scores and consensus are stored per part with
  their values and reasons, and an approved PV is a frozen PDF with its SHA-256.
- Not the mail wording: the mail templates are per event, for every procedure, and name the procedure through a
  placeholder; a mail keeps the text it was rendered with when it was queued. The new round mails with the same
  wording; what HR rewrites applies to the mails queued from then on, in any round.
- Not the intake moments as they were: they are dates of the old round, in the past. HR gives the new ones (or
  none, to add them later); the back office proposes the old pattern on the same weekdays a whole number of years
  (52 weeks) later (`proposed_intake_moments`), which HR checks, changes or clears before anything is made. Their
  interviewers and meeting links are not copied: those belong to the meetings of the old days.
- Nothing of the seed's ownership: the new rows get no SeedRecord, so seed_kortrijk neither adopts nor refreshes
  them (its keys name the seeded round's rows only).

Bans, the waitlist and the reserve are the function's (candidates.bans, candidates.pools): the new round, being of
the same function, is covered by them without any copy.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from procedures.models import (
    Diploma,
    IntakeSession,
    Procedure,
    ProcedureStep,
    application_period_errors,
    intake_moment_key,
)

# The vacancy's texts and facts, the same next year; a round's own fields are given anew or start fresh.
COPIED_FIELDS = (
    "function", "contract_type", "place", "intro", "responsibilities", "workplace", "offer", "conditions",
    "procedure_steps", "employer", "employer_vision", "employer_values", "faq", "contact_name", "contact_email",
    "contact_phone", "motivation_required", "cv_required",
)
ROUND_OWN_FIELDS = ("id", "title", "slug", "status", "closed_on", "applications_open_from", "applications_close_on",
                    "created_at", "internal_note")  # HR's note is about that round
MAX_INTAKE_MOMENTS = 20
PROPOSAL_SHIFT = timedelta(weeks=52)  # a year later on the same weekday


class NewRoundRefused(Exception):
    """The new round cannot be made as asked; `errors` maps each field to its Dutch message (the intake moments to a
    list). Nothing was made."""

    def __init__(self, errors):
        super().__init__("; ".join(str(m) for messages in errors.values()
                                   for m in (messages if isinstance(messages, list) else [messages])))
        self.errors = errors


@dataclass(frozen=True)
class IntakeMoment:
    """A new round's intake moment as HR gives it: a day, its label ("voormiddag"), and the hours or none yet."""

    date: date
    label: str
    starts_at: time | None = None
    ends_at: time | None = None


_COPY_STEPS = []


def register_round_copy(step):
    """Add step(old, new) to every new round: it copies the rows another app keeps for a procedure, inside
    start_new_round's transaction, in a fixed number of queries. Returns the step."""
    if step not in _COPY_STEPS:
        _COPY_STEPS.append(step)
    return step


def proposed_intake_moments(procedure, *, today):
    """The old round's intake moments moved 52 weeks (a year, on the same weekday) at a time until the first lies
    after today: a proposal for HR to check, never created as such. Hours and labels stay; links do not."""
    sessions = list(procedure.intake_sessions.order_by("date", "starts_at"))
    if not sessions:
        return []
    shift = PROPOSAL_SHIFT
    while sessions[0].date + shift <= today:
        shift += PROPOSAL_SHIFT
    return [IntakeMoment(date=s.date + shift, label=s.label, starts_at=s.starts_at, ends_at=s.ends_at)
            for s in sessions]


def start_new_round(procedure, *, title, slug, applications_open_from, applications_close_on, intake_moments=(),
                    by=None, today=None):
    """Start the next round of `procedure`: a new procedure in preparation for the same function, with the old
    round's texts, steps, diplomas and what other apps registered (the intake policy), the given title, slug and
    application dates, and the given intake moments. Competencies and mail wording are shared, not copied (see the
    module's docstring for why). The old round is left untouched.

    Refused with NewRoundRefused (every fault in Dutch, nothing made) when a field is empty or too long, the slug
    is taken or not a slug, the first or the last day to apply is in the past, the first day to apply comes after
    the last, or an intake moment is in the past, before the first day to apply, without a label, with half or
    reversed hours, or twice the same. All or nothing: one transaction; a second request with the same slug (a
    double click) gets the slug message. Returns the new Procedure.
    """
    today = today or timezone.localdate()
    title, slug = (title or "").strip(), (slug or "").strip()
    intake_moments = list(intake_moments)
    errors = _field_errors(title=title, slug=slug, open_from=applications_open_from,
                           close_on=applications_close_on, today=today)
    moment_errors = _intake_moment_errors(intake_moments, open_from=applications_open_from, today=today)
    if moment_errors:
        errors["intake_moments"] = moment_errors
    if errors:
        raise NewRoundRefused(errors)
    with transaction.atomic():
        new = _create_procedure(procedure, title=title, slug=slug, open_from=applications_open_from,
                                close_on=applications_close_on)
        _copy_rows(ProcedureStep, procedure, new)
        _copy_rows(Diploma, procedure, new)
        IntakeSession.objects.bulk_create([
            IntakeSession(procedure=new, date=m.date, label=m.label.strip(), starts_at=m.starts_at, ends_at=m.ends_at)
            for m in intake_moments])
        for step in _COPY_STEPS:
            step(procedure, new)
        if by is not None:
            LogEntry.objects.log_actions(
                by.pk, [new], ADDITION, single_object=True,
                change_message=_("Nieuwe ronde van ‘%(title)s’ (%(slug)s).") % {"title": procedure.title,
                                                                                "slug": procedure.slug})
    return new


def _create_procedure(procedure, *, title, slug, open_from, close_on):
    attnames = [Procedure._meta.get_field(name).attname for name in COPIED_FIELDS]  # function_id: no query
    values = {attname: getattr(procedure, attname) for attname in attnames}
    try:
        with transaction.atomic():
            return Procedure.objects.create(**values, title=title, slug=slug, status=Procedure.Status.DRAFT,
                                            applications_open_from=open_from, applications_close_on=close_on)
    except IntegrityError:
        # Taken between the check and the insert: the same form sent twice at once. The first one stands.
        raise NewRoundRefused({"slug": _slug_taken(slug)}) from None


def _copy_rows(model, old, new):
    """Every row of `model` of the old procedure as a new row of the new one, in two queries."""
    names = [f.attname for f in model._meta.concrete_fields if not f.primary_key and f.name != "procedure"]
    model.objects.bulk_create([model(procedure=new, **{name: getattr(row, name) for name in names})
                               for row in model.objects.filter(procedure=old).order_by("pk")])


def _slug_taken(slug):
    existing = Procedure.objects.filter(slug=slug).values_list("title", flat=True).first()
    return _("Er is al een procedure met het webadres (slug) ‘%(slug)s’%(title)s. Kies een ander webadres, bv. met "
             "het jaar erin. Er is niets aangemaakt.") % {
        "slug": slug, "title": f" (‘{existing}’)" if existing else ""}


def _field_errors(*, title, slug, open_from, close_on, today):
    errors = {}
    title_field, slug_field = Procedure._meta.get_field("title"), Procedure._meta.get_field("slug")
    if not title:
        errors["title"] = _("Vul de titel van de nieuwe ronde in.")
    elif len(title) > title_field.max_length:
        errors["title"] = _("Hou de titel op hoogstens %(max)d tekens (nu %(count)d).") % {
            "max": title_field.max_length, "count": len(title)}
    if not slug:
        errors["slug"] = _("Vul het webadres (slug) van de nieuwe ronde in, bv. maatschappelijk-werker-2027.")
    elif len(slug) > slug_field.max_length:
        errors["slug"] = _("Hou het webadres (slug) op hoogstens %(max)d tekens (nu %(count)d).") % {
            "max": slug_field.max_length, "count": len(slug)}
    elif not _is_slug(slug):
        errors["slug"] = _("Het webadres (slug) bestaat enkel uit kleine letters, cijfers en streepjes, bv. "
                           "maatschappelijk-werker-2027.")
    elif Procedure.objects.filter(slug=slug).exists():
        errors["slug"] = _slug_taken(slug)
    if open_from is None:
        errors["applications_open_from"] = _("Vul de eerste dag in waarop kandidaten kunnen solliciteren.")
    if close_on is None:
        errors["applications_close_on"] = _("Vul de laatste dag in waarop kandidaten kunnen solliciteren.")
    # The new round is a draft that opens by itself: the rule of HR's procedure form for a draft.
    errors.update(application_period_errors(open_from=open_from, close_on=close_on, status=Procedure.Status.DRAFT,
                                            today=today))
    return errors


def _is_slug(slug):
    try:
        validate_slug(slug)
    except ValidationError:
        return False
    return True


def _intake_moment_errors(moments, *, open_from, today):
    label_max = IntakeSession._meta.get_field("label").max_length
    if len(moments) > MAX_INTAKE_MOMENTS:
        return [_("Geef hoogstens %(max)d intakemomenten op; voeg er later meer toe op de pagina van de procedure.")
                % {"max": MAX_INTAKE_MOMENTS}]
    errors, seen = [], set()
    for number, moment in enumerate(moments, start=1):
        name = _("Intakemoment %(number)d (%(day)s)") % {"number": number, "day": _day(moment.date)}
        label = (moment.label or "").strip()
        if moment.date < today:
            errors.append(_("%(moment)s ligt in het verleden. Kies een dag vanaf vandaag, of laat het weg.")
                          % {"moment": name})
        elif open_from is not None and moment.date < open_from:
            errors.append(_("%(moment)s valt vóór de eerste dag om te solliciteren (%(first)s): dan kan nog niemand "
                            "uitgenodigd zijn.") % {"moment": name, "first": _day(open_from)})
        if not label:
            errors.append(_("%(moment)s heeft geen omschrijving, bv. voormiddag.") % {"moment": name})
        elif len(label) > label_max:
            errors.append(_("Hou de omschrijving van %(moment)s op hoogstens %(max)d tekens.")
                          % {"moment": name, "max": label_max})
        if (moment.starts_at is None) != (moment.ends_at is None):
            errors.append(_("%(moment)s: vul het begin- en het einduur in, of laat ze allebei leeg.")
                          % {"moment": name})
        elif moment.starts_at is not None and moment.ends_at <= moment.starts_at:
            errors.append(_("%(moment)s: het einduur moet later zijn dan het beginuur.") % {"moment": name})
        key = intake_moment_key(moment.date, moment.starts_at, label)
        if key in seen:
            errors.append(_("%(moment)s staat er twee keer in.") % {"moment": name})
        seen.add(key)
    return errors


def _day(value):
    return date_format(value, "d/m/Y")
