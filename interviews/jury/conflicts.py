"""Each juror declares, per candidate, that there is no conflict of interest, or recuses from that candidate.

A juror scores a candidate only after declaring no conflict; a recusal needs a short note and is final for the
round (HR and the PV show it). The declaration is made once: the database keeps one per juror per candidate.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from interviews.jury import JuryRefused
from interviews.models import ConflictDeclaration


def declare_conflict(member, jury_candidate, *, has_conflict, note=""):
    """Record the juror's declaration (verklaring belangenconflict) for one candidate. Returns it."""
    note = (note or "").strip()
    if jury_candidate.round_id != member.round_id:
        raise JuryRefused(gettext("Deze kandidaat hoort niet bij jouw juryronde."))
    if not member.round.is_open:
        raise JuryRefused(gettext("Deze juryronde is al beraadslaagd: verklaren kan niet meer."))
    if has_conflict and not note:
        raise JuryRefused(gettext("Zeg kort waarom je je onthoudt (bv. ‘familielid’, ‘vroegere collega’)."))
    try:
        with transaction.atomic():
            return ConflictDeclaration.objects.create(member=member, jury_candidate=jury_candidate,
                                                      has_conflict=bool(has_conflict), note=note)
    except IntegrityError:
        raise JuryRefused(gettext("Je verklaring voor deze kandidaat staat al vast.")) from None


def declaration_of(member, jury_candidate):
    return ConflictDeclaration.objects.filter(member=member, jury_candidate=jury_candidate).first()
