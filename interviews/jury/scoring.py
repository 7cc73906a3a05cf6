"""Independent scoring (onafhankelijke scoring): each juror scores each part of a candidate on the round's scale,
with a mandatory evidence note per score, before seeing anyone else's scores.

A juror sees the others' sheets for a candidate only after submitting their own. A submitted sheet is locked;
only the chair can reopen it, with a reason, and every change after a reopen is logged (ScoreSheetEvent).
Concurrent saves of the same score give one row: the sheet row is created once (unique constraint; get_or_create
re-reads after losing the race) and locked while its scores are written.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from interviews.jury import ItemsRefused, JuryRefused
from interviews.jury.conflicts import declaration_of
from interviews.jury.parts import checked_entries, items_for
from interviews.models import JuryMember, JuryScore, ScoreSheet, ScoreSheetEvent


class ScoresRefused(ItemsRefused):
    """Some scores were refused (see ItemsRefused). Nothing was saved."""


def _check_may_score(member, jury_candidate):
    if jury_candidate.round_id != member.round_id:
        raise JuryRefused(gettext("Deze kandidaat hoort niet bij jouw juryronde."))
    if not member.round.is_open:
        raise JuryRefused(gettext("Deze juryronde is al beraadslaagd: scores wijzigen kan niet meer."))
    declaration = declaration_of(member, jury_candidate)
    if declaration is None:
        raise JuryRefused(gettext("Verklaar eerst dat je geen belangenconflict hebt met deze kandidaat."))
    if declaration.has_conflict:
        raise JuryRefused(gettext("Je onthoudt je voor deze kandidaat: je geeft geen scores."))


def _locked_sheet(member, jury_candidate):
    sheet, _ = ScoreSheet.objects.get_or_create(member=member, jury_candidate=jury_candidate)
    return ScoreSheet.objects.select_for_update().get(pk=sheet.pk)


def save_scores(member, jury_candidate, *, scores, by=None):
    """Save some or all of a juror's scores (item key -> (value, evidence)) on their open sheet. All or nothing.

    Refused: an unknown part, a value off the scale, a missing evidence note, a submitted (locked) sheet.
    """
    _check_may_score(member, jury_candidate)
    clean, items = checked_entries(
        member.round, scores, refused=ScoresRefused,
        note_missing=gettext("%(part)s: schrijf kort op wat je zag of hoorde (de onderbouwing is verplicht)."))
    with transaction.atomic():
        sheet = _locked_sheet(member, jury_candidate)
        if sheet.is_submitted:
            raise JuryRefused(gettext("Je scores voor deze kandidaat zijn ingediend en vergrendeld. Vraag de "
                                      "voorzitter om ze te heropenen als je iets moet wijzigen."))
        reopened = sheet.events.filter(kind=ScoreSheetEvent.Kind.REOPENED).exists()
        existing = {s.part: s for s in sheet.scores.all()}
        now = timezone.now()
        for key, (value, evidence) in clean.items():
            old = existing.get(key)
            JuryScore.objects.update_or_create(sheet=sheet, part=key,
                                               defaults={"value": value, "evidence": evidence, "updated_at": now})
            if reopened and old is not None and (old.value, old.evidence) != (value, evidence):
                with translation.override(settings.LANGUAGE_CODE):  # the log is kept in Dutch, whoever scores
                    label = str(items[key].label)
                ScoreSheetEvent.objects.create(
                    sheet=sheet, kind=ScoreSheetEvent.Kind.CHANGED, by=by or member.user,
                    note=f"{label}: {old.value} → {value}" + (
                        "" if old.evidence == evidence else " (onderbouwing gewijzigd)"))
    return sheet


def record_score(member, jury_candidate, *, part, value, evidence, by=None):
    """Save one score: the door a single field's save uses; ten concurrent calls leave one row."""
    return save_scores(member, jury_candidate, scores={part: (value, evidence)}, by=by)


def submit_sheet(member, jury_candidate, *, by=None):
    """Submit the juror's sheet: every part scored with evidence; then it is locked and the others' are visible."""
    _check_may_score(member, jury_candidate)
    with transaction.atomic():
        sheet = _locked_sheet(member, jury_candidate)
        if sheet.is_submitted:
            return sheet
        scored = set(sheet.scores.values_list("part", flat=True))
        missing = [item.label for item in items_for(member.round) if item.key not in scored]
        if missing:
            raise JuryRefused(gettext("Nog niet gescoord: %(parts)s. Indienen kan als alles gescoord is.")
                              % {"parts": ", ".join(str(label) for label in missing)})
        sheet.submitted_at = timezone.now()
        sheet.save(update_fields=["submitted_at"])
        ScoreSheetEvent.objects.create(sheet=sheet, kind=ScoreSheetEvent.Kind.SUBMITTED, by=by or member.user)
    return sheet


def reopen_sheet(sheet, *, by, reason):
    """The chair reopens a submitted sheet so its juror can change it; the reason is logged."""
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = ScoreSheet.objects.select_for_update().select_related("member__round").get(pk=sheet.pk)
        jury_round = locked.member.round
        if not jury_round.is_open:
            raise JuryRefused(gettext("Deze juryronde is al beraadslaagd: heropenen kan niet meer."))
        if not jury_round.members.filter(user=by, role=JuryMember.Role.CHAIR).exists():
            raise JuryRefused(gettext("Alleen de voorzitter van de jury kan ingediende scores heropenen."))
        if not reason:
            raise JuryRefused(gettext("Geef de reden waarom je de scores heropent; die wordt bijgehouden."))
        if not locked.is_submitted:
            raise JuryRefused(gettext("Deze scores zijn niet ingediend: er is niets te heropenen."))
        locked.submitted_at = None
        locked.save(update_fields=["submitted_at"])
        ScoreSheetEvent.objects.create(sheet=locked, kind=ScoreSheetEvent.Kind.REOPENED, by=by, note=reason)
    return locked


def own_sheet(member, jury_candidate):
    return (ScoreSheet.objects.filter(member=member, jury_candidate=jury_candidate)
            .prefetch_related("scores").first())


def sheets_visible_to(member, jury_candidate, *, hr=False):
    """The sheets this viewer may read for the candidate: their own always; the others' only once their own is
    submitted (HR, who does not score, sees the submitted ones)."""
    sheets = (ScoreSheet.objects.filter(jury_candidate=jury_candidate)
              .select_related("member__user").prefetch_related("scores").order_by("member__role"))
    if hr:
        return [s for s in sheets if s.is_submitted]
    own = next((s for s in sheets if member and s.member_id == member.pk), None)
    if own is None or not own.is_submitted:
        return [own] if own else []
    return [s for s in sheets if s.is_submitted or s.pk == own.pk]
