"""The candidate's jury actions on their application page (the action_feedback block of application_detail.html):
the interview's date, the questionnaire, the case, asking for feedback, and a reserve candidate's unavailability.
What is offered follows the stage the candidate has been told (never ahead of a held outcome mail)."""

from django import template

from candidates.disclosure import shown_stage
from candidates.stages import Stage
from interviews.jury.feedback import may_request_feedback
from interviews.jury.questionnaire import portal_questionnaire
from interviews.jury.scheduling import describe_interview, place_text
from interviews.models import FeedbackRequest, JuryCandidate, QuestionnaireResponse

register = template.Library()


@register.inclusion_tag("interviews/jury/_candidate_actions.html", takes_context=True)
def jury_actions(context, application):
    stage = shown_stage(application)
    actions = {"application": application, "request": context.get("request")}
    if stage == Stage.JURY_INVITED and application.stage == Stage.JURY_INVITED:
        jury_candidate = (JuryCandidate.objects.filter(application=application)
                          .select_related("round__questionnaire").order_by("-round__created_at").first())
        if jury_candidate is not None:
            language = getattr(context.get("request"), "LANGUAGE_CODE", None) or "nl-be"
            if jury_candidate.starts_at:
                actions["interview"] = (*describe_interview(jury_candidate.starts_at, jury_candidate.ends_at,
                                                            language=language),
                                        place_text(jury_candidate.location, jury_candidate.meeting_url))
            if portal_questionnaire(jury_candidate) is not None:
                response = QuestionnaireResponse.objects.filter(jury_candidate=jury_candidate).first()
                actions["questionnaire_done"] = bool(response and response.submitted_at)
                actions["questionnaire"] = True
            actions["case"] = bool(jury_candidate.case_sent_at and jury_candidate.round.case_document)
    elif stage == Stage.JURY_FAILED:
        actions["feedback"] = FeedbackRequest.objects.filter(application=application).first()
        actions["may_ask_feedback"] = actions["feedback"] is None and may_request_feedback(application)
    elif stage == Stage.RESERVE and application.stage == Stage.RESERVE:
        actions["reserve"] = True
    return actions
