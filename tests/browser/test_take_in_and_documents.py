"""In real Chromium: HR enters a paper application in the back office, and a candidate in screening sends a better
copy of their diploma from the portal, by keyboard alone. Every new or changed page has 0 axe violations."""

import re
from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import Application, Document, DocumentChange
from communications.models import Mail
from tests.browser.conftest import login
from tests.browser.staff import check_state, recording_page_fixture
from tests.browser.test_apply import candidate_user, choose_file_with_keyboard, tab_to
from tests.browser.test_public_pages import UNLABELLED_CONTROLS_JS
from tests.factories import ApplicationFactory, CandidateFactory, UserFactory, hr_user
from tests.portal.files import JPEG, PDF, PNG
from tests.portal_public.vacancy import make_vacancy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def vacancy(db):
    make_vacancy(applications_close_on=None)
    return Application._meta.get_field("procedure").related_model.objects.get(slug="maatschappelijk-werker")


@pytest.fixture
def files(tmp_path):
    scans = {"pdf": tmp_path / "diploma Mieke.pdf", "jpeg": tmp_path / "diploma-scan.jpg",
             "png": tmp_path / "diploma-foto.png"}
    scans["pdf"].write_bytes(PDF)
    scans["jpeg"].write_bytes(JPEG)
    scans["png"].write_bytes(PNG)
    return scans


page = recording_page_fixture()


def check(page, name, *, labelled="body"):
    """Screenshot, no CSP error, 0 axe violations, and a visible label on every control inside `labelled` (the
    admin's own navigation filter has only an aria-label; axe checks that one)."""
    check_state(page, shot=f"take-in-{name}", label=name)
    if labelled:
        unlabelled = page.evaluate(UNLABELLED_CONTROLS_JS.replace("document.querySelectorAll(",
                                                                  f"document.querySelector('{labelled}').querySelectorAll("))
        assert not unlabelled, f"{name}: fields without a visible label: {unlabelled}"


def fill_in_mieke(page, diploma_copy):
    """HR types Mieke Desmet's data from her paper form and adds the scan of her diploma."""
    for label, value in (("Voornaam", "Mieke"), ("Achternaam", "Desmet"), ("Telefoonnummer", "056 27 80 00"),
                         ("Straat en huisnummer", "Grote Markt 54"), ("Postcode", "8500"), ("Gemeente", "Kortrijk"),
                         ("Geboortedatum", "17/05/1995")):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Diploma", exact=True).select_option(label="Master in het sociaal werk")
    page.get_by_label("Kopie van het diploma (ingescand)").set_input_files(diploma_copy)


def test_hr_enters_a_paper_application(page, vacancy, files):
    hr = login(page, hr_user(username="selectie"))
    page.goto("/admin/candidates/application/")
    check(page, "application-list", labelled=None)
    page.get_by_role("link", name="Kandidatuur invoeren (papier, e-mail, loket)").click()
    expect(page.get_by_role("heading", name="Voor welke procedure?")).to_be_visible()
    check(page, "choose-procedure", labelled=None)
    page.get_by_role("link", name="Maatschappelijk werker (B1-B3)").click()
    expect(page.get_by_role("heading", name="Hoe kwam de kandidatuur binnen?")).to_be_visible()
    check(page, "form-empty", labelled="#take-in-form")

    # Sent without the privacy confirmation and with a file of the wrong type: explained, nothing saved.
    page.get_by_label("papier", exact=True).check()
    page.get_by_label("E-mailadres van de kandidaat").fill("mieke.desmet@example.org")
    fill_in_mieke(page, files["pdf"])
    page.get_by_role("button", name="Kandidatuur invoeren").click()
    errors = page.locator("#take-in-errors")
    expect(errors).to_contain_text("Bevestig dat de kandidaat de privacyverklaring kreeg")
    expect(page.get_by_text("Het bestand ‘diploma Mieke.pdf’ is bewaard.")).to_be_visible()
    assert page.get_by_label("Gemeente", exact=True).input_value() == "Kortrijk"
    assert not Application.objects.exists()
    check(page, "form-with-errors", labelled="#take-in-form")

    page.get_by_label(re.compile("De kandidaat kreeg de privacyverklaring")).check()
    page.get_by_role("button", name="Kandidatuur invoeren").click()
    expect(page.locator(".messagelist")).to_contain_text("De kandidatuur van Mieke Desmet is ingevoerd")
    application = Application.objects.get()
    assert (application.channel, application.entered_by) == ("paper", hr)
    assert application.documents.get().original_name == "diploma Mieke.pdf"
    assert sorted(Mail.objects.values_list("event", flat=True)) == ["application_received", "portal_invitation"]
    expect(page.locator("#timeline")).to_contain_text("Kandidatuur ontvangen via papier")
    expect(page.locator("#timeline")).to_contain_text("ingevoerd door selectie")
    check(page, "application-page", labelled=None)


def test_hr_enters_a_letter_that_arrived_before_the_procedure_closed(page, files):
    # The periodic job closed the round three days ago; the letter came the day before its last day. HR first types
    # the address of someone else: the form says whose it is, and nothing is stored.
    today = timezone.localdate()
    last_day = today - timedelta(days=3)
    make_vacancy(applications_open_from=today - timedelta(days=30), applications_close_on=last_day, status="closed")
    jonas = UserFactory(username="jonas", email="jonas.verhaeghe@example.org")
    EmailAddress.objects.create(user=jonas, email=jonas.email, primary=True, verified=True)
    CandidateFactory(user=jonas, email=jonas.email, first_name="Jonas", last_name="Verhaeghe",
                     birth_date=date(1988, 11, 2))
    login(page, hr_user(username="selectie"))
    page.goto("/admin/candidates/application/invoeren/")
    expect(page.locator("#take-in-none")).to_be_visible()
    check(page, "choose-closed-procedure", labelled=None)
    page.locator("#take-in-closed-procedures").get_by_role("link", name="Maatschappelijk werker (B1-B3)").click()
    expect(page.locator("#take-in-closed")).to_contain_text(f"afgesloten voor kandidaturen na {last_day:%d/%m/%Y}")
    assert page.get_by_label("Ontvangen op", exact=True).input_value() == ""
    check(page, "form-closed-procedure", labelled="#take-in-form")

    page.get_by_label("e-mail", exact=True).check()
    page.get_by_label("Ontvangen op", exact=True).fill(f"{last_day - timedelta(days=1):%d/%m/%Y}")
    page.get_by_label("E-mailadres van de kandidaat").fill(jonas.email)
    fill_in_mieke(page, files["pdf"])
    page.get_by_label(re.compile("De kandidaat kreeg de privacyverklaring")).check()
    page.get_by_role("button", name="Kandidatuur invoeren").click()
    expect(page.locator("#take-in-errors")).to_contain_text(
        "hoort bij Jonas Verhaeghe (geboren op 02/11/1988), niet bij Mieke Desmet (geboren op 17/05/1995)")
    expect(page.locator("#id_email_helptext")).to_contain_text("Dit e-mailadres hoort bij Jonas Verhaeghe")
    assert not Application.objects.exists()
    check(page, "form-address-of-someone-else", labelled="#take-in-form")

    page.get_by_label("E-mailadres van de kandidaat").fill("mieke.desmet@example.org")
    page.get_by_role("button", name="Kandidatuur invoeren").click()
    expect(page.locator(".messagelist")).to_contain_text("De kandidatuur van Mieke Desmet is ingevoerd")
    application = Application.objects.get()
    assert (application.channel, application.received_on) == ("email", last_day - timedelta(days=1))
    expect(page.locator("#timeline")).to_contain_text(
        f"Kandidatuur ontvangen via e-mail op {last_day - timedelta(days=1):%d/%m/%Y}")
    check(page, "application-page-late-entry", labelled=None)


def test_a_candidate_replaces_the_diploma_by_keyboard(page, vacancy, files):
    user = candidate_user()
    application = ApplicationFactory(procedure=vacancy, candidate=CandidateFactory(
        user=user, email=user.email, first_name="Ann", last_name="Peeters"))
    Document.objects.create(application=application, kind=Document.Kind.DIPLOMA, original_name="diploma-foto.png",
                            file=_stored(PNG), content_type="image/png", size=len(PNG))
    login(page, user)
    page.goto(f"/mijn-kandidaturen/{application.public_id}/")
    check(page, "portal-application-page")

    tab_to(page, "a[href$='/documenten/toevoegen/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Document toevoegen of vervangen")).to_be_visible()
    check(page, "portal-add-document")

    # Sent without a choice and a file: the summary explains both and takes the focus.
    tab_to(page, "button[type=submit].btn-primary")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Kies welk document je toevoegt.")
    expect(summary).to_contain_text("Kies het bestand dat je wil toevoegen")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    check(page, "portal-add-document-errors")

    tab_to(page, "#id_kind_0")
    page.keyboard.press("Space")
    assert page.get_by_label("Kopie van je diploma").is_checked()
    tab_to(page, "#id_file")
    choose_file_with_keyboard(page, files["jpeg"])
    tab_to(page, "button[type=submit].btn-primary")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="is vervangen door ‘diploma-scan.jpg’")).to_be_visible()
    expect(page.get_by_text("Je verving je diploma door ‘diploma-scan.jpg’")).to_be_visible()
    check(page, "portal-after-replacing")

    current = application.documents.get()
    assert (current.original_name, current.content_type) == ("diploma-scan.jpg", "image/jpeg")
    change = DocumentChange.objects.get()
    assert (change.action, change.old_name) == ("replaced", "diploma-foto.png")

    # HR sees it arrive, and the old file is kept.
    login(page, hr_user(username="selectie"))
    page.goto(f"/admin/candidates/application/{application.pk}/change/")
    expect(page.locator("#timeline")).to_contain_text("Document vervangen: diploma")
    expect(page.locator("#documents")).to_contain_text("Vervangen documenten")
    expect(page.get_by_role("link", name="diploma-foto.png")).to_be_visible()
    check(page, "application-page-replaced-document", labelled=None)


def _stored(content):
    from django.core.files.base import ContentFile

    return ContentFile(content, name="upload")
