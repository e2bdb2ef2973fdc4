"""French words and phrases used by the extractors (data only; lower-case unless a pattern).

Entries named `*_RX` are regular-expression fragments, matched case-insensitively. The Dutch
module `extract.lexicon_nl` defines the same names.
"""

# --- numbers and money ------------------------------------------------------------------------

# Scale words and their factor ("8.588.807 milliers d'euros", "200 millions", "1,5 milliard").
SCALES: dict[str, int] = {
    "millier": 1_000,
    "milliers": 1_000,
    "mille": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mio": 1_000_000,
    "mln": 1_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
    "mrd": 1_000_000_000,
}

CURRENCY_WORDS: tuple[str, ...] = ("euros", "euro", "eur", "€")

# Nouns after "200 millions de ..." that still name money.
MONEY_NOUNS: tuple[str, ...] = (
    "euros",
    "euro",
    "eur",
    "honoraires",
    "dépenses",
    "recettes",
    "économies",
    "moyens",
    "frais",
    "suppléments",
    "crédits",
    "budget",
    "cotisations",
    "interventions",
    "remboursements",
)

# Words that may follow "200 millions" of money without a currency (not a counted noun).
AFTER_MONEY_SCALE: tuple[str, ...] = ("supplémentaires", "additionnels", "annuels", "nets", "bruts", "sont", "ont")

# Words after a number that show it counts things, not money.
COUNT_NOUNS: tuple[str, ...] = (
    "personnes",
    "médecins",
    "patients",
    "actes",
    "participants",
    "membres",
    "jours",
    "mois",
    "ans",
    "années",
    "heures",
    "semaines",
    "fois",
    "lits",
    "postes",
    "pays",
    "publications",
    "professionnels",
    "préservatifs",
    "prestations",
    "habitants",
    "consultations",
    "assurés",
    "bénéficiaires",
    "dossiers",
    "demandes",
    "contacts",
    "visites",
    "séances",
    "unités",
)

# Per-unit markers: an amount followed by one of these (then a bare noun) is a unit price.
PER_UNIT: tuple[str, ...] = ("par ", "/", "pour chaque ")
# ... but not these, which start an ordinary phrase ("par rapport à", "par le biais de").
NOT_PER_UNIT_RX = (
    r"par\s+(?:rapport|ailleurs|le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs"
    r"|voie|exemple|conséquent|contre|défaut|suite|biais|an\s+de)\b"
)

# Percentage words and "points de pourcentage" (a difference in points).
PERCENT_WORDS_RX = r"%|pour\s?cent\b|p\.\s?c\.(?!\w)"
POINTS_RX = r"points?\s+(?:de\s+)?pourcentage|points?\s+%"

# Words before a 6-digit number that make it a reference, not a nomenclature code.
REFERENCE_WORDS: tuple[str, ...] = (
    "dossier",
    "référence",
    "réf.",
    "ref.",
    "entreprise",
    "bce",
    "compte",
    "tél.",
    "tél",
    "tel.",
    "fax",
    "gsm",
    "boîte",
    "bte",
    "bp",
    "circulaire",
    "lettre",
    "facture",
)

# --- dates and delays -------------------------------------------------------------------------

# Number words used in delays ("dans les trente jours").
NUMBER_WORDS: dict[str, int] = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "quarante-cinq": 45,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "quatre-vingts": 80,
    "nonante": 90,
    "cent": 100,
}

# Duration units for ISO 8601 durations.
DURATION_UNITS: dict[str, str] = {
    "jour": "D",
    "jours": "D",
    "jour ouvrable": "D",
    "jours ouvrables": "D",
    "jours calendrier": "D",
    "jours civils": "D",
    "semaine": "W",
    "semaines": "W",
    "mois": "M",
    "an": "Y",
    "ans": "Y",
    "année": "Y",
    "années": "Y",
}

# What opens a relative delay, before the count ("dans les trente jours", "dans un délai de").
DELAY_HEAD_RX = (
    r"dans\s+(?:un\s+délai\s+(?:maximum\s+|maximal\s+)?de|les)|endéans\s+(?:les)?"
    r"|au\s+plus\s+tard(?:\s+dans\s+les)?|au\s+cours\s+des"
)
# What links a delay to its anchor event ("qui suivent la publication").
DELAY_LINK_RX = r"qui\s+suivent|suivant|après|à\s+compter\s+de|à\s+dater\s+de|à\s+partir\s+de"

# A day and month that recur every year ("le 31 mars de chaque année").
# A day and month of every year, or of a year told relative to another ("le 31 mars de l'année
# qui suit l'année concernée"): not a date of the document's year.
RECURRING_RX = (r"de\s+chaque\s+année|de\s+l['’]année\s+en\s+cours|chaque\s+année"
                r"|de\s+l['’]année\s+(?:qui\s+(?:suit|précède)|suivante|précédente|concernée|de\s+référence|N\b)"
                r"|de\s+(?:cette|la)\s+même\s+année")

# Words before a date that make it a deadline ("d'ici le", "pour le", "au plus tard le").
DEADLINE_BEFORE_RX = (
    r"d['’]ici\s+(?:le|au|à|la\s+fin\s+d[eu']?|fin)?\s*|pour\s+le\s+|au\s+plus\s+tard\s+(?:le\s+|pour\s+le\s+|au\s+)?"
    r"|avant\s+le\s+|pour\s+(?:la\s+)?fin\s+|avant\s+(?:la\s+)?fin\s+(?:de\s+|d['’])?"
)
DEADLINE_AFTER_RX = r"\s*,?\s*au\s+plus\s+tard"
# Words before the date an action is set for ("sera annulée le 1er janvier 2020", "en février 2021").
ON_DATE_BEFORE_RX = r"\b(?:le|en)\s+$"
# A deadline given as a month or a year ("d'ici 2021", "d'ici fin juin 2025").
DEADLINE_PERIOD_HEAD_RX = (
    r"(?:d['’]ici\s+(?:à\s+|la\s+)?(?:fin\s+(?:de\s+|d['’]|du\s+)?)?|avant\s+(?:la\s+)?fin\s+(?:de\s+|d['’]|du\s+)?"
    r"|pour\s+(?:la\s+)?fin\s+(?:de\s+|d['’]|du\s+)?|au\s+plus\s+tard\s+(?:fin|en)\s+(?:de\s+|du\s+)?)"
    r"(?:mois\s+(?:de\s+|d['’])|l['’]année\s+|l['’]an\s+)?"
)

# Words before the date from which tariffs or a duty apply ("applicable à partir du 1er janvier 2025").
VALID_FROM_RX = (
    r"(?:applicables?\s+)?à\s+partir\s+du|(?:entre|entrent|entrera|entreront)\s+en\s+vigueur\s+le"
    r"|en\s+vigueur\s+(?:le|au|à\s+partir\s+du)|à\s+dater\s+du|à\s+compter\s+du|dès\s+le"
)

# --- legal references -------------------------------------------------------------------------

ACT_WORDS_RX: tuple[str, ...] = (
    r"loi[-\s]programme",
    r"loi[-\s]cadre",
    r"loi\s+spéciale",
    r"loi",
    r"arrêté\s+royal",
    r"arrêté\s+ministériel",
    r"arrêté\s+du\s+gouvernement\s+[\wé]+",
    r"arrêté",
    r"décret",
    r"ordonnance",
    r"A\.?\s?R\.",
    r"AR",
    r"A\.?\s?M\.",
    r"AM",
)
ACT_NAMES: dict[str, str] = {
    "ar": "arrêté royal",
    "a.r.": "arrêté royal",
    "am": "arrêté ministériel",
    "a.m.": "arrêté ministériel",
}
ACT_DATE_LINK_RX = r"(?:n°\s*\d+\s+)?du"
TITLE_VERBS: tuple[str, ...] = tuple("est sont sera seront doit doivent peut peuvent prévoit prévoient a ont".split())
# Words that begin the title of an act ("relative à", "portant", ...).
TITLE_HEAD_RX = (
    r"relati(?:f|ve)s?\s+(?:à|au|aux)|portant|concernant|modifiant|fixant|instaurant|établissant"
    r"|visant|organisant|réglementant|créant|déterminant|sur\s+(?:la|le|les|l['’])|en\s+matière\s+de"
)
# How an act says which provision it carries out ("portant exécution de l'article 53").
IMPLEMENTS_RX = r"(?:portant|pris\s+en)\s+exécution\s+(?:de\s+l['’]|des\s+|du\s+|de\s+(?=la\s))"
COORDINATED_RX = r"coordonnées?\s+le"
OF_LAW_RX = r"\s*,?\s*(?:de\s+la\s+|du\s+|de\s+l['’]\s*|des\s+)"
THIS_LAW_RX = r"(?:cette|ladite|la\s+même)\s+loi|la\s+loi\s+(?:précitée|susmentionnée|susvisée)"
ARTICLE_RX = r"\barticles?|\bart\.|\barts\."
PARAGRAPH_SUFFIX_RX = r"er|ère"
ALINEA_RX = r"alinéa|al\."
NOMENCLATURE_RX = r"(?:la\s+)?nomenclature(?:\s+des\s+prestations\s+de\s+santé)?"
NOMENCLATURE_NAME = "nomenclature des prestations de santé"
NOMENCLATURE_DATE = "1984-09-14"  # the nomenclature is the annex to the royal decree of 14 September 1984
# An annex between an article and its act: "l'article 36 de l'annexe à l'arrêté royal du …".
ANNEX_RX = r"(?:l['’])?annexe\s+(?:à|de)\s+(?:l['’]|la\s+|le\s+)?"
# The law a text defines or keeps citing, named bare: "l'article 36 de la loi", "de la loi".
BARE_LAW_RX = r"(?:la\s+)?loi(?![\w-])(?!\s+(?:du|de|relative|portant|spéciale|sur|concernant)\b)"
REPORT_RX = r"rapport\s+KCE|KCE[-\s]*(?:\(\s*)?rapport|rapport\s+du\s+KCE"
NOTE_RX = r"\bnote"
GAZETTE_RX = r"Moniteur\s+belge"  # the official journal, "publié au Moniteur belge du 15 décembre 2024"
GAZETTE_DATE_LINK_RX = r"du"

# The law on compulsory health care and benefits insurance, coordinated on 14 July 1994.
SSI_LAW_NAME = (
    "loi SSI (loi relative à l'assurance obligatoire soins de santé et indemnités, "
    "coordonnée le 14 juillet 1994)"
)
SSI_PATTERNS: tuple[str, ...] = (
    r"(?:la\s+)?loi\s+SSI",
    r"(?:la\s+)?loi\s+(?:AMI|INAMI)\b",
    r"(?:la\s+)?loi\s+relative\s+à\s+l['’]assurance\s+obligatoire\s+soins\s+de\s+santé\s+et"
    r"\s+indemnités,?\s+coordonnée\s+le\s+14\s+juillet\s+1994",
    r"(?:la\s+)?loi\s+coordonnée\s+du\s+14\s+juillet\s+1994",
)

# --- obligations ------------------------------------------------------------------------------

# Modality cues, each (modality, pattern); "request" cues pass the duty to the clause after them.
MODALITY_CUES: tuple[tuple[str, str], ...] = (
    # advice to someone named after the verb: "nous recommandons aux médecins de", "il est conseillé aux"
    ("advice", r"\b(?:recommand|conseill)(?:e|ons|ent|ée?s?)\b(?:\s+(?:vivement|donc|dès\s+lors))?(?=\s+(?:à|aux|au)\s)"),
    ("commits", r"s['’]engagen?t?\s+(?:\w+\s+){0,2}?(?:à|a)\b|s['’]accordent?\s+(?:à|pour)\b"),
    ("must", r"\b(?:doit|doivent|devra|devront)\b(?!\s+(?:également\s+)?(?:pouvoir|permettre))"),
    (
        "must",
        r"\b(?:est|sont|sera|seront|soit|soient)\s+(?:\w+ment\s+)?(?:tenue?s?|chargée?s?|obligée?s?|"
        r"responsables?)\s+(?:de|d['’])",
    ),
    ("must", r"(?<=[\w»),]\s)chargée?s?\s+(?:de|d['’])"),
    (
        "must",
        r"\bil\s+(?:est\s+demandé|y\s+a\s+lieu|faut)\b|\bil\s+est\s+(?:nécessaire|obligatoire)\s+de",
    ),
    (
        "should",
        r"\bveill(?:e|ent|era|eront)\s+à\b|\b(?:sont|est)\s+(?:\w+ment\s+)?invitée?s?\s+à"
        r"|\b(?:a|ont)\s+(?:\w+ment\s+)?été\s+invitée?s?\s+à"
        r"|\brecommande|\bdevrai(?:t|ent)\b|\bil\s+convient\b",
    ),
    (
        "request",
        r"\binsist(?:e|ent)\s+(?:pour\s+que|sur\s+le\s+fait\s+que|pour\s+qu['’])"
        r"|\bsouhait(?:e|ent)\s+(?:que|qu['’])|\bdemand(?:e|ent|ons)\s+(?:que|qu['’])"
        r"|\binvit(?:e|ent|ons)\s+(?:instamment\s+|dès\s+lors\s+|donc\s+)?(?=(?:le|la|les|l['’]|[A-Z]))",
    ),
    ("should", r"\bsouhait(?:e|ent)\b"),
    ("may", r"\b(?:peut|peuvent|pourra|pourront)\b(?!\s+(?:y\s+)?être\s+(?:stipulé|envisagé))"),
)
# A negation right before a cue ("ne peut", "n'est pas tenu").
NEGATION_BEFORE_RX = r"\bn(?:e|['’])\s*(?:\w+\s+)?$"
# Cues of "may" that, negated, forbid ("ne peut pas facturer").
PROHIBITION_MODAL = "may"

# A second coordinated actor opens with an article or an acronym ("X et les Y", "X ou l'INAMI",
# "une organisation ou un médecin");
# "et de contrôle" continues one name ("Service d'évaluation et de contrôle médicaux").
COORDINATION_RX = r"\s+(?:et|ou)\s+(?=(?:l['’]|les?\s|la\s|une?\s|[A-Z]{2,}\b))"
COORDINATED_DETERMINER_RX = r"l['’]|les?\s+|la\s+|une?\s+"

# French keeps the subject before the verb (no "Dès 2026 doit le médecin").
SUBJECT_AFTER_VERB = False

# Future tense of a verb ("mettra", "réalisera", "soumettront").
FUTURE_VERB_RX = (
    r"\b[a-zéèêàâîôûç]{2,}(?:era|eront|ira|iront|dra|dront|tra|tront|rra|rront|ra|ront)\b"
)
# Words with a future-looking ending that are no verbs (or are auxiliaries handled elsewhere).
NOT_FUTURE: frozenset[str] = frozenset(
    "pendant entra cadre mesure lettre notre votre autre contre centre montre ordre titre offre "
    "extra ultra contra opéra caméra sera seront aura auront fera feront pourra pourront devra "
    "devront tiers front affront sutra mantra algèbra tera".split()
)
# Present-tense verbs that state a duty when a deadline follows ("le notifie dans les 15 jours").
DUTY_VERBS: tuple[str, ...] = (
    "notifie",
    "notifient",
    "communique",
    "communiquent",
    "transmet",
    "transmettent",
    "introduit",
    "introduisent",
    "adresse",
    "adressent",
    "envoie",
    "envoient",
    "informe",
    "informent",
    "signale",
    "signalent",
    "déclare",
    "déclarent",
    "remet",
    "remettent",
    "paie",
    "paient",
    "rembourse",
    "remboursent",
    "verse",
    "versent",
    "soumet",
    "soumettent",
    "présente",
    "présentent",
)
# A future passive ("Le premier paiement sera effectué en février 2021"): done, by nobody named.
FUTURE_PASSIVE_RX = (
    r"\b(?:sera|seront)\s+(?:\w+ment\s+|également\s+|aussi\s+)?"
    r"(?=[a-zéèêàâîôûç]+(?:é|ée|és|ées|is|ise|ises|it|ite|its|ites|u|ue|us|ues|ert|erte|erts|ertes)\b)"
)
# Present-tense verbs that state, judge or describe rather than do (lemmas): "la CNMM constate",
# "elle se compose de"; in a convention or a law any other present-tense verb of an actor binds
# ("la Commission se réunit au moins quatre fois par an").
STATEMENT_VERBS: frozenset[str] = frozenset(
    "être avoir constater estimer considérer exprimer souligner répéter noter rappeler reconnaître "
    "confirmer observer regretter réjouir féliciter approuver partager composer comprendre concerner "
    "exister représenter élever chiffrer correspondre dépendre bénéficier disposer contenir viser "
    "porter sembler paraître rester demeurer constituer signifier permettre vouloir savoir pouvoir "
    "devoir souhaiter espérer craindre penser croire juger insister demander regrouper couvrir "
    "totaliser atteindre dépasser varier augmenter diminuer baisser croître prévoir".split()
)
# A passive whose agent follows ("sera soumise par la CIA").
PASSIVE_BY_RX = (
    r"\b(?:est|sont|sera|seront|soit|soient|être)\s+(?:\w+ment\s+)?"
    r"(?P<part>[a-zéèêàâîôûç]+(?:ée?s?|ie?s?|ise?s?|ite?s?|te?s?|ue?s?))\s+par\s+"
)
# "être" + participle right after a cue: the subject undergoes the action (passive).
PASSIVE_AFTER_CUE_RX = (
    r"\s*(?:\w+ment\s+|également\s+|aussi\s+|pas\s+|toujours\s+){0,2}être\s+"
    r"(?:\w+ment\s+|mieux\s+|bien\s+|davantage\s+)?"
    r"(?!(?:tenue?s?|chargée?s?|invitée?s?|autorisée?s?|obligée?s?|habilitée?s?|amenée?s?)\b)"
    r"[a-zéèêàâîôûç]+(?:ée?s?|ie?s?|ise?s?|ite?s?|ue?s?|erte?s?|ainte?s?|uite?s?|ts?|tes)\b"
)

# Actors who speak for the agreement itself: their future tense is a commitment.
SELF_ACTORS: tuple[str, ...] = (
    "cnmm",
    "commission nationale médico-mutualiste",
    "parties",
    "partenaires",
    "nous",
    "signataires",
)

# Head nouns of actors (singular and plural; matched accent- and case-insensitively).
# Professions by their ending, in words of seven letters or more ("diététicien", "pharmacien",
# "diabétologue", "pédiatre", "ergothérapeute", "dentiste").
ACTOR_SUFFIXES: tuple[str, ...] = (
    "icien", "iciens", "icienne", "iciennes", "acien", "aciens", "ologue", "ologues", "iatre",
    "iatres", "thérapeute", "thérapeutes", "logopède", "logopèdes", "iste", "istes",
)
ACTOR_NOUNS: tuple[str, ...] = (
    "médecin",
    "médecin-conseil",
    "médecins-conseils",
    "généraliste",
    "spécialiste",
    "dentiste",
    "pharmacien",
    "infirmier",
    "infirmière",
    "kinésithérapeute",
    "sage-femme",
    "sages-femmes",
    "logopède",
    "psychologue",
    "prestataire",
    "éducateur",
    "éducateurs",
    "dispensateur",
    "praticien",
    "professionnel",
    "hôpital",
    "hôpitaux",
    "établissement",
    "laboratoire",
    "institution",
    "organisme",
    "mutualité",
    "mutuelle",
    "union nationale",
    "unions nationales",
    "caisse",
    "assureur",
    "bénéficiaire",
    "patient",
    "assuré",
    "titulaire",
    "employeur",
    "ministre",
    "ministère",
    "gouvernement",
    "roi",
    "état",
    "autorité",
    "administration",
    "administrateur",
    "service",
    "cellule",
    "comité",
    "conseil",
    "commission",
    "collège",
    "groupe",
    "task force",
    "taskforce",
    "plateforme",
    "partie",
    "partenaire",
    "signataire",
    "organisation",
    "association",
    "fédération",
    "syndicat",
    "cercle",
    "institut",
    "agence",
    "centre",
    "office",
    "secrétariat",
    "président",
    "fonctionnaire",
    "direction",
    "inspecteur",
    "demandeur",
    "candidat",
    "fournisseur",
    "firme",
    "entreprise",
    "pouvoirs publics",
    "région",
    "communauté",
    "réseau",
    "coordinateur",
    "gestionnaire",
    "équipe",
    "responsable",
    "membre",
    "représentant",
    "délégué",
    "cartel",
    "chambre",
    "tribunal",
    "ordre",
    "acteur",
    "intervenant",
    "personnel",
    "collaborateur",
    "médiateur",
    "observatoire",
    "bureau",
    "fonds",
    "société",
    "parlement",
    "juge",
    "nous",
)
# Words that may stand between the determiner and the head of an actor ("le nouveau comité").
ACTOR_MODIFIERS: tuple[str, ...] = (
    "nouveau",
    "nouvelle",
    "nouveaux",
    "nouvelles",
    "chaque",
    "tout",
    "tous",
    "toute",
    "toutes",
    "certains",
    "certaines",
    "autres",
    "différents",
    "différentes",
    "deux",
    "trois",
    "présent",
    "présente",
    "futur",
    "future",
    "même",
    "mêmes",
    "seul",
    "seule",
    "premier",
    "première",
    "individuel",
    "cher",
    "chers",
)

# Nouns of quantity: "une partie du financement" names no party.
QUANTITY_NOUNS: tuple[str, ...] = (
    "partie",
    "part",
    "ensemble",
    "majorité",
    "moitié",
    "nombre",
    "totalité",
)
# Words ending in -ent that are nouns or adjectives, not verbs ("les organismes compétents").
ENT_WORDS: tuple[str, ...] = (
    "patient",
    "patients",
    "président",
    "présidents",
    "agent",
    "agents",
    "client",
    "clients",
    "parent",
    "parents",
    "résident",
    "résidents",
    "adolescent",
    "adolescents",
    "compétent",
    "compétents",
    "différent",
    "différents",
    "récent",
    "récents",
    "urgent",
    "urgents",
    "permanent",
    "permanents",
    "présent",
    "présents",
    "précédent",
    "précédents",
    "pertinent",
    "pertinents",
    "concurrent",
    "concurrents",
    "équivalent",
    "équivalents",
    "excellent",
    "cohérent",
    "transparent",
    "fréquent",
    "innocent",
    "prudent",
    "intelligent",
    "dirigent",
)
# Infinitives that end a noun phrase when "de" leads them ("demandé au CTM de faire").
IRREGULAR_INFINITIVES: tuple[str, ...] = (
    "faire",
    "prendre",
    "mettre",
    "soumettre",
    "transmettre",
    "remettre",
    "permettre",
    "produire",
    "conclure",
    "inscrire",
    "décrire",
    "introduire",
    "élire",
    "lire",
    "dire",
    "rendre",
    "suivre",
    "réduire",
    "construire",
    "promouvoir",
)

# Pronouns that stand for the previous sentence's actor; and those for the last one named.
SUBJECT_PRONOUNS: tuple[str, ...] = (
    "il",
    "ils",
    "elle",
    "elles",
    "ceux-ci",
    "celles-ci",
    "celui-ci",
    "celle-ci",
)
LAST_NAMED_PRONOUNS: tuple[str, ...] = (
    "ce dernier",
    "cette dernière",
    "ces derniers",
    "ces dernières",
)
# "il" that refers to nothing ("il est demandé", "il convient").
IMPERSONAL_IL_RX = (
    r"il\s+(?:(?:ne\s+|n['’])?(?:est|a\s+été|y\s+a|convient|faut|s['’]agit|importe|suffit|reste|"
    r"semble|apparaît|ressort|serait|sera|peut|pourra|doit|devra))\b"
)

# Words and phrases that never start an actor, and sentence openers to skip before one.
DETERMINERS: tuple[str, ...] = (
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "ce",
    "cet",
    "cette",
    "ces",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "chaque",
    "tout",
    "tous",
    "toute",
    "toutes",
)
CLITICS_RX = (
    r"\b(?:se|s['’]|ne|n['’]|y|en|le|la|les|l['’]|lui|leur|me|m['’]|nous|vous|également|aussi|"
    r"donc|dès\s+lors|en\s+outre|par\s+ailleurs|toutefois|notamment|enfin|d['’]office|"
    r"d['’]ores\s+et\s+déjà|encore|bien|déjà|toujours|désormais|ensuite|plutôt)\s*$"
)
# Pieces of a sentence before the verb that are inserts, not the subject ("en concertation avec").
INSERT_OPENERS: tuple[str, ...] = (
    "en",
    "avec",
    "par",
    "pour",
    "dans",
    "selon",
    "conformément",
    "après",
    "avant",
    "sur",
    "sauf",
    "qui",
    "que",
    "qu",
    "dont",
    "où",
    "lorsque",
    "si",
    "comme",
    "via",
    "vu",
    "compte",
    "dès",
    "à",
    "au",
    "aux",
    "de",
    "du",
    "des",
    "d",
    "sans",
    "sous",
    "entre",
    "chez",
    "depuis",
    "lors",
    "afin",
    "outre",
    "notamment",
    "le cas échéant",
    "au besoin",
    "autres",
)
# Prepositions of time that end a noun phrase ("les médecins | dès le 1er avril").
TIME_PREPOSITIONS: tuple[str, ...] = ("dès", "avant", "après", "pendant", "jusqu", "depuis")
PREPOSITIONS: tuple[str, ...] = (
    "de",
    "du",
    "des",
    "d",
    "à",
    "au",
    "aux",
    "par",
    "pour",
    "avec",
    "sur",
    "dans",
    "en",
    "entre",
    "via",
    "vers",
    "chez",
    "contre",
    "selon",
    "sans",
    "sous",
    "auprès",
    "envers",
)
RELATIVES: tuple[str, ...] = (
    "qui",
    "que",
    "qu",
    "dont",
    "où",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
)
# Subordinate clauses that open a sentence and hold no obligation ("Étant donné que ..., ").
SUBORDINATE_OPENERS_RX = (
    r"étant\s+donné\s+que|vu\s+que|puisque|bien\s+que|alors\s+que|si\s|s['’]il|lorsque|comme\s|"
    r"dès\s+que|afin\s+que|pour\s+que"
)
