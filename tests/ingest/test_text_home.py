"""The one home of text handling: folding, sentences, numbers and dates, shared by every stage."""

import time

from extract import extract_document
from ingest.pipeline import parse_file
from ingest.text import find_dates, find_months, find_years, fold, parse_number, sentences, squash


def test_fold_is_one_definition():
    assert fold("Hôpital") == "hopital"
    assert fold("l’œuvre") == "l'oeuvre"
    assert fold("ÉCHOGRAPHIE") == "echographie"
    assert fold("ﬁnancement") == "financement"  # compatibility ligature
    assert squash("  a \n\t b ") == "a b"


def test_every_stage_uses_the_same_fold():
    import extract.actors
    import ingest.metadata
    import search.analysis
    import search.query

    assert extract.actors.fold is ingest.metadata.fold is search.analysis.fold is search.query.fold is fold


def test_one_date_finder_for_every_form():
    text = "le 1er janvier 2020, 1<sup>er</sup> janvier 2025, 18 maart 2024, 1/01/2025, 12-12-2024, 2024-03-15"
    assert [d for _, _, d in find_dates(text)] == [
        "2020-01-01", "2025-01-01", "2024-03-18", "2025-01-01", "2024-12-12", "2024-03-15"]
    assert find_dates("version 12.12.24") == []
    assert find_dates("30 février 2020") == []
    assert find_years("en 2018, puis 2020 et 2018") == ["2018", "2020"]
    assert find_months("à partir de septembre 2020, vanaf april 2022, from May 2021, le 1er mai 2023") == [
        "2020-09", "2022-04", "2021-05"]  # the month of a full date is not a month named alone
    assert find_years("la période 2024-2025, le 1/01/2023 ; 3.2019 ; 12.020 euros") == ["2024", "2025", "2023"]


def test_query_and_extraction_agree_on_iso_dates(tmp_path):
    """The date a question names and the date extraction records are found by one function."""
    path = tmp_path / "note.txt"
    path.write_text("Note\n\nLa mesure entre en vigueur le 2024-03-15 pour tous les médecins.\n")
    doc = parse_file(path)
    dates = [r.value for r in extract_document(doc) if r.type == "date"]
    assert dates == [d for _, _, d in find_dates("Que se passe-t-il le 2024-03-15 ?")] == ["2024-03-15"]


def test_belgian_numbers():
    assert parse_number("2.515,06") == 2515.06
    assert parse_number("8.588.807") == 8588807
    assert parse_number("1,95") == 1.95


def _seconds(text: str) -> float:
    t = time.perf_counter()
    sentences(text)
    return time.perf_counter() - t


def test_sentence_splitting_grows_linearly_on_one_long_line():
    """One line of many full stops: doubling the input at most ~2.5x the time (ratio, one run)."""
    unit = "Le tarif est fixé à 12,50 euros. Art. 5 s'applique. "
    small, large = unit * 4000, unit * 8000
    _seconds(small)  # warm up
    t_small = min(_seconds(small) for _ in range(3))
    t_large = min(_seconds(large) for _ in range(3))
    assert t_large < 2.5 * t_small + 0.01
    assert len(sentences(large)) == 2 * len(sentences(small))
