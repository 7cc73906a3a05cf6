"""The stage decisions HR takes in the back office, as one declarative list.

Each one becomes a bulk action on the applications list and a button on the application page; both go through
candidates.transitions (change_stages / change_stage). A later issue adds a decision by adding a line here.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models import BanMatch
from candidates.stages import Stage, is_allowed
from kortrijk_ats.typed_text import FreeTextField

REASON_MAX_LENGTH = 2000


@dataclass(frozen=True)
class StageAction:
    key: str  # the admin action name; also in the URL of the button
    label: str
    to: Stage
    reason_required: bool = False

    def applies_to(self, stage):
        return is_allowed(stage, self.to)


STAGE_ACTIONS = (
    StageAction("mark_eligible", _("Screening: toegelaten"), Stage.ELIGIBLE),
    StageAction("mark_not_eligible", _("Screening: niet toegelaten"), Stage.NOT_ELIGIBLE, reason_required=True),
    StageAction("invite_to_intake", _("Uitnodigen voor kennismakingsinterview"), Stage.INTAKE_INVITED),
    StageAction("withdraw", _("Kandidatuur intrekken"), Stage.WITHDRAWN, reason_required=True),
)


def get_stage_action(key):
    return next((action for action in STAGE_ACTIONS if action.key == key), None)


def needs_reason(action, *, likely_banned):
    """Admitting an application flagged as a likely banned person needs a reason (see candidates.bans)."""
    return action.reason_required or (action.to == Stage.ELIGIBLE and likely_banned)


def likely_banned(application):
    """Is the application flagged as probably coming from a banned person, and not admitted yet?"""
    return BanMatch.objects.filter(application=application, cleared_at__isnull=True).exists()


class StageActionForm(forms.Form):
    """What HR confirms for a decision: the reason when one is needed and, on one application, the stage they saw."""

    reason = FreeTextField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
                           max_length=REASON_MAX_LENGTH)
    expected_stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, action, single=False, reason_required=None, **kwargs):
        """`reason_required`: overrides the action's own need, e.g. admitting a likely banned person."""
        super().__init__(*args, **kwargs)
        self.action = action
        self.needs_reason = action.reason_required if reason_required is None else reason_required
        reason = self.fields["reason"]
        if self.needs_reason:
            reason.error_messages["required"] = _(
                "Vul een motivering in: die is verplicht voor ‘%(stage)s’.") % {"stage": action.to.label}
        else:
            del self.fields["reason"]
        if single:
            # The stage the user saw: if someone else changed it meanwhile, nothing happens and they are told.
            self.fields["expected_stage"].required = True
            self.fields["expected_stage"].error_messages["required"] = _(
                "De pagina was onvolledig. Open de kandidatuur opnieuw en probeer nog eens.")
