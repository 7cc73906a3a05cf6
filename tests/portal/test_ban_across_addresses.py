"""The ban holds the person, not one address.

An exact match (any address the banned account verified, also one verified after the ban, kept as a keyed hash
through erasure) refuses with the end date. A likely match (the same name and birth date, or the same address but
for a +tag or Gmail's dots) is accepted and flagged for HR at screening, with the ban's dates and reason.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from candidates.models import Application, BanKey, BanMatch, Candidate, ErasureRequest
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from procedures.models import Diploma
from tests.auth import login_staff
from tests.backoffice.test_take_in import take_in_data
from tests.candidates.stage_paths import walk_to
from tests.factories import DiplomaFactory, ProcedureFactory, UserFactory
from tests.portal.conftest import form_data
from tests.portal.files import pdf
from tests.portal.test_apply_view import apply_url

pytestmark = pytest.mark.django_db

PASSWORD = "Kortrijk-sollicitant-2026"
LINK = re.compile(r"https?://[^\s]+")
ANN = {"first_name": "Ann", "last_name": "Peeters", "birth_date": "17/05/1995"}


def verified_account(email):
    user = UserFactory(username=email.split("@")[0], email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def logged_in(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def apply(client, procedure, **personal):
    return client.post(apply_url(procedure), {**form_data(procedure, **{**ANN, **personal}), "diploma_file": pdf()})


def confirm_link(to):
    """Follow the confirmation link of the last account mail to an address, as its owner would."""
    body = Mail.objects.filter(to=to, event="account").order_by("id").last().body_text
    link = next(url for url in LINK.findall(body) if "confirm-email" in url)
    return re.sub(r"^https?://[^/]+", "", link)


def sign_up_and_verify(email):
    client = Client()
    client.post("/account/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    client.post(confirm_link(email))
    assert EmailAddress.objects.get(email=email).verified
    return client


@pytest.fixture
def round_two(procedure):
    """The next round of the same function, open for applications."""
    return make_round(procedure, "Maatschappelijk werker (2e ronde)", "maatschappelijk-werker-2")


def make_round(procedure, title, slug):
    later = ProcedureFactory(function=procedure.function, title=title, slug=slug)
    DiplomaFactory(procedure=later, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    return later


@pytest.fixture
def banned_ann(procedure, hr, time_machine):
    """Ann (ann@example.org) applied for round one and failed the intake on 03/02/2026; HR released the mail."""
    time_machine.move_to("2026-01-20 10:00 +01:00")
    ann = verified_account("ann@example.org")
    assert apply(logged_in(ann), procedure).status_code == 302
    time_machine.move_to("2026-02-03 11:00 +01:00")
    walk_to(Application.objects.get(), Stage.INTAKE_FAILED, by=hr)
    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)
    time_machine.move_to("2026-03-02 10:00 +01:00")
    return ann


def test_changed_address_then_erasure_then_a_new_account_with_that_address_is_refused(
        banned_ann, round_two, hr, django_capture_on_commit_callbacks, time_machine):
    # The scenario, through the real pages: change the address, ask for erasure, sign up again.
    client = logged_in(banned_ann)
    client.post("/account/reauthenticate/", {"password": PASSWORD})
    client.post("/account/email/", {"action_add": "", "email": "ann.nieuw@example.org"})
    client.post(confirm_link("ann.nieuw@example.org"))
    assert list(EmailAddress.objects.filter(user=banned_ann).values_list("email", "verified")) == [
        ("ann.nieuw@example.org", True)]  # the old address is gone from the account
    client.post(reverse("candidates:erasure"))
    staff = Client()
    login_staff(staff, hr)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("admin:candidates_erasurerequest_confirm", args=[ErasureRequest.objects.get().pk]))
    assert Candidate.objects.get(user=banned_ann).erased_at is not None
    assert not EmailAddress.objects.filter(email="ann.nieuw@example.org").exists()

    time_machine.move_to("2026-03-09 10:00 +01:00")  # a week later (allauth sends one confirmation per 3 minutes)
    again = sign_up_and_verify("ann.nieuw@example.org")
    response = apply(again, round_two)
    text = " ".join(response.content.decode().split())
    assert "Je kan pas opnieuw solliciteren voor de functie Maatschappelijk werker vanaf 03/02/2027." in text
    assert not Application.objects.filter(procedure=round_two).exists()


def test_an_address_verified_while_the_ban_runs_refuses_a_second_account(banned_ann, round_two):
    client = logged_in(banned_ann)
    client.post("/account/reauthenticate/", {"password": PASSWORD})
    client.post("/account/email/", {"action_add": "", "email": "Ann.Werk@Example.org"})
    client.post(confirm_link("ann.werk@example.org"))
    ban_keys = BanKey.objects.filter(kind=BanKey.Kind.ADDRESS).count()
    assert ban_keys == 2  # the old address and the one verified after the ban
    # The person frees the address (erasure is not needed for that), then uses it for a new account.
    EmailAddress.objects.filter(user=banned_ann).delete()

    response = apply(logged_in(verified_account("ann.werk@example.org")), round_two)
    assert "vanaf 03/02/2027" in response.content.decode()
    assert not Application.objects.filter(procedure=round_two).exists()


def test_an_address_added_but_never_verified_bars_nobody(banned_ann, round_two):
    # Someone else's address typed into the banned account must not bar its real owner.
    client = logged_in(banned_ann)
    client.post("/account/reauthenticate/", {"password": PASSWORD})
    client.post("/account/email/", {"action_add": "", "email": "buur@example.org"})
    assert not EmailAddress.objects.get(email="buur@example.org").verified
    EmailAddress.objects.filter(email="buur@example.org").delete()

    response = apply(logged_in(verified_account("buur@example.org")), round_two, first_name="Bert",
                     last_name="Buur", birth_date="01/02/1990")
    assert response.status_code == 302
    assert not BanMatch.objects.exists()


@pytest.mark.parametrize(("address", "personal", "same_name", "similar_address"), [
    # A new address, the same person: name and birth date, typed another way (case, spaces, order, Unicode form).
    ("a.peeters@telenet.be", {"first_name": "  ANN ", "last_name": "peeters"}, True, False),
    ("a.peeters@telenet.be", {"first_name": "Peeters", "last_name": "Ann"}, True, False),
    # The same mailbox: a +tag (any provider).
    ("ann+sollicitatie@example.org", {"first_name": "Anna", "birth_date": "18/05/1995"}, False, True),
])
def test_a_likely_match_is_accepted_and_flagged_for_hr(banned_ann, round_two, address, personal, same_name,
                                                       similar_address):
    response = apply(logged_in(verified_account(address)), round_two, **personal)
    assert response.status_code == 302
    application = Application.objects.get(procedure=round_two)
    assert application.stage == Stage.SCREENING
    flag = BanMatch.objects.get(application=application)
    assert (flag.same_name_and_birth_date, flag.similar_address) == (same_name, similar_address)
    assert (flag.ban_starts_on.isoformat(), flag.ban_ends_on.isoformat()) == ("2026-02-03", "2027-02-03")
    assert flag.ban_after_stage == Stage.INTAKE_FAILED and flag.cleared_at is None
    # The candidate is told nothing of it.
    page = logged_in(application.candidate.user).get(response["Location"]).content.decode()
    assert "uitgesloten" not in page and "03/02/2027" not in page


def test_gmail_ignores_dots_and_so_does_the_ban(procedure, round_two, hr, time_machine):
    time_machine.move_to("2026-02-03 11:00 +01:00")
    jan = verified_account("jan.peeters@gmail.com")
    apply(logged_in(jan), procedure, first_name="Jan", birth_date="02/03/1990")
    walk_to(Application.objects.get(), Stage.INTAKE_FAILED, by=hr)

    apply(logged_in(verified_account("janpeeters@googlemail.com")), round_two, first_name="Johan",
          birth_date="02/03/1991")
    assert BanMatch.objects.get().similar_address
    # Elsewhere a dot may tell two people apart: not a likely match by itself.
    other_round = make_round(procedure, "Maatschappelijk werker (3e ronde)", "maatschappelijk-werker-3")
    time_machine.move_to("2026-02-04 11:00 +01:00")
    kris = verified_account("kris.peeters@telenet.be")
    apply(logged_in(kris), other_round, first_name="Kris", birth_date="04/04/1984")
    walk_to(Application.objects.get(candidate__user=kris), Stage.INTAKE_FAILED, by=hr)
    fourth = make_round(procedure, "Maatschappelijk werker (4e ronde)", "maatschappelijk-werker-4")
    assert apply(logged_in(verified_account("krispeeters@telenet.be")), fourth, first_name="Kristof",
                 birth_date="05/05/1985").status_code == 302
    assert not BanMatch.objects.filter(application__procedure=fourth).exists()


def test_a_namesake_with_another_birth_date_is_not_flagged(banned_ann, round_two):
    response = apply(logged_in(verified_account("ann.peeters@skynet.be")), round_two, birth_date="17/05/1996")
    assert response.status_code == 302
    assert not BanMatch.objects.exists()


def test_the_same_address_in_other_capitals_is_the_same_address(banned_ann, round_two):
    # allauth keeps one account per address whatever the case; the ban's exact key ignores case too.
    EmailAddress.objects.filter(user=banned_ann).delete()
    response = apply(logged_in(verified_account("ANN@Example.org")), round_two, first_name="Annie")
    assert "vanaf 03/02/2027" in response.content.decode()


def test_no_plain_name_or_address_is_kept_in_a_key(banned_ann):
    digests = " ".join(BanKey.objects.values_list("digest", flat=True))
    assert set(BanKey.objects.values_list("kind", flat=True)) == set(BanKey.Kind.values)
    assert "ann" not in digests.lower() and "peeters" not in digests.lower() and "1995" not in digests


def test_hr_entering_a_likely_match_flags_it_too(banned_ann, round_two, hr):
    staff = Client()
    login_staff(staff, hr)
    data = take_in_data(round_two, email="peeters.ann@example.org", **ANN)
    response = staff.post(reverse("admin:candidates_application_take_in_form", args=[round_two.pk]), data)
    assert response.status_code == 302
    assert BanMatch.objects.get().application.procedure == round_two


def test_a_second_procedure_of_the_function_is_the_unit_not_the_procedure(banned_ann, procedure):
    # Negative control: another function's procedure takes Ann's namesake without any flag.
    other = ProcedureFactory(title="Administratief medewerker", slug="administratief-medewerker")
    diploma = DiplomaFactory(procedure=other, name="Diploma secundair onderwijs", kind=Diploma.Kind.CURRENT)
    response = apply(logged_in(verified_account("ann.peeters@skynet.be")), other, diploma=str(diploma.pk))
    assert response.status_code == 302 and not BanMatch.objects.exists()
