"""Every page template stays within the Content-Security-Policy: no inline style, script or event handler.

Templates rendered only into PDFs by WeasyPrint (never served as a page) may carry their own <style>.
"""

import re
from pathlib import Path

from django.conf import settings

PDF_ONLY = {"offers/letter.html", "reports/procedure_report_pdf.html"}
FORBIDDEN = {
    "inline <style>": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"<[^>]+\sstyle=", re.IGNORECASE),
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE),
    "event handler attribute": re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE),
}


TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.DOTALL)


def page_templates():
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        name = path.relative_to(root).as_posix()
        if name not in PDF_ONLY:
            # Comments are never rendered; a comment may well speak of "<script src>".
            yield name, TEMPLATE_COMMENT.sub("", path.read_text())


def test_no_page_template_needs_unsafe_inline():
    found = [f"{name}: {what}" for name, text in page_templates()
             for what, pattern in FORBIDDEN.items() if pattern.search(text)]
    assert found == []


def test_the_scan_sees_the_templates_and_catches_a_planted_style():
    names = dict(page_templates())
    assert "base.html" in names and "reports/dashboard.html" in names
    assert FORBIDDEN["style attribute"].search('<div class="x" style="color:red">')
    assert FORBIDDEN["inline <style>"].search("<style>.x{}</style>")
    assert not TEMPLATE_COMMENT.sub("", "{# <style> #}").strip()
