"""The mails of the intake booking. Wording here is the default until HR edits the template."""

from candidates.mail_events import candidate_event

SLOT = {
    "slot_day": "dag van het gesprek, bv. dinsdag 20 januari 2026",
    "slot_time": "uur van het gesprek, bv. 09:00–09:20",
    "join_url": "link om deel te nemen aan het online gesprek",
    "booking_url": "link naar de pagina om te boeken, te verplaatsen of te annuleren",
    "change_deadline": "tijdstip tot wanneer verplaatsen of annuleren kan",
}


BOOKING_CONFIRMED = candidate_event(
    "intake_booking_confirmed", "Kennismakingsinterview: boeking bevestigd",
    "Je kennismakingsinterview op {{ slot_day }} om {{ slot_time }}",
    "Je kennismakingsinterview voor {{ procedure_title }} is geboekt op {{ slot_day }}, {{ slot_time }}. "
    "Het gesprek duurt 20 minuten en verloopt via Microsoft Teams.\n\nDeelnemen: {{ join_url }}\n\n"
    "De agenda-uitnodiging zit in bijlage. Tot {{ change_deadline }} kan je het moment verplaatsen of annuleren "
    "op {{ booking_url }}",
    "Your intake interview on {{ slot_day }} at {{ slot_time }}",
    "Your intake interview for {{ procedure_title }} is booked on {{ slot_day }}, {{ slot_time }}. "
    "It takes 20 minutes on Microsoft Teams.\n\nJoin: {{ join_url }}\n\n"
    "The calendar invitation is attached. Until {{ change_deadline }} you can move or cancel it at {{ booking_url }}",
    SLOT,
)
BOOKING_MOVED = candidate_event(
    "intake_booking_moved", "Kennismakingsinterview: boeking verplaatst",
    "Je kennismakingsinterview is verplaatst naar {{ slot_day }} om {{ slot_time }}",
    "Je kennismakingsinterview voor {{ procedure_title }} is verplaatst naar {{ slot_day }}, {{ slot_time }}."
    "\n\nDeelnemen: {{ join_url }}\n\nDe bijgewerkte agenda-uitnodiging zit in bijlage. Tot {{ change_deadline }} "
    "kan je nog verplaatsen of annuleren op {{ booking_url }}",
    "Your intake interview has moved to {{ slot_day }} at {{ slot_time }}",
    "Your intake interview for {{ procedure_title }} has moved to {{ slot_day }}, {{ slot_time }}.\n\n"
    "Join: {{ join_url }}\n\nThe updated calendar invitation is attached. Until {{ change_deadline }} you can "
    "still move or cancel it at {{ booking_url }}",
    SLOT,
)
BOOKING_CANCELLED = candidate_event(
    "intake_booking_cancelled", "Kennismakingsinterview: boeking geannuleerd",
    "Je kennismakingsinterview op {{ slot_day }} is geannuleerd",
    "Je kennismakingsinterview voor {{ procedure_title }} op {{ slot_day }}, {{ slot_time }} is geannuleerd. "
    "Kies een nieuw moment op {{ booking_url }}",
    "Your intake interview on {{ slot_day }} has been cancelled",
    "Your intake interview for {{ procedure_title }} on {{ slot_day }}, {{ slot_time }} has been cancelled. "
    "Choose a new time at {{ booking_url }}",
    SLOT,
)
BOOKING_REMINDER = candidate_event(
    "intake_booking_reminder", "Kennismakingsinterview: herinnering (24 uur vooraf)",
    "Herinnering: je kennismakingsinterview op {{ slot_day }} om {{ slot_time }}",
    "Morgen is je online kennismakingsinterview voor {{ procedure_title }}: {{ slot_day }}, {{ slot_time }}."
    "\n\nDeelnemen via Microsoft Teams: {{ join_url }}\n\nJe boeking bekijken: {{ booking_url }}",
    "Reminder: your intake interview on {{ slot_day }} at {{ slot_time }}",
    "Your online intake interview for {{ procedure_title }} is tomorrow: {{ slot_day }}, {{ slot_time }}.\n\n"
    "Join on Microsoft Teams: {{ join_url }}\n\nSee your booking: {{ booking_url }}",
    SLOT,
)
UNBOOKED_REMINDER = candidate_event(
    "intake_unbooked_reminder", "Kennismakingsinterview: herinnering om een moment te kiezen",
    "Kies nog een moment voor je kennismakingsinterview ({{ procedure_title }})",
    "Je hebt nog geen moment gekozen voor je online kennismakingsinterview voor {{ procedure_title }}. "
    "Het laatste intakemoment is op {{ last_session_day }}. Kies een vrij moment op {{ booking_url }}",
    "Choose a time for your intake interview ({{ procedure_title }})",
    "You have not yet chosen a time for your online intake interview for {{ procedure_title }}. The last intake "
    "day is {{ last_session_day }}. Choose a free time at {{ booking_url }}",
    {"booking_url": SLOT["booking_url"], "last_session_day": "dag van het laatste intakemoment"},
)
NO_SHOW_REINVITATION = candidate_event(
    "intake_no_show_reinvitation", "Kennismakingsinterview: niet aanwezig, nieuwe kans",
    "We hebben je gemist op je kennismakingsinterview ({{ procedure_title }})",
    "We hebben je gemist op je online kennismakingsinterview van {{ slot_day }}, {{ slot_time }}. Je krijgt één "
    "nieuwe kans: kies een nieuw moment op {{ booking_url }}\n\nBen je er opnieuw niet, dan kan je niet verder "
    "in deze selectieprocedure.",
    "We missed you at your intake interview ({{ procedure_title }})",
    "We missed you at your online intake interview of {{ slot_day }}, {{ slot_time }}. You get one more chance: "
    "choose a new time at {{ booking_url }}\n\nIf you miss it again, you cannot continue in this selection procedure.",
    SLOT,
)
