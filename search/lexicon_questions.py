"""Question cues in French, Dutch and English (data only, accent-folded, lower-case).

Each kind maps to the record types that can answer it.
"""

QUESTION_KINDS: dict[str, tuple[str, ...]] = {
    "amount": (
        "combien", "quel montant", "quelle somme", "quel budget", "quel est le tarif", "quel tarif",
        "quel est le montant", "quels montants", "prix", "cout", "coute", "rembourse", "honoraire",
        "avantage social", "hoeveel", "welk bedrag", "hoeveel bedraagt", "terugbetaald", "tarief",
        "how much", "what amount", "fee", "price", "cost", "reimbursed", "budget",
    ),
    "percent": (
        "pourcentage", "quel taux", "quelle part", "quel pourcentage", "de combien", "taux",
        "percentage", "welk percentage", "hoeveel procent", "what percentage", "rate", "%",
    ),
    "date": (
        "quand", "a partir de quand", "depuis quand", "jusqu'a quand", "quelle date", "pour quand",
        "wanneer", "vanaf wanneer", "tot wanneer", "welke datum", "when", "what date", "from when",
        "by when", "until when",
    ),
    "code": (
        "quel code", "quels codes", "numero de nomenclature", "numeros de nomenclature",
        "code de nomenclature", "codes de nomenclature", "welke code", "nomenclatuurnummer",
        "which code", "nomenclature code", "nomenclature number",
    ),
}

KIND_RECORD_TYPES: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "tariff_row"),
    "percent": ("percent",),
    "date": ("date", "obligation"),
    "code": ("code", "code_range", "tariff_row"),
}

# Which tariff-row field a question asks for, by cue (checked in this order).
TARIFF_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hos_nonpref", ("hospitalis", "gehospitaliseerd", "opgenomen")),
    ("amb_nonpref", ("ambulant", "ambulatoire", "ambulatory", "outpatient")),
    ("fee", ("honoraire", "honorarium", "fee", "tarif", "tarief", "prix", "price")),
)
PREFERENTIAL_CUES: tuple[str, ...] = ("avec regime preferentiel", "met voorkeurregeling", "with preferential")
NON_PREFERENTIAL_CUES: tuple[str, ...] = (
    "sans regime preferentiel", "zonder voorkeurregeling", "without preferential", "non preferentiel",
)
REIMBURSEMENT_CUES: tuple[str, ...] = (
    "rembours", "intervention", "terugbetaal", "tegemoetkoming", "reimburs", "krijgt",
)
