"""Professions, bodies and places a question may name, in French, Dutch and English (data only,
accent-free, lower-case). Each key maps to the forms that name it in a text; a form ending in
"*" matches any word starting with it. A question naming one of them is answered only from
evidence that names it too (its sentence, passage, section, table or document title).

`PHYSICIANS` are the professions every accord médico-mutualiste is about: naming them does not
constrain (a passage about "les médecins" answers a GP's question), the others do.
"""

PROFESSIONS: dict[str, tuple[str, ...]] = {
    "physiotherapist": ("kinesitherapeut*", "kine", "kines", "kinesitherapie", "physiotherap*", "fysiotherap*"),
    "speech_therapist": ("logoped*", "logopedist*", "speech therap*", "orthophon*"),
    "dentist": ("dentist*", "tandarts*", "dentaire*", "tandheelkund*", "stomatolog*"),
    "pharmacist": ("pharmacie*", "pharmacien*", "apothe*", "pharmacist*", "pharmacy"),
    "nurse": ("infirmi*", "verpleeg*", "nurse*", "nursing"),
    "midwife": ("sage-femme*", "sages-femmes", "vroedvrouw*", "midwi*", "accoucheu*"),
    "psychologist": ("psycholog*",),
    "optician": ("opticien*", "opticia*", "optometr*"),
    "audiologist": ("audiolog*", "audicien*", "hearing aid*"),
    "dietitian": ("dieteti*", "dietist*", "dietitian*"),
    "podiatrist": ("podolog*", "podiatr*"),
    "occupational_therapist": ("ergotherap*", "occupational therap*"),
    "orthoptist": ("orthopti*",),
    "bandagist": ("bandagist*", "orthesist*", "prothesist*"),
    "veterinarian": ("veterinai*", "dierenarts*", "veterinar*"),
    # Physicians' specialties and the nomenclature's sectors: a physician of one is no physician
    # at large ("les anesthésistes" are indexed as the table's anesthesia line says, not as "les médecins").
    "anaesthesia": ("anesthesiste*", "anesthesi*", "anesthes*", "anaesthe*", "anesthet*"),
    "ophthalmology": ("ophtalmolog*", "ophthalmolog*", "oftalmolog*", "oogarts*"),
    "paediatrics": ("pediatr*", "paediatr*", "kinderarts*", "kindergeneesk*"),
    "psychiatry": ("psychiatr*",),
    "cardiology": ("cardiolog*",),
    "dermatology": ("dermatolog*",),
    "neurology": ("neurolog*",),
    "geriatrics": ("geriatr*",),
    "oncology": ("oncolog*",),
    "urology": ("urolog*",),
    "gynaecology": ("gynecolog*", "gynaecolog*", "gyneco", "obstetri*"),
    "ent": ("oto-rhino-laryngolog*", "otorhinolaryngolog*", "orl", "nko", "neus-keel-oor*"),
    "rheumatology": ("rhumatolog*", "reumatolog*", "rheumatolog*"),
    "pneumology": ("pneumolog*", "longarts*", "pulmonolog*"),
    "gastroenterology": ("gastro-enterolog*", "gastroenterolog*", "maag-darm*"),
    "nephrology": ("nephrolog*", "nefrolog*"),
    "endocrinology": ("endocrinolog*", "endocrino-diabetolog*", "diabetolog*"),
    "orthopaedics": ("orthopedi*", "orthopaedi*", "orthoped*"),
    "internal_medicine": ("medecine interne", "interniste*", "internist*", "inwendige geneeskunde",
                          "internal medicine"),
    "surgery": ("chirurg*", "surgeon*", "surgery", "surgical"),
    "radiotherapy": ("radiotherap*",),
    "imaging": ("imagerie medicale", "radiolog*", "medische beeldvorming", "medical imaging"),
    "clinical_biology": ("biologie clinique", "klinische biologie", "clinical biology"),
    "nuclear_medicine": ("medecine nucleaire", "nucleaire geneeskunde", "nuclear medicine"),
    "physical_medicine": ("medecine physique", "fysische geneeskunde", "physical medicine"),
    "pathology": ("anatomie pathologique", "anatomopatholog*", "pathologische anatomie"),
    "emergency_medicine": ("urgentiste*", "urgentist*", "spoedarts*", "emergency physician*"),
}

PHYSICIANS: dict[str, tuple[str, ...]] = {
    "physician": ("medecin*", "arts", "artsen", "physician*", "doctor*", "geneesher*"),
    "general_practitioner": ("generaliste*", "huisarts*", "general practitioner*", "gp", "gps", "mg", "mgs"),
    "specialist": ("specialiste*", "specialist*", "medecin-specialiste*", "geneesheer-specialist*"),
}

BODIES: dict[str, tuple[str, ...]] = {
    "cnmm": ("cnmm", "ncaz", "medico-mut*", "artsen-ziekenfonds*", "commission nationale medico-mutualiste",
             "nationale commissie artsen-ziekenfondsen"),
    "ctm": ("ctm", "tgr", "conseil technique medical", "technische geneeskundige raad"),
    "secm": ("secm", "dgec", "service d'evaluation et de controle medicaux", "dienst voor geneeskundige evaluatie"),
    "cia": ("cia", "cellule interadministrative", "interadministratieve cel"),
    "insurance_committee": ("comite de l'assurance", "verzekeringscomite", "insurance committee"),
    "council_of_ministers": ("conseil des ministres", "ministerraad", "council of ministers"),
    "general_council": ("conseil general", "algemene raad", "general council"),
}

# Belgium's regions, communities and provinces: a question about one is answered only from
# evidence naming it (the country as a whole is no constraint: national figures are the default).
PLACES: dict[str, tuple[str, ...]] = {
    "flanders": ("flandre*", "vlaander*", "flanders", "flemish", "flamand*", "vlaams*", "vlaamse"),
    "wallonia": ("wallon*", "waals*", "walloni*"),
    "brussels": ("bruxell*", "brussel*"),
    "german_community": ("germanophone*", "duitstalig*", "ostbelgien", "german-speaking"),
    "antwerp": ("anvers", "antwerpen", "antwerp"),
    "limburg": ("limbourg", "limburg"),
    "hainaut": ("hainaut", "henegouwen"),
    "liege": ("liege", "luik"),
    "luxembourg": ("luxembourg*", "luxemburg*"),
    "namur": ("namur", "namen"),
    "brabant": ("brabant*",),
}
