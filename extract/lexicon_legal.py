"""Names of acts and of the SSI law (data only)."""

ACT_WORDS: tuple[str, ...] = (
    r"loi", r"arrêté\s+royal", r"arrêté\s+ministériel", r"arrêté", r"décret", r"ordonnance",
    r"wet", r"koninklijk\s+besluit", r"ministerieel\s+besluit", r"besluit", r"decreet",
)

SSI_LAW_NAME = (
    "loi SSI (loi relative à l'assurance obligatoire soins de santé et indemnités, "
    "coordonnée le 14 juillet 1994)"
)

# Ways of naming the law on compulsory health care and benefits insurance, coordinated on 14 July 1994.
SSI_PATTERNS: tuple[str, ...] = (
    r"(?:la\s+)?loi\s+SSI",
    r"(?:la\s+)?loi\s+relative\s+à\s+l['’]assurance\s+obligatoire\s+soins\s+de\s+santé\s+et\s+indemnités,?"
    r"\s+coordonnée\s+le\s+14\s+juillet\s+1994",
    r"(?:de\s+)?GVU-wet",
    r"(?:de\s+)?wet\s+betreffende\s+de\s+verplichte\s+verzekering\s+voor\s+geneeskundige\s+verzorging\s+en\s+uitkeringen,?"
    r"\s+gecoördineerd\s+op\s+14\s+juli\s+1994",
)
