"""Hostile text in the HR exports (CSV and XLSX): no cell a spreadsheet evaluates can call a function or name a
cell, and every cell keeps its text (a quote in front, at most)."""

import csv
import io
import re

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from reports.exports import build_xlsx, neutralise, stream_csv
from tests.factories import ApplicationFactory, CandidateFactory, ProcedureFactory
from tests.hostile.hostile import HOSTILE_SETTINGS, hostile_text

# What a spreadsheet reads as the start of a formula, and what may follow in a cell it evaluates anyway:
# digits and signs compute a number at worst; a letter, colon, quote or ! could call a function or name a cell.
STARTS = ["=", "+", "-", "@", "\t", "\r", "\n", " =", "  +", " -", " @"]
HARMLESS = re.compile(r"[+-]?[0-9 ()./,+-]*")
DIGITS_AND_SIGNS = st.from_regex(r"[0-9 ()./+-]{0,20}", fullmatch=True)
CELL = st.tuples(st.sampled_from([*STARTS, ""]), hostile_text(long=False) | DIGITS_AND_SIGNS)


def lines(text):
    return re.sub(r"\r\n?", "\n", text)  # XML reads a CR as a line feed


def evaluated(cell):
    """Whether Excel or LibreOffice would read the cell as a formula (a leading quote makes it text)."""
    return cell.lstrip(" ").startswith(("=", "+", "-", "@")) or cell.startswith(("\t", "\r", "\n"))


@given(parts=CELL)
def test_a_cell_a_spreadsheet_evaluates_holds_nothing_but_digits_and_signs(parts):
    typed = "".join(parts)
    cell = neutralise(typed)
    assert cell in (typed, "'" + typed)  # a quote in front at most: nothing lost
    if evaluated(cell):
        assert HARMLESS.fullmatch(cell.strip(" ")), cell


NAME_PART = hostile_text(long=False, max_size=80).map(lambda s: s.replace("\x00", ""))  # fits the 100 of the column


@HOSTILE_SETTINGS
@given(first=st.tuples(st.sampled_from(STARTS), NAME_PART, st.sampled_from(["", "\x07", "\x1b[31m", "\x0b"])),
       phone=st.sampled_from(["+32 470 12 34 56", "056 27 80 00", "+32 (0)56 27.80.00"]))
def test_the_csv_and_xlsx_quote_what_would_be_evaluated_and_keep_phone_numbers(db, first, phone):
    # A name typed before names were checked may hold BEL or ESC: XML (so XLSX) cannot, it shows U+FFFD there.
    first_name = "".join(first)
    procedure = ProcedureFactory()
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name=first_name, phone=phone))

    raw = "".join(stream_csv(procedure=procedure))
    rows = list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"), newline=""), delimiter=";"))
    with build_xlsx(procedure=procedure) as target:
        sheet = load_workbook(io.BytesIO(target.read()))["Kandidaturen"]
        xlsx_rows = [[cell.value or "" for cell in row] for row in sheet.iter_rows(min_row=2)]
        assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)

    assert rows[-1][1] == "'" + first_name and rows[-1][4] == phone
    in_xml = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", "'" + first_name)
    assert lines(xlsx_rows[-1][1]) == lines(in_xml) and xlsx_rows[-1][4] == phone
