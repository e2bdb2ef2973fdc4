"""Word lists used by ingestion (data only): page chrome, document-type cues, months."""

# A line starting with one of these ends a web article's body (comments, teasers, related links).
ARTICLE_END_MARKERS: tuple[str, ...] = (
    "vous souhaitez commenter cet article",
    "ceci pourrait vous intéresser",
    "ceci pourrait vous interesser",
    "réagissez à cet article",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "articles similaires",
    "inscrivez-vous à notre newsletter",
    "partager cet article",
    "lees ook",
    "reageer op dit artikel",
    "dit kan u ook interesseren",
    "dit kan je ook interesseren",
    "gerelateerde artikels",
    "schrijf je in op onze nieuwsbrief",
    "read also",
    "related articles",
    "you may also like",
    "leave a comment",
)

# Cues for the document type, checked on the title and the opening of the text.
# Each entry: (doc_type, phrase, weight). Phrases are lower-case and accent-folded.
DOC_TYPE_CUES: tuple[tuple[str, str, int], ...] = (
    ("accord", "accord national medico-mutualiste", 6),
    ("accord", "accord national medico - mutualiste", 6),
    ("accord", "accord medico-mutualiste", 3),
    ("accord", "nationaal akkoord artsen-ziekenfondsen", 6),
    ("accord", "akkoord artsen-ziekenfondsen", 4),
    ("accord", "accord national dento-mutualiste", 6),
    ("accord", "accord dento-mutualiste", 3),
    ("accord", "nationaal akkoord tandartsen-ziekenfondsen", 6),
    ("accord", "akkoord tandartsen-ziekenfondsen", 4),
    ("accord", "la cnmm", 1),
    ("accord", "de nationale commissie artsen-ziekenfondsen", 2),
    ("accord", "a conclu le", 2),
    ("accord", "heeft op", 0),
    ("convention", "convention nationale entre", 6),
    ("convention", "convention entre les", 4),
    ("convention", "nationale overeenkomst tussen", 6),
    ("convention", "overeenkomst tussen de", 4),
    ("convention", "commission de conventions", 2),
    ("convention", "overeenkomstencommissie", 2),
    ("law", "arrete royal", 1),
    ("law", "koninklijk besluit", 1),
    ("law", "arrete ministeriel", 1),
    ("law", "ministerieel besluit", 1),
    ("law", "nous avons arrete et arretons", 6),
    ("law", "wij hebben besloten en besluiten", 6),
    ("law", "a tous, presents et a venir", 4),
    ("law", "aan allen die nu zijn en hierna wezen zullen", 4),
    ("law", "roi des belges", 2),
    ("law", "koning der belgen", 2),
    ("circular", "circulaire oa", 6),
    ("circular", "circulaire aux organismes assureurs", 6),
    ("circular", "omzendbrief vi", 6),
    ("circular", "omzendbrief", 4),
    ("circular", "circulaire", 3),
    ("circular", "applicable a partir de", 2),
    ("circular", "van toepassing vanaf", 2),
    ("circular", "tarifs", 1),
    ("circular", "tarieven", 1),
    ("letter", "cher collegue", 5),
    ("letter", "chere collegue", 5),
    ("letter", "madame, monsieur", 4),
    ("letter", "veuillez agreer", 5),
    ("letter", "nous vous remercions", 2),
    ("letter", "geachte", 4),
    ("letter", "beste collega", 5),
    ("letter", "met vriendelijke groeten", 4),
    ("letter", "hoogachtend", 4),
    ("letter", "dear colleague", 5),
    ("letter", "yours sincerely", 4),
)

# Web-page signals: a document read from HTML, or markdown captured from a page, with these is news.
NEWS_CUES: tuple[str, ...] = (
    "actualités",
    "socio-professionnel",
    "nieuws",
    "news",
    "flash info",
    "par ",
    "door ",
)

LANG_CODES: tuple[str, ...] = ("fr", "nl", "en", "de")

# Words before a line-end hyphen that start a real compound ("médico-mutualiste"): keep the hyphen.
HYPHEN_PREFIXES = frozenset(
    """
    anti auto avant bio co contre demi ex extra inter intra micro mi multi médico medico néo neo non
    para pluri post pré pre pro pseudo quasi semi socio sous sub super télé tele trans ultra vice
    celui celle ceux celles ci là peut-être arrière grand grande e
    """.split()
)

# PDF metadata titles that name the authoring tool or a file rather than the document (lower-case).
PDF_JUNK_TITLES: tuple[str, ...] = (
    "microsoft word", "microsoft excel", "microsoft powerpoint", "untitled", "sans titre", "naamloos",
    "document1", "acrobat pdfmaker", "adobe indesign",
)

# Words after a line-end hyphen that end a compound ("celui-ci", "lui-même"): keep the hyphen.
HYPHEN_SUFFIXES = frozenset("ci là même mêmes il ils elle elles on t y en".split())

# Words in a spreadsheet column label that mark a code column (accent-folded, lower-case): its
# integers are nomenclature codes, written without thousands dots.
CODE_COLUMN_CUES: tuple[str, ...] = (
    "code", "codes", "numero", "nummer", "nomenclature", "nomenclatuur", "pseudocode", "amb", "hos",
    "prestation", "verstrekking",
)

# A document's letterhead: the institution and its service, above the title (folded prefixes).
LETTERHEAD_LINES: tuple[str, ...] = (
    "institut national d'assurance maladie", "rijksinstituut voor ziekte", "national institute for health",
    "service des soins de sante", "dienst voor geneeskundige verzorging", "service public federal",
    "federale overheidsdienst", "inami", "riziv", "inami-riziv", "riziv-inami",
)
