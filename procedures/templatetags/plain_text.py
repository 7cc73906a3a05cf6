"""The plain-text convention of the vacancy texts, rendered as HTML: what HR types (and the seed stores) becomes
paragraphs and real lists, and every character of it is escaped.

- A blank line starts a new paragraph; a single line break inside a paragraph stays a line break.
- A line starting with "- " (or "• ", "* ") is a list item; the same marker indented by two spaces or a tab is a
  sub-item of the item above it (an indented item with no item above it is an ordinary item).
- A line starting with a number and ". " ("1. ") is an item of a numbered list.
- Items of the same kind separated only by blank lines stay one list.
- A bare web address (http:// or https://) or e-mail address becomes a link.

Usage: {% load plain_text %}{{ procedure.offer|plain_text }}
"""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

BULLET = re.compile(r"(?P<indent>[ \t]*)[-•*][ \t]+(?P<text>\S.*)")
NUMBERED = re.compile(r"[ \t]*(?P<number>\d{1,3})\.[ \t]+(?P<text>\S.*)")
LINKABLE = re.compile(r"https?://[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Punctuation that ends a sentence after an address rather than belonging to it.
TRAILING = ".,;:!?'\"’”…"


@register.filter
def plain_text(text):
    """The text as escaped HTML paragraphs and lists (see the module docstring)."""
    return render_plain_text(text)


def render_plain_text(text):
    if not text:
        return ""
    # Every piece of the text passes escape() or format_html() in _linked; the tags around them are our own.
    return mark_safe("\n".join(_render_block(block) for block in _blocks(str(text))))  # noqa: S308  # nosec B308 B703


def _blocks(text):
    """[("p", [line, ...]) or ("ul"/"ol", [item, ...])], an item being {"text", "number", "children"}."""
    blocks, after_blank = [], False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            after_blank = True
            continue
        last = blocks[-1] if blocks else None
        bullet, numbered = BULLET.fullmatch(line), NUMBERED.fullmatch(line)
        if bullet and _indented(bullet["indent"]) and last and last[0] in ("ul", "ol"):
            last[1][-1]["children"].append(bullet["text"].strip())
        elif bullet or numbered:
            kind = "ul" if bullet else "ol"
            item = {"text": (bullet or numbered)["text"].strip(), "children": [],
                    "number": int(numbered["number"]) if numbered else None}
            if last and last[0] == kind:
                last[1].append(item)
            else:
                blocks.append((kind, [item]))
        elif last and last[0] == "p" and not after_blank:
            last[1].append(line.strip())
        else:
            blocks.append(("p", [line.strip()]))
        after_blank = False
    return blocks


def _indented(indent):
    return len(indent.expandtabs(4)) >= 2


def _render_block(block):
    kind, content = block
    if kind == "p":
        return "<p>" + "<br>".join(_linked(line) for line in content) + "</p>"
    start = content[0]["number"]
    opening = f'<ol start="{start}">' if kind == "ol" and start != 1 else f"<{kind}>"
    items = "".join(_render_item(item) for item in content)
    return f"{opening}{items}</{kind}>"


def _render_item(item):
    children = "".join(f"<li>{_linked(child)}</li>" for child in item["children"])
    return f"<li>{_linked(item['text'])}{f'<ul>{children}</ul>' if children else ''}</li>"


def _linked(text):
    """Escaped text with its bare web and e-mail addresses as links."""
    parts, done = [], 0
    for match in LINKABLE.finditer(text):
        address = _without_trailing_punctuation(match.group())
        if address.endswith("://"):
            continue  # a scheme with nothing after it is no address
        parts.append(escape(text[done:match.start()]))
        href = address if "://" in address else f"mailto:{address}"
        parts.append(format_html('<a href="{}">{}</a>', href, address))
        done = match.start() + len(address)
    parts.append(escape(text[done:]))
    return "".join(parts)


def _without_trailing_punctuation(address):
    while address:
        unbalanced_bracket = address[-1] == ")" and address.count(")") > address.count("(")
        if address[-1] not in TRAILING and not unbalanced_bracket:
            break
        address = address[:-1]
    return address
