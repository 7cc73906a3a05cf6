"""manage.py seed_kortrijk: load the procedure "Maatschappelijk werker (B1-B3)" from the city's information bundle."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

# The outbox writes one editable MailTemplate per registered mail event (only the missing ones; HR's wording stays).
from communications.mail_templates import sync_mail_templates
from procedures import seed_data
from procedures.management.upsert import Upserter
from procedures.models import BehaviouralIndicator, Competency, Diploma, Function, IntakeSession, Procedure, Team
from procedures.seed_annexes import seed_function_descriptions
from procedures.seed_pay import seed_pay_data
from procedures.seed_steps import seed_procedure_steps


def _get_or_create_by(*fields):
    """Temporary row owner for the seed_* functions (issue 13 part C) until the Seeder owns rows by their key."""
    def create(key, model, values):
        return model.objects.get_or_create(**{f: values[f] for f in fields}, defaults=values)[0]
    return create


class Command(BaseCommand):
    help = (
        "Laadt de selectieprocedure 'Maatschappelijk werker (B1-B3)' uit de infobundel van stad Kortrijk: de functie "
        "(B1-B3; uitsluiting 12 maanden, wachtlijst 12, wervingsreserve 24, max. 18 jaar privé-anciënniteit), de "
        "procedure met de teksten van de vacature, de 13 diploma's plus het buitenlandse diploma met "
        "gelijkwaardigheidsverklaring, de teams, de 9 competenties met hun gedragsindicatoren en de vier "
        "intakemomenten, de loonschalen B1-B3 als illustratieve demo (enkel B1-minimum en B3-maximum zijn "
        "gepubliceerde bedragen) met indexcoëfficiënt en functionele loopbaan, en een mailsjabloon per gebeurtenis "
        "die er nog geen heeft. De bundel noemt geen uren: "
        "voormiddag = 09:00-12:00, volledige dag = 09:00-16:30 (aanpasbaar door HR). "
        "Mag herhaald worden: bestaande rijen blijven zoals HR ze aanpaste, tenzij --refresh. "
        "Contactpersoon: --contact-* of KATS_CONTACT_NAME / KATS_CONTACT_EMAIL / KATS_CONTACT_PHONE, anders de "
        "selectieverantwoordelijke uit de bundel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true",
                            help="Zet bestaande teksten en gegevens terug naar de infobundel (verwijdert niets).")
        parser.add_argument("--contact-name", default=None, help="Naam van de contactpersoon van de procedure.")
        parser.add_argument("--contact-email", default=None, help="E-mailadres van de contactpersoon.")
        parser.add_argument("--contact-phone", default=None, help="Telefoonnummer van de contactpersoon.")

    def handle(self, *args, refresh, **options):
        contact, contact_given = self._contact(options)
        upserter = Upserter(refresh=refresh)
        with transaction.atomic():
            function = upserter.upsert(Function, lookup={"slug": seed_data.FUNCTION["slug"]},
                                       values={k: v for k, v in seed_data.FUNCTION.items() if k != "slug"})
            procedure = self._seed_procedure(upserter, function, contact, contact_given)
            self._seed_diplomas(upserter, procedure)
            self._seed_teams(upserter)
            self._seed_competencies(upserter, function)
            self._seed_intake_sessions(upserter, procedure)
            seed_procedure_steps(procedure, create=_get_or_create_by("procedure", "position"))
            seed_function_descriptions(function, create=_get_or_create_by("function", "variant"))
            pay_created = seed_pay_data(function)
        self.stdout.write(f"Procedure ‘{procedure.title}’: {upserter.summary}.")
        self.stdout.write(f"Loon: {pay_created} nieuw (loonschalen, index, premies, loopbaan; bestaande loongegevens "
                          "blijven ongewijzigd, ook met --refresh).")
        self._sync_mail_templates()

    def _contact(self, options):
        contact, given = {}, []
        for key in ("name", "email", "phone"):
            value = options[f"contact_{key}"] or os.environ.get(f"KATS_CONTACT_{key.upper()}", "")
            if value:
                given.append(f"contact_{key}")
            contact[f"contact_{key}"] = value or seed_data.CONTACT[key]
        return contact, given

    def _seed_procedure(self, upserter, function, contact, contact_given):
        values = {"function": function, "title": seed_data.PROCEDURE_TITLE, "status": Procedure.Status.OPEN,
                  **seed_data.PROCEDURE_TEXTS, **contact}
        # A contact given by option or environment is deployment configuration: it wins over earlier values.
        return upserter.upsert(Procedure, lookup={"slug": seed_data.PROCEDURE_SLUG}, values=values,
                               always=contact_given)

    def _seed_diplomas(self, upserter, procedure):
        catalogue = (
            [(name, Diploma.Kind.CURRENT) for name in seed_data.CURRENT_DIPLOMAS]
            + [(name, Diploma.Kind.OLD) for name in seed_data.OLD_DIPLOMAS]
            + [(seed_data.FOREIGN_DIPLOMA, Diploma.Kind.FOREIGN)]
        )
        for position, (name, kind) in enumerate(catalogue, start=1):
            upserter.upsert(Diploma, lookup={"procedure": procedure, "name": name},
                            values={"kind": kind, "position": position})

    def _seed_teams(self, upserter):
        for kind, teams in ((Team.Kind.NEIGHBOURHOOD, seed_data.NEIGHBOURHOOD_TEAMS),
                            (Team.Kind.CENTRAL, seed_data.CENTRAL_TEAMS)):
            for name, description in teams:
                upserter.upsert(Team, lookup={"name": name}, values={"kind": kind, "description": description})

    def _seed_competencies(self, upserter, function):
        for position, data in enumerate(seed_data.COMPETENCIES, start=1):
            competency = upserter.upsert(Competency, lookup={"function": function, "name": data.name},
                                         values={"definition": data.definition, "position": position})
            for indicator_position, text in enumerate(data.indicators, start=1):
                upserter.upsert(BehaviouralIndicator,
                                lookup={"competency": competency, "position": indicator_position},
                                values={"text": text})

    def _seed_intake_sessions(self, upserter, procedure):
        for day, starts_at, ends_at, label in seed_data.INTAKE_SESSIONS:
            upserter.upsert(IntakeSession, lookup={"procedure": procedure, "date": day, "starts_at": starts_at},
                            values={"ends_at": ends_at, "label": label})

    def _sync_mail_templates(self):
        created = sync_mail_templates()
        self.stdout.write(f"Mailsjablonen: {created} nieuw (bestaande teksten van HR blijven ongewijzigd).")
