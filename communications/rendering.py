"""Mail templates use `{{ name }}` placeholders only: no tags, no filters, nothing HR could abuse.

Values are substituted in a single pass, so text a candidate typed is never parsed as a placeholder,
and in the HTML part every value is escaped and every name (a placeholder ending in `_name`) isolated in <bdi>.
"""

import re

from django.utils.html import escape, linebreaks
from django.utils.translation import gettext

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def template_errors(text, allowed):
    """The error messages for a template text, given the placeholder names it may use."""
    errors = []
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in allowed})
    if unknown:
        errors.append(gettext("Onbekende plaatshouder(s): %(names)s. Gebruik alleen de plaatshouders uit de lijst.")
                      % {"names": ", ".join(f"{{{{ {n} }}}}" for n in unknown)})
    if TEMPLATE_SYNTAX.search(PLACEHOLDER.sub("", text)):
        errors.append(gettext("Alleen plaatshouders van de vorm {{ naam }} zijn toegestaan; "
                              "andere accolades of {% ... %} kunnen niet."))
    return errors


def render_text(text, context):
    return PLACEHOLDER.sub(lambda m: str(context.get(m.group(1), "")), text)


def render_subject(text, context):
    # A subject is one line: CR/LF from any value would allow header injection.
    return " ".join(render_text(text, context).split())


def render_html(text, context):
    escaped_template = escape(text)
    body = PLACEHOLDER.sub(lambda m: _html_value(m.group(1), context), escaped_template)
    return linebreaks(body, autoescape=False)


def _html_value(name, context):
    value = escape(str(context.get(name, "")))
    # A name (candidate_name, juror_name, ...) keeps its own direction: an Arabic name cannot reorder the sentence.
    # The plain-text part cannot isolate (invisible characters confuse mail programs); names refuse overrides.
    return f"<bdi>{value}</bdi>" if name.endswith("_name") and value else value
