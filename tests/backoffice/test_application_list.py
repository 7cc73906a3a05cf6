"""The applications list: each filter, search, and a query count that does not grow with the rows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.stages import Stage
from procedures.models import Diploma
from tests.auth import login_staff
from tests.backoffice.conftest import walk
from tests.factories import ApplicationFactory, CandidateFactory, DiplomaFactory, ProcedureFactory

LIST_URL = reverse("admin:candidates_application_changelist")

S = Stage


@pytest.fixture
def cast(hr):
    """Two procedures of two functions, applications in several stages and with several kinds of diploma."""
    proc_a, proc_b = ProcedureFactory(title="Maatschappelijk werker"), ProcedureFactory(title="Jeugdwerker")
    social_work = DiplomaFactory(procedure=proc_a, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    old = DiplomaFactory(procedure=proc_a, name="Gegradueerde maatschappelijk assistent", kind=Diploma.Kind.OLD)
    foreign = DiplomaFactory(procedure=proc_b, name="Buitenlands diploma", kind=Diploma.Kind.FOREIGN)
    social_work_b = DiplomaFactory(procedure=proc_b, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)

    def make(first, last, procedure, diploma, *stages):
        candidate = CandidateFactory(first_name=first, last_name=last, email=f"{first.lower()}@example.org")
        return walk(ApplicationFactory(candidate=candidate, procedure=procedure, diploma=diploma), *stages, by=hr)

    return {
        "screening": make("Anna", "Claeys", proc_a, social_work),
        "waitlist": make("Bart", "Desmet", proc_a, old, S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST),
        "banned": make("Chloe", "Maes", proc_a, social_work, S.ELIGIBLE, S.INTAKE_INVITED, S.INTAKE_FAILED),
        "reserve": make("Dries", "Peeters", proc_b, social_work_b, S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST,
                        S.JURY_INVITED, S.RESERVE),
        "foreign": make("Eva", "Wouters", proc_b, foreign, S.ELIGIBLE),
        "proc_a": proc_a, "proc_b": proc_b,
    }


def listed(client, **params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return {application.pk for application in response.context["cl"].result_list}


def pks(cast, *names):
    return {cast[name].pk for name in names}


ALL = ("screening", "waitlist", "banned", "reserve", "foreign")


@pytest.mark.django_db
def test_it_lists_every_application_with_its_columns(hr_client, cast):
    response = hr_client.get(LIST_URL)
    assert listed(hr_client) == pks(cast, *ALL)
    html = response.content.decode()
    for text in ("Anna Claeys", "anna@example.org", "Jeugdwerker", "wervingsreserve", "oud diploma",
                 "buitenlands diploma met gelijkwaardigheid", "uitgesloten tot", "wachtlijst t.e.m.",
                 "reserve t.e.m."):
        assert text in html, text


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "expected"), [
    ({"procedure__id__exact": "proc_a"}, ("screening", "waitlist", "banned")),
    ({"procedure__id__exact": "proc_b"}, ("reserve", "foreign")),
    ({"stage__exact": S.WAITLIST}, ("waitlist",)),
    ({"stage__exact": S.ELIGIBLE}, ("foreign",)),
    ({"diploma__kind__exact": Diploma.Kind.OLD}, ("waitlist",)),
    ({"diploma__kind__exact": Diploma.Kind.FOREIGN}, ("foreign",)),
    ({"diploma__kind__exact": Diploma.Kind.CURRENT}, ("screening", "banned", "reserve")),
    # One name across both procedures' catalogues.
    ({"diploma": "Bachelor in het sociaal werk"}, ("screening", "banned", "reserve")),
    ({"diploma": "Gegradueerde maatschappelijk assistent"}, ("waitlist",)),
    ({"uitgesloten": "ja"}, ("banned",)),
    ({"uitgesloten": "nee"}, ("screening", "waitlist", "reserve", "foreign")),
    ({"pool": "waitlist"}, ("waitlist",)),
    ({"pool": "reserve"}, ("reserve",)),
    ({"pool": "geen"}, ("screening", "banned", "foreign")),
    ({"procedure__id__exact": "proc_a", "pool": "geen"}, ("screening", "banned")),
])
def test_it_filters(hr_client, cast, params, expected):
    params = {key: cast[value].pk if value in ("proc_a", "proc_b") else value for key, value in params.items()}
    assert listed(hr_client, **params) == pks(cast, *expected)


@pytest.mark.django_db
def test_a_ban_counts_until_its_end_date(client, hr, cast, time_machine):
    ends_on = cast["banned"].ban.ends_on
    time_machine.move_to(f"{ends_on.isoformat()}T00:30:00+01:00", tick=False)
    login_staff(client, hr)  # a fresh session: the one from a year ago has expired
    assert listed(client, uitgesloten="ja") == set()
    time_machine.move_to(f"{(ends_on - timedelta(days=1)).isoformat()}T23:30:00+01:00", tick=False)
    assert listed(client, uitgesloten="ja") == pks(cast, "banned")


@pytest.mark.django_db
def test_the_filter_sidebar_offers_the_choices(hr_client, cast):
    html = hr_client.get(LIST_URL).content.decode()
    for title in ("procedure", "fase", "soort diploma", "diploma", "uitsluiting", "wachtlijst en wervingsreserve"):
        assert f'data-filter-title="{title}"' in html, title
    assert 'data-filter-title="team"' not in html  # no team filter until applications have a team
    assert "Gegradueerde maatschappelijk assistent" in html
    assert "nu uitgesloten" in html and "in de wervingsreserve" in html


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), [
    ("Claeys", ("screening",)),
    ("anna claeys", ("screening",)),
    ("chloe@example", ("banned",)),
    ("example.org", ALL),
    ("Onbekend", ()),
])
def test_it_searches_by_name_and_email(hr_client, cast, query, expected):
    assert listed(hr_client, q=query) == pks(cast, *expected)


def count_list_queries(client, **params):
    client.get(LIST_URL, params)  # warm caches that are not per request (content types, translations)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return len(captured), len(response.context["cl"].result_list)


def make_applications(n, *, procedure, by):
    """n applications in a mix of stages, so each row has different facts (ban, waitlist, reserve, none)."""
    paths = [(), (S.ELIGIBLE,), (S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST),
             (S.ELIGIBLE, S.INTAKE_INVITED, S.INTAKE_FAILED),
             (S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST, S.JURY_INVITED, S.RESERVE)]
    for i in range(n):
        walk(ApplicationFactory(procedure=procedure), *paths[i % len(paths)], by=by)


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"pool": "waitlist", "q": "example"}, {"uitgesloten": "nee", "o": "8"}])
def test_the_list_costs_the_same_queries_for_3_and_30_applications(hr_client, hr, procedure, params, record_property):
    make_applications(3, procedure=procedure, by=hr)
    few, shown_few = count_list_queries(hr_client, **params)
    make_applications(27, procedure=procedure, by=hr)
    many, shown_many = count_list_queries(hr_client, **params)
    assert shown_many > shown_few
    assert few == many, f"{few} queries for 3 applications, {many} for 30"
    record_property("queries", many)
    print(f"applications list {params}: {few} queries with 3, {many} with 30")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl-be", "en"])
@pytest.mark.parametrize("params", [{}, {"stage__exact": S.WAITLIST, "q": "e"}, {"o": "-2.1"}, {"p": "1"}])
def test_the_rows_are_the_markup_django_writes(hr_client, cast, settings, language, params):
    """candidates/admin_rows.py writes whole rows; Django's items_for_result, cell by cell, must give the same."""
    from django.contrib.admin.templatetags.admin_list import items_for_result
    from django.utils import timezone, translation

    from candidates.models import Candidate

    erased = cast["foreign"].candidate  # an erased person's row: blank name and address show Django's "-"
    Candidate.objects.filter(pk=erased.pk).update(first_name="", last_name="", email="", erased_at=timezone.now())
    hr_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = hr_client.get(LIST_URL, params)
    cl, html = response.context["cl"], response.content.decode()
    assert cl.result_list
    with translation.override(language):
        djangos = ["".join(items_for_result(cl, application, None)) for application in cl.result_list]
    for row in djangos:
        assert f"<tr>{row}</tr>" in html
    assert html.count('class="action-select"') == len(djangos)


@pytest.mark.django_db
def test_as_a_related_object_picker_the_list_keeps_djangos_own_rows(hr_client, cast):
    html = hr_client.get(LIST_URL, {"_popup": "1"}).content.decode()
    assert 'class="action-select"' not in html  # a picker has no actions
    assert html.count("data-popup-opener=") == len(ALL)
