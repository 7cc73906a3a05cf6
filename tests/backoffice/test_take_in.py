"""HR enters an application that came on paper, by e-mail or at the counter: the portal's door, rules and mails.

The good path (application, channel, who entered it, timeline, receipt, invitation to the portal and the link that
lets the person choose a password), then each refusal (ban, duplicate, diploma, document checks, over-long input,
closed procedure), each leaving nothing half-made and what HR typed on the page, and a double click.
"""

import csv
import io
import re
from dataclasses import replace
from datetime import date, datetime
from functools import partial

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from candidates.applying import submit_application
from candidates.models import Application, Candidate, Document
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from procedures.models import Diploma, Procedure
from tests.auth import login_staff
from tests.candidates.stage_paths import walk_to
from tests.factories import (
    ApplicationFactory,
    CandidateFactory,
    DiplomaFactory,
    FunctionFactory,
    ProcedureFactory,
    UserFactory,
    hr_user,
)
from tests.portal.conftest import foreign_diploma, form_data, make_procedure
from tests.portal.fake_clamd import FakeClamd
from tests.portal.files import EICAR, EXE, PDF, pdf, upload
from tests.portal.test_applying import PERSON, answers, proof
from tests.portal.test_uploads import stored_files
from tests.threads import assert_no_error, run_together

pytestmark = pytest.mark.django_db

EMAIL = "mieke.desmet@example.org"


@pytest.fixture
def procedure(db):
    return make_procedure(FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker"))


@pytest.fixture
def storage(settings, tmp_path):
    return tmp_path / "private"  # the back office conftest points the default storage here


def form_url(procedure):
    return reverse("admin:candidates_application_take_in_form", args=[procedure.pk])


def take_in_data(procedure, files=None, **overrides):
    data = form_data(procedure, first_name="Mieke", last_name="Desmet")
    data.update({"channel": "paper", "email": EMAIL, "language": "nl-be",
                 "received_on": timezone.localdate().strftime("%d/%m/%Y")})
    data.update(overrides)
    data = {key: value for key, value in data.items() if value is not None}
    data.update(files if files is not None else {"diploma_file": pdf("diploma Mieke.pdf")})
    return data


def post(client, procedure, files=None, **overrides):
    return client.post(form_url(procedure), take_in_data(procedure, files, **overrides))


def errors_of(response):
    """The error box at the top of HR's form, as HR reads it."""
    html = response.content.decode()
    box = re.search(r'<div class="errornote" id="take-in-errors".*?</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box.group(0))) if box else ""


def assert_nothing_made(before_users, storage):
    assert not Application.objects.exists()
    assert not Mail.objects.exists()
    assert get_user_model().objects.count() == before_users
    assert not Candidate.objects.exists()
    assert [name for name in stored_files(storage) if not name.startswith("stash/")] == []


def assert_kept_what_was_typed(response, channel="paper"):
    html = response.content.decode()
    for value in ("Mieke", "Desmet", EMAIL, "Grote Markt 54", "Ik werk graag met mensen."):
        assert value in html, value
    assert re.search(rf'<input[^>]*value="{channel}"[^>]*checked', html), "the channel HR chose"


# The good path.

def test_hr_enters_a_paper_application_for_a_new_person(hr_client, hr, procedure, storage):
    response = post(hr_client, procedure)

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:candidates_application_change", args=[application.pk])
    assert (application.channel, application.entered_by, application.stage) == ("paper", hr, Stage.SCREENING)
    assert application.received_on == timezone.localdate()
    candidate = application.candidate
    assert (candidate.first_name, candidate.last_name, candidate.email) == ("Mieke", "Desmet", EMAIL)
    user = candidate.user
    assert user.email == EMAIL and not user.has_usable_password() and not user.is_staff
    assert EmailAddress.objects.get(user=user).email == EMAIL
    document = application.documents.get()
    assert (document.kind, document.original_name) == (Document.Kind.DIPLOMA, "diploma Mieke.pdf")
    assert document.file.read() == PDF
    mails = {mail.event: mail for mail in Mail.objects.all()}
    assert set(mails) == {"application_received", "portal_invitation"}
    assert {mail.to for mail in mails.values()} == {EMAIL}
    assert all(mail.related == application and mail.state == Mail.State.QUEUED for mail in mails.values())
    invitation = mails["portal_invitation"].body_text
    assert "/account/password/reset/key/" in invitation and "/account/login/code/" in invitation
    assert "wachtwoord" in invitation and user.password not in invitation

    page = hr_client.get(response["Location"]).content.decode()
    assert "De kandidatuur van Mieke Desmet is ingevoerd (ontvangen via papier)" in page
    received = page.split('class="timeline-received"')[1].split("</tr>")[0]
    assert "Kandidatuur ontvangen via papier" in received and "ingevoerd door hr" in received
    assert "Mail: Uitnodiging voor het portaal" in page


def test_the_invitation_link_lets_the_person_choose_a_password_and_log_in(hr_client, procedure):
    post(hr_client, procedure, channel="email")
    link = re.search(r"https?://\S+/account/password/reset/key/\S+", Mail.objects.get(event="portal_invitation")
                     .body_text).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    person = Client()
    form_page = person.get(path, follow=True)
    assert "password1" in form_page.content.decode()
    done = person.post(form_page.redirect_chain[-1][0], {"password1": "Kortrijk-mieke-2026",
                                                         "password2": "Kortrijk-mieke-2026"})
    assert done.status_code == 302
    assert "password1" not in Client().get(path, follow=True).content.decode(), "the link works once"

    portal = Client()
    login = portal.post(reverse("account_login"), {"login": EMAIL, "password": "Kortrijk-mieke-2026"})
    assert login.status_code == 302 and login["Location"] == "/mijn-kandidaturen/"
    application = Application.objects.get()
    page = portal.get(reverse("candidates:detail", args=[application.public_id])).content.decode()
    assert "Het selectieteam ontving je kandidatuur voor Maatschappelijk werker (B1-B3) per e-mail" in page


def test_a_person_with_an_account_gets_the_receipt_but_no_invitation(hr_client, procedure):
    user = UserFactory(username="mieke", email=EMAIL)
    EmailAddress.objects.create(user=user, email=EMAIL, primary=True, verified=True)
    response = post(hr_client, procedure, channel="counter", email="Mieke.Desmet@Example.org")

    application = Application.objects.get()
    assert application.candidate.user == user and application.channel == "counter"
    assert list(Mail.objects.values_list("event", "to")) == [("application_received", EMAIL)]
    assert get_user_model().objects.filter(email__iexact=EMAIL).count() == 1
    page = hr_client.get(response["Location"]).content.decode()
    assert "had al een account voor het portaal" in page


def test_a_scanned_file_that_passed_is_kept_when_the_form_comes_back(hr_client, procedure, storage):
    first = post(hr_client, procedure, first_name="")
    assert "Vul de voornaam in." in errors_of(first)
    assert "Het bestand ‘diploma Mieke.pdf’ is bewaard." in first.content.decode()
    assert not Application.objects.exists()

    second = post(hr_client, procedure, files={})
    assert second.status_code == 302
    assert Application.objects.get().documents.get().original_name == "diploma Mieke.pdf"
    assert [name for name in stored_files(storage) if name.startswith("stash/")] == []


def test_a_new_form_never_carries_the_files_of_the_last_person(hr_client, procedure):
    post(hr_client, procedure, first_name="")
    html = hr_client.get(form_url(procedure)).content.decode()
    assert "is bewaard" not in html
    assert "Voeg de ingescande kopie van het diploma toe" in errors_of(post(hr_client, procedure, files={}))


# An address that belongs to a person: HR sees who it is, and HR's entry never overwrites what that person keeps up.

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "street", "postal_code", "city", "birth_date", "language")


def known_person(email=EMAIL, **values):
    """A person with a portal account who applied before and keeps their own data up to date."""
    user = UserFactory(username=email.split("@")[0], email=email)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    values = {"first_name": "Mieke", "last_name": "Desmet", "birth_date": date(1995, 5, 17), "phone": "0470 12 34 56",
              "street": "Veemarkt 3", "postal_code": "8500", "city": "Kortrijk", "language": "en", **values}
    return CandidateFactory(user=user, email=email, **values)


def stored(candidate):
    return Candidate.objects.filter(pk=candidate.pk).values(*PERSON_FIELDS).get()


def test_an_address_of_another_person_is_refused_and_changes_nothing(hr_client, procedure, storage):
    jonas = known_person(first_name="Jonas", last_name="Verhaeghe", birth_date=date(1988, 11, 2))
    before, users = stored(jonas), get_user_model().objects.count()

    response = post(hr_client, procedure)  # Mieke Desmet, born 17/05/1995, typed with Jonas's address

    assert response.status_code == 200
    box = errors_of(response)
    assert f"Het e-mailadres {EMAIL} hoort bij Jonas Verhaeghe (geboren op 02/11/1988)" in box, box
    assert "niet bij Mieke Desmet (geboren op 17/05/1995)" in box and "Kijk het e-mailadres na" in box
    assert stored(jonas) == before
    assert not Application.objects.exists() and not Mail.objects.exists()
    assert get_user_model().objects.count() == users
    assert [name for name in stored_files(storage) if not name.startswith("stash/")] == []
    assert_kept_what_was_typed(response)


@pytest.mark.parametrize("overrides", [
    {"birth_date": "18/05/1995"},
    {"last_name": "De Smet"},
    {"first_name": "Marie"},
])
def test_a_name_or_birth_date_that_differs_from_the_person_of_the_address_is_refused(hr_client, procedure,
                                                                                       overrides):
    mieke = known_person()
    before = stored(mieke)
    response = post(hr_client, procedure, **overrides)
    assert f"Het e-mailadres {EMAIL} hoort bij Mieke Desmet (geboren op 17/05/1995)" in errors_of(response)
    assert stored(mieke) == before and not Application.objects.exists() and not Mail.objects.exists()


def test_the_same_person_is_entered_and_keeps_their_own_data(hr_client, procedure):
    # Case, spaces and the Unicode form of a letter do not make another person: "Zoë" typed as Z o e + diaeresis.
    mieke = known_person(first_name="Zoë Mieke")
    before = stored(mieke)
    response = post(hr_client, procedure, first_name="  zoe\u0308   MIEKE ", last_name="desmet",
                    street="Grote Markt 54", phone="056 27 80 00", language="nl-be", channel="counter")

    application = Application.objects.get()
    assert response.status_code == 302 and application.candidate == mieke
    assert stored(mieke) == before, "the person keeps their own data: address, phone, language"
    receipt = Mail.objects.get()
    assert (receipt.event, receipt.to, receipt.language) == ("application_received", EMAIL, "en")
    page = hr_client.get(response["Location"]).content.decode()
    assert "De kandidatuur van Zoë Mieke Desmet is ingevoerd (ontvangen via loket)" in page
    assert "had al gegevens in het systeem; die bleven zoals ze waren" in page


def test_a_name_with_first_and_last_name_swapped_is_the_same_person_as_for_a_ban(hr_client, procedure):
    # A paper form often has the family name first; the ban's keys read the words in any order too.
    from candidates.bans import name_birth_date_hash

    mieke = known_person(first_name="Mieke Anna", last_name="Desmet")
    response = post(hr_client, procedure, first_name="Desmet", last_name="mieke  anna")
    assert response.status_code == 302, errors_of(response)
    assert Application.objects.get().candidate == mieke
    assert (name_birth_date_hash("Desmet", "mieke  anna", mieke.birth_date)
            == name_birth_date_hash(mieke.first_name, mieke.last_name, mieke.birth_date))


def test_an_address_typed_in_another_unicode_form_or_case_is_the_persons(hr_client, procedure):
    mieke = known_person(email="mieke@b\u00fccher.example")
    response = post(hr_client, procedure, email="  Mieke@Bu\u0308cher.example ")
    assert response.status_code == 302, errors_of(response)
    assert Application.objects.get().candidate == mieke
    assert get_user_model().objects.filter(email__icontains="cher.example").count() == 1


def test_hr_fills_in_only_what_the_person_left_empty(hr_client, procedure):
    mieke = known_person(phone="", street="", postal_code="", city="Brugge", birth_date=None)
    response = post(hr_client, procedure)

    assert response.status_code == 302 and Application.objects.get().candidate == mieke
    assert stored(mieke) == {"email": EMAIL, "first_name": "Mieke", "last_name": "Desmet", "phone": "056 27 80 00",
                             "street": "Grote Markt 54", "postal_code": "8500", "city": "Brugge",
                             "birth_date": date(1995, 5, 17), "language": "en"}


def test_the_form_shows_whom_a_known_address_belongs_to(hr_client, procedure):
    known_person(first_name="Jonas", last_name="Verhaeghe", birth_date=date(1988, 11, 2))
    response = post(hr_client, procedure, first_name="Jonas", last_name="Verhaeghe", birth_date="02/11/1988",
                    privacy_acknowledged=None)
    assert "Bevestig dat de kandidaat de privacyverklaring kreeg" in errors_of(response)
    help_text = re.sub(r"\s+", " ", response.content.decode().split('id="id_email_helptext"')[1].split("</div>")[0])
    assert "Dit e-mailadres hoort bij Jonas Verhaeghe (geboren op 02/11/1988)" in help_text


def test_a_new_address_makes_a_new_person_and_touches_no_one_else(hr_client, procedure):
    jonas = known_person(email="jonas.verhaeghe@example.org", first_name="Jonas", last_name="Verhaeghe")
    before = stored(jonas)
    response = post(hr_client, procedure)

    application = Application.objects.get()
    assert response.status_code == 302 and application.candidate != jonas
    assert (application.candidate.first_name, application.candidate.email) == ("Mieke", EMAIL)
    assert stored(jonas) == before
    page = hr_client.get(response["Location"]).content.decode()
    assert "had al gegevens in het systeem" not in page


@pytest.mark.parametrize("claim", ["added to an account", "signed up with"])
def test_an_address_someone_claimed_but_never_confirmed_belongs_to_no_one(hr_client, procedure, claim):
    # Someone puts the real owner's address on their own account without confirming it (and copies her name and
    # birth date): HR's entry for the owner must make her own account, never attach to theirs.
    if claim == "added to an account":
        claimer = known_person(email="claimer@example.org")
        EmailAddress.objects.create(user=claimer.user, email=EMAIL, primary=False, verified=False)
    else:
        claimer = known_person()
        EmailAddress.objects.filter(user=claimer.user).update(verified=False)
    before = stored(claimer)

    refused = post(hr_client, procedure, privacy_acknowledged=None).content.decode()
    response = post(hr_client, procedure)

    assert "Bevestig dat de kandidaat de privacyverklaring kreeg" in refused
    assert "Dit e-mailadres hoort bij" not in refused, "the form names no one for an unconfirmed address"
    application = Application.objects.get()
    assert response.status_code == 302 and application.candidate != claimer
    owner = application.candidate.user
    assert owner != claimer.user and owner.email == EMAIL
    assert list(EmailAddress.objects.filter(user=owner).values_list("email", "verified")) == [(EMAIL, True)]
    assert stored(claimer) == before
    assert not Application.objects.filter(candidate=claimer).exists()
    assert list(Mail.objects.exclude(to=EMAIL)) == []
    assert "had al gegevens in het systeem" not in hr_client.get(response["Location"]).content.decode()


def test_on_the_portal_a_person_still_updates_their_own_data(procedure):
    # The contrast: the person's own second application (another procedure) brings their new address along.
    mieke = known_person()
    other = ProcedureFactory(function=FunctionFactory(name="Administratief medewerker", slug="administratief"))
    DiplomaFactory(procedure=other, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    for applied_to, street in ((procedure, "Grote Markt 54"), (other, "Doorniksewijk 1")):
        submit_application(applied_to, user=mieke.user, answers=answers(applied_to),
                           personal=replace(PERSON, first_name="Mieke", last_name="Desmet", street=street),
                           documents={Document.Kind.DIPLOMA: proof()})
        assert Candidate.objects.get(pk=mieke.pk).street == street


# Refusals: the same rules as the portal, in Dutch, nothing half-made, HR's typing kept.

def in_an_earlier_round(procedure, candidate, stage, *, by, **round_values):
    """The candidate's application for an earlier, closed round of the same function, brought to `stage`."""
    earlier = ProcedureFactory(function=procedure.function, status="closed", **round_values)
    return walk_to(ApplicationFactory(candidate=candidate, procedure=earlier), stage, by=by)


def test_a_banned_person_is_refused_with_the_portals_end_date(hr_client, hr, procedure, storage, time_machine):
    time_machine.move_to("2026-02-03 11:00 +01:00")
    in_an_earlier_round(procedure, CandidateFactory(email=EMAIL, user__email=EMAIL, first_name="Mieke",
                                                    last_name="Desmet"), Stage.INTAKE_FAILED, by=hr)
    mails_before = Mail.objects.count()

    response = post(hr_client, procedure)
    assert response.status_code == 200
    assert "mag pas opnieuw solliciteren voor de functie Maatschappelijk werker vanaf 03/02/2027" in errors_of(response)
    assert not Application.objects.filter(procedure=procedure).exists()
    assert Mail.objects.count() == mails_before
    assert_kept_what_was_typed(response)


def test_hr_reads_the_end_date_even_before_the_candidate_was_told(hr_client, hr, procedure, time_machine):
    # HR may know the ban; the note keeps HR from telling it before the outcome mail left.
    time_machine.move_to("2026-02-03 11:00 +01:00")
    in_an_earlier_round(procedure, CandidateFactory(email=EMAIL, user__email=EMAIL, first_name="Mieke",
                                                    last_name="Desmet"), Stage.INTAKE_FAILED, by=hr)
    box = errors_of(post(hr_client, procedure))
    assert "vanaf 03/02/2027" in box and "de kandidaat kreeg die uitslag nog niet" in box
    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)
    box = errors_of(post(hr_client, procedure))
    assert "vanaf 03/02/2027" in box and "nog niet" not in box


@pytest.mark.parametrize(("stage", "text"), [
    (Stage.WAITLIST, "Deze persoon staat op de wachtlijst voor de functie Maatschappelijk werker tot en met "
                     "02/02/2027 (kandidatuur voor ‘Vorige ronde’): de jury van elke vacature nodigt hem of haar uit."),
    (Stage.RESERVE, "Deze persoon zit in de wervingsreserve voor de functie Maatschappelijk werker tot en met "
                    "02/02/2028 (kandidatuur voor ‘Vorige ronde’): bij een volgende vacature volgt een matchgesprek."),
])
def test_a_person_with_a_valid_waitlist_or_reserve_place_is_refused(hr_client, hr, procedure, storage,
                                                                     time_machine, stage, text):
    time_machine.move_to("2026-02-03 11:00 +01:00")
    in_an_earlier_round(procedure, known_person(), stage, by=hr, title="Vorige ronde")
    mails_before = Mail.objects.count()

    response = post(hr_client, procedure)
    assert response.status_code == 200
    box = errors_of(response)
    assert text in box and "Er is niets opgeslagen." in box
    assert not Application.objects.filter(procedure=procedure).exists()
    assert Mail.objects.count() == mails_before
    assert [name for name in stored_files(storage) if not name.startswith("stash/")] == []
    assert_kept_what_was_typed(response)


def test_a_banned_person_whose_data_was_erased_gets_no_account(hr_client, hr, procedure, storage, time_machine):
    # Only the keyed hash of the address is left: the account made for the new entry must roll back too.
    time_machine.move_to("2026-02-03 11:00 +01:00")
    old = in_an_earlier_round(procedure, CandidateFactory(email=EMAIL, user__email="oud@example.org"),
                              Stage.INTAKE_FAILED, by=hr)
    old.candidate.user.delete()
    users = get_user_model().objects.count()

    response = post(hr_client, procedure)
    assert "vanaf 03/02/2027" in errors_of(response)
    assert get_user_model().objects.count() == users
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
    assert not Application.objects.filter(procedure=procedure).exists()
    assert [name for name in stored_files(storage) if not name.startswith("stash/")] == []


def test_a_second_application_of_the_same_person_is_refused(hr_client, procedure):
    post(hr_client, procedure)
    first = Application.objects.get()
    mails = Mail.objects.count()

    response = post(hr_client, procedure, channel="counter")
    assert response.status_code == 200
    assert (f"{EMAIL} heeft al een kandidatuur voor ‘Maatschappelijk werker (B1-B3)’" in errors_of(response)
            and "Eén kandidatuur per persoon per procedure" in errors_of(response))
    assert reverse("admin:candidates_application_change", args=[first.pk]) in response.content.decode()
    assert list(Application.objects.all()) == [first] and Mail.objects.count() == mails
    assert_kept_what_was_typed(response, channel="counter")


def test_an_address_whose_account_is_switched_off_is_refused(hr_client, procedure, storage):
    user = UserFactory(username="mieke", email=EMAIL, is_active=False)
    EmailAddress.objects.create(user=user, email=EMAIL, primary=True, verified=True)
    users = get_user_model().objects.count()
    response = post(hr_client, procedure)
    assert response.status_code == 200
    assert f"Het account van {EMAIL} is uitgeschakeld" in errors_of(response)
    assert get_user_model().objects.count() == users and not Application.objects.exists()
    assert not Mail.objects.exists()
    assert_kept_what_was_typed(response)


@pytest.mark.parametrize(("overrides", "files", "message"), [
    ({"diploma": ""}, None, "Diploma: Kies het diploma uit de lijst."),
    ({}, {}, "Voeg de ingescande kopie van het diploma toe"),
    ({"diploma": "999999"}, None, "Kies een diploma uit de lijst."),
    ({"diploma_detail": ""}, {"diploma_file": pdf()}, "Vul de naam van je buitenlandse diploma in"),
])
def test_a_missing_or_wrong_diploma_is_refused(hr_client, procedure, storage, overrides, files, message):
    if "diploma_detail" in overrides:
        overrides = {**overrides, "diploma": str(foreign_diploma(procedure).pk)}
    users = get_user_model().objects.count()
    response = post(hr_client, procedure, files, **overrides)
    assert response.status_code == 200 and message in errors_of(response)
    assert_nothing_made(users, storage)
    assert_kept_what_was_typed(response)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("first_name", "M" * 101, "hoogstens 100 tekens (nu 101): maak de tekst korter"),
    ("email", "m" * 250 + "@example.org", "Hou het e-mailadres op hoogstens 254 tekens (nu 262)."),
    ("motivation", "m" * 6001, "hoogstens 6000 tekens (nu 6001)"),
    ("city", "K" * 101, "hoogstens 100 tekens (nu 101)"),
    ("diploma_detail", "D" * 301, "hoogstens 300 tekens (nu 301)"),
    ("email", "geen-adres", "Vul een geldig e-mailadres in"),
    ("channel", "portal", "Ontvangen via"),
    ("birth_date", "31/12/9999", "Geboortedatum"),
])
def test_odd_or_over_long_input_is_explained_never_a_500(hr_client, procedure, storage, field, value, message):
    users = get_user_model().objects.count()
    response = post(hr_client, procedure, **{field: value})
    assert response.status_code == 200 and message in errors_of(response), errors_of(response)
    assert not Application.objects.exists() and get_user_model().objects.count() == users


@pytest.mark.parametrize("invisible", ["\u202e", "\u2066", "\u200b", "\ufeff", "\x07", "\x1b", "\r\n", "\t"])
@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_a_name_with_an_invisible_or_steering_character_is_refused_with_a_message(hr_client, procedure, storage,
                                                                                   field, invisible):
    users = get_user_model().objects.count()
    response = post(hr_client, procedure, **{field: f"Mie{invisible}ke"})
    assert "Een naam mag geen onzichtbare tekens of stuurtekens bevatten" in errors_of(response)
    assert_nothing_made(users, storage)


def test_other_text_keeps_what_is_visible_and_loses_what_steers_the_display(hr_client, procedure):
    response = post(hr_client, procedure, street="Grote\u202eMarkt 1\r\nbus 2", city="Kort\u200brijk",
                    motivation="Lijn een\r\nLijn\u202e twee\u0007", diploma_detail="", first_name="Mie\u0301ke")
    assert response.status_code == 302, errors_of(response)
    application = Application.objects.select_related("candidate").get()
    candidate = application.candidate
    assert (candidate.street, candidate.city) == ("GroteMarkt 1 bus 2", "Kortrijk")
    assert application.motivation == "Lijn een\nLijn twee"
    assert candidate.first_name == "Miéke" and len(candidate.first_name) == 5  # NFC: one character for é


def test_the_inputs_carry_no_maxlength_that_would_cut_pasted_text(hr_client, procedure):
    html = hr_client.get(form_url(procedure)).content.decode()
    assert 'name="first_name"' in html and 'name="motivation"' in html
    assert 'name="email"' in html
    assert re.findall(r'<(?:input|textarea)[^>]*maxlength', html) == []


@pytest.mark.parametrize(("bad_file", "message"), [
    (upload("diploma.pdf", EXE), "is geen PDF, JPEG of PNG"),
    (upload("diploma.pdf", b""), "is leeg"),
])
def test_a_scanned_file_goes_through_the_portals_upload_checks(hr_client, procedure, storage, bad_file, message):
    users = get_user_model().objects.count()
    response = post(hr_client, procedure, files={"diploma_file": bad_file})
    assert message in errors_of(response)
    assert_nothing_made(users, storage)


def test_a_scanned_file_is_scanned_for_viruses(hr_client, procedure, storage, settings):
    users = get_user_model().objects.count()
    with FakeClamd() as clamd:
        settings.CLAMD_ADDRESS = clamd.address
        response = post(hr_client, procedure, files={"diploma_file": upload("diploma.pdf", PDF + EICAR)})
    assert clamd.streams == [PDF + EICAR]
    assert "werd een virus of schadelijke inhoud gevonden" in errors_of(response)
    assert_nothing_made(users, storage)


def test_a_closed_procedure_takes_no_entries_of_today(hr_client, procedure):
    procedure.status = "closed"
    procedure.save()
    choose = hr_client.get(reverse("admin:candidates_application_take_in")).content.decode()
    assert "geen procedure open" in choose
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    late = choose.split('id="take-in-closed-procedures"')[1]
    assert form_url(procedure) in late and f"laatste dag {yesterday:%d/%m/%Y}" in late
    Procedure.objects.filter(pk=procedure.pk).update(closed_on=None)  # closed on a day nobody recorded
    opened = hr_client.get(form_url(procedure))
    assert opened.status_code == 302 and opened["Location"] == reverse("admin:candidates_application_take_in")
    assert "neemt nu geen kandidaturen aan" in hr_client.get(opened["Location"]).content.decode()
    # Closed while HR was typing: refused on the form, with what HR typed still there.
    response = post(hr_client, procedure)
    assert response.status_code == 200 and "neemt nu geen kandidaturen aan" in errors_of(response)
    assert_kept_what_was_typed(response)
    assert not Application.objects.exists() and not Mail.objects.exists()


def test_the_choice_lists_the_open_procedures_and_the_list_links_to_it(hr_client, procedure):
    choose = hr_client.get(reverse("admin:candidates_application_take_in")).content.decode()
    assert form_url(procedure) in choose
    listing = hr_client.get(reverse("admin:candidates_application_changelist")).content.decode()
    assert reverse("admin:candidates_application_take_in") in listing


# The day it was received: a letter that arrived on time counts, however late HR enters it.

@pytest.fixture
def closed_in_january(procedure, time_machine):
    """Applications from 05/01 to 31/01/2026; the periodic job closed the procedure; today is 03/02/2026."""
    time_machine.move_to("2026-02-03 11:00 +01:00")
    procedure.applications_open_from, procedure.applications_close_on = date(2026, 1, 5), date(2026, 1, 31)
    procedure.status, procedure.closed_on = "closed", date(2026, 2, 1)  # the job closes at midnight after 31/01
    procedure.save()
    return procedure


def test_a_letter_that_arrived_on_time_is_entered_after_the_procedure_closed(hr_client, closed_in_january):
    procedure = closed_in_january
    choose = hr_client.get(reverse("admin:candidates_application_take_in")).content.decode()
    late = choose.split('id="take-in-closed-procedures"')[1]
    assert form_url(procedure) in late and "laatste dag 31/01/2026" in late
    form = hr_client.get(form_url(procedure))
    assert form.status_code == 200
    html = form.content.decode()
    assert "afgesloten voor kandidaturen na 31/01/2026" in html
    assert re.search(r'<input[^>]*name="received_on"[^>]*>', html).group(0).count('value="') == 0, \
        "no default for a closed procedure: today is never right there"

    response = post(hr_client, procedure, received_on="31/01/2026")
    assert response.status_code == 302, errors_of(response)
    application = Application.objects.get()
    assert application.received_on == date(2026, 1, 31)
    assert timezone.localdate(application.submitted_at) == date(2026, 2, 3)
    page = hr_client.get(response["Location"]).content.decode()
    assert re.search(r'Ontvangen op:</label>\s*<div class="readonly">31 januari 2026</div>', page)
    received = page.split('class="timeline-received"')[1].split("</tr>")[0]
    assert "Kandidatuur ontvangen via papier op 31/01/2026" in received
    assert "03/02/2026" in received, "the row's moment is when HR entered it"


def test_the_candidate_reads_the_day_their_letter_arrived(hr_client, closed_in_january):
    post(hr_client, closed_in_january, received_on="30/01/2026")
    application = Application.objects.get()
    application.candidate.user.set_password("Kortrijk-mieke-2026")
    application.candidate.user.save()
    portal = Client()
    portal.force_login(application.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    page = re.sub(r"\s+", " ", portal.get(reverse("candidates:detail", args=[application.public_id]))
                  .content.decode())
    assert re.search(r">30/01/2026</time> — Het selectieteam ontving je kandidatuur voor [^<]* op papier en "
                     r"voerde ze in\. Ze werd ingevoerd op 03/02/2026\.", page)


@pytest.mark.parametrize(("received_on", "message"), [
    ("04/02/2026", "De dag van ontvangst (04/02/2026) ligt in de toekomst"),
    ("04/01/2026", "Solliciteren voor ‘Maatschappelijk werker (B1-B3)’ kon pas vanaf 05/01/2026: een kandidatuur "
                   "ontvangen op 04/01/2026 kwam te vroeg"),
    ("01/02/2026", "Solliciteren voor ‘Maatschappelijk werker (B1-B3)’ kon tot en met 31/01/2026: een kandidatuur "
                   "ontvangen op 01/02/2026 kwam te laat"),
    ("", "Vul de dag in waarop de kandidatuur binnenkwam"),
    ("31/02/2026", "Vul de dag van ontvangst in als dag/maand/jaar"),
    ("9" * 300, "Vul de dag van ontvangst in als dag/maand/jaar"),
])
def test_a_day_of_receipt_outside_the_application_period_is_refused(hr_client, closed_in_january, storage,
                                                                    received_on, message):
    users = get_user_model().objects.count()
    response = post(hr_client, closed_in_january, received_on=received_on)
    assert response.status_code == 200
    assert f"Ontvangen op: {message}" in errors_of(response), errors_of(response)
    assert_nothing_made(users, storage)
    assert_kept_what_was_typed(response)


def test_the_ban_is_judged_on_the_day_the_application_arrived(hr_client, hr, closed_in_january):
    # Failed an earlier round's intake on 01/02: banned from then on. A letter of 30/01 came before the ban.
    old = in_an_earlier_round(closed_in_january, known_person(), Stage.INTAKE_FAILED, by=hr)
    old.ban.starts_on, old.ban.ends_on = date(2026, 2, 1), date(2027, 2, 1)
    old.ban.save()

    assert post(hr_client, closed_in_january, received_on="30/01/2026").status_code == 302
    assert Application.objects.filter(procedure=closed_in_january).count() == 1


def test_a_ban_in_force_on_the_day_of_receipt_refuses_even_when_it_ended_since(hr_client, hr, closed_in_january):
    old = in_an_earlier_round(closed_in_january, known_person(), Stage.INTAKE_FAILED, by=hr)
    old.ban.starts_on, old.ban.ends_on = date(2025, 2, 1), date(2026, 2, 1)
    old.ban.save()

    response = post(hr_client, closed_in_january, received_on="30/01/2026")
    assert "mag pas opnieuw solliciteren voor de functie Maatschappelijk werker vanaf 01/02/2026" in errors_of(response)
    assert not Application.objects.filter(procedure=closed_in_january).exists()


def test_a_procedure_closed_by_hand_takes_only_letters_from_before_that_day(hr_client, procedure, time_machine):
    # Applications from 05/01 to 31/01/2026; HR closed it by hand on 20/01. From that day on nothing counts, even
    # once its last day has passed; a letter from before it does, whenever HR enters it.
    procedure.applications_open_from, procedure.applications_close_on = date(2026, 1, 5), date(2026, 1, 31)
    procedure.save()
    time_machine.move_to("2026-01-20 15:00 +01:00")
    procedure.status = "closed"
    procedure.save()
    procedure.refresh_from_db()
    assert procedure.closed_on == date(2026, 1, 20)

    for today in ("2026-01-25 11:00 +01:00", "2026-02-03 11:00 +01:00"):
        time_machine.move_to(today)
        for late in ("20/01/2026", "24/01/2026"):
            response = post(hr_client, procedure, received_on=late)
            assert (f"De procedure ‘Maatschappelijk werker (B1-B3)’ werd op 20/01/2026 afgesloten voor kandidaturen: "
                    f"een kandidatuur ontvangen op {late} kwam te laat." in errors_of(response)), errors_of(response)
        assert not Application.objects.exists()
    form = hr_client.get(form_url(procedure)).content.decode()
    assert "Voer alleen een kandidatuur in die ten laatste op 19/01/2026 binnenkwam" in form
    late = hr_client.get(reverse("admin:candidates_application_take_in")).content.decode()
    assert "laatste dag 19/01/2026" in late.split('id="take-in-closed-procedures"')[1]
    assert post(hr_client, procedure, received_on="19/01/2026").status_code == 302
    assert Application.objects.get().received_on == date(2026, 1, 19)


def test_a_procedure_closed_on_an_unknown_day_takes_no_late_entries(hr_client, closed_in_january):
    # Closed before the day was recorded (an older database): no day counts as open.
    Procedure.objects.filter(pk=closed_in_january.pk).update(closed_on=None)
    response = post(hr_client, closed_in_january, received_on="19/01/2026")
    assert ("De procedure ‘Maatschappelijk werker (B1-B3)’ werd met de hand afgesloten voor kandidaturen. Op welke "
            "dag dat gebeurde, is niet bekend" in errors_of(response))
    assert not Application.objects.exists()
    assert hr_client.get(form_url(closed_in_january)).status_code == 302


def test_an_open_procedure_takes_a_letter_of_an_earlier_day_and_defaults_to_today(hr_client, procedure,
                                                                                  time_machine):
    time_machine.move_to("2026-01-20 11:00 +01:00")
    procedure.applications_open_from, procedure.applications_close_on = date(2026, 1, 5), date(2026, 1, 31)
    procedure.save()
    html = hr_client.get(form_url(procedure)).content.decode()
    assert 'value="20/01/2026"' in re.search(r'<input[^>]*name="received_on"[^>]*>', html).group(0)
    assert post(hr_client, procedure, received_on="16/01/2026").status_code == 302
    assert Application.objects.get().received_on == date(2026, 1, 16)


def test_the_export_says_on_which_day_each_application_reached_the_city(hr_client, closed_in_january):
    post(hr_client, closed_in_january, received_on="30/01/2026")
    # Just after midnight in Kortrijk, still the day before in UTC: the export counts Kortrijk's day.
    ApplicationFactory(procedure=closed_in_january, submitted_at=datetime.fromisoformat("2026-01-21T00:30+01:00"),
                       candidate=CandidateFactory(first_name="Portaal", last_name="Persoon"))
    response = hr_client.get(reverse("reports:export_csv", args=[closed_in_january.pk]))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    days = {row["Voornaam"]: (row["Ingediend op"][:10], row["Ontvangen op"]) for row in rows}
    assert days == {"Mieke": ("03/02/2026", "30/01/2026"), "Portaal": ("21/01/2026", "21/01/2026")}


def test_a_portal_application_has_no_day_of_receipt_of_its_own(procedure):
    mieke = known_person()
    application = submit_application(procedure, user=mieke.user, answers=answers(procedure),
                                     personal=replace(PERSON, first_name="Mieke", last_name="Desmet"),
                                     documents={Document.Kind.DIPLOMA: proof()})
    assert application.received_on is None


# Who may: HR only. Everyone else reaches the admin's log-in and makes nothing.

@pytest.mark.parametrize("who", ["anonymous", "candidate", "interviewer"])
def test_only_hr_may_use_the_form(client, procedure, interviewer, who):
    if who == "candidate":
        client.force_login(UserFactory(email="kandidaat@example.org"))
    elif who == "interviewer":
        login_staff(client, interviewer)
    for url in (reverse("admin:candidates_application_take_in"), form_url(procedure)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    response = client.post(form_url(procedure), take_in_data(procedure))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Application.objects.exists() and not Mail.objects.exists()


def test_the_form_refuses_a_post_without_csrf_token(procedure, hr):
    client = Client(enforce_csrf_checks=True)
    login_staff(client, hr)
    response = client.post(form_url(procedure), take_in_data(procedure))
    assert response.status_code == 403
    assert not Application.objects.exists()


# A double click: two POSTs at once make one person, one account, one application, one receipt.

def concurrent_posts(procedure, hr, emails):
    posts = []
    for email in emails:
        client = Client()
        login_staff(client, hr)
        posts.append(partial(client.post, form_url(procedure), take_in_data(procedure, email=email)))
    handles = run_together(*posts)
    assert_no_error(handles)
    return [h.result for h in handles]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_makes_one_application_and_one_account(procedure):
    hr = hr_user(username="hr-dubbel")
    responses = concurrent_posts(procedure, hr, [EMAIL] * 3)

    assert sorted(r.status_code for r in responses) == [200, 200, 302]
    refused = [r for r in responses if r.status_code == 200]
    assert all("heeft al een kandidatuur" in errors_of(r) for r in refused)
    assert Application.objects.count() == 1 and Document.objects.count() == 1
    assert get_user_model().objects.filter(email=EMAIL).count() == 1
    assert EmailAddress.objects.filter(email=EMAIL).count() == 1
    assert sorted(Mail.objects.values_list("event", flat=True)) == ["application_received", "portal_invitation"]


@pytest.mark.django_db(transaction=True)
def test_negative_control_two_people_at_once_are_both_entered(procedure):
    # The same race with two addresses: both go through, so the lock serialises one person, not every entry.
    hr = hr_user(username="hr-twee")
    responses = concurrent_posts(procedure, hr, [EMAIL, "jonas.verhaeghe@example.org"])
    assert sorted(r.status_code for r in responses) == [302, 302]
    assert Application.objects.count() == 2 and get_user_model().objects.filter(is_staff=False).count() == 2
    assert Mail.objects.filter(event="portal_invitation").count() == 2


def test_the_back_office_list_filters_on_how_applications_came_in(hr_client, procedure):
    post(hr_client, procedure)
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name="Portaal", last_name="Persoon"))
    url = reverse("admin:candidates_application_changelist")
    paper = hr_client.get(url, {"channel__exact": "paper"}).content.decode()
    assert "Mieke" in paper and "Portaal Persoon" not in paper
