"""The candidate's jury pieces on the portal: the personality questionnaire, the case document, asking for
feedback, and a reserve candidate's temporary unavailability. Only the owner; anyone else gets a 404."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates.disclosure import shown_stage
from candidates.portal.access import candidate_page, own_application_or_404
from candidates.stages import Stage
from candidates.uploads import attachment_response
from interviews.jury import JuryRefused
from interviews.jury.feedback import may_request_feedback, request_deadline, request_feedback
from interviews.jury.matching import cancel_unavailability, current_unavailabilities, mark_unavailable
from interviews.jury.questionnaire import AnswersRefused, portal_questionnaire, submit_answers
from interviews.jury.scheduling import describe_interview, place_text
from interviews.jury.screens.forms import QuestionnaireForm, UnavailabilityForm
from interviews.models import FeedbackRequest, JuryCandidate, QuestionnaireResponse, ReserveUnavailability


def _detail(application):
    return redirect("candidates:detail", public_id=application.public_id)


def current_jury_candidate(application):
    """The application's place in its latest jury round, or None."""
    return (JuryCandidate.objects.filter(application=application)
            .select_related("round__questionnaire", "round__vacancy__team").order_by("-round__created_at").first())


@candidate_page
@require_http_methods(["GET", "POST"])
def questionnaire(request, public_id):
    application = own_application_or_404(request.user, public_id)
    jury_candidate = current_jury_candidate(application)
    the_questionnaire = portal_questionnaire(jury_candidate) if jury_candidate else None
    if the_questionnaire is None:
        raise Http404
    response = QuestionnaireResponse.objects.filter(jury_candidate=jury_candidate).first()
    done = bool(response and response.submitted_at)
    form = QuestionnaireForm(request.POST or None, questionnaire=the_questionnaire)
    status = 200
    if request.method == "POST" and not done:
        if form.is_valid():
            try:
                submit_answers(jury_candidate, answers=form.answers())
            except AnswersRefused as refusal:
                for pk, reason in refusal.errors.items():
                    form.add_error(f"item_{pk}", reason)
                status = 400
            except JuryRefused as refusal:
                messages.error(request, str(refusal))
                return _detail(application)
            else:
                messages.success(request, _("Bedankt, je antwoorden zijn opgeslagen. De jury leest het resultaat."))
                return _detail(application)
        else:
            status = 400
    return render(request, "interviews/jury/questionnaire.html", {
        "application": application, "questionnaire": the_questionnaire, "form": form, "done": done,
        "response": response}, status=status)


@candidate_page
@require_GET
def case_document(request, public_id):
    """The case to prepare, from the moment it was mailed until the interview round is decided."""
    application = own_application_or_404(request.user, public_id)
    jury_candidate = current_jury_candidate(application)
    if (jury_candidate is None or jury_candidate.case_sent_at is None or not jury_candidate.round.case_document
            or shown_stage(application) != Stage.JURY_INVITED):  # an outcome HR has not released changes nothing
        raise Http404
    jury_round = jury_candidate.round
    return attachment_response(_CaseDocument(jury_round))


class _CaseDocument:
    """The case file in the shape attachment_response() serves (a Document's fields)."""

    def __init__(self, jury_round):
        self.file = jury_round.case_document
        self.original_name = jury_round.case_document_name or "case.pdf"
        self.content_type = "application/pdf" if self.original_name.lower().endswith(".pdf") else \
            "application/octet-stream"


@candidate_page
@require_http_methods(["GET", "POST"])
def feedback(request, public_id):
    application = own_application_or_404(request.user, public_id)
    existing = FeedbackRequest.objects.filter(application=application).first()
    if existing is None and not may_request_feedback(application):
        raise Http404
    if request.method == "POST" and existing is None:
        try:
            existing = request_feedback(application)
        except JuryRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Je vraag om feedback is doorgegeven. Je krijgt de feedback per mail."))
        return _detail(application)
    deadline = request_deadline(application)
    return render(request, "interviews/jury/feedback_request.html", {
        "application": application, "existing": existing,
        "last_day": deadline - timedelta(days=1) if deadline else None})


@candidate_page
@require_http_methods(["GET", "POST"])
def availability(request, public_id):
    application = own_application_or_404(request.user, public_id)
    if shown_stage(application) != Stage.RESERVE:  # a reserve place HR has not released yet is not there for them
        raise Http404
    form = UnavailabilityForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                mark_unavailable(application, **form.cleaned_data)
            except JuryRefused as refusal:
                form.add_error(None, str(refusal))
                status = 400
            else:
                messages.success(request, _("We noteerden dat je tijdelijk niet beschikbaar bent. Je plaats in de "
                                            "wervingsreserve blijft even lang geldig."))
                return redirect(reverse("interviews:reserve_availability", args=[application.public_id]))
        else:
            status = 400
    return render(request, "interviews/jury/availability.html", {
        "application": application, "form": form, "periods": current_unavailabilities(application)},
        status=status)


@candidate_page
@require_POST
def availability_cancel(request, public_id, pk):
    application = own_application_or_404(request.user, public_id)
    period = ReserveUnavailability.objects.filter(pk=pk, application=application).first()
    if period is None:
        raise Http404
    cancel_unavailability(period)
    messages.success(request, _("Die periode is geschrapt: je bent opnieuw beschikbaar."))
    return redirect(reverse("interviews:reserve_availability", args=[application.public_id]))


def portal_actions(request, application):
    """The jury's block on the candidate's application page (registered in InterviewsConfig.ready): the interview's
    date, the questionnaire, the case, asking for feedback, and a reserve candidate's unavailability. What is offered
    follows the stage the candidate has been told (never ahead of a held outcome mail)."""
    stage = shown_stage(application)
    actions = {"application": application}
    if stage == Stage.JURY_INVITED and application.stage == Stage.JURY_INVITED:
        jury_candidate = (JuryCandidate.objects.filter(application=application)
                          .select_related("round__questionnaire").order_by("-round__created_at").first())
        if jury_candidate is not None:
            language = getattr(request, "LANGUAGE_CODE", None) or "nl-be"
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
    return render_to_string("interviews/jury/_candidate_actions.html", actions, request=request)
