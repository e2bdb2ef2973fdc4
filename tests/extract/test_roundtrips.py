"""Hypothesis round-trips: a value written the Belgian way is read back as the same value."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import records_of

from ingest.text.numbers import format_belgian, parse_number

FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
NL_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
SCALES = {
    "": 1,
    " €": 1,
    " EUR": 1,
    " euros": 1,
    " milliers d'euros": 1000,
    " millions d’euros": 1_000_000,
    " millions": 1_000_000,
    " miljoen euro": 1_000_000,
    " duizend euro": 1000,
}


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=99))
def test_belgian_numbers_round_trip(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    assert parse_number(format_belgian(value)) == pytest.approx(value)
    assert parse_number(format_belgian(value, sep=" ")) == pytest.approx(value)


@settings(max_examples=80, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999_999),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from([0, 2]),
    st.sampled_from([".", " "]),
)
def test_amounts_round_trip(value, unit, decimals, sep):
    number = format_belgian(value, decimals, sep)
    recs = records_of(f"Un montant de {number}{unit} est prévu.", "amount")
    if unit == "":
        assert recs == []
        return
    assert [r.value for r in recs] == [pytest.approx(value * SCALES[unit])]
    assert recs[0].text == f"{number}{unit}".strip()


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=99))
def test_euro_sign_before_the_amount_round_trips(whole, cents):
    value = whole + cents / 100
    (rec,) = records_of(f"un forfait de € {format_belgian(value)} est payé", "amount")
    assert rec.value == pytest.approx(value)


@settings(max_examples=80, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2069, 12, 31)),
    st.sampled_from(["long", "slash", "dash2", "dash4", "dutch", "iso"]),
)
def test_dates_round_trip(d, style):
    text = {
        "long": f"le {'1er' if d.day == 1 else d.day} {FR_MONTHS[d.month - 1]} {d.year}",
        "slash": f"le {d.day}/{d.month:02d}/{d.year}",
        "dash2": f"le {d.day:02d}-{d.month:02d}-{d.year % 100:02d}",
        "dash4": f"le {d.day:02d}-{d.month:02d}-{d.year}",
        "dutch": f"op {d.day} {NL_MONTHS[d.month - 1]} {d.year}",
        "iso": f"le {d.isoformat()}",
    }[style]
    if style == "dash2" and d.year < 2000:
        return
    assert [r.value for r in records_of(text, "date")] == [d.isoformat()]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1990, max_value=2069), st.integers(min_value=1, max_value=12))
def test_month_and_year_round_trip(year, month):
    assert [r.value for r in records_of(f"en {FR_MONTHS[month - 1]} {year}.", "date")] == [
        f"{year}-{month:02d}"
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=0, max_value=9999),
    st.sampled_from([" %", "%", " pour cent", " procent"]),
    st.sampled_from(["", "+", "-"]),
)
def test_percents_round_trip(hundredths, sign_word, sign):
    value = hundredths / 100
    text = f"une hausse de {sign}{format_belgian(value).replace('.', '')}{sign_word} est prévue"
    (rec,) = records_of(text, "percent")
    assert rec.value == pytest.approx(-value if sign == "-" else value)
    assert rec.extra.get("difference_points", False) == bool(sign)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=100_000, max_value=998_000), st.integers(min_value=1, max_value=999))
def test_code_ranges_round_trip(start, width):
    end = start + width
    if end > 999_999 or str(start).endswith("0000"):
        return
    (rec,) = records_of(f"les prestations ({start}-{end}) sont visées", "code_range")
    assert rec.value == {"from": str(start), "to": str(end)}


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(
        [
            "accord-medico-mutualiste-2020.txt",
            "circulaire-oa-2024-382-tarifs-2025.md",
            "lettre-2021-taskforces-soins-pertinents.txt",
        ]
    ),
    st.integers(min_value=0, max_value=9000),
    st.integers(min_value=1, max_value=3000),
)
def test_any_stretch_of_a_document_extracts_cleanly(name, start, length):
    from pathlib import Path

    from tests_support import doc_of

    from extract import extract_document

    text = (Path(__file__).resolve().parents[2] / "corpus" / name).read_text(encoding="utf-8")
    doc = doc_of(text[start : start + length] or "x")
    for rec in extract_document(doc):
        assert doc.text[rec.start : rec.end] == rec.text and rec.start < rec.end
