"""Scale versions get a status (draft / official / fictitious) with a source date; the pay an older seed_kortrijk
invented goes.

Every existing version becomes a draft (the new field's default), so nothing keeps feeding the estimate or an offer
until HR says it is the city's published scale:
- the older seed's illustrative versions (its ILLUSTRATIVE_SCALE_SOURCE) were invented steps: never official, and
  not fictitious either (fictitious figures belong to seed_demo, on a demo machine);
- a version HR entered kept no source date, and only HR can say which publication or decision it follows: as
  official it would need a guessed source date, and an official version in force is locked at once, so HR could
  never correct that guess. As a draft it keeps its source; HR adds the source date and makes it official, and
  until then the back office lists the scale as "nog in te vullen".

The older seed's illustrative functional career of "Maatschappelijk werker" goes where the function's whole career
is still exactly what it wrote (a career HR changed in part is HR's and stays, its demo flag renamed to
`fictitious`), and so do its index coefficient and pay rules where they are unchanged: values the bundle does not
state, which HR enters (the back office suggests them, with their source).
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import migrations, models

# What the older seed wrote (procedures/seed_data.py and seed_pay.py before issue 13), frozen here.
FUNCTION_SLUG = "maatschappelijk-werker"
OLD_CAREER = [(1, "B1", 0, ""), (2, "B2", 4, "gunstige evaluatie"), (3, "B3", 14, "gunstige evaluatie")]
OLD_INDEX = {"valid_from": date(2025, 3, 1), "coefficient": Decimal("2.1223"),
             "source": "Indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart 2025."}
OLD_PAY_RULES = {
    "valid_from": date(2025, 3, 1), "holiday_pay_rate": Decimal("0.9200"), "year_end_fixed_amount": None,
    "year_end_rate": Decimal("0.0360"), "meal_voucher_per_day": Decimal("7.50"),
    "bicycle_allowance_per_km": Decimal("0.36"), "holidays_min": 33, "holidays_max": 35,
    "source": "Vakantiegeld 92 % van een maandloon; eindejaarspremie 3,6 % van het jaarloon plus een vast deel "
              "(in te vullen door HR); maaltijdcheques €7,50, fietsvergoeding €0,36/km en 33 tot 35 vakantiedagen "
              "uit de infobundel.",
}


def retire_old_seed_pay(apps, schema_editor):
    """Versions stay drafts (the field's default). The older seed's career, index and pay rules go where they are
    still exactly what it wrote."""
    CareerScale = apps.get_model("procedures", "CareerScale")
    career = CareerScale.objects.filter(function__slug=FUNCTION_SLUG)
    rows = sorted(career.values_list("position", "scale__code", "years_in_previous_scale", "conditions",
                                     "fictitious"))
    if rows == [(*row, True) for row in OLD_CAREER]:
        career.delete()
    apps.get_model("procedures", "IndexCoefficient").objects.filter(**OLD_INDEX).delete()
    apps.get_model("procedures", "PayRules").objects.filter(**OLD_PAY_RULES).delete()


def set_illustrative_from_status(apps, schema_editor):
    PayScaleVersion = apps.get_model("procedures", "PayScaleVersion")
    PayScaleVersion.objects.filter(status="fictitious").update(illustrative=True)


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0005_retire_invented_seed_values'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The demo career keeps its flag under the new name: illustrative -> fictitious.
        migrations.RenameField(model_name='careerscale', old_name='illustrative', new_name='fictitious'),
        migrations.AlterField(
            model_name='careerscale',
            name='fictitious',
            field=models.BooleanField(default=False, help_text='Aangevinkt: niet de regeling van de stad maar een demo; overal gemarkeerd als ‘fictief’.', verbose_name='fictief (demo)'),
        ),
        migrations.AddField(
            model_name='payscale',
            name='published_maximum',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Enkel ter info voor HR: de schatting rekent er nooit mee.', max_digits=10, null=True, verbose_name='gepubliceerd maximum per jaar aan 100 %'),
        ),
        migrations.AddField(
            model_name='payscale',
            name='published_minimum',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Enkel ter info voor HR: de schatting rekent er nooit mee.', max_digits=10, null=True, verbose_name='gepubliceerd minimum per jaar aan 100 %'),
        ),
        migrations.AddField(
            model_name='payscale',
            name='published_source',
            field=models.TextField(blank=True, verbose_name='bron van het gepubliceerde minimum of maximum'),
        ),
        migrations.AddField(
            model_name='payscaleversion',
            name='official_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='officieel sinds'),
        ),
        migrations.AddField(
            model_name='payscaleversion',
            name='source_date',
            field=models.DateField(blank=True, null=True, verbose_name='datum van de bron'),
        ),
        migrations.AddField(
            model_name='payscaleversion',
            name='status',
            field=models.CharField(choices=[('draft', 'ontwerp'), ('official', 'officieel'), ('fictitious', 'fictief (demo)')], default='draft', help_text='Ontwerp: nog niet gebruikt. Officieel: de gepubliceerde loonschaal van de stad (bron en brondatum verplicht). Fictief: demobedragen, overal gemarkeerd als ‘fictief’.', max_length=12, verbose_name='status'),
        ),
        migrations.RunPython(retire_old_seed_pay, set_illustrative_from_status),
        migrations.RemoveField(
            model_name='payscaleversion',
            name='illustrative',
        ),
        migrations.AddConstraint(
            model_name='payscaleversion',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'official'), _negated=True), models.Q(models.Q(('source', ''), _negated=True), ('source_date__isnull', False)), _connector='OR'), name='pay_scale_version_official_has_source', violation_error_message='Een officiële versie vermeldt haar bron en de datum van die bron.'),
        ),
        migrations.AlterConstraint(
            model_name='payscaleversion',
            name='pay_scale_version_unique',
            constraint=models.UniqueConstraint(fields=('scale', 'valid_from'), name='pay_scale_version_unique', violation_error_message='Deze loonschaal heeft al een versie vanaf die datum.'),
        ),
    ]
