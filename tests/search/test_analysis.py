"""French analysis for BM25: folding, elision, numbers, stop words, stemming."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.text import fold
from search.analysis import analyse, normalise_number, query_terms, words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Médecin GÉNÉRALISTE", "medecin generaliste"),
        ("l’accord", "l'accord"),
        ("œuvre", "oeuvre"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    "tok, expected",
    [("8.588.807", "8588807"), ("1,95", "1p95"), ("2.515,06", "2515p06"), ("2020", "2020"), ("565235", "565235")],
)
def test_numbers_are_kept_whole(tok, expected):
    assert normalise_number(tok) == expected


def test_elisions_and_stopwords_are_dropped():
    terms = analyse("L'objectif budgétaire de l'accord et d'une consultation")
    assert "l" not in terms and "de" not in terms and "et" not in terms
    assert analyse("objectif")[0] in terms
    assert analyse("consultations") == analyse("consultation")


def test_accents_and_case_do_not_matter():
    assert analyse("Médecins Généralistes") == analyse("medecins generalistes")


def test_query_terms_add_dutch_stems_for_dutch_questions():
    terms = query_terms("Hoeveel budget wordt vrijgemaakt voor teledermatologie?", ("fr", "nl"))
    assert "teledermatologie" in " ".join(terms) or any(t.startswith("teledermatolog") for t in terms)
    assert "hoeveel" not in terms


@given(st.text(max_size=200))
def test_analysis_never_fails_and_never_returns_empty_terms(text):
    terms = analyse(text)
    assert all(t and " " not in t for t in terms)
    assert all(t == t.lower() for t in words(text) if not t[0].isdigit())


def test_a_dutch_compound_ending_in_a_glossary_word_gets_its_translation():
    from search.lexicon_glossary import GLOSSARY
    from search.query import analyse_query

    head = next(k for k in GLOSSARY if " " not in k and len(k) >= 5 and k.isalpha() and GLOSSARY[k])
    groups = analyse_query(f"Hoeveel krijgt een huisartsen{head} in 2020?").groups
    french = {tuple(analyse(p, "fr")) for p in GLOSSARY[head]}
    assert any(french & set(g) for g in groups)
    assert not any(french & set(g) for g in analyse_query(f"Combien reçoit un huisartsen{head} ?").groups)
