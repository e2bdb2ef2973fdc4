"""French (and Dutch) edge cases for the value parsers: numbers, amounts, percents, dates, codes
and ranges, legal references; each with the numbers that must not be read."""

import pytest
from tests_support import doc_of, records_of

from extract.amounts import table_amounts
from extract.legal import articles
from ingest.text.numbers import NUMBER, format_belgian, parse_number

# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("8.588.807", 8588807),
        ("1.250", 1250),
        ("2.515,06", 2515.06),
        ("0,50", 0.5),
        ("-6.526", -6526),
        ("1,294", 1.294),
        ("184.000", 184000),
        ("3.1", 3.1),
        ("12", 12),
        ("6.287, 70", 6287.7),
        ("250 000", 250000),
        ("1\u202f234,5", 1234.5),
        ("−204", -204),
        ("+6,50", 6.5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1.2.3", "abc", "12,", "1.2345.678", "", "1,2,3", "12.3456"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_the_number_pattern_never_starts_inside_a_number():
    assert [m.group(0) for m in NUMBER.finditer("Région 3.747 et 89,48 puis 102071/102572")] == [
        "3.747",
        "89,48",
        "102071",
        "102572",
    ]


@pytest.mark.parametrize(
    "value, text", [(8588807, "8.588.807,00"), (-6526.5, "-6.526,50"), (0.5, "0,50")]
)
def test_format_belgian(value, text):
    assert format_belgian(value) == text


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, extra_key",
    [
        ("fixé à 8.588.807 milliers d'euros.", 8588807000, None),
        ("un montant de 345.280 milliers d’euros est affecté", 345280000, None),
        ("est dès lors fixé à 6.287, 70 euros.", 6287.7, None),
        ("En moyenne, un montant de 11.953 euros à cet effet.", 11953, None),
        ("estimées à 200 millions, dont 100 millions d’honoraires", 200000000, "currency_implied"),
        ("dont 100 millions d’honoraires, sont attestées", 100000000, "currency_implied"),
        ("la correction technique de 1,294 million d’EUR englobe", 1294000, None),
        ("un montant global de 750.000 euros .", 750000, None),
        (
            "limiter le montant supplémentaire à 0,50 euro\n par honoraires forfaitaires",
            0.5,
            "per_unit",
        ),
        ("un forfait de € 58 par patient", 58, "per_unit"),
        ("un ticket modérateur de 12,50 €/mois", 12.5, "per_unit"),
        ("Avec un déficit de 68 millions d'euros,", 68000000, None),
        ("Le budget s'élève à 1,5 milliard d'euros en 2025.", 1500000000, None),
        ("La somme de 250 000 euros est prévue.", 250000, None),
        ("des dépenses de 3 500 millions EUR", 3500000000, None),
        ("un budget de EUR 3,5 millions est prévu", 3500000, None),
        ("une économie de -12,5 millions d'euros", -12500000, None),
        ("Le montant est de 1.234.567,89 euros.", 1234567.89, None),
        ("een bedrag van 2,5 miljoen euro", 2500000, None),
        ("Een bedrag van 12.500 duizend euro wordt voorzien.", 12500000, None),
        ("Het budget bedraagt 1,2 miljard euro.", 1200000000, None),
    ],
)
def test_amounts(text, value, extra_key):
    recs = records_of(text, "amount")
    assert recs and recs[0].value == pytest.approx(value) and recs[0].unit == "EUR"
    if extra_key:
        assert extra_key in recs[0].extra


def test_an_amount_compared_is_no_unit_price():
    (rec,) = records_of(
        "une augmentation de 1.250 euros par rapport au montant de l'an dernier", "amount"
    )
    assert "per_unit" not in rec.extra


@pytest.mark.parametrize(
    "text",
    [
        "Fin 2018, 7,4 millions de personnes disposaient d’un DMG.",
        "un total de 462 participants a été recensé",
        "en 2019 et 2020, selon l'article 56 du point 4.1",
        "passées de 2 à 5,5 millions d'actes en deux ans",
        "soit 3 millions de consultations par an",
        "in 2024 werden ongeveer 4,1 miljoen teleconsultaties terugbetaald",  # a plural noun after the scale
        "Région bruxelloise\t3.747\t89,48 %\t6.984",
        "prestations 211223 et 211245 de réanimation",
        "Contactez-nous au 02 739 71 11 ou au 0800 123 456.",
        "L'INAMI compte 1.200 collaborateurs et 35.000 médecins.",
        "Circulaire OA no 2024/382 du 12-12-2024",
        "En 000 EUR",
    ],
)
def test_numbers_that_are_not_money(text):
    assert records_of(text, "amount") == []


@pytest.mark.parametrize(
    "text, value",
    [("2,5 miljoen extra voor de zorg", 2_500_000), ("200 millions supplémentaires", 200_000_000),
     ("3 miljoen besparingen", 3_000_000), ("voor een uitgave van 86,7 miljoen euro", 86_700_000)],
)
def test_a_scale_without_currency_before_money_words_stays_money(text, value):
    assert [r.value for r in records_of(text, "amount")] == [value]


def test_amounts_in_a_table_unit():
    text = (
        "Annexe\n\nEn 000 EUR\nApplication 2020\n\nBase \n\nannuelle\n\nMoyens\n\n"
        "Imagerie médicale 01-01-20 11.022 11.022\n\nAdvanced care planning (3)\n"
        "01-09-20 2.179 6.537\n\nTotal 180.029 184.382\n\nÉconomies 01-09-20 -204 -613\n\n"
        "(1) Note : la correction technique de 1,294 million d’EUR englobe le montant.\n"
    )
    recs = records_of(text, "amount")
    assert [r.value for r in recs] == [
        11022000, 11022000, 2179000, 6537000, 180029000, 184382000, -204000, -613000, 1294000,
    ]
    assert recs[0].extra["date_effet"] == "2020-01-01" and recs[0].extra["second_column_keur"] == 11022
    assert recs[2].extra["row"] == recs[3].extra["row"] == "Advanced care planning (3)"
    assert recs[2].extra["second_column_keur"] == 6537
    # each figure names its column; a header cell wrapped over two lines is one label
    assert (recs[2].extra["column"], recs[3].extra["column"]) == ("Application 2020", "Base annuelle")
    assert recs[6].extra["row"] == "Économies"


def test_a_pseudo_table_ends_at_its_footnotes():
    text = "En 000 EUR\n\nTotal 180.029 184.382\n\n(1) Le solde est de 169 174\n\nUne phrase 2020 150 200\n"
    assert [r.value for r in records_of(text, "amount")] == [180029000, 184382000]


def test_money_columns_of_a_table_by_their_header():
    doc = doc_of(
        "Forfaits\n\nPrestation\tMontant (EUR)\tNombre de patients\n"
        "Consultation\t25,50\t1.200\nVisite à domicile\t35,00\t800\n"
    )
    recs = table_amounts(doc, doc.tables[0])
    assert [(r.value, r.extra["row"]) for r in recs] == [
        (25.5, "Consultation"),
        (35, "Visite à domicile"),
    ]


def test_every_column_of_a_table_in_thousands_of_euros():
    doc = doc_of(
        "Budget (en milliers d'euros)\n\nPoste\t2023\t2024\t2025\n"
        "Honoraires\t1.234\t1.300\t1.400\nMédicaments\t-56\t60\t70\n"
    )
    recs = table_amounts(doc, doc.tables[0])
    assert [r.value for r in recs] == [1234000, 1300000, 1400000, -56000, 60000, 70000]
    assert recs[2].extra["column"] == "2025" and recs[3].extra["row"] == "Médicaments"


def test_a_table_without_money_gives_no_amounts():
    doc = doc_of("Région\tMG actifs\t% MG\nBruxelles\t3.747\t89,48 %\nFlandre\t12.597\t94,18 %\n")
    assert table_amounts(doc, doc.tables[0]) == []


# --- percents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, flags",
    [
        ("indexés de 1,95 % .", 1.95, {}),
        ("un indice santé de 3,34%", 3.34, {}),
        ("MG vs MS\t+6,50%", 6.5, {"difference_points": True}),
        ("soit environ 75 % des moyens", 75, {"approximate": True}),
        ("une baisse ↘ 0,32 %", -0.32, {"difference_points": True}),
        ("met 3,22 procent", 3.22, {}),
        ("une hausse de 0,5 point de pourcentage", 0.5, {"difference_points": True}),
        ("een stijging met 1,5 procentpunt", 1.5, {"difference_points": True}),
        ("à concurrence de 75 p.c. du montant", 75, {}),
        ("le taux de 12.5% (anglais)", 12.5, {}),
        ("une hausse de -2,5 %", -2.5, {"difference_points": True}),
    ],
)
def test_percents(text, value, flags):
    (rec,) = records_of(text, "percent")
    assert rec.value == pytest.approx(value) and rec.unit == "%"
    assert all(rec.extra.get(k) == v for k, v in flags.items())


@pytest.mark.parametrize("text, value", [("de 2-3 % par an", 3), ("entre 2 - 3 %", 3)])
def test_a_range_of_percents_is_no_negative_difference(text, value):
    assert [r.value for r in records_of(text, "percent")] == [value]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("le 19 décembre 2019", "2019-12-19"),
        ("au 1er janvier 2020", "2020-01-01"),
        ("Applicable à partir de 1/01/2025", "2025-01-01"),
        ("Circulaire du 12-12-2024", "2024-12-12"),
        ("Gynécologie 01-09-20 1.179", "2020-09-01"),
        ("de septembre 2019.", "2019-09"),
        ("op 18 maart 2024", "2024-03-18"),
        ("au 31\ndécembre 2020 inclus", "2020-12-31"),
        ("honoraires au 1.1.2019 + index", "2019-01-01"),
        ("à partir du 1<sup>er</sup> janvier 2025", "2025-01-01"),
        ("publié le 2024-03-15 sur le site", "2024-03-15"),
        ("Vanaf 1 januari 2025 geldt", "2025-01-01"),
        ("en février 2021.", "2021-02"),
        ("d'ici 2022.", "2022"),
        ("tegen eind 2025 klaar", "2025"),
        ("le 1er févr. 2024", "2024-02-01"),
    ],
)
def test_dates(text, value):
    assert value in [r.value for r in records_of(text, "date")]


def test_day_and_month_take_the_documents_year():
    (rec,) = records_of(
        "le Cartel a résilié l'accord dès le 4 novembre.", "date", date="2024-11-27"
    )
    assert rec.value == "2024-11-04" and rec.extra["year_inferred"]


@pytest.mark.parametrize(
    "text",
    [
        "pour 2020",
        "l'année 2019",
        "le point 5.2.3.1. Pour",
        "en 2021 :",
        "de 2 à 5,5",
        "l'accord 2024-2025",
        "la version 12.12.24",
        "Tél. : 02/739.71.11",
        "au plus tard le 31 mars de chaque année",
        "au plus tard le 30 juin de l'année qui suit l'année concernée",
        "uiterlijk op 30 juni van het volgende jaar",
        "l'INAMI verse l'intervention au plus tard le 30 septembre de cette même année",
    ],
)
def test_not_dates(text):
    assert records_of(text, "date", date="2024-05-10") == []


@pytest.mark.parametrize(
    "text, value, anchor",
    [
        (
            "dans les trente jours qui suivent la publication de cet accord au Moniteur belge, ils",
            "P30D",
            "la publication de cet accord au Moniteur belge",
        ),
        (
            "dans un délai de 15 jours après la constatation\nd'une des situations précitées. Dans",
            "P15D",
            "la constatation d'une des situations précitées",
        ),
        ("dans les deux mois suivant sa réception.", "P2M", "sa réception"),
        ("binnen de dertig dagen na de bekendmaking.", "P30D", "de bekendmaking"),
        # without a head, a count tied to its event is a delay too
        ("l'accord prend fin 30 jours après la survenance d'une de ces situations.", "P30D",
         "la survenance d'une de ces situations"),
        ("het akkoord eindigt twee maanden na de bekendmaking.", "P2M", "de bekendmaking"),
    ],
)
def test_a_relative_delay_is_a_duration_with_its_anchor(text, value, anchor):
    (rec,) = records_of(text, "date")
    assert (
        rec.value == value
        and rec.extra["deadline_anchor"] == anchor
        and rec.extra["deadline_kind"] == "relative"
    )


def test_a_count_of_days_without_an_event_is_a_duration_but_no_delay():
    recs = records_of("Le forfait couvre 30 jours de soins, soit 12 euros par an à partir de 2021.", "date")
    assert [(r.value, r.unit) for r in recs] == [("P30D", "duration")]
    assert "deadline_kind" not in recs[0].extra  # no deadline: nothing is due within it


@pytest.mark.parametrize(
    "text, values",
    [("Le présent accord est conclu pour une période de deux ans.", ["P2Y"]),
     ("Il peut être exclu pour une durée de six à douze mois.", ["P6M", "P12M"]),
     ("De termijn wordt ingekort tot 5 jaar.", ["P5Y"]),
     ("Het onderzoek wordt terugbetaald vanaf 45 jaar.", []),  # an age, no duration
     ("Remboursé jusqu'à 18 ans.", [])],
)
def test_every_count_of_days_months_or_years_is_a_duration_but_an_age(text, values):
    assert [r.value for r in records_of(text, "date")] == values


@pytest.mark.parametrize(
    "text, value",
    [("Het KB van 12-03-2019 tot wijziging van de nomenclatuur is van toepassing.",
      {"text": "KB van 12-03-2019 tot wijziging van de nomenclatuur", "act": "koninklijk besluit", "law_date": "2019-03-12"}),
     ("L'AR du 03/07/1996 est modifié.", {"text": "AR du 03/07/1996", "act": "arrêté royal", "law_date": "1996-07-03"})],
)
def test_a_decree_dated_in_figures_and_its_title_up_to_the_verb(text, value):
    assert [r.value for r in records_of(text, "legal_ref")] == [value]


@pytest.mark.parametrize(
    "text, act, date",
    [("Les tarifs ont été publiés au Moniteur belge du 15 décembre 2026.", "Moniteur belge", "2026-12-15"),
     ("Het akkoord werd bekendgemaakt in het Belgisch Staatsblad van 20 juni 2026.", "Belgisch Staatsblad", "2026-06-20")],
)
def test_a_publication_in_the_official_journal_is_a_reference_and_its_date_a_date(text, act, date):
    refs = records_of(text, "legal_ref")
    assert [(r.value["act"], r.value["published"]) for r in refs] == [(act, date)]
    assert [r.value for r in records_of(text, "date")] == [date]  # when it was published is an event


def test_a_date_inside_a_legal_reference_belongs_to_it():
    recs = records_of(
        "en application de la loi du 22 avril 2019 relative à la qualité de la pratique des soins de santé."
    )
    assert [r.type for r in recs] == ["legal_ref"]
    assert recs[0].value["law_date"] == "2019-04-22"


# --- codes and ranges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, codes, ranges",
    [
        ("les prestations 211223 et 211245 de réanimation", ["211223", "211245"], []),
        ("Consultation pédiatre 102071/102572 (cf. gériatre)", ["102071", "102572"], []),
        ("la ponction lombaire (355493-355504) dans le cas", [], [("355493", "355504")]),
        ("CT cerveau (458673-684) et", [], [("458673", "458684")]),
        (
            "colonne (458850-458861, 457855-\n\n457866)",
            [],
            [("458850", "458861"), ("457855", "457866")],
        ),
        ("les codes 101032 à 101054 inclus", [], [("101032", "101054")]),
        ("Tél. 02 739 71 11 ou 1733", [], []),
        ("un montant de 184.000 euros et 250000 €", [], []),
        ("la note 2024/382 du service", [], []),
        ("dossier n° 123456", [], []),
        ("un total de 150000 habitants", [], []),
        ("en 2019-2020", [], []),
        ("de 100500 à 101000 euros", [], []),
    ],
)
def test_codes_and_ranges(text, codes, ranges):
    assert [r.value for r in records_of(text, "code")] == codes
    assert [(r.value["from"], r.value["to"]) for r in records_of(text, "code_range")] == ranges


# --- legal references -------------------------------------------------------------------------

SSI = "1994-07-14"


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "en vertu de l'article 40, § 2, de la loi SSI, le Conseil",
            {"article": "40", "paragraph": "2", "law_date": SSI},
        ),
        (
            "En vertu des articles 26, 50 et 51 de la loi relative à l'assurance obligatoire soins de santé et indemnités, coordonnée le 14 juillet 1994, la",
            {"article": ["26", "50", "51"], "law_date": SSI},
        ),
        (
            "des articles 21 à 26 inclus de la loi du 22 avril 2019 relative à la qualité",
            {"article": "21-26", "law_date": "2019-04-22"},
        ),
        (
            "l'arrêté royal du 18 septembre 2015 portant exécution",
            {"law_date": "2015-09-18", "act": "arrêté royal"},
        ),
        ("le rapport KCE 300 « Séquençage »", {"act": "rapport KCE", "number": "300"}),
        ("le rapport KCE n° 320", {"act": "rapport KCE", "number": "320"}),
        ("des recommandations du KCE (rapport 305B), la", {"act": "rapport KCE", "number": "305B"}),
        ("(note CSS 2019/314). Dans", {"act": "note CSS", "number": "2019/314"}),
        ("Conformément à l’art. 51, § 9, de la loi SSI, le", {"article": "51", "paragraph": "9"}),
        (
            "article 37bis, § 1er, de la loi coordonnée du 14 juillet 1994",
            {"article": "37bis", "paragraph": "1", "law_date": SSI},
        ),
        ("les articles 17ter et quater ne sont pas indexés", {"article": ["17ter", "17quater"]}),
        ("l’article 2, 3° de l’arrêté", {"article": "2", "point": "3°"}),
        (
            "l'arrêté royal n° 78 du 10 novembre 1967",
            {"act": "arrêté royal", "law_date": "1967-11-10"},
        ),
        (
            "la loi-programme du 27 décembre 2021",
            {"act": "loi-programme", "law_date": "2021-12-27"},
        ),
        (
            "l'AR du 3 juillet 1996 portant exécution de la loi",
            {"act": "arrêté royal", "law_date": "1996-07-03"},
        ),
        (
            "la loi relative aux hôpitaux et à d'autres établissements de soins, coordonnée le 10 juillet 2008.",
            {"act": "loi", "law_date": "2008-07-10"},
        ),
        ("artikel 51, § 9, van de GVU-wet", {"article": "51", "paragraph": "9", "law_date": SSI}),
        (
            "Het koninklijk besluit van 14 september 1984 tot vaststelling van de nomenclatuur.",
            {"act": "koninklijk besluit", "law_date": "1984-09-14"},
        ),
        (
            "overeenkomstig artikel 8 van de wet van 22 augustus 2002 betreffende de rechten van de patiënt",
            {"article": "8", "law_date": "2002-08-22"},
        ),
        (
            "l’article 11 de la nomenclature (355493-355504)",
            {"article": "11", "law": "nomenclature des prestations de santé"},
        ),
    ],
)
def test_legal_references(text, parts):
    recs = records_of(text, "legal_ref")
    assert recs
    assert all(recs[0].value.get(k) == v for k, v in parts.items()), recs[0].value


def test_a_decree_names_the_article_it_carries_out():
    text = (
        "prévu par l'arrêté royal du 18 septembre 2015 portant exécution de l'article 53, § 1er, de la loi relative à "
        "l'assurance obligatoire soins de santé et indemnités, coordonnée le 14 juillet 1994, relatif au régime du "
        "tiers payant respectent les tarifs"
    )
    (rec,) = records_of(text, "legal_ref")
    assert rec.value["implements"] == {
        "article": "53",
        "paragraph": "1",
        "law": rec.value["implements"]["law"],
        "law_date": SSI,
    }
    assert rec.text.endswith("relatif au régime du tiers payant")


@pytest.mark.parametrize(
    "text, end",
    [
        (
            "la loi du 22 avril 2019 relative à la qualité de la pratique des soins de santé, un certain nombre de mesures",
            "soins de santé",
        ),
        (
            "telles que la loi du 28 février 2019 en ce qui concerne le réseautage clinique entre hôpitaux et la loi du 22 avril 2019",
            "entre hôpitaux",
        ),
    ],
)
def test_the_title_of_a_law_ends_where_the_sentence_goes_on(text, end):
    rec = records_of(text, "legal_ref")[0]
    assert rec.text.endswith(end)


def test_an_article_without_its_law_takes_the_law_named_before():
    text = "Conformément à l’art. 51, § 9, de la loi SSI, les honoraires fixés conformément à l’article 50, § 6, à l’exception"
    recs = records_of(text, "legal_ref")
    art50 = next(r for r in recs if r.value.get("article") == "50")
    assert art50.value["law_date"] == SSI and art50.value["law_inferred"]


@pytest.mark.parametrize(
    "text", ["le point 4.1 précise", "la note 2023/45 s'applique", "voir page 12", "le chapitre 3"]
)
def test_not_legal_references(text):
    assert records_of(text, "legal_ref") == []


@pytest.mark.parametrize(
    "nums, value",
    [
        ("26, 50 et 51", ["26", "50", "51"]),
        ("21 à 26 inclus", "21-26"),
        ("17ter et quater", ["17ter", "17quater"]),
        ("17 et 17 bis", ["17", "17bis"]),
        ("5", "5"),
    ],
)
def test_article_numbers(nums, value):
    assert articles(nums) == value


def test_bare_figures_under_a_percent_header_are_percents():
    from extract.percents import table_percents

    doc = doc_of(
        "Région\tMG actifs\t% MG conventionnés\nBruxelles\t3.747\t89,48\nFlandre\t12.597\t94,18\n"
    )
    recs = table_percents(doc, doc.tables[0])
    assert [(r.value, r.text) for r in recs] == [(89.48, "89,48"), (94.18, "94,18")]


def test_every_count_of_days_months_or_years_is_a_duration_to_answer_with():
    from extract.dates import find_durations

    text = "Le paiement suit deux mois plus tard ; dans un délai de 15 jours ; les 1.500 jours ; twee jaar"
    assert [v for _, _, v in find_durations(text, 0, len(text))] == ["P2M", "P15D", "P2Y"]
