"""Hostile text a candidate types in the application form and HR types as a stage-change reason: stored with every
visible character (names exactly as typed; invisible and steering characters dropped from other text, refused in
names), shown escaped on the portal (application page, timeline) and in the back office (application page, outbox),
a name isolated (<bdi>) from the text around it."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from candidates.models import Application, Candidate
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import release_mails
from tests.auth import login_staff
from tests.factories import DiplomaFactory, ProcedureFactory, UserFactory
from tests.hostile.hostile import (
    HOSTILE_SETTINGS,
    RLO,
    assert_escaped_in_html,
    hostile_line,
    hostile_name,
    hostile_text,
    invisible,
    visible_text,
)
from tests.portal.conftest import foreign_diploma, form_data
from tests.portal.files import pdf
from tests.portal.test_apply_view import apply_url, errors_of

pytestmark = pytest.mark.django_db

NAMES = {"first_name": 100, "last_name": 100}
LINES = {"street": 200, "city": 100, "diploma_detail": 300}
AREAS = {"motivation": 6000, "accommodations": 2000}
CANDIDATE_FIELDS = ("first_name", "last_name", "street", "city")
APPLICATION_FORM = st.fixed_dictionaries({
    **{field: hostile_name(max_size=size) for field, size in NAMES.items()},
    **{field: hostile_line(max_size=size) for field, size in LINES.items()},
    **{field: hostile_text(max_size=size).map(str.strip) for field, size in AREAS.items()},
})


@pytest.fixture
def open_procedure(db):
    procedure = ProcedureFactory(title="Maatschappelijk werker (B1-B3)", slug="maatschappelijk-werker")
    DiplomaFactory(procedure=procedure, name="Buitenlands diploma, gelijkwaardig", kind="foreign")
    return procedure


def apply_as_new_candidate(procedure, values):
    candidate_client = Client()
    candidate_client.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
    response = candidate_client.post(apply_url(procedure), {
        **form_data(procedure, diploma=str(foreign_diploma(procedure).pk), **values),
        "diploma_file": pdf(), "equivalence_file": pdf("naric.pdf")})
    assert response.status_code == 302, errors_of(response)
    return candidate_client, Application.objects.select_related("candidate").latest("pk")


@HOSTILE_SETTINGS
@given(values=APPLICATION_FORM, reason=hostile_text(max_size=1000).map(str.strip))
def test_candidate_and_hr_text_is_escaped_on_every_page(open_procedure, hr, values, reason):
    candidate_client, application = apply_as_new_candidate(open_procedure, values)
    candidate = application.candidate
    stored = {field: getattr(candidate if field in CANDIDATE_FIELDS else application,
                             field) for field in values}
    assert {field: stored[field] for field in NAMES} == {field: values[field] for field in NAMES}  # as typed
    for field in (*LINES, *AREAS):
        assert visible_text(stored[field]) == visible_text(values[field]), field  # nothing a reader sees is lost
        kept = "\n\t" if field in AREAS else ""
        assert not [c for c in stored[field] if invisible(c) and c not in kept], field
    change_stage(application, to=Stage.NOT_ELIGIBLE, by=hr, reason=reason)
    release_mails(Mail.objects.for_object(application).filter(state=Mail.State.DRAFT), by=hr)

    portal = candidate_client.get(reverse("candidates:detail", kwargs={"public_id": application.public_id}))
    for field in ("diploma_detail", "motivation", "accommodations"):
        assert_escaped_in_html(portal.content.decode(), stored[field])
    assert_escaped_in_html(portal.content.decode(), reason)  # the timeline's reason for "not eligible"
    own_data = candidate_client.get(reverse("candidates:own_data")).content.decode()
    for field in CANDIDATE_FIELDS:
        assert_escaped_in_html(own_data, stored[field])
    assert f"<bdi>{escape(candidate.full_name)}</bdi>" in own_data

    hr_client = Client()
    login_staff(hr_client, hr)
    page = hr_client.get(reverse("admin:candidates_application_change", args=[application.pk])).content.decode()
    for field in values:
        assert_escaped_in_html(page, stored[field])
    assert f"<bdi>{escape(candidate.full_name)}</bdi>" in page
    assert_escaped_in_html(page, reason)
    outbox = hr_client.get(reverse("admin:communications_mail_changelist")).content.decode()
    mail = Mail.objects.for_object(application).get(event="screening_not_eligible")
    assert_escaped_in_html(outbox, mail.subject)
    assert candidate.full_name in mail.body_text and reason in mail.body_text  # literal, never expanded


@HOSTILE_SETTINGS
@given(name=hostile_name(max_size=60), at=st.integers(0, 60),
       steering=st.sampled_from([RLO, "\u202d", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff", "\x07", "\x1b",
                                 "\r\n", "\n", "\t", "\u2028", "\u00ad"]))
def test_a_name_with_an_invisible_or_steering_character_is_refused_and_nothing_is_stored(open_procedure, name, at,
                                                                                         steering):
    name = "A" + name[:at] + steering + name[at:] + "Z"  # inside the name, never at an end that is stripped
    client = Client()
    client.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(apply_url(open_procedure), {
        **form_data(open_procedure, diploma=str(foreign_diploma(open_procedure).pk), last_name=name),
        "diploma_file": pdf(), "equivalence_file": pdf("naric.pdf")})
    assert response.status_code == 200
    assert "Een naam mag geen onzichtbare tekens of stuurtekens bevatten" in errors_of(response)
    assert not Candidate.objects.exists() and not Application.objects.exists()


@pytest.mark.parametrize("field", [*NAMES, *LINES, *AREAS])
def test_a_nul_character_is_refused_with_a_message_and_nothing_is_stored(client, open_procedure, field):
    client.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(apply_url(open_procedure), {
        **form_data(open_procedure, diploma=str(foreign_diploma(open_procedure).pk), **{field: "Ann\x00<b>"}),
        "diploma_file": pdf(), "equivalence_file": pdf("naric.pdf")})
    assert response.status_code == 200
    assert errors_of(response), "the form says what is wrong"
    assert not Candidate.objects.exists() and not Application.objects.exists()
