"""The access matrix: every URL, every role, the expected answer; every POST refuses a missing CSRF token.

A URL that captures an object id (any kwarg) must be classified in KIND below, or the walk fails. The cast is built once
per test (one test per role walks all its URLs), so the matrix stays fast.
"""

import uuid
from datetime import time

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from candidates.models import Application, Document, DocumentChange
from interviews.intake.booking import book_slot
from kortrijk_ats import roles
from tests.auth import login_staff
from tests.factories import UserFactory, hr_user, staff_user
from tests.interviews.helpers import future_session, invited_application, make_slot
from tests.jury.helpers import add_bundle_competencies, compose_jury, open_round, waitlisted

pytestmark = pytest.mark.django_db

# What each URL with an object id is: its owner decides who gets what (see expected()).
KIND = {
    # The candidate's own pages (portal): keyed by the application's public id.
    **{f"{ns}:{name}": "candidate" for ns, names in {
        "candidates": ("detail", "submitted", "withdraw", "document", "add_document"),
        "interviews": ("intake", "book", "move", "cancel", "calendar", "questionnaire", "case_document", "feedback",
                       "reserve_availability", "reserve_availability_cancel"),
        "offers": ("detail", "simulation", "letter", "accept", "decline"),
    }.items() for name in names},
    # The interviewer's pages: keyed by the intake booking (or a day).
    **{f"interviews:{name}": "interviewer" for name in ("day", "assess", "no_show", "document")},
    # The jurors' pages: keyed by the round (and candidate).
    **{f"interviews:{name}": "jury" for name in (
        "jury_round", "jury_deliberation", "jury_reopen_round", "jury_pv", "jury_pv_preview", "jury_pv_pdf",
        "jury_candidate", "jury_declare", "jury_consensus", "jury_reopen", "jury_questionnaire_report",
        "jury_document")},
    # Public pages keyed by a vacancy's slug.
    "procedures:detail": "public", "pay:salary_estimate": "public", "candidates:apply": "public",
    "procedures:function_description": "public",
    # allauth's links with a secret key from a mail: a wrong key is refused on the page, for everyone alike.
    "account_confirm_email": "token", "account_reset_password_from_key": "token",
    # The back office and HR's report pages: the admin site's has_permission (HR with the second factor).
    "reports:dashboard": "admin", "reports:waitlist": "admin", "reports:reserve": "admin",
    "reports:export_csv": "admin", "reports:export_xlsx": "admin", "reports:report_pdf": "admin",
}
ROLES = ("anonymous", "candidate_a", "candidate_b", "hr", "interviewer", "chair", "leader", "external", "unassigned")
FILLER_INT = 987654


def walk(resolver=None, prefix="", namespace=None):
    """Every URL pattern of the project: (full name, route, captured kwarg names)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace if entry.namespace else namespace
            ns = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else ns
            yield from walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            kwargs = tuple(entry.pattern.regex.groupindex)
            yield name, prefix + str(entry.pattern), kwargs, entry


# Pages anyone may open; log-out URLs are left out of the walk (a POST would end the walking client's session).
OPEN_ADMIN = {"admin:login", "admin:logout"}
SKIPPED = {"admin:logout", "account_logout"}
# The upload views check CSRF inside (after their upload size guard); an anonymous POST is sent to log in first.
CSRF_CHECKED_AFTER_LOGIN = {"candidates:apply", "candidates:add_document"}
# The PV download answers 403 to everyone but HR after the close (tests/jury/test_access.py): no existence leak.
FORBIDDEN_FOR_ALL_BUT_HR = {"interviews:jury_pv_pdf"}


def kind_of(name, route):
    if name in OPEN_ADMIN:
        return "public"
    if (name and name.startswith("admin:")) or route.startswith("admin/"):
        return "admin"
    return KIND.get(name)


def test_every_url_with_an_object_id_is_in_the_matrix():
    unclassified = sorted({f"{name} ({route})" for name, route, kwargs, _ in walk()
                           if kwargs and kind_of(name, route) is None})
    assert not unclassified, f"URLs with an object id missing from the access matrix: {unclassified}"


@pytest.fixture
def cast(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}
    from tests.factories import ProcedureFactory

    procedure = ProcedureFactory()
    add_bundle_competencies(procedure.function)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    bert = waitlisted(procedure, first_name="Bert", last_name="Bauwens")
    for application in (ann, bert):
        Document.objects.create(application=application, kind=Document.Kind.CV, file=ContentFile(b"%PDF-1.4 x", "cv"),
                                original_name="cv.pdf", content_type="application/pdf", size=10)
    jury_round = open_round(procedure)
    chair, leader, external = compose_jury(jury_round)
    interviewer = UserFactory(username="interviewer-matrix", is_staff=True)
    from django.contrib.auth.models import Group

    interviewer.groups.add(Group.objects.get_or_create(name=roles.INTERVIEWER)[0])
    slot = make_slot(future_session(procedure), at=time(9))
    slot.interviewers.set([interviewer])
    booking = book_slot(slot, application=invited_application(procedure))
    intake_doc = Document.objects.create(application=booking.application, kind=Document.Kind.CV,
                                         file=ContentFile(b"%PDF-1.4 y", "cv"), original_name="cv.pdf",
                                         content_type="application/pdf", size=10)
    replaced = DocumentChange.objects.create(
        application=ann, kind=Document.Kind.DIPLOMA, action=DocumentChange.Action.REPLACED, new_name="nieuw.pdf",
        old_file=ContentFile(b"%PDF-1.4 oud", "oud"), old_name="oud.pdf", old_content_type="application/pdf",
        old_size=12, actor_label="Ann Aerts (kandidaat, via het portaal)")
    unassigned = staff_user(roles.JUROR, username="jurylid-zonder-ronde")
    people = {
        "anonymous": None, "candidate_a": ann.candidate.user, "candidate_b": bert.candidate.user,
        "hr": hr_user(username="hr-matrix"), "interviewer": interviewer, "chair": chair.user, "leader": leader.user,
        "external": external.user, "unassigned": unassigned,
    }
    clients = {}
    for role, user in people.items():
        clients[role] = Client()
        if user is not None:
            login_staff(clients[role], user)
    jc = jury_round.candidates.get(application=ann)
    return {"clients": clients, "ann": ann, "bert": bert, "round": jury_round, "jc": jc, "booking": booking,
            "intake_doc": intake_doc, "procedure": procedure, "jury": (jury_round, [jc], chair, leader, external),
            "ann_doc": ann.documents.first(), "replaced": replaced}


def kwargs_for(kind, kwargs, cast):
    """Real objects of candidate A / the booking / the round where the URL takes them; a made-up id elsewhere."""
    real = {
        "candidate": {"public_id": cast["ann"].public_id, "uid": uuid.uuid4(), "pk": cast["ann_doc"].pk},
        "interviewer": {"uid": cast["booking"].uid, "pk": cast["intake_doc"].pk,
                        "on": cast["booking"].slot.starts_at.date().isoformat()},
        "jury": {"pk": cast["round"].pk, "uid": cast["jc"].uid, "sheet_pk": FILLER_INT, "doc_pk": cast["ann_doc"].pk},
        "public": {"slug": cast["procedure"].slug},
        "admin": {"pk": cast["procedure"].pk, "app_label": "candidates", "procedure_id": cast["procedure"].pk,
                  "document_id": cast["ann_doc"].pk, "change_id": cast["replaced"].pk},
    }.get(kind, {})
    return {k: real.get(k, FILLER_INT if k in ("pk", "object_id", "content_type_id", "id") else "x1") for k in kwargs}


def named_urls(cast):
    """(name, kind, url) for every named URL pattern of the project, with real or filler ids."""
    seen = set()
    for name, route, kwargs, _ in walk():
        if not name or name in seen or name in SKIPPED:
            continue
        seen.add(name)
        kind = kind_of(name, route) or ("admin" if route.startswith("hr/") else "plain")
        try:
            url = reverse(name, kwargs=kwargs_for(kind, kwargs, cast) or None)
        except NoReverseMatch:  # a pattern whose filler does not fit its converter (e.g. a regex)
            url = None
        yield name, kind, url, kwargs


def login_redirect(response, prefix):
    return response.status_code == 302 and response["Location"].startswith(prefix)


def answer(client, url):
    """GET; a POST-only view (405) is asked again by POST, so its ownership check is reached too."""
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


def expected_ok(role, kind, name, response):
    """Is this answer the right one for this role? Returns a reason when not."""
    status = response.status_code
    if status >= 500:
        return "server error"
    staff_juror = role in ("leader", "external", "unassigned")
    if kind == "admin":
        if role in ("hr", "chair"):  # the chair belongs to the selection team (HR)
            return None if not login_redirect(response, "/admin/login/") else "HR refused"
        return None if login_redirect(response, "/admin/login/") else f"{status} instead of the admin's log-in"
    if role == "anonymous" and kind in ("candidate", "interviewer", "jury"):
        return None if login_redirect(response, "/account/login/") else f"{status} instead of the log-in"
    if kind == "candidate":
        if role == "candidate_a":
            return None if status in (200, 302, 400, 403, 404, 405, 409) and not login_redirect(response, "/account/") \
                else \
                f"owner got {status}"
        return None if status == 404 else f"{status}: another person's object must answer 404"
    if kind == "interviewer":
        if role in ("hr", "chair", "interviewer"):
            return None if status in (200, 302, 404, 405) else f"{status} for the interviewer/HR"
        return None if status == 403 else f"{status} instead of 403 (not an interviewer)"
    if kind == "jury":
        if name in FORBIDDEN_FOR_ALL_BUT_HR and role != "hr":
            return None if status == 403 else f"{status} instead of 403"
        if role in ("candidate_a", "candidate_b", "unassigned", "interviewer"):
            return None if status == 404 else f"{status} instead of 404 (not their round)"
        if role in ("hr", "chair") or staff_juror:
            return None if status in (200, 302, 403, 404, 405) else f"{status} for a juror of the round"
    if kind in ("public", "token", "plain"):
        return None
    return f"unclassified {kind}"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_on_every_url(cast, role):
    client = cast["clients"][role]
    wrong = []
    for name, kind, url, kwargs in named_urls(cast):
        if url is None or (not kwargs and kind not in ("admin",)):
            continue
        reason = expected_ok(role, kind, name, answer(client, url))
        if reason:
            wrong.append(f"{name} {url}: {reason}")
    assert not wrong, f"{role}: " + "; ".join(wrong)


def test_the_juror_pages_of_a_closed_round_shut_out_the_external_expert(cast):
    from tests.jury.rounds import decide

    external = cast["clients"]["external"]
    jury_round, _, chair, leader, external_seat = cast["jury"]
    decide((jury_round, list(jury_round.candidates.order_by("position")), chair, leader, external_seat))
    for name, kind, url, _ in named_urls(cast):
        if kind == "jury" and url:
            response = external.get(url)
            assert login_redirect(response, "/account/login/"), (name, response.status_code)


@pytest.mark.parametrize("role", ["anonymous", "hr", "candidate_a"])
def test_every_post_without_a_csrf_token_is_refused(cast, role):
    client = Client(enforce_csrf_checks=True)
    user = {"hr": "hr", "candidate_a": "candidate_a"}.get(role)
    if user:
        client.cookies = cast["clients"][user].cookies
    accepted = []
    for name, _kind, url, _ in named_urls(cast):
        if url is None:
            continue
        response = client.post(url, {"x": "1"})
        if role == "anonymous" and name in CSRF_CHECKED_AFTER_LOGIN and login_redirect(response, "/account/login/"):
            continue
        if response.status_code != 403:
            accepted.append(f"{name} {url} -> {response.status_code}")
    assert not accepted, accepted


def test_only_hr_enters_applications_and_only_the_owner_adds_documents(cast):
    """HR's take-in form records an application for HR (and the chair, of the selection team) only; the upload of a
    proof after applying works for the candidate on their own application only. The others change nothing."""
    from tests.factories import ApplicationFactory, FunctionFactory
    from tests.portal.conftest import form_data, make_procedure
    from tests.portal.files import pdf

    procedure = make_procedure(FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker"))
    in_screening = ApplicationFactory(candidate=cast["ann"].candidate, procedure=procedure)
    upload_url = reverse("candidates:add_document", args=[in_screening.public_id])
    take_in_url = reverse("admin:candidates_application_take_in_form", args=[procedure.pk])
    wrong = []
    for role in ROLES:
        client = cast["clients"][role]
        changes = DocumentChange.objects.filter(application=in_screening).count()
        client.post(upload_url, {"kind": "equivalence", "file": pdf(f"attest-{role}.pdf")})
        added = DocumentChange.objects.filter(application=in_screening).count() > changes
        if added != (role == "candidate_a"):
            wrong.append(f"{role}: upload {'accepted' if added else 'refused'}")
        entries = Application.objects.filter(procedure=procedure).exclude(channel="portal").count()
        client.post(take_in_url, {**form_data(procedure), "channel": "paper", "email": f"{role}@example.org",
                                  "language": "nl-be", "received_on": f"{timezone.localdate():%d/%m/%Y}",
                                  "diploma_file": pdf()})
        entered = Application.objects.filter(procedure=procedure).exclude(channel="portal").count() > entries
        if entered != (role in ("hr", "chair")):
            wrong.append(f"{role}: take-in {'accepted' if entered else 'refused'}")
    assert not wrong, wrong


# Need to know for reasonable accommodations: the candidate's request (it may reveal a disability or a health
# condition) reaches HR in the back office and the candidate only; the arrangement HR records reaches whoever runs
# that step. Ann is in the jury round, the booked candidate has an intake interview; each has a request and an
# arrangement for both steps, every text its own marker.
MARKERS = {
    "ann_request": "Vraag-Ann: ik ben doof sinds mijn geboorte",
    "ann_intake": "Afspraak-Ann-intake: ondertiteling in Teams",
    "ann_jury": "Afspraak-Ann-jury: gesprek met tolk Vlaamse Gebarentaal",
    "booked_request": "Vraag-Geboekt: ik heb epilepsie en flitsend licht is een risico",
    "booked_intake": "Afspraak-Geboekt-intake: camera zonder flitsend scherm",
    "booked_jury": "Afspraak-Geboekt-jury: extra tijd: 10 minuten",
}
_BOTH = {"ann_request", "ann_intake", "ann_jury", "booked_request", "booked_intake", "booked_jury"}
_STEP_PAGES = {"intake": {"booked_intake"}, "jury": {"ann_jury"}}
# role -> page group -> the markers that must show there; every other marker must not.
SEES = {
    "hr": {"back office": _BOTH, **_STEP_PAGES},
    "chair": {"back office": _BOTH, **_STEP_PAGES},  # a selection-team juror reads the request in the back office only
    "interviewer": {"intake": {"booked_intake"}},
    "leader": {"jury": {"ann_jury"}},
    "external": {"jury": {"ann_jury"}},
    "unassigned": {},
    "candidate_a": {"portal": {"ann_request", "ann_intake", "ann_jury"}},
    "candidate_b": {},
    "anonymous": {},
}


def accommodation_pages(cast):
    ann, booking, jury_round, jc = cast["ann"], cast["booking"], cast["round"], cast["jc"]
    booked = booking.application
    return {
        "back office": [reverse("admin:candidates_application_change", args=[a.pk]) for a in (ann, booked)]
                       + [reverse("admin:candidates_application_arrangements", args=[a.pk]) for a in (ann, booked)],
        "intake": [reverse("interviews:day", args=[booking.slot.starts_at.date().isoformat()]),
                   reverse("interviews:assess", args=[booking.uid])],
        "jury": [reverse(f"interviews:{name}", args=[jury_round.pk]) for name in (
                    "jury_round", "jury_deliberation", "jury_pv", "jury_pv_preview")]
                + [reverse(f"interviews:{name}", args=[jury_round.pk, jc.uid]) for name in (
                    "jury_candidate", "jury_consensus")],
        "portal": [reverse(f"candidates:{name}", args=[a.public_id]) for a in (ann, booked)
                   for name in ("detail", "submitted")] + [reverse("candidates:list")],
    }


@pytest.mark.parametrize("role", ROLES)
def test_the_accommodation_request_reaches_hr_and_the_candidate_the_arrangement_its_step(cast, role):
    from candidates.accommodations import record_arrangements

    for prefix, application in (("ann", cast["ann"]), ("booked", cast["booking"].application)):
        Application.objects.filter(pk=application.pk).update(accommodations=MARKERS[f"{prefix}_request"])
        application.refresh_from_db()
        record_arrangements(application, intake=MARKERS[f"{prefix}_intake"], jury=MARKERS[f"{prefix}_jury"])
    client = cast["clients"][role]
    wrong = []
    for group, urls in accommodation_pages(cast).items():
        text = " ".join(client.get(url).content.decode() for url in urls)
        expected = SEES[role].get(group, set())
        wrong += [f"{group}: {key} missing" for key in sorted(expected) if MARKERS[key] not in text]
        wrong += [f"{group}: {key} shown" for key in sorted(set(MARKERS) - expected) if MARKERS[key] in text]
    assert not wrong, f"{role}: " + "; ".join(wrong)
