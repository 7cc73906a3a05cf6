"""The werkbank, HR's home in the back office: per procedure each kind of pending work with its count and the link to
exactly that list. The count and the list's rows come from one definition (workbench.kinds), checked for every kind
on a world with every kind, on the demo data and on 1,000 applications; the page's queries do not grow with them."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.stages import Stage
from communications.models import Mail
from procedures import seed_data
from procedures.models import Procedure
from tests.auth import login_staff
from tests.factories import ApplicationFactory, ProcedureFactory, hr_user, staff_user
from tests.workbench.worlds import Many, every_kind, mail_about, walk
from workbench.board import build_board
from workbench.kinds import KINDS, NO_PROCEDURE, get_kind

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def listed(client, url):
    """The linked list's own count, the rows of its first page, and the response."""
    response = client.get(url)
    assert response.status_code == 200, url
    changelist = response.context["cl"]
    return changelist.result_count, {row.pk for row in changelist.result_list}, response


def check_every_link(client, board):
    """Every count of the werkbank is the number of rows of the list it links to, and those rows are its items."""
    seen = set()
    for section in board.sections:
        group = section.procedure.pk if section.procedure else NO_PROCEDURE
        for item in section.pending:
            count, rows, response = listed(client, item.url)
            assert count == item.count, (item.kind.key, group, count, item.count)
            expected = set(item.kind.items(now=board.now, procedure=group).values_list("pk", flat=True))
            if count <= response.context["cl"].list_per_page:
                assert rows == expected, item.kind.key
            else:  # a first page of them
                assert rows < expected, item.kind.key
            seen.add(item.kind.key)
    return seen


def test_every_kind_counts_what_its_list_shows(hr_client, procedure):
    every_kind(procedure)
    elsewhere = ProcedureFactory(title="Jeugdwerker", status=Procedure.Status.CLOSED)
    ApplicationFactory(procedure=elsewhere)
    board = build_board()
    assert check_every_link(hr_client, board) == {kind.key for kind in KINDS}
    sections = {section.procedure.title if section.procedure else None: section for section in board.sections}
    # The closed procedure still has a screening waiting; the erasure and one failed mail belong to no procedure.
    assert [(item.kind.key, item.count) for item in sections["Jeugdwerker"].pending] == [("te-screenen", 1)]
    assert {(item.kind.key, item.count) for item in sections[None].pending} == {("wissen", 1), ("mails-mislukt", 1)}
    counts = {item.kind.key: item.count for item in sections[procedure.title].pending}
    assert counts == {
        "te-screenen": 1, "zonder-intakemoment": 1, "intake-te-beoordelen": 1, "mails-vrij-te-geven": 1,
        "jury-onvolledig": 1, "pv-goed-te-keuren": 1, "aanbod-goed-te-keuren": 1, "aanbod-verloopt": 1,
        "feedback-open": 1, "plaats-vervalt": 1, "mails-mislukt": 1}


def test_the_home_page_is_the_werkbank_with_every_table_under_all_data(hr_client, procedure):
    world = every_kind(procedure)
    html = hr_client.get(INDEX).content.decode()
    section = html[html.index(f'id="werkbank-{procedure.pk}"'):]
    section = section[:section.index("</section>")]
    assert f"Werkbank: {procedure.title}" in section
    link = get_kind("te-screenen").list_url(procedure.pk)
    assert f'href="{link.replace("&", "&amp;")}"' in section
    assert re.search(r"Kandidaturen te screenen</a></th>\s*<td[^>]*>1</td>", section)
    assert reverse("workbench:pipeline", args=[procedure.pk]) in section
    # The feedback request's first deadline and the screening's age are shown, not only the counts.
    assert "te beantwoorden tegen" in section and "wacht al" in section
    all_data = html[html.index('id="alle-gegevens"'):]
    for label in ("Kandidaturen", "Kandidaten", "Procedures", "Functies", "Outbox", "Juryrondes"):
        assert label in all_data, label
    # Work that is handled leaves the werkbank.
    walk(world.screening, Stage.ELIGIBLE, by=world.hr)
    html = hr_client.get(INDEX).content.decode()
    assert "Kandidaturen te screenen" not in html.split('id="alle-gegevens"')[0]


def test_a_list_emptied_meanwhile_says_so_kindly(hr_client, procedure):
    world = every_kind(procedure)
    url = get_kind("te-screenen").list_url(procedure.pk)
    walk(world.screening, Stage.ELIGIBLE, by=world.hr)  # a colleague screened it since the werkbank was drawn
    count, rows, response = listed(hr_client, url)
    assert (count, rows) == (0, set())
    notes = [str(message) for message in response.context["messages"]]
    assert any("Niets meer te doen bij ‘Kandidaturen te screenen’" in note and "intussen" in note for note in notes)
    assert f'href="{INDEX}"' in response.content.decode().split('class="messagelist"')[1].split("</ul>")[0]


@pytest.mark.parametrize("query", ["werk=bestaat-niet", "werk=te-screenen&werk_procedure=abc",
                                   "werk=pv-goed-te-keuren"])
def test_a_broken_werkbank_link_shows_nothing_and_says_why(hr_client, procedure, query):
    every_kind(procedure)
    response = hr_client.get(reverse("admin:candidates_application_changelist") + "?" + query)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert any("klopt niet" in str(message) for message in response.context["messages"])


def test_releasing_mails_releases_only_the_checked_ones(hr_client, procedure):
    applications = [walk(ApplicationFactory(procedure=procedure), Stage.NOT_ELIGIBLE, reason="Geen diploma.")
                    for _ in range(3)]
    other = ProcedureFactory(title="Jeugdwerker")
    stranger = mail_about(ApplicationFactory(procedure=other), state=Mail.State.DRAFT)
    drafts = list(Mail.objects.filter(state=Mail.State.DRAFT, object_id__in=[a.pk for a in applications])
                  .order_by("pk"))
    assert len(drafts) == 3
    url = get_kind("mails-vrij-te-geven").list_url(procedure.pk)
    count, rows, _response = listed(hr_client, url)
    assert (count, rows) == (3, {mail.pk for mail in drafts})

    # Nothing checked: nothing leaves.
    response = hr_client.post(url, {"action": "release_drafts", "index": 0})
    assert response.status_code == 302
    assert Mail.objects.filter(state=Mail.State.DRAFT).count() == 4
    # Two checked, plus a mail of another procedure slipped into the form: only the two checked of this list leave.
    chosen = [drafts[0].pk, drafts[2].pk, stranger.pk]
    confirm = hr_client.post(url, {"action": "release_drafts", "index": 0, "_selected_action": chosen})
    assert confirm.status_code == 200 and confirm.context["total"] == 2
    hr_client.post(url, {"action": "release_drafts", "_selected_action": chosen, "confirm": "yes",
                         "select_across": "0"})
    states = dict(Mail.objects.filter(pk__in=[m.pk for m in drafts] + [stranger.pk]).values_list("pk", "state"))
    assert states == {drafts[0].pk: Mail.State.QUEUED, drafts[1].pk: Mail.State.DRAFT,
                      drafts[2].pk: Mail.State.QUEUED, stranger.pk: Mail.State.DRAFT}
    assert listed(hr_client, url)[0] == 1


def test_only_hr_opens_the_werkbank(client, procedure):
    interviewer = staff_user("Interviewer", username="ivo")
    login_staff(client, interviewer)
    assert client.get(INDEX)["Location"].startswith("/admin/login/")
    assert client.get(reverse("workbench:pipeline", args=[procedure.pk]))["Location"].startswith("/admin/login/")


def test_with_the_demo_data_every_count_is_its_list(client):
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    login_staff(client, hr_user(username="hr-demo-test"))
    board = build_board()
    check_every_link(client, board)
    mw = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    counts = {item.kind.key: item.count for section in board.sections if section.procedure == mw
              for item in section.pending}
    # The demo's people: Lotte waits for screening, Amira chose no slot, and the outcome mails of Bram (not
    # eligible), Wout (intake failed) and Sara (reserve) wait for HR's release. Its jury round has all three jurors.
    assert counts["te-screenen"] == 1
    assert counts["zonder-intakemoment"] == 1
    assert counts["mails-vrij-te-geven"] == 3
    assert "jury-onvolledig" not in counts
    html = client.get(INDEX).content.decode()
    assert "Werkbank: Maatschappelijk werker (B1-B3)" in html
    assert "Werkbank: Administratief medewerker (C1-C3)" in html


def test_with_1000_applications_counts_hold_and_the_page_costs_the_same_queries(client, procedure, people):
    login_staff(client, hr_user(username="hr-veel"))
    world = Many(procedure, people=people)
    world.add(10)
    client.get(INDEX)  # warm up: content types, session
    with CaptureQueriesContext(connection) as at_10:
        assert client.get(INDEX).status_code == 200
    world.add(990)
    with CaptureQueriesContext(connection) as at_1000:
        html = client.get(INDEX).content.decode()
    assert len(at_1000) == len(at_10), (len(at_10), len(at_1000))
    board = build_board()
    counts = {item.kind.key: item.count for item in board.sections[0].pending}
    assert counts["te-screenen"] == 200
    assert counts["zonder-intakemoment"] == 100
    assert counts["intake-te-beoordelen"] == 50
    assert "Kandidaturen te screenen" in html
    check_every_link(client, board)
