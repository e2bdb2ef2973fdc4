"""Question cues in French, Dutch and English (data only, accent-folded, lower-case).

Each kind maps to the record types that can answer it.
"""

QUESTION_KINDS: dict[str, tuple[str, ...]] = {
    "amount": (
        "combien", "quel montant", "quelle somme", "quel budget", "quel est le budget", "quel revenu",
        "quels revenus", "welk budget", "what budget", "quel est le tarif", "quel tarif",
        "quel est le montant", "quels montants", "prix", "cout", "coute", "rembourse", "honoraires?",
        "avantage social", "hoeveel", "welk bedrag", "hoeveel bedraagt", "terugbetaald", "tarief",
        "how much", "what amount", "fee", "price", "cost", "reimbursed",
    ),
    "percent": (
        "pourcentage", "quel taux", "quelle part", "quel pourcentage", "de combien", "taux",
        "percentage", "welk percentage", "hoeveel procent", "what percentage", "rate", "by how much",
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

# Question patterns (regular expressions over folded text) that ask for a kind of value: a
# question word, up to a few words, and a noun naming that kind of value.
_WH = r"(?:quel|quelle|quels|quelles|what|which|welk|welke|wat\s+is\s+het|wat\s+zijn\s+de)"
_MONEY = (r"(?:montants?|sommes?|budgets?|tarifs?|prix|couts?|honoraires?|forfaits?|primes?|enveloppes?"
          r"|plafonds?|revenus?|deficits?|economies?|[\w-]*bedrag(?:en)?|[\w-]*tarie(?:f|ven)|prijs|prijzen|kost(?:en)?"
          r"|[\w-]*honorari(?:um|a)|[\w-]*premies?|tekort|besparing(?:en)?|amounts?|fees?|prices?|costs?|premiums?"
          r"|ceilings?|caps?|deficits?|savings|allowances?|benefits?|sums?"
          r"|[\w-]*inkomens?|incomes?|suppl[eé]ments?|supplementen|pensions?|[\w-]*pensioen(?:en)?"
          r"|statuts?\s+socia(?:l|ux)|sociaal\s+statuut|social\s+status)")
_SHARE = (r"(?:pourcentages?|taux|parts?|proportions?|aandeel|deel|percentages?|shares?|rates?|indexation"
          r"|indexering|indices?|[\w-]*index)")
# Who is asked about ("quels médecins … leurs honoraires" asks which physicians, not a fee): after a
# question word, such a noun makes the question one a clause answers.
_WHO = (r"(?:medecins?|artsen|arts|doctors?|physicians?|specialistes?|specialisten|generalistes?|huisartsen?"
        r"|gps?|personnes|people|mensen|patients?|partijen|parties|partis|organisations?|organismes?)")
ASKS_WHO = rf"(?:quels|quelles|which|welke)\s+{_WHO}(?!\w)"
_DAY = r"(?:dates?|datum|dag|jour|day)"  # a date asked ("on what day", "op welke dag")
_PERIOD = r"(?:delais?|periodes?|periods?|durees?|duur|termijn(?:en)?)"  # a delay or period asked
_DATE_NOUN = r"(?:dates?|datum|dag|jours?|days?|delais?|termijn(?:en)?|periodes?|periods?|[\w-]*codes?)"


_COPULA = r"(?:est|sont|etait|etaient|sera|seront|fut|is|are|was|were|zijn|waren|wordt|worden|bedraagt|bedroeg)"
_DET = r"(?:le|la|les|l['’]|du|des|un|une|het|de|een|the|a|an|son|sa|ses|leurs?|ce|cette|ces|its|their)"


def _gap(head: str) -> str:
    """Up to four words between a question word and its head noun, none of them the head noun
    of another kind: in "what percentage of the fees", the head is "percentage", not "fees"."""
    return rf"(?:(?!(?:\w['’])?{head}(?!\w))[\w'()-]+\s+){{0,4}}?(?:\w['’])?"


def _asks(wh: str, others: str, own: str) -> str:
    """A question word, a gap (see `_gap`) and a head noun of this kind — unless one noun and an
    article (or a verb and an article) stand between them: that noun is the question word's head, and the kind's noun starts
    the subject ("sur quelle base le montant est-il calculé" asks for a basis, not an amount)."""
    return (rf"{wh}\s+(?!(?!{_COPULA}\s)[\w-]+\s+(?:{_COPULA}\s+)?{_DET}(?:\s+|(?<=['’])){own}(?!\w))"
            rf"{_gap(others)}{own}")


KIND_PATTERNS: dict[str, tuple[str, ...]] = {
    "amount": (_asks(_WH, _SHARE + '|' + _DATE_NOUN + '|' + _WHO, _MONEY), r"how (?:large|big|high)", r"hoe (?:hoog|groot)",
               r"a combien s'eleve", r"a combien se monte",
               r"\bwhat\s+(?:do|does|did|will|would|can|could)\s+(?:[\w']+\s+){1,3}?(?:get\s+|be\s+)?paid\b"),
    "percent": (_asks(_WH, _MONEY + '|' + _DATE_NOUN + '|' + _WHO, _SHARE), r"met hoeveel procent", r"by how many percent"),
    "code": (rf"(?:quels?|which|welke|what|wat\s+(?:is|zijn))\s+{_gap(_MONEY + '|' + _SHARE)}"
             r"(?:[\w-]*code|numeros?\s+de\s+code|codenummer)s?\b(?!\s*\d{6})",),  # "du code 565014" names it
    "date": (_asks(_WH, _MONEY + '|' + _SHARE + '|' + _WHO, _DAY),),
    "duration": (_asks(_WH, _MONEY + '|' + _SHARE + '|' + _WHO, _PERIOD),),
}

# A question without a question word ("Budget du projet-pilote ?", "Délai de préavis ?") asks for
# what its first noun names.
ELLIPTIC_HEADS: dict[str, str] = {
    "amount": _MONEY, "percent": _SHARE, "date": _DAY, "duration": _PERIOD,
}

# After "combien de" / "how many": these make it money or a delay, not a count (regex fragments).
NOT_COUNT_NOUNS: tuple[str, ...] = (
    "euros?", "eur\\b", "argent", "budget", "temps", "jours?", "mois", "semaines?", "ans\\b", "annees?",
    "days?", "months?", "weeks?", "years?", "times?\\b(?!\\s+per)",
)

# "When may a physician…" asks for the conditions, not a date: a clause answers.
CONDITION_PATTERNS: tuple[str, ...] = (
    r"(?:when|quand|wanneer|in which cases?|dans quels cas|in welke gevallen)\s+(?:can|may|could|might|peut|peuvent"
    r"|pourra|pourront|kan|kunnen|mag|mogen)\b",
)

# After "combien de" / "hoeveel": these nouns make it a count, not an amount of money.
COUNT_NOUNS: tuple[str, ...] = (
    "personnes", "medecins", "patients", "gens", "mensen", "personen", "artsen", "people",
    "physicians", "doctors", "participants", "actes", "fois", "keer", "times", "medecins generalistes",
    "generalistes", "specialistes", "huisartsen", "specialisten", "prestataires", "dispensateurs",
    "prestations", "prestaties", "verstrekkingen", "consultations", "consultaties", "raadplegingen",
    "zorgverleners", "ziekenhuizen", "hopitaux", "hospitals", "dossiers",
)

# "hoeveel" + a plural noun asks a count ("hoeveel deelnemers"), unless the word is one of these
# (plural verbs, money and time nouns).
DUTCH_NOT_COUNT: tuple[str, ...] = (
    "bedragen", "kosten", "krijgen", "ontvangen", "betalen", "verdienen", "hebben", "zijn", "waren", "worden",
    "werden", "mogen", "moeten", "kunnen", "stijgen", "dalen", "stegen", "daalden", "middelen", "uitgaven",
    "inkomsten", "dagen", "weken", "maanden", "jaren", "uren", "minuten", "euros", "punten", "procenten",
)

# Cues of a question asking how often: a frequency ("une fois par semestre") is a clause, no value.
FREQUENCY_CUES: tuple[str, ...] = (
    "combien de fois", "a quelle frequence", "a quel rythme", "hoe vaak", "hoe dikwijls", "hoeveel keer",
    "hoeveel maal", "how often", "how many times", "how frequently",
)

# A period a frequency question names ("combien de fois par semaine"): it then asks how many
# times; without one ("how often"), it asks the period ("une fois par période de six mois").
FREQUENCY_PERIOD = (r"(?:par|per|a|an|each|every|elke|iedere)\s+(?:semaines?|mois|ans?|annees?|jours?|trimestres?|semestres?"
                    r"|weeks?|maand|maanden|jaar|jaren|dag|dagen|kwartaal|semester|months?|years?|days?|quarters?)")

# Cues of a question asking for a delay or a period ("within how many days").
DURATION_CUES: tuple[str, ...] = (
    "dans quel delai", "quel delai", "quel est le delai", "delai de", "combien de jours", "combien de temps",
    "combien de mois", "binnen welke termijn", "welke termijn", "hoeveel dagen", "hoeveel maanden",
    "hoelang", "hoe lang", "how many days", "how many months", "how long", "what notice", "which notice",
    "what period", "within what", "notice period", "opzegtermijn", "hoeveel tijd", "hoeveel weken",
    "hoeveel jaar", "how much time", "how many weeks", "how many years", "how recently", "combien de semaines",
    "combien d'annees", "pendant combien de temps", "depuis combien de temps",
    # an age is a count of years ("à partir de 45 ans", "vanaf 45 jaar")
    "quel age", "welke leeftijd", "what age", "which age", "how old",
)

KIND_RECORD_TYPES: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "tariff_row"),
    "percent": ("percent",),
    "date": ("date",),
    "code": ("code", "code_range", "tariff_row"),
    "duration": ("date",),
    "count": (),
}

# Which tariff-row field a question asks for, by cue (checked in this order).
TARIFF_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("coefficient", ("valeur de la lettre", "waarde van de sleutelletter", "value of the key letter",
                     "key letter value", "key-letter value")),  # the key letter's value in euros
    ("relative_value", ("coefficient", "valeur relative", "betrekkelijke waarde", "relatieve waarde",
                        "relative value")),  # the number of key letters ("B 2000")
    ("letter", ("lettre-cle", "lettre cle", "sleutelletter", "key letter", "key-letter")),
    ("hos_nonpref", ("hospitalis", "gehospitaliseerd", "opgenomen")),
    ("amb_nonpref", ("ambulant", "ambulatoire", "ambulatory", "outpatient")),
    ("fee", ("honoraire", "honorarium", "fee", "tarif", "tarief", "prix", "price")),
)
PREFERENTIAL_CUES: tuple[str, ...] = ("avec regime preferentiel", "met voorkeurregeling", "with preferential")
NON_PREFERENTIAL_CUES: tuple[str, ...] = (
    "sans regime preferentiel", "zonder voorkeurregeling", "without preferential", "non preferentiel",
)
# What the patient pays himself: no column of a tariff row gives it; it is the fee less the
# reimbursement of the patient's case.
PATIENT_SHARE_CUES: tuple[str, ...] = (
    "ticket moderateur", "quote-part personnelle", "intervention personnelle", "part personnelle", "part du patient",
    "a charge du patient", "de sa poche", "remgeld", "persoonlijk aandeel", "eigen bijdrage", "uit eigen zak",
    "co-payment", "copayment", "patient share", "patient's share", "out of pocket", "out-of-pocket",
    "left for the patient", "patient pay",
)
# A question about what one act, patient or physician is paid or charged (a fee, a tariff, a
# reimbursement, a premium) is not answered by a budget figure (an annual envelope in thousands
# of euros), unless it also speaks of budgets; regex fragments over folded text.
PER_UNIT_CUES: tuple[str, ...] = (
    r"honoraires?", r"honorari(?:um|a)", r"fees?", r"tarifs?", r"tarieven|tarief", r"tariffs?", r"prix", r"prijs",
    r"price", r"rembours\w*", r"terugbeta\w*", r"reimburs\w*", r"payes?", r"payee?s?", r"betaald", r"paid",
    r"krijgt", r"ontvangt", r"touche", r"percoit", r"receives?", r"primes?", r"premies?", r"premiums?",
    r"(?:par|per)\s+(?:patient|patiente?s?|seance|sessie|session|visite|visit|consultation|raadpleging|prestation"
    r"|prestatie|acte|dossier|voorschrift|prescription)",
)
AGGREGATE_CUES: tuple[str, ...] = (
    r"budget\w*", r"begroting\w*", r"enveloppes?", r"envelop(?:pe)?", r"envelopes?", r"objectifs?", r"doelstelling\w*",
    r"targets?", r"masse", r"massa", r"mass", r"econom\w*", r"besparing\w*", r"bespaar\w*", r"savings?", r"depenses?",
    r"uitgaven?", r"spending", r"deficit", r"tekort", r"totale?s?", r"totaal", r"base annuelle", r"jaarbasis",
    r"annual basis", r"full year", r"milliers?", r"duizend", r"thousands?", r"millions?", r"miljoen", r"miljard\w*",
    r"milliards?", r"billions?", r"prevu", r"prevoit", r"reserve", r"consacre", r"voorzien", r"uitgetrokken",
    r"set aside", r"earmark\w*", r"allocat\w*", r"kost(?:en)?", r"couts?", r"costs?",
)
REIMBURSEMENT_CUES: tuple[str, ...] = (
    "rembours", "intervention", "terugbetaal", "tegemoetkoming", "reimburs", "krijgt",
)

# Words questions use to ask rather than to name a topic: absent from the corpus, they say nothing
# about whether the corpus holds the answer (accent-free, lower-case).
GENERIC_QUESTION_WORDS = frozenset(
    """
    somme sommes montant montants numero numeros versement versements revenu revenus forme formes
    delai delais date dates part parts taux prix cout couts valeur valeurs chiffre chiffres total
    nombre niveau niveaux moment periode annee annees mois jour jours cas situation conditions
    touche touchent visent vise concerne concernent prevoit prevu decide decidee premier premiere
    premiers premieres dernier derniere nouveau nouveaux nouvelle nouvelles meme autres quelle quel
    """.split()
)

# Shares said in words, which answer a percent question as well as a figure does ("la moitié au
# moins", "deux tiers", "de helft", "one third"); accent-free, lower-case, as regex fragments.
# "tiers" and "derde" alone are third parties (tiers payant, derde betaler), so a count must lead.
FRACTION_PATTERNS: tuple[str, ...] = (
    r"(?:la|une|de\s+la)\s+moitie",
    r"(?:un|deux|le|les\s+deux|du)\s+tiers(?!\s+payant)",
    r"(?:un|trois|le|les\s+trois|du)\s+quarts?",
    r"de\s+helft", r"(?:een|twee)\s+derde(?!\s*betal)", r"(?:een|drie)\s+kwart",
    r"(?:one|a|two)\s+thirds?", r"(?:one|a|three)\s+quarters?", r"(?:one\s+)?half\s+of",
)


# Scale words after a count ("7,4 millions de personnes"), accent-free, lower-case.
SCALE_WORDS: dict[str, int] = {
    "milliards": 10**9, "milliard": 10**9, "miljard": 10**9, "billion": 10**9,
    "millions": 10**6, "million": 10**6, "miljoen": 10**6,
    "milliers": 1000, "duizend": 1000, "thousand": 1000,
}
