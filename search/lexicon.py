"""Stop words and elisions for French, Dutch and English analysis (data only, accent-folded)."""

FR_STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
    leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se
    ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etee etees etes
    etant suis es est sommes sont serai seras sera serons serez seront serais serait serions
    seriez seraient etais etait etions etiez etaient fus fut fumes futes furent sois soit soyons
    soyez soient fusse fusses fut fussions fussiez fussent ayant eu eue eues eus ai as avons
    avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais
    avait avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse
    eusses eussions eussiez eussent ceci cela celle celles celui ceux quel quelle quelles quels
    dont ou lors lorsque puis si sans sous tres tout tous toute toutes plus moins aussi ainsi
    donc car comme entre vers chez selon apres avant depuis pendant quand combien comment
    pourquoi quoi est-ce faut peut doit cas etc afin cet ici la-bas
    """.split()
)

NL_STOPWORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere hoeveel wanneer welke welk waarom sinds vanaf
    """.split()
)

EN_STOPWORDS = frozenset(
    """
    a an the and or of to in on at for from by with without is are was were be been being it
    its this that these those what which who whom whose when where why how much many does do
    did has have had will would shall should can could may might must not no than then there
    their they them he she his her we our you your i me my as into under over about after
    before since until per
    """.split()
)

# Elided forms stripped before an apostrophe: l'objectif -> objectif.
ELISIONS = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu".split())

STOPWORDS = FR_STOPWORDS | NL_STOPWORDS | EN_STOPWORDS
