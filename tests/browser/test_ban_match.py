"""In real Chromium: HR finds an application flagged as a likely banned person through the list filter, reads the
ban's dates and reason on its page and admits it with a reason. Every state has 0 axe violations."""

from datetime import date

import pytest
from playwright.sync_api import expect

from candidates.answers import Answers
from candidates.applying import submit_application
from candidates.models import Application, BanMatch, Document
from candidates.stages import Stage
from candidates.transitions import change_stage
from tests.browser.conftest import login
from tests.browser.test_take_in_and_documents import check, page, vacancy  # noqa: F401 (fixtures)
from tests.factories import ApplicationFactory, CandidateFactory, ProcedureFactory, UserFactory, hr_user
from tests.portal.test_applying import PERSON, proof

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_finds_decides_and_admits_a_likely_banned_person_with_a_reason(page, vacancy):  # noqa: F811
    hr = hr_user(username="selectie")
    earlier = ProcedureFactory(function=vacancy.function, status="closed", slug="vorige-ronde", title="Vorige ronde")
    failed = ApplicationFactory(procedure=earlier, candidate=CandidateFactory(
        first_name="Ann", last_name="Peeters", birth_date=date(1995, 5, 17),
        user=UserFactory(username="ann", email="ann@example.org")))
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(failed, to=stage, by=hr)
    # Ann again, under a new address and account: the same name and birth date.
    flagged = submit_application(vacancy, user=UserFactory(username="ann2", email="a.peeters@telenet.be"),
                                 personal=PERSON, documents={Document.Kind.DIPLOMA: proof()},
                                 answers=Answers(diploma=vacancy.diplomas.first(), privacy_acknowledged=True))
    assert BanMatch.objects.filter(application=flagged).exists()

    login(page, hr)
    page.goto("/admin/candidates/application/?mogelijk_uitgesloten=te-beslissen")
    expect(page.locator("#result_list")).to_contain_text("Ann Peeters")
    check(page, "ban-match-list", labelled=None)
    page.goto(f"/admin/candidates/application/{flagged.pk}/change/")
    box = page.locator("#ban-match")
    expect(box).to_contain_text("Mogelijk uitgesloten")
    expect(box).to_contain_text("dezelfde naam en geboortedatum")
    expect(box).to_contain_text("na: niet geslaagd kennismakingsinterview")
    check(page, "ban-match-page", labelled=None)

    form = page.locator("#stage-action-mark_eligible")
    form.get_by_label("Motivering").fill("Andere persoon: andere geboorteplaats op het diploma.")
    form.get_by_role("button", name="Screening: toegelaten").click()
    expect(page.locator(".messagelist")).to_contain_text("staat nu op ‘toegelaten’")
    expect(page.locator("#ban-match")).to_contain_text("Toch toegelaten op")
    check(page, "ban-match-admitted", labelled=None)
    assert Application.objects.get(pk=flagged.pk).stage == Stage.ELIGIBLE
