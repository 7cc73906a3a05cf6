"""Feedback for a failed candidate: asked in the portal once the result is told, at any time unless HR set a period
(the bundle sets none); HR's task with a deadline; the letter drafted from the consensus reasons, edited by HR and
sent through the outbox."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.mail_events import JURY_FAILED
from communications.models import Mail
from communications.outbox import release_mails
from interviews.jury import JuryRefused
from interviews.jury.feedback import may_request_feedback, request_feedback, send_feedback_letter
from interviews.models import FeedbackRequest
from kortrijk_ats.dates import add_months
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
    # HR's answer deadline (a month, good practice) is HR's own: the bundle promises the candidate no term.
    assert "per mail" in candidate_client.get(url).content.decode()
    assert "binnen een maand" not in candidate_client.get(url).content.decode()

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
    asked = candidate_client.get(url).content.decode()
    assert "Je vroeg feedback" in asked
    for page in (asked, candidate_client.get(detail).content.decode()):
        assert "Je krijgt ze per mail." in page
        assert "ten laatste" not in page and feedback.due_on.strftime("%d/%m/%Y") not in page


def test_the_fail_mail_says_the_bundles_whole_option_3(failed):
    mail = Mail.objects.for_object(failed).get(event="jury_failed")
    assert ("De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad Kortrijk "
            "of dat je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je hierover feedback "
            "van de jury opvragen via ") in mail.body_text
    assert ("The jury found that your competencies do not sufficiently match the vacancies within the city of "
            "Kortrijk, or that your motivation does not fit the values of the organisation. You may of course ask the "
            "jury for feedback at {{ portal_url }}") in JURY_FAILED.body["en"]


def test_feedback_can_be_asked_any_time_when_hr_set_no_period(failed, hr):
    assert failed.procedure.function.feedback_request_months is None  # the bundle sets no limit
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    much_later = add_months(timezone.localdate(), 13)
    assert may_request_feedback(failed, today=much_later)
    page = client_for(failed.candidate.user).get(reverse("interviews:feedback", args=[failed.public_id]))
    assert "Ja, ik vraag feedback" in page.content.decode() and "tot en met" not in page.content.decode()
    feedback = request_feedback(failed, today=much_later)
    assert feedback.due_on == add_months(much_later, 1)  # HR's month to answer stays


def test_feedback_is_refused_after_the_period_hr_set(failed, hr):
    function = failed.procedure.function
    function.feedback_request_months = 2
    function.save()
    release_mails(Mail.objects.for_object(failed).filter(event="jury_failed"), by=hr)
    told = timezone.localdate()
    last_day = add_months(told, 2) - timedelta(days=1)
    assert may_request_feedback(failed, today=last_day)
    assert not may_request_feedback(failed, today=add_months(told, 2))
    page = client_for(failed.candidate.user).get(reverse("interviews:feedback", args=[failed.public_id]))
    assert f"Je kan feedback vragen tot en met {last_day:%d/%m/%Y}." in page.content.decode()
    with pytest.raises(JuryRefused, match=f"kon tot 2 maanden .* tot en met {last_day:%d/%m/%Y}"):
        request_feedback(failed, today=add_months(told, 2))
    assert not FeedbackRequest.objects.filter(application=failed).exists()


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
