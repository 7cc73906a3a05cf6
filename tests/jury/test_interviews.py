"""Before the interview: the schedule and its calendar invitation, the case mailed N days before by an
idempotent job, the personality questionnaire in the portal or from an external tool, and HR's back office."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidates.stages import Stage
from communications.models import Mail
from interviews.jury import JuryRefused
from interviews.jury.questionnaire import AnswersRefused, record_external_result, submit_answers, trait_results
from interviews.jury.rounds import mark_absent
from interviews.jury.scheduling import schedule_interview, send_case_documents
from interviews.models import JuryCandidate, JuryRound, Questionnaire, QuestionnaireItem
from tests.jury.helpers import compose_jury, in_future, make_vacancy, open_round, waitlisted
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


def test_scheduling_mails_the_invitation_and_a_move_updates_the_same_calendar_entry(jury, hr):
    _round, (ann, _bert), *_ = jury
    starts, ends = in_future(days=10)
    schedule_interview(ann, starts_at=starts, ends_at=ends, location="Stadhuis", meeting_url="", by=hr)
    schedule_interview(ann, starts_at=starts + timedelta(days=1), ends_at=ends + timedelta(days=1),
                       location="", meeting_url="https://teams.example/jury", by=hr)
    first, moved = Mail.objects.for_object(ann.application).filter(event="jury_interview_scheduled").order_by("id")
    uid = f"UID:jury-{ann.uid}@kortrijk-ats"
    assert uid in first.calendar and uid in moved.calendar
    assert "SEQUENCE:0" in first.calendar and "SEQUENCE:1" in moved.calendar
    assert "https://teams.example/jury" in moved.body_text and "Er is geen werkcase" in moved.body_text


@pytest.mark.parametrize(("starts", "ends", "place", "message"), [
    (1, 0, "Stadhuis", "einde ligt na het begin"),
    (-2, -1, "Stadhuis", "in de toekomst"),
    (1, 2, "", "plaats of een link"),
])
def test_a_schedule_without_place_in_the_past_or_ending_first_is_refused(jury, starts, ends, place, message):
    ann = jury[1][0]
    now = timezone.now()
    with pytest.raises(JuryRefused, match=message):
        schedule_interview(ann, starts_at=now + timedelta(days=starts), ends_at=now + timedelta(days=ends),
                           location=place)
    assert not Mail.objects.filter(event="jury_interview_scheduled").exists()


def test_the_case_to_prepare_is_mailed_n_days_before_once(procedure, hr, settings):
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    vacancy = make_vacancy(procedure)
    from interviews.jury.rounds import start_jury_round

    jury_round = start_jury_round(vacancy, by=hr, work_case=JuryRound.WorkCase.PREPARE, case_title="Huisbezoek",
                                  case_days_before=3)
    jury_round.case_document.save("case", io.BytesIO(b"%PDF-1.4 case"), save=False)
    jury_round.case_document_name = "case-huisbezoek.pdf"
    jury_round.save()
    ann = jury_round.candidates.get()
    invitation = Mail.objects.for_object(ann.application).get(event="jury_invitation")
    assert "3 dagen voor je gesprek" in invitation.body_text
    starts = timezone.now() + timedelta(days=5)
    schedule_interview(ann, starts_at=starts, ends_at=starts + timedelta(hours=1), location="Stadhuis")

    assert send_case_documents(now=starts - timedelta(days=3, minutes=1)) == 0  # not yet
    assert send_case_documents(now=starts - timedelta(days=3)) == 1
    assert send_case_documents(now=starts - timedelta(days=2)) == 0  # once
    mail = Mail.objects.for_object(ann.application).get(event="jury_case_document")
    assert "Huisbezoek" in mail.body_text and f"/mijn-kandidaturen/{ann.application.public_id}/case/" in mail.body_text
    client = client_for(ann.application.candidate.user)
    response = client.get(reverse("interviews:case_document", args=[ann.application.public_id]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 case"
    other = waitlisted(procedure)
    assert client_for(other.candidate.user).get(
        reverse("interviews:case_document", args=[ann.application.public_id])).status_code == 404


def test_the_candidate_fills_in_the_questionnaire_in_the_portal_and_the_jury_reads_the_result(procedure, hr):
    questionnaire = Questionnaire.objects.create(name="Werkstijl")
    calm = QuestionnaireItem.objects.create(questionnaire=questionnaire, position=1, trait="stressbestendigheid",
                                            text="Ik blijf rustig als het druk wordt.")
    nervous = QuestionnaireItem.objects.create(questionnaire=questionnaire, position=2, reverse_scored=True,
                                               trait="stressbestendigheid", text="Drukte maakt me nerveus.")
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    jury_round = open_round(procedure, questionnaire=questionnaire)
    _chair, leader, _external = compose_jury(jury_round)
    jc = jury_round.candidates.get()
    client = client_for(ann.candidate.user)
    url = reverse("interviews:questionnaire", args=[ann.public_id])
    assert url in client.get(reverse("candidates:detail", args=[ann.public_id])).content.decode()
    incomplete = client.post(url, {f"item_{calm.pk}": "4"})
    assert incomplete.status_code == 400 and "Kies een antwoord." in incomplete.content.decode()
    assert client.post(url, {f"item_{calm.pk}": "4", f"item_{nervous.pk}": "2"}).status_code == 302
    with pytest.raises(JuryRefused, match="al in"):
        submit_answers(jc, answers={calm.pk: 1, nervous.pk: 1})
    (result,) = trait_results(jc.questionnaire_response, questionnaire)
    assert (result.trait, result.mean) == ("stressbestendigheid", 4)  # 4 and (1 + 5 - 2) = 4
    page = client_for(leader.user).get(reverse("interviews:jury_candidate", args=[jury_round.pk, jc.uid]))
    assert "stressbestendigheid" in page.content.decode() and "4,0" in page.content.decode()
    with pytest.raises(AnswersRefused):
        submit_answers(jury_round.candidates.get(), answers={calm.pk: 9})


def test_hr_records_an_external_questionnaire_with_its_report(jury, hr):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    with pytest.raises(JuryRefused, match="pdf"):
        record_external_result(ann, tool="Extern instrument", completed_on=timezone.localdate(),
                               report=SimpleUploadedFile("r.pdf", b"<html>"), by=hr)
    client = client_for(hr)
    url = reverse("admin:interviews_jurycandidate_change", args=[ann.pk])
    response = client.post(url, {"external_tool": "Persoonlijkheidstest X", "completed_on": "",
                                 "starts_at_0": "", "starts_at_1": "", "ends_at_0": "", "ends_at_1": "",
                                 "location": "", "meeting_url": ""})
    assert response.status_code == 200 and "instrument en de datum" in response.content.decode()
    response = client.post(url, {"external_tool": "Persoonlijkheidstest X",
                                 "completed_on": timezone.localdate().isoformat(),
                                 "report": SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 rapport"),
                                 "starts_at_0": "", "starts_at_1": "", "ends_at_0": "", "ends_at_1": "",
                                 "location": "", "meeting_url": ""})
    assert response.status_code == 302
    page = client_for(leader.user).get(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid]))
    assert "Persoonlijkheidstest X" in page.content.decode()
    report = client_for(leader.user).get(reverse("interviews:jury_questionnaire_report",
                                                 args=[jury_round.pk, ann.uid]))
    assert b"".join(report.streaming_content) == b"%PDF-1.4 rapport"


def test_hr_schedules_from_the_back_office_and_a_refusal_is_shown_not_a_500(jury, hr):
    _round, (ann, _bert), *_ = jury
    client = client_for(hr)
    url = reverse("admin:interviews_jurycandidate_change", args=[ann.pk])
    day = (timezone.localdate() + timedelta(days=9)).isoformat()
    refused = client.post(url, {"starts_at_0": day, "starts_at_1": "10:00", "ends_at_0": day, "ends_at_1": "11:00",
                                "location": "", "meeting_url": ""})
    assert refused.status_code == 200 and "plaats of een link" in refused.content.decode()
    done = client.post(url, {"starts_at_0": day, "starts_at_1": "10:00", "ends_at_0": day, "ends_at_1": "11:00",
                             "location": "Stadhuis, zaal 2", "meeting_url": ""})
    assert done.status_code == 302
    ann.refresh_from_db()
    assert ann.location == "Stadhuis, zaal 2" and ann.scheduled_at is not None
    assert Mail.objects.for_object(ann.application).filter(event="jury_interview_scheduled").count() == 1


def test_hr_starts_a_round_from_the_vacancy_and_invites_an_external_expert(procedure, hr):
    waitlisted(procedure, first_name="Ann", last_name="Aerts")
    waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    vacancy = make_vacancy(procedure)
    client = client_for(hr)
    response = client.post(reverse("admin:procedures_vacancy_start_round", args=[vacancy.pk]), {
        "scale_min": 1, "scale_max": 5, "pass_part_percent": 50, "pass_total_percent": 60, "work_case": "none",
        "case_days_before": 3})
    jury_round = JuryRound.objects.get(vacancy=vacancy)
    assert response.status_code == 302 and jury_round.candidates.count() == 2
    again = client.post(reverse("admin:procedures_vacancy_start_round", args=[vacancy.pk]), {
        "scale_min": 1, "scale_max": 5, "pass_part_percent": 50, "pass_total_percent": 60, "work_case": "none",
        "case_days_before": 3})
    assert again.status_code == 200 and "al een lopende juryronde" in again.content.decode()
    response = client.post(reverse("admin:interviews_juryround_invite_external", args=[jury_round.pk]),
                           {"email": "Expert@Example.org", "first_name": "Eva", "last_name": "Claeys"})
    assert response.status_code == 302
    mail = Mail.objects.get(event="juror_invitation")
    assert mail.to == "expert@example.org" and "enkel tot de ronde afgesloten is" in mail.body_text
    page = client.get(reverse("admin:interviews_juryround_change", args=[jury_round.pk])).content.decode()
    assert "Eva Claeys" in page or "expert@example.org" in page


def test_an_absent_candidate_goes_back_to_the_waitlist(jury, hr):
    _round, (ann, _bert), *_ = jury
    mark_absent(ann, by=hr)
    ann.refresh_from_db()
    ann.application.refresh_from_db()
    assert ann.decision == JuryCandidate.Decision.ABSENT and ann.application.stage == Stage.WAITLIST
    assert ann.application.pool_entries.active().count() == 1  # the original place and its validity


def test_the_candidates_jury_pages_speak_english_too(procedure, settings):
    from interviews.models import Questionnaire, QuestionnaireItem

    questionnaire = Questionnaire.objects.create(name="Werkstijl")
    QuestionnaireItem.objects.create(questionnaire=questionnaire, text="Ik werk graag samen.", trait="samenwerken")
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    open_round(procedure, questionnaire=questionnaire)
    client = client_for(ann.candidate.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    detail = client.get(reverse("candidates:detail", args=[ann.public_id])).content.decode()
    assert "Fill in the personality questionnaire" in detail
    page = client.get(reverse("interviews:questionnaire", args=[ann.public_id])).content.decode()
    assert "Send answers" in page and "There are no right or wrong answers." in page
