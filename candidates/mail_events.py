"""The mails the candidate stages send. Wording here is the default until HR edits the template."""

from communications.events import MailEvent, register

PROCEDURE = {"procedure_title": "titel van de procedure"}
REASON = {"reason": "motivering van de beslissing"}

SIGNATURE_NL = "\n\nMet vriendelijke groeten,\nHet selectieteam van stad Kortrijk"
SIGNATURE_EN = "\n\nKind regards,\nThe selection team of the city of Kortrijk"


def candidate_event(key, label, subject_nl, body_nl, subject_en, body_en, placeholders=None, held=False):
    """A mail to the candidate: the greeting and the signature around the body, with the procedure's placeholder."""
    return register(MailEvent(
        key=key, label=label,
        subject={"nl": subject_nl, "en": subject_en},
        body={"nl": "Beste {{ candidate_name }},\n\n" + body_nl + SIGNATURE_NL,
              "en": "Dear {{ candidate_name }},\n\n" + body_en + SIGNATURE_EN},
        placeholders={**PROCEDURE, **(placeholders or {})},
        held_for_release=held,
    ))


APPLICATION_RECEIVED = candidate_event(
    "application_received", "Ontvangstbevestiging kandidatuur",
    "We ontvingen je kandidatuur voor {{ procedure_title }}",
    "Bedankt voor je kandidatuur voor {{ procedure_title }}. We kijken eerst na of je een diploma hebt dat "
    "toegang geeft tot de functie. Je krijgt daarover een mail.\n\nJe volgt alles op via {{ portal_url }}",
    "We received your application for {{ procedure_title }}",
    "Thank you for applying for {{ procedure_title }}. We first check that your diploma gives access to the "
    "position. You will receive an e-mail about it.\n\nFollow every step at {{ portal_url }}",
)
# An application HR entered (paper, e-mail, counter) for a person whose account has no password yet.
PORTAL_INVITATION = candidate_event(
    "portal_invitation", "Uitnodiging voor het portaal (kandidatuur ingevoerd door HR)",
    "Volg je kandidatuur voor {{ procedure_title }} op in ons kandidatenportaal",
    "Het selectieteam ontving je kandidatuur voor {{ procedure_title }} en voerde ze in. In het kandidatenportaal "
    "volg je elke stap op, kies je later zelf een moment voor je gesprek en zie je alle mails die we je sturen.\n\n"
    "We maakten daarvoor een account voor je aan met dit e-mailadres: {{ account_email }}\n\n"
    "Kies zelf een wachtwoord via deze link (geldig tot {{ link_valid_until }}, één keer te gebruiken):\n"
    "{{ set_password_url }}\n\n"
    "Is de link verlopen? Vraag dan een aanmeldcode per mail aan via {{ login_code_url }}\n\n"
    "We sturen je nooit een wachtwoord per mail. Heb je niet gesolliciteerd bij stad Kortrijk? Dan mag je deze "
    "mail negeren en laat je het ons graag weten.",
    "Follow your application for {{ procedure_title }} in our candidate portal",
    "The selection team received your application for {{ procedure_title }} and entered it. In the candidate "
    "portal you follow every step, later choose a time for your interview yourself and see every e-mail we send "
    "you.\n\nWe created an account for you with this e-mail address: {{ account_email }}\n\n"
    "Choose a password with this link (valid until {{ link_valid_until }}, for one use):\n{{ set_password_url }}"
    "\n\nHas the link expired? Ask for a log-in code by e-mail at {{ login_code_url }}\n\n"
    "We never send you a password by e-mail. Did you not apply to the city of Kortrijk? Then you may ignore this "
    "e-mail; we would appreciate it if you let us know.",
    placeholders={
        "account_email": "e-mailadres van het account",
        "set_password_url": "link om een wachtwoord te kiezen (eenmalig, tijdelijk geldig)",
        "link_valid_until": "tot wanneer de link geldig is",
        "login_code_url": "link om een aanmeldcode per mail te vragen",
    },
)
SCREENING_ELIGIBLE = candidate_event(
    "screening_eligible", "Screening: toegelaten",
    "Je bent toegelaten tot de selectie voor {{ procedure_title }}",
    "Goed nieuws: je diploma geeft toegang tot de functie. De volgende stap is een online "
    "kennismakingsinterview van 20 minuten. Je krijgt binnenkort een uitnodiging om zelf een moment te kiezen."
    "\n\n{{ portal_url }}",
    "You are admitted to the selection for {{ procedure_title }}",
    "Good news: your diploma gives access to the position. The next step is a 20-minute online intake "
    "interview. You will soon be invited to choose a time slot yourself.\n\n{{ portal_url }}",
)
SCREENING_NOT_ELIGIBLE = candidate_event(
    "screening_not_eligible", "Screening: niet toegelaten",
    "Je kandidatuur voor {{ procedure_title }}",
    "Helaas kunnen we je niet toelaten tot deze selectieprocedure.\n\nReden: {{ reason }}\n\n"
    "Je kan wel deelnemen aan andere selectieprocedures van stad Kortrijk.",
    "Your application for {{ procedure_title }}",
    "Unfortunately we cannot admit you to this selection procedure.\n\nReason: {{ reason }}\n\n"
    "You are welcome to take part in other selection procedures of the city of Kortrijk.",
    placeholders=REASON, held=True,
)
INTAKE_INVITATION = candidate_event(
    "intake_invitation", "Uitnodiging kennismakingsinterview",
    "Kies een moment voor je kennismakingsinterview ({{ procedure_title }})",
    "Je bent uitgenodigd voor een online kennismakingsinterview van 20 minuten via Microsoft Teams. "
    "Kies zelf een vrij moment op {{ portal_url }}",
    "Choose a time for your intake interview ({{ procedure_title }})",
    "You are invited to a 20-minute online intake interview on Microsoft Teams. "
    "Choose a free time slot at {{ portal_url }}",
)
INTAKE_FAILED = candidate_event(
    "intake_failed", "Kennismakingsinterview: niet geslaagd",
    "Resultaat van je kennismakingsinterview ({{ procedure_title }})",
    "Helaas ben je niet geslaagd voor het kennismakingsinterview.\n\n{{ reason }}\n\n"
    "Je kan pas vanaf {{ welcome_again_on }} opnieuw deelnemen aan deze selectieprocedure. "
    "Andere selectieprocedures van stad Kortrijk staan wel voor je open.",
    "Result of your intake interview ({{ procedure_title }})",
    "Unfortunately you did not pass the intake interview.\n\n{{ reason }}\n\n"
    "You can take part in this selection procedure again from {{ welcome_again_on }}. "
    "Other selection procedures of the city of Kortrijk remain open to you.",
    placeholders={**REASON, "welcome_again_on": "eerste dag waarop de kandidaat opnieuw mag deelnemen"}, held=True,
)
WAITLIST = candidate_event(
    "waitlist", "Kennismakingsinterview: geslaagd, op de wachtlijst",
    "Je staat op de wachtlijst voor {{ procedure_title }}",
    "Proficiat, je bent geslaagd voor het kennismakingsinterview. Je staat op de wachtlijst voor concrete "
    "jobinterviews tot en met {{ valid_until }}. Voor elke concrete vacature nodigen we je uit.",
    "You are on the waiting list for {{ procedure_title }}",
    "Congratulations, you passed the intake interview. You are on the waiting list for job interviews "
    "until {{ valid_until }}. We will invite you for every concrete vacancy.",
    placeholders={"valid_until": "laatste geldige dag van de wachtlijst"},
)
WAITLIST_EXPIRED = candidate_event(
    "waitlist_expired", "Wachtlijst verlopen",
    "Je plaats op de wachtlijst is verlopen ({{ procedure_title }})",
    "Je plaats op de wachtlijst voor {{ procedure_title }} was een jaar geldig en is nu verlopen. "
    "Je kan opnieuw solliciteren wanneer de procedure openstaat.",
    "Your place on the waiting list has expired ({{ procedure_title }})",
    "Your place on the waiting list for {{ procedure_title }} was valid for one year and has now expired. "
    "You may apply again when the procedure is open.",
)
JURY_FAILED = candidate_event(
    "jury_failed", "Jurygesprek: niet geslaagd",
    "Resultaat van je jurygesprek ({{ procedure_title }})",
    "De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad Kortrijk of "
    "dat je motivatie niet aansluit bij de waarden van de organisatie. Uiteraard mag je hierover feedback van de "
    "jury opvragen via {{ portal_url }}\n\nJe kan pas vanaf {{ welcome_again_on }} opnieuw deelnemen aan deze "
    "selectieprocedure. Andere selectieprocedures van stad Kortrijk staan wel voor je open.",
    "Result of your jury interview ({{ procedure_title }})",
    "The jury found that your competencies do not sufficiently match the vacancies within the city of Kortrijk, "
    "or that your motivation does not fit the values of the organisation. You may of course ask the jury for "
    "feedback at {{ portal_url }}\n\nYou can take part in this selection procedure again from "
    "{{ welcome_again_on }}. Other selection procedures of the city of Kortrijk remain open to you.",
    placeholders={**REASON, "welcome_again_on": "eerste dag waarop de kandidaat opnieuw mag deelnemen"}, held=True,
)
RESERVE = candidate_event(
    "reserve", "Jurygesprek: geslaagd, wervingsreserve",
    "Je bent opgenomen in de wervingsreserve ({{ procedure_title }})",
    "Zeer goed gesprek, maar een andere kandidaat kreeg de job. We nemen je op in de wervingsreserve tot en "
    "met {{ valid_until }}. Voor een volgende vacature volgt enkel nog een matchgesprek.",
    "You are in the recruitment reserve ({{ procedure_title }})",
    "A very good interview, but another candidate got the job. You are in the recruitment reserve until "
    "{{ valid_until }}. For a next vacancy only a matching conversation follows.",
    placeholders={"valid_until": "laatste geldige dag van de wervingsreserve"}, held=True,
)
RESERVE_EXPIRED = candidate_event(
    "reserve_expired", "Wervingsreserve verlopen",
    "Je plaats in de wervingsreserve is verlopen ({{ procedure_title }})",
    "De geldigheid van de wervingsreserve voor {{ procedure_title }} is verstreken.",
    "Your place in the recruitment reserve has expired ({{ procedure_title }})",
    "The recruitment reserve for {{ procedure_title }} is no longer valid.",
)
OFFER_WITHDRAWN = candidate_event(
    "offer_withdrawn", "Jobaanbod ingetrokken",
    "Je jobaanbod voor {{ procedure_title }}",
    "We moeten het jobaanbod intrekken.\n\nReden: {{ reason }}",
    "Your job offer for {{ procedure_title }}",
    "We have to withdraw the job offer.\n\nReason: {{ reason }}",
    placeholders=REASON, held=True,
)
HIRED = candidate_event(
    "hired", "Aanwerving bevestigd",
    "Welkom bij stad Kortrijk",
    "Je aanwerving als {{ procedure_title }} is definitief. Welkom bij stad Kortrijk!",
    "Welcome to the city of Kortrijk",
    "Your recruitment as {{ procedure_title }} is final. Welcome to the city of Kortrijk!",
)
WITHDRAWN = candidate_event(
    "withdrawn", "Kandidatuur ingetrokken",
    "Je kandidatuur voor {{ procedure_title }} is ingetrokken",
    "Je kandidatuur voor {{ procedure_title }} is ingetrokken. Je kan deelnemen aan andere "
    "selectieprocedures van stad Kortrijk.",
    "Your application for {{ procedure_title }} has been withdrawn",
    "Your application for {{ procedure_title }} has been withdrawn. You are welcome to take part in other "
    "selection procedures of the city of Kortrijk.",
)

# To HR, not to the candidate: a person asked to erase their data (the portal's "Mijn gegevens").
ERASURE_REQUESTED = register(MailEvent(
    key="erasure_requested", label="Verzoek tot wissen van gegevens (aan HR)",
    subject={"nl": "Verzoek tot wissen van gegevens: {{ candidate_name }}",
             "en": "Request to erase personal data: {{ candidate_name }}"},
    body={"nl": "{{ candidate_name }} vroeg op {{ requested_on }} via het portaal om zijn of haar gegevens te wissen "
                "(kandidaturen: {{ procedure_title }}).\n\nBehandel het verzoek binnen een maand in de back office: "
                "{{ backoffice_url }}",
          "en": "{{ candidate_name }} asked on {{ requested_on }} through the portal to erase their personal data "
                "(applications: {{ procedure_title }}).\n\nPlease handle the request within one month in the back "
                "office: {{ backoffice_url }}"},
    placeholders={**PROCEDURE, "requested_on": "datum van het verzoek",
                  "backoffice_url": "link naar de verzoeken in de back office"},
))

# To the person, after HR confirmed their erasure request. No name: it was just erased.
ERASURE_DONE = register(MailEvent(
    key="erasure_done", label="Gegevens gewist (aan de kandidaat)",
    subject={"nl": "Je gegevens bij stad Kortrijk zijn gewist",
             "en": "Your data at the city of Kortrijk has been erased"},
    body={"nl": "Beste,\n\nZoals je vroeg, hebben we je gegevens gewist: je account, je naam, je contactgegevens, "
                "je kandidaturen met je motivatie en documenten, en de notities over jou. Lopende kandidaturen zijn "
                "ingetrokken.\n\nWat we volgens de regels moeten bijhouden: de scores en het proces-verbaal van de "
                "jury, zonder je naam. Loopt er een uitsluiting, dan bewaren we tot de einddatum alleen codes die "
                "van je e-mailadressen en van je naam met je geboortedatum zijn afgeleid, en de data:\n{{ kept }}"
                "\n\nMet vriendelijke groeten,\nHet selectieteam van stad Kortrijk",
          "en": "Hello,\n\nAs you asked, we erased your data: your account, your name, your contact details, your "
                "applications with your motivation and documents, and the notes about you. Open applications were "
                "withdrawn.\n\nWhat the rules make us keep: the jury's scores and official report, without your "
                "name. If a ban is running, we keep only codes derived from your e-mail addresses and from your name "
                "with your date of birth, and its dates, until it ends:\n{{ kept }}\n\nKind regards,\n"
                "The selection team of the city of Kortrijk"},
    placeholders={"kept": "lopende uitsluitingen met hun einddatum"},
))
