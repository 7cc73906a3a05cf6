"""Earlier versions of seed_kortrijk wrote values the information bundle does not state. Where such a value is still
exactly what that seed wrote (so HR did not change it), it goes: HR enters the real one (the back office lists it as
"nog in te vullen"). A value HR changed, or one already in use, stays.

- the reserve validity of "Maatschappelijk werker" (24 months) → empty, with a note for HR on the function, unless
  it is in use: a reserve place, a jury round or a job offer of the function already relies on it;
- the hours of the four intake sessions (09:00–12:00, 09:00–16:30) → empty, unless slots exist for the session;
- the seed's notes to HR in the teams' public descriptions move to their internal notes; the eleven invented teams
  (Wijkteam 1..7, four central teams) still under their invented name are switched off (vacancies keep them);
- the generic foreign diploma (not in the bundle) → deleted, unless an application chose it.
"""

from datetime import date, time

from django.db import migrations

FUNCTION_SLUG = "maatschappelijk-werker"
PROCEDURE_SLUG = "maatschappelijk-werker-b1-b3"
OLD_RESERVE_MONTHS = 24
RESERVE_NOTE = ("De geldigheid van de wervingsreserve (24 maanden) werd leeggemaakt: een vroegere versie van "
                "seed_kortrijk had ze ingevuld, maar de infobundel vermeldt ze niet. HR vult de echte geldigheid in.")
MORNING, WHOLE_DAY = (time(9, 0), time(12, 0)), (time(9, 0), time(16, 30))
OLD_SESSIONS = (
    (date(2026, 1, 20), "voormiddag", MORNING),
    (date(2026, 1, 22), "voormiddag", MORNING),
    (date(2026, 1, 23), "volledige dag", WHOLE_DAY),
    (date(2026, 1, 26), "voormiddag", MORNING),
)
_RENAME_NOTE = ("De infobundel spreekt van 7 wijkteams maar noemt ze niet: HR geeft dit team zijn echte naam "
                "(zie https://www.kortrijk.be/onze-7-wijkteams).")
_CENTRAL_NOTE = "De infobundel noemt de doelgroep, niet de teamnaam: HR past de naam aan indien nodig."
OLD_TEAMS = (
    *((f"Wijkteam {n}", f"Een van de 7 wijkteams van Kortrijk. {_RENAME_NOTE}") for n in range(1, 8)),
    ("Centraal team energieproblemen",
     f"Centraal aangestuurd team voor cliënten met energieproblemen. {_CENTRAL_NOTE}"),
    ("Centraal team detentie", f"Centraal aangestuurd team voor cliënten in of na detentie. {_CENTRAL_NOTE}"),
    ("Centraal team dakloosheid", f"Centraal aangestuurd team voor dakloze cliënten. {_CENTRAL_NOTE}"),
    ("Centraal team alleenstaande moeders",
     f"Centraal aangestuurd team voor alleenstaande moeders. {_CENTRAL_NOTE}"),
)
TEAM_NOTE = ("Aangemaakt door een vroegere versie van seed_kortrijk met een verzonnen naam (de infobundel noemt geen "
             "teams) en daarom uitgeschakeld. Geef het team zijn echte naam en zet het aan, of verwijder het.")
OLD_FOREIGN_DIPLOMA = "Buitenlands diploma met gelijkwaardigheidsverklaring"


def retire_invented_values(apps, schema_editor):
    Function = apps.get_model("procedures", "Function")
    IntakeSession = apps.get_model("procedures", "IntakeSession")
    Team = apps.get_model("procedures", "Team")
    Diploma = apps.get_model("procedures", "Diploma")
    IntakeSlot = apps.get_model("interviews", "IntakeSlot")
    Application = apps.get_model("candidates", "Application")
    PoolEntry = apps.get_model("candidates", "PoolEntry")
    JuryRound = apps.get_model("interviews", "JuryRound")
    Offer = apps.get_model("offers", "Offer")

    unused = (Function.objects.filter(slug=FUNCTION_SLUG, reserve_months=OLD_RESERVE_MONTHS)
              .exclude(pk__in=PoolEntry.objects.filter(kind="reserve").values("function_id"))
              .exclude(pk__in=JuryRound.objects.values("vacancy__function_id"))
              .exclude(pk__in=Offer.objects.values("proposal__vacancy__function_id")))
    for function in unused:
        function.reserve_months = None
        function.internal_note = "\n\n".join(filter(None, [function.internal_note, RESERVE_NOTE]))
        function.save(update_fields=["reserve_months", "internal_note"])
    for day, label, (starts_at, ends_at) in OLD_SESSIONS:
        (IntakeSession.objects
         .filter(procedure__slug=PROCEDURE_SLUG, date=day, label=label, starts_at=starts_at, ends_at=ends_at)
         .exclude(pk__in=IntakeSlot.objects.values("session_id"))
         .update(starts_at=None, ends_at=None))
    invented_names = {name for name, _description in OLD_TEAMS}
    for description in {description for _name, description in OLD_TEAMS}:
        for team in Team.objects.filter(description=description):  # the seed's note to HR, in a public field
            invented = team.name in invented_names
            team.internal_note = "\n\n".join(filter(None, [team.internal_note, description,
                                                             TEAM_NOTE if invented else ""]))
            team.description = ""
            team.active = team.active and not invented
            team.save(update_fields=["internal_note", "description", "active"])
    (Diploma.objects.filter(procedure__slug=PROCEDURE_SLUG, name=OLD_FOREIGN_DIPLOMA, kind="foreign")
     .exclude(pk__in=Application.objects.values("diploma_id")).delete())


class Migration(migrations.Migration):

    dependencies = [
        ("procedures", "0004_hr_settings_empty_and_seed_records"),
        ("interviews", "0003_jury"),
        ("candidates", "0001_initial"),
        ("offers", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(retire_invented_values, migrations.RunPython.noop),
    ]
