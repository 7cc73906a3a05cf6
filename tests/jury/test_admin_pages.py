"""Every jury page of the back office opens for HR (lists and a filled-in object each), and none for a juror."""

import pytest
from django.urls import reverse

from interviews.jury.feedback import request_feedback
from interviews.models import Questionnaire, QuestionnaireItem
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(jury, hr):
    from communications.models import Mail
    from communications.outbox import release_mails

    jury_round = decide(jury)
    bert = jury[1][1].application
    release_mails(Mail.objects.for_object(bert).filter(event="jury_failed"), by=hr)
    feedback = request_feedback(bert)
    questionnaire = Questionnaire.objects.create(name="Werkstijl")
    QuestionnaireItem.objects.create(questionnaire=questionnaire, text="Ik werk graag samen.", trait="samenwerken")
    return {"procedures_vacancy": jury_round.vacancy.pk, "interviews_juryround": jury_round.pk,
            "interviews_jurycandidate": jury[1][0].pk, "interviews_questionnaire": questionnaire.pk,
            "interviews_vacancyproposal": jury_round.vacancy.proposals.get().pk,
            "interviews_feedbackrequest": feedback.pk}


def test_hr_opens_every_jury_page_and_a_juror_none(filled, hr, jury):
    pages = []
    for model, pk in filled.items():
        pages += [reverse(f"admin:{model}_changelist"), reverse(f"admin:{model}_change", args=[pk])]
    pages += [reverse("admin:interviews_matchinterview_changelist"), reverse("admin:interviews_matchinterview_add"),
              reverse("admin:interviews_questionnaire_add"), reverse("admin:procedures_vacancy_add"),
              reverse("admin:procedures_vacancy_start_round", args=[filled["procedures_vacancy"]]),
              reverse("admin:interviews_juryround_invite_external", args=[filled["interviews_juryround"]])]
    hr_client = client_for(hr)
    assert {url: hr_client.get(url).status_code for url in pages} == {url: 200 for url in pages}
    leader = client_for(jury[3].user)
    assert all(leader.get(url).status_code == 302 for url in pages)  # to the admin log-in: the admin is HR's
