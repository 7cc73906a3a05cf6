"""The jury step (jurygesprek) of a concrete vacancy, one idea per module:

- parts: what a round scores (the 9 competencies and the other parts), the scale and the pass rule;
- rounds: the pools of a vacancy, opening its jury round, inviting the whole waitlist, composing the jury
  (seating and removing a juror) and ending the seats when the round closes or is cancelled;
- conflicts: each juror's declaration per candidate (no conflict, or recusal);
- scheduling: the interview's date and place with its calendar invitation, the case mail job;
- questionnaire: the personality questionnaire in the portal or from an external tool;
- scoring: independent score sheets, locked on submission, reopened only by the chair;
- consensus: the side-by-side view, the chair's consensus per part, the outcome and the ranking;
- calibration: each juror's mean deviation from the consensus;
- pv: the proces-verbaal as HTML and PDF, rendering what consensus computed;
- outcomes: the decisions through change_stage when the PV is frozen, and the next ranked passer for the offer;
- feedback: a failed candidate's request for the jury's feedback and HR's letter;
- matching: the matchgesprek with a reserve candidate, and a reserve candidate's temporary unavailability;
- rules: who may do what (django-rules predicates); mail_events: the jury's mails.

Its screens (the jurors' pages, the candidate's jury pages, HR's admin and the forms) are in `screens`.

Every write is a verb-first function with keyword-only arguments that raises JuryRefused with a message for the user.
"""

from django.utils.translation import gettext


class JuryRefused(Exception):
    """A jury action the rules do not allow; the message says why, for the user."""


class ItemsRefused(JuryRefused):
    """Some entries of a score sheet or a consensus were refused, and nothing was saved.

    `errors` maps each refused item's key to the reason; `fields` maps it to what the reason is about: VALUE
    (the score), NOTE (the evidence or the motivation), or None for an item the round does not score.
    """

    VALUE, NOTE = "value", "note"

    def __init__(self, errors, fields):
        self.errors, self.fields = errors, fields
        super().__init__(gettext("Niet opgeslagen: %(reasons)s") % {"reasons": " ".join(errors.values())})
