"""The two function descriptions (functiebeschrijvingen) of the bundle's annexes, as data.

Source: shared/seed/infobundel-maatschappelijk-werker.txt, "Bijlage 1" and "Bijlage 2". The bundle's headings are
swapped: Bijlage 1 is titled "… MAATSCHAPPELIJK WERKER CENTRAAL AANGESTUURDE TEAMS" but describes the work "vanuit
de wijkteams" in "een multidisciplinair wijkteam"; Bijlage 2, titled "… CENTRAAL AANGESTUURD TEAM", describes the
work "vanuit de centraal aangestuurde teams". The variants here are named by their content, not by those headings:
Bijlage 1 is the wijkteam variant, Bijlage 2 the centraal variant.

The texts are verbatim, typos included (HR corrects them in the back office, not the seed); only PDF artefacts are
repaired, as in procedures/seed_data.py: lines broken by the page width are joined, double and trailing spaces go, a
list item whose bullet glyph got lost ("Je neemt deel aan activiteiten in het wijkcentrum.") is a sub-item again, and
the bullets "•" and "o" become the texts' "- " and "  - " (procedures/templatetags/plain_text.py). Bijlage 2's closing
"Competenties" with their behavioural indicators are seeded as the function's competencies (seed_data.COMPETENCIES).
"""

from procedures.models import FunctionDescription, Team

FACTS = {
    "directorate": "Samenleven",
    "team_name": "Wijkgericht Sociaal Werk",
    "salary_scale": "B1-B3",
    "reports_to": "Teamcoördinator wijkgericht sociaal werk",
}

# The second and third paragraph of "Doel van de functie" open with the same sentence in both annexes.
_DIGNITY = """\
Als hulpverlener verzeker je het recht op maatschappelijke hulp- en dienstverlening die de Kortrijkse burger in \
staat stelt een leven te leiden dat beantwoordt aan de menselijke waardigheid, met bijzondere aandacht voor mensen \
in een kwetsbare situatie."""

# Bijlage 1 (headed "centraal aangestuurde teams", content: the wijkteams).
NEIGHBOURHOOD_PURPOSE = f"""\
Je voorziet in individuele sociale hulp– en dienstverlening vanuit de wijkteams voor cliënten met allerhande \
hulpvragen (energie, wonen, schulden, financiële middelen, …) met het oog op het verhogen van de zelfredzaamheid, \
levenskwaliteit, welbevinden of maatschappelijke integratie van deze cliënt.

{_DIGNITY}

Als hulpverlener help je mee de kernwaarden van onze sociale dienstverlening om te zetten in de praktijk. Je biedt \
een luisterend oor, wordt een vertrouwd gezicht en vertaalt dit verder door naar psychosociale hulp, informatie, \
advies en concrete hulp- en dienstverlening aan mensen om hun maatschappelijke integratie te bevorderen."""

NEIGHBOURHOOD_RESPONSIBILITIES = """\
- Je begeleidt de cliënt vanuit een multidisciplinair wijkteam waar ontmoeting, buurtgericht werken en hulpverlening \
centraal staan, op maat en professioneel, met het oog op het verhogen van zijn zelfredzaamheid en het optimaliseren \
van zijn sociaal-maatschappelijk functioneren.
  - Je helpt op maat van de cliënt om vragen van praktische, materiële, juridische en/of financiële aard aan te \
pakken.
  - Je helpt cliënten vragen beantwoorden i.v.m. sociale zekerheid en maatschappelijke voorzieningen: pensioen, \
werkloosheid, ziekteverzekering, leefloon…
  - Je verwijst cliënten zodat ze kunnen deelnemen aan externe voorzieningen: arbeidsmarkt, opleidingsinstellingen, \
sociale huisvesting,…
  - Je biedt de cliënten een integrale hulpverlening op maat, dit door zelf te handelen of gepast door te verwijzen.
  - Je informeert en helpt de cliënt met het oog op een correcte en warme hulp- en dienstverlening.
  - Je onthaalt de cliënt op een vriendelijke en gepaste manier.
  - Je geeft correcte inlichtingen en denkt mee over klantgerichte oplossingen binnen de geldende regels en \
procedures.
  - Je motiveert tot verdere hulpverlening, vertrekkende vanuit de vraag en de wens van de cliënt.
  - Je organiseert jouw hulpverlening op een outreachende manier door middel van huisbezoeken of plaats bezoeken om \
zo een integraal beeld te krijgen van de cliëntsituatie en de drempel tot hulpverlening te verlagen.
  - Je werkt vanuit een wijkteam waar je vlot aanspreekbaar bent voor jouw cliënten
  - Je werkt actief samen met tal van partners uit de buurt die je helpen om een brede, generalistisch aanpak te \
kunnen realiseren.
- Je neemt verantwoordelijkheden op in het wijkactieplan die een meerwaarde zijn voor de opdracht als hulpverlener.
  - Je neemt deel aan activiteiten in het wijkcentrum.
  - Je neemt taken in het wijkcentrum op die ervoor zorgen dat de doelstellingen van het wijkcentrum gegarandeerd \
worden.
- Je staat in voor het beheer en de afhandeling van dossiers in het kader van de hulpverlening aan de cliënten.
  - Je verzamelt informatie die relevant is voor de hulpvraag van de cliënt. Je stelt een diagnose m.b.t. de \
problematiek die de cliënt aanbrengt. Je verricht een sociaal onderzoek en stelt een hulpverleningsplan op samen met \
je cliënt.
  - Je volgt de evolutie van het dossier op en rapporteert aan alle betrokken partijen. Je zorgt voor een goede \
administratieve opvolging en registratie van je cliëntdossiers.
  - Je maakt voorstellen op naar gepaste hulpverlening of traject voor je cliënt en agendeert dit op het bijzonder \
comité sociale dienst. Waar nodig verdedig je jouw voorstel tot hulpverlening voor de leden van het comité in de \
wekelijkse zitting.
- Je denkt kritisch mee hoe de doelstellingen van de dienst gerealiseerd worden en doet hiervoor verbetervoorstellen.
  - Je neemt hiervoor spontaan deel aan werk- of stuurgroepen.
  - Je bent alert voor evoluties die het welzijn van de cliënt of een grotere groep mensen in het gedrang kunnen \
brengen en signaleert deze in het team of aan de leidinggevende.
  - Je geeft feedback in het team over interne en externe overlegmomenten. Je doet voorstellen tot verbetering van \
de dienstverlening.
- Je bouwt een relationele band op met je cliënt om tot een goede vraagverheldering te komen en samen \
begeleidingsdoelstellingen te bepalen
  - Je stelt de planning van de activiteiten en overlegmomenten op en zorgt voor de verdere organisatie om de \
doelstellingen van de cliënt te realiseren en te evalueren.
  - Je werkt aanklampend en probeert de cliënt op verschillende manieren te benaderen.
  - Je neemt deel aan multidisciplinair overleg of case bespreking.
  - Je volgt het maatschappelijk armoedebeleid en evoluties hierin op.
  - Je werkt vanuit de visie van wijkgericht sociaal werk en volgt de vooropgestelde procedures en afspraken.
  - Je helpt, indien nodig bij opdrachten van collega’s.
- Je ontwikkelt netwerken en samenwerkingsverbanden met interne en externe partners en fungeert als contactpersoon \
om te komen tot een optimale samenwerking en hulp- en dienstverlening die ten goede komt aan de cliënt.
  - Je fungeert als aanspreekpunt voor externe partner en hulp organisaties binnen je (cliënt)dossiers.
  - Je woont waar nodig externe vergaderingen en overleg bij.
  - Je stimuleert en ontwikkelt samenwerkingsverbanden, ook tussen collega hulpverleners en de verschillende \
wijkcentra.
  - Je zorgt voor externe bekendmaking van het hulpverleningsaanbod aan buurtbewoners en intermediairs.
- Je hebt aandacht voor de eigen professionele ontwikkeling teneinde je expertise op peil te houden.
  - Je vraagt naar feedback bij de eigen prestaties en trekt hieruit conclusies.
  - Je neemt deel aan intervisiemomenten en casusoverleg
  - Je staat geregeld stil bij je eigen functioneren en kent de eigen zwaktes en sterktes.
  - Je bent bereid om vormingen, trainingen en opleidingen te volgen die relevant zijn voor je werk.
  - Je doet waar nodig een beroep op de interne kenniscel om je kennis op peil te houden.
  - Je kan nieuwe informatie en ideeën in je opnemen en effectief toepassen.
  - Je neemt deel aan intervisiemomenten samen met je collega’s vanuit het wijkgericht sociaal werk."""

# Bijlage 2 (headed "centraal aangestuurd team", content: the centrally steered teams).
CENTRAL_PURPOSE = f"""\
Je voorziet in individuele sociale hulp- en dienstverlening vanuit de centraal aangestuurde teams voor cliënten met \
een specifiek kenmerk (energieproblemen, detentie, dakloos, alleenstaande moeders,…) met het oog op het verhogen van \
de zelfredzaamheid, levenskwaliteit, welbevinden of maatschappelijke integratie van deze cliënt.

{_DIGNITY}

Als hulpverlener help je mee de kernwaarden van onze sociale dienstverlening om te zetten in de praktijk en dit \
steeds vertrekkende vanuit de visie van het wijkgericht sociaal werk. Je biedt een luisterend oor, wordt een \
vertrouwd gezicht en vertaalt dit verder door naar psychosociale hulp, informatie, advies en concrete hulp- en \
dienstverlening aan mensen om hun maatschappelijke integratie te bevorderen."""

CENTRAL_RESPONSIBILITIES = """\
- Je begeleidt de cliënt vanuit een gespecialiseerd team op maat en professioneel, met het oog op het verhogen van \
zijn zelfredzaamheid en het optimaliseren van zijn sociaal-maatschappelijk functioneren.
  - Je helpt cliënten om vragen van praktische, materiële, juridische en/of financiële aard aan te pakken.
  - Je helpt cliënten vragen beantwoorden i.v.m. sociale zekerheid en maatschappelijke voorzieningen: pensioen, \
werkloosheid, ziekteverzekering, leefloon…
  - Je verwijst cliënten zodat ze kunnen deelnemen aan externe voorzieningen: arbeidsmarkt, opleidingsinstellingen, \
sociale huisvesting, …
  - Je biedt de cliënten een integrale hulpverlening op maat, dit door zelf te handelen of gepast door te verwijzen.
  - Je informeert en helpt de cliënt met het oog op een correcte en warme hulp- en dienstverlening.
  - Je onthaalt de cliënt op een vriendelijke en gepaste manier.
  - Je geeft correcte inlichtingen en denkt mee over klantgerichte oplossingen binnen de geldende regels en \
procedures. Je motiveert tot verdere hulpverlening, vertrekkende vanuit de vraag en de wens van de cliënt.
- Je organiseert jouw hulpverlening op een outreachende manier door middel van huisbezoeken of plaats bezoeken om zo \
een integraal beeld te krijgen van de cliëntsituatie en de drempel tot hulpverlening te verlagen. Je werkt vanuit een \
centraal aangestuurd team waar je vlot aanspreekbaar bent, niet alleen voor jouw cliënten, maar ook voor collega’s en \
andere betrokken stakeholders. Je werkt actief samen met tal van partners uit de buurt die je helpen om een brede, \
generalistisch aanpak te kunnen realiseren.
- Je staat in voor het beheer en de afhandeling van dossiers in het kader van de hulpverlening aan de cliënten.
  - Je verzamelt informatie die relevant is voor de hulpvraag van de cliënt. Je stelt een diagnose m.b.t. de \
problematiek die de cliënt aanbrengt. Je verricht een sociaal onderzoek en stelt een hulpverleningsplan (GPMI,....) op \
samen met je cliënt.
  - Je volgt de evolutie van het dossier op en rapporteert aan alle betrokken partijen. Je zorgt voor een goede \
administratieve opvolging en registratie van je cliëntdossiers.
  - Op wekelijkse basis maak je voorstellen op naar gepaste hulpverlening of traject voor je cliënt en agendeert dit \
op het bijzonder comité sociale dienst. Waar nodig verdedig je jouw voorstel tot hulpverlening voor de leden van het \
comité in de wekelijkse zitting.
- Je denkt kritisch mee hoe de doelstellingen van de dienst gerealiseerd worden en doet hiervoor verbetervoorstellen.
  - Je neemt hiervoor spontaan deel aan werk of stuurgroepen.
  - Je bent alert voor evoluties die het welzijn van de cliënt of een grotere groep mensen in het gedrang kunnen \
brengen en signaleert deze in het team of aan de leidinggevende.
  - Je geeft feedback in het team over interne en externe overlegmomenten. Je doet voorstellen tot verbetering van \
de dienstverlening.
- Je bouwt een relationele band op met je cliënt om tot een goede vraagverheldering te komen en samen \
begeleidingsdoelstellingen te bepalen
  - Je stelt de planning van de activiteiten, overleg – en infomomenten op en zorgt voor de verdere organisatie om \
de doelstellingen van de cliënt te realiseren en te evalueren.
  - Je neemt deel aan multidisciplinair overleg of case bespreking
  - Je werkt aanklampend en probeert de cliënt op verschillende manieren te benaderen
  - Je volgt het maatschappelijk armoedebeleid en evoluties hierin op
  - Je werkt vanuit de visie van wijkgericht sociaal werk en volgt de vooropgestelde procedures en afspraken
  - Je helpt, indien nodig bij opdrachten van collega’s
- Je ontwikkelt netwerken en samenwerkingsverbanden met interne en externe partners en fungeert als contactpersoon \
om te komen tot een optimale samenwerking en hulp- en dienstverlening die ten goede komt aan de cliënt.
  - Je fungeert als aanspreekpunt voor externe partner en hulporganisaties binnen je (cliënt)dossiers
  - Je woont waar nodig externe vergaderingen en overleg bij
  - Je stimuleert en ontwikkelt samenwerkingsverbanden, ook tussen collega hulpverleners en de verschillende \
wijkcentra
  - Je zorgt voor externe bekendmaking van het hulpverleningsaanbod aan intermediairs.
- Je hebt aandacht voor de eigen professionele ontwikkeling teneinde je expertise op peil te houden
  - Je vraagt naar feedback bij de eigen prestaties en trekt hieruit conclusies
  - Je staat geregeld stil bij je eigen functioneren en kent de eigen zwaktes en sterktes
  - Je bent bereid om vormingen, trainingen en opleidingen te volgen die relevant zijn voor je werk
  - Je doet waar nodig een beroep op de interne kenniscel om je kennis op peil te houden
  - Je kan nieuwe informatie en ideeën in je opnemen en effectief toepassen
  - Je neemt deel aan intervisiemomenten samen met je collega’s vanuit het wijkgericht sociaal werk"""

FUNCTION_DESCRIPTIONS = {
    Team.Kind.NEIGHBOURHOOD: {  # Bijlage 1
        "formal_title": "hulpverlener wijkgericht sociaal werk",
        **FACTS,
        "purpose": NEIGHBOURHOOD_PURPOSE,
        "responsibilities": NEIGHBOURHOOD_RESPONSIBILITIES,
    },
    Team.Kind.CENTRAL: {  # Bijlage 2
        "formal_title": "Hulpverlener wijkgericht sociaal werk",
        **FACTS,
        "purpose": CENTRAL_PURPOSE,
        "responsibilities": CENTRAL_RESPONSIBILITIES,
    },
}


def seed_function_descriptions(function, *, seeder):
    """Both variants of the function description for `function`, through `seeder` (procedures.seeding.Seeder): a
    variant the seed never made is created, or adopted when the function already has a description of that variant;
    one it made stays as HR has it."""
    return [
        seeder.row(f"function-description:{function.slug}:{variant}", FunctionDescription,
                   values={"function": function, "variant": variant, **texts},
                   adopt={"function": function, "variant": variant})
        for variant, texts in FUNCTION_DESCRIPTIONS.items()
    ]
