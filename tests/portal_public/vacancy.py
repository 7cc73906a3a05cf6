"""A complete public vacancy built from the bundle's facts, for the portal's page and browser tests."""

from datetime import date, time

from procedures.models import Competency, Diploma, Team
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
SESSIONS = [
    (date(2026, 1, 20), time(9, 0), time(12, 0), "voormiddag"),
    (date(2026, 1, 22), time(9, 0), time(12, 0), "voormiddag"),
    (date(2026, 1, 23), time(9, 0), time(17, 0), "volledige dag"),
    (date(2026, 1, 26), time(9, 0), time(12, 0), "voormiddag"),
]


def make_vacancy(**procedure_fields):
    """An open procedure with texts, diplomas of each kind, intake sessions, teams and the 9 competencies."""
    function = FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker", grade="B1-B3")
    fields = {
        "function": function,
        "title": "Maatschappelijk werker (B1-B3)",
        "slug": "maatschappelijk-werker",
        "intro": "Kortrijk startte als eerste in Vlaanderen met wijkgericht sociaal werk.\n\nHelp je graag mensen?",
        "responsibilities": "Je begeleidt de cliënt vanuit een multidisciplinair wijkteam.",
        "workplace": "Je komt terecht in één van de 7 wijkteams of in een centraal aangestuurd team.",
        "offer": "Een contract van onbepaalde duur.\nMaaltijdcheques (€7,50).",
        "conditions": "Bij een concreet jobaanbod vragen we een uittreksel uit het strafregister.",
        "procedure_steps": "De selectie bestaat uit een screening, een online kennismakingsinterview en een jury.",
        "faq": "Kan ik solliciteren zonder diploma? Nee.",
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
    TeamFactory(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD)
    TeamFactory(name="Team energie", kind=Team.Kind.CENTRAL, description="Cliënten met energieproblemen")
    for position, (name, definition) in enumerate(COMPETENCIES):
        Competency.objects.create(function=function, name=name, definition=definition, position=position)
    return procedure
