"""The content of the city of Kortrijk's information bundle "Maatschappelijk werker (B1-B3)", as data.

Source: shared/seed/infobundel-maatschappelijk-werker.txt. The diploma names, competency definitions and behavioural
indicators are verbatim (typos included: HR corrects them in the back office, not the seed). The vacancy texts keep
the bundle's words; only PDF artefacts are repaired: words split over two lines are joined, double spaces go, and a
few punctuation slips are fixed (a stray full stop in "terecht. verspreid", a space before a full stop, the missing
closing bracket after "telewerk", "B1-B3 -niveau").

Each section of the bundle is here once, so the vacancy page says each thing once. The steps are STEPS (title and
text each, the bundle's bold questions as parts of their step); the intake dates are not in any text but in the
IntakeSession rows the page lists under step 2. The bundle's opening of the steps ("bestaat uit 2 stappen", "In grote
lijnen moet je als kandidaat doorheen 3 of 4 stappen: 1. … 2. … 3. Een jobinterview") contradicts itself and only
announces the numbered steps the page shows, so it is left out; the sentence after it reads "hoe de stappen eruit
zien" instead of "hoe deze stappen eruit zien". The diploma lists are the catalogue (Diploma rows); CONDITIONS is the
bundle's text under them.

Only what the bundle states is here. What it does not state (the reserve's validity, the intake hours, the teams,
the last day to apply) is HR's to enter: the seed leaves it empty and procedures.settings_check lists it in the
back office as still to fill in. What the bundle says about pay is the pay app's (pay.seed).
"""

from dataclasses import dataclass
from datetime import date

FUNCTION = {
    "slug": "maatschappelijk-werker",
    "name": "Maatschappelijk werker",
    "grade": "B1-B3",
    # "gedurende 1 jaar niet opnieuw deelnemen", "Deze wachtlijst is 1 jaar geldig". The bundle gives the reserve
    # no validity, so reserve_months is not here: it stays empty for HR.
    "ban_months": 12,
    "waitlist_months": 12,
    "private_seniority_cap_years": 18,
}

PROCEDURE_SLUG = "maatschappelijk-werker-b1-b3"
PROCEDURE_TITLE = "Maatschappelijk werker (B1-B3)"

# The bundle's selection contact ("selectieverantwoordelijke"); the seed command lets a deployment override it.
CONTACT = {
    "name": "Veerle De Bosschere",
    "email": "vacatures@kortrijk.be",
    "phone": "056 27 85 03",
}

FAQ_URL = "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk"

INTRO = """\
Kortrijk startte als eerste in Vlaanderen met wijkgericht sociaal werk. Wie hulp nodig heeft rond een sociaal thema \
hoeft niet meer bij één centrale dienst aan te kloppen, maar kan in één van de 7 wijkteams terecht, verspreid over \
het Kortrijkse grondgebied met elk hun specifieke doelgroep en werking. Kortrijk wil zo meer mensen bereiken, want \
maatschappelijk werkers zijn er niet alleen voor mensen met een leefloon. Gezinnen kunnen in de wijkcentra bij één \
persoon terecht met vragen rond inkomen, wonen, werk of betaalbare kinderopvang en energie. De inwoners hoeven dus \
niet meer naar het Sociaal Huis in het centrum van Kortrijk.

Onze maatschappelijk werkers in deze Kortrijkse wijkcentra hebben heel wat talenten. Ze zijn gemotiveerd om \
cliënten een kwalitatieve hulp en dienstverlening aan te bieden op verschillende levensdomeinen. Allemaal bieden ze \
dienstverlening aan voor doelgroepen met een specifieke (hulp)vraag. Samen staan ze in voor de zelfredzaamheid, de \
levenskwaliteit, het welbevinden en de maatschappelijke integratie van de Kortrijkse burger.

Als maatschappelijk werker help je mee de kernwaarden van onze sociale dienstverlening om te zetten in de praktijk. \
Je biedt een luisterend oor, wordt een vertrouwd gezicht en vertaalt dit verder door naar psychosociale hulp, \
informatie, advies en concrete hulp- en dienstverlening.

Om dit ruime aanbod aan dienstverlening te garanderen zijn we steeds op zoek naar gemotiveerde maatschappelijk \
werkers.

Help je graag mensen vooruit, ben je een teamspeler en kan je om met verschillende doelgroepen? Dan is de functie \
van maatschappelijk werker misschien iets voor jou."""

RESPONSIBILITIES = """\
- Je begeleidt de cliënt vanuit een multidisciplinair wijkteam waar ontmoeting, buurtgericht werken en \
hulpverlening centraal staan, op maat en professioneel, met het oog op het verhogen van zijn zelfredzaamheid en het \
optimaliseren van zijn sociaal-maatschappelijk functioneren.
  - Je helpt op maat van de cliënt om vragen van praktische, materiële, juridische en/of financiële aard aan te \
pakken.
  - Je verwijst cliënten zodat ze kunnen deelnemen aan externe voorzieningen: arbeidsmarkt, \
opleidingsinstellingen, sociale huisvesting,…
  - Je biedt de cliënten een integrale hulpverlening op maat, dit door zelf te handelen of gepast door te verwijzen.
  - Je organiseert jouw hulpverlening op een outreachende manier door middel van huisbezoeken of plaats bezoeken om \
zo een integraal beeld te krijgen van de cliëntsituatie en de drempel tot hulpverlening te verlagen.
  - Je werkt actief samen met tal van partners uit de buurt die je helpen om een brede, generalistisch aanpak te \
kunnen realiseren.
- Je staat in voor het beheer en de afhandeling van dossiers in het kader van de hulpverlening aan de cliënten.
  - Je verzamelt informatie die relevant is voor de hulpvraag van de cliënt en stelt een diagnose m.b.t. de \
problematiek die de cliënt aanbrengt. Hierbij verricht je een sociaal onderzoek en stelt een hulpverleningsplan op \
samen met je cliënt.
  - Je volgt de evolutie van het dossier op en rapporteert aan alle betrokken partijen. Je zorgt voor een goede \
administratieve opvolging en registratie van je cliëntdossiers.
  - Je maakt voorstellen op naar gepaste hulpverlening of traject voor je cliënt en agendeert dit op het bijzonder \
comité sociale dienst. Waar nodig verdedig je jouw voorstel tot hulpverlening voor de leden van het comité in de \
wekelijkse zitting.
- Je ontwikkelt netwerken en samenwerkingsverbanden met interne en externe partners en fungeert als contactpersoon \
om te komen tot een optimale samenwerking en hulp- en dienstverlening die ten goede komt aan de cliënt."""

WORKPLACE = """\
Je komt terecht in één van de 7 wijkteams van Kortrijk of in een centraal aangestuurd team. In een centraal \
aangestuurd team werk je met cliënten met een specifieke kenmerk (energieproblemen, detentie, dakloos, alleenstaande \
moeder,…). Tijdens het eerste deel van de selectieprocedure focussen we op algemene competenties die we van \
maatschappelijk werkers verwachten. Pas in het tweede deel focussen we ons op een concrete vacature in één van de \
wijkcentra.

Wil jij wat inspiratie opdoen over de verschillende wijkteams in Kortrijk? Neem dan een kijkje op Onze 7 wijkteams \
| Kortrijk: https://www.kortrijk.be/onze-7-wijkteams

Wil je graag op de hoogte blijven van het laatste nieuws in Kortrijk om zo de stad beter te leren kennen? Ga naar \
https://www.kortrijk.be/abonneren-op-de-e-nieuwsbrief-van-de-stad"""

# "Kortrijk als werkgever" with its "Visie" and "Waarden" ("Het organogram" is an image the text version lacks).
EMPLOYER = """\
Elke dag zet je je samen met meer dan 1800 collega's van stad en OCMW in voor dé Kortrijkzaan. Ons aanbod qua \
dienstverlening is zeer divers, denk maar aan sport, cultuur, burgerzaken, kinderopvang, thuiszorg, sociale \
tewerkstelling, deeltijds kunstonderwijs, stadsontwikkeling, huisvuilophaling, groen, parkeerbeleid, \
armoedebestrijding, musea, toerisme, evenementen, economie, wegenwerken, woonzorgcentra... De uitdagingen voor de \
diensten en de medewerkers zijn dan ook groot en evolueren voortdurend. Samen zorgen we ervoor dat het aanbod \
afgestemd is op de wensen en behoeften van de inwoners en bezoekers van stad Kortrijk."""

EMPLOYER_VISION = """\
Kortrijk kiest voor op-en-top klantentevredenheid dankzij snelle en slimme dienstverlening. Kortrijk is een stad \
waar iedereen meetelt. Kortrijk is trendsetter in Vlaanderen vanuit sterke partnerships en dankzij de inzet van \
medewerkers met een zeg-en-doe-mentaliteit. En dat weerspiegelt zich in onze waarden."""

EMPLOYER_VALUES = """\
Onze waarden en bedrijfscultuur spelen een cruciale rol in ons verhaal. We vinden het belangrijk dat elke \
medewerker de Kortrijkse waarden uitdraagt. Ben je ondernemend? Heb je respect voor andere meningen? Durf je open \
communiceren? En ben je een echte teamplayer. Dan zal je je helemaal kunnen vinden in onze filosofie. Kom meer te \
weten over onze missie en waarden: https://www.kortrijk.be/missie-en-waarden"""

# "Wij voorzien een contract van onbepaalde duur op B1-B3-niveau" and the wijkteams "verspreid over het Kortrijkse
# grondgebied": the key facts of the vacancy page and of the offer letter.
CONTRACT_TYPE = "contract van onbepaalde duur"
PLACE = "Kortrijk"

OFFER = f"""\
Wij voorzien een contract van onbepaalde duur op B1-B3-niveau. Wat bieden we nog meer?

- We houden rekening met relevante ervaring uit je voorbije loopbaan. Maximum 18 jaar voor ervaring vanuit de privé \
sector. Anciënniteit uit de openbare sector kan je onbeperkt meenemen. Er worden tijdens de selectieprocedure geen \
loonsimulaties gemaakt, maar uiteraard wel in de laatste fase als er een jobaanbod is. Wil je zelf al even \
inschatten wat je brutoloon zou zijn, dan kan je de volledige loonschalen raadplegen via {FAQ_URL}.
- Een verlofpakket van 33 tot 35 vakantiedagen en een flexibel uurrooster (er is ook mogelijkheid tot telewerk).
- Een aantrekkelijke eindejaarspremie.
- Maaltijdcheques (€7,50).
- Een fietsvergoeding (€0,36 per km), gratis openbaar vervoer voor woon-werkverkeer, en de kans om voordelig te \
fietsen via ons fietsleaseprogramma.
- Een gratis hospitalisatieverzekering met gunsttarief voor je partner en kinderen en een groepsverzekering \
(tweede pensioenpijler).
- Gratis aansluiting bij GSD-V (https://www.gsd-v.be/).
- Een fijne werkomgeving met ontwikkelingskansen en personeelsactiviteiten."""

# The diploma lists themselves are the catalogue below; the vacancy page shows this text under them.
CONDITIONS = """\
Belangrijk: solliciteren voor maatschappelijk werker zonder één van deze bovenstaande diploma’s kan niet.

Bij een concreet jobaanbod, vragen wij ook een uittreksel uit het strafregister. Dit dient blanco te zijn."""

# The text above the steps; the steps follow as STEPS.
PROCEDURE_STEPS = """\
Hieronder leggen we je gedetailleerd uit hoe de stappen eruit zien en wat de timing is. De timing kan wijzigen door \
onvoorziene omstandigheden, maar je wordt in dat geval tijdig op de hoogte gebracht. Alle communicatie verloopt via \
e-mail. Het is belangrijk om je mailbox gedurende de volledige procedure goed in de gaten te houden."""


@dataclass(frozen=True)
class StepData:
    """A step of the selection, or (part_of_previous) a part of the step above it with a heading of its own."""

    title: str
    text: str = ""
    part_of_previous: bool = False
    shows_intake_sessions: bool = False
    text_after_intake_sessions: str = ""


# "Hoe verloopt de selectieprocedure?": the bundle's three steps; its bold questions are parts of their step. The
# intake moments are the IntakeSession rows, shown under the text of step 2.
STEPS = (
    StepData(
        "Screening toelatingsvoorwaarden",
        "In deze stap controleren we of je één van de diploma’s die toegang geven tot de functie maatschappelijk "
        "werker wel degelijk kan voorleggen.",
    ),
    StepData(
        "Online kennismakingsinterview",
        """\
Je ontvangt een uitnodiging voor een kort digitaal gesprek via Microsoft Teams met een medewerker van het \
selectieteam van de stad Kortrijk. We peilen naar basiscompetenties, ervaring, inzetbaarheid, jobinzicht en \
motivatie.

Afhankelijk van het aantal kandidaten, wordt de planning nog verder vorm gegeven. De gesprekken zullen, onder \
voorbehoud van wijzigingen, plaatsvinden op één of meerdere van onderstaande momenten:""",
        shows_intake_sessions=True,
        text_after_intake_sessions="Je zal zelf op één van bovenstaande momenten nog een tijdslot van 20’ kunnen "
                                   "kiezen om het kennismakingsinterview te laten doorgaan.",
    ),
    StepData(
        "Belangrijk: wat als je niet slaagt voor stap 2?",
        "Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker "
        "B1-B3) bij stad Kortrijk. Je kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk.",
        part_of_previous=True,
    ),
    StepData(
        "Wachtlijst voor concrete jobinterviews",
        """\
Je bent geslaagd voor stap 2 ‘het online kennismakingsinterview’.

Je krijgt een plekje op de wachtlijst voor concrete jobinterviews. Deze wachtlijst is 1 jaar geldig.

Van zodra Kortrijk een concrete vacature maatschappelijk werker wil invullen, zal er enkel gebruik gemaakt worden \
van deze wachtlijst. Je hebt met andere woorden al een eerste belangrijke drempel overwonnen en je staat gedurende \
1 jaar een stapje dichter bij een concreet jobinterview.""",
    ),
    StepData(
        "Word je voor de eerstvolgende concrete vacature uitgenodigd naar het jobinterview?",
        "Ja. We gaan ervan uit dat de functie maatschappelijk werker over de 7 wijkteams overal dezelfde is. Er "
        "kunnen kleine nuances per wijkteam zijn maar de basisinhoud van de functie is dezelfde. Is de vacature is "
        "een wijkteam of gerelateerd aan een specifieke doelgroep die je minder ligt, dan kan je mits slagen nog "
        "steeds op een wervingsreserve terecht komen waaruit zal geput worden bij toekomstige vacatures.",
        part_of_previous=True,
    ),
    StepData(
        "Hoe ziet zo’n jobinterview eruit?",
        """\
Je gaat in gesprek met een jury die bestaat uit iemand van het selectieteam van de stad Kortrijk, de \
leidinggevende van het team waar er een vacature is en een externe deskundige die de job ook goed kent (bv. iemand \
die leidinggevende is in een andere stad of bedrijf).

Als de jury dat wenst, kan er ook een werkgerelateerde case aan bod komen. Naargelang de aard van deze case, kan er \
gevraagd worden om die even vooraf voor te bereiden of eventueel onmiddellijk toe te lichten. Je wordt hier vooraf \
over ingelicht. Je zal ook een persoonlijkheidsvragenlijst moeten invullen. Tijdens dit jurygesprek zal je tot slot \
ook bevraagd worden rond je inzicht in de job, je kennis en ervaring, je persoonlijkheid, motivatie en competenties.""",
        part_of_previous=True,
    ),
    StepData(
        "En hierna?",
        """\
Optie 1: Proficiat, je hebt de job!

We doen jou het jobvoorstel. Je ontvangt alle informatie (loonsimulatie, uitleg over het uurrooster, info over \
werkplek en taken, …) en we luisteren naar je vragen. Welkom bij stad Kortrijk.

Optie 2: Zeer goed gesprek, maar een andere kandidaat was beter en kreeg de job.

Niet getreurd. We nemen je op in de wervingsreserve van de functie maatschappelijk werker die we gebruiken voor de \
invulling van toekomstige vacante functies maatschappelijk werker in één van de andere wijkteams. Je hoeft in dat \
geval niet opnieuw langs een jury te passeren. Wel leg je dan nog een matchgesprek af. Dit is geen selectie meer, \
maar een gesprek om na te gaan of jouw verwachtingen (vb. locatie, uren,…) en de verwachtingen van het wijkteam \
matchen.

Optie 3: Helaas, hier stopt het voor jou.

De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad Kortrijk of dat je \
motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je hierover feedback van de jury opvragen. \
Je mag gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker) bij Kortrijk. Je \
kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk.""",
        part_of_previous=True,
    ),
)

# "Heb je vragen?": the bundle's pointer to the city's FAQ; the page adds the contact (CONTACT) under it.
FAQ = f"""\
Je vindt een pak informatie over solliciteren bij Kortrijk, loon en voordelen, tips om je voor te bereiden op een \
selectiegesprek... bij de veelgestelde vragen: {FAQ_URL}"""

PROCEDURE_TEXTS = {
    "contract_type": CONTRACT_TYPE,
    "place": PLACE,
    "intro": INTRO,
    "responsibilities": RESPONSIBILITIES,
    "workplace": WORKPLACE,
    "offer": OFFER,
    "conditions": CONDITIONS,
    "procedure_steps": PROCEDURE_STEPS,
    "employer": EMPLOYER,
    "employer_vision": EMPLOYER_VISION,
    "employer_values": EMPLOYER_VALUES,
    "faq": FAQ,
}

# "Je beschikt over één van de volgende diploma’s of attesten" — verbatim, in the bundle's order. Each with the
# seed's own key (procedures.seeding): HR may rename a diploma, the key stays.
CURRENT_DIPLOMAS = (
    ("master-sociaal-werk", "het diploma van master in het sociaal werk"),
    ("master-sociaal-werk-en-sociaal-beleid", "het diploma van master in het sociaal werk en sociaal beleid"),
    ("master-pedagogische-wetenschappen-orthopedagogiek",
     "het diploma van master in de pedagogische wetenschappen, afstudeerrichting orthopedagogiek"),
    ("master-agogische-wetenschappen", "het diploma van master in de agogische wetenschappen"),
    ("bachelor-sociaal-agogisch-werk-maatschappelijk-assistent",
     "het diploma van bachelor in het sociaal-agogisch werk met de titel van maatschappelijk assistent, of een "
     "daarmee gelijkgesteld diploma"),
    ("bachelor-orthopedagogie", "het diploma van bachelor orthopedagogie"),
    ("bachelor-sociale-re-adaptatiewetenschappen", "het diploma van bachelor sociale re-adaptatiewetenschappen"),
    ("bachelor-gezinswetenschappen", "het diploma van bachelor gezinswetenschappen"),
)

# "De kandidaten met een van de volgende oude diploma’s komen ook in aanmerking" — verbatim. The bundle admits a
# foreign diploma only inside the maatschappelijk assistent entry (declared equivalent to that diploma), so there
# is no separate foreign entry: a candidate with such a diploma chooses this one and names the foreign diploma;
# the equivalence attest is optional on the form (the bundle sets no rule for it) and HR checks it at screening.
OLD_DIPLOMAS = (
    ("oud-bachelor-verpleegkunde-sociale-verpleegkunde",
     "het diploma van bachelor in de verpleegkunde, afstudeerrichting sociale verpleegkunde, of een daarmee "
     "gelijkgesteld diploma"),
    ("oud-bachelor-sociale-gezondheidszorg",
     "het diploma van bachelor in de sociale gezondheidszorg, of een daarmee gelijkgesteld diploma"),
    ("oud-maatschappelijk-assistent",
     "het diploma van maatschappelijk assistent, afgeleverd in het sociaal hoger onderwijs van het korte type of "
     "het hoger onderwijs van één cyclus, studiegebied sociaal-agogisch werk, of de buitenlandse diploma’s die "
     "gelijkwaardig zijn verklaard met een diploma van maatschappelijk assistent"),
    ("oud-gegradueerde-verpleger-gemeenschapsgezondheid",
     "het diploma van gegradueerde verpleger, gespecialiseerd in gemeenschapsgezondheid"),
    ("oud-sociaal-verpleegkundige",
     "het diploma van sociaal verpleegkundige met de titel van gegradueerde in de sociale verpleegkunde, dat "
     "behoort tot het vroegere paramedische hoger onderwijs van het korte type"),
)

# The bundle speaks of "7 wijkteams" and of centrally steered teams but names none: the seed creates no teams.
# HR enters them (back office › Teams) before the first concrete vacancy.


@dataclass(frozen=True)
class CompetencyData:
    key: str  # the seed's own key (procedures.seeding); HR may rename the competency
    name: str
    definition: str
    indicators: tuple = ()


# "Welke competenties meten we?" gives the nine names and definitions (its order is kept); Bijlage 2 gives the
# behavioural indicators, verbatim. Bijlage 2 spells the third one "Resultaatsgerichtheid"; the list of nine,
# which is what candidates read, spells it "Resultaatgerichtheid". The bundle gives no indicators for
# "Innovatie en creativiteit", so none are seeded: HR adds them.
COMPETENCIES = (
    CompetencyData(
        "klantgerichtheid",
        "Klantgerichtheid",
        "Je denkt actief mee, speelt in op vragen en wensen van interne en externe klant en volgt ze op.",
        (
            "Je licht de klant correct in over alle zaken waar hij/ zij belang bij heeft.",
            "Je zoekt een antwoord op vragen of verwijst door naar de juiste persoon.",
            "Je beperkt je niet tot de directe of uitgesproken vraag.",
            "Je volgt de vraag en de geboden oplossing verder op.",
            "Je neemt je rol van aanspreekpunt voor de klant op je.",
        ),
    ),
    CompetencyData(
        "samenwerken",
        "Samenwerken",
        "Je werkt op eigen initiatief dagelijks met je collega’s in het team samen, bouwt actief mee aan een goede "
        "groepssfeer en stimuleert anderen tot samenwerken.",
        (
            "Je stelt je positief op en brengt teamspirit in de groep.",
            "Je deelt relevante informatie en ervaringen met collega’s waarmee je samenwerkt.",
            "Je bespreekt meningsverschillen met anderen op een diplomatische, respectvolle manier.",
            "Je vereenzelvigt je met de groep en stelt het belang van de groep boven het eigenbelang.",
            "Je nodigt anderen uit om deel te nemen aan overleg.",
        ),
    ),
    CompetencyData(
        "resultaatgerichtheid",
        "Resultaatgerichtheid",
        "Je werkt doelgericht, voor jezelf en voor de anderen binnen het team.",
        (
            "Je spreekt anderen aan om doelen te bereiken.",
            "Je ondersteunt anderen of neemt obstakels weg.",
            "Je stelt prioriteiten in functie van de te behalen doelen.",
            "Je blijft rustig, ook als anderen het je moeilijk maken.",
            "Je relativeert en verwerkt problemen, spanningen en teleurstellingen.",
        ),
    ),
    CompetencyData(
        "wendbaarheid",
        "Wendbaarheid",
        "Je stelt bestaande procedures/werkwijze spontaan in vraag en ziet nieuwe mogelijkheden.",
        (
            "Je zoekt proactief naar mogelijkheden om werkwijzen te verbeteren.",
            "Je bent alert voor opportuniteiten.",
            "Je kijkt buiten je eigen referentiekader bij de benadering van een probleem.",
            "Je stuurt je werkwijze of plan van aanpak vlot en tijdig bij wanneer de omstandigheden hierom vragen.",
            "Je onderzoekt niet voor de hand liggende oplossingen voor een bestaand probleem.",
        ),
    ),
    CompetencyData(
        "integriteit",
        "Integriteit",
        "Je past sociale, professionele en ethische normen in de praktijk toe.",
        (
            "Je werkt volgens de deontologische code.",
            "Je handelt consequent volgens de ethische verwachting die eigen is aan de functie.",
            "Je springt zorgzaam om met vertrouwelijke en persoonlijke informatie.",
            "Je treedt op tegen collega’s of medewerkers wanneer ze zich niet integer gedragen of meldt dit.",
            "Je duidt op informatie, opdrachten, personen… die met de nodige omzichtigheid moeten behandeld worden.",
        ),
    ),
    CompetencyData(
        "adviseren",
        "Adviseren",
        "Je geeft gericht advies op basis van je eigen expertise en knowhow.",
        (
            "Je kadert vanuit welke context je advies geeft.",
            "Je geeft raad en input aan anderen op basis van je eigen knowhow en expertise.",
            "Je behoudt het vertrouwen van interne en externe partners door je gedegen expertise en goede raad.",
            "Je geef advies op maat van de klant.",
            "Je staaft je advies met relevante en begrijpbare argumenten.",
        ),
    ),
    CompetencyData(
        "communiceren",
        "Communiceren",
        "Je kan helder communiceren in twee richtingen, met aandacht voor de doelgroep en situatie.",
        (
            "Je past taalgebruik aan de doelgroep aan.",
            "Je brengt je boodschappen helder, volledig en kernachtig over.",
            "Je legt vlot contacten met verschillende mensen ongeacht hun achtergrond of eigenheid.",
            "Je onderkent (non) verbale communicatie en speelt erop in.",
            "Je toont interesse in de inbreng van anderen.",
        ),
    ),
    CompetencyData(
        "empathisch-handelen",
        "Empathisch handelen",
        "Je merkt subtiele en onuitgesproken gevoelens, behoeften en wensen van anderen op en geeft hier een "
        "passende reactie op.",
        (
            "Je kan tussen de regels van de boodschap van anderen lezen.",
            "Je speelt adequaat in op subtiele impliciete gevoelens van anderen.",
            "Je merkt gevoeligheden en oorzaken van potentiële conflicten op.",
            "Je probeert de achterliggende reden van gedachten en gevoelens bij anderen te achterhalen.",
            # The bundle breaks "sociaalmense-lijke" over two lines; the line-break hyphen is dropped.
            "Je voelt wat belangrijk is voor anderen en speelt hierop in, je houdt hierbij rekening met "
            "sociaalmenselijke aspecten, behoeften en wensen.",
        ),
    ),
    CompetencyData(
        "innovatie-en-creativiteit",
        "Innovatie en creativiteit",
        "Je komt met alternatieve ideeën, werkwijzen en oplossingen voor de dag.",
        (),
    ),
)

# The four moments of "Stap 2", with the bundle's own words for them. The bundle gives no hours: they stay empty
# until HR enters them (procedures.settings_check lists them as still to fill in).
INTAKE_SESSIONS = (
    (date(2026, 1, 20), "voormiddag"),
    (date(2026, 1, 22), "voormiddag"),
    (date(2026, 1, 23), "volledige dag"),
    (date(2026, 1, 26), "voormiddag"),
)
