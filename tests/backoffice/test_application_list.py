"""The applications list: each filter, search, and a query count that does not grow with the rows."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.admin_filters import DiplomaFilter
from candidates.stages import Stage
from procedures.models import Diploma, shortened_diploma_name
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
    # A kind or a name the catalogue does not have (an old bookmark, a typo): no rows, no error.
    ({"diploma__kind__exact": "onbekend"}, ()),
    ({"diploma": "Bestaat niet"}, ()),
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
    for title in ("procedure", "fase", "diploma", "uitsluiting", "wachtlijst en wervingsreserve"):
        assert f'data-filter-title="{title}"' in html, title
    assert 'data-filter-title="soort diploma"' not in html  # the kinds are the diploma filter's groups
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


def diploma_filter(client, **params):
    """The diploma filter's choices as the sidebar shows them, with the page's HTML."""
    response = client.get(LIST_URL, params)
    cl = response.context["cl"]
    spec = next(spec for spec in cl.filter_specs if isinstance(spec, DiplomaFilter))
    return list(spec.choices(cl)), response.content.decode()


def rows_of(client, query_string):
    """The applications the list shows when HR follows a filter link."""
    response = client.get(LIST_URL + query_string)
    assert response.status_code == 200
    return {application.pk for application in response.context["cl"].result_list}


@pytest.mark.django_db
def test_the_diploma_filter_groups_the_catalogue_by_kind_and_each_link_gives_its_rows(hr_client, cast):
    choices, html = diploma_filter(hr_client)

    everything, *groups = choices
    assert everything["display"] == "Alle" and everything["selected"]
    assert [(c["group"].label, [e.label for e in c["group"].entries]) for c in groups] == [
        ("Huidige diploma’s", ["Bachelor in het sociaal werk"]),  # one entry for both procedures' rows
        ("Oude diploma’s", ["Gegradueerde maatschappelijk assistent"]),
        ("Buitenlandse diploma’s met gelijkwaardigheid", ["Buitenlands diploma"]),
    ]
    expected = {"Huidige diploma’s": ("screening", "banned", "reserve"), "Oude diploma’s": ("waitlist",),
                "Buitenlandse diploma’s met gelijkwaardigheid": ("foreign",),
                "Bachelor in het sociaal werk": ("screening", "banned", "reserve"),
                "Gegradueerde maatschappelijk assistent": ("waitlist",), "Buitenlands diploma": ("foreign",)}
    for choice in groups:
        group = choice["group"]
        assert rows_of(hr_client, choice["query_string"]) == pks(cast, *expected[group.label])
        for entry in group.entries:
            assert rows_of(hr_client, entry.query_string) == pks(cast, *expected[entry.label])
    assert rows_of(hr_client, everything["query_string"]) == pks(cast, *ALL)
    # The sidebar nests each group's diplomas under the group's own link.
    assert re.search(r'<li class="diploma-group ">\s*<a href="\?diploma__kind__exact=old"[^>]*>Oude diploma’s</a>'
                     r'\s*<ul>\s*<li><a href="\?diploma=Gegradueerde[^"]*">Gegradueerde maatschappelijk assistent</a>',
                     html)


@pytest.mark.django_db
def test_the_chosen_group_or_diploma_is_marked_and_the_other_is_cleared(hr_client, cast):
    choices, html = diploma_filter(hr_client, diploma__kind__exact=Diploma.Kind.OLD)
    assert [c["display"] for c in choices if c["selected"]] == ["Oude diploma’s"]
    assert 'aria-current="true">Oude diploma’s</a>' in html

    entry = choices[1]["group"].entries[0]
    assert "diploma__kind__exact" not in entry.query_string  # a diploma replaces the group, never narrows it
    choices, html = diploma_filter(hr_client, diploma="Bachelor in het sociaal werk")
    assert not any(c["selected"] for c in choices)
    assert [e.label for c in choices[1:] for e in c["group"].entries if e.selected] == ["Bachelor in het sociaal werk"]
    assert listed(hr_client, diploma="Bachelor in het sociaal werk") == pks(cast, "screening", "banned", "reserve")


@pytest.mark.django_db
def test_hrs_short_label_names_the_diploma_in_the_filter_and_the_full_name_stays_on_hover(hr_client, cast):
    Diploma.objects.filter(name="Gegradueerde maatschappelijk assistent").update(short_label="  Grad. MA ")

    choices, html = diploma_filter(hr_client)

    old = next(c["group"] for c in choices[1:] if c["group"].kind == Diploma.Kind.OLD)
    assert [e.label for e in old.entries] == ["Grad. MA"]
    assert 'title="Gegradueerde maatschappelijk assistent">Grad. MA</a>' in html
    assert rows_of(hr_client, old.entries[0].query_string) == pks(cast, "waitlist")


@pytest.mark.django_db
def test_with_a_procedure_chosen_the_filter_offers_only_its_catalogue(hr_client, cast):
    choices, _html = diploma_filter(hr_client, procedure__id__exact=cast["proc_b"].pk)
    assert [(c["group"].kind, [e.name for e in c["group"].entries]) for c in choices[1:]] == [
        (Diploma.Kind.CURRENT, ["Bachelor in het sociaal werk"]), (Diploma.Kind.FOREIGN, ["Buitenlands diploma"])]
    assert rows_of(hr_client, choices[1]["query_string"]) == pks(cast, "reserve")  # the procedure stays chosen


@pytest.mark.django_db
def test_the_diploma_filter_counts_its_rows_when_the_list_shows_counts(hr_client, cast):
    choices, _html = diploma_filter(hr_client, _facets="True", procedure__id__exact=cast["proc_a"].pk)
    assert [c["display"] for c in choices[1:]] == ["Huidige diploma’s (2)", "Oude diploma’s (1)"]
    assert [e.display for e in choices[1]["group"].entries] == ["Bachelor in het sociaal werk (2)"]


@pytest.mark.django_db
def test_the_bundles_catalogue_shows_as_8_current_and_5_old_diplomas_by_short_names(hr_client):
    call_command("seed_kortrijk", stdout=StringIO())

    choices, _html = diploma_filter(hr_client)

    groups = [c["group"] for c in choices[1:]]
    assert [(g.label, len(g.entries)) for g in groups] == [("Huidige diploma’s", 8), ("Oude diploma’s", 5)]
    labels = [e.label for g in groups for e in g.entries]
    assert labels[:2] == ["Master in het sociaal werk", "Master in het sociaal werk en sociaal beleid"]
    assert "Maatschappelijk assistent" in labels and "Gegradueerde verpleger" in labels
    assert len(set(labels)) == 13 and not any(label.lower().startswith("het diploma") for label in labels)
    for entry in (e for g in groups for e in g.entries):  # the bundle's own words, from the start of the name
        assert entry.name.lower().replace("het diploma van ", "", 1).startswith(entry.label.lower()), entry.name


@pytest.mark.parametrize(("name", "short"), [
    ("het diploma van master in het sociaal werk", "Master in het sociaal werk"),
    ("Het diploma van bachelor in de sociale gezondheidszorg, of een daarmee gelijkgesteld diploma",
     "Bachelor in de sociale gezondheidszorg"),
    ("Bachelor orthopedagogie", "Bachelor orthopedagogie"),
    ("diploma van gegradueerde verpleger, gespecialiseerd in gemeenschapsgezondheid", "Gegradueerde verpleger"),
    (", een naam die met een komma begint", ", een naam die met een komma begint"),
])
def test_a_diploma_without_short_label_is_shown_by_its_shortened_name(name, short):
    assert shortened_diploma_name(name) == short


@pytest.mark.django_db
def test_two_diplomas_that_would_share_a_shortened_name_show_their_full_names(hr_client, procedure):
    for name in ("bachelor in de verpleegkunde, afstudeerrichting sociale verpleegkunde",
                 "bachelor in de verpleegkunde, afstudeerrichting ziekenhuisverpleegkunde", "bachelor orthopedagogie"):
        DiplomaFactory(procedure=procedure, name=name)

    choices, _html = diploma_filter(hr_client)

    assert [e.label for e in choices[1]["group"].entries] == [
        "bachelor in de verpleegkunde, afstudeerrichting sociale verpleegkunde",
        "bachelor in de verpleegkunde, afstudeerrichting ziekenhuisverpleegkunde", "Bachelor orthopedagogie"]


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
