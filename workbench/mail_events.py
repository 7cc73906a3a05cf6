"""The werkbank's mail: HR's daily summary. Wording here is the default until HR edits the template."""

from communications.events import MailEvent, register

DAILY_SUMMARY = register(MailEvent(
    key="werkbank_daily_summary", label="Werkbank: dagelijkse samenvatting voor het selectieteam",
    subject={"nl": "Werkbank van {{ day }} (open: {{ total }})",
             "en": "Workbench of {{ day }} (open: {{ total }})"},
    body={"nl": "Beste {{ hr_name }},\n\nDit wacht vandaag op het selectieteam:\n\n{{ summary }}\n\n"
                "Open de werkbank: {{ werkbank_url }}\n\n"
                "Je krijgt deze samenvatting alleen op dagen dat er iets wacht. Je zet ze zelf uit op "
                "{{ settings_url }}",
          "en": "Dear {{ hr_name }},\n\nThis waits for the selection team today:\n\n{{ summary }}\n\n"
                "Open the workbench: {{ werkbank_url }}\n\n"
                "You get this summary only on days when something waits. Switch it off at {{ settings_url }}"},
    placeholders={
        "hr_name": "naam van het lid van het selectieteam",
        "day": "de dag van de samenvatting, bv. 02/03/2026",
        "total": "hoeveel er wacht, alle soorten samen",
        "summary": "de taken per procedure, met hun aantal en link",
        "werkbank_url": "link naar de werkbank",
        "settings_url": "link naar de pagina om de samenvatting uit te zetten",
    },
))
