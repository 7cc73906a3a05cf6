"""HR's mail templates: one row per registered event, and an example rendering for the editor."""

from django.conf import settings

from communications.events import all_events, get_event
from communications.models import MailTemplate
from communications.rendering import render_html, render_subject, render_text

# Example values for the preview; any other placeholder shows its description.
EXAMPLE_VALUES = {
    "candidate_name": "Sam Voorbeeld",
    "procedure_title": "Maatschappelijk werker (B1-B3)",
}


def sync_mail_templates():
    """Create a template with the registered default wording for every event that has none (idempotent).

    Existing templates are never touched: they hold HR's own wording. Returns the number created.
    """
    existing = set(MailTemplate.objects.values_list("event", flat=True))
    missing = [
        MailTemplate(event=event.key, subject_nl=event.subject["nl"], body_nl=event.body["nl"],
                     subject_en=event.subject["en"], body_en=event.body["en"],
                     held_for_release=event.held_for_release)
        for event in all_events() if event.key not in existing
    ]
    # ignore_conflicts: two seed runs at once create each template once (event is unique).
    return len(MailTemplate.objects.bulk_create(missing, ignore_conflicts=True))


def example_context(event_key):
    """Example values for every placeholder the event allows."""
    context = {name: f"[{description}]" for name, description in get_event(event_key).allowed_placeholders.items()}
    context.update({k: v for k, v in EXAMPLE_VALUES.items() if k in context})
    context["portal_url"] = f"{settings.SITE_URL}/mijn-kandidaturen/"
    return context


def render_example(template, language):
    """(subject, text, html) of the template filled with example values."""
    subject, body = template.wording(language)
    context = example_context(template.event)
    return render_subject(subject, context), render_text(body, context), render_html(body, context)
