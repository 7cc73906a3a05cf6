"""National register (INSZ) and bis numbers: the examples are computed here from the rule, not copied from anywhere."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from candidates.insz import is_valid_insz, normalise_insz, parse_insz

TODAY = date(2026, 6, 1)


def make(yymmdd, sequence, *, from_2000=False, check=None):
    """An 11-digit number built by the rule: check = 97 − (first 9 digits, with "2" before them from 2000, mod 97)."""
    first_nine = f"{yymmdd}{sequence:03d}"
    if check is None:
        check = 97 - int(("2" if from_2000 else "") + first_nine) % 97
    return f"{first_nine}{check:02d}"


def error_code(value):
    with pytest.raises(ValidationError) as caught:
        parse_insz(value, today=TODAY)
    return caught.value.code


def test_a_birth_before_2000_is_valid_and_carries_its_birth_date():
    number = make("850730", 33)
    parsed = parse_insz(number, today=TODAY)
    assert (parsed.number, parsed.birth_date, parsed.is_bis) == (number, date(1985, 7, 30), False)


def test_a_birth_from_2000_uses_the_2_prefix():
    number = make("010315", 1, from_2000=True)
    assert parse_insz(number, today=TODAY).birth_date == date(2001, 3, 15)
    # The same nine digits with the pre-2000 check are a different (valid) number: a person born in 1901.
    old = make("010315", 1)
    assert old != number
    assert parse_insz(old, today=TODAY).birth_date == date(1901, 3, 15)


def test_a_wrong_check_number_is_refused():
    number = make("850730", 33)
    wrong = number[:9] + f"{(int(number[9:]) % 97) + 1:02d}"
    assert error_code(wrong) == "check"


def test_a_check_of_97_is_valid():
    # When the first nine digits are a multiple of 97, the check is 97, not 00.
    first_nine = next(f"{n:09d}" for n in range(850730001, 850731000) if n % 97 == 0)
    assert parse_insz(first_nine + "97", today=TODAY).birth_date == date(1985, 7, 30)
    assert error_code(first_nine + "00") == "check"


@pytest.mark.parametrize(("month", "offset"), [(7, 20), (7, 40), (12, 20), (1, 40)])
def test_bis_numbers_add_20_or_40_to_the_month(month, offset):
    number = make(f"85{month + offset:02d}30" if month != 2 else "850228", 12)
    parsed = parse_insz(number, today=TODAY)
    assert parsed.is_bis
    assert parsed.birth_date == date(1985, month, 30)


def test_an_unknown_birth_date_may_be_zeros():
    parsed = parse_insz(make("850000", 5), today=TODAY)
    assert parsed.birth_date is None
    assert parse_insz(make("854000", 5), today=TODAY).is_bis


@pytest.mark.parametrize("yymmdd", ["851330", "850230", "850732", "850015", "856130"])
def test_impossible_dates_are_refused_even_with_a_right_check(yymmdd):
    assert error_code(make(yymmdd, 33)) == "date"


def test_a_birth_in_the_future_is_refused():
    assert error_code(make("261224", 33, from_2000=True)) == "date"


@pytest.mark.parametrize("sequence", [0, 998, 999])
def test_sequence_numbers_outside_001_997_are_refused(sequence):
    assert error_code(make("850730", sequence)) == "sequence"


@pytest.mark.parametrize("shape", ["{0}{1}.{2}{3}.{4}{5}-{6}{7}{8}.{9}{10}", "{0}{1}{2}{3}{4}{5} {6}{7}{8} {9}{10}",
                                   " {0}{1}-{2}{3}-{4}{5}/{6}{7}{8}-{9}{10} ", "{0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}"])
def test_dots_dashes_slashes_and_spaces_are_tolerated(shape):
    number = make("850730", 33)
    assert parse_insz(shape.format(*number), today=TODAY).number == number


@pytest.mark.parametrize("typed", ["", "8507300332", "850730033280", "85O73003328", "85.07.30+033.28", "٨٥٠٧٣٠٠٣٣٢٨",
                                   None])
def test_anything_but_11_digits_is_a_format_error(typed):
    assert error_code(typed) == "format"


def test_the_error_messages_are_dutch():
    with pytest.raises(ValidationError) as caught:
        parse_insz("123", today=TODAY)
    assert "11 cijfers" in caught.value.messages[0]


births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@settings(max_examples=25, deadline=None)
@given(birth=births, sequence=st.integers(1, 997), offset=st.sampled_from([0, 20, 40]),
       position=st.integers(0, 8), delta=st.integers(1, 9))
def test_every_number_built_by_the_rule_is_valid_and_a_changed_digit_breaks_the_check(birth, sequence, offset,
                                                                                       position, delta):
    yymmdd = f"{birth.year % 100:02d}{birth.month + offset:02d}{birth.day:02d}"
    number = make(yymmdd, sequence, from_2000=birth.year >= 2000)
    parsed = parse_insz(number, today=TODAY)
    assert (parsed.birth_date, parsed.is_bis) == (birth, offset > 0)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    # A single changed digit never keeps the check of the same century (97 is prime and > 9 * 10^k mod 97 ≠ 0).
    century_prefix = "2" if birth.year >= 2000 else ""
    assert 97 - int(century_prefix + changed[:9]) % 97 != int(number[9:])


def test_normalise_returns_none_for_letters():
    assert normalise_insz("85.07.30-033.2x") is None
    assert is_valid_insz(make("850730", 33), today=TODAY)
