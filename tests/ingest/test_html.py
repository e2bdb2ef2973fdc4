"""News web pages: the article body only, with its title, date, author, subheadings and tables."""

import re

import pytest
from html_fixtures import CHROME, build_news_html

from extract import extract_document
from ingest.draft import ReadError
from ingest.pipeline import parse_file

NEWS = ["news-2024-03-21-chiffres-conventionnement-2024.md", "news-2024-11-27-blocage-budget-inami-2025.md"]
DATES = {"21 mars 2024": "2024-03-21", "27 novembre 2024": "2024-11-27"}


@pytest.fixture(scope="module", params=NEWS)
def news(request, tmp_path_factory, corpus_dir):
    page, title, date, paras = build_news_html(corpus_dir / request.param)
    path = tmp_path_factory.mktemp("html") / "article.html"
    path.write_text(page, encoding="utf-8")
    return parse_file(path), title, date, paras


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_article_is_kept_whole(news):
    doc, _, _, paras = news
    prose = [p for p in paras if "\t" not in p]
    assert all(flat(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", p)) in flat(doc.text) for p in prose)


def test_navigation_sidebars_teasers_and_comments_are_dropped(news):
    doc, *_ = news
    assert [c for c in CHROME if c in doc.text] == []


def test_title_date_author_and_type(news):
    doc, title, date, _ = news
    assert doc.title == title and doc.date == DATES[date] and doc.meta["author"] == "Pierre Martin"
    assert (doc.doc_type, doc.lang, doc.pages) == ("news", "fr", [])
    assert not doc.text.startswith(title + " |")


def test_subheadings_become_sections(news):
    doc, title, _, paras = news
    assert all(s.heading != title for s in doc.sections)
    if "blocage" in doc.source or "Blocage" in title:
        assert [s.heading for s in doc.sections][:2] == ["Des querelles politiques aux répercussions concrètes",
                                                          "Des positions divergentes entre syndicats médicaux"]
        passage = next(p for p in doc.passages if "phono-consultations, passées de 2 à 5,5" in p.text)
        assert doc.sections[passage.section].heading == "Phono-consultations : une mesure controversée"


def test_passages_quote_the_text(news):
    doc, *_ = news
    assert doc.passages and all(doc.text[p.start : p.end] == p.text for p in doc.passages)


def test_tables_become_rows_with_their_labels(tmp_path, corpus_dir):
    page, *_ = build_news_html(corpus_dir / NEWS[0])
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    doc = parse_file(path)
    assert len(doc.tables) == 2 and doc.tables[0].header[2] == "% MG conventionnés"
    assert doc.tables[0].rows[0].cells[:3] == ["Région bruxelloise", "3.747", "89,48 %"]
    cell = next(r for r in extract_document(doc) if r.type == "percent" and r.value == 82.98)
    assert cell.extra == {"column": "% MS conventionnés", "row": "Région bruxelloise"}


def test_a_page_in_latin1_with_lists(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in [
        "Le Comité de l'assurance a approuvé le 4 décembre 2024 les nouveaux honoraires des médecins généralistes.",
        "Les mesures suivantes entrent en vigueur à partir du 1er janvier 2025 pour tous les prestataires.",
    ])
    page = (f"<html><head><meta charset='iso-8859-1'><title>Nouveaux honoraires</title></head><body>"
            f"<nav><a href='/'>Accueil</a></nav><article><h1>Nouveaux honoraires des généralistes</h1>{body}"
            "<ul><li>indexation de 3,22 % des honoraires</li><li>revalorisation du dossier médical global</li></ul>"
            "</article></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("latin-1"))
    doc = parse_file(path)
    assert "- indexation de 3,22 % des honoraires\n- revalorisation du dossier médical global" in doc.text
    assert "généralistes" in doc.text and "Accueil" not in doc.text


@pytest.mark.parametrize("page", [b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>", b"\x00\x01" * 500])
def test_a_page_without_an_article_fails_with_a_sentence(tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_bytes(page)
    with pytest.raises(ReadError) as err:
        parse_file(path)
    assert str(err.value).startswith("empty.html") and str(err.value).endswith(".")
