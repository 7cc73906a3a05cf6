"""The pay models (scales, their versions and steps, the index coefficient, the pay rules, the functional career and
the pay side of a function) move to their own app, pay (pay/migrations/0001_initial.py takes them over).

State only: the tables stay where they are, under their names (the pay models keep them with db_table), so no row
moves. The content types follow in pay's migration.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0014_diploma_short_label'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='careerscale',
                    name='function',
                ),
                migrations.RemoveField(
                    model_name='careerscale',
                    name='scale',
                ),
                migrations.DeleteModel(
                    name='IndexCoefficient',
                ),
                migrations.DeleteModel(
                    name='PayRules',
                ),
                migrations.RemoveField(
                    model_name='payscaleversion',
                    name='scale',
                ),
                migrations.RemoveField(
                    model_name='payscalestep',
                    name='version',
                ),
                migrations.RemoveField(
                    model_name='payscaleversion',
                    name='created_by',
                ),
                migrations.DeleteModel(
                    name='FunctionPay',
                ),
                migrations.DeleteModel(
                    name='CareerScale',
                ),
                migrations.DeleteModel(
                    name='PayScale',
                ),
                migrations.DeleteModel(
                    name='PayScaleStep',
                ),
                migrations.DeleteModel(
                    name='PayScaleVersion',
                ),
            ],
            database_operations=[],
        ),
    ]
