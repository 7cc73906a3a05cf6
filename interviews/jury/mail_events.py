"""The mails of the jury step and what follows it (matchgesprek, feedback). Wording here is the default until HR
edits the template."""

from candidates.mail_events import PROCEDURE, SIGNATURE_EN, SIGNATURE_NL, candidate_event
from communications.events import MailEvent, register

VACANCY = {
    "team": "team van de vacature",
    "workplace": "werkplek van de vacature",
    "start_date": "startdatum van de vacature",
    "regime": "regime (uren per week)",
    "vacancy_description": "korte omschrijving van de vacature",
}
INTERVIEW = {
    "interview_day": "dag van het gesprek, bv. dinsdag 3 maart 2026",
    "interview_time": "uur van het gesprek, bv. 10:00–11:00",
    "interview_place": "plaats of link van het gesprek",
    "application_url": "link naar de kandidatuur op het portaal",
}

JURY_INVITATION = candidate_event(
    "jury_invitation", "Jurygesprek: uitnodiging (concrete vacature)",
    "Uitnodiging voor een jobinterview: {{ procedure_title }} in {{ team }}",
    "Er is een concrete vacature als {{ procedure_title }} en je staat op de wachtlijst: je bent uitgenodigd voor "
    "een jobinterview met een jury.\n\nTeam: {{ team }}\nWerkplek: {{ workplace }}\nStartdatum: {{ start_date }}\n"
    "Regime: {{ regime }}\n\n{{ vacancy_description }}\n\n{{ case_text }}\n\n{{ questionnaire_text }}\n\n"
    "Je krijgt nog een mail met de datum, het uur en de plaats van je gesprek. Alles volg je op via "
    "{{ application_url }}",
    "Invitation to a job interview: {{ procedure_title }} in {{ team }}",
    "There is a concrete vacancy as {{ procedure_title }} and you are on the waiting list: you are invited to a job "
    "interview with a jury.\n\nTeam: {{ team }}\nWorkplace: {{ workplace }}\nStart date: {{ start_date }}\n"
    "Hours: {{ regime }}\n\n{{ vacancy_description }}\n\n{{ case_text }}\n\n{{ questionnaire_text }}\n\n"
    "You will receive another e-mail with the date, time and place of your interview. Follow everything at "
    "{{ application_url }}",
    {**VACANCY, "application_url": INTERVIEW["application_url"],
     "case_text": "wat de kandidaat over de case moet weten (of dat er geen is)",
     "questionnaire_text": "wat de kandidaat over de persoonlijkheidsvragenlijst moet weten"},
)
JURY_INTERVIEW_SCHEDULED = candidate_event(
    "jury_interview_scheduled", "Jurygesprek: datum en plaats",
    "Je jobinterview op {{ interview_day }} om {{ interview_time }}",
    "Je jobinterview voor {{ procedure_title }} ({{ team }}) gaat door op {{ interview_day }}, {{ interview_time }}."
    "\n\nWaar: {{ interview_place }}\n\n{{ case_text }}\n\n{{ questionnaire_text }}\n\nDe agenda-uitnodiging zit "
    "in bijlage. Kan je echt niet? Neem dan meteen contact op met het selectieteam. Alles volg je op via "
    "{{ application_url }}",
    "Your job interview on {{ interview_day }} at {{ interview_time }}",
    "Your job interview for {{ procedure_title }} ({{ team }}) takes place on {{ interview_day }}, "
    "{{ interview_time }}.\n\nWhere: {{ interview_place }}\n\n{{ case_text }}\n\n{{ questionnaire_text }}\n\n"
    "The calendar invitation is attached. If you really cannot come, contact the selection team at once. Follow "
    "everything at {{ application_url }}",
    {**INTERVIEW, "team": VACANCY["team"], "case_text": JURY_INVITATION.placeholders["case_text"],
     "questionnaire_text": JURY_INVITATION.placeholders["questionnaire_text"]},
)
JURY_CASE = candidate_event(
    "jury_case_document", "Jurygesprek: de case om voor te bereiden",
    "De case voor je jobinterview van {{ interview_day }}",
    "Zoals aangekondigd bereid je voor je jobinterview van {{ interview_day }}, {{ interview_time }} een case "
    "voor: {{ case_title }}.\n\nJe vindt het casedocument op {{ case_url }}",
    "The case for your job interview of {{ interview_day }}",
    "As announced, you prepare a case for your job interview of {{ interview_day }}, {{ interview_time }}: "
    "{{ case_title }}.\n\nYou find the case document at {{ case_url }}",
    {**INTERVIEW, "case_title": "titel van de case", "case_url": "link naar het casedocument op het portaal"},
)
JURY_FEEDBACK_LETTER = candidate_event(
    "jury_feedback_letter", "Jurygesprek: feedbackbrief",
    "Feedback van de jury ({{ procedure_title }})",
    "{{ feedback_letter }}",
    "Feedback from the jury ({{ procedure_title }})",
    "{{ feedback_letter }}",
    {"feedback_letter": "de feedback zoals HR ze schreef"},
)
MATCH_SCHEDULED = candidate_event(
    "match_interview_scheduled", "Matchgesprek: datum en plaats",
    "Je matchgesprek op {{ interview_day }} om {{ interview_time }}",
    "Je staat in de wervingsreserve voor {{ procedure_title }}, en er is een vacature in {{ team }} "
    "({{ workplace }}, start {{ start_date }}, {{ regime }}). We nodigen je uit voor een matchgesprek: geen "
    "nieuwe selectie, maar een gesprek om na te gaan of jouw verwachtingen en die van het team overeenkomen."
    "\n\nWanneer: {{ interview_day }}, {{ interview_time }}\nWaar: {{ interview_place }}\n\nDe agenda-uitnodiging "
    "zit in bijlage. Alles volg je op via {{ application_url }}",
    "Your matching conversation on {{ interview_day }} at {{ interview_time }}",
    "You are in the recruitment reserve for {{ procedure_title }}, and there is a vacancy in {{ team }} "
    "({{ workplace }}, starting {{ start_date }}, {{ regime }}). We invite you to a matching conversation: not a new "
    "selection, but a talk to see whether your expectations and the team's match.\n\nWhen: {{ interview_day }}, "
    "{{ interview_time }}\nWhere: {{ interview_place }}\n\nThe calendar invitation is attached. Follow everything "
    "at {{ application_url }}",
    {**INTERVIEW, **VACANCY},
)
MATCH_NO_MATCH = candidate_event(
    "match_no_match", "Matchgesprek: geen match, je blijft in de wervingsreserve",
    "Je matchgesprek voor {{ team }}",
    "Bedankt voor het matchgesprek. Jouw verwachtingen en die van {{ team }} sluiten deze keer niet goed genoeg "
    "aan. Dat is geen oordeel over jou: je blijft in de wervingsreserve tot en met {{ valid_until }}, en bij een "
    "volgende vacature nemen we opnieuw contact op.",
    "Your matching conversation for {{ team }}",
    "Thank you for the matching conversation. Your expectations and those of {{ team }} do not match well enough "
    "this time. This is no judgement of you: you stay in the recruitment reserve until {{ valid_until }}, and we "
    "will contact you again for a next vacancy.",
    {"team": VACANCY["team"], "valid_until": "laatste geldige dag van de wervingsreserve"},
)

# To jurors and HR, not to a candidate.
JUROR_INVITATION = register(MailEvent(
    key="juror_invitation", label="Jurylid: uitnodiging voor een juryronde",
    subject={"nl": "Uitnodiging als jurylid: {{ procedure_title }} ({{ team }})",
             "en": "Invitation to sit on a jury: {{ procedure_title }} ({{ team }})"},
    body={"nl": "Beste {{ juror_name }},\n\nJe bent uitgenodigd als {{ juror_role }} in de jury voor de vacature "
                "{{ procedure_title }} in {{ team }}.\n\nMeld je aan op {{ login_url }} met dit e-mailadres. Heb je "
                "geen wachtwoord, kies dan ‘Stuur me een aanmeldcode’: je krijgt een code per mail. Op {{ jury_url }} "
                "vind je de kandidaten en hun gesprekken.\n\n{{ access_text }}" + SIGNATURE_NL,
          "en": "Dear {{ juror_name }},\n\nYou are invited as {{ juror_role }} on the jury for the vacancy "
                "{{ procedure_title }} in {{ team }}.\n\nLog in at {{ login_url }} with this e-mail address. Without "
                "a password, choose to receive a sign-in code by e-mail. At {{ jury_url }} you find the candidates "
                "and their interviews.\n\n{{ access_text }}" + SIGNATURE_EN},
    placeholders={**PROCEDURE, "team": VACANCY["team"], "juror_name": "naam van het jurylid",
                  "juror_role": "rol in de jury", "login_url": "link om aan te melden",
                  "jury_url": "link naar de jurypagina's", "access_text": "tot wanneer het jurylid toegang heeft"},
))
FEEDBACK_REQUESTED = register(MailEvent(
    key="jury_feedback_requested", label="Vraag om feedback van de jury (aan HR)",
    subject={"nl": "Vraag om feedback: {{ candidate_name }} (antwoord tegen {{ due_on }})",
             "en": "Feedback requested: {{ candidate_name }} (answer by {{ due_on }})"},
    body={"nl": "{{ candidate_name }} vroeg op {{ requested_on }} feedback over het jurygesprek voor "
                "{{ procedure_title }}. Antwoord tegen {{ due_on }}.\n\nEen ontwerp van de feedbackbrief staat "
                "klaar in de back office: {{ backoffice_url }}",
          "en": "{{ candidate_name }} asked on {{ requested_on }} for feedback on the jury interview for "
                "{{ procedure_title }}. Please answer by {{ due_on }}.\n\nA draft feedback letter is ready in the "
                "back office: {{ backoffice_url }}"},
    placeholders={**PROCEDURE, "requested_on": "datum van de vraag", "due_on": "uiterste antwoorddatum",
                  "backoffice_url": "link naar de vraag in de back office"},
))
JURY_ROUND_CANCELLED = candidate_event(
    "jury_round_cancelled", "Jurygesprek: gaat niet door, terug op de wachtlijst",
    "Je jobinterview voor {{ team }} gaat niet door",
    "De jobinterviews voor de vacature als {{ procedure_title }} in {{ team }} gaan niet door.\n\n{{ reason }}\n\n"
    "Je staat opnieuw op de wachtlijst tot en met {{ valid_until }}; voor een volgende vacature nodigen we je uit.",
    "Your job interview for {{ team }} will not take place",
    "The job interviews for the vacancy as {{ procedure_title }} in {{ team }} will not take place.\n\n{{ reason }}\n\n"
    "You are back on the waiting list until {{ valid_until }}; we will invite you for a next vacancy.",
    {"team": VACANCY["team"], "reason": "waarom de ronde niet doorgaat",
     "valid_until": "laatste geldige dag van de wachtlijst"},
)
