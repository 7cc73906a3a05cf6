"""The vacancy texts an older seed_kortrijk wrote, brought to the page the current seed builds, where they are still
exactly what that seed wrote (so HR did not change them); a text HR changed stays as HR has it.

The older seed put every step of the selection, with the intake dates, into `procedure_steps`, questions of the steps
into `faq`, and "Kortrijk als werkgever" with its "Visie" and "Waarden" into `workplace`. The current seed keeps the
steps as ProcedureStep rows (seed_kortrijk adds them after this migration) and the employer in fields of its own, so
an unchanged old text would say those things twice:
- procedure_steps → only the introduction above the steps; faq → only the pointer to the city's FAQ; workplace →
  without the employer; conditions → the text under the diploma lists (the page says the bundle's own sentences
  above them);
- the new fields are filled while empty: the contract and the place (the bundle's key facts), and the employer texts
  where they left an unchanged old workplace text.

Both versions of each text are frozen here (migrations must not import procedures.seed_data, which changes).
"""

from django.db import migrations

PROCEDURE_SLUG = "maatschappelijk-werker-b1-b3"

OLD_PROCEDURE_STEPS = """\
Een selectieprocedure voor de functie maatschappelijk werker verloopt in deze stappen:

1. Screening toelatingsvoorwaarden
2. Een online kennismakingsinterview
3. Een jobinterview

Hieronder leggen we je gedetailleerd uit hoe deze stappen eruit zien en wat de timing is. De timing kan wijzigen\
 door onvoorziene omstandigheden, maar je wordt in dat geval tijdig op de hoogte gebracht. Alle communicatie \
verloopt via e-mail. Het is belangrijk om je mailbox gedurende de volledige procedure goed in de gaten te \
houden.

Stap 1: Screening toelatingsvoorwaarden

In deze stap controleren we of je één van de diploma’s die toegang geven tot de functie maatschappelijk werker \
wel degelijk kan voorleggen.

Stap 2: Online kennismakingsinterview

Je ontvangt een uitnodiging voor een kort digitaal gesprek via Microsoft Teams met een medewerker van het \
selectieteam van de stad Kortrijk. We peilen naar basiscompetenties, ervaring, inzetbaarheid, jobinzicht en \
motivatie.

Afhankelijk van het aantal kandidaten, wordt de planning nog verder vorm gegeven. De gesprekken zullen, onder \
voorbehoud van wijzigingen, plaatsvinden op één of meerdere van onderstaande momenten:

- 20/01/26 (voormiddag)
- 22/01/26 (voormiddag)
- 23/01/26 (volledige dag)
- 26/01/26 (voormiddag)

Je zal zelf op één van bovenstaande momenten nog een tijdslot van 20’ kunnen kiezen om het \
kennismakingsinterview te laten doorgaan.

Belangrijk: wat als je niet slaagt voor stap 2?

Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker B1-B3) bij\
 stad Kortrijk. Je kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk.

Stap 3: Wachtlijst voor concrete jobinterviews

Je bent geslaagd voor stap 2 ‘het online kennismakingsinterview’.

Je krijgt een plekje op de wachtlijst voor concrete jobinterviews. Deze wachtlijst is 1 jaar geldig.

Van zodra Kortrijk een concrete vacature maatschappelijk werker wil invullen, zal er enkel gebruik gemaakt \
worden van deze wachtlijst. Je hebt met andere woorden al een eerste belangrijke drempel overwonnen en je staat \
gedurende 1 jaar een stapje dichter bij een concreet jobinterview.

Hoe ziet zo’n jobinterview eruit?

Je gaat in gesprek met een jury die bestaat uit iemand van het selectieteam van de stad Kortrijk, de \
leidinggevende van het team waar er een vacature is en een externe deskundige die de job ook goed kent (bv. \
iemand die leidinggevende is in een andere stad of bedrijf).

Als de jury dat wenst, kan er ook een werkgerelateerde case aan bod komen. Naargelang de aard van deze case, kan\
 er gevraagd worden om die even vooraf voor te bereiden of eventueel onmiddellijk toe te lichten. Je wordt hier \
vooraf over ingelicht. Je zal ook een persoonlijkheidsvragenlijst moeten invullen. Tijdens dit jurygesprek zal \
je tot slot ook bevraagd worden rond je inzicht in de job, je kennis en ervaring, je persoonlijkheid, motivatie \
en competenties.

En hierna?

Optie 1: Proficiat, je hebt de job!

We doen jou het jobvoorstel. Je ontvangt alle informatie (loonsimulatie, uitleg over het uurrooster, info over \
werkplek en taken, …) en we luisteren naar je vragen. Welkom bij stad Kortrijk.

Optie 2: Zeer goed gesprek, maar een andere kandidaat was beter en kreeg de job.

Niet getreurd. We nemen je op in de wervingsreserve van de functie maatschappelijk werker die we gebruiken voor \
de invulling van toekomstige vacante functies maatschappelijk werker in één van de andere wijkteams. Je hoeft in\
 dat geval niet opnieuw langs een jury te passeren. Wel leg je dan nog een matchgesprek af. Dit is geen selectie\
 meer, maar een gesprek om na te gaan of jouw verwachtingen (vb. locatie, uren,…) en de verwachtingen van het \
wijkteam matchen.

Optie 3: Helaas, hier stopt het voor jou.

De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad Kortrijk of dat\
 je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je hierover feedback van de jury \
opvragen. Je mag gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker) bij\
 Kortrijk. Je kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk."""

OLD_FAQ = """\
Word je voor de eerstvolgende concrete vacature uitgenodigd naar het jobinterview?

Ja. We gaan ervan uit dat de functie maatschappelijk werker over de 7 wijkteams overal dezelfde is. Er kunnen \
kleine nuances per wijkteam zijn maar de basisinhoud van de functie is dezelfde. Is de vacature is een wijkteam \
of gerelateerd aan een specifieke doelgroep die je minder ligt, dan kan je mits slagen nog steeds op een \
wervingsreserve terecht komen waaruit zal geput worden bij toekomstige vacatures.

Wat als je niet slaagt voor het kennismakingsinterview of het jobinterview?

Dan kan je gedurende 1 jaar niet opnieuw deelnemen aan deze selectieprocedure (maatschappelijk werker B1-B3) bij\
 stad Kortrijk. Je kan wel deelnemen aan andere selectieprocedures bij stad Kortrijk. Na het jobinterview mag je\
 feedback van de jury opvragen.

Kan je je brutoloon vooraf inschatten?

Er worden tijdens de selectieprocedure geen loonsimulaties gemaakt, maar uiteraard wel in de laatste fase als er\
 een jobaanbod is. Wil je zelf al even inschatten wat je brutoloon zou zijn, dan kan je de volledige loonschalen\
 raadplegen via https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk.

Heb je vragen?

Je vindt een pak informatie over solliciteren bij Kortrijk, loon en voordelen, tips om je voor te bereiden op \
een selectiegesprek... bij de veelgestelde vragen: \
https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk"""

OLD_WORKPLACE = """\
Je komt terecht in één van de 7 wijkteams van Kortrijk of in een centraal aangestuurd team. In een centraal \
aangestuurd team werk je met cliënten met een specifieke kenmerk (energieproblemen, detentie, dakloos, \
alleenstaande moeder,…). Tijdens het eerste deel van de selectieprocedure focussen we op algemene competenties \
die we van maatschappelijk werkers verwachten. Pas in het tweede deel focussen we ons op een concrete vacature \
in één van de wijkcentra.

Wil jij wat inspiratie opdoen over de verschillende wijkteams in Kortrijk? Neem dan een kijkje op Onze 7 \
wijkteams | Kortrijk: https://www.kortrijk.be/onze-7-wijkteams

Wil je graag op de hoogte blijven van het laatste nieuws in Kortrijk om zo de stad beter te leren kennen? Ga \
naar https://www.kortrijk.be/abonneren-op-de-e-nieuwsbrief-van-de-stad

Kortrijk als werkgever

Elke dag zet je je samen met meer dan 1800 collega's van stad en OCMW in voor dé Kortrijkzaan. Ons aanbod qua \
dienstverlening is zeer divers, denk maar aan sport, cultuur, burgerzaken, kinderopvang, thuiszorg, sociale \
tewerkstelling, deeltijds kunstonderwijs, stadsontwikkeling, huisvuilophaling, groen, parkeerbeleid, \
armoedebestrijding, musea, toerisme, evenementen, economie, wegenwerken, woonzorgcentra... De uitdagingen voor \
de diensten en de medewerkers zijn dan ook groot en evolueren voortdurend. Samen zorgen we ervoor dat het aanbod\
 afgestemd is op de wensen en behoeften van de inwoners en bezoekers van stad Kortrijk.

Visie

Kortrijk kiest voor op-en-top klantentevredenheid dankzij snelle en slimme dienstverlening. Kortrijk is een stad\
 waar iedereen meetelt. Kortrijk is trendsetter in Vlaanderen vanuit sterke partnerships en dankzij de inzet van\
 medewerkers met een zeg-en-doe-mentaliteit. En dat weerspiegelt zich in onze waarden.

Waarden

Onze waarden en bedrijfscultuur spelen een cruciale rol in ons verhaal. We vinden het belangrijk dat elke \
medewerker de Kortrijkse waarden uitdraagt. Ben je ondernemend? Heb je respect voor andere meningen? Durf je \
open communiceren? En ben je een echte teamplayer. Dan zal je je helemaal kunnen vinden in onze filosofie. Kom \
meer te weten over onze missie en waarden: https://www.kortrijk.be/missie-en-waarden"""

OLD_CONDITIONS = """\
Je beschikt over één van de diploma’s of attesten uit de lijst van toegelaten diploma’s. Kandidaten met een van \
de oude diploma’s uit die lijst komen ook in aanmerking.

Belangrijk: solliciteren voor maatschappelijk werker zonder één van deze diploma’s kan niet.

Bij een concreet jobaanbod, vragen wij ook een uittreksel uit het strafregister. Dit dient blanco te zijn."""

PROCEDURE_STEPS = """\
Hieronder leggen we je gedetailleerd uit hoe de stappen eruit zien en wat de timing is. De timing kan wijzigen \
door onvoorziene omstandigheden, maar je wordt in dat geval tijdig op de hoogte gebracht. Alle communicatie \
verloopt via e-mail. Het is belangrijk om je mailbox gedurende de volledige procedure goed in de gaten te \
houden."""

FAQ = """\
Je vindt een pak informatie over solliciteren bij Kortrijk, loon en voordelen, tips om je voor te bereiden op \
een selectiegesprek... bij de veelgestelde vragen: \
https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk"""

WORKPLACE = """\
Je komt terecht in één van de 7 wijkteams van Kortrijk of in een centraal aangestuurd team. In een centraal \
aangestuurd team werk je met cliënten met een specifieke kenmerk (energieproblemen, detentie, dakloos, \
alleenstaande moeder,…). Tijdens het eerste deel van de selectieprocedure focussen we op algemene competenties \
die we van maatschappelijk werkers verwachten. Pas in het tweede deel focussen we ons op een concrete vacature \
in één van de wijkcentra.

Wil jij wat inspiratie opdoen over de verschillende wijkteams in Kortrijk? Neem dan een kijkje op Onze 7 \
wijkteams | Kortrijk: https://www.kortrijk.be/onze-7-wijkteams

Wil je graag op de hoogte blijven van het laatste nieuws in Kortrijk om zo de stad beter te leren kennen? Ga \
naar https://www.kortrijk.be/abonneren-op-de-e-nieuwsbrief-van-de-stad"""

CONDITIONS = """\
Belangrijk: solliciteren voor maatschappelijk werker zonder één van deze bovenstaande diploma’s kan niet.

Bij een concreet jobaanbod, vragen wij ook een uittreksel uit het strafregister. Dit dient blanco te zijn."""

EMPLOYER = """\
Elke dag zet je je samen met meer dan 1800 collega's van stad en OCMW in voor dé Kortrijkzaan. Ons aanbod qua \
dienstverlening is zeer divers, denk maar aan sport, cultuur, burgerzaken, kinderopvang, thuiszorg, sociale \
tewerkstelling, deeltijds kunstonderwijs, stadsontwikkeling, huisvuilophaling, groen, parkeerbeleid, \
armoedebestrijding, musea, toerisme, evenementen, economie, wegenwerken, woonzorgcentra... De uitdagingen voor \
de diensten en de medewerkers zijn dan ook groot en evolueren voortdurend. Samen zorgen we ervoor dat het aanbod\
 afgestemd is op de wensen en behoeften van de inwoners en bezoekers van stad Kortrijk."""

EMPLOYER_VISION = """\
Kortrijk kiest voor op-en-top klantentevredenheid dankzij snelle en slimme dienstverlening. Kortrijk is een stad\
 waar iedereen meetelt. Kortrijk is trendsetter in Vlaanderen vanuit sterke partnerships en dankzij de inzet van\
 medewerkers met een zeg-en-doe-mentaliteit. En dat weerspiegelt zich in onze waarden."""

EMPLOYER_VALUES = """\
Onze waarden en bedrijfscultuur spelen een cruciale rol in ons verhaal. We vinden het belangrijk dat elke \
medewerker de Kortrijkse waarden uitdraagt. Ben je ondernemend? Heb je respect voor andere meningen? Durf je \
open communiceren? En ben je een echte teamplayer. Dan zal je je helemaal kunnen vinden in onze filosofie. Kom \
meer te weten over onze missie en waarden: https://www.kortrijk.be/missie-en-waarden"""

# field: (the older seed's text, the current seed's)
REPLACED = {
    "procedure_steps": (OLD_PROCEDURE_STEPS, PROCEDURE_STEPS),
    "faq": (OLD_FAQ, FAQ),
    "workplace": (OLD_WORKPLACE, WORKPLACE),
    "conditions": (OLD_CONDITIONS, CONDITIONS),
}
KEY_FACTS = {"contract_type": 'contract van onbepaalde duur', "place": 'Kortrijk'}
EMPLOYER_TEXTS = {"employer": EMPLOYER, "employer_vision": EMPLOYER_VISION, "employer_values": EMPLOYER_VALUES}


def update_old_seed_texts(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    for procedure in Procedure.objects.filter(slug=PROCEDURE_SLUG):
        changed = [field for field, (old, _new) in REPLACED.items() if getattr(procedure, field) == old]
        for field in changed:
            setattr(procedure, field, REPLACED[field][1])
        filled = {**KEY_FACTS, **(EMPLOYER_TEXTS if "workplace" in changed else {})}
        for field, value in filled.items():
            if not getattr(procedure, field):
                setattr(procedure, field, value)
                changed.append(field)
        if changed:
            procedure.save(update_fields=changed)


class Migration(migrations.Migration):

    dependencies = [
        ("procedures", "0010_criminal_record_age_is_hrs_setting"),
    ]

    operations = [
        migrations.RunPython(update_old_seed_texts, migrations.RunPython.noop),
    ]
