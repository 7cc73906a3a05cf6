"""manage.py seed_demo: fictitious people in several stages, moved there through change_stage(), for demo machines."""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, RequestFactory
from django.utils import timezone

from candidates.bans import ban_in_force
from candidates.models import Application, Ban, Candidate, PoolEntry, Transition
from candidates.stages import Stage
from communications.models import Mail
from interviews.intake.booking import free_slots
from interviews.models import IntakeBooking, IntakeSlot, JuryCandidate, JuryMember, JuryRound
from kortrijk_ats import roles
from procedures.models import Diploma, Function, IntakeSession, Procedure, Team, Vacancy
from tests.demo_logins import printed_candidates, printed_logins

pytestmark = pytest.mark.django_db

S = Stage
EXPECTED_STAGES = {  # (username, procedure slug) -> stage, written out from the demo's purpose
    ("lotte.verstraete", "maatschappelijk-werker-b1-b3"): S.SCREENING,
    ("jonas.vandenberghe", "maatschappelijk-werker-b1-b3"): S.ELIGIBLE,
    ("marta.kowalska", "maatschappelijk-werker-b1-b3"): S.ELIGIBLE,
    ("bram.peeters", "maatschappelijk-werker-b1-b3"): S.NOT_ELIGIBLE,
    ("amira.elidrissi", "maatschappelijk-werker-b1-b3"): S.INTAKE_INVITED,
    ("nina.devos", "maatschappelijk-werker-b1-b3"): S.JURY_INVITED,
    ("pieter.declercq", "maatschappelijk-werker-b1-b3"): S.WAITLIST,
    ("sara.vermeulen", "maatschappelijk-werker-b1-b3"): S.RESERVE,
    ("wout.maes", "maatschappelijk-werker-b1-b3"): S.INTAKE_FAILED,
    ("elif.yilmaz", "maatschappelijk-werker-b1-b3"): S.WITHDRAWN,
    ("wout.maes", "administratief-medewerker-c1-c3"): S.SCREENING,
}
STAFF_ROLES = {
    "demo.hr": {roles.HR},
    "demo.interviewer": {roles.INTERVIEWER},
    "demo.jury.selectieteam": {roles.HR, roles.JUROR},
    "demo.jury.leidinggevende": {roles.JUROR},
    "demo.jury.extern": {roles.JUROR},
}


def log_in(username, password):
    # The lockout backend (axes) needs the request a real log-in has.
    return authenticate(RequestFactory().post("/admin/login/"), username=username, password=password)


def seed_demo(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def state():
    return {model.__name__: model.objects.count()
            for model in (get_user_model(), Candidate, Application, Transition, Mail, Ban, PoolEntry, Procedure,
                          Vacancy, JuryRound, JuryMember, JuryCandidate, EmailAddress, IntakeSession, IntakeSlot)}


def logins(output):
    """(username, password) pairs from the printed table."""
    return re.findall(r"^.*?\s(\S+)\s+\S+@example\.org\s+([a-z2-7]{4}(?:-[a-z2-7]{4}){3}|\S{12,})", output, re.M)


def test_it_refuses_to_run_unless_told_this_is_a_demo_machine(monkeypatch):
    monkeypatch.delenv("KATS_DEMO", raising=False)
    with pytest.raises(CommandError, match="alleen bedoeld voor een demomachine"):
        seed_demo()
    assert get_user_model().objects.count() == 0
    assert Procedure.objects.count() == 0


def test_it_seeds_people_in_every_demo_stage_through_change_stage():
    seed_demo("--demo")
    found = {(a.candidate.user.username, a.procedure.slug): a.stage
             for a in Application.objects.select_related("candidate__user", "procedure")}
    assert found == EXPECTED_STAGES
    for application in Application.objects.all():
        # Every stage was reached by a chain of recorded transitions starting at screening.
        chain = list(application.transitions.values_list("from_stage", "to_stage"))
        stages = [S.SCREENING] + [to for _from, to in chain]
        assert [from_ for from_, _to in chain] == stages[:-1]
        assert stages[-1] == application.stage
        assert application.diploma.procedure_id == application.procedure_id


def test_the_demo_shows_the_rules_consequences():
    seed_demo("--demo")
    failed = Application.objects.get(candidate__user__username="wout.maes", procedure__slug__startswith="maat")
    elsewhere = Application.objects.get(candidate__user__username="wout.maes", procedure__slug__startswith="admin")
    ban = Ban.objects.get()
    assert ban.application == failed
    assert ban_in_force(failed.candidate, elsewhere.procedure.function, on=ban.starts_on) is None
    assert elsewhere.procedure.status == Procedure.Status.OPEN
    assert elsewhere.procedure.function != failed.procedure.function
    # The jury-invited candidate keeps her waitlist place until the jury decides.
    assert set(PoolEntry.objects.active().values_list("application__candidate__user__username", "kind")) == {
        ("pieter.declercq", PoolEntry.Kind.WAITLIST), ("nina.devos", PoolEntry.Kind.WAITLIST),
        ("sara.vermeulen", PoolEntry.Kind.RESERVE)}
    # A foreign diploma declared equivalent: the bundle admits it inside the old maatschappelijk assistent entry.
    foreign = Application.objects.get(candidate__user__username="marta.kowalska")
    assert foreign.diploma.kind == Diploma.Kind.OLD and foreign.diploma.name.startswith(
        "het diploma van maatschappelijk assistent") and "buitenlandse diploma’s" in foreign.diploma.name
    assert foreign.diploma_detail
    refused = Application.objects.get(candidate__user__username="bram.peeters")
    assert "geeft geen toegang" in refused.transitions.get().reason
    assert Mail.objects.filter(to__endswith="@example.org").count() == Mail.objects.count() > 0
    assert Mail.objects.filter(event="intake_failed", state=Mail.State.DRAFT).count() == 1


def test_a_vacancy_has_an_open_jury_round_with_three_jurors_and_the_invited_waitlist_candidate():
    seed_demo("--demo")
    jury_round = JuryRound.objects.select_related("vacancy__team", "vacancy__function").get()
    assert jury_round.status == JuryRound.Status.OPEN
    assert jury_round.vacancy.team.name == "Wijkteam Demo-Noord"
    assert jury_round.vacancy.function == Procedure.objects.get(slug="maatschappelijk-werker-b1-b3").function
    assert dict(jury_round.members.values_list("role", "user__username")) == {
        JuryMember.Role.CHAIR: "demo.jury.selectieteam", JuryMember.Role.TEAM_LEADER: "demo.jury.leidinggevende",
        JuryMember.Role.EXTERNAL: "demo.jury.extern"}
    assert list(jury_round.candidates.values_list("application__candidate__user__username", flat=True)) == [
        "nina.devos"]
    assert Mail.objects.filter(event="jury_invitation", to="nina.devos@example.org").count() == 1


def test_the_hr_settings_it_fills_in_are_fictitious_and_say_so():
    seed_demo("--demo")
    function = Procedure.objects.get(slug="maatschappelijk-werker-b1-b3").function
    assert function.reserve_months == 24 and "Fictieve demogegevens van seed_demo" in function.internal_note
    teams = list(Team.objects.all())
    assert {t.name for t in teams} == {"Wijkteam Demo-Noord", "Centraal team Demo"}
    assert all(t.description == "Fictief demoteam." and "Fictieve demogegevens" in t.internal_note for t in teams)


def test_it_keeps_a_reserve_validity_hr_entered():
    call_command("seed_kortrijk", stdout=StringIO())
    Function.objects.filter(slug="maatschappelijk-werker").update(reserve_months=36)  # HR's value
    seed_demo("--demo")
    function = Procedure.objects.get(slug="maatschappelijk-werker-b1-b3").function
    assert function.reserve_months == 36 and function.internal_note == ""


def test_it_prints_working_demo_logins_for_every_account():
    output = seed_demo("--demo")
    pairs = dict(logins(output))
    expected_users = set(STAFF_ROLES) | {username for username, _slug in EXPECTED_STAGES}
    assert set(pairs) == expected_users
    for username, password in pairs.items():
        assert len(password) >= 12
        assert log_in(username, password) is not None, username
    assert len(set(pairs.values())) == len(pairs)  # no shared password unless asked for


def test_staff_accounts_carry_their_roles():
    seed_demo("--demo")
    for username, groups in STAFF_ROLES.items():
        user = get_user_model().objects.get(username=username)
        assert set(user.groups.values_list("name", flat=True)) == groups
        assert user.is_staff and not user.is_superuser
    assert not get_user_model().objects.filter(candidate__isnull=False, is_staff=True).exists()


def test_running_it_twice_changes_nothing():
    seed_demo("--demo")
    before = state()
    hashes = dict(get_user_model().objects.values_list("username", "password"))
    output = seed_demo("--demo")
    assert state() == before
    assert dict(get_user_model().objects.values_list("username", "password")) == hashes
    assert "Demogegevens: 0 nieuw, 0 bijgewerkt, 0 faseovergangen." in output


def test_it_runs_on_the_environment_flag_with_one_chosen_password(monkeypatch):
    monkeypatch.setenv("KATS_DEMO", "true")
    seed_demo("--password", "Demo-Kortrijk-2026!")
    assert log_in("demo.hr", "Demo-Kortrijk-2026!") is not None
    with pytest.raises(CommandError, match="Demowachtwoord geweigerd"):
        seed_demo("--password", "kort")


# --- A demo that works on any date: verified candidates, intake moments in the coming weeks -------------------

MW = "maatschappelijk-werker-b1-b3"
DEMO_LABEL = "fictief demo-moment"


def demo_sessions():
    return IntakeSession.objects.filter(procedure__slug=MW, label=DEMO_LABEL)


def test_every_printed_candidate_logs_in_with_the_printed_password_without_the_verification_page():
    output = seed_demo("--demo")
    candidates = printed_candidates(output)
    assert len(candidates) == len({username for username, _slug in EXPECTED_STAGES})
    for email, password, _application in candidates:
        client = Client()
        response = client.post("/account/login/", {"login": email, "password": password})
        assert response.status_code == 302 and response["Location"] == "/mijn-kandidaturen/", email
        assert client.session["_auth_user_id"] == str(get_user_model().objects.get(email=email).pk)
        portal = client.get("/mijn-kandidaturen/")
        assert portal.status_code == 200 and "Maatschappelijk werker" in portal.content.decode(), email


def test_printed_staff_reach_the_second_factor_set_up_on_their_first_log_in():
    rows = [row for row in printed_logins(seed_demo("--demo")) if row["Rol"] and row["Rol"] != "Kandidaat (fictief)"]
    assert {row["Gebruikersnaam"] for row in rows} == set(STAFF_ROLES)
    for row in rows:
        client = Client()
        response = client.post("/admin/login/?next=/admin/", {"username": row["Gebruikersnaam"],
                                                              "password": row["Wachtwoord"], "next": "/admin/"},
                               follow=True)
        assert response.redirect_chain[-1][0].startswith("/personeel/tweestapsverificatie/"), row
        assert '<code class="otp-secret">' in response.content.decode(), row


def test_the_invited_candidate_books_a_demo_slot_on_the_intake_page():
    output = seed_demo("--demo")
    email, password, _ = next(c for c in printed_candidates(output) if str(S.INTAKE_INVITED.label) in c[2])
    client = Client()
    assert client.post("/account/login/", {"login": email, "password": password}).status_code == 302
    invited = Application.objects.get(candidate__email=email, stage=S.INTAKE_INVITED)
    page = client.get(f"/mijn-kandidaturen/{invited.public_id}/intake/").content.decode()
    first_slot = re.search(r'name="slot" value="(\d+)"', page).group(1)
    response = client.post(f"/mijn-kandidaturen/{invited.public_id}/intake/boeken/", {"slot": first_slot})
    assert response.status_code == 303
    booking = IntakeBooking.objects.get(application=invited)
    assert booking.slot_id == int(first_slot) and booking.slot.session.label == DEMO_LABEL
    assert booking.interviewer.username == "demo.interviewer"
    assert Mail.objects.filter(event="intake_booking_confirmed", to=email).count() == 1


def future_free_demo_slots():
    procedure = Procedure.objects.get(slug=MW)
    return [slot for slot in free_slots(procedure).select_related("session") if slot.session.label == DEMO_LABEL]


def test_demo_intake_moments_lie_ahead_on_any_date_and_a_later_run_adds_only_the_missing_ones():
    today = timezone.now()
    seed_demo("--demo")
    first = {s.pk: (s.date, s.starts_at, s.ends_at) for s in demo_sessions()}
    first_slots = dict(IntakeSlot.objects.filter(session__in=first).values_list("pk", "starts_at"))
    assert len(first) == 3 and all(day > today.date() for day, _start, _end in first.values())
    assert len(future_free_demo_slots()) == len(first_slots) == 3 * 9  # 09:00–12:00 in slots of 20 minutes

    seed_demo("--demo")  # the same day: nothing to add
    assert set(demo_sessions().values_list("pk", flat=True)) == set(first)

    later = today + timedelta(days=150)
    with time_machine.travel(later, tick=False):
        output = seed_demo("--demo")
        assert "Demo-intakemomenten: 3 nieuw met 27 vrije tijdsloten" in output
        free = future_free_demo_slots()
        assert free and all(slot.starts_at > later + timedelta(hours=24) for slot in free)
        assert {slot.session_id for slot in free}.isdisjoint(first)
        seed_demo("--demo")  # and again that day: no duplicates
    sessions = list(demo_sessions())
    assert len(sessions) == 6 and len({s.date for s in sessions}) == 6
    # The earlier moments, now past, stay exactly as they were.
    assert {s.pk: (s.date, s.starts_at, s.ends_at) for s in sessions if s.pk in first} == first
    assert dict(IntakeSlot.objects.filter(session__in=first).values_list("pk", "starts_at")) == first_slots


def test_a_run_a_few_days_later_adds_the_next_tuesday_and_touches_no_moment_it_made_before():
    seed_demo("--demo")
    before = {s.pk: s.date for s in demo_sessions()}
    with time_machine.travel(timezone.now() + timedelta(days=7), tick=False):
        output = seed_demo("--demo")
        assert "Demo-intakemomenten: 1 nieuw met 9 vrije tijdsloten" in output
        assert len({slot.session.date for slot in future_free_demo_slots()}) == 3
    after = {s.pk: s.date for s in demo_sessions()}
    assert {pk: day for pk, day in after.items() if pk in before} == before
    assert len(after) == 4


def test_demo_intake_moments_are_labelled_fictitious_where_they_show_and_leave_the_bundles_moments_to_hr():
    seed_demo("--demo")
    procedure = Procedure.objects.get(slug=MW)
    bundle = procedure.intake_sessions.exclude(label=DEMO_LABEL)
    assert bundle.count() == 4
    assert not bundle.filter(starts_at__isnull=False).exists() and not IntakeSlot.objects.filter(
        session__in=bundle).exists()
    for session in demo_sessions():
        assert "fictief" in session.label and session.date.weekday() == 1  # a Tuesday
        assert (session.starts_at.hour, session.ends_at.hour) == (9, 12)
        assert session.interviewers.get().interviewer.username == "demo.interviewer"
    page_text = re.sub(r"<[^>]+>", "", Client().get(f"/vacatures/{MW}/").content.decode())
    assert page_text.count("(fictief demo-moment, 09:00–12:00)") == 3


def test_only_the_candidates_addresses_are_marked_verified():
    seed_demo("--demo")
    verified = set(EmailAddress.objects.filter(verified=True, primary=True).values_list("user__username", flat=True))
    assert verified == {username for username, _slug in EXPECTED_STAGES}
