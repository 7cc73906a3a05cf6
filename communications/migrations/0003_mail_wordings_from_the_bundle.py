"""The default wording of two mails changed with the bundle's words; a template still exactly as the older default
(so HR did not edit it) gets the new one, in each language on its own. sync_mail_templates only creates missing
templates, so without this an existing installation would keep the old wording:

- jury_failed: the bundle's whole option 3 ("De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de
  vacatures binnen stad Kortrijk of dat je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je
  hierover feedback van de jury opvragen");
- offer_accepted: no "niet ouder dan {{ extract_max_age }}", an age the bundle never states; the age, if HR sets one on
  the function, comes with {{ extract_age_clause }}.

Both wordings are frozen here (migrations must not import the mail events, which change).
"""

from django.db import migrations

# event: {language field: (the older default, the current default)}
WORDINGS = {
    "jury_failed": {
        "body_nl": ((
                'Beste {{ candidate_name }},\n'
                '\n'
                'De jury heeft vastgesteld dat je competenties onvoldoende aansluiten bij de vacature. Je mag '
                'hierover feedback van de jury vragen via {{ portal_url }}\n'
                '\n'
                'Je kan pas vanaf {{ welcome_again_on }} opnieuw deelnemen aan deze selectieprocedure. Andere '
                'selectieprocedures van stad Kortrijk staan wel voor je open.\n'
                '\n'
                'Met vriendelijke groeten,\n'
                'Het selectieteam van stad Kortrijk'
            ), (
                'Beste {{ candidate_name }},\n'
                '\n'
                'De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad'
                ' Kortrijk of dat je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je '
                'hierover feedback van de jury opvragen via {{ portal_url }}\n'
                '\n'
                'Je kan pas vanaf {{ welcome_again_on }} opnieuw deelnemen aan deze selectieprocedure. Andere '
                'selectieprocedures van stad Kortrijk staan wel voor je open.\n'
                '\n'
                'Met vriendelijke groeten,\n'
                'Het selectieteam van stad Kortrijk'
            )),
        "body_en": ((
                'Dear {{ candidate_name }},\n'
                '\n'
                'The jury found that your competencies do not sufficiently match the vacancy. You may ask the '
                'jury for feedback at {{ portal_url }}\n'
                '\n'
                'You can take part in this selection procedure again from {{ welcome_again_on }}. Other selection'
                ' procedures of the city of Kortrijk remain open to you.\n'
                '\n'
                'Kind regards,\n'
                'The selection team of the city of Kortrijk'
            ), (
                'Dear {{ candidate_name }},\n'
                '\n'
                'The jury found that your competencies do not sufficiently match the vacancies within the city of'
                ' Kortrijk, or that your motivation does not fit the values of the organisation. You may of '
                'course ask the jury for feedback at {{ portal_url }}\n'
                '\n'
                'You can take part in this selection procedure again from {{ welcome_again_on }}. Other selection'
                ' procedures of the city of Kortrijk remain open to you.\n'
                '\n'
                'Kind regards,\n'
                'The selection team of the city of Kortrijk'
            )),
    },
    "offer_accepted": {
        "body_nl": ((
                'Beste {{ candidate_name }},\n'
                '\n'
                'Fijn dat je het jobaanbod aanvaardt! Nog één stap voor je aanwerving definitief is: bezorg het '
                'selectieteam een uittreksel uit het strafregister, {{ extract_model }}, niet ouder dan {{ '
                'extract_max_age }}. Je vraagt het aan bij je gemeente of via My e-Justice. We bekijken het en '
                'geven het je terug; we bewaren het niet.\n'
                '\n'
                '{{ offer_url }}\n'
                '\n'
                'Met vriendelijke groeten,\n'
                'Het selectieteam van stad Kortrijk'
            ), (
                'Beste {{ candidate_name }},\n'
                '\n'
                'Fijn dat je het jobaanbod aanvaardt! Nog één stap voor je aanwerving definitief is: bezorg het '
                'selectieteam een uittreksel uit het strafregister, {{ extract_model }}{{ extract_age_clause }}. '
                'Je vraagt het aan bij je gemeente of via My e-Justice. We bekijken het en geven het je terug; we'
                ' bewaren het niet.\n'
                '\n'
                '{{ offer_url }}\n'
                '\n'
                'Met vriendelijke groeten,\n'
                'Het selectieteam van stad Kortrijk'
            )),
        "body_en": ((
                'Dear {{ candidate_name }},\n'
                '\n'
                'We are glad you accept the job offer! One step remains before your recruitment is final: bring '
                'the selection team an extract from the criminal record, {{ extract_model }}, not older than {{ '
                'extract_max_age }}. You request it from your municipality or through My e-Justice. We look at it'
                ' and give it back; we do not keep it.\n'
                '\n'
                '{{ offer_url }}\n'
                '\n'
                'Kind regards,\n'
                'The selection team of the city of Kortrijk'
            ), (
                'Dear {{ candidate_name }},\n'
                '\n'
                'We are glad you accept the job offer! One step remains before your recruitment is final: bring '
                'the selection team an extract from the criminal record, {{ extract_model }}{{ extract_age_clause'
                ' }}. You request it from your municipality or through My e-Justice. We look at it and give it '
                'back; we do not keep it.\n'
                '\n'
                '{{ offer_url }}\n'
                '\n'
                'Kind regards,\n'
                'The selection team of the city of Kortrijk'
            )),
    },
}


def update_unedited_wordings(apps, schema_editor):
    MailTemplate = apps.get_model("communications", "MailTemplate")
    for event, fields in WORDINGS.items():
        for field, (old, new) in fields.items():
            MailTemplate.objects.filter(event=event, **{field: old}).update(**{field: new})


class Migration(migrations.Migration):

    dependencies = [
        ("communications", "0002_mail_due_at_and_labels"),
    ]

    operations = [
        migrations.RunPython(update_unedited_wordings, migrations.RunPython.noop),
    ]
