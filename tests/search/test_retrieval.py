"""Retrieval over the demo corpus: evidence of dev questions, the code route, filters, offsets."""

import pytest

from search.evaluate import first_relevant
from search.hybrid import CODE_RE, FusionParams, fuse
from search.models import Filters
from search.query import query_langs


def test_bm25_finds_the_evidence_of_dev_questions(kb_lexical, dev_questions):
    retriever = kb_lexical.retriever(dense=False)
    positives = [q for q in dev_questions if q["evidence"]]
    ranks = [first_relevant(retriever.search(q["question"], 10), q["evidence"]) for q in positives]
    r5 = sum(1 for r in ranks if r and r <= 5) / len(ranks)
    assert r5 >= 0.85, ranks


def test_hits_quote_their_document_exactly(kb_lexical):
    for hit in kb_lexical.search("indexation des honoraires 2020", k=10).results:
        assert kb_lexical.store.text_of(hit.doc_id)[hit.start : hit.end] == hit.text
        assert hit.title and hit.doc_type in ("accord", "circular", "news", "letter", "other")


def test_a_code_in_the_query_goes_to_its_table_row_first(kb_lexical):
    hits = kb_lexical.search("565235", k=5).results
    assert "565235" in hits[0].text
    assert hits[0].doc_type == "circular"
    assert "Analyses prénatales" in hits[0].section.path


def test_a_code_inside_a_question_is_routed_too(kb_lexical):
    hits = kb_lexical.search("Hoeveel krijgt een patiënt terug voor verstrekking 565596?", k=3).results
    assert "565596" in hits[0].text


@pytest.mark.parametrize(
    "filters, check",
    [
        (Filters(doc_type="news"), lambda h: h.doc_type == "news"),
        (Filters(since="2024-01-01"), lambda h: h.date >= "2024-01-01"),
        (Filters(until="2020-01-01"), lambda h: h.date <= "2020-01-01"),
    ],
)
def test_filters_restrict_every_hit(kb_lexical, filters, check):
    hits = kb_lexical.search("accord médico-mutualiste budget", k=10, filters=filters).results
    assert hits and all(check(h) for h in hits)


def test_a_filter_that_matches_nothing_gives_no_hits(kb_lexical):
    assert kb_lexical.search("accord", k=5, filters=Filters(lang="nl")).results == []


def test_sections_are_reported_with_their_path(kb_lexical):
    hit = kb_lexical.search("dénonciation lettre recommandée président de la CNMM", k=1).results[0]
    assert hit.section.number and hit.section.number.startswith("16.2")
    assert hit.section.path.startswith("16 ")


def test_code_regex_ignores_amounts_and_longer_numbers():
    assert CODE_RE.findall("code 565235 et 8.588.807 et 1234567 et 2.515,06") == ["565235"]


def test_query_language_cues():
    assert query_langs("Hoeveel mensen hadden een dossier?") == ("fr", "nl")
    assert "en" in query_langs("What is the minimum fee?")
    assert query_langs("Quel est le montant ?") == ("fr",)


def test_weighted_rrf_prefers_agreement_and_respects_weights():
    lex, sem = [(1, 9.0), (2, 5.0)], [(2, 0.9), (3, 0.8)]
    fused = fuse([(lex, 1.0), (sem, 1.0)], FusionParams())
    assert max(fused, key=fused.get) == 2
    only_lex = fuse([(lex, 1.0), (sem, 0.0)], FusionParams())
    assert set(only_lex) == {1, 2}
    scored = fuse([(lex, 1.0), (sem, 1.0)], FusionParams(method="score"))
    assert scored[2] > scored[3]


def test_question_files_with_a_bad_line_fail_with_its_number(tmp_path):
    from search.evaluate import load_questions

    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "a"}\n{not json}\n')
    with pytest.raises(ValueError, match="line 2 is not valid JSON"):
        load_questions(path)
    path.write_text('{"question": "a"}\n{"q": "b"}\n')
    with pytest.raises(ValueError, match="line 2 has no field question"):
        load_questions(path)


@pytest.mark.parametrize(
    "query, expected",
    [("tarifs au 01/01/2025", "01-01-2025"), ("un montant de 5037,70", "5.037,70 euros"),
     ("avantage social de 6287,70", "6.287, 70 euros"), ("indexation de 3,34 pour cent", "3,34%")],
)
def test_dates_and_figures_find_their_records_whatever_the_spelling(kb_lexical, query, expected):
    hits = kb_lexical.search(query, k=3).results
    assert any(expected in hit.text for hit in hits)


def test_the_answer_type_prior_lifts_passages_holding_the_asked_value(tmp_path):
    """Two sections that share the question's words; only one holds an amount."""
    from tests_support import make_kb

    path = tmp_path / "note.txt"
    path.write_text(
        "Note sur l'indexation\n\n"
        "1. Principes\n\nL'indexation des honoraires des médecins en 2020 suit les principes de "
        "l'accord et l'indexation des honoraires reste la règle pour les médecins.\n\n"
        "2. Moyens\n\nLa masse prévue pour 2020 permet de répartir un montant de 180.198 milliers "
        "d'euros.\n",
        encoding="utf-8",
    )
    question = "Quelle somme était prévue pour indexer les honoraires des médecins en 2020 ?"
    tops = {}
    for w_type in (0.0, 0.5):
        kb = make_kb(tmp_path / f"kb{w_type}", w_type=w_type)
        kb.ingest([path])
        tops[w_type] = kb.retriever(dense=False).search(question, 2)[0].text
    assert "180.198" not in tops[0.0]
    assert "180.198" in tops[0.5]


def test_a_document_of_the_year_asked_is_lifted_not_required(tmp_path):
    """Two conventions with the same clause; the question names the year one of them applies from."""
    from tests_support import make_kb

    for year, extra in (("2020", " La séance individuelle reste la règle pour la séance."), ("2022", "")):
        (tmp_path / f"convention-{year}.txt").write_text(
            "Convention des kinésithérapeutes\n\nLa présente convention entre en vigueur le 1er janvier "
            f"{year}.\n\n2. Honoraires\n\nL'honoraire de la séance individuelle est fixé à 30 euros.{extra}\n",
            encoding="utf-8")
    question = "Quel est l'honoraire de la séance individuelle en 2022 ?"
    tops = {}
    for w_year in (0.0, 0.25):
        kb = make_kb(tmp_path / f"kb{w_year}", w_year=w_year, w_type=0.0)
        kb.ingest([tmp_path / "convention-2020.txt", tmp_path / "convention-2022.txt"])
        hits = kb.retriever(dense=False).search(question, 4)
        tops[w_year] = [h.source.rsplit("-", 1)[-1] for h in hits if "30 euros" in h.text]
    assert tops[0.0][0] == "2020.txt" and tops[0.25][0] == "2022.txt"
    assert set(tops[0.25]) == {"2020.txt", "2022.txt"}  # the other year's passage is still found


def test_no_answer_type_prior_without_a_value_question(kb_lexical):
    retriever = kb_lexical.retriever(dense=False)
    from search.question import parse_question

    assert retriever.typed(parse_question("Qui peut dénoncer l'accord ?"), [(1, 1.0), (2, 0.5)]) == []


def test_passages_in_another_language_get_a_stand_in_vote_from_their_dense_rank(tmp_path):
    """BM25 cannot match a Dutch question's words to a French passage: the dense rank stands in."""
    from tests_support import make_kb

    from search.question import parse_question

    (tmp_path / "fr.txt").write_text(
        "Note\n\nLes honoraires des médecins généralistes sont indexés au premier janvier selon "
        "l'indice santé, et la commission nationale en fixe les montants chaque année.\n", encoding="utf-8")
    (tmp_path / "nl.txt").write_text(
        "Nota\n\nDe honoraria van de huisartsen worden op één januari geïndexeerd volgens de "
        "gezondheidsindex, en de nationale commissie legt de bedragen elk jaar vast.\n", encoding="utf-8")
    kb = make_kb(tmp_path / "kb")
    kb.ingest([tmp_path / "fr.txt", tmp_path / "nl.txt"])
    retriever = kb.retriever(dense=False)
    langs = {r["lang"]: r["pid"] for r in kb.store.db.execute(
        "SELECT p.pid, d.lang FROM passages p JOIN documents d ON d.doc_id = p.doc_id").fetchall()}
    fr, nl = langs["fr"], langs["nl"]
    sem = [(fr, 0.9), (nl, 0.8)]
    dutch = parse_question("Hoe worden de honoraria van de huisartsen geïndexeerd?")
    assert retriever.stand_in(dutch, [], sem) == [(fr, 0.9)]
    assert retriever.stand_in(dutch, [(fr, 3.0)], sem) == []  # BM25 found it: no stand-in
    french = parse_question("Comment les honoraires des généralistes sont-ils indexés ?")
    assert retriever.stand_in(french, [], sem) == [(nl, 0.8)]
    assert retriever.stand_in(parse_question("How are GP fees indexed?"), [], sem) == []  # English shares words


def test_a_question_vector_is_its_query_and_passage_vectors_summed():
    import numpy as np

    from search.similarity import Similarity

    class Prefixed:  # a model encoding queries and passages apart, as e5 does
        def encode_queries(self, texts):
            return np.array([[1.0, 0.0, 0.0]] * len(texts), dtype=np.float32)

        def encode_passages(self, texts, batch_size=16):
            return np.array([[0.0, 1.0, 0.0]] * len(texts), dtype=np.float32)

    vec = Similarity(Prefixed()).query("Hoeveel bedraagt het forfait?")
    assert np.allclose(vec, [2 ** -0.5, 2 ** -0.5, 0.0])

    class Plain(Prefixed):  # without prefixes both are the same vector: the query vector itself
        def encode_passages(self, texts, batch_size=16):
            return self.encode_queries(texts)

    assert np.allclose(Similarity(Plain()).query("x"), [1.0, 0.0, 0.0])
