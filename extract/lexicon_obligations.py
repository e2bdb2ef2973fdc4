"""Cues of obligations in French, Dutch and English (data only, regular expressions)."""

# Modality cues, checked in this order; each is a regular expression (case-insensitive).
MODALITY_CUES: tuple[tuple[str, str], ...] = (
    ("commits", r"s['’]engagen?t?\s+(?:dès\s+lors\s+)?à|s['’]accordent?\s+(?:à|pour)|verbind(?:t|en)\s+zich|commits?\s+to|undertakes?\s+to"),
    ("must", r"\b(?:doit|doivent|devra|devront)\b(?!\s+(?:également\s+)?(?:pouvoir|permettre))"),
    ("must", r"\b(?:est|sont|sera|seront)\s+(?:tenue?s?|chargée?s?|obligée?s?)\s+(?:de|d['’])|\bchargée?s?\s+(?:de|d['’])"),
    ("must", r"\bil\s+(?:est\s+demandé|y\s+a\s+lieu)\b|\bil\s+est\s+nécessaire\s+de"),
    ("must", r"\b(?:moet|moeten|dient|dienen|is\s+verplicht|zijn\s+verplicht|must|shall|is\s+required\s+to)\b"),
    ("should", r"\binsist(?:e|ent)\s+(?:pour\s+qu|sur\s+le\s+fait\s+qu)|\bveiller(?:a|ont)\b|\b(?:sont|est)\s+(?:\w+ment\s+)?invitée?s?\s+à"
               r"|\binvite\s+instamment|\brecommande|\bdevrai(?:t|ent)\b|\bil\s+convient\b|\bpropose\s+de"
               r"|\bworden\s+verzocht|\bwordt\s+verzocht|\bzou(?:den)?\s+moeten|\bshould\b|\bare\s+invited\s+to"),
    ("may", r"\b(?:peut|peuvent|pourra|pourront|mag|mogen|may)\b(?!\s+(?:y\s+)?être\s+(?:stipulé|envisagé))"),
)

# Future tense of a verb (French): "mettra", "réalisera", "soumettront".
FUTURE_VERB = r"\b[a-zéèêàâîôûç]{3,}(?:era|eront|ira|iront|ra|ront)\b"

# Actors who speak for the agreement itself: their future tense is a commitment.
SELF_ACTORS: tuple[str, ...] = (
    "cnmm", "commission nationale médico-mutualiste", "les parties", "les partenaires", "nous",
    "ncaz", "nationale commissie artsen-ziekenfondsen", "de partijen",
)

# Deadline phrases before a date ("d'ici le", "pour le", "au plus tard le", "uiterlijk op").
DEADLINE_BEFORE = (
    r"d['’]ici\s+(?:le|au|à|fin)?\s*|pour\s+le\s+|au\s+plus\s+tard\s+(?:le\s+|pour\s+le\s+|au\s+)?|avant\s+le\s+"
    r"|(?:uiterlijk|ten\s+laatste)\s+(?:op|tegen)?\s*|tegen\s+|vóór\s+|voor\s+|by\s+|no\s+later\s+than\s+|before\s+"
)

# Pronouns that stand for the previous sentence's subject.
SUBJECT_PRONOUNS: tuple[str, ...] = (
    "il", "ils", "elle", "elles", "ceux-ci", "celles-ci", "dernier", "dernière", "derniers",
    "dernières", "zij", "ze", "hij", "they",
)

# Verbs whose present tense states a duty when a delay follows ("le notifie dans les 15 jours").
DUTY_VERBS: tuple[str, ...] = (
    "notifie", "notifient", "communique", "communiquent", "transmet", "transmettent", "introduit",
    "introduisent", "adresse", "adressent", "envoie", "envoient", "informe", "informent",
    "signale", "signalent", "déclare", "déclarent", "remet", "remettent", "paie", "paient",
    "meldt", "melden", "bezorgt", "bezorgen", "deelt", "delen", "notifies", "notify",
)

# Sentence adverbs and connectors that are never the actor.
DISCOURSE_WORDS: tuple[str, ...] = (
    "toutefois", "enfin", "ensuite", "ainsi", "dès lors", "par ailleurs", "en outre", "cependant",
    "néanmoins", "donc", "pour cela", "à cette fin", "à cet effet", "dans ce cadre", "en effet",
    "de plus", "si", "s'il", "bovendien", "daarom", "echter", "ook", "however", "therefore",
)

# Words that never head an actor.
NOT_ACTORS: tuple[str, ...] = (
    "le", "la", "les", "l", "ce", "cela", "ceci", "il", "on", "qui", "que", "dont", "y", "en",
    "cette", "ces", "se", "s", "leur", "lui",
)
