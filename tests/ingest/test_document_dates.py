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


OVEREENKOMST_NL = """Nationale overeenkomst tussen de kinesitherapeuten en de verzekeringsinstellingen 2027

Gesloten op 9 december 2026 binnen de Overeenkomstencommissie.

Artikel 1. Duur
Het akkoord wordt gesloten voor een periode van twee jaar. Het is geldig van 1 januari 2027 tot en met
31 december 2028.

Opgemaakt te Brussel op 9 december 2026.
"""

DECREE_FR = """Arrêté royal du 12 mars 2027 modifiant l'arrêté royal du 3 juillet 1996 portant exécution de la loi relative à l'assurance obligatoire soins de santé et indemnités, coordonnée le 14 juillet 1994

PHILIPPE, Roi des Belges,
A tous, présents et à venir, Salut.

Nous avons arrêté et arrêtons :

Article 1er. Objet
Le présent arrêté entre en vigueur le 1er avril 2027.

Donné à Bruxelles, le 12 mars 2027.
"""


def test_a_dutch_convention_gives_its_conclusion_signature_and_validity():
    doc = doc_of(OVEREENKOMST_NL, "overeenkomst.txt")
    roles = _roles(doc)
    assert doc.doc_type == "convention"
    assert roles["concluded"] == ["2026-12-09"] and roles["signed"] == ["2026-12-09"]
    assert roles["valid_from"] == ["2027-01-01"] and roles["valid_until"] == ["2028-12-31"]
    assert "period" not in roles  # a title's one year is no period (the 2022 accord's ran to 2023)


def test_a_royal_decree_is_a_law_titled_by_its_long_first_line():
    doc = doc_of(DECREE_FR, "decree.txt")
    assert doc.doc_type == "law"
    assert doc.title.startswith("Arrêté royal du 12 mars 2027 modifiant")
    assert doc.date == "2027-03-12" and doc.valid_from == "2027-04-01"
