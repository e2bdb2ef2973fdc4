"""Build realistic news web pages (navigation, sidebar teasers, comment form, footer) around an
article body taken from a corpus page capture."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ingest.text import read_markdown

SIDEBAR = [
    "Neuralink diffuse une vidéo d'un homme tétraplégique jouant aux échecs par la pensée",
    "BioNTech espère lancer un premier médicament anticancer en 2026",
    "La saison des pollens du bouleau commence plus tôt que les autres années",
    "Le détaillant de produits de santé Goed victime d'une cyberattaque",
]


def article_parts(md_path: Path) -> tuple[str, str, list[str]]:
    """(title, byline date, body paragraphs) of a captured news page."""
    draft = read_markdown(md_path, md_path.read_bytes())
    text = draft.text
    spans = sorted((b.start, b.end) for b in draft.boilerplate)
    body = text[spans[0][1] : spans[-1][0]] if len(spans) >= 2 else text
    lines = [ln.strip() for ln in body.split("\n")]
    title = draft.title or lines[0]
    paras = [ln for ln in lines[1:] if ln and not re.match(r"^[-•o◦]\s*(?:\W\s*)?(?:\d|par )", ln)]
    paras = [re.sub(r"^[-•]\s+", "", p).replace("**", "") for p in paras]
    date = next((re.sub(r"^[^\d]*", "", ln) for ln in lines[:6] if re.search(r"\d{1,2} \w+ 20\d\d", ln)), "")
    return title, date, paras


def _para_html(p: str) -> str:
    if "\t" in p:
        cells = "".join(f"<td>{html.escape(re.sub('<[^>]+>', '', c))}</td>" for c in p.split("\t"))
        return f"<tr>{cells}</tr>"
    p = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(p))
    return f"<p>{p}</p>"


def build_news_html(md_path: Path, author: str = "Pierre Martin") -> tuple[str, str, str, list[str]]:
    """(html page, title, ISO-ish date text, body paragraphs)."""
    title, date, paras = article_parts(md_path)
    body, rows = [], []
    for p in paras:
        if "\t" in p:
            rows.append(_para_html(p))
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        body.append(_para_html(p))
    if rows:
        body.append("<table>" + "".join(rows) + "</table>")
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ("Accueil", "Actualités", "Congrès", "Agenda", "Contact"))
    side = "".join(f'<li><a href="/n/{i}">{html.escape(h)}</a></li>' for i, h in enumerate(SIDEBAR))
    page = f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{html.escape(title)} | Medi-Sphere</title>
<meta property="og:title" content="{html.escape(title)}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}">
</head><body>
<header><nav><ul>{nav}</ul></nav><div class="login"><a href="/login">Se connecter</a></div></header>
<main><article>
<nav class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/actualites">Actualités</a></nav>
<h1>{html.escape(title)}</h1>
<p class="byline">Publié le <time datetime="{date}">{date}</time> par {author}</p>
{''.join(body)}
</article>
<section class="related"><h2>Lire aussi</h2><ul>{side}</ul></section>
<section class="comments"><h2>Réagissez à cet article</h2><form><textarea name="c"></textarea>
<button>Envoyer</button></form></section>
</main>
<aside><h2>Ceci pourrait vous intéresser</h2><ul>{side}</ul></aside>
<footer><p>© Reflexion Medical Network — Mentions légales — Contact</p></footer>
</body></html>"""
    return page, title, date, paras
