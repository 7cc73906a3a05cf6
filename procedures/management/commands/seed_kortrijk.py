"""manage.py seed_kortrijk: load the procedure "Maatschappelijk werker (B1-B3)" from the city's information bundle."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction

# The outbox writes one editable MailTemplate per registered mail event (only the missing ones; HR's wording stays).
from communications.mail_templates import sync_mail_templates
from procedures import seed_data
from procedures.models import BehaviouralIndicator, Competency, Diploma, Function, IntakeSession, Procedure
from procedures.seed_annexes import seed_function_descriptions
from procedures.seed_steps import seed_procedure_steps
from procedures.seeding import BUNDLE_PARTS, Seeder


class Command(BaseCommand):
    help = (
        "Laadt de selectieprocedure 'Maatschappelijk werker (B1-B3)' uit de infobundel van stad Kortrijk, en enkel "
        "wat de bundel zegt: de functie (B1-B3; uitsluiting en wachtlijst 1 jaar, max. 18 jaar privé-anciënniteit), "
        "de procedure met de teksten van de vacature, de 13 diploma's (8 huidige, 5 oude), de 9 competenties met "
        "hun gedragsindicatoren en de vier intakemomenten (voormiddag of volledige dag, zonder uren), de "
        "loonschaalcodes B1-B3 (met het gepubliceerde B1-minimum en B3-maximum, enkel ter info voor HR), en een "
        "mailsjabloon per gebeurtenis die er nog geen heeft. "
        "Wat de bundel niet zegt, vult HR in (geldigheid van de wervingsreserve, uren van de intakemomenten, teams, "
        "laatste dag om te solliciteren, loonschalen, loopbaan, indexcoëfficiënt, vakantiegeld en "
        "eindejaarspremie): de back office toont het als 'nog in te vullen'. "
        "Mag herhaald worden: de seed maakt elke rij één keer aan en herkent ze aan een eigen sleutel, niet aan "
        "haar naam. Wat HR hernoemde, aanpaste of verwijderde, blijft zo, tenzij --refresh. "
        "Contactpersoon: --contact-* of KATS_CONTACT_NAME / KATS_CONTACT_EMAIL / KATS_CONTACT_PHONE, anders de "
        "selectieverantwoordelijke uit de bundel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true",
                            help="Zet de teksten en gegevens van de infobundel terug, ook waar HR ze aanpaste, en "
                                 "maakt rijen van de bundel die HR verwijderde opnieuw aan. Wat HR zelf toevoegde "
                                 "en wat de bundel niet zegt (bv. de uren), blijft staan.")
        parser.add_argument("--contact-name", default=None, help="Naam van de contactpersoon van de procedure.")
        parser.add_argument("--contact-email", default=None, help="E-mailadres van de contactpersoon.")
        parser.add_argument("--contact-phone", default=None, help="Telefoonnummer van de contactpersoon.")

    def handle(self, *args, refresh, **options):
        contact, contact_given = self._contact(options)
        seeder = Seeder(refresh=refresh)
        with transaction.atomic():
            function = seeder.row(f"function:{seed_data.FUNCTION['slug']}", Function, values=seed_data.FUNCTION,
                                  adopt={"slug": seed_data.FUNCTION["slug"]})
            procedure = self._seed_procedure(seeder, function, contact, contact_given)
            self._seed_diplomas(seeder, procedure)
            self._seed_competencies(seeder, function)
            self._seed_intake_sessions(seeder, procedure)
            if procedure is not None:
                seed_procedure_steps(procedure, seeder=seeder)
            if function is not None:
                seed_function_descriptions(function, seeder=seeder)
            for part in BUNDLE_PARTS:  # e.g. the pay app's scale codes (pay.seed)
                part(seeder)
        self.stdout.write(f"Procedure ‘{seed_data.PROCEDURE_TITLE}’: {seeder.summary}.")
        self._sync_mail_templates()

    def _contact(self, options):
        contact, given = {}, []
        for key in ("name", "email", "phone"):
            value = options[f"contact_{key}"] or os.environ.get(f"KATS_CONTACT_{key.upper()}", "")
            if value:
                given.append(f"contact_{key}")
            contact[f"contact_{key}"] = value or seed_data.CONTACT[key]
        return contact, given

    def _seed_procedure(self, seeder, function, contact, contact_given):
        if function is None:
            return None
        values = {"function": function, "slug": seed_data.PROCEDURE_SLUG, "title": seed_data.PROCEDURE_TITLE,
                  "status": Procedure.Status.OPEN, **seed_data.PROCEDURE_TEXTS, **contact}
        # A contact given by option or environment is deployment configuration: it wins over earlier values.
        return seeder.row(f"procedure:{seed_data.PROCEDURE_SLUG}", Procedure, values=values,
                          adopt={"slug": seed_data.PROCEDURE_SLUG}, always=contact_given)

    def _seed_diplomas(self, seeder, procedure):
        if procedure is None:
            return
        catalogue = ([(key, name, Diploma.Kind.CURRENT) for key, name in seed_data.CURRENT_DIPLOMAS]
                     + [(key, name, Diploma.Kind.OLD) for key, name in seed_data.OLD_DIPLOMAS])
        for position, (key, name, kind) in enumerate(catalogue, start=1):
            seeder.row(f"diploma:{key}", Diploma,
                       values={"procedure": procedure, "name": name, "kind": kind, "position": position},
                       adopt=[{"procedure": procedure, "name": name},
                              {"procedure": procedure, "position": position, "kind": kind}])

    def _seed_competencies(self, seeder, function):
        if function is None:
            return
        for position, data in enumerate(seed_data.COMPETENCIES, start=1):
            competency = seeder.row(
                f"competency:{data.key}", Competency,
                values={"function": function, "name": data.name, "definition": data.definition, "position": position},
                adopt=[{"function": function, "name": data.name}, {"function": function, "position": position}])
            if competency is None:  # HR deleted it, and its indicators with it
                continue
            for indicator_position, text in enumerate(data.indicators, start=1):
                seeder.row(f"indicator:{data.key}:{indicator_position}", BehaviouralIndicator,
                           values={"competency": competency, "text": text, "position": indicator_position},
                           adopt={"competency": competency, "position": indicator_position})

    def _seed_intake_sessions(self, seeder, procedure):
        if procedure is None:
            return
        for day, label in seed_data.INTAKE_SESSIONS:
            seeder.row(f"intake-session:{day.isoformat()}", IntakeSession,
                       values={"procedure": procedure, "date": day, "label": label},
                       adopt=[{"procedure": procedure, "date": day, "label": label},
                              {"procedure": procedure, "date": day}])

    def _sync_mail_templates(self):
        created = sync_mail_templates()
        self.stdout.write(f"Mailsjablonen: {created} nieuw (bestaande teksten van HR blijven ongewijzigd).")
