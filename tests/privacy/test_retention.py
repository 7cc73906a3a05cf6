"""The retention job: what is due goes, what the law or the archive needs stays, and a second run changes nothing."""

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from candidates.bans import ban_in_force
from candidates.models import Application, Ban, BanKey, Candidate, RetentionPolicy, Transition
from candidates.pools import expire_pool_entries
from candidates.retention import ORPHAN_GRACE, RetentionReport, run_retention
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from interviews.models import ConsensusScore, IntakeAssessment, JuryCandidate, JuryScore, QuestionnaireResponse
from kortrijk_ats.privacy import ERASE, ERASED_TEXT, FILE, MARK, REGISTER
from tests.factories import ApplicationFactory, CandidateFactory, UserFactory, hr_user
from tests.privacy.conftest import SECRET_MOTIVATION, build_person, storage_files

pytestmark = pytest.mark.django_db

START = timezone.datetime(2026, 2, 2, 10, 0, tzinfo=timezone.get_default_timezone())


def months_later(months, days=0):
    return START + timedelta(days=round(months * 30.44) + days)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def snapshot():
    """Every row of every registered model (and the bans, mails, users), as text: equal means nothing changed."""
    labels = {*REGISTER, "candidates.Ban", "communications.Mail", "auth.User", "sessions.Session"}
    return {label: serializers.serialize("json", apps.get_model(label)._default_manager.order_by("pk"))
            for label in sorted(labels)}


def assert_register_erased(application):
    """Every field the register says to erase is blank on every row that hangs from the application."""
    for label, registered in REGISTER.items():
        if registered.application_path is None:
            continue
        model = apps.get_model(label)
        path = registered.application_path
        rows = model._default_manager.filter(**{f"{path}__pk" if path else "pk": application.pk})
        if registered.delete_rows:
            assert not rows.exists(), label
            continue
        for row in rows:
            for name, entry in registered.fields.items():
                value = getattr(row, name)
                if entry.on_erasure in (ERASE, FILE):
                    assert value in ("", None, {}) or (entry.on_erasure == FILE and not value), f"{label}.{name}"
                elif entry.on_erasure == MARK:
                    assert value in ("", ERASED_TEXT), f"{label}.{name}={value!r}"


def test_a_failed_candidate_is_kept_a_year_then_anonymised_and_erased(clock, private_storage,
                                                                      django_capture_on_commit_callbacks):
    person = build_person()
    assert storage_files(private_storage)
    clock.move_to(months_later(12, days=-2))
    assert run_retention() == RetentionReport()
    assert Application.objects.get(pk=person.application.pk).motivation == SECRET_MOTIVATION

    clock.move_to(months_later(12, days=2))
    with django_capture_on_commit_callbacks(execute=True):  # the person's files go after commit
        report = run_retention()
    assert (report.applications_anonymised, report.candidates_erased, report.files_deleted) == (1, 1, 2)
    application = Application.objects.get(pk=person.application.pk)
    assert application.anonymised_at is not None
    assert_register_erased(application)
    assert (application.accommodations, application.intake_arrangement, application.jury_arrangement,
            application.arrangement_recorded_at) == ("", "", "", None)
    # What is kept: the stage history (without reasons), the ratings, the dates.
    assert list(application.transitions.values_list("to_stage", "reason")) == [
        (Stage.ELIGIBLE, ""), (Stage.INTAKE_INVITED, ""), (Stage.INTAKE_FAILED, "")]
    assessment = IntakeAssessment.objects.get(booking__application=application)
    assert (assessment.verdict, assessment.experience, assessment.verdict_motivation) == (
        IntakeAssessment.Verdict.FAIL, IntakeAssessment.Rating.SUFFICIENT, ERASED_TEXT)
    # The person: nothing left but an empty row.
    candidate = Candidate.objects.get(pk=person.candidate.pk)
    assert candidate.erased_at and candidate.full_name == "gewiste kandidaat"
    assert (candidate.first_name, candidate.last_name, candidate.email, candidate.phone, candidate.street,
            candidate.postal_code, candidate.city, candidate.birth_date) == ("", "", "", "", "", "", "", None)
    user = get_user_model().objects.get(pk=person.user.pk)
    assert (user.username, user.email, user.is_active, user.has_usable_password()) == (
        f"gewist-{user.pk}", "", False, False)
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Session.objects.filter(pk=person.session_key).exists()
    assert not Mail.objects.filter(to__iexact=person.candidate.email).exists()
    assert not Mail.objects.filter(body_text__contains=person.candidate.last_name).exists()
    # Files: none of the person's remain; nothing is orphaned.
    assert storage_files(private_storage) == []
    # The ban ended on the same day: its row is gone too.
    assert not Ban.objects.exists()


def test_a_second_run_changes_nothing(clock, private_storage):
    build_person()
    build_person(failed_at="jury")
    clock.move_to(months_later(13))
    assert run_retention().applications_anonymised == 2
    before, files = snapshot(), storage_files(private_storage)
    assert run_retention() == RetentionReport()
    assert snapshot() == before
    assert storage_files(private_storage) == files


def test_a_shorter_retention_keeps_only_the_ban_hash_until_the_ban_ends(clock):
    person = build_person()
    original_email = person.candidate.email
    function = person.application.procedure.function
    RetentionPolicy.objects.create(function=function, months_after_decision=6)
    clock.move_to(months_later(6, days=2))
    assert run_retention().candidates_erased == 1
    ban = Ban.objects.get()
    assert (ban.candidate, ban.application) == (None, None) and ban.keys.exists()
    # The same e-mail address applying again is still refused until the ban ends.
    returning = CandidateFactory(email=original_email)
    assert ban_in_force(returning, function, on=timezone.localdate()) == ban
    clock.move_to(months_later(12, days=2))
    assert run_retention().bans_deleted == 1
    assert ban_in_force(returning, function, on=timezone.localdate()) is None
    assert not BanKey.objects.exists()


def test_retention_is_per_function(clock):
    long_kept = build_person()
    short_kept = build_person()
    RetentionPolicy.objects.create(function=long_kept.application.procedure.function, months_after_decision=24)
    RetentionPolicy.objects.create(function=short_kept.application.procedure.function, months_after_decision=3)
    clock.move_to(months_later(3, days=2))
    run_retention()
    assert Application.objects.get(pk=short_kept.application.pk).anonymised_at is not None
    clock.move_to(months_later(23))
    run_retention()
    assert Application.objects.get(pk=long_kept.application.pk).anonymised_at is None
    clock.move_to(months_later(24, days=2))
    assert run_retention().applications_anonymised == 1


def test_waitlist_data_goes_after_expiry_and_open_or_hired_applications_stay(clock):
    waiting = build_person(failed_at=None)  # passed the intake: on the waitlist
    hired = build_person(failed_at=None)
    hr = hr_user(username="hr-hire")
    change_stage(hired.application, to=Stage.JURY_INVITED, by=hr)
    change_stage(hired.application, to=Stage.OFFER, by=hr)
    change_stage(hired.application, to=Stage.HIRED, by=hr)
    clock.move_to(months_later(11))
    assert run_retention().applications_anonymised == 0
    clock.move_to(months_later(12, days=2))
    assert expire_pool_entries() == 1
    run_retention()
    assert Application.objects.get(pk=waiting.application.pk).anonymised_at is not None
    clock.move_to(months_later(60))
    run_retention()
    assert Application.objects.get(pk=hired.application.pk).motivation == SECRET_MOTIVATION


def test_a_person_with_an_open_application_elsewhere_is_not_erased(clock):
    failed = build_person()
    other = ApplicationFactory(candidate=failed.candidate)
    clock.move_to(months_later(13))
    assert run_retention().applications_anonymised == 1
    candidate = Candidate.objects.get(pk=failed.candidate.pk)
    assert candidate.erased_at is None and candidate.email
    assert Application.objects.get(pk=other.pk).anonymised_at is None


def test_jury_scores_stay_linked_to_the_anonymised_application_without_the_person(clock, private_storage):
    person = build_person(failed_at="jury")
    clock.move_to(months_later(13))
    run_retention()
    jury_candidate = JuryCandidate.objects.get(application=person.application)
    assert (jury_candidate.total_percent, jury_candidate.rank, jury_candidate.location) == (41, 3, "")
    assert list(JuryScore.objects.values_list("value", "evidence")) == [(2, ERASED_TEXT)]
    assert list(ConsensusScore.objects.values_list("value", "reason")) == [(2, ERASED_TEXT)]
    response = QuestionnaireResponse.objects.get()
    assert (response.answers, response.report.name) == ({}, "")
    assert storage_files(private_storage) == []


def test_orphan_files_and_the_abandoned_stash_are_swept(clock, private_storage):
    person = build_person(failed_at=None)  # kept: its files stay
    orphan = default_storage.save("documents/orphan", ContentFile(b"left behind"))
    stash = default_storage.save("stash/abandoned", ContentFile(b"half a form"))
    clock.move_to(START + ORPHAN_GRACE / 2)
    fresh = default_storage.save("documents/fresh", ContentFile(b"row not committed yet"))
    _age_files(private_storage, [orphan, stash], hours=10)
    report = run_retention()
    assert report.orphan_files_deleted == 1
    remaining = storage_files(private_storage)
    assert orphan not in remaining and stash not in remaining
    assert fresh in remaining
    assert set(person.files) <= set(remaining)


def _age_files(root, names, *, hours):
    import os

    past = (timezone.now() - timedelta(hours=hours)).timestamp()
    for name in names:
        os.utime(root / name, (past, past))


def test_accounts_that_never_applied_go_after_a_year_without_log_in(clock):
    idle = UserFactory(username="idle")
    active = UserFactory(username="active")
    staff = hr_user(username="hr-idle")
    clock.move_to(months_later(6))
    active.last_login = timezone.now()
    active.save()
    clock.move_to(months_later(12, days=2))
    assert run_retention().accounts_deleted == 1
    users = set(get_user_model().objects.values_list("username", flat=True))
    assert "idle" not in users and {"active", staff.username} <= users
    assert idle.pk not in set(get_user_model().objects.values_list("pk", flat=True))


def test_expired_sessions_are_deleted(clock):
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store["x"] = 1
    store.set_expiry(60)
    store.create()
    clock.move_to(START + timedelta(hours=1))
    assert run_retention().sessions_deleted == 1


def test_the_audit_trail_allows_only_erasure_updates(clock):
    person = build_person()
    transition = person.application.transitions.first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Transition.objects.filter(pk=transition.pk).update(reason="", to_stage=Stage.HIRED)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute("UPDATE candidates_transition SET actor_label = 'x' WHERE id = %s",
                                    [transition.pk])
    Transition.objects.filter(pk=transition.pk).update(reason="")
    assert Transition.objects.get(pk=transition.pk).reason == ""
