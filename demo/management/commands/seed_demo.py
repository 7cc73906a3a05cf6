"""manage.py seed_demo: fictitious people, accounts and applications in every stage — for demo machines only."""

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from candidates.bans import ban_in_force
from candidates.models import Application, Candidate
from candidates.stages import Stage
from candidates.transitions import change_stage
from interviews.intake.booking import change_cutoff
from interviews.intake.slots import generate_slots
from interviews.jury.rounds import add_juror, invite_waitlist, start_jury_round
from interviews.models import JuryMember, JuryRound
from kortrijk_ats import roles
from pay.demo import seed_demo_pay
from procedures import seed_data
from procedures.management.upsert import Upserter
from procedures.models import Diploma, Function, IntakeSession, Procedure, Team, Vacancy

DEMO_ENV = "KATS_DEMO"
DEMO_DOMAIN = "example.org"  # reserved for examples (RFC 2606): demo mail can never reach a real person


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str
    role: str = ""  # how the table of log-ins describes the account
    groups: tuple = ()

    @property
    def email(self):
        return f"{self.username}@{DEMO_DOMAIN}"


HR = Person("demo.hr", "Hilde", "Vermeersch", "HR (selectieteam)", (roles.HR,))
INTERVIEWER = Person("demo.interviewer", "Ivo", "Lambrecht", "Interviewer kennismakingsinterview", (roles.INTERVIEWER,))
JURORS = (
    Person("demo.jury.selectieteam", "Sofie", "Desmet", "Jurylid — selectieteam", (roles.HR, roles.JUROR)),
    Person("demo.jury.leidinggevende", "Koen", "Vandamme", "Jurylid — leidinggevende", (roles.JUROR,)),
    Person("demo.jury.extern", "Eva", "Claeys", "Jurylid — externe deskundige", (roles.JUROR,)),
)
STAFF = (HR, INTERVIEWER, *JURORS)


@dataclass(frozen=True)
class DemoApplication:
    person: Person
    procedure_slug: str
    diploma_position: int
    steps: tuple  # (stage, actor: "hr" | "interviewer" | "jury" | "candidate" | "round", reason), from screening on
    diploma_detail: str = ""

    @property
    def target(self):
        return self.steps[-1][0] if self.steps else Stage.SCREENING


S = Stage
MW = seed_data.PROCEDURE_SLUG
ADMIN_SLUG = "administratief-medewerker-c1-c3"
ELIGIBLE = (S.ELIGIBLE, "hr", "")
INVITED = (S.INTAKE_INVITED, "hr", "")
PASSED = (S.WAITLIST, "interviewer", "Geslaagd voor het kennismakingsinterview.")
JURY = (S.JURY_INVITED, "hr", "")
ROUND = (S.JURY_INVITED, "round", "")  # invited by opening the demo vacancy's jury round, as HR would
# The bundle admits foreign diplomas declared equivalent to "maatschappelijk assistent" inside that old entry.
FOREIGN = len(seed_data.CURRENT_DIPLOMAS) + 1 + [key for key, _name in seed_data.OLD_DIPLOMAS].index(
    "oud-maatschappelijk-assistent")

CANDIDATES = (
    DemoApplication(Person("lotte.verstraete", "Lotte", "Verstraete"), MW, 5, ()),
    DemoApplication(Person("jonas.vandenberghe", "Jonas", "Vandenberghe"), MW, 1, (ELIGIBLE,)),
    DemoApplication(Person("marta.kowalska", "Marta", "Kowalska"), MW, FOREIGN, (ELIGIBLE,),
                    diploma_detail="Licencjat z pracy socjalnej (Polen), gelijkwaardig verklaard (fictief voorbeeld)"),
    DemoApplication(Person("bram.peeters", "Bram", "Peeters"), MW, 8, (
        (S.NOT_ELIGIBLE, "hr", "Het opgeladen document is een bachelor bedrijfsmanagement; dat diploma geeft geen "
                               "toegang tot deze functie."),)),
    DemoApplication(Person("amira.elidrissi", "Amira", "El Idrissi"), MW, 6, (ELIGIBLE, INVITED)),
    # Before Pieter: the round invites every valid waitlist candidate, and Pieter stays on the waitlist.
    DemoApplication(Person("nina.devos", "Nina", "Devos"), MW, 4, (ELIGIBLE, INVITED, PASSED, ROUND)),
    DemoApplication(Person("pieter.declercq", "Pieter", "Declercq"), MW, 2, (ELIGIBLE, INVITED, PASSED)),
    DemoApplication(Person("sara.vermeulen", "Sara", "Vermeulen"), MW, 3, (
        ELIGIBLE, INVITED, PASSED, JURY,
        (S.RESERVE, "jury", "Geslaagd voor het jurygesprek; een andere kandidaat kreeg de job."))),
    DemoApplication(Person("wout.maes", "Wout", "Maes"), MW, 10, (
        ELIGIBLE, INVITED,
        (S.INTAKE_FAILED, "interviewer", "Onvoldoende jobinzicht en motivatie voor deze functie."))),
    DemoApplication(Person("elif.yilmaz", "Elif", "Yilmaz"), MW, 7, (
        ELIGIBLE, INVITED, (S.WITHDRAWN, "candidate", "Kandidaat aanvaardde een job elders."))),
    # The person barred from Maatschappelijk werker may still apply elsewhere: the ban holds per function.
    DemoApplication(Person("wout.maes", "Wout", "Maes"), ADMIN_SLUG, 1, ()),
)

# The bundle names no team and no reserve validity; HR enters them. The demo plays HR with fictitious values and
# says so: in the team's public description and in the internal notes HR reads in the back office.
DEMO_NOTE = "Fictieve demogegevens van seed_demo, geen gegevens van stad Kortrijk."
DEMO_TEAMS = (
    ("Wijkteam Demo-Noord", Team.Kind.NEIGHBOURHOOD),
    ("Centraal team Demo", Team.Kind.CENTRAL),
)
DEMO_RESERVE_MONTHS = 24
DEMO_VACANCY = {"workplace": "Wijkcentrum Lange Munte (fictieve demovacature)", "team": "Wijkteam Demo-Noord",
                "description": "Voltijdse demovacature in een wijkteam, ingevuld via een juryronde."}
# The bundle's intake moments lie in the past and carry no hours (HR's to enter). The demo plays HR with moments
# of its own on the next Tuesdays, with hours and the demo interviewer's slots, so the invited candidate can book.
DEMO_SESSION_LABEL = "fictief demo-moment"
DEMO_SESSION_HOURS = (time(9, 0), time(12, 0))
DEMO_SESSION_WEEKDAY = 1  # Tuesday
DEMO_SESSION_COUNT = 3
JURY_ROLES = (JuryMember.Role.CHAIR, JuryMember.Role.TEAM_LEADER, JuryMember.Role.EXTERNAL)  # in JURORS' order

ADMIN_FUNCTION = {"slug": "administratief-medewerker", "name": "Administratief medewerker", "grade": "C1-C3"}
ADMIN_PROCEDURE_TEXTS = {
    "intro": "Demoprocedure met fictieve inhoud. Ze toont dat andere selectieprocedures van de stad openstaan, ook "
             "voor wie in de procedure maatschappelijk werker niet slaagde.",
    "conditions": "Je beschikt over een diploma secundair onderwijs (fictieve voorwaarde voor de demo).",
}
ADMIN_DIPLOMAS = ("diploma secundair onderwijs",)


def demo_password(username):
    """A password for a demo account, the same on every run on this machine and unknown elsewhere."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"kats-demo:{username}".encode(), hashlib.sha256).digest()
    text = base64.b32encode(digest).decode().lower()[:16]
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def demo_session_days(procedure):
    """The next DEMO_SESSION_COUNT Tuesdays a candidate can still book (past the cut-off), skipping a day on which
    the procedure already holds a moment other than the demo's."""
    first = (timezone.localtime() + change_cutoff(procedure)).date() + timedelta(days=1)
    day = first + timedelta(days=(DEMO_SESSION_WEEKDAY - first.weekday()) % 7)
    taken = set(procedure.intake_sessions.exclude(label=DEMO_SESSION_LABEL).filter(date__gte=day)
                .values_list("date", flat=True))
    days = []
    while len(days) < DEMO_SESSION_COUNT:
        if day not in taken:
            days.append(day)
        day += timedelta(days=7)
    return days


def demo_confirmed(flag):
    return flag or os.environ.get(DEMO_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


class Command(BaseCommand):
    help = (
        "Maakt fictieve demo-accounts en kandidaturen: HR, een interviewer, drie juryleden (selectieteam, "
        "leidinggevende, externe deskundige) en kandidaten in verschillende fasen (screening, toegelaten, niet "
        "toegelaten, uitgenodigd, wachtlijst, uitgenodigd voor de jury, wervingsreserve, niet geslaagd met "
        "uitsluiting, teruggetrokken), telkens via de gewone faseovergang, en een concrete vacature met haar "
        "juryronde. Voegt ook de demoprocedure 'Administratief medewerker (C1-C3)' toe, en fictieve intakemomenten "
        "met vrije tijdsloten op de volgende dinsdagen (bij elke run aangevuld tot er weer drie in de toekomst "
        "liggen). "
        f"Alleen voor demomachines: vereist --demo of {DEMO_ENV}=true. Mag herhaald worden. Laadt eerst "
        "seed_kortrijk. Drukt op het einde de demo-aanmeldingen af."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true",
                            help=f"Bevestig dat dit een demomachine is (of zet {DEMO_ENV}=true).")
        parser.add_argument("--password", default=None,
                            help="Eén wachtwoord voor alle demo-accounts (minstens 12 tekens). Zonder deze optie "
                                 "krijgt elk account een eigen wachtwoord, afgeleid van de SECRET_KEY.")

    def handle(self, *args, demo, password, **options):
        if not demo_confirmed(demo):
            raise CommandError(
                "seed_demo maakt accounts met gekende wachtwoorden en is alleen bedoeld voor een demomachine. "
                f"Start het met --demo of zet {DEMO_ENV}=true. Er is niets aangemaakt."
            )
        self.shared_password = password
        if password is not None:
            self._check_password(password, None)
        call_command("seed_kortrijk", stdout=self.stdout, stderr=self.stderr)
        self.upserter = Upserter()
        self.moves = 0
        with transaction.atomic():
            self.staff = {person.username: self._account(person, is_staff=True) for person in STAFF}
            self._fill_hr_settings()
            self._seed_admin_procedure()
            self.stdout.write(f"Demoloon: {seed_demo_pay()} nieuw (fictieve trappen B1-B3, loopbaan, index "
                              "en premies).")
            rows = [self._seed_application(demo_application) for demo_application in CANDIDATES]
            sessions, slots = self._seed_intake_sessions()
        self.stdout.write(f"Demo-intakemomenten: {sessions} nieuw met {slots} vrije tijdsloten "
                          f"(‘{DEMO_SESSION_LABEL}’).")
        self.stdout.write(f"Demogegevens: {self.upserter.summary}, {self.moves} faseovergangen.")
        self._print_logins(rows)

    # --- accounts -------------------------------------------------------------------------------------------

    def _password_for(self, username):
        return self.shared_password or demo_password(username)

    def _check_password(self, password, user):
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Demowachtwoord geweigerd: " + " ".join(error.messages)) from None

    def _account(self, person, *, is_staff):
        user = self.upserter.upsert(
            get_user_model(), lookup={"username": person.username},
            values={"email": person.email, "first_name": person.first_name, "last_name": person.last_name,
                    "is_staff": is_staff, "is_active": True},
            always=("email", "is_staff", "is_active"),
        )
        password = self._password_for(person.username)
        if not user.check_password(password):
            self._check_password(password, user)
            user.set_password(password)
            user.save(update_fields=["password"])
        for name in person.groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        if not is_staff:  # staff log in by username at /admin/login/, not through allauth
            # The printed address counts as verified: a demo candidate logs in at once, not on allauth's verify page.
            self.upserter.upsert(EmailAddress, lookup={"user": user, "email": person.email},
                                 values={"verified": True, "primary": True}, always=("verified", "primary"))
        return user

    # --- procedures and applications ----------------------------------------------------------------------

    def _fill_hr_settings(self):
        """What HR would enter before the demo's reserve and vacancy: fictitious teams and a reserve validity,
        each marked as demo data; a value HR already entered stays."""
        for name, kind in DEMO_TEAMS:
            self.upserter.upsert(Team, lookup={"name": name},
                                 values={"kind": kind, "description": "Fictief demoteam.", "internal_note": DEMO_NOTE})
        function = Procedure.objects.get(slug=MW).function
        if function.reserve_months is None:
            function.reserve_months = DEMO_RESERVE_MONTHS
            function.internal_note = "\n\n".join(filter(None, [
                function.internal_note, f"Geldigheid van de wervingsreserve ({DEMO_RESERVE_MONTHS} maanden): "
                                        f"{DEMO_NOTE} HR vult de echte geldigheid in."]))
            function.save(update_fields=["reserve_months", "internal_note"])
            self.upserter.updated += 1

    def _seed_admin_procedure(self):
        function = self.upserter.upsert(Function, lookup={"slug": ADMIN_FUNCTION["slug"]},
                                        values={k: v for k, v in ADMIN_FUNCTION.items() if k != "slug"})
        procedure = self.upserter.upsert(
            Procedure, lookup={"slug": ADMIN_SLUG},
            values={"function": function, "title": "Administratief medewerker (C1-C3)",
                    "status": Procedure.Status.OPEN, "contact_email": f"selecties@{DEMO_DOMAIN}",
                    **ADMIN_PROCEDURE_TEXTS},
        )
        for position, name in enumerate(ADMIN_DIPLOMAS, start=1):
            self.upserter.upsert(Diploma, lookup={"procedure": procedure, "name": name},
                                 values={"kind": Diploma.Kind.CURRENT, "position": position})

    def _seed_application(self, demo):
        person = demo.person
        user = self._account(person, is_staff=False)
        candidate = self.upserter.upsert(
            Candidate, lookup={"user": user},
            values={"first_name": person.first_name, "last_name": person.last_name, "email": person.email,
                    "city": "Kortrijk", "postal_code": "8500"},
        )
        procedure = Procedure.objects.get(slug=demo.procedure_slug)
        application = self.upserter.upsert(
            Application, lookup={"candidate": candidate, "procedure": procedure},
            values={"diploma": procedure.diplomas.get(position=demo.diploma_position),
                    "diploma_detail": demo.diploma_detail, "years_public_sector": 2, "years_private_sector": 3,
                    "privacy_acknowledged_at": timezone.now()},
        )
        self._advance(application, demo, candidate_user=user)
        return person, application

    def _advance(self, application, demo, *, candidate_user):
        """Walk the application to its demo stage through change_stage(), from wherever it stands on the path."""
        path = [Stage.SCREENING] + [stage for stage, _actor, _reason in demo.steps]
        if application.stage not in path:
            self.stderr.write(f"{application}: staat op ‘{application.get_stage_display()}’, buiten het demopad; "
                              "niet aangepast.")
            return
        actors = {"hr": self.staff[HR.username], "interviewer": self.staff[INTERVIEWER.username],
                  "jury": self.staff[JURORS[0].username], "candidate": candidate_user}
        for stage, actor, reason in demo.steps[path.index(application.stage):]:
            if actor == "round":
                self._open_jury_round()
                application.refresh_from_db()
            else:
                change_stage(application, to=stage, by=actors[actor], reason=reason,
                             expected_stage=application.stage)
            self.moves += 1

    def _open_jury_round(self):
        """A concrete vacancy and its jury round with the three demo jurors; opening it invites the waitlist."""
        hr = self.staff[HR.username]
        vacancy = self.upserter.upsert(
            Vacancy, lookup={"workplace": DEMO_VACANCY["workplace"]},
            values={"function": Procedure.objects.get(slug=MW).function,
                    "team": Team.objects.get(name=DEMO_VACANCY["team"]), "description": DEMO_VACANCY["description"],
                    "start_date": timezone.localdate() + timedelta(days=60), "created_by": hr},
        )
        jury_round = vacancy.jury_rounds.filter(status=JuryRound.Status.OPEN).first()
        if jury_round is None:
            jury_round = start_jury_round(vacancy, by=hr)
        else:  # an earlier demo's round: it takes the newcomer on the waitlist
            invite_waitlist(jury_round, by=hr)
        seated = set(jury_round.members.values_list("role", flat=True))
        for person, role in zip(JURORS, JURY_ROLES, strict=True):
            if role not in seated:
                add_juror(jury_round, user=self.staff[person.username], role=role, by=hr)

    # --- intake ---------------------------------------------------------------------------------------------

    def _seed_intake_sessions(self):
        """Add the demo moments still missing on the next Tuesdays, each with its free slots; returns the counts.

        A moment that already exists (an earlier run, past or future) stays as it is, bookings included.
        """
        procedure = Procedure.objects.get(slug=MW)
        interviewer = self.staff[INTERVIEWER.username]
        starts_at, ends_at = DEMO_SESSION_HOURS
        sessions = slots = 0
        for day in demo_session_days(procedure):
            if IntakeSession.objects.filter(procedure=procedure, date=day, label=DEMO_SESSION_LABEL).exists():
                continue
            session = IntakeSession.objects.create(procedure=procedure, date=day, starts_at=starts_at,
                                                   ends_at=ends_at, label=DEMO_SESSION_LABEL)
            slots += len(generate_slots(session, interviewers=[interviewer]).created)
            sessions += 1
        self.upserter.created += sessions
        return sessions, slots

    # --- output ---------------------------------------------------------------------------------------------

    def _print_logins(self, rows):
        today = timezone.localdate()
        table = [("Rol", "Gebruikersnaam", "E-mail", "Wachtwoord", "Kandidatuur")]
        for person in STAFF:
            table.append((person.role, person.username, person.email, self._password_for(person.username), ""))
        seen = set()
        for person, application in rows:
            status = f"{application.procedure.title}: {application.get_stage_display()}"
            ban = ban_in_force(application.candidate, application.procedure.function, on=today)
            if ban is not None:
                status += f" (uitgesloten; opnieuw welkom vanaf {ban.ends_on:%d/%m/%Y})"
            if person.username in seen:
                table.append(("", person.username, "", "", status))
                continue
            seen.add(person.username)
            table.append(("Kandidaat (fictief)", person.username, person.email,
                          self._password_for(person.username), status))
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        self.stdout.write("")
        self.stdout.write("Demo-aanmeldingen — fictieve personen, wachtwoorden alleen voor deze demomachine:")
        for index, row in enumerate(table):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
