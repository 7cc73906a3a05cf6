"""The stages of an application and the one table of allowed transitions between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    SCREENING = "screening", _("screening diploma")
    ELIGIBLE = "eligible", _("toegelaten")
    NOT_ELIGIBLE = "not_eligible", _("niet toegelaten")
    INTAKE_INVITED = "intake_invited", _("uitgenodigd voor kennismakingsinterview")
    INTAKE_FAILED = "intake_failed", _("niet geslaagd kennismakingsinterview")
    WAITLIST = "waitlist", _("wachtlijst")
    WAITLIST_EXPIRED = "waitlist_expired", _("wachtlijst verlopen")
    JURY_INVITED = "jury_invited", _("uitgenodigd voor jurygesprek")
    JURY_FAILED = "jury_failed", _("niet geslaagd jurygesprek")
    RESERVE = "reserve", _("wervingsreserve")
    RESERVE_EXPIRED = "reserve_expired", _("wervingsreserve verlopen")
    OFFER = "offer", _("jobaanbod")
    OFFER_WITHDRAWN = "offer_withdrawn", _("jobaanbod ingetrokken")
    HIRED = "hired", _("aangeworven")
    WITHDRAWN = "withdrawn", _("teruggetrokken")


S = Stage

# Every change of stage must be listed here; `withdrawn` is reachable from every open stage.
ALLOWED_TRANSITIONS = {
    S.SCREENING: {S.ELIGIBLE, S.NOT_ELIGIBLE},
    S.ELIGIBLE: {S.INTAKE_INVITED},
    S.INTAKE_INVITED: {S.WAITLIST, S.INTAKE_FAILED},
    S.WAITLIST: {S.JURY_INVITED, S.WAITLIST_EXPIRED},
    S.JURY_INVITED: {S.OFFER, S.RESERVE, S.JURY_FAILED, S.WAITLIST},
    S.RESERVE: {S.OFFER, S.RESERVE_EXPIRED},
    S.OFFER: {S.HIRED, S.RESERVE, S.OFFER_WITHDRAWN},
}

CLOSED_STAGES = frozenset({
    S.NOT_ELIGIBLE, S.INTAKE_FAILED, S.WAITLIST_EXPIRED, S.JURY_FAILED,
    S.RESERVE_EXPIRED, S.OFFER_WITHDRAWN, S.HIRED, S.WITHDRAWN,
})
OPEN_STAGES = frozenset(Stage) - CLOSED_STAGES

for _open in OPEN_STAGES:
    ALLOWED_TRANSITIONS.setdefault(_open, set()).add(S.WITHDRAWN)

# Failing one of these bars the person from the function's procedure for a while.
BANNING_STAGES = frozenset({S.INTAKE_FAILED, S.JURY_FAILED})

# A reason is mandatory for these decisions: the candidate is told why.
REASON_REQUIRED = frozenset({S.NOT_ELIGIBLE, S.OFFER_WITHDRAWN})


def allowed_next(stage):
    return ALLOWED_TRANSITIONS.get(Stage(stage), set())


def is_allowed(from_stage, to_stage):
    return Stage(to_stage) in allowed_next(from_stage)
