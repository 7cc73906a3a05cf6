"""A candidate with data in every corner the register names, built through the domain functions where they exist."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.utils import timezone

from candidates.models import Document
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.outbox import queue_mail
from interviews.models import (
    ConsensusScore,
    IntakeAssessment,
    IntakeBooking,
    IntakeSlot,
    JuryCandidate,
    JuryMember,
    JuryRound,
    JuryScore,
    QuestionnaireResponse,
    ScoreSheet,
)
from procedures.models import Vacancy
from tests.factories import ApplicationFactory, IntakeSessionFactory, TeamFactory, hr_user
from tests.storage import private_storage_in

SECRET_MOTIVATION = "Ik wil graag werken in wijk Overleie"
PDF = b"%PDF-1.4 fictitious diploma\n"


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Uploaded files in a folder of this test's own."""
    return private_storage_in(settings, tmp_path)


@dataclass
class Person:
    application: object
    candidate: object
    user: object
    documents: list
    files: list
    session_key: str


def build_person(*, procedure=None, failed_at="intake", hr=None, email=None):
    """A candidate with an application through intake (and jury), documents, mails, notes and a session."""
    hr = hr or hr_user(username=f"hr-{timezone.now().timestamp()}")
    kwargs = {"procedure": procedure} if procedure else {}
    if email:
        kwargs["candidate__user__email"] = email
        kwargs["candidate__email"] = email
    application = ApplicationFactory(
        motivation=SECRET_MOTIVATION, accommodations="Rolstoeltoegankelijk lokaal", diploma_detail="Diploma X",
        intake_arrangement="Ondertiteling in Teams", jury_arrangement="Lokaal op het gelijkvloers",
        arrangement_recorded_at=timezone.now(),
        candidate__phone="0470 00 00 00", candidate__street="Grote Markt 1", candidate__postal_code="8500",
        candidate__city="Kortrijk", **kwargs)
    candidate = application.candidate
    documents = [Document.objects.create(application=application, kind=kind, file=ContentFile(PDF, name="x.pdf"),
                                         original_name=f"{candidate.last_name}-{kind}.pdf",
                                         content_type="application/pdf", size=len(PDF))
                 for kind in (Document.Kind.DIPLOMA, Document.Kind.CV)]
    change_stage(application, to=Stage.ELIGIBLE, by=hr, reason=f"Diploma van {candidate.full_name} in orde")
    change_stage(application, to=Stage.INTAKE_INVITED, by=hr)
    session = IntakeSessionFactory(procedure=application.procedure, date=timezone.localdate() + timedelta(days=3))
    start = timezone.now() + timedelta(days=3)
    slot = IntakeSlot.objects.create(session=session, starts_at=start, ends_at=start + timedelta(minutes=20))
    booking = IntakeBooking.objects.create(slot=slot, application=application, interviewer=hr,
                                           meeting_url="https://teams.example.org/meet/1")
    notes = {f"{name}_note": f"Over {candidate.full_name}: {name}" for name, _ in IntakeAssessment.CRITERIA}
    ratings = dict.fromkeys((name for name, _ in IntakeAssessment.CRITERIA), IntakeAssessment.Rating.SUFFICIENT)
    if failed_at == "intake":
        IntakeAssessment.objects.create(booking=booking, verdict=IntakeAssessment.Verdict.FAIL, assessed_by=hr,
                                        verdict_motivation=f"{candidate.first_name} kende de wijk niet",
                                        **notes, **ratings)
        change_stage(application, to=Stage.INTAKE_FAILED, by=hr, reason="Onvoldoende jobinzicht")
    else:
        IntakeAssessment.objects.create(booking=booking, verdict=IntakeAssessment.Verdict.PASS, assessed_by=hr,
                                        verdict_motivation="Sterk", **notes, **ratings)
        change_stage(application, to=Stage.WAITLIST, by=hr)
        if failed_at == "jury":
            _jury(application, hr)
            change_stage(application, to=Stage.JURY_FAILED, by=hr, reason=f"{candidate.first_name} scoorde te laag")
    queue_mail("application_received", to=candidate.email, related=application,
               context={"candidate_name": candidate.full_name, "procedure_title": "x"})
    session_store = SessionStore()
    session_store["_auth_user_id"] = str(candidate.user.pk)
    session_store.set_expiry(timedelta(days=800))  # still alive at erasure: the erasure must end it
    session_store.create()
    files = [d.file.name for d in documents]
    return Person(application, candidate, candidate.user, documents, files, session_store.session_key)


def _jury(application, hr):
    change_stage(application, to=Stage.JURY_INVITED, by=hr)
    vacancy = Vacancy.objects.create(function=application.procedure.function, team=TeamFactory(),
                                     start_date=date(2026, 3, 1), hours_per_week=38, workplace="Wijkcentrum")
    jury_round = JuryRound.objects.create(vacancy=vacancy)
    member = JuryMember.objects.create(round=jury_round, user=hr, role=JuryMember.Role.CHAIR)
    jury_candidate = JuryCandidate.objects.create(round=jury_round, application=application, total_percent=41,
                                                  rank=3, location="Stadhuis, zaal 2")
    sheet = ScoreSheet.objects.create(member=member, jury_candidate=jury_candidate)
    JuryScore.objects.create(sheet=sheet, part="motivation", value=2,
                             evidence=f"{application.candidate.first_name} vertelde over haar moeder")
    ConsensusScore.objects.create(jury_candidate=jury_candidate, part="motivation", value=2,
                                  reason="Te weinig voorbeelden")
    QuestionnaireResponse.objects.create(jury_candidate=jury_candidate, answers={"1": 4, "2": 1},
                                         report=ContentFile(PDF, name="r.pdf"), report_name="rapport.pdf")


@pytest.fixture
def person(db):
    return build_person()


def storage_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def user_count():
    return get_user_model().objects.count()


def log_in(client, user):
    """Staff need the second factor once the staff-login work is in (tests/auth.py); candidates force_login."""
    try:
        from tests.auth import login_staff
    except ImportError:
        client.force_login(user)
        return user
    return login_staff(client, user)
