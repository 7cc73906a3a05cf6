"""Keyset pages of the applications list: walking "ouder" from the newest (or "nieuwer" from the oldest) shows
every application once, in the list's order, also when many were submitted at the same instant; each page costs
the same queries; search, filters and another sort order keep working."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.admin import ApplicationAdmin
from candidates.models import Application
from candidates.stages import Stage
from tests.factories import ApplicationFactory, CandidateFactory

LIST_URL = reverse("admin:candidates_application_changelist")
PER_PAGE = 3


@pytest.fixture
def eleven(procedure, monkeypatch):
    """Eleven applications: five submitted at one instant (ties broken by id), the rest a day apart."""
    monkeypatch.setattr(ApplicationAdmin, "list_per_page", PER_PAGE)
    now = timezone.now()
    stamps = [now] * 5 + [now - timedelta(days=d) for d in range(1, 7)]
    return [ApplicationFactory(procedure=procedure, submitted_at=stamp, candidate=CandidateFactory(
        last_name=f"Peeters{i}", email=f"kandidaat{i}@example.org")) for i, stamp in enumerate(stamps)]


def rows(html):
    return [int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', html)]


def link(html, rel):
    found = re.search(rf'<a href="([^"]+)" rel="{rel}"', html)
    return found and LIST_URL + unescape(found.group(1))


def walk(client, url, rel):
    pages, seen = [], set()
    while url:
        assert url not in seen, "a page links back to itself"
        seen.add(url)
        html = client.get(url).content.decode()
        pages.append(rows(html))
        url = link(html, rel)
    return pages


def in_list_order(queryset):
    return list(queryset.order_by("-submitted_at", "-pk").values_list("pk", flat=True))


@pytest.mark.django_db
def test_older_links_walk_every_application_once_in_order(hr_client, eleven):
    pages = walk(hr_client, LIST_URL, "next")
    assert [len(page) for page in pages] == [3, 3, 3, 2]
    assert [pk for page in pages for pk in page] == in_list_order(Application.objects)


@pytest.mark.django_db
def test_the_oldest_page_and_newer_links_walk_back_to_the_newest(hr_client, eleven):
    pages = walk(hr_client, f"{LIST_URL}?nl=1", "prev")
    assert [pk for page in reversed(pages) for pk in page] == in_list_order(Application.objects)
    assert len(pages[0]) == PER_PAGE  # the oldest page is full; the newest takes the remainder
    assert pages[0] == in_list_order(Application.objects)[-PER_PAGE:]


@pytest.mark.django_db
def test_every_page_costs_the_same_queries(hr_client, eleven):
    counts = []
    for url in (LIST_URL, link(hr_client.get(LIST_URL).content.decode(), "next"), f"{LIST_URL}?nl=1"):
        with CaptureQueriesContext(connection) as captured:
            assert hr_client.get(url).status_code == 200
        counts.append(len(captured))
        assert not any(" OFFSET " in query["sql"] for query in captured.captured_queries)
    assert len(set(counts)) == 1


@pytest.mark.django_db
def test_search_and_filter_stay_on_the_pages(hr_client, hr, eleven):
    from candidates.transitions import change_stages

    change_stages(eleven[:7], to=Stage.ELIGIBLE, by=hr)
    pages = walk(hr_client, f"{LIST_URL}?stage__exact=eligible&q=peeters", "next")
    assert [pk for page in pages for pk in page] == in_list_order(Application.objects.filter(stage=Stage.ELIGIBLE))
    html = hr_client.get(f"{LIST_URL}?stage__exact=eligible").content.decode()
    assert "stage__exact=eligible" in link(html, "next")
    assert "7 kandidaturen" in html


@pytest.mark.django_db
def test_a_key_that_is_not_ours_shows_the_newest_page(hr_client, eleven):
    response = hr_client.get(f"{LIST_URL}?na=gisteren_x")
    assert response.status_code == 200
    assert rows(response.content.decode()) == in_list_order(Application.objects)[:PER_PAGE]


@pytest.mark.django_db
def test_another_order_and_old_page_numbers_keep_numbered_pages(hr_client, eleven):
    by_email = hr_client.get(f"{LIST_URL}?o=2").content.decode()  # column 2: e-mailadres
    assert rows(by_email) == list(Application.objects.order_by("candidate__email", "-submitted_at", "-pk")
                                  .values_list("pk", flat=True))[:PER_PAGE]
    page_two = hr_client.get(f"{LIST_URL}?p=2").content.decode()
    assert rows(page_two) == in_list_order(Application.objects)[PER_PAGE:2 * PER_PAGE]

