"""Hostile text for property-based tests: markup, template syntax, CR/LF, bidi overrides, NUL and very long strings.

The strategies build strings from dangerous fragments mixed with ordinary text; the helpers state what "came out
escaped" means for each kind of output.
"""

import re
import unicodedata

from django.utils.html import escape
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# Each test builds its heavy objects once; the database fixture lives across the examples of one test.
# No explain phase: on a failure it re-runs the heavy examples many times to say which part mattered.
HOSTILE_SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
                            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])

SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
RLO = "\u202e"
FRAGMENTS = [
    SCRIPT, IMG, "</textarea><b>", '"><svg onload=alert(1)>', "' onmouseover='x", "&amp;", "&lt;", "<!--", "-->",
    "{{ portal_url }}", "{{ candidate_name }}", "{% debug %}", "{% load static %}", "{# x #}", "{{", "}}",
    "\r\n", "\n", "\r", "Bcc: evil@example.org", "\r\nBcc: evil@example.org\r\n", "\r\n\r\n<html>",
    RLO, "\u202d", "\u2066", "gpj.exe", ";", ":", ",", "\\", "\\n", "BEGIN:VEVENT", "\r\nATTENDEE:mailto:x@y.z",
    "=?utf-8?q?x?=", "ü€", "%PDF", "é",
]
# Ordinary words in Latin script (the PDF fonts have glyphs for them); the danger is in the fragments.
INVISIBLE = ("Cs", "Cc", "Cf", "Co", "Cn", "Mn", "Me")  # no glyph of their own: a PDF cannot show them
WORDS = st.text(alphabet=st.characters(max_codepoint=0x24F, exclude_categories=INVISIBLE), min_size=1, max_size=8)


def hostile_text(*, max_size=None, nul=False, long=True):
    """A string of dangerous fragments and ordinary words (sometimes padded to a very long one), never blank."""
    fragments = FRAGMENTS + (["\x00"] if nul else [])
    parts = st.lists(st.sampled_from(fragments) | WORDS, min_size=1, max_size=8)
    text = parts.map("".join)
    if long:
        text = st.one_of(text, st.tuples(text, st.integers(200, 5000)).map(lambda t: t[0] + "L" * t[1] + t[0]))
    text = text.map(lambda s: "X" + s)  # never blank after stripping, so a required field accepts it
    if max_size:
        text = text.map(lambda s: s[:max_size])
    return text


def hostile_line(*, max_size):
    """A hostile value for a one-line form field: what a form stores after stripping the ends."""
    return hostile_text(max_size=max_size).map(lambda s: s.strip()[:max_size] or "X")


def hostile_name(*, max_size):
    """A hostile name a form accepts: markup, template syntax and escapes, but nothing invisible (those are refused)."""
    return hostile_line(max_size=max_size).map(lambda s: "".join(c for c in s if not invisible(c)).strip() or "X")


def invisible(character):
    """A control or format character (Unicode Cc, Cf) or a line/paragraph separator: no glyph, it steers."""
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")


def visible_text(text):
    """The characters a reader sees, in order (NFC, without whitespace and invisible characters): what must survive."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace() and not invisible(c))


def assert_escaped_in_html(html, value):
    """The value appears escaped, and none of its markup appears live."""
    for line in re.split(r"\r\n|\r|\n", value):  # a page may turn line breaks into <br> or paragraphs
        assert escape(line.strip()) in html, f"{line!r} not shown escaped"
    assert_no_live_markup(html)


def assert_no_live_markup(html):
    for live in (SCRIPT, IMG, "</textarea><b>", "<svg onload", "' onmouseover='x"):
        assert live not in html, f"{live!r} live in the page"


def squeeze(text):
    return "".join(text.split())
