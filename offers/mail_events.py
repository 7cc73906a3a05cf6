"""The mails of the offer step. Wording here is the default until HR edits the template.

The offer mail is not held for release by default: a second HR user approved the offer before it could be sent,
and that approval is the release (HR may still switch holding on in the template). The candidate's answers are
confirmed at once (routine mails about their own action).
"""

from candidates.mail_events import PROCEDURE, candidate_event
from communications.events import MailEvent, register

OFFER = {
    "team": "team van de job",
    "workplace": "werkplek",
    "start_date": "startdatum, bv. 1 september 2026",
    "respond_by": "laatste dag om te antwoorden, bv. 12/06/2026",
    "offer_url": "link naar het jobaanbod in het portaal",
}
RESERVE = {"valid_until": "laatste geldige dag van de wervingsreserve (leeg als er geen is)"}
EXTRACT = {
    "extract_model": "vereist model van het uittreksel uit het strafregister",
    "extract_age_clause": "‘, niet ouder dan 3 maanden’ in de taal van de mail; leeg zolang HR bij de functie geen "
                          "termijn invulde",
    "extract_max_age": "hoe oud het uittreksel hoogstens mag zijn, bv. 3 maanden; leeg zolang HR bij de functie geen "
                       "termijn invulde",
}


OFFER_SENT = candidate_event(
    "offer_sent", "Jobaanbod verstuurd",
    "Proficiat, je hebt de job! Je jobaanbod als {{ procedure_title }}",
    "Proficiat, je hebt de job! We bieden je de functie {{ procedure_title }} aan in {{ team }} "
    "({{ workplace }}), vanaf {{ start_date }}.\n\nIn het portaal vind je het volledige aanbod: je uurrooster, je "
    "taken, je loonsimulatie en de aanbodsbrief als pdf:\n{{ offer_url }}\n\n"
    "Laat je ons ten laatste op {{ respond_by }} weten of je het aanbod aanvaardt? Dat doe je met één klik in het "
    "portaal.",
    "Congratulations, the job is yours! Your job offer as {{ procedure_title }}",
    "Congratulations, the job is yours! We offer you the position {{ procedure_title }} in {{ team }} "
    "({{ workplace }}), from {{ start_date }}.\n\nThe full offer is in the portal: your schedule, your tasks, your "
    "salary simulation and the offer letter as a PDF:\n{{ offer_url }}\n\n"
    "Please let us know by {{ respond_by }} whether you accept the offer. It takes one click in the portal.",
    OFFER,
)
OFFER_ACCEPTED = candidate_event(
    "offer_accepted", "Jobaanbod aanvaard (bevestiging)",
    "Je aanvaardde het jobaanbod als {{ procedure_title }}",
    "Fijn dat je het jobaanbod aanvaardt! Nog één stap voor je aanwerving definitief is: bezorg het selectieteam "
    "een uittreksel uit het strafregister, {{ extract_model }}{{ extract_age_clause }}. Je vraagt "
    "het aan bij je gemeente of via My e-Justice. We bekijken het en geven het je terug; we bewaren het niet.\n\n"
    "{{ offer_url }}",
    "You accepted the job offer as {{ procedure_title }}",
    "We are glad you accept the job offer! One step remains before your recruitment is final: bring the "
    "selection team an extract from the criminal record, {{ extract_model }}{{ extract_age_clause }}. "
    "You request it from your municipality or through My e-Justice. We look at it and give it back; we do not keep "
    "it.\n\n{{ offer_url }}",
    {**OFFER, **EXTRACT},
)
OFFER_DECLINED = candidate_event(
    "offer_declined", "Jobaanbod geweigerd (bevestiging)",
    "Je weigerde het jobaanbod als {{ procedure_title }}",
    "We ontvingen je antwoord: je aanvaardt het jobaanbod in {{ team }} niet. Jammer, maar bedankt om het ons "
    "te laten weten.\n\nJe blijft in de wervingsreserve tot en met {{ valid_until }}. Bij een volgende vacature in "
    "een ander team volgt enkel nog een matchgesprek.",
    "You declined the job offer as {{ procedure_title }}",
    "We received your answer: you do not accept the job offer in {{ team }}. A pity, but thank you for letting us "
    "know.\n\nYou remain in the recruitment reserve until {{ valid_until }}. For a next vacancy in another team "
    "only a matching conversation follows.",
    {**OFFER, **RESERVE},
)
OFFER_EXPIRED = candidate_event(
    "offer_expired", "Jobaanbod verlopen zonder antwoord",
    "Je jobaanbod als {{ procedure_title }} is verlopen",
    "We kregen tot en met {{ respond_by }} geen antwoord op het jobaanbod in {{ team }}. Het aanbod is daarom "
    "verlopen en gaat naar een andere kandidaat.\n\nJe blijft in de wervingsreserve tot en met {{ valid_until }}. "
    "Bij een volgende vacature in een ander team volgt enkel nog een matchgesprek.",
    "Your job offer as {{ procedure_title }} has expired",
    "We received no answer to the job offer in {{ team }} by {{ respond_by }}. The offer has therefore expired "
    "and goes to another candidate.\n\nYou remain in the recruitment reserve until {{ valid_until }}. For a next "
    "vacancy in another team only a matching conversation follows.",
    {**OFFER, **RESERVE},
)

# To HR (the offer's maker and approver), not to the candidate.
OFFER_ANSWERED_HR = register(MailEvent(
    key="offer_answered_hr", label="Antwoord op een jobaanbod (aan HR)",
    subject={"nl": "Jobaanbod {{ candidate_name }}: {{ outcome }}",
             "en": "Job offer {{ candidate_name }}: {{ outcome }}"},
    body={"nl": "Het jobaanbod aan {{ candidate_name }} voor {{ procedure_title }} in {{ team }}: {{ outcome }}."
                "\n\n{{ next_step }}\n\n{{ backoffice_url }}",
          "en": "The job offer to {{ candidate_name }} for {{ procedure_title }} in {{ team }}: {{ outcome }}."
                "\n\n{{ next_step }}\n\n{{ backoffice_url }}"},
    placeholders={**PROCEDURE, "team": "team van de job", "outcome": "aanvaard, geweigerd of verlopen",
                  "next_step": "wat HR nu kan doen (volgende geslaagde kandidaat of de wervingsreserve)",
                  "backoffice_url": "link naar het jobaanbod in de back office"},
))
