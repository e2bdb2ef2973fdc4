"""French (and Dutch/English) words used by the extractors (data only, lower-case)."""

# Scale words and their factor; "milliers" etc. may be followed by "d'euros".
SCALES: dict[str, int] = {
    "millier": 1_000, "milliers": 1_000, "mille": 1_000, "k": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "mio": 1_000_000, "mln": 1_000_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000, "mrd": 1_000_000_000,
    "duizend": 1_000, "miljoen": 1_000_000, "miljoenen": 1_000_000, "miljard": 1_000_000_000,
    "thousand": 1_000, "billion": 1_000_000_000,
}

CURRENCY_WORDS: tuple[str, ...] = ("euros", "euro", "eur", "€")

# Words after a number that show it counts things, not money.
COUNT_NOUNS: tuple[str, ...] = (
    "personnes", "médecins", "patients", "actes", "participants", "membres", "jours", "mois",
    "ans", "années", "heures", "semaines", "fois", "lits", "postes", "pays", "publications",
    "professionnels", "préservatifs", "prestations", "habitants", "artsen", "personen",
)

# Per-unit markers: an amount followed by these is a unit price.
PER_UNIT: tuple[str, ...] = ("par ", "per ", "/ ", "pour chaque ", "voor elke ")

# Number words used in delays ("dans les trente jours").
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "nonante": 90, "cent": 100,
    "één": 1, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "vijftien": 15, "twintig": 20, "dertig": 30,
    "zestig": 60, "negentig": 90, "honderd": 100,
}

# Duration units for ISO 8601 durations.
DURATION_UNITS: dict[str, str] = {
    "jour": "D", "jours": "D", "jour ouvrable": "D", "jours ouvrables": "D", "dag": "D", "dagen": "D",
    "semaine": "W", "semaines": "W", "week": "W", "weken": "W",
    "mois": "M", "maand": "M", "maanden": "M",
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y", "jaar": "Y",
}
