"""The pay models, taken over from the procedures app (procedures/migrations/0015_pay_moves_to_its_own_app.py).

State only: the tables the procedures app created stay, with their rows and ids (db_table keeps their names), and so
do the foreign keys between them and to procedures.Function. Their content types move from app label "procedures"
to "pay", so what points at a content type keeps pointing at the same model: the permissions (and the groups and
users that hold them), the admin's history and the seed's records (procedures.SeedRecord), so a later seed_kortrijk
still finds the scale codes it created.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The model names of every moved model (FunctionPay is a proxy: a content type and permissions, no table).
MOVED = ("payscale", "payscaleversion", "payscalestep", "indexcoefficient", "payrules", "careerscale", "functionpay")


def _move_content_types(apps, schema_editor, *, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        old = content_types.filter(app_label=source, model=model).first()
        if old is None:
            continue  # a fresh database: the content types are made after the migrations, under their new label
        # A duplicate under the target label (made by a migrate run after an earlier rollback) is new and empty
        # beside the old one, which holds the permissions given out, the history and the seed's records.
        content_types.filter(app_label=target, model=model).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def content_types_to_pay(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="procedures", target="pay")


def content_types_back_to_procedures(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="pay", target="procedures")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('procedures', '0015_pay_moves_to_its_own_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PayScale',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(help_text='bv. B1', max_length=10, unique=True, verbose_name='code')),
                        ('name', models.CharField(blank=True, max_length=200, verbose_name='omschrijving')),
                        ('published_minimum', models.DecimalField(blank=True, decimal_places=2, help_text='Enkel ter info voor HR: de schatting rekent er nooit mee.', max_digits=10, null=True, verbose_name='gepubliceerd minimum per jaar aan 100 %')),
                        ('published_maximum', models.DecimalField(blank=True, decimal_places=2, help_text='Enkel ter info voor HR: de schatting rekent er nooit mee.', max_digits=10, null=True, verbose_name='gepubliceerd maximum per jaar aan 100 %')),
                        ('published_source', models.TextField(blank=True, verbose_name='bron van het gepubliceerde minimum of maximum')),
                    ],
                    options={
                        'verbose_name': 'loonschaal',
                        'verbose_name_plural': 'loonschalen',
                        'db_table': 'procedures_payscale',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='FunctionPay',
                    fields=[
                    ],
                    options={
                        'verbose_name': 'loopbaan en anciënniteit van een functie',
                        'verbose_name_plural': 'loopbaan en anciënniteit per functie',
                        'proxy': True,
                        'indexes': [],
                        'constraints': [],
                    },
                    bases=('procedures.function',),
                ),
                migrations.CreateModel(
                    name='IndexCoefficient',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('valid_from', models.DateField(unique=True, verbose_name='geldig vanaf')),
                        ('coefficient', models.DecimalField(decimal_places=4, help_text='Voorstel: 2,1223, de indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart 2025 (niet uit de infobundel). Kijk hem na in de bron voor je bewaart.', max_digits=6, verbose_name='coëfficiënt')),
                        ('source', models.TextField(blank=True, verbose_name='bron')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='ingevoerd op')),
                    ],
                    options={
                        'verbose_name': 'indexcoëfficiënt',
                        'verbose_name_plural': 'indexcoëfficiënten',
                        'db_table': 'procedures_indexcoefficient',
                        'ordering': ['-valid_from'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('coefficient__gt', 0), ('coefficient__lt', 10)), name='index_coefficient_in_range', violation_error_message='De indexcoëfficiënt ligt tussen 0 en 10 (bv. 2,1223).')],
                    },
                ),
                migrations.CreateModel(
                    name='PayRules',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('valid_from', models.DateField(unique=True, verbose_name='geldig vanaf')),
                        ('holiday_pay_rate', models.DecimalField(decimal_places=4, help_text='0,92 = 92 % van een maandloon voor een volledig refertejaar. Voorstel: 0,92, de regel voor Vlaamse lokale besturen (niet uit de infobundel).', max_digits=5, verbose_name='vakantiegeld (deel van een maandloon)')),
                        ('year_end_fixed_amount', models.DecimalField(blank=True, decimal_places=2, help_text='Leeg zolang HR het bedrag niet invoerde: de schatting toont dan enkel het variabele deel.', max_digits=10, null=True, verbose_name='eindejaarspremie: vast deel')),
                        ('year_end_rate', models.DecimalField(decimal_places=4, help_text='0,036 = 3,6 % van het jaarloon. Voorstel: 0,036, de regel voor Vlaamse lokale besturen sinds 2021 (niet uit de infobundel).', max_digits=5, verbose_name='eindejaarspremie: deel van het jaarloon')),
                        ('meal_voucher_per_day', models.DecimalField(decimal_places=2, help_text='De infobundel: maaltijdcheques van €7,50.', max_digits=6, verbose_name='maaltijdcheque per gewerkte dag')),
                        ('bicycle_allowance_per_km', models.DecimalField(decimal_places=2, help_text='De infobundel: €0,36 per km.', max_digits=6, verbose_name='fietsvergoeding per km')),
                        ('holidays_min', models.PositiveSmallIntegerField(help_text='De infobundel: 33 tot 35 vakantiedagen.', verbose_name='vakantiedagen (minimum)')),
                        ('holidays_max', models.PositiveSmallIntegerField(verbose_name='vakantiedagen (maximum)')),
                        ('source', models.TextField(blank=True, verbose_name='bron')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='ingevoerd op')),
                    ],
                    options={
                        'verbose_name': 'premies en voordelen',
                        'verbose_name_plural': 'premies en voordelen',
                        'db_table': 'procedures_payrules',
                        'ordering': ['-valid_from'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('holidays_max__gte', models.F('holidays_min'))), name='pay_rules_holidays_range', violation_error_message='Het maximum aantal vakantiedagen kan niet kleiner zijn dan het minimum.')],
                    },
                ),
                migrations.CreateModel(
                    name='PayScaleVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('valid_from', models.DateField(verbose_name='geldig vanaf')),
                        ('status', models.CharField(choices=[('draft', 'ontwerp'), ('official', 'officieel'), ('fictitious', 'fictief (demo)')], default='draft', help_text='Ontwerp: nog niet gebruikt. Officieel: de gepubliceerde loonschaal van de stad (bron en brondatum verplicht). Fictief: demobedragen, overal gemarkeerd als ‘fictief’.', max_length=12, verbose_name='status')),
                        ('source', models.TextField(blank=True, help_text='Waar komen de bedragen vandaan?', verbose_name='bron')),
                        ('source_date', models.DateField(blank=True, null=True, verbose_name='datum van de bron')),
                        ('official_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='officieel sinds')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='ingevoerd op')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ingevoerd door')),
                        ('scale', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='pay.payscale', verbose_name='loonschaal')),
                    ],
                    options={
                        'verbose_name': 'versie van een loonschaal',
                        'verbose_name_plural': 'versies van loonschalen',
                        'db_table': 'procedures_payscaleversion',
                        'ordering': ['scale', '-valid_from'],
                    },
                ),
                migrations.CreateModel(
                    name='PayScaleStep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('years', models.PositiveSmallIntegerField(verbose_name='jaren anciënniteit')),
                        ('yearly_amount', models.DecimalField(decimal_places=2, max_digits=10, verbose_name='jaarbedrag aan 100 %')),
                        ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='pay.payscaleversion')),
                    ],
                    options={
                        'verbose_name': 'trap',
                        'verbose_name_plural': 'trappen',
                        'db_table': 'procedures_payscalestep',
                        'ordering': ['version', 'years'],
                    },
                ),
                migrations.CreateModel(
                    name='CareerScale',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='volgorde')),
                        ('years_in_previous_scale', models.PositiveSmallIntegerField(default=0, help_text='0 voor de startschaal.', verbose_name='na jaren in de vorige schaal')),
                        ('conditions', models.CharField(blank=True, help_text='bv. gunstige evaluatie', max_length=300, verbose_name='voorwaarden')),
                        ('fictitious', models.BooleanField(default=False, help_text='Aangevinkt: niet de regeling van de stad maar een demo; overal gemarkeerd als ‘fictief’.', verbose_name='fictief (demo)')),
                        ('function', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='career_scales', to='procedures.function', verbose_name='functie')),
                        ('scale', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='pay.payscale', verbose_name='loonschaal')),
                    ],
                    options={
                        'verbose_name': 'schaal in de functionele loopbaan',
                        'verbose_name_plural': 'functionele loopbaan',
                        'db_table': 'procedures_careerscale',
                        'ordering': ['function', 'position'],
                        'constraints': [models.UniqueConstraint(fields=('function', 'position'), name='career_scale_unique_position'), models.UniqueConstraint(fields=('function', 'scale'), name='career_scale_unique_scale')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='payscaleversion',
                    constraint=models.UniqueConstraint(fields=('scale', 'valid_from'), name='pay_scale_version_unique', violation_error_message='Deze loonschaal heeft al een versie vanaf die datum.'),
                ),
                migrations.AddConstraint(
                    model_name='payscaleversion',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'official'), _negated=True), models.Q(models.Q(('source', ''), _negated=True), ('source_date__isnull', False)), _connector='OR'), name='pay_scale_version_official_has_source', violation_error_message='Een officiële versie vermeldt haar bron en de datum van die bron.'),
                ),
                migrations.AddConstraint(
                    model_name='payscalestep',
                    constraint=models.UniqueConstraint(fields=('version', 'years'), name='pay_scale_step_unique_years'),
                ),
                migrations.AddConstraint(
                    model_name='payscalestep',
                    constraint=models.CheckConstraint(condition=models.Q(('yearly_amount__gt', 0)), name='pay_scale_step_amount_positive', violation_error_message='Het jaarbedrag moet groter dan 0 zijn.'),
                ),
                migrations.AddConstraint(
                    model_name='payscalestep',
                    constraint=models.CheckConstraint(condition=models.Q(('years__lte', 50)), name='pay_scale_step_years_at_most_50', violation_error_message='Een trap kan hoogstens bij 50 jaar anciënniteit horen.'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_pay, content_types_back_to_procedures),
    ]
