"""A person's name in running text is isolated (<bdi>): an old name that still holds a right-to-left override, or a
name in Arabic script, cannot reverse or reorder the words after it on HR's, jurors' and interviewers' pages.

The demo's people get such a name (written straight into the database, as a name typed before names were checked
would be); then every page of ours that shows them is read: each name sits in <bdi>, or alone in its element (a
cell, a heading), where nothing follows it to reverse. The browser's <title> and <option> cannot hold markup.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.urls import reverse

from candidates.models import Application, Candidate
from interviews.models import JuryMember
from kortrijk_ats.names import bdi
from procedures.models import Procedure, Vacancy
from tests.backoffice.test_no_none_shown import client_of, interviewer_pages, jury_pages, seed_the_demo

pytestmark = pytest.mark.django_db

RLO = "\u202e"
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "div", "label", "button", "caption",
          "legend", "summary", "figcaption", "section", "main", "body", "blockquote", "pre", "ol", "ul", "table",
          "tr", "form", "fieldset", "nav", "header", "footer", "article", "aside", "dl"}
NO_MARKUP = {"title", "option", "script", "style", "textarea"}
VOID = {"br", "img", "input", "meta", "link", "hr", "col", "area", "base", "embed", "source", "track", "wbr"}


class NamesInRunningText(HTMLParser):
    """The blocks in which one of the names sits next to other text without a <bdi> around it."""

    def __init__(self, names):
        super().__init__(convert_charrefs=True)
        self.names, self.stack, self.found = names, [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append({"tag": tag, "text": [], "bare": False})

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not any(frame["tag"] == tag for frame in self.stack):
            return
        while self.stack:
            frame = self.stack.pop()
            if frame["bare"]:
                text = " ".join("".join(frame["text"]).split())
                if text not in self.names:
                    self.found.append(text)
            if frame["tag"] == tag:
                break

    def handle_data(self, data):
        for frame in self.stack:
            frame["text"].append(data)
        tags = [frame["tag"] for frame in self.stack]
        if "bdi" in tags or NO_MARKUP & set(tags):
            return
        if any(name in data for name in self.names):
            block = next((frame for frame in reversed(self.stack) if frame["tag"] in BLOCKS), None)
            if block is not None:
                block["bare"] = True


def names_in_running_text(html, names):
    parser = NamesInRunningText(names)
    parser.feed(html)
    parser.close()
    return parser.found


def test_the_reader_finds_a_bare_name_in_a_sentence_but_not_alone_in_a_cell_or_isolated():
    html = ("<table><tr><td>Ann Aerts</td><td><a href=x>Ann Aerts</a></td></tr></table>"
            "<p>Van <bdi>Ann Aerts</bdi>: goed.</p><title>Ann Aerts – jury</title><p>Van Ann Aerts: goed.</p>")
    assert names_in_running_text(html, {"Ann Aerts"}) == ["Van Ann Aerts: goed."]
    assert bdi("<b>Ann</b>") == "<bdi>&lt;b&gt;Ann&lt;/b&gt;</bdi>" and bdi("") == "" and bdi(None) == ""


def our_back_office_pages():
    """The pages the project writes itself (Django's own admin chrome is Django's): applications, reports, vacancies."""
    yield reverse("admin:candidates_application_changelist")
    for pk in Application.objects.values_list("pk", flat=True):
        yield reverse("admin:candidates_application_change", args=[pk])
    for procedure in Procedure.objects.all():
        for name in ("dashboard", "waitlist", "reserve"):
            yield reverse(f"reports:{name}", args=[procedure.pk])
    for pk in Vacancy.objects.values_list("pk", flat=True):
        yield reverse("admin:procedures_vacancy_change", args=[pk])


def test_every_name_in_running_text_is_isolated_on_the_back_office_jury_and_interviewer_pages():
    seed_the_demo()
    Candidate.objects.update(last_name=Concat(F("last_name"), Value(RLO)))
    get_user_model().objects.filter(jury_memberships__isnull=False).update(last_name=Concat(F("last_name"),
                                                                                            Value(RLO)))
    names = {c.full_name for c in Candidate.objects.all()} | {m.display_name for m in
                                                              JuryMember.objects.select_related("user")}
    assert all(RLO in name for name in names) and len(names) > 10

    found, pages = {}, 0
    for username, urls in (("demo.hr", our_back_office_pages()), ("demo.jury.selectieteam", jury_pages()),
                           ("demo.interviewer", interviewer_pages())):
        client = client_of(username)
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue
            pages += 1
            if bare := names_in_running_text(response.content.decode(), names):
                found[url] = bare
    assert pages > 20
    assert found == {}
