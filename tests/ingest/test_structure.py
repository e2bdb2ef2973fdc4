"""Ingestion of the corpus against golden files, and the invariants of sections and passages."""

import json
from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from ingest.structure import build_sections

GOLDEN = Path(__file__).resolve().parent / "golden"
DOCS = sorted(p.stem for p in GOLDEN.glob("*.json"))


@pytest.fixture(scope="module")
def parsed(corpus_dir):
    return {p.stem: parse_file(p) for p in corpus_dir.glob("*.*") if not p.name.lower().startswith("readme")}


@pytest.mark.parametrize("name", DOCS)
def test_document_matches_its_golden_file(parsed, name):
    """Regenerate with `python tests/make_golden.py` after an intended change."""
    import make_golden

    golden = json.loads((GOLDEN / f"{name}.json").read_text())
    doc = parsed[name]
    assert make_golden.summary(Path(doc.source)) == golden


@pytest.mark.parametrize("name", DOCS)
def test_passages_quote_the_text_and_never_cross_a_section(parsed, name):
    doc = parsed[name]
    by_id = {s.id: s for s in doc.sections}
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text
        if p.kind == "text":
            assert len(p.text) <= 1000
        if p.section is not None:
            sec = by_id[p.section]
            assert sec.start <= p.start and p.end <= sec.end
            children = [c for c in doc.sections if c.parent == sec.id]
            assert all(not (p.start < c.start < p.end) for c in children)


@pytest.mark.parametrize("name", DOCS)
def test_every_word_outside_chrome_and_tables_is_in_a_passage(parsed, name):
    """Text next to a table (notes under it, paragraphs after it) must not be lost."""
    doc = parsed[name]
    covered = bytearray(len(doc.text))
    for span in [*doc.boilerplate, *doc.tables, *doc.passages]:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    lost = "".join(ch if not covered[i] else " " for i, ch in enumerate(doc.text))
    words = [w for w in lost.split() if not w.isdigit()]
    assert words == []


def test_a_note_under_a_table_is_its_own_passage(tmp_path):
    path = tmp_path / "circ.md"
    path.write_text(
        "# Tarifs\n\n## 1. Consultations\n\n"
        "\tAMB\tHOS\tHonoraires\tIntervention\n"
        "B = 1,25\t101010\t101021\t25,00\t20,00\n(*)\t101032\t101043\t\t\n\n"
        "(*) En cas de dépassement du budget, un forfait de rattrapage est appliqué.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert [len(t.rows) for t in doc.tables] == [2]
    note = [p for p in doc.passages if "rattrapage" in p.text]
    assert [(p.kind, doc.sections[p.section].number) for p in note] == [("text", "1")]


def test_accord_sections_follow_the_numbering(parsed):
    doc = parsed["accord-medico-mutualiste-2020"]
    numbers = [s.number for s in doc.sections if s.number]
    assert numbers[:6] == ["1", "2", "3", "3.1", "3.2", "3.3"]
    assert len(numbers) == len(set(numbers))
    sec = next(s for s in doc.sections if s.number == "5.2.3.1")
    assert sec.path.startswith("5 Organisation des soins > 5.2 Postes de garde > 5.2.3 Financement")
    assert next(s for s in doc.sections if s.number == "5.1.1.A").heading == "Le paiement anticipé"


def test_circular_letter_sections_and_tables(parsed):
    doc = parsed["circulaire-oa-2024-382-tarifs-2025"]
    assert [s.number for s in doc.sections if s.number][:3] == ["N", "N.1", "N.2"]
    assert doc.tables[0].header[1] == "Numéro de code / AMB"
    assert doc.valid_from == "2025-01-01" and doc.date == "2024-12-12"
    rows = [p for p in doc.passages if p.kind == "table_row"]
    assert len(rows) == sum(len(t.rows) for t in doc.tables)
    assert "Analyses prénatales" in next(p.context for p in rows if "565235" in p.text)


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("1. Contexte\n\ntexte\n\n2. Principes\n\n3.000 milliers d'euros\n", ["1", "2"]),
        ("1. Un\n\n1.1. Sous\n\n1.2. Autre\n\n2. Deux\n\n17\n\n2.1. Suite\n", ["1", "1.1", "1.2", "2", "2.1"]),
        ("4. Quatre\n\n4.1. Un\n\nvoir les points\n16.2.1 ou 16.2.3, le notifie\n", ["4", "4.1"]),
        ("## N. Examens\n\n### 1. Cyto\n\n## 2. Prénatal\n\n### O. Autres\n", ["N", "N.1", "N.2", "O"]),
        ("5.1.1. Principes\n\nA. Le paiement anticipé\n\nB. Le paiement immédiat\n\n5.1.2. Actions\n",
         ["5.1.1", "5.1.1.A", "5.1.1.B", "5.1.2"]),
    ],
)
def test_numbering_edge_cases(text, numbers):
    import re

    from ingest.draft import HeadingHint

    hints = [HeadingHint(start=m.start(), end=m.end(), level=len(m.group(1)), text=m.group(2))
             for m in re.finditer(r"^(#+) (.+)$", text, re.M)]
    assert [s.number for s in build_sections(text, hints)] == numbers


ARTICLES = """SERVICE PUBLIC FÉDÉRAL SÉCURITÉ SOCIALE

Nous avons arrêté et arrêtons :

CHAPITRE Ier. - DISPOSITIONS GÉNÉRALES

Article 1er. Objet et définitions
§ 1er. Le présent arrêté fixe les règles du trajet.

Art. 2. Pour l'application du présent arrêté, on entend par :
1° « la loi » : la loi coordonnée le 14 juillet 1994.

CHAPITRE II. - REMBOURSEMENT

Art. 3. Conditions de remboursement
Le remboursement est subordonné à la conclusion d'un contrat, visé à l'article 35 de la loi.
Art. 35 de la loi dit autre chose.
"""


def test_articles_are_sections_below_their_chapters_and_a_letterhead_heads_none():
    """Written for this test: a decree's form (chapters, "Article 1er.", "Art. 2." with and without
    a heading on the line)."""
    secs = build_sections(ARTICLES)
    got = [(s.number, s.heading, s.level) for s in secs]
    assert got == [
        (None, "CHAPITRE Ier. - DISPOSITIONS GÉNÉRALES", 1),
        ("Article 1er", "Objet et définitions", 2),
        ("Art. 2", "", 2),
        (None, "CHAPITRE II. - REMBOURSEMENT", 1),
        ("Art. 3", "Conditions de remboursement", 2),
    ]  # "Art. 35" does not follow "Art. 3": a citation at a line start, no article
    art2 = secs[2]
    assert ARTICLES[art2.start:].startswith("Art. 2.") and "CHAPITRE II" not in ARTICLES[art2.start:art2.end]
    assert secs[4].path == "CHAPITRE II. - REMBOURSEMENT > Art. 3 Conditions de remboursement"


def test_dutch_articles_are_sections():
    text = "Artikel 1. Toepassingsgebied\nDeze overeenkomst regelt de betrekkingen.\n\nArtikel 2. Begrippen\nIn deze overeenkomst wordt verstaan onder:\n"
    assert [(s.number, s.heading) for s in build_sections(text)] == [
        ("Artikel 1", "Toepassingsgebied"), ("Artikel 2", "Begrippen")]
