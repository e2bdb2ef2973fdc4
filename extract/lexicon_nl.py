"""Dutch words and phrases used by the extractors (data only; the names of `extract.lexicon_fr`).

Entries named `*_RX` are regular-expression fragments, matched case-insensitively.
"""

# --- numbers and money ------------------------------------------------------------------------

SCALES: dict[str, int] = {
    "duizend": 1_000,
    "miljoen": 1_000_000,
    "miljoenen": 1_000_000,
    "mln": 1_000_000,
    "miljard": 1_000_000_000,
    "miljarden": 1_000_000_000,
    "mld": 1_000_000_000,
}
CURRENCY_WORDS: tuple[str, ...] = ("euro", "eur", "€")
MONEY_NOUNS: tuple[str, ...] = (
    "euro",
    "honoraria",
    "uitgaven",
    "ontvangsten",
    "besparingen",
    "kosten",
)
# Words that may follow "2,5 miljoen" of money without a currency (not a counted noun).
AFTER_MONEY_SCALE: tuple[str, ...] = ("worden", "werden", "zijn", "waren", "gaan", "extra", "bijkomend", "euros")

COUNT_NOUNS: tuple[str, ...] = (
    "artsen",
    "personen",
    "patiënten",
    "prestaties",
    "verstrekkingen",
    "dagen",
    "maanden",
    "jaren",
    "uren",
    "weken",
    "keer",
    "bedden",
    "inwoners",
    "leden",
    "deelnemers",
    "rechthebbenden",
    "raadplegingen",
    "aanvragen",
)
PER_UNIT: tuple[str, ...] = ("per ", "voor elke ", "voor iedere ")
NOT_PER_UNIT_RX = r"per\s+(?:de|het|een)\b"
PERCENT_WORDS_RX = r"procent\b|pct\b"
POINTS_RX = r"procentpunt(?:en)?"

REFERENCE_WORDS: tuple[str, ...] = (
    "dossier",
    "referentie",
    "ondernemingsnummer",
    "kbo",
    "rekening",
    "factuur",
    "omzendbrief",
)

# --- dates and delays -------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "één": 1,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "vijftien": 15,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "negentig": 90,
    "honderd": 100,
}
DURATION_UNITS: dict[str, str] = {
    "dag": "D",
    "dagen": "D",
    "werkdagen": "D",
    "kalenderdagen": "D",
    "week": "W",
    "weken": "W",
    "maand": "M",
    "maanden": "M",
    "jaar": "Y",
    "jaren": "Y",
}
DELAY_HEAD_RX = r"binnen(?:\s+de|\s+een\s+termijn\s+van)?|uiterlijk|ten\s+laatste"
DELAY_LINK_RX = r"na|volgend\s+op|te\s+rekenen\s+vanaf|vanaf"
RECURRING_RX = (r"van\s+elk\s+jaar|van\s+ieder\s+jaar|elk\s+jaar"
                r"|van\s+het\s+(?:(?:daarop)?volgende|voorgaande|betrokken)\s+jaar|van\s+het\s+jaar\s+(?:dat\s+volgt|na)\b"
                r"|van\s+(?:datzelfde|hetzelfde)\s+jaar")
DEADLINE_BEFORE_RX = r"(?:uiterlijk|ten\s+laatste)\s+(?:op|tegen)?\s*|tegen\s+|vóór\s+|voor\s+"
DEADLINE_AFTER_RX = r"\s*,?\s*(?:uiterlijk|ten\s+laatste)"
# Words before the date an action is set for ("zal op 1 januari 2020 worden geannuleerd", "in februari 2021").
ON_DATE_BEFORE_RX = r"\b(?:op|in)\s+$"
DEADLINE_PERIOD_HEAD_RX = (
    r"tegen\s+(?:eind\s+|einde\s+)?|(?:uiterlijk|ten\s+laatste)\s+(?:eind\s+|in\s+)?"
    r"|vóór\s+(?:eind\s+)?"
)

VALID_FROM_RX = (
    r"vanaf|van\s+toepassing\s+(?:vanaf|op)|in\s+werking\s+(?:op|vanaf)|met\s+ingang\s+van"
)

# --- legal references -------------------------------------------------------------------------

ACT_WORDS_RX: tuple[str, ...] = (
    r"programmawet",
    r"kaderwet",
    r"wet",
    r"koninklijk\s+besluit",
    r"ministerieel\s+besluit",
    r"besluit",
    r"decreet",
    r"ordonnantie",
    r"K\.?\s?B\.",
    r"KB",
)
ACT_NAMES: dict[str, str] = {"kb": "koninklijk besluit", "k.b.": "koninklijk besluit"}
ACT_DATE_LINK_RX = r"(?:nr\.\s*\d+\s+)?van"
TITLE_VERBS: tuple[str, ...] = tuple(
    "is zijn wordt worden werd werden zal zullen moet moeten kan kunnen heeft hebben bepaalt voorziet".split())
TITLE_HEAD_RX = r"betreffende|tot|inzake|houdende|op\s+de|over\s+de"
IMPLEMENTS_RX = r"tot\s+uitvoering\s+van(?:\s+de)?"
COORDINATED_RX = r"gecoördineerde?\s+op"
OF_LAW_RX = r"\s*,?\s*(?:van\s+de|van\s+het|van)\s+"
THIS_LAW_RX = r"(?:deze|dezelfde|voormelde|voornoemde)\s+wet"
ARTICLE_RX = r"\bartikelen|\bartikel|\bart\."
PARAGRAPH_SUFFIX_RX = r""
ALINEA_RX = r"lid"
NOMENCLATURE_RX = r"(?:de\s+)?nomenclatuur(?:\s+van\s+de\s+geneeskundige\s+verstrekkingen)?"
NOMENCLATURE_NAME = "nomenclature des prestations de santé"
ANNEX_RX = r"(?:de\s+)?bijlage\s+(?:bij|van)\s+(?:het|de)\s+"
BARE_LAW_RX = r"(?:de\s+)?wet(?![\w-])(?!\s+(?:van|betreffende|houdende|tot|op|inzake|over)\b)"
REPORT_RX = r"KCE[-\s]*rapport|rapport\s+van\s+het\s+KCE"
NOTE_RX = r"\bnota"
GAZETTE_RX = r"Belgisch\s+Staatsblad"
GAZETTE_DATE_LINK_RX = r"van"
SSI_PATTERNS: tuple[str, ...] = (
    r"(?:de\s+)?GVU-wet",
    r"(?:de\s+)?ZIV-wet",
    r"(?:de\s+)?wet\s+betreffende\s+de\s+verplichte\s+verzekering\s+voor\s+geneeskundige\s+verzorging"
    r"\s+en\s+uitkeringen,?\s+gecoördineerd\s+op\s+14\s+juli\s+1994",
)

# --- obligations ------------------------------------------------------------------------------

MODALITY_CUES: tuple[tuple[str, str], ...] = (
    # advice to someone named after the verb: "wij raden de artsen aan", "we bevelen de ziekenfondsen aan"
    ("advice", r"\b(?:raden|raadt|bevelen|beveelt)\b(?:\s+(?:dan\s+ook|daarom|sterk))?(?=\s+\w+)(?!\s+(?:u|je|jij|ons|wij|we)\b)"),
    ("commits", r"verbind(?:t|en)\s+zich(?:\s+ertoe)?"),
    ("must", r"\b(?:moet|moeten|dient|dienen|zal\s+moeten|zullen\s+moeten)\b"),
    (
        "must",
        r"\b(?:is|zijn|wordt|worden)\s+(?:verplicht|gehouden|belast\s+met|ertoe\s+gehouden)\b",
    ),
    (
        "should",
        r"\b(?:wordt|worden)\s+(?:verzocht|uitgenodigd)\b|\bzou(?:den)?\s+moeten\b|\bbeveelt\b",
    ),
    ("request", r"\bdringt\s+(?:erop\s+)?aan\s+(?:dat|opdat)\b|\bvraagt\s+dat\b"),
    ("may", r"\b(?:mag|mogen|kan|kunnen)\b"),
    ("must", r"(?<=\s)verplicht\s+(?:om|te)\b"),  # "zijn alle tandartsen vanaf 1 april verplicht om"
)
NEGATION_BEFORE_RX = r"\b(?:niet|geen)\s*$"
FUTURE_VERB_RX = r"\b(?:zal|zullen)\b"
# A second coordinated actor: "X en de Y", "X of het RIZIV".
COORDINATION_RX = r"\s+(?:en|of)\s+(?=(?:de\s|het\s|een\s|[A-Z]{2,}\b))"
COORDINATED_DETERMINER_RX = r"de\s+|het\s+|een\s+"

# Dutch puts the subject after the verb when the clause opens on something else ("Vanaf 2026
# moet de tandarts ...", "Daarom zal het RIZIV ..."): an actor right after the cue is its subject.
SUBJECT_AFTER_VERB = True
# Where such a subject ends: the object's determiner, an adverb or a preposition of time or means
# ("moet de tandarts | bovendien ...", "zijn alle tandartsen | vanaf 1 april verplicht").
SUBJECT_END_RX = (
    r"\s(?:de|het|een|zijn|haar|hun|deze|dit|bovendien|ook|daarom|dan|nog|wel|eerst|steeds|altijd"
    r"|vanaf|tegen|uiterlijk|binnen|op|in|met|via|na|tot|per|bij|tijdens|sinds|reeds|al)\b|\s(?=\d)"
)
NOT_FUTURE: frozenset[str] = frozenset()
DUTY_VERBS: tuple[str, ...] = (
    "meldt",
    "melden",
    "bezorgt",
    "bezorgen",
    "deelt",
    "delen",
    "stuurt",
    "sturen",
    "betaalt",
    "betalen",
    "dient in",
    "dienen in",
)
# Present-tense verbs that state, judge or describe rather than do (lemmas, as the Dutch tagger gives
# them): "de NCAZ betreurt", "het budget bedraagt".
STATEMENT_VERBS: frozenset[str] = frozenset(
    "zijn hebben worden betreuren hopen menen vinden achten oordelen benadrukken onderstrepen "
    "herinneren erkennen bevestigen wensen willen kunnen mogen moeten zullen bedragen omvatten "
    "bevatten betreffen bestaan dalen stijgen beogen blijven lijken schijnen weten denken geloven "
    "verwachten vrezen noteren merken gelden zien regelen liggen staan tellen vertegenwoordigen "
    "verheugen begrijpen steunen delen_mening".split()
)
PASSIVE_BY_RX = (
    r"\b(?:wordt|worden|zal\s+worden|zullen\s+worden)\s+(?:\w+\s+){0,6}?(?P<part>ge\w+)\s+door\s+"
)
# A participle: "ge-" after a separable prefix too ("ingediend", "opgesteld"), or "be-", "ver-", "ont-" forms ("bezorgd").
_PARTICIPLE = r"(?:\w{0,5}ge\w+|(?:be|ver|ont|her)\w+[dt])"
# A future passive ("De eerste betaling zal in februari 2021 worden uitgevoerd"): done, by nobody named.
FUTURE_PASSIVE_RX = rf"\b(?:zal|zullen)\b(?=[^.;,]{{0,60}}?\b(?:worden\s+{_PARTICIPLE}|{_PARTICIPLE}\s+worden)\b)"
PASSIVE_AFTER_CUE_RX = rf"\s*(?:\w+\s+){{0,8}}?(?:(?:worden|zijn)\s+{_PARTICIPLE}|{_PARTICIPLE}\s+(?:worden|zijn))\b"
SELF_ACTORS: tuple[str, ...] = (
    "ncaz",
    "nationale commissie artsen-ziekenfondsen",
    "partijen",
    "partners",
    "wij",
    "ondertekenaars",
)
# Dutch writes a compound as one word, its head last ("zorgverstrekkers"), and names a group by a
# bare plural ("Tandartsen die ... moeten"); professions end so.
COMPOUND_HEADS = True
PLURAL_ENDINGS: tuple[str, ...] = ("en", "s")  # a bare plural names a group: "Tandartsen die ... moeten"
ACTOR_SUFFIXES: tuple[str, ...] = ("isten", "therapeut", "therapeuten", "loog", "logen", "kundige", "kundigen", "pedist")
ACTOR_NOUNS: tuple[str, ...] = (
    "arts",
    "artsen",
    "huisarts",
    "huisartsen",
    "specialist",
    "specialisten",
    "tandarts",
    "tandartsen",
    "apotheker",
    "apothekers",
    "verpleegkundige",
    "verpleegkundigen",
    "kinesitherapeut",
    "kinesitherapeuten",
    "zorgverlener",
    "zorgverleners",
    "verstrekker",
    "verstrekkers",
    "zorgverstrekker",
    "zorgverstrekkers",
    "beoefenaar",
    "beoefenaars",
    "ziekenhuis",
    "ziekenhuizen",
    "instelling",
    "instellingen",
    "verzekeringsinstelling",
    "verzekeringsinstellingen",
    "ziekenfonds",
    "ziekenfondsen",
    "mutualiteit",
    "mutualiteiten",
    "rechthebbende",
    "rechthebbenden",
    "patiënt",
    "patiënten",
    "verzekerde",
    "verzekerden",
    "werkgever",
    "werkgevers",
    "minister",
    "regering",
    "koning",
    "overheid",
    "administratie",
    "dienst",
    "diensten",
    "cel",
    "comité",
    "raad",
    "commissie",
    "college",
    "werkgroep",
    "taskforce",
    "platform",
    "partij",
    "partijen",
    "partner",
    "partners",
    "organisatie",
    "organisaties",
    "vereniging",
    "verenigingen",
    "federatie",
    "syndicaat",
    "instituut",
    "agentschap",
    "centrum",
    "voorzitter",
    "ambtenaar",
    "directie",
    "aanvrager",
    "kandidaat",
    "leverancier",
    "firma",
    "bedrijf",
    "gemeenschap",
    "gewest",
    "netwerk",
    "team",
    "lid",
    "leden",
    "vertegenwoordiger",
    "wij",
)
ACTOR_MODIFIERS: tuple[str, ...] = (
    "nieuwe",
    "elke",
    "iedere",
    "alle",
    "andere",
    "beide",
    "betrokken",
)
QUANTITY_NOUNS: tuple[str, ...] = ("deel", "gedeelte", "helft", "meerderheid", "aantal")
ENT_WORDS: tuple[str, ...] = ()
IRREGULAR_INFINITIVES: tuple[str, ...] = ()
SUBJECT_PRONOUNS: tuple[str, ...] = ("hij", "zij", "ze", "deze")
LAST_NAMED_PRONOUNS: tuple[str, ...] = ("laatstgenoemde",)
IMPERSONAL_IL_RX = r"het\s+(?:is|wordt|moet|kan)\b"
DETERMINERS: tuple[str, ...] = ("de", "het", "een", "deze", "dit", "hun", "elke", "iedere", "alle")
CLITICS_RX = r"\b(?:zich|er|ook|dus|echter|bovendien|daarom|tevens|eveneens|nog|wel)\s*$"
INSERT_OPENERS: tuple[str, ...] = (
    "in",
    "met",
    "door",
    "voor",
    "volgens",
    "overeenkomstig",
    "na",
    "op",
    "bij",
    "die",
    "dat",
    "waarvan",
    "wanneer",
    "als",
    "indien",
    "zoals",
    "via",
    "van",
    "tot",
    "zonder",
    "onder",
    "tussen",
)
# Prepositions of time that end a noun phrase ("alle tandartsen | vanaf 1 april").
TIME_PREPOSITIONS: tuple[str, ...] = ("vanaf", "tegen", "uiterlijk", "binnen", "tijdens", "sinds", "voordien", "nadien")
PREPOSITIONS: tuple[str, ...] = (
    "van",
    "aan",
    "door",
    "voor",
    "met",
    "op",
    "in",
    "bij",
    "naar",
    "tot",
    "via",
    "tegen",
    "over",
)
RELATIVES: tuple[str, ...] = ("die", "dat", "wie", "waarvan", "waarbij")
SUBORDINATE_OPENERS_RX = r"aangezien|omdat|hoewel|indien|wanneer|als\s"
