"""HR imports the city's published scales from a CSV (scale;years;yearly amount at 100 %) in the back office: every
version is official with its source and source date; every fault is refused in Dutch with its line, and nothing is
half-imported."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kortrijk_ats import roles
from pay.estimate import public_estimate_available
from pay.models import CareerScale, IndexCoefficient, PayRules, PayScale, PayScaleStep, PayScaleVersion
from pay.scale_import import MAX_BYTES, parse_scale_csv
from tests.auth import login_staff
from tests.factories import FunctionFactory, staff_user
from tests.pay.scales import RULES_ROW

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:pay_payscaleversion_import")
CHANGELIST = reverse("admin:pay_payscaleversion_changelist")
SOURCE = "https://www.kortrijk.be/veelgestelde-vragen-over-werken-bij-kortrijk (loonschalen B1-B3)"
GOOD = ("\ufeffloonschaal;jaren;jaarbedrag\r\n"  # CSV UTF-8 from a spreadsheet: a BOM and CRLF
        "B1;0;17.300,00\r\nB1;2;17700\r\nB1;4;18 100,50\r\n"
        "B2;0;18300,00\r\nB2;4;19200.00\r\n"
        "\r\n"  # a blank line is skipped
        "b3;0;€ 21.350,00;;\r\n")  # lower-case code, a euro sign and empty trailing columns


@pytest.fixture(autouse=True)
def scales():
    return {code: PayScale.objects.create(code=code) for code in ("B1", "B2", "B3")}


def upload(client, content, **overrides):
    data = {"file": SimpleUploadedFile("loonschalen.csv", content if isinstance(content, bytes)
                                       else content.encode(), content_type="text/csv"),
            "valid_from": "2026-01-01", "source": SOURCE, "source_date": "2025-12-15", **overrides}
    return client.post(IMPORT, data)


def page_text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_hr_imports_the_published_scales_as_official_versions(hr_client, hr):
    response = upload(hr_client, GOOD)
    assert response.status_code == 302
    assert response["Location"] == CHANGELIST
    versions = {version.scale.code: version for version in PayScaleVersion.objects.select_related("scale")}
    assert sorted(versions) == ["B1", "B2", "B3"]
    for version in versions.values():
        assert (version.status, version.valid_from, version.source, version.source_date, version.created_by) == (
            "official", date(2026, 1, 1), SOURCE, date(2025, 12, 15), hr)
        assert version.official_at is not None
    assert list(versions["B1"].steps.values_list("years", "yearly_amount")) == [
        (0, Decimal("17300.00")), (2, Decimal("17700.00")), (4, Decimal("18100.50"))]
    assert list(versions["B2"].steps.values_list("years", "yearly_amount")) == [
        (0, Decimal("18300.00")), (4, Decimal("19200.00"))]
    assert list(versions["B3"].steps.values_list("years", "yearly_amount")) == [(0, Decimal("21350.00"))]
    assert "3 loonschalen geïmporteerd als officieel vanaf 1 januari 2026: B1, B2, B3." in page_text(
        hr_client.get(CHANGELIST))


def test_after_the_import_and_the_career_the_estimate_is_offered(hr_client, scales):
    function = FunctionFactory()
    IndexCoefficient.objects.create(valid_from=date(2025, 3, 1), coefficient=Decimal("2.1223"))
    PayRules.objects.create(valid_from=date(2025, 3, 1), **RULES_ROW)
    for position, (code, years) in enumerate((("B1", 0), ("B2", 4), ("B3", 10)), start=1):
        CareerScale.objects.create(function=function, position=position, scale=scales[code],
                                   years_in_previous_scale=years)
    assert not public_estimate_available(function, on=date(2026, 2, 1))
    assert upload(hr_client, GOOD).status_code == 302
    assert public_estimate_available(function, on=date(2026, 2, 1))
    assert not public_estimate_available(function, on=date(2025, 12, 31))  # before the imported versions start


@pytest.mark.parametrize(("content", "expected"), [
    ("B1;0;17300\nB1;2\n", "Regel 2: verwacht 3 velden gescheiden door een puntkomma (loonschaal;jaren;jaarbedrag), "
                           "gevonden 2: ‘B1;2’."),
    ("B1,0,17300\n", "Regel 1: verwacht 3 velden gescheiden door een puntkomma (loonschaal;jaren;jaarbedrag), "
                     "gevonden 1: ‘B1,0,17300’."),
    ("B1;0;17300\nB1;2;17700\nB1;2;17800\n", "Regel 3: loonschaal B1 heeft al een trap van 2 jaar op regel 2."),
    ("B1;0;0\n", "Regel 1: het jaarbedrag moet groter dan 0 zijn, niet ‘0’."),
    ("B1;0;-17300,00\n", "Regel 1: het jaarbedrag moet groter dan 0 zijn, niet ‘-17300,00’."),
    ("B1;0;veel\n", "Regel 1: ‘veel’ is geen bedrag; schrijf het jaarbedrag bv. als 17300,00 of 17.300,00."),
    ("B1;0;17300,005\n", "Regel 1: ‘17300,005’ heeft meer dan twee cijfers na de komma."),
    ("B1;0;1" + "0" * 12 + "\n", "Regel 1: het jaarbedrag ‘1000000000000’ is te groot"),
    ("B9;0;17300\n", "Regel 1: onbekende loonschaal ‘B9’. Bekende loonschalen: B1, B2, B3; een nieuwe loonschaal "
                     "maak je eerst aan in Back office › Loonschalen."),
    ("B1;twee;17300\n", "Regel 1: ‘jaren’ is een geheel getal van 0 tot 50, niet ‘twee’."),
    ("B1;-1;17300\n", "Regel 1: ‘jaren’ is een geheel getal van 0 tot 50, niet ‘-1’."),
    ("B1;51;17300\n", "Regel 1: ‘jaren’ is een geheel getal van 0 tot 50, niet ‘51’."),
    ("B1;2;17300\n", "Loonschaal B1: De eerste trap hoort bij 0 jaar anciënniteit"),
    ("B1;0;17300\nB1;2;17000\n", "Loonschaal B1: De trap van 2 jaar heeft een lager bedrag dan die van 0 jaar."),
    ("".join(f"B1;{years};{17300 + years}\n" for years in range(28)),
     "Loonschaal B1: Een loonschaal heeft hoogstens 27 trappen (BVR van 20 januari 2023)."),
    ("loonschaal;jaren;jaarbedrag\n\n", "Het bestand bevat geen trappen."),
    (b"%PDF-1.7\x00\x01\x02", "Dit is geen CSV-tekstbestand."),
    (b"B1;0;" + b"1" * MAX_BYTES, "Het bestand is te groot (hoogstens 200 kB voor een CSV met loonschalen)."),
    ("B1;0;17300\n" * 1 + "\n" * 2500, "Het bestand heeft 2501 regels; een import heeft er hoogstens 2000."),
])
def test_a_bad_file_is_refused_in_dutch_naming_the_line_and_nothing_is_imported(hr_client, content, expected):
    response = upload(hr_client, content)
    assert response.status_code == 200
    text = page_text(response)
    assert "Er is niets geïmporteerd" in text
    assert expected in text
    assert not PayScaleVersion.objects.exists()
    assert not PayScaleStep.objects.exists()


def test_every_fault_is_reported_at_once_and_good_scales_are_not_half_imported(hr_client):
    content = "B1;0;17300\nB1;2;17700\nB2;0;18300\nB9;0;1\nB2;x;0\n"
    response = upload(hr_client, content, source="", source_date="")
    text = page_text(response)
    for expected in ("Vul de bron in: waar is de loonschaal gepubliceerd?",
                     "Vul de datum van de publicatie of het besluit in."):
        assert expected in text  # the form's own fields first
    assert not PayScaleVersion.objects.exists()
    response = upload(hr_client, content)
    text = page_text(response)
    assert "Er is niets geïmporteerd: het bestand of het formulier heeft 3 fouten." in text
    assert "Regel 4: onbekende loonschaal ‘B9’." in text
    assert "Regel 5: ‘jaren’ is een geheel getal van 0 tot 50, niet ‘x’." in text
    assert "Regel 5: het jaarbedrag moet groter dan 0 zijn, niet ‘0’." in text
    assert not PayScaleVersion.objects.exists()  # B1 and B2 were right, but nothing is half-imported
    assert not PayScaleStep.objects.exists()


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"source": ""}, "Vul de bron in: waar is de loonschaal gepubliceerd?"),
    ({"source": "x" * 2001}, "Hou de bron korter dan 2000 tekens (nu 2001)."),
    ({"source_date": ""}, "Vul de datum van de publicatie of het besluit in."),
    ({"source_date": "gisteren"}, "Geef een geldige datum."),
    ({"valid_from": ""}, "Vul de datum in vanaf wanneer deze bedragen gelden."),
])
def test_an_import_without_source_or_dates_is_refused(hr_client, overrides, expected):
    response = upload(hr_client, GOOD, **overrides)
    assert response.status_code == 200
    assert expected in page_text(response)
    assert not PayScaleVersion.objects.exists()


def test_a_source_date_in_the_future_is_refused(hr_client):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = upload(hr_client, GOOD, source_date=tomorrow.isoformat())
    assert "Datum van de bron: die ligt in de toekomst" in page_text(response)
    assert not PayScaleVersion.objects.exists()


def test_an_empty_upload_is_refused(hr_client):
    response = upload(hr_client, b"")
    assert "Het bestand is leeg." in page_text(response)
    assert not PayScaleVersion.objects.exists()


def test_importing_twice_for_the_same_date_is_refused_and_keeps_the_first(hr_client):
    assert upload(hr_client, GOOD).status_code == 302
    before = sorted(PayScaleStep.objects.values_list("version__scale__code", "years", "yearly_amount"))
    response = upload(hr_client, GOOD.replace("17700", "99999"))  # a double click, or a second file
    text = page_text(response)
    for code in ("B1", "B2", "B3"):
        assert (f"Loonschaal {code} heeft al een versie vanaf 1 januari 2026: kies een andere datum ‘geldig vanaf’, "
                "of pas die versie aan in de back office.") in text
    assert sorted(PayScaleStep.objects.values_list("version__scale__code", "years", "yearly_amount")) == before


def test_a_later_date_adds_a_new_official_version_beside_the_old_one(hr_client):
    assert upload(hr_client, GOOD).status_code == 302
    assert upload(hr_client, GOOD, valid_from="2027-01-01").status_code == 302
    assert PayScaleVersion.objects.filter(scale__code="B1").count() == 2


@pytest.mark.parametrize(("text", "amount"), [
    ("17300", "17300"), ("17300,5", "17300.50"), ("17300,00", "17300.00"), ("17.300,00", "17300.00"),
    ("17 300,00", "17300.00"), ("17\u00a0300,00", "17300.00"), ("17.300", "17300"), ("17300.5", "17300.50"),
    ("17300.00", "17300.00"), ("€ 17.300,00", "17300.00"), ("1.017.300,00", "1017300.00"),
])
def test_amounts_are_read_the_way_people_type_them(text, amount):
    rows, errors = parse_scale_csv(f"B1;0;{text}".encode(), known_codes={"B1"})
    assert errors == []
    assert rows["B1"][0].yearly_amount == Decimal(amount)


def test_a_spreadsheet_in_windows_encoding_with_an_accented_header_is_read():
    rows, errors = parse_scale_csv("Loonschaal;jaren anciënniteit;jaarbedrag\nB1;0;17300\n".encode("cp1252"),
                                   known_codes={"B1"})
    assert errors == []
    assert [step.years for step in rows["B1"]] == [0]


def test_staff_without_the_hr_role_cannot_import(client):
    login_staff(client, staff_user(roles.INTERVIEWER, username="interviewer"))
    response = client.get(IMPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not PayScaleVersion.objects.exists()


def test_the_import_page_is_linked_from_the_versions_list(hr_client):
    assert f'href="{IMPORT}"' in hr_client.get(CHANGELIST).content.decode()
