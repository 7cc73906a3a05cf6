"""submit_application(), the one door for applying, called directly: rules, races and rollbacks."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from candidates.answers import Answers, ApplicationInvalid, PersonalData
from candidates.applying import submit_application
from candidates.eligibility import AlreadyApplied, BannedFromFunction, ProcedureClosed
from candidates.models import Application, Document
from candidates.stages import Stage
from candidates.transitions import change_stage
from candidates.uploads import CheckedUpload
from communications.models import Mail
from procedures import seed_data
from procedures.models import Procedure
from tests.factories import ApplicationFactory, CandidateFactory, DiplomaFactory, ProcedureFactory, UserFactory
from tests.portal.conftest import BIRTH_DATE, current_diploma, foreign_diploma
from tests.portal.files import PDF, pdf
from tests.portal.test_uploads import stored_files
from tests.threads import run_together

PERSON = PersonalData(first_name="Ann", last_name="Peeters", phone="056 27 80 00", street="Grote Markt 54",
                      postal_code="8500", city="Kortrijk", birth_date=BIRTH_DATE)


def proof(name="diploma.pdf"):
    return CheckedUpload(file=pdf(name), content_type="application/pdf", size=len(PDF), original_name=name)


def answers(procedure, **changes):
    values = {"diploma": current_diploma(procedure), "years_public_sector": Decimal(2),
              "years_private_sector": Decimal("3.5"), "privacy_acknowledged": True, **changes}
    return Answers(**values)


def submit(procedure, user, **changes):
    documents = changes.pop("documents", {Document.Kind.DIPLOMA: proof()})
    return submit_application(procedure, user=user, personal=PERSON, answers=answers(procedure, **changes),
                              documents=documents)


@pytest.mark.django_db
def test_it_creates_the_application_its_documents_and_the_receipt(procedure, user):
    application = submit(procedure, user, motivation="  Graag.  ")
    assert application.candidate.user == user and application.stage == Stage.SCREENING
    assert application.motivation == "Graag."
    assert application.documents.get().kind == Document.Kind.DIPLOMA
    mail = Mail.objects.get()
    assert (mail.event, mail.to, mail.related) == ("application_received", user.email, application)


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "field"), [
    ({"diploma": None}, "diploma"),
    ({"privacy_acknowledged": False}, "privacy_acknowledged"),
    ({"years_public_sector": Decimal(51)}, "years_public_sector"),
    ({"years_private_sector": Decimal(-1)}, "years_private_sector"),
    ({"documents": {}}, "diploma_file"),
])
def test_it_refuses_answers_that_break_a_rule(procedure, user, changes, field):
    with pytest.raises(ApplicationInvalid) as refused:
        submit(procedure, user, **changes)
    assert field in refused.value.errors
    assert not Application.objects.exists() and not Mail.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_diploma_of_another_procedure(procedure, user, other_procedure):
    with pytest.raises(ApplicationInvalid) as refused:
        submit(procedure, user, diploma=DiplomaFactory(procedure=other_procedure))
    assert "geeft geen toegang tot deze functie" in refused.value.errors["diploma"]


@pytest.mark.django_db
def test_a_foreign_diploma_needs_equivalence_cv_and_motivation_as_the_procedure_says(procedure, user):
    procedure.cv_required = procedure.motivation_required = True
    procedure.save()
    with pytest.raises(ApplicationInvalid) as refused:
        submit(procedure, user, diploma=foreign_diploma(procedure))
    assert set(refused.value.errors) == {"equivalence_file", "diploma_detail", "cv_file", "motivation"}


@pytest.mark.django_db
def test_the_bundles_foreign_equivalent_comes_under_the_old_maatschappelijk_assistent_entry(user):
    call_command("seed_kortrijk", stdout=StringIO())
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    assistant = procedure.diplomas.get(name__startswith="het diploma van maatschappelijk assistent")
    foreign = Answers(diploma=assistant, diploma_detail="Licence en travail social (Frankrijk)",
                      years_public_sector=Decimal(0), years_private_sector=Decimal(0), privacy_acknowledged=True)
    application = submit_application(procedure, user=user, personal=PERSON, answers=foreign, documents={
        Document.Kind.DIPLOMA: proof(), Document.Kind.EQUIVALENCE: proof("gelijkwaardigheid.pdf")})
    assert application.diploma_detail == "Licence en travail social (Frankrijk)"
    assert set(application.documents.values_list("kind", flat=True)) == {Document.Kind.DIPLOMA,
                                                                        Document.Kind.EQUIVALENCE}
    # The bundle sets no rule for the attest at this step: it stays optional, HR checks it at the screening.
    without_attest = submit_application(procedure, user=UserFactory(), personal=PERSON, answers=foreign,
                                        documents={Document.Kind.DIPLOMA: proof()})
    assert without_attest.stage == Stage.SCREENING


@pytest.mark.django_db
def test_a_closed_procedure_refuses(procedure, user):
    procedure.status = "closed"
    procedure.save()
    with pytest.raises(ProcedureClosed):
        submit(procedure, user)


@pytest.mark.django_db
def test_a_ban_found_by_the_email_hash_refuses_a_new_account(procedure, user, hr, time_machine):
    # The banned person's candidate row was erased; only the keyed hash of the e-mail address is left.
    time_machine.move_to("2026-02-03 11:00 +01:00")
    earlier = ProcedureFactory(function=procedure.function, status="closed")
    old = ApplicationFactory(candidate=CandidateFactory(email="ANN@example.org"), procedure=earlier)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(old, to=stage, by=hr)
    old.candidate.delete()
    with pytest.raises(BannedFromFunction) as refused:
        submit(procedure, user)
    assert "03/02/2027" in str(refused.value)
    assert not Application.objects.filter(procedure=procedure).exists()


@pytest.mark.django_db
def test_the_ban_ends_on_its_date(procedure, user, hr, time_machine):
    time_machine.move_to("2026-02-03 11:00 +01:00")
    earlier = ProcedureFactory(function=procedure.function, status="closed")
    old = ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email), procedure=earlier)
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED, Stage.INTAKE_FAILED):
        change_stage(old, to=stage, by=hr)
    time_machine.move_to("2027-02-02 23:00 +01:00")
    with pytest.raises(BannedFromFunction):
        submit(procedure, user)
    time_machine.move_to("2027-02-03 08:00 +01:00")
    assert submit(procedure, user).procedure == procedure


@pytest.mark.django_db
def test_a_failure_after_files_were_written_leaves_no_file_behind(procedure, user, private_storage):
    first = submit(procedure, user)

    class Exploding:
        def seek(self, *_):
            raise RuntimeError("disk gone")

    documents = {Document.Kind.DIPLOMA: proof(), Document.Kind.CV: CheckedUpload(
        file=Exploding(), content_type="application/pdf", size=3, original_name="cv.pdf")}
    second_procedure = ProcedureFactory(function=procedure.function)
    DiplomaFactory(procedure=second_procedure, name="Bachelor in het sociaal werk")
    with pytest.raises(RuntimeError):
        submit_application(second_procedure, user=user, personal=PERSON, documents=documents,
                           answers=answers(procedure, diploma=second_procedure.diplomas.get()))
    assert list(Application.objects.all()) == [first]
    assert stored_files(private_storage) == [first.documents.get().file.name]


@pytest.mark.django_db(transaction=True)
def test_a_double_submit_at_the_same_moment_makes_one_application(procedure, private_storage):
    user = UserFactory(username="dubbel", email="dubbel@example.org")
    handles = run_together(*[lambda: submit(procedure, user)] * 4)
    outcomes = [h.result if h.error is None else h.error for h in handles]
    created = [o for o in outcomes if isinstance(o, Application)]
    refused = [o for o in outcomes if isinstance(o, AlreadyApplied)]
    assert len(created) == 1 and len(refused) == 3
    assert all(r.application.pk == created[0].pk for r in refused)
    assert Application.objects.count() == 1 and Document.objects.count() == 1
    assert Mail.objects.filter(event="application_received").count() == 1
    assert stored_files(private_storage) == [Document.objects.get().file.name]
