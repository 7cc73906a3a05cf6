"""The personality questionnaire (persoonlijkheidsvragenlijst): filled in by the candidate in the portal before
the interview (HR's Likert items), or taken in an external tool whose completion and report HR records.

The jury reads the result: per trait the mean on the questionnaire's scale (reverse-scored items turned around),
or the external report.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from candidates.stages import Stage
from interviews.jury import JuryRefused
from interviews.models import JuryCandidate, QuestionnaireResponse

REPORT_MAX_BYTES = 10 * 1024 * 1024


class AnswersRefused(JuryRefused):
    def __init__(self, errors):
        self.errors = errors  # item id -> reason
        super().__init__(gettext("Nog niet alle stellingen zijn beantwoord."))


@dataclass(frozen=True)
class TraitResult:
    trait: str
    mean: Fraction
    items: int

    @property
    def mean_display(self):
        return f"{float(self.mean):.1f}".replace(".", ",")


def portal_questionnaire(jury_candidate):
    """The questionnaire the candidate fills in, or None (none configured, or no longer invited)."""
    jury_round = jury_candidate.round
    if jury_round.questionnaire_id is None or not jury_round.is_open:
        return None
    if jury_candidate.application.stage != Stage.JURY_INVITED:
        return None
    return jury_round.questionnaire


def submit_answers(jury_candidate, *, answers):
    """Store the candidate's answers (item id -> value): every item answered on the scale, once."""
    questionnaire = portal_questionnaire(jury_candidate)
    if questionnaire is None:
        raise JuryRefused(gettext("Er is (nu) geen vragenlijst voor jou in te vullen."))
    items = list(questionnaire.items.all())
    errors, clean = {}, {}
    for item in items:
        value = answers.get(item.pk)
        if value is None or not (questionnaire.scale_min <= value <= questionnaire.scale_max):
            errors[item.pk] = gettext("Kies een antwoord van %(min)s tot %(max)s.") % {
                "min": questionnaire.scale_min, "max": questionnaire.scale_max}
        else:
            clean[str(item.pk)] = value
    if errors:
        raise AnswersRefused(errors)
    with transaction.atomic():
        JuryCandidate.objects.select_for_update().get(pk=jury_candidate.pk)
        response, _ = QuestionnaireResponse.objects.get_or_create(jury_candidate=jury_candidate)
        if response.submitted_at is not None:
            raise JuryRefused(gettext("Je vulde de vragenlijst al in. Je antwoorden liggen vast."))
        response.answers, response.submitted_at = clean, timezone.now()
        response.save(update_fields=["answers", "submitted_at"])
    return response


def record_external_result(jury_candidate, *, tool, completed_on, report=None, by):
    """HR records that the candidate took an external questionnaire, with its report (a PDF) for the jury."""
    tool = (tool or "").strip()
    if not tool or completed_on is None:
        raise JuryRefused(gettext("Geef het instrument en de datum waarop de kandidaat de vragenlijst invulde."))
    if completed_on > timezone.localdate():
        raise JuryRefused(gettext("De datum van invullen ligt in de toekomst."))
    if report is not None:
        if report.size > REPORT_MAX_BYTES:
            raise JuryRefused(gettext("Het rapport is te groot (hoogstens 10 MB)."))
        head = report.read(5)
        report.seek(0)
        if head != b"%PDF-":
            raise JuryRefused(gettext("Het rapport moet een pdf zijn."))
    with transaction.atomic():
        response, _ = QuestionnaireResponse.objects.select_for_update().get_or_create(jury_candidate=jury_candidate)
        response.external_tool, response.completed_on, response.recorded_by = tool, completed_on, by
        if report is not None:
            response.report.save("rapport.pdf", report, save=False)
            response.report_name = (getattr(report, "name", "") or "rapport.pdf")[:200]
        response.save()
    return response


def trait_results(response, questionnaire):
    """Per trait the mean answer on the scale, reverse-scored items turned around; in the items' order."""
    if response is None or response.submitted_at is None or questionnaire is None:
        return []
    totals = {}
    for item in questionnaire.items.all():
        value = response.answers.get(str(item.pk))
        if value is None:
            continue
        if item.reverse_scored:
            value = questionnaire.scale_min + questionnaire.scale_max - value
        total, count = totals.get(item.trait, (0, 0))
        totals[item.trait] = (total + value, count + 1)
    return [TraitResult(trait, Fraction(total, count), count) for trait, (total, count) in totals.items()]
