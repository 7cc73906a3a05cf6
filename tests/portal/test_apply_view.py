"""Applying through the portal's form: the happy path, refusals, double submits, bad input kept and explained."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from candidates.answers import MAX_EXPERIENCE_YEARS
from candidates.models import Application, Candidate, Document
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import release_mails
from tests.candidates.stage_paths import walk_to
from tests.factories import ApplicationFactory, CandidateFactory, DiplomaFactory, ProcedureFactory
from tests.portal.conftest import current_diploma, foreign_diploma, form_data
from tests.portal.files import PNG, pdf, upload

pytestmark = pytest.mark.django_db


def apply_url(procedure):
    return reverse("candidates:apply", kwargs={"slug": procedure.slug})


def post(client, procedure, files=None, **overrides):
    data = form_data(procedure, **overrides)
    data.update(files if files is not None else {"diploma_file": pdf()})
    return client.post(apply_url(procedure), data)


def errors_of(response):
    """The messages of the error summary, as the candidate reads them."""
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", summary.group(0))) if summary else ""


def test_it_applies_and_stores_everything(client_a, user, procedure, private_storage):
    response = post(client_a, procedure, files={"diploma_file": upload("mijn diploma.png", PNG, "text/plain"),
                                                "cv_file": pdf("cv.pdf")})
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:submitted", kwargs={"public_id": application.public_id})
    assert application.stage == Stage.SCREENING
    assert application.diploma == current_diploma(procedure)
    assert (application.years_public_sector, str(application.years_private_sector)) == (2, "3.5")
    assert application.privacy_acknowledged_at is not None
    candidate = Candidate.objects.get(user=user)
    assert (candidate.first_name, candidate.city, candidate.email) == ("Ann", "Kortrijk", "ann@example.org")

    documents = {d.kind: d for d in Document.objects.filter(application=application)}
    assert set(documents) == {Document.Kind.DIPLOMA, Document.Kind.CV}
    diploma = documents[Document.Kind.DIPLOMA]
    # Typed by its content (PNG), not by what the browser said (text/plain); named by us, not by the candidate.
    assert (diploma.content_type, diploma.original_name, diploma.size) == ("image/png", "mijn diploma.png", len(PNG))
    assert re.fullmatch(r"documents/[0-9a-f]{32}", diploma.file.name)
    stored = Path(diploma.file.path).resolve()
    assert stored.is_relative_to(private_storage.resolve()) and stored.read_bytes() == PNG
    web_roots = [Path(settings.STATIC_ROOT), *map(Path, settings.STATICFILES_DIRS)]
    assert not any(stored.is_relative_to(root.resolve()) for root in web_roots)

    mail = Mail.objects.get(event="application_received")
    assert mail.to == "ann@example.org" and mail.state == Mail.State.QUEUED
    assert mail.related == application and procedure.title in mail.subject
    assert "Ann Peeters" in mail.body_text


def test_the_real_private_root_is_outside_every_web_root():
    from kortrijk_ats import settings as project

    private = Path(project.PRIVATE_STORAGE_ROOT).resolve()
    for root in [project.STATIC_ROOT, *project.STATICFILES_DIRS, project.BASE_DIR / "templates"]:
        root = Path(root).resolve()
        assert not private.is_relative_to(root) and not root.is_relative_to(private)
    assert getattr(project, "MEDIA_ROOT", "") in ("", None) or not private.is_relative_to(Path(project.MEDIA_ROOT))


def test_the_confirmation_page_says_what_was_received(client_a, procedure):
    post(client_a, procedure)
    application = Application.objects.get()
    page = client_a.get(reverse("candidates:submitted", kwargs={"public_id": application.public_id}))
    html = page.content.decode()
    assert "Bedankt, je kandidatuur is ingediend" in html
    assert "ann@example.org" in html and "Bachelor in het sociaal werk" in html and "diploma.pdf" in html
    assert "no-store" in page["Cache-Control"]


def test_the_form_is_prefilled_from_the_account_and_earlier_applications(client_a, user, procedure, other_procedure):
    DiplomaFactory(procedure=other_procedure)
    Candidate.objects.create(user=user, first_name="Ann", last_name="Peeters", email=user.email, city="Heule")
    html = client_a.get(apply_url(procedure)).content.decode()
    assert 'value="ann@example.org"' in html and 'value="Heule"' in html
    assert "no-store" in client_a.get(apply_url(procedure))["Cache-Control"]


def test_the_diploma_list_is_grouped_and_holds_only_the_catalogue(client_a, procedure, other_procedure):
    stranger = DiplomaFactory(procedure=other_procedure, name="Diploma van een andere procedure")
    html = client_a.get(apply_url(procedure)).content.decode()
    assert re.search(r'<optgroup label="Diploma’s">.*Bachelor in het sociaal werk', html, re.S)
    assert '<optgroup label="Oudere diploma’s">' in html and '<optgroup label="Buitenlands diploma">' in html
    assert stranger.name not in html


def test_every_field_has_a_visible_label(client_a, procedure):
    html = client_a.get(apply_url(procedure)).content.decode()
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', html))
    ids.discard("id_csrfmiddlewaretoken")
    labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', html))
    assert ids and ids <= labelled, ids - labelled
    # Personal fields say what they hold (WCAG 1.3.5), so the browser can fill them in.
    for field, purpose in [("first_name", "given-name"), ("phone", "tel"), ("birth_date", "bday")]:
        assert re.search(rf'<input[^>]*autocomplete="{purpose}"[^>]*id="id_{field}"', html), field
    assert re.search(r'<input type="tel"[^>]*id="id_phone"', html)


def test_a_diploma_outside_the_catalogue_is_refused(client_a, procedure, other_procedure):
    stranger = DiplomaFactory(procedure=other_procedure)
    response = post(client_a, procedure, diploma=str(stranger.pk))
    assert response.status_code == 200
    assert "Kies een diploma uit de lijst" in errors_of(response)
    assert not Application.objects.exists() and not Document.objects.exists()


def test_a_birth_date_in_the_future_is_refused_and_the_rest_is_kept(client_a, procedure):
    future = (timezone.localdate() + timezone.timedelta(days=3)).strftime("%d/%m/%Y")
    response = post(client_a, procedure, birth_date=future, first_name="Ann-Sofie")
    assert "Je geboortedatum kan niet in de toekomst liggen" in errors_of(response)
    html = response.content.decode()
    assert 'value="Ann-Sofie"' in html and f'value="{future}"' in html and "Ik werk graag met mensen." in html
    assert not Application.objects.exists()


@pytest.mark.parametrize(("value", "message"), [
    ("31/02/1990", "Vul je geboortedatum in als dag/maand/jaar"),
    ("01/01/1900", "tussen 16 en 100 jaar"),
    ("", "Vul je geboortedatum in."),
])
def test_an_impossible_birth_date_is_explained(client_a, procedure, value, message):
    assert message in errors_of(post(client_a, procedure, birth_date=value))


@pytest.mark.parametrize("value", ["-1", "51", "abc", "2,55"])
def test_experience_years_must_be_between_0_and_50(client_a, procedure, value):
    errors = errors_of(post(client_a, procedure, years_public_sector=value))
    assert "Jaren ervaring in de openbare sector" in errors
    assert not Application.objects.exists()


def test_fifty_years_is_still_accepted(client_a, procedure):
    post(client_a, procedure, years_public_sector=str(MAX_EXPERIENCE_YEARS), years_private_sector="0")
    assert Application.objects.get().years_public_sector == 50


def test_an_empty_form_explains_every_missing_answer_in_dutch(client_a, procedure):
    procedure.cv_required = procedure.motivation_required = True
    procedure.save()
    response = client_a.post(apply_url(procedure), {})
    errors = errors_of(response)
    for message in ["Vul je voornaam in.", "Vul je achternaam in.", "Vul je telefoonnummer in.",
                    "Vul je straat en huisnummer in.", "Vul je postcode in.", "Vul je gemeente in.",
                    "Vul je geboortedatum in.", "Kies je diploma uit de lijst.", "Voeg een kopie van je diploma toe",
                    "Voeg je cv toe", "Schrijf in een paar zinnen waarom", "Vul het aantal jaren in",
                    "Bevestig dat je de privacyverklaring gelezen hebt."]:
        assert message in errors, message
    # Each message in the summary links to its field.
    assert 'href="#id_first_name"' in response.content.decode()


def test_a_foreign_diploma_needs_the_equivalence_certificate(client_a, procedure):
    response = post(client_a, procedure, diploma=str(foreign_diploma(procedure).pk))
    errors = errors_of(response)
    assert "gelijkwaardigheidsattest nodig" in errors and "naam van je buitenlandse diploma" in errors
    assert not Application.objects.exists()
    post(client_a, procedure, diploma=str(foreign_diploma(procedure).pk), diploma_detail="Licence en travail social",
         files={"diploma_file": pdf(), "equivalence_file": pdf("naric.pdf")})
    application = Application.objects.get()
    assert application.diploma_detail == "Licence en travail social"
    assert set(application.documents.values_list("kind", flat=True)) == {"diploma", "equivalence"}


def test_the_privacy_notice_must_be_acknowledged(client_a, procedure):
    response = post(client_a, procedure, privacy_acknowledged=None)
    assert "Bevestig dat je de privacyverklaring gelezen hebt." in errors_of(response)
    assert 'href="/privacy/"' in response.content.decode()


def test_a_second_submit_finds_the_first_application(client_a, procedure):
    first = post(client_a, procedure)
    second = post(client_a, procedure)
    application = Application.objects.get()
    assert first["Location"].endswith(f"/{application.public_id}/ontvangen/")
    assert second.status_code == 302 and second["Location"].endswith(f"/mijn-kandidaturen/{application.public_id}/")
    page = client_a.get(second["Location"])
    assert "Je hebt al gesolliciteerd voor" in page.content.decode()
    assert Document.objects.count() == 1 and Mail.objects.filter(event="application_received").count() == 1


def test_a_banned_candidate_is_refused_with_the_date_and_the_open_procedures(
        client_a, user, procedure, other_procedure, hr, time_machine):
    DiplomaFactory(procedure=other_procedure)
    ProcedureFactory(title="Gesloten procedure", status="closed")
    earlier = ProcedureFactory(function=procedure.function, title="Vorige ronde", status="closed")
    time_machine.move_to("2026-01-20 10:00 +01:00")
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(old, to=stage, by=hr)
    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)
    time_machine.move_to("2026-06-01 10:00 +02:00")

    page = client_a.get(apply_url(procedure))
    html = page.content.decode()
    assert "Je kan nu niet solliciteren" in html
    assert "20/01/2027" in html
    assert f'href="/mijn-kandidaturen/{old.public_id}/"' in html
    others = html.split('id="andere-vacatures"')[1]
    assert other_procedure.title in others and f'href="/vacatures/{other_procedure.slug}/"' in others
    assert "Gesloten procedure" not in others and "Vorige ronde" not in others

    response = post(client_a, procedure)
    assert "20/01/2027" in response.content.decode()
    assert not Application.objects.filter(procedure=procedure).exists()
    assert not Document.objects.exists()


def test_a_banned_candidate_may_still_apply_for_another_function(client_a, user, procedure, other_procedure, hr):
    DiplomaFactory(procedure=other_procedure, name="Diploma secundair onderwijs")
    earlier = ProcedureFactory(function=procedure.function, status="closed")
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(old, to=stage, by=hr)
    assert "Je kan nu niet solliciteren" in client_a.get(apply_url(procedure)).content.decode()
    diploma = other_procedure.diplomas.get()
    response = post(client_a, other_procedure, diploma=str(diploma.pk))
    assert response.status_code == 302
    assert Application.objects.filter(procedure=other_procedure).count() == 1


def test_a_closed_procedure_takes_no_applications(client_a, procedure):
    procedure.status = "closed"
    procedure.save()
    assert "neemt nu geen kandidaturen aan" in client_a.get(apply_url(procedure)).content.decode()
    post(client_a, procedure)
    assert not Application.objects.exists()


def test_a_draft_procedure_does_not_exist_for_candidates(client_a, procedure):
    procedure.status = "draft"
    procedure.save()
    assert client_a.get(apply_url(procedure)).status_code == 404


def test_anonymous_is_sent_to_log_in(client, procedure):
    response = client.get(apply_url(procedure))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert client.post(apply_url(procedure), form_data(procedure)).status_code == 302
    assert not Application.objects.exists()


def test_the_form_refuses_a_post_without_csrf_token(procedure, user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(apply_url(procedure), {**form_data(procedure), "diploma_file": pdf()})
    assert response.status_code == 403
    assert not Application.objects.exists()


@pytest.mark.parametrize(("field", "value"), [
    ("first_name", "Ann\x00"), ("motivation", "a" * 6001), ("years_public_sector", "NaN"),
    ("years_private_sector", "1e5"), ("birth_date", "31/12/9999"), ("diploma", "99999999999999999999"),
    ("diploma", "abc"), ("city", "x" * 101),
])
def test_odd_input_is_explained_never_a_500(client_a, procedure, field, value):
    response = post(client_a, procedure, **{field: value})
    assert response.status_code == 200
    assert errors_of(response) and not Application.objects.exists()


def test_failing_this_very_procedure_shows_the_ban_date_not_already_applied(
        client_a, user, procedure, hr, time_machine):
    time_machine.move_to("2026-01-22 10:00 +01:00")
    failed = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=procedure)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(failed, to=stage, by=hr)
    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)

    html = client_a.get(apply_url(procedure)).content.decode()
    assert "22/01/2027" in html
    assert "Je hebt al gesolliciteerd" not in html


# An outcome HR has not released (its mail waits as a draft) is not told by the apply page either.

STILL_HANDLED = "Je hebt nog een kandidatuur voor deze functie die in behandeling is."


@pytest.mark.parametrize(("failed_stage", "event"), [(Stage.INTAKE_FAILED, "intake_failed"),
                                                     (Stage.JURY_FAILED, "jury_failed")])
def test_a_ban_whose_outcome_waits_for_release_is_not_told_by_the_apply_page(
        client_a, user, procedure, hr, time_machine, failed_stage, event):
    earlier = ProcedureFactory(function=procedure.function, title="Vorige ronde", status="closed")
    time_machine.move_to("2026-01-20 10:00 +01:00")
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    walk_to(old, failed_stage, by=hr)
    assert Mail.objects.get(event=event).state == Mail.State.DRAFT
    time_machine.move_to("2026-02-01 10:00 +01:00")

    for response in (client_a.get(apply_url(procedure)), post(client_a, procedure)):
        text = " ".join(response.content.decode().split())
        assert STILL_HANDLED in text
        assert "20/01/2027" not in text and "2027-01-20" not in text
        assert "niet geslaagd" not in text.lower() and "wachttijd" not in text
    assert not Application.objects.filter(procedure=procedure).exists()

    release_mails(Mail.objects.filter(event=event), by=hr)
    text = " ".join(client_a.get(apply_url(procedure)).content.decode().split())
    assert STILL_HANDLED not in text
    assert "Je kan pas opnieuw solliciteren voor de functie Maatschappelijk werker vanaf 20/01/2027." in text
    assert '<time datetime="2027-01-20">20/01/2027</time>' in text


def test_a_held_not_eligible_decision_is_not_named_when_applying_again(client_a, user, procedure, hr):
    screened = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=procedure)
    change_stage(screened, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma van het juiste niveau.")

    page = " ".join(client_a.get(apply_url(procedure), follow=True).content.decode().split())
    assert "Je hebt al gesolliciteerd voor" in page
    assert "afgesloten" not in page and "niet toegelaten" not in page.lower()

    release_mails(Mail.objects.filter(event="screening_not_eligible"), by=hr)
    page = " ".join(client_a.get(apply_url(procedure), follow=True).content.decode().split())
    assert "is afgesloten (niet toegelaten)" in page


def test_a_closed_application_without_ban_is_not_called_well_received(client_a, user, procedure, hr):
    withdrawn = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=procedure)
    change_stage(withdrawn, to=Stage.WITHDRAWN, by=user, reason="andere job")

    html = client_a.get(apply_url(procedure), follow=True).content.decode()
    assert "is afgesloten" in html
    assert "goed ontvangen" not in html


# A valid waitlist or reserve place for the function: a new round would mean screening and intake again, a second
# place and two invitations from one jury round.

def place_in_earlier_round(user, procedure, hr, stage, time_machine):
    """Ann reaches `stage` in an earlier round of the function, deciding on 23/01/2026."""
    earlier = ProcedureFactory(function=procedure.function, title="Vorige ronde", status="closed")
    time_machine.move_to("2026-01-23 16:00 +01:00")
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    walk_to(old, stage, by=hr)
    release_mails(Mail.objects.filter(state=Mail.State.DRAFT), by=hr)
    time_machine.move_to("2026-03-02 10:00 +01:00")
    return old


@pytest.mark.parametrize(("stage", "told"), [
    (Stage.WAITLIST, "Je staat op de wachtlijst voor de functie Maatschappelijk werker, tot en met 22/01/2027. "
                     "Voor elke concrete vacature nodigen we je uit voor een jobinterview met een jury."),
    # Invited to a jury from the waitlist: the place still holds (a 'no' brings them back to it).
    (Stage.JURY_INVITED, "Je staat op de wachtlijst voor de functie Maatschappelijk werker, tot en met 22/01/2027."),
    (Stage.RESERVE, "Je bent opgenomen in de wervingsreserve voor de functie Maatschappelijk werker, tot en met "
                    "22/01/2028. Bij een volgende vacature in een ander team volgt enkel nog een matchgesprek."),
])
def test_a_valid_waitlist_or_reserve_place_refuses_a_new_round(client_a, user, procedure, hr, time_machine, stage,
                                                                told):
    old = place_in_earlier_round(user, procedure, hr, stage, time_machine)

    page = " ".join(client_a.get(apply_url(procedure)).content.decode().split())
    assert "Je kan nu niet solliciteren" in page and told in page
    assert "Opnieuw solliciteren is dus niet nodig, en kan niet zolang je plaats geldt." in page
    assert f'href="/mijn-kandidaturen/{old.public_id}/"' in page
    response = post(client_a, procedure)
    assert told in " ".join(response.content.decode().split())
    assert not Application.objects.filter(procedure=procedure).exists() and not Document.objects.exists()


def test_a_reserve_place_whose_mail_waits_for_release_is_not_told(client_a, user, procedure, hr, time_machine):
    old = place_in_earlier_round(user, procedure, hr, Stage.JURY_INVITED, time_machine)
    change_stage(old, to=Stage.RESERVE, by=hr)
    assert Mail.objects.get(event="reserve").state == Mail.State.DRAFT

    page = " ".join(client_a.get(apply_url(procedure)).content.decode().split())
    assert STILL_HANDLED in page
    assert "wervingsreserve" not in page and "matchgesprek" not in page and "2028" not in page
    assert not Application.objects.filter(procedure=procedure).exists()

    release_mails(Mail.objects.filter(event="reserve"), by=hr)
    page = " ".join(client_a.get(apply_url(procedure)).content.decode().split())
    assert "Je bent opgenomen in de wervingsreserve voor de functie Maatschappelijk werker, tot en met" in page


def test_a_place_past_its_date_no_longer_bars_even_before_the_sweep(client_a, user, procedure, hr, time_machine):
    place_in_earlier_round(user, procedure, hr, Stage.WAITLIST, time_machine)
    time_machine.move_to("2027-01-22 10:00 +01:00")  # the waitlist's last day
    client_a.force_login(user, backend="django.contrib.auth.backends.ModelBackend")  # a year on: a new session
    assert "Je staat op de wachtlijst" in client_a.get(apply_url(procedure)).content.decode()
    time_machine.move_to("2027-01-23 10:00 +01:00")  # expired; the sweep has not run yet
    assert post(client_a, procedure).status_code == 302
    assert Application.objects.filter(procedure=procedure).count() == 1


def test_a_place_in_another_function_bars_nothing(client_a, user, procedure, other_procedure, hr, time_machine):
    DiplomaFactory(procedure=other_procedure, name="Diploma secundair onderwijs")
    place_in_earlier_round(user, procedure, hr, Stage.WAITLIST, time_machine)
    response = post(client_a, other_procedure, diploma=str(other_procedure.diplomas.get().pk))
    assert response.status_code == 302 and Application.objects.filter(procedure=other_procedure).exists()
