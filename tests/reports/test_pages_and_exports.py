"""The HR pages and the exports: HR only, escaped, readable by Excel/openpyxl/pypdf, constant query counts."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from candidates.models import PoolEntry
from kortrijk_ats import roles
from tests.auth import login_staff
from tests.factories import ApplicationFactory, CandidateFactory, UserFactory, staff_user
from tests.reports.helpers import S, mixed_pipeline, walk

pytestmark = pytest.mark.django_db

HOSTILE = {"first_name": '=HYPERLINK("http://evil.example/","klik")', "last_name": "<script>alert(1)</script>",
           "phone": "+32 56 27 00 00"}


def urls(procedure):
    pk = procedure.pk
    return {name: reverse(f"reports:{name}", args=[pk])
            for name in ("dashboard", "waitlist", "reserve", "export_csv", "export_xlsx", "report_pdf")}


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_dashboard_shows_the_funnel_numbers_chart_and_who_is_not_notified(hr_client, procedure):
    mixed_pipeline(procedure, 10)

    response = hr_client.get(reverse("reports:dashboard", args=[procedure.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<tr id="funnel-eligible"><th scope="row">Toegelaten</th><td class="rp-num">6</td>' in html
    assert '<tr id="funnel-hired"><th scope="row">Aangeworven</th><td class="rp-num">1</td>' in html
    # The chart: each bar beside its label and count, its length scaled to the 10 applications.
    bars = re.findall(r'<span class="rp-bar-label">([^<]+)</span>\s*<svg class="rp-bar (\w+)"[^>]*><rect width="(\d+)"'
                      r'[^>]*></rect></svg>\s*<span class="rp-bar-value">(\d+)</span>', html)
    assert ("Kandidaturen", "main", "100", "10") in bars and ("Jurygesprek", "main", "30", "3") in bars
    assert ("Niet geslaagd kennismakingsinterview", "side", "10", "1") in bars
    assert ("Wachtlijst verlopen", "side", "0", "0") in bars
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all('src="/static/' in tag for tag in scripts)  # the admin's own files; no inline script
    # No mail was delivered in this test: every result is on the not-notified list.
    assert "0 van 9 kandidaten (0 %)" in html
    assert html.count('href="/admin/candidates/application/') >= 9


def test_admin_index_links_to_the_reports(hr_client):
    html = hr_client.get(reverse("admin:index")).content.decode()

    assert f'href="{reverse("reports:index")}"' in html


def test_index_lists_procedures_with_their_number_of_applications(hr_client, procedure):
    ApplicationFactory.create_batch(3, procedure=procedure)

    html = hr_client.get(reverse("reports:index")).content.decode()

    assert f'<a href="{reverse("reports:dashboard", args=[procedure.pk])}">{procedure.title}</a>' in html
    assert "<td>3</td>" in html


def test_pool_page_shows_places_and_an_unknown_procedure_is_404(hr_client, procedure):
    application = walk(ApplicationFactory(procedure=procedure, candidate=CandidateFactory(last_name="Wachter")),
                       S.ELIGIBLE, S.INTAKE_INVITED, S.WAITLIST)
    entry = PoolEntry.objects.get(application=application)

    html = hr_client.get(reverse("reports:waitlist", args=[procedure.pk])).content.decode()

    assert "Wachter" in html and entry.last_valid_day.strftime("%d/%m/%Y") in html
    assert hr_client.get(reverse("reports:reserve", args=[procedure.pk + 999])).status_code == 404


def test_csv_has_bom_and_neutralises_formulas_and_keeps_script_as_plain_text(hr_client, procedure):
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(**HOSTILE))
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name="@SUM(A1)", last_name="-1+2"))

    response = hr_client.get(urls(procedure)["export_csv"])
    raw = body(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kandidaturen-')
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Kandidatuur", "Voornaam", "Achternaam", "E-mailadres"]
    cells = {cell for row in rows[1:] for cell in row}
    assert {"'" + HOSTILE["first_name"], "<script>alert(1)</script>", "+32 56 27 00 00", "'@SUM(A1)",
            "'-1+2"} <= cells
    assert not any(cell.startswith(("=", "@", "-")) for cell in cells)
    assert [cell for cell in cells if cell.startswith("+")] == ["+32 56 27 00 00"]  # a phone number stays as typed


@pytest.mark.parametrize("typed", [
    "+32 470 12 34 56", "+32 (0)56 27 80 00", "+32-470-12.34.56", "+32/470 123 456", "-3", "-3,5", "-12.5",
    "056 27 80 00", "Ann-Sofie", "Kortrijk", "a=b", "1+1", "'al gequoot", "", "Ann @ home",
])
def test_a_cell_no_spreadsheet_evaluates_stays_exactly_as_typed(typed):
    from reports.exports import neutralise

    assert neutralise(typed) == typed


@pytest.mark.parametrize("typed", [
    '=HYPERLINK("http://evil.example/","klik")', "=1+1", "+SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", "- 1",
    "-A1", "-1-1", "@cmd", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1", "  =1+1", " @x", " +SUM(A1)", "+", "-",
    "+32 470 12 34 56\n=1", "-3,5e3",
])
def test_a_cell_a_spreadsheet_would_evaluate_is_quoted_and_keeps_its_text(typed):
    from reports.exports import neutralise

    assert neutralise(typed) == "'" + typed


def test_xlsx_opens_with_openpyxl_and_holds_every_row_as_text(hr_client, procedure):
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(**HOSTILE))
    walk(ApplicationFactory(procedure=procedure), S.ELIGIBLE)

    response = hr_client.get(urls(procedure)["export_xlsx"])
    content = body(response)
    sheet = load_workbook(io.BytesIO(content), read_only=True)["Kandidaturen"]
    rows = list(sheet.iter_rows(values_only=True))

    assert len(rows) == 3 and rows[0][1] == "Voornaam"
    assert ("'" + HOSTILE["first_name"]) in rows[1] and "toegelaten" in rows[2]
    workbook = load_workbook(io.BytesIO(content))
    assert all(cell.data_type == "s" for row in workbook["Kandidaturen"].iter_rows() for cell in row
               if cell.value)  # no formula cell anywhere


def test_the_exports_leave_the_accommodation_request_and_arrangement_out(hr_client, procedure):
    """A spreadsheet travels further than the back office: the request (it may name a condition) and the arrangement
    stay on the application page, the one place the privacy register names for HR."""
    ApplicationFactory(procedure=procedure, accommodations="Ik heb diabetes; graag een pauze.",
                       intake_arrangement="Een pauze van 5 minuten.", jury_arrangement="Extra tijd: 10 minuten.")
    csv_text = body(hr_client.get(urls(procedure)["export_csv"])).decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(body(hr_client.get(urls(procedure)["export_xlsx"]))), read_only=True)
    xlsx_text = " ".join(str(v) for row in sheet["Kandidaturen"].iter_rows(values_only=True) for v in row if v)
    for text in (csv_text, xlsx_text):
        assert "Voornaam" in text
        assert "diabetes" not in text and "pauze" not in text and "Extra tijd" not in text


def test_pdf_report_names_the_procedure_and_its_counts(hr_client, procedure):
    mixed_pipeline(procedure, 10)

    response = hr_client.get(urls(procedure)["report_pdf"])
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body(response))).pages)

    assert response["Content-Type"] == "application/pdf"
    assert procedure.title in text
    assert "Toegelaten 6 60 %" in text and "Intake geboekt 5 50 %" in text and "Aangeworven 1 10 %" in text
    assert "Kandidaturen (1/1)" in text


def test_long_list_goes_into_one_table_per_page(procedure):
    from reports.report_pdf import ROWS_PER_TABLE, report_context

    ApplicationFactory.create_batch(ROWS_PER_TABLE + 1, procedure=procedure)

    assert [len(t) for t in report_context(procedure)["tables"]] == [ROWS_PER_TABLE, 1]


@pytest.mark.parametrize("who", ["anonymous", "interviewer", "juror", "candidate", "staff_without_role"])
def test_only_hr_gets_the_reports(client, procedure, who):
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(last_name="Geheimnaam"))
    if who == "candidate":
        login_staff(client, CandidateFactory().user)
    elif who == "staff_without_role":
        login_staff(client, UserFactory(is_staff=True))
    elif who != "anonymous":
        login_staff(client, staff_user(roles.INTERVIEWER if who == "interviewer" else roles.JUROR))

    for url in [reverse("reports:index"), *urls(procedure).values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
        assert b"Geheimnaam" not in body(response)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        body(response)
    assert response.status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_number_of_applications(hr_client, procedure):
    mixed_pipeline(procedure, 5)
    pages = urls(procedure)
    for url in pages.values():
        _queries(hr_client, url)  # warm the per-process caches (content types, templates)
    small = {name: _queries(hr_client, url) for name, url in pages.items()}

    mixed_pipeline(procedure, 45, days_ahead=11)
    large = {name: _queries(hr_client, url) for name, url in pages.items()}

    print("query counts at 5 and 50 applications:", small, large)
    assert small == large


def test_pdf_report_lists_every_candidate_once_over_several_pages(procedure):
    from reports.report_pdf import ROWS_PER_TABLE, render_report_pdf

    count = 2 * ROWS_PER_TABLE + 3
    for i in range(count):
        ApplicationFactory(procedure=procedure, candidate=CandidateFactory(last_name=f"Lijstnaam{i:03d}"))

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(procedure))).pages)

    assert sorted(re.findall(r"Lijstnaam\d{3}", text)) == [f"Lijstnaam{i:03d}" for i in range(count)]
    assert "Kandidaturen (3/3)" in text


def test_pdf_report_lines_stay_on_the_page_and_aligned():
    from reports.report_pdf import LINE_WIDTH, aligned_lines, text_width

    header = ["Voornaam", "Achternaam", "Diploma", "Ingediend op", "Fase", "Fase sinds"]
    rows = [["Jo", "Van den " + "Berghe" * 20, "Master\nin de\tpsychologie " * 5, "01/09/2026 11:57",
             "uitgenodigd voor kennismakingsinterview", "01/09/2026 11:57"],
            ["李", "Ｗｉｄｅ", "Bachelor", "02/09/2026 09:00", "toegelaten", "02/09/2026 09:00"]]

    head, lines = aligned_lines(header, rows)

    assert all(text_width(line) <= LINE_WIDTH for line in [head, *lines])
    assert "\n" not in "".join(lines) and "\t" not in "".join(lines)
    assert "Van den Berghe" in lines[0] and "…" in lines[0] and lines[0].startswith("Jo ")
    # Every line starts its date column at the same column, wide characters counted twice.
    column = text_width(head[:head.index("Ingediend op")])
    assert all(text_width(line[:line.index("0")]) == column for line in lines)
