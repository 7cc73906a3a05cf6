"""A complete public vacancy built from the bundle's facts, for the portal's page and browser tests."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine

from procedures.models import Competency, Diploma, FunctionDescription, ProcedureStep, Team
from tests.factories import DiplomaFactory, FunctionFactory, IntakeSessionFactory, ProcedureFactory, TeamFactory

COMPETENCIES = [
    ("Klantgerichtheid", "Je denkt actief mee, speelt in op vragen en wensen van interne en externe klant."),
    ("Samenwerken", "Je werkt op eigen initiatief dagelijks met je collega's in het team samen."),
    ("Resultaatgerichtheid", "Je werkt doelgericht, voor jezelf en voor de anderen binnen het team."),
    ("Wendbaarheid", "Je stelt bestaande procedures spontaan in vraag en ziet nieuwe mogelijkheden."),
    ("Integriteit", "Je past sociale, professionele en ethische normen in de praktijk toe."),
    ("Adviseren", "Je geeft gericht advies op basis van je eigen expertise en knowhow."),
    ("Communiceren", "Je kan helder communiceren in twee richtingen, met aandacht voor doelgroep en situatie."),
    ("Empathisch handelen", "Je merkt subtiele en onuitgesproken gevoelens, behoeften en wensen van anderen op."),
    ("Innovatie en creativiteit", "Je komt met alternatieve ideeën, werkwijzen en oplossingen voor de dag."),
]
CURRENT = ["Master in het sociaal werk", "Bachelor orthopedagogie", "Bachelor gezinswetenschappen"]
OLD = ["Diploma van maatschappelijk assistent (hoger onderwijs van één cyclus)"]
FOREIGN = ["Buitenlands diploma gelijkwaardig aan maatschappelijk assistent"]
# (title, text, part_of_previous, shows_intake_sessions, text_after_intake_sessions)
STEPS = [
    ("Screening toelatingsvoorwaarden", "In deze stap controleren we of je één van de diploma’s kan voorleggen.",
     False, False, ""),
    ("Online kennismakingsinterview", "Een kort digitaal gesprek via Microsoft Teams op een van deze momenten:",
     False, True, "Je kiest zelf een tijdslot van 20’."),
    ("Belangrijk: wat als je niet slaagt voor stap 2?",
     "Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure.", True, False, ""),
    ("Wachtlijst voor concrete jobinterviews", "Deze wachtlijst is 1 jaar geldig.", False, False, ""),
    ("Hoe ziet zo’n jobinterview eruit?", "Je gaat in gesprek met een jury.", True, False, ""),
]
# The bundle's round: applications until 10/01/2026, the intake moments from 20/01/2026. The pages are checked as a
# candidate saw them then; after the apply-by day the page is the closed one (test_closed_procedure.py).
DURING_THE_ROUND = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def during_the_round():
    return time_machine.travel(DURING_THE_ROUND, tick=True)


# A note meant for HR, as the seed once put in team descriptions: it must never reach a public page.
HR_NOTE = "HR geeft dit team zijn echte naam."
SESSIONS = [
    (date(2026, 1, 20), time(9, 0), time(12, 0), "voormiddag"),
    (date(2026, 1, 22), time(9, 0), time(12, 0), "voormiddag"),
    (date(2026, 1, 23), time(9, 0), time(17, 0), "volledige dag"),
    (date(2026, 1, 26), time(9, 0), time(12, 0), "voormiddag"),
]


def make_vacancy(**procedure_fields):
    """An open procedure with its texts and key facts, diplomas of each kind, intake sessions, the steps, the 9
    competencies and both function descriptions; and two teams whose names and HR notes stay off the public pages."""
    function = FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker", grade="B1-B3")
    fields = {
        "function": function,
        "title": "Maatschappelijk werker (B1-B3)",
        "slug": "maatschappelijk-werker",
        "intro": "Kortrijk startte als eerste in Vlaanderen met wijkgericht sociaal werk.\n\nHelp je graag mensen?",
        "responsibilities": "- Je begeleidt de cliënt vanuit een multidisciplinair wijkteam.\n"
                            "  - Je helpt op maat van de cliënt.\n- Je staat in voor het beheer van dossiers.",
        "workplace": "Je komt terecht in één van de 7 wijkteams of in een centraal aangestuurd team.",
        "offer": "Wij voorzien een contract van onbepaalde duur.\n\n- Maaltijdcheques (€7,50).\n"
                 "- Gratis aansluiting bij GSD-V (https://www.gsd-v.be/).",
        "conditions": "Bij een concreet jobaanbod vragen we een uittreksel uit het strafregister.",
        "procedure_steps": "Alle communicatie verloopt via e-mail.",
        "employer": "Elke dag zet je je samen met meer dan 1800 collega's in voor dé Kortrijkzaan.",
        "employer_vision": "Kortrijk is een stad waar iedereen meetelt.",
        "employer_values": "Ben je ondernemend?",
        "faq": "Kan ik solliciteren zonder diploma? Nee.",
        "contract_type": "contract van onbepaalde duur",
        "place": "Kortrijk",
        "contact_name": "Veerle De Bosschere",
        "contact_email": "vacatures@kortrijk.be",
        "contact_phone": "056 27 85 03",
        "applications_close_on": date(2026, 1, 10),
        **procedure_fields,
    }
    procedure = ProcedureFactory(**fields)
    for position, name in enumerate(CURRENT):
        DiplomaFactory(procedure=procedure, name=name, kind=Diploma.Kind.CURRENT, position=position)
    for position, name in enumerate(OLD, start=10):
        DiplomaFactory(procedure=procedure, name=name, kind=Diploma.Kind.OLD, position=position)
    for position, name in enumerate(FOREIGN, start=20):
        DiplomaFactory(procedure=procedure, name=name, kind=Diploma.Kind.FOREIGN, position=position)
    for day, start, end, label in SESSIONS:
        IntakeSessionFactory(procedure=procedure, date=day, starts_at=start, ends_at=end, label=label)
    for position, (title, text, part, shows_sessions, after) in enumerate(STEPS, start=1):
        ProcedureStep.objects.create(procedure=procedure, position=position, title=title, text=text,
                                     part_of_previous=part, shows_intake_sessions=shows_sessions,
                                     text_after_intake_sessions=after)
    TeamFactory(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD, description=HR_NOTE)
    TeamFactory(name="Team energie", kind=Team.Kind.CENTRAL, description="Cliënten met energieproblemen")
    for variant, place in ((Team.Kind.NEIGHBOURHOOD, "vanuit de wijkteams"),
                           (Team.Kind.CENTRAL, "vanuit de centraal aangestuurde teams")):
        FunctionDescription.objects.create(
            function=function, variant=variant, formal_title="hulpverlener wijkgericht sociaal werk",
            directorate="Samenleven", team_name="Wijkgericht Sociaal Werk", salary_scale="B1-B3",
            reports_to="Teamcoördinator wijkgericht sociaal werk",
            purpose=f"Je voorziet in individuele sociale hulp- en dienstverlening {place}.",
            responsibilities="- Je staat in voor het beheer van dossiers.\n"
                             "  - Je volgt de evolutie van het dossier op.")
    for position, (name, definition) in enumerate(COMPETENCIES):
        Competency.objects.create(function=function, name=name, definition=definition, position=position)
    return procedure
