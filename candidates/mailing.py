"""A mail to the candidate about one of their applications."""

from communications.outbox import queue_mail


def mail_candidate(application, event, *, calendar="", hold=None, **context):
    """Queue the event's mail to the application's candidate, in their language, filed with the application. Their
    name and the procedure's title are filled in; `context` holds the event's own placeholders."""
    candidate = application.candidate
    return queue_mail(
        event.key, to=candidate.email, language=candidate.language, related=application, calendar=calendar,
        hold=hold,
        context={"candidate_name": candidate.full_name, "procedure_title": application.procedure.title, **context},
    )
