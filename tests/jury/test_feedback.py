"""Feedback for a failed candidate: asked in the portal within a month of hearing the result; HR's task with a
deadline; the letter drafted from the consensus reasons, edited by HR and sent through the outbox."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.dates import add_months
from communications.models import Mail
from communications.outbox import release_mails
from interviews.feedback import may_request_feedback, request_feedback, send_feedback_letter
from interviews.jury import JuryRefused
from interviews.models import FeedbackRequest
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(jury, hr):
    decide(jury)
    bert = jury[1][1].application
    bert.refresh_from_db()
    return bert


def test_the_portal_offers_feedback_only_once_the_fail_mail_is_released(failed, hr):
    candidate_client = client_for(failed.candidate.user)
    detail = reverse("candidates:detail", args=[failed.public_id])
    url = reverse("interviews:feedback", args=[failed.public_id])
    assert not may_request_feedback(failed)  # the outcome mail is still HR's draft
    assert url not in candidate_client.get(detail).content.decode()
    assert candidate_client.get(url).status_code == 404
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    assert url in candidate_client.get(detail).content.decode()

    response = candidate_client.post(url)
    assert response.status_code == 302
    feedback = FeedbackRequest.objects.get(application=failed)
    assert feedback.due_on == add_months(timezone.localdate(), 1)
    for line in ("Klantgerichtheid (2/5): Klantgerichtheid: de jury zag niveau 2.",
                 "Motivatie (2/5): Motivatie: de jury zag niveau 2."):
        assert line in feedback.letter
    hr_mail = Mail.objects.for_object(feedback).get(event="jury_feedback_requested")
    assert hr_mail.to == failed.procedure.contact_email and feedback.due_on.strftime("%d/%m/%Y") in hr_mail.subject
    # A second request is refused kindly; the page says it was asked.
    candidate_client.post(url)
    assert FeedbackRequest.objects.filter(application=failed).count() == 1
    assert "Je vroeg feedback" in candidate_client.get(url).content.decode()


def test_feedback_can_be_asked_within_a_month_of_being_told(failed, hr):
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    told = timezone.localdate()
    assert may_request_feedback(failed, today=add_months(told, 1) - timedelta(days=1))
    assert not may_request_feedback(failed, today=add_months(told, 1))
    with pytest.raises(JuryRefused, match="tot een maand"):
        request_feedback(failed, today=add_months(told, 1))


def test_hr_edits_and_sends_the_letter_once_through_the_outbox(failed, hr):
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    feedback = request_feedback(failed)
    letter = feedback.letter + "\n\nWe wensen je veel succes. <b>geen HTML</b>"
    send_feedback_letter(feedback, letter=letter, by=hr)
    mail = Mail.objects.for_object(failed).get(event="jury_feedback_letter")
    assert mail.state == Mail.State.QUEUED and mail.to == failed.candidate.email
    assert mail.body_text.startswith(f"Beste {failed.candidate.full_name},")
    assert "We wensen je veel succes." in mail.body_text and "&lt;b&gt;" in mail.body_html
    with pytest.raises(JuryRefused, match="al verstuurd"):
        send_feedback_letter(feedback, letter=letter, by=hr)
    with pytest.raises(JuryRefused, match="leeg"):
        send_feedback_letter(FeedbackRequest(pk=feedback.pk), letter="  ", by=hr)


def test_hr_sends_the_letter_from_the_back_office(failed, hr):
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    feedback = request_feedback(failed)
    client = client_for(hr)
    url = reverse("admin:interviews_feedbackrequest_change", args=[feedback.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Opslaan en de feedbackbrief versturen" in page.content.decode()
    response = client.post(url, {"letter": "Aangepaste brief van HR.", "_send_letter": "1"})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.sent_at is not None and feedback.sent_by == hr
    assert "Aangepaste brief van HR." in Mail.objects.for_object(failed).get(event="jury_feedback_letter").body_text
