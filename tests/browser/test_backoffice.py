"""HR screens applications in real Chromium: log in, filter, select, bulk decision with its confirmation and
reason, the report, then the application page with its timeline and the release of the held mails."""

import pytest
from playwright.sync_api import expect

from candidates.models import Transition
from candidates.stages import Stage
from communications.models import Mail
from tests.browser.conftest import shoot
from tests.factories import ApplicationFactory, CandidateFactory, hr_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_screens_in_bulk_and_releases_the_mail(page, procedure, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    hr = hr_user(username="selectie")
    people = [("Jan", "Peeters"), ("Lies", "Maes"), ("Tom", "Claes")]
    applications = [ApplicationFactory(procedure=procedure, candidate=CandidateFactory(
        first_name=first, last_name=last, email=f"{first.lower()}@example.org")) for first, last in people]

    page.goto("/admin/login/?next=/admin/candidates/application/")
    page.get_by_label("Gebruikersnaam").fill("selectie")
    page.get_by_label("Wachtwoord").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Aanmelden").click()
    # Staff set up their second factor first: the secret as the page shows it, the code an app would show.
    from tests.auth import code_for

    page.get_by_label("Code uit je authenticator-app").fill(code_for(page.locator(".otp-secret").inner_text()))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("link", name="screening diploma").click()  # the stage filter
    shoot(page, "backoffice-applications-list")

    for name in ("Jan Peeters", "Lies Maes"):
        page.get_by_role("row", name=name).get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Actie").select_option(label="Screening: niet toegelaten")
    page.get_by_role("button", name="Uitvoeren").click()
    expect(page.locator("#selection-count")).to_contain_text("toe op 2 kandidaturen")

    page.get_by_role("button", name="Ja, bevestigen").click()  # without the reason
    expect(page.get_by_text("Vul een motivering in")).to_be_visible()
    shoot(page, "backoffice-bulk-confirmation-error")
    page.get_by_label("Motivering").fill("Je diploma geeft geen toegang tot deze functie.")
    page.get_by_role("button", name="Ja, bevestigen").click()
    expect(page.get_by_text("2 kandidaturen staan nu op ‘niet toegelaten’.")).to_be_visible()
    shoot(page, "backoffice-bulk-report")

    jan, lies, tom = applications
    assert set(Transition.objects.values_list("application", "actor", "to_stage")) == {
        (jan.pk, hr.pk, Stage.NOT_ELIGIBLE), (lies.pk, hr.pk, Stage.NOT_ELIGIBLE)}
    tom.refresh_from_db()
    assert tom.stage == Stage.SCREENING

    page.goto(f"/admin/candidates/application/{jan.pk}/change/")
    expect(page.locator("#timeline")).to_contain_text("screening diploma → niet toegelaten")
    page.get_by_role("button", name="Mails vrijgeven").click()
    expect(page.get_by_text("1 mail vrijgegeven voor verzending.")).to_be_visible()
    shoot(page, "backoffice-application-page")
    assert Mail.objects.for_object(jan).get().state in (Mail.State.QUEUED, Mail.State.SENDING, Mail.State.SENT)
    assert Mail.objects.for_object(lies).get().state == Mail.State.DRAFT
