"""Build realistic news web pages around an article body taken from a corpus page capture:
navigation, breadcrumb, share buttons, an inline "Lire aussi" box, a "Lire aussi" list, published
comments and a comment form, a "Ceci pourrait vous intéresser" sidebar and a footer."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ingest.readers.text import read_markdown

SIDEBAR = [
    "Neuralink diffuse une vidéo d'un homme tétraplégique jouant aux échecs par la pensée",
    "BioNTech espère lancer un premier médicament anticancer en 2026",
    "La saison des pollens du bouleau commence plus tôt que les autres années",
    "Le détaillant de produits de santé Goed victime d'une cyberattaque",
]
INLINE_TEASER = "Les syndicats médicaux appellent à une concertation sur la nomenclature"
COMMENT = "Encore une fois ce sont les patients qui paieront la facture de ces blocages"
CHROME = [*SIDEBAR, INLINE_TEASER, COMMENT, "Se connecter", "Mentions légales", "Envoyer", "Partager sur",
          "Ceci pourrait vous intéresser", "Lire aussi", "Réagissez à cet article"]


def article_parts(md_path: Path) -> tuple[str, str, list[str]]:
    """(title, byline date, body paragraphs) of a captured news page; '## ' marks a subheading."""
    draft = read_markdown(md_path, md_path.read_bytes())
    text = draft.text
    spans = sorted((b.start, b.end) for b in draft.boilerplate)
    body = text[spans[0][1] : spans[-1][0]] if len(spans) >= 2 else text
    lines = [ln.strip() for ln in body.split("\n")]
    title = draft.title or lines[0]
    paras = [ln for ln in lines[1:] if ln and not re.match(r"^[-•o◦]\s*(?:\W\s*)?(?:\d|par )", ln)]
    paras = [re.sub(r"^\*\*(.+)\*\*$", r"## \1", p) for p in paras]
    paras = [f"## {p}" if _subheading(p) else p for p in paras]
    paras = [re.sub(r"^[-•]\s+", "", p).replace("**", "") for p in paras]
    date = next((re.sub(r"^[^\d]*", "", ln) for ln in lines[:6] if re.search(r"\d{1,2} \w+ 20\d\d", ln)), "")
    return title, date, paras


def _subheading(p: str) -> bool:
    """A short line without final punctuation between paragraphs of a capture: a subheading."""
    return len(p) < 80 and "\t" not in p and not p.startswith("#") and not p.rstrip().endswith((".", ":", ";", ")"))


def _inline(p: str) -> str:
    p = html.escape(re.sub(r"<[^>]+>", "", p))
    return re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r'<a href="\2">\1</a>', p)


def _body_html(paras: list[str]) -> list[str]:
    body, rows = [], []
    for i, p in enumerate(paras):
        if "\t" in p:
            tag = "th" if not rows else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in p.split("\t")) + "</tr>")
            continue
        if rows:
            body.append(f"<table><thead>{rows[0]}</thead><tbody>{''.join(rows[1:])}</tbody></table>")
            rows = []
        if p.startswith("## "):
            body.append(f"<h2>{_inline(p[3:])}</h2>")
        else:
            body.append(f"<p>{_inline(p)}</p>")
        if i == 2:  # an inline teaser box inside the article, as news sites insert them
            body.append(f'<div class="inline-related"><p><strong>Lire aussi :</strong> '
                        f'<a href="/n/99">{INLINE_TEASER}</a></p></div>')
    if rows:
        body.append(f"<table><thead>{rows[0]}</thead><tbody>{''.join(rows[1:])}</tbody></table>")
    return body


def build_news_html(md_path: Path, author: str = "Pierre Martin") -> tuple[str, str, str, list[str]]:
    """(html page, title, date as printed, body paragraphs)."""
    title, date, paras = article_parts(md_path)
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
<div class="share"><a href="/share/fb">Partager sur Facebook</a> <a href="/share/li">Partager sur LinkedIn</a></div>
{''.join(_body_html(paras))}
</article>
<section class="related"><h2>Lire aussi</h2><ul>{side}</ul></section>
<section class="comments"><h2>Réagissez à cet article</h2>
<div class="comment"><p class="who">Dr J. Peeters</p><p>{COMMENT}.</p></div>
<form><textarea name="c"></textarea><button>Envoyer</button></form></section>
</main>
<aside><h2>Ceci pourrait vous intéresser</h2><ul>{side}</ul></aside>
<footer><p>© Reflexion Medical Network — Mentions légales — Contact</p></footer>
</body></html>"""
    return page, title, date, [p.removeprefix("## ") for p in paras]
