"""The dates a document gives of itself (signed, concluded, published, validity, period), read from
its opening and closing lines in French and Dutch, and labelled on its date records.

The snippets are written for these tests (fixtures in the forms of accords, conventions and letters),
not copied from any source.
"""

from __future__ import annotations

import pytest
from tests_support import doc_of

from extract import extract_document

ACCORD_FR = """ACCORD NATIONAL MÉDICO-MUTUALISTE 2026-2027

La Commission nationale médico-mutualiste a conclu le 18 décembre 2025 l'accord suivant.

1. Durée

Le présent accord est conclu pour une période de deux ans, à savoir du 1er janvier 2026 au 31 décembre 2027.
Les honoraires de l'accord 2018-2019 restent une référence.

Fait à Bruxelles, le 18 décembre 2025
"""

AKKOORD_NL = """NATIONAAL AKKOORD TANDARTSEN-ZIEKENFONDSEN 2026

Tijdens haar vergadering van 9 december 2025 heeft de Nationale Commissie onder het voorzitterschap
van de heer X het volgende akkoord voor het jaar 2026 gesloten.

1. Duur

Dit akkoord treedt in werking op 1 januari 2026.
"""

LETTER_NL = """Brussel, 14 januari 2026

Betreft: gegevens over het GMD

Geachte,

De verzekeringsinstellingen bezorgen ons uiterlijk op 31 maart 2026 het aantal GMD's dat in 2025 werd
afgesloten.
"""


def _roles(doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for d in doc.dates:
        out.setdefault(d.role, []).append(d.value)
    return out


def test_a_french_accord_gives_its_conclusion_validity_and_period():
    doc = doc_of(ACCORD_FR, "accord.txt")
    roles = _roles(doc)
    assert doc.doc_type == "accord"
    assert roles["concluded"] == ["2025-12-18"] and roles["signed"] == ["2025-12-18"]
    assert roles["valid_from"] == ["2026-01-01"] and roles["valid_until"] == ["2027-12-31"]
    assert roles["period"] == ["2026/2027"]  # the title's, not the earlier accord's "2018-2019"
    assert (doc.date, doc.valid_from) == ("2025-12-18", "2026-01-01")
    for d in doc.dates:
        assert d.start is not None and d.end is not None
        assert d.value[:4] in doc.text[d.start : d.end]


def test_a_dutch_accord_is_dated_by_its_concluding_verb_and_covers_one_year():
    doc = doc_of(AKKOORD_NL, "akkoord.txt")
    roles = _roles(doc)
    assert roles["concluded"] == ["2025-12-09"]
    assert roles["valid_from"] == ["2026-01-01"]
    assert roles["period"] == ["2026"]
    assert "valid_until" not in roles


def test_a_letter_has_its_place_and_date_line_and_no_conclusion_from_a_later_verb():
    doc = doc_of(LETTER_NL, "brief.txt")
    roles = _roles(doc)
    assert roles.get("signed") == ["2026-01-14"]
    assert "concluded" not in roles  # "uiterlijk op 31 maart 2026 ... afgesloten" is no conclusion
    assert "period" not in roles  # letters cover no period


@pytest.mark.parametrize("text", [ACCORD_FR, AKKOORD_NL])
def test_the_date_records_carry_the_roles_and_the_period_is_a_record(text):
    doc = doc_of(text, "accord.txt")
    records = extract_document(doc)
    labelled = {(r.extra["role"], r.value) for r in records if r.type == "date" and "role" in r.extra}
    expected = {(d.role, d.value) for d in doc.dates}
    assert labelled == expected
    periods = [r for r in records if r.unit == "period"]
    assert len(periods) == 1 and periods[0].text == doc.text[periods[0].start : periods[0].end]
