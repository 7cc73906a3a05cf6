"""The whole journey in real Chromium, through the UI only, as the people would (issue 8).

Ann signs up (verification link from a real mail), applies with her diploma; HR declares her eligible and invites
her; she books an intake slot from the mail's portal link; the interviewer passes her; HR opens a vacancy and a jury
round; she fills in the questionnaire; three jurors score independently; the chair reaches consensus; all approve
the PV; one HR member makes the offer with the salary simulation, a second approves and sends it; Ann accepts; HR
records the criminal-record check and confirms the hiring. Bert fails his intake and is refused when he applies
again. Every mail comes from a real Celery worker through a real SMTP sink on loopback; links in them are followed.

Set up outside the UI (say why): the seed (`seed_kortrijk`), the staff accounts with their TOTP devices (HR creates
accounts; a person scans a QR code once), a future intake session (the bundle's sessions lie in the past on a
machine clock after January 2026; an inline row deep in the procedure page), a two-item questionnaire (content
HR would type once, not part of the procedure's walk), the HR settings the bundle does not state (a team, the
reserve's validity; tests/browser/test_missing_settings.py walks HR through them) and the pay scales with the
function's career (the bundle publishes no steps: HR imports the city's scales once; test figures here, the import
page and the career form have their own tests in tests/pay). The clock moves forward (time-machine) to the
intake day.
"""

import re
import time
from base64 import b32encode
from datetime import datetime, timedelta
from datetime import time as clock

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from candidates.models import Application, Ban
from candidates.stages import Stage
from interviews.jury.parts import items_for
from interviews.jury.rounds import add_juror, invite_external_juror
from interviews.models import IntakeAssessment, JuryMember, JuryRound, Questionnaire, QuestionnaireItem
from kortrijk_ats import roles
from kortrijk_ats.celery import app
from offers.models import Offer
from procedures import seed_data
from procedures.models import Function, IntakeSession, Procedure, Team, Vacancy
from tests.auth import code_for, confirmed_device
from tests.browser.axe import check_axe
from tests.browser.conftest import shoot
from tests.factories import hr_user, staff_user
from tests.pay.scales import import_official_scales
from tests.portal.files import PDF
from tests.smtp_sink import SMTPSink

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PASSWORD = "Kortrijk-sollicitant-2026"
STAFF_PASSWORD = "correct-horse-battery-staple"  # tests.factories.UserFactory's
VACANCY = "/vacatures/maatschappelijk-werker-b1-b3/"


class Journey:
    """What the steps share: the browser contexts per person, the mail sink, numbered screenshots, axe counts."""

    def __init__(self, browser, live_server, sink):
        self.browser, self.live_url, self.sink = browser, live_server.url, sink
        self.step = 0
        self.axe_pages = 0
        self.pages = {}

    def page_of(self, who):
        if who not in self.pages:
            context = self.browser.new_context(base_url=self.live_url, locale="nl-BE",
                                               viewport={"width": 1280, "height": 900})
            context.set_default_timeout(10_000)
            page = self.pages[who] = context.new_page()
            page.csp_errors = []
            page.on("console", lambda message, page=page: page.csp_errors.append(message.text)
                    if message.type == "error" and "Content Security Policy" in message.text else None)
        return self.pages[who]

    def close(self):
        for page in self.pages.values():
            page.context.close()

    def shot(self, page, name):
        """Numbered screenshot; no CSP error, and axe on the page, which must be clean, staff pages included (the
        errors are checked before axe: its preload re-inserts the admin's @import-ed stylesheet inline, which the
        CSP rightly blocks)."""
        self.step += 1
        shoot(page, f"journey-{self.step:02d}-{name}")
        assert not page.csp_errors, f"'{name}' broke the Content-Security-Policy: {page.csp_errors}"
        self.axe_pages += 1
        check_axe(page, name)
        page.csp_errors.clear()

    def mails_to(self, address, *, count=1, subject=None):
        """The mails the sink received for `address` (wait for `count`), optionally those whose subject matches."""
        deadline = time.monotonic() + 60
        while True:
            found = [m.message for m in self.sink.messages if address in m.rcpt_tos
                     and (subject is None or re.search(subject, m.message["Subject"]))]
            if len(found) >= count or time.monotonic() > deadline:
                assert len(found) >= count, (address, subject, [m.message["Subject"] for m in self.sink.messages])
                return found

    def link_in(self, address, fragment, *, subject=None):
        message = self.mails_to(address, subject=subject)[-1]
        body = message.get_body(preferencelist=("plain",)).get_content()
        return next(url for url in re.findall(r"https?://[^\s<>\"]+", body) if fragment in url)


def field(page, label):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?:?\s*$"))


def save_and_reopen(journey, page, model, name):
    """Save the admin add form, then open the one object it made on its change page and take its screenshot."""
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    journey.shot(page, f"{name}-saved-list")  # Django's change list with the message
    made = model.objects.get()
    page.goto(f"/admin/{model._meta.app_label}/{model._meta.model_name}/{made.pk}/change/")
    journey.shot(page, name)
    return made


def click(page, role, name, **kwargs):
    page.get_by_role(role, name=name, **kwargs).click()
    page.wait_for_load_state()


def totp_code(user):
    return code_for(b32encode(confirmed_device(user).bin_key).decode())


def staff_login(journey, who, user, next_url):
    """Password in the back office's log-in form, then the code of the staff member's authenticator app."""
    page = journey.page_of(who)
    page.goto(f"/admin/login/?next={next_url}")
    journey.shot(page, f"{who}-login")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(STAFF_PASSWORD)
    click(page, "button", "Aanmelden")
    assert "/personeel/tweestapsverificatie/" in page.url, page.url
    journey.shot(page, f"{who}-second-factor")
    field(page, "Code uit je authenticator-app").fill(totp_code(user))
    click(page, "button", "Bevestigen")
    assert "/personeel/tweestapsverificatie/" not in page.url
    return page


# --- The candidate's steps ------------------------------------------------------------------------------------------


def sign_up(journey, who, email):
    page = journey.page_of(who)
    page.goto(VACANCY)
    journey.shot(page, f"{who}-vacancy")
    page.goto("/account/signup/")
    field(page, "E-mailadres").fill(email)
    page.get_by_label(re.compile(r"^\s*Wachtwoord\*?\s*$")).fill(PASSWORD)
    field(page, "Wachtwoord (bevestigen)").fill(PASSWORD)
    click(page, "button", "Registreren")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifieer je e-mailadres")
    journey.shot(page, f"{who}-verify-your-address")
    page.goto(journey.link_in(email, "/account/confirm-email/"))
    journey.shot(page, f"{who}-confirm-address")
    click(page, "button", "Bevestigen")
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    return page


def apply(journey, who, first, last, diploma_file):
    page = journey.page_of(who)
    page.goto(VACANCY)
    page.get_by_role("link", name=re.compile("Solliciteer")).first.click()
    page.wait_for_load_state()
    field(page, "Voornaam").fill(first)
    field(page, "Achternaam").fill(last)
    field(page, "Telefoonnummer").fill("056 27 80 00")
    field(page, "Straat en huisnummer").fill("Grote Markt 54")
    field(page, "Postcode").fill("8500")
    field(page, "Gemeente").fill("Kortrijk")
    field(page, "Geboortedatum").fill("17/05/1995")
    field(page, "Je diploma").select_option(index=1)  # the first diploma of the bundle
    field(page, "Kopie van je diploma").set_input_files(diploma_file)
    field(page, "Jaren ervaring in de openbare sector").fill("3")
    field(page, "Ik heb de privacyverklaring gelezen").check()
    journey.shot(page, f"{who}-application-form")
    click(page, "button", "Kandidatuur indienen")
    expect(page.get_by_role("heading", name="Bedankt, je kandidatuur is ingediend")).to_be_visible()
    journey.shot(page, f"{who}-application-sent")
    return Application.objects.get(candidate__first_name=first, candidate__last_name=last)


def book_intake(journey, who, email):
    """From the invitation mail's portal link to the application, on to the intake page, first free slot."""
    page = journey.page_of(who)
    page.goto(journey.link_in(email, "/mijn-kandidaturen/", subject="Kies een moment"))
    journey.shot(page, f"{who}-my-applications")
    page.get_by_role("link", name=re.compile("Maatschappelijk werker")).first.click()
    page.wait_for_load_state()
    journey.shot(page, f"{who}-application-timeline")
    click(page, "link", "Kies of bekijk je moment voor het kennismakingsinterview")
    page.wait_for_load_state()
    journey.shot(page, f"{who}-intake-slots")
    page.locator("button[name=slot]").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Je afspraak")).to_be_visible()
    journey.shot(page, f"{who}-intake-booked")


# --- HR's steps ---------------------------------------------------------------------------------------------------


def hr_bulk_action(journey, page, names, action_label, name):
    page.goto("/admin/candidates/application/")
    for person in names:
        page.get_by_role("row", name=person).get_by_role("checkbox").check()
    journey.shot(page, f"hr-{name}-list")
    page.get_by_role("combobox", name="Actie").select_option(label=action_label)
    click(page, "button", "Uitvoeren")
    journey.shot(page, f"hr-{name}-confirm")
    click(page, "button", "Ja, bevestigen")
    journey.shot(page, f"hr-{name}-done")


def hr_release_held_mails(journey, page, application, name):
    page.goto(f"/admin/candidates/application/{application.pk}/change/")
    button = page.get_by_role("button", name="Mails vrijgeven")
    if button.count():
        button.click()
        page.wait_for_load_state()
        expect(page.get_by_text(re.compile(r"vrijgegeven voor verzending"))).to_be_visible()
    journey.shot(page, f"hr-{name}-application-page")


def hr_generate_slots(journey, page, session, interviewer):
    page.goto("/admin/interviews/intakeslot/genereer/")
    field(page, "Intakemoment").select_option(value=str(session.pk))
    field(page, "Aanwezige interviewers").select_option(value=str(interviewer.pk))
    journey.shot(page, "hr-generate-slots")
    page.get_by_role("button", name="Momenten genereren").click()
    page.wait_for_load_state()
    expect(page.get_by_text(re.compile(r"moment\(en\) aangemaakt"))).to_be_visible()
    journey.shot(page, "hr-slots-generated")


def hr_opens_the_back_office(journey, page, names):
    """The index, then the applications list by the diploma filter: the group of current diplomas and the bundle's
    first diploma (both applied with it) show both, the group of old diplomas neither."""
    page.goto("/admin/")
    journey.shot(page, "hr-index")
    click(page, "link", "Kandidaturen", exact=True)
    diploma_filter = page.locator("details[data-filter-title=diploma]")
    for choice, shown in (("Huidige diploma’s", 1), ("Master in het sociaal werk", 1), ("Oude diploma’s", 0)):
        diploma_filter.get_by_role("link", name=choice, exact=True).click()
        page.wait_for_load_state()
        for person in names:
            expect(page.get_by_role("row", name=person)).to_have_count(shown)
        if choice == "Huidige diploma’s":
            journey.shot(page, "hr-applications-current-diplomas")


def hr_reads_the_report(journey, page, procedure):
    page.goto("/admin/")
    click(page, "link", "Rapporten")
    journey.shot(page, "hr-reports")
    click(page, "link", procedure.title, exact=True)
    expect(page.locator(".rp-bar-label").first).to_have_text("Kandidaturen")
    journey.shot(page, "hr-report")


# --- The interviewer ------------------------------------------------------------------------------------------------


def interviewer_decides(journey, page, day, candidate_name, verdict, motivation):
    page.goto(f"/intake/dag/{day.isoformat()}/")
    journey.shot(page, f"interviewer-day-{candidate_name}")
    page.get_by_role("link", name=candidate_name).first.click()
    page.wait_for_load_state()
    rating = "good" if verdict == "pass" else "insufficient"
    for criterion, _label in IntakeAssessment.CRITERIA:
        page.locator(f"input[name={criterion}][value={rating}]").check()
    page.locator(f"input[name=verdict][value={verdict}]").check()
    field(page, "Motivering van de beslissing").fill(motivation)
    journey.shot(page, f"interviewer-assess-{candidate_name}")
    click(page, "button", "Beoordeling opslaan en beslissen")
    expect(page.get_by_text(f"Beoordeling van {candidate_name} opgeslagen.")).to_be_visible()


# --- The jury -------------------------------------------------------------------------------------------------------


def hr_opens_vacancy_and_round(journey, page, questionnaire):
    page.goto("/admin/procedures/vacancy/add/")
    page.locator("select[name=function]").select_option(index=1)
    page.locator("select[name=team]").select_option(index=1)
    page.locator("input[name=start_date]").fill((timezone.localdate() + timedelta(days=60)).strftime("%d/%m/%Y"))
    page.locator("input[name=workplace]").fill("Wijkcentrum Lange Munte")
    journey.shot(page, "hr-vacancy-add")
    vacancy = save_and_reopen(journey, page, Vacancy, "hr-vacancy-waitlist")
    click(page, "link", "Juryronde starten")
    page.locator("select[name=questionnaire]").select_option(value=str(questionnaire.pk))
    journey.shot(page, "hr-start-round")
    page.get_by_role("button", name="Juryronde starten en uitnodigen").click()
    page.wait_for_load_state()
    expect(page.get_by_text(re.compile("Juryronde gestart"))).to_be_visible()
    journey.shot(page, "hr-round-started")
    return JuryRound.objects.get(vacancy=vacancy)


def external_expert_logs_in(journey, email):
    """From the invitation mail: log in by e-mailed code, then set up the authenticator app from the secret shown."""
    page = journey.page_of("external")
    invitation = journey.link_in(email, "/jury/", subject="")
    page.goto(invitation)
    page.goto("/account/login/code/")
    page.locator("#id_email").fill(email)
    page.locator("main form [type=submit]").first.click()
    page.wait_for_load_state()
    message = journey.mails_to(email, count=2)[-1].get_body(preferencelist=("plain",)).get_content()
    page.locator("#id_code").fill(re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message, re.MULTILINE).group(1))
    page.locator("main form [type=submit]").first.click()
    page.wait_for_load_state()
    page.goto("/jury/")
    assert "/personeel/tweestapsverificatie/" in page.url, page.url
    journey.shot(page, "external-set-up-second-factor")
    secret = page.locator("code.otp-secret").inner_text()
    field(page, "Code uit je authenticator-app").fill(code_for(secret))
    click(page, "button", "Bevestigen")
    assert page.url.endswith("/jury/"), page.url
    return page


def juror_scores(journey, who, page, jury_round, candidate_name, value):
    page.goto("/jury/")
    journey.shot(page, f"{who}-my-rounds")
    page.goto(f"/jury/ronde/{jury_round.pk}/")
    click(page, "link", candidate_name)
    page.get_by_label("Ik verklaar dat ik geen belangenconflict heb met deze kandidaat.").check()
    click(page, "button", "Verklaring opslaan")
    for item in items_for(jury_round):
        page.locator(f"input[name='value_{item.key}'][value='{value}']").check()
        page.locator(f"textarea[name='text_{item.key}']").fill(f"{item.label}: concreet voorbeeld gegeven.")
    journey.shot(page, f"{who}-score-sheet")
    click(page, "button", "Indienen en vergrendelen")
    expect(page.get_by_text("Je scores zijn ingediend en vergrendeld.")).to_be_visible()


def chair_reaches_consensus(journey, page, jury_round, jury_candidate):
    page.goto(f"/jury/ronde/{jury_round.pk}/kandidaat/{jury_candidate.uid}/consensus/")
    for item in items_for(jury_round):
        page.get_by_label(f"Consensusscore {item.label}", exact=True).select_option("4")
        page.get_by_label(f"Motivering {item.label}", exact=True).fill(f"Eens na bespreking: {item.label}.")
    journey.shot(page, "chair-consensus")
    click(page, "button", "Consensus opslaan")
    expect(page.get_by_text("De consensus is opgeslagen.")).to_be_visible()
    page.goto(f"/jury/ronde/{jury_round.pk}/beraadslaging/")
    journey.shot(page, "chair-deliberation")
    click(page, "button", "Beraadslaging afsluiten")
    expect(page.get_by_text("De beraadslaging is afgesloten.")).to_be_visible()


def juror_approves_pv(journey, who, page, jury_round):
    page.goto(f"/jury/ronde/{jury_round.pk}/pv/")
    journey.shot(page, f"{who}-pv")
    page.get_by_label("Ik las dit proces-verbaal en keur het goed.").check()
    click(page, "button", "PV goedkeuren")
    # The last approval freezes the PV and closes the round: the external expert's account ends with it.
    expect(page.get_by_role("status").first).to_contain_text(
        re.compile("Je keurde het PV goed|Alle juryleden keurden het PV goed"))


def candidate_fills_questionnaire(journey, page, application):
    page.goto(f"/mijn-kandidaturen/{application.public_id}/")
    journey.shot(page, "ann-jury-invited")
    click(page, "link", "Vul de persoonlijkheidsvragenlijst in")
    journey.shot(page, "ann-questionnaire")
    for group in page.get_by_role("group").all():
        group.locator("input[type=radio]").nth(3).check()
    click(page, "button", "Antwoorden versturen")
    expect(page.get_by_text("Je vulde de persoonlijkheidsvragenlijst in.")).to_be_visible()
    journey.shot(page, "ann-questionnaire-sent")


# --- The offer ------------------------------------------------------------------------------------------------------


def hr_makes_offer(journey, page):
    page.goto("/admin/offers/offer/add/")
    page.locator("select[name=proposal]").select_option(index=1)
    for name, value in (("public_years", "3"), ("public_months", "0"), ("private_years", "0"),
                        ("private_months", "0"), ("regime", "1"), ("workplace", "Wijkcentrum Lange Munte")):
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=start_date]").fill((timezone.localdate() + timedelta(days=60)).strftime("%d/%m/%Y"))
    page.locator("[name=experience_proofs]").fill("Attest OCMW Gent 2021-2024.")
    page.locator("[name=schedule]").fill("Maandag tot vrijdag, 8.30-12.00 en 13.00-16.36 uur.")
    page.locator("[name=tasks]").fill("Sociale begeleiding van gezinnen in de wijk.")
    if page.locator("select[name=team]").count():
        page.locator("select[name=team]").select_option(index=1)
    page.locator("select[name=extract_model]").select_option(index=1)
    journey.shot(page, "hr-offer-draft")
    offer = save_and_reopen(journey, page, Offer, "hr-offer-with-simulation")
    return offer


def second_hr_approves_and_sends(journey, page, offer):
    page.goto(f"/admin/offers/offer/{offer.pk}/change/")
    page.get_by_role("button", name="Goedkeuren (tweede medewerker)").click()
    page.wait_for_load_state()
    journey.shot(page, "hr2-offer-approved")
    click(page, "link", "Versturen naar de kandidaat")
    journey.shot(page, "hr2-offer-send")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    journey.shot(page, "hr2-offer-sent")


def candidate_accepts(journey, page, email):
    page.goto(journey.link_in(email, "/jobaanbod/"))
    journey.shot(page, "ann-offer")
    click(page, "link", "Bekijk je volledige loonsimulatie")
    journey.shot(page, "ann-salary-simulation")
    click(page, "link", "Terug naar je jobaanbod")
    click(page, "link", "Aanbod aanvaarden")
    journey.shot(page, "ann-accept-confirm")
    click(page, "button", "Ja, ik aanvaard het jobaanbod")
    expect(page.get_by_text(re.compile("Je aanvaardde het jobaanbod"))).to_be_visible()
    journey.shot(page, "ann-offer-accepted")


def hr_records_extract_and_hires(journey, page, offer):
    page.goto(f"/admin/offers/offer/{offer.pk}/change/")
    click(page, "link", "Uittreksel registreren")
    page.locator("[name=issued_on]").fill((timezone.localdate() - timedelta(days=3)).isoformat())
    page.locator("input[name=result][value=blank]").check()
    journey.shot(page, "hr-criminal-record")
    page.locator("#content-main form [type=submit]").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Aanwerving bevestigen").click()
    page.wait_for_load_state()
    journey.shot(page, "hr-hired")


@pytest.fixture
def sink(settings, live_server):
    with SMTPSink() as smtp:
        for name, value in smtp.django_settings().items():
            setattr(settings, name, value)
        settings.SITE_URL = live_server.url
        yield smtp


@pytest.fixture
def worker(sink):
    app.conf.worker_hijack_root_logger = False
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        yield


def test_the_whole_journey(browser, live_server, sink, worker, tmp_path):
    call_command("seed_kortrijk", verbosity=0)
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    # What the bundle leaves to HR (the back office lists it as "nog in te vullen"): a team and the reserve's
    # validity, fictitious values entered outside the UI like the accounts below.
    Team.objects.create(name="Wijkteam Lange Munte", kind=Team.Kind.NEIGHBOURHOOD)
    Function.objects.filter(pk=procedure.function_id).update(reserve_months=24)
    hr = hr_user(username="selectie", first_name="Hanne", last_name="Ruys")
    hr_checker = hr_user(username="selectie2", first_name="Pieter", last_name="Goossens")
    interviewer = staff_user(roles.INTERVIEWER, username="interviewer", first_name="Ines", last_name="Vermeulen")
    for user in (hr, hr_checker, interviewer):
        confirmed_device(user)
    import_official_scales(procedure.function, by=hr)
    intake_day = timezone.localdate() + timedelta(days=7)
    session = IntakeSession.objects.create(procedure=procedure, date=intake_day, starts_at=clock(9, 0),
                                           ends_at=clock(10, 0), label="voormiddag")
    diploma = tmp_path / "diploma.pdf"
    diploma.write_bytes(PDF)
    journey = Journey(browser, live_server, sink)
    travel = None
    try:
        # 1. Two candidates sign up and apply.
        sign_up(journey, "ann", "ann.aerts@example.org")
        ann = apply(journey, "ann", "Ann", "Aerts", diploma)
        sign_up(journey, "bert", "bert.bauwens@example.org")
        bert = apply(journey, "bert", "Bert", "Bauwens", diploma)
        journey.mails_to("ann.aerts@example.org", subject="We ontvingen je kandidatuur")

        # 2. HR: eligible (mail released), invited to the intake, slots generated.
        hr_page = staff_login(journey, "hr", hr, "/admin/candidates/application/")
        hr_opens_the_back_office(journey, hr_page, ["Ann Aerts", "Bert Bauwens"])
        hr_bulk_action(journey, hr_page, ["Ann Aerts", "Bert Bauwens"], "Screening: toegelaten", "eligible")
        hr_release_held_mails(journey, hr_page, ann, "eligible")
        journey.mails_to("ann.aerts@example.org", subject="toegelaten")
        hr_generate_slots(journey, hr_page, session, interviewer)
        hr_bulk_action(journey, hr_page, ["Ann Aerts", "Bert Bauwens"], "Uitnodigen voor kennismakingsinterview",
                       "invite-intake")

        # 3. Both book a slot from the invitation mail's link.
        book_intake(journey, "ann", "ann.aerts@example.org")
        book_intake(journey, "bert", "bert.bauwens@example.org")

        # 4. The intake day: the interviewer passes Ann and fails Bert.
        start = timezone.make_aware(datetime.combine(intake_day, clock(10, 5)))
        travel = time_machine.travel(start, tick=True)
        travel.start()
        interviewer_page = staff_login(journey, "interviewer", interviewer, f"/intake/dag/{intake_day.isoformat()}/")
        interviewer_decides(journey, interviewer_page, intake_day, "Ann Aerts", "pass",
                            "Sterke motivatie en relevante ervaring.")
        interviewer_decides(journey, interviewer_page, intake_day, "Bert Bauwens", "fail",
                            "Te weinig zicht op de taken van de functie.")
        ann.refresh_from_db()
        bert.refresh_from_db()
        assert (ann.stage, bert.stage) == (Stage.WAITLIST, Stage.INTAKE_FAILED)

        # 5. HR releases the held outcome mails; Bert applies again and is refused until the ban ends.
        hr_page = staff_login(journey, "hr", hr, "/admin/candidates/application/")  # a week later: a new session
        hr_release_held_mails(journey, hr_page, ann, "waitlist")
        hr_release_held_mails(journey, hr_page, bert, "intake-failed")
        hr_reads_the_report(journey, hr_page, procedure)
        bert_page = journey.page_of("bert")
        bert_page.goto(journey.link_in("bert.bauwens@example.org", "/mijn-kandidaturen/", subject="Kies een moment"))
        journey.shot(bert_page, "bert-after-intake")
        bert_page.goto(VACANCY + "solliciteren/")
        # The ban on the function answers first, with the day Bert may apply again.
        ban = Ban.objects.get(function=procedure.function)
        expect(bert_page.locator("main")).to_contain_text("Je kan nu niet solliciteren")
        expect(bert_page.locator("main")).to_contain_text(ban.ends_on.strftime("%d/%m/%Y"))
        journey.shot(bert_page, "bert-refused")
        assert Application.objects.filter(candidate__last_name="Bauwens").count() == 1

        # 6. HR opens a vacancy and a jury round (the questionnaire attached); the jury is seated.
        questionnaire = Questionnaire.objects.create(name="Werkstijl", instructions="Antwoord spontaan.")
        for position, text in enumerate(("Ik blijf rustig als het druk wordt.", "Ik werk graag samen.")):
            QuestionnaireItem.objects.create(questionnaire=questionnaire, position=position, text=text,
                                             trait="stijl")
        jury_round = hr_opens_vacancy_and_round(journey, hr_page, questionnaire)
        chair_user = hr_user(username="voorzitter", first_name="Sofie", last_name="Desmet")
        leader_user = staff_user(roles.JUROR, username="leidinggevende", first_name="Koen", last_name="Vandamme")
        for user in (chair_user, leader_user):
            confirmed_device(user)
        add_juror(jury_round, user=chair_user, role=JuryMember.Role.CHAIR, by=hr)
        add_juror(jury_round, user=leader_user, role=JuryMember.Role.TEAM_LEADER, by=hr)
        invite_external_juror(jury_round, email="eva.extern@example.org", first_name="Eva", last_name="Claeys",
                              by=hr)

        # 7. Ann fills in the questionnaire.
        ann.refresh_from_db()
        assert ann.stage == Stage.JURY_INVITED
        candidate_fills_questionnaire(journey, journey.page_of("ann"), ann)

        # 8. Three jurors score independently; the chair leads the consensus; all approve the PV.
        chair = staff_login(journey, "chair", chair_user, "/jury/")
        leader = staff_login(journey, "leader", leader_user, "/jury/")
        external = external_expert_logs_in(journey, "eva.extern@example.org")
        for who, page, value in (("chair", chair, "4"), ("leader", leader, "4"), ("external", external, "5")):
            juror_scores(journey, who, page, jury_round, "Ann Aerts", value)
        chair_reaches_consensus(journey, chair, jury_round, jury_round.candidates.get())
        for who, page in (("chair", chair), ("leader", leader), ("external", external)):
            juror_approves_pv(journey, who, page, jury_round)
        jury_round.refresh_from_db()
        assert jury_round.status == JuryRound.Status.CLOSED  # every juror approved: PV frozen, decisions applied
        ann.refresh_from_db()
        assert ann.stage == Stage.OFFER

        # 9. The offer: made by one HR member, approved and sent by a second; Ann accepts; extract; hired.
        offer = hr_makes_offer(journey, hr_page)
        checker_page = staff_login(journey, "hr2", hr_checker, f"/admin/offers/offer/{offer.pk}/change/")
        second_hr_approves_and_sends(journey, checker_page, offer)
        candidate_accepts(journey, journey.page_of("ann"), "ann.aerts@example.org")
        hr_records_extract_and_hires(journey, hr_page, offer)
        ann.refresh_from_db()
        assert ann.stage == Stage.HIRED
        page = journey.page_of("ann")
        page.goto(f"/mijn-kandidaturen/{ann.public_id}/")
        journey.shot(page, "ann-hired")
    finally:
        if travel is not None:
            travel.stop()
        journey.close()
        print(f"axe pages: {journey.axe_pages}, all without violations")
