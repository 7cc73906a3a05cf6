"""The plain-text convention of the vacancy texts as HTML: paragraphs, lists, sub-lists, numbered lists and links,
everything else escaped, also for what HR types."""

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString, mark_safe

from procedures.templatetags.plain_text import render_plain_text


def test_blank_lines_make_paragraphs_and_a_single_break_stays_a_break():
    assert render_plain_text("Eerste alinea\nnog een regel.\n\nTweede alinea.") == (
        "<p>Eerste alinea<br>nog een regel.</p>\n<p>Tweede alinea.</p>")


def test_dash_items_make_a_list_and_indented_items_a_sub_list():
    text = "Wat bieden we?\n- Maaltijdcheques.\n- Een fietsvergoeding:\n  - per km\n  - openbaar vervoer\n- Telewerk."
    assert render_plain_text(text) == (
        "<p>Wat bieden we?</p>\n<ul><li>Maaltijdcheques.</li><li>Een fietsvergoeding:<ul><li>per km</li>"
        "<li>openbaar vervoer</li></ul></li><li>Telewerk.</li></ul>")


@pytest.mark.parametrize("marker", ["- ", "• ", "* ", "-\t"])
def test_the_usual_bullets_typed_or_pasted_all_make_items(marker):
    assert render_plain_text(f"{marker}een\n{marker}twee") == "<ul><li>een</li><li>twee</li></ul>"


def test_a_tab_indents_a_sub_item_too():
    assert render_plain_text("- een\n\t- sub") == "<ul><li>een<ul><li>sub</li></ul></li></ul>"


def test_numbered_items_make_an_ordered_list_that_keeps_its_first_number():
    assert render_plain_text("1. Screening\n2. Interview") == "<ol><li>Screening</li><li>Interview</li></ol>"
    assert render_plain_text("3. Jury\n4. Aanbod") == '<ol start="3"><li>Jury</li><li>Aanbod</li></ol>'


def test_items_split_by_blank_lines_stay_one_list_but_text_between_them_splits_it():
    assert render_plain_text("- een\n\n- twee\n\n  - sub") == (
        "<ul><li>een</li><li>twee<ul><li>sub</li></ul></li></ul>")
    assert render_plain_text("- een\n\nTussentekst\n\n- twee") == (
        "<ul><li>een</li></ul>\n<p>Tussentekst</p>\n<ul><li>twee</li></ul>")
    assert render_plain_text("1. een\n- los") == "<ol><li>een</li></ol>\n<ul><li>los</li></ul>"
    assert render_plain_text("1. een\n  - sub") == "<ol><li>een<ul><li>sub</li></ul></li></ol>"


def test_an_indented_item_with_no_item_above_it_is_an_ordinary_item():
    assert render_plain_text("Tekst\n  - eerste") == "<p>Tekst</p>\n<ul><li>eerste</li></ul>"


def test_a_line_after_a_list_without_a_blank_line_is_a_paragraph_again():
    assert render_plain_text("- een\nGewone zin.") == "<ul><li>een</li></ul>\n<p>Gewone zin.</p>"


def test_a_dash_inside_a_sentence_or_a_number_in_a_word_is_no_list():
    text = "B1-B3 - een contract. 2026 is een jaar.\n18 jaar - privé."
    assert render_plain_text(text) == "<p>B1-B3 - een contract. 2026 is een jaar.<br>18 jaar - privé.</p>"


def test_bare_addresses_become_links_without_the_punctuation_after_them():
    assert render_plain_text("Zie https://www.kortrijk.be/missie-en-waarden.") == (
        '<p>Zie <a href="https://www.kortrijk.be/missie-en-waarden">https://www.kortrijk.be/missie-en-waarden</a>.</p>')
    # Django's urlize drops the full stop after ")" here; this renderer keeps every character.
    assert render_plain_text("- GSD-V (https://www.gsd-v.be/).") == (
        '<ul><li>GSD-V (<a href="https://www.gsd-v.be/">https://www.gsd-v.be/</a>).</li></ul>')
    assert render_plain_text("Wiki (https://nl.wikipedia.org/wiki/Kortrijk_(stad)), ja") == (
        '<p>Wiki (<a href="https://nl.wikipedia.org/wiki/Kortrijk_(stad)">'
        "https://nl.wikipedia.org/wiki/Kortrijk_(stad)</a>), ja</p>")
    assert render_plain_text("Mail vacatures@kortrijk.be of bel.") == (
        '<p>Mail <a href="mailto:vacatures@kortrijk.be">vacatures@kortrijk.be</a> of bel.</p>')


def test_only_web_and_mail_addresses_are_linked():
    for text in ["javascript:alert(1)", "ftp://example.org/x", "www.kortrijk.be", "https://", "data:text/html,x"]:
        assert "<a " not in render_plain_text(text), text


def test_everything_else_is_escaped_also_inside_links_and_items():
    attack = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    html = render_plain_text(f"{attack}\n- {attack}\n  - {attack}\nhttps://x.be/?a=1&b=\"><script>")
    assert "<script>" not in html and "<img" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;") == 3
    assert '<a href="https://x.be/?a=1&amp;b=">https://x.be/?a=1&amp;b=</a>&quot;&gt;&lt;script&gt;' in html


def test_text_marked_safe_elsewhere_is_escaped_all_the_same():
    assert render_plain_text(mark_safe("<b>vet</b>")) == "<p>&lt;b&gt;vet&lt;/b&gt;</p>"


def test_windows_line_ends_and_empty_text():
    assert render_plain_text("een\r\n\r\n- twee\r\n  - drie") == (
        "<p>een</p>\n<ul><li>twee<ul><li>drie</li></ul></li></ul>")
    for empty in ("", None, "  \n \n"):
        assert render_plain_text(empty) == ""


def test_the_filter_renders_in_a_template_without_double_escaping():
    html = Template("{% load plain_text %}{{ text|plain_text }}").render(Context({"text": "Tom & Jerry\n- één"}))
    assert html == "<p>Tom &amp; Jerry</p>\n<ul><li>één</li></ul>"
    assert isinstance(render_plain_text("x"), SafeString)
