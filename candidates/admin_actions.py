"""The stage decisions HR takes in the back office, as one declarative list.

Each one becomes a bulk action on the applications list and a button on the application page; both go through
candidates.transitions (change_stages / change_stage). A later issue adds a decision by adding a line here.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

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


class StageActionForm(forms.Form):
    """What HR confirms for a decision: the reason when one is needed and, on one application, the stage they saw."""

    reason = FreeTextField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
                           max_length=REASON_MAX_LENGTH)
    expected_stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, action, single=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        reason = self.fields["reason"]
        if action.reason_required:
            reason.error_messages["required"] = _(
                "Vul een motivering in: die is verplicht voor ‘%(stage)s’.") % {"stage": action.to.label}
        else:
            del self.fields["reason"]
        if single:
            # The stage the user saw: if someone else changed it meanwhile, nothing happens and they are told.
            self.fields["expected_stage"].required = True
            self.fields["expected_stage"].error_messages["required"] = _(
                "De pagina was onvolledig. Open de kandidatuur opnieuw en probeer nog eens.")
