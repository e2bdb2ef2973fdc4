"""French edge cases for every parser, and hypothesis round-trips."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import records_of

from extract.numbers import format_belgian, parse_number

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]


@pytest.mark.parametrize(
    "text, value",
    [("8.588.807", 8588807), ("1.250", 1250), ("2.515,06", 2515.06), ("0,50", 0.5), ("-6.526", -6526),
     ("1,294", 1.294), ("184.000", 184000), ("3.1", 3.1), ("12", 12)],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1.2.3", "abc", "12,", "1.2345.678"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, value, extra_key",
    [
        ("fixé à 8.588.807 milliers d'euros.", 8588807000, None),
        ("un montant de 345.280 milliers d’euros est affecté", 345280000, None),
        ("est dès lors fixé à 6.287, 70 euros.", 6287.7, None),
        ("En moyenne, un montant de 11.953 euros à cet effet.", 11953, None),
        ("estimées à 200 millions, dont 100 millions d’honoraires", 200000000, "currency_implied"),
        ("la correction technique de 1,294 million d’EUR englobe", 1294000, None),
        ("un montant global de 750.000 euros .", 750000, None),
        ("limiter le montant supplémentaire à 0,50 euro\n par honoraires forfaitaires", 0.5, "per_unit"),
        ("un forfait de € 58 par patient", 58, "per_unit"),
        ("een bedrag van 2,5 miljoen euro", 2500000, None),
        ("Avec un déficit de 68 millions d'euros,", 68000000, None),
    ],
)
def test_amounts(text, value, extra_key):
    recs = records_of(text, "amount")
    assert recs and recs[0].value == pytest.approx(value) and recs[0].unit == "EUR"
    if extra_key:
        assert extra_key in recs[0].extra


@pytest.mark.parametrize(
    "text",
    [
        "Fin 2018, 7,4 millions de personnes disposaient d’un DMG.",
        "un total de 462 participants a été recensé",
        "en 2019 et 2020, selon l'article 56 du point 4.1",
        "passées de 2 à 5,5 millions d'actes en deux ans",
        "Région bruxelloise\t3.747\t89,48 %\t6.984",
        "prestations 211223 et 211245 de réanimation",
    ],
)
def test_numbers_that_are_not_money(text):
    assert records_of(text, "amount") == []


def test_amounts_in_a_table_unit(tmp_path):
    text = "Annexe\n\nEn 000 EUR\n\nImagerie médicale 01-01-20 11.022 11.022\n\nTotal 180.029 184.382\n\nÉconomies 01-09-20 -204 -613\n"
    recs = records_of(text, "amount")
    assert [r.value for r in recs] == [11022000, 180029000, -204000]
    assert recs[0].extra["date_effet"] == "2020-01-01" and recs[0].extra["second_column_keur"] == 11022
    assert recs[2].extra["row"] == "Économies"


@pytest.mark.parametrize(
    "text, value, flags",
    [("indexés de 1,95 % .", 1.95, {}), ("un indice santé de 3,34%", 3.34, {}),
     ("MG vs MS\t+6,50%", 6.5, {"difference_points": True}), ("soit environ 75 % des moyens", 75, {"approximate": True}),
     ("une baisse ↘ 0,32 %", -0.32, {"difference_points": True}), ("met 3,22 procent", 3.22, {})],
)
def test_percents(text, value, flags):
    (rec,) = records_of(text, "percent")
    assert rec.value == pytest.approx(value) and rec.unit == "%"
    assert all(rec.extra.get(k) == v for k, v in flags.items())


@pytest.mark.parametrize(
    "text, value",
    [("le 19 décembre 2019", "2019-12-19"), ("au 1er janvier 2020", "2020-01-01"), ("Applicable à partir de 1/01/2025", "2025-01-01"),
     ("Circulaire du 12-12-2024", "2024-12-12"), ("Gynécologie 01-09-20 1.179", "2020-09-01"), ("de septembre 2019.", "2019-09"),
     ("op 18 maart 2024", "2024-03-18"), ("au 31\ndécembre 2020 inclus", "2020-12-31"), ("honoraires au 1.1.2019 + index", "2019-01-01")],
)
def test_dates(text, value):
    dates = [r.value for r in records_of(text, "date")]
    assert value in dates


def test_day_and_month_take_the_documents_year():
    (rec,) = records_of("le Cartel a résilié l'accord dès le 4 novembre.", "date", date="2024-11-27")
    assert rec.value == "2024-11-04" and rec.extra["year_inferred"]


@pytest.mark.parametrize("text", ["pour 2020", "l'année 2019", "le point 5.2.3.1. Pour", "en 2021 :", "de 2 à 5,5"])
def test_not_dates(text):
    assert records_of(text, "date") == []


def test_a_relative_delay_is_a_duration_with_its_anchor():
    (rec,) = records_of("dans les trente jours qui suivent la publication de cet accord au Moniteur belge, ils", "date")
    assert rec.value == "P30D" and rec.extra["deadline_anchor"] == "la publication de cet accord au Moniteur belge"


def test_a_date_inside_a_legal_reference_belongs_to_it():
    recs = records_of("en application de la loi du 22 avril 2019 relative à la qualité de la pratique des soins de santé.")
    assert [r.type for r in recs] == ["legal_ref"]
    assert recs[0].value["law_date"] == "2019-04-22"


@pytest.mark.parametrize(
    "text, codes, ranges",
    [
        ("les prestations 211223 et 211245 de réanimation", ["211223", "211245"], []),
        ("Consultation pédiatre 102071/102572 (cf. gériatre)", ["102071", "102572"], []),
        ("la ponction lombaire (355493-355504) dans le cas", [], [("355493", "355504")]),
        ("CT cerveau (458673-684) et", [], [("458673", "458684")]),
        ("colonne (458850-458861, 457855-\n\n457866)", [], [("458850", "458861"), ("457855", "457866")]),
        ("Tél. 02 739 71 11 ou 1733", [], []),
        ("un montant de 184.000 euros et 250000 €", [], []),
        ("la note 2024/382 du service", [], []),
    ],
)
def test_codes_and_ranges(text, codes, ranges):
    assert [r.value for r in records_of(text, "code")] == codes
    assert [(r.value["from"], r.value["to"]) for r in records_of(text, "code_range")] == ranges


@pytest.mark.parametrize(
    "text, parts",
    [
        ("en vertu de l'article 40, § 2, de la loi SSI, le Conseil", {"article": "40", "paragraph": "2", "law_date": "1994-07-14"}),
        ("En vertu des articles 26, 50 et 51 de la loi relative à l'assurance obligatoire soins de santé et indemnités, coordonnée le 14 juillet 1994, la",
         {"article": ["26", "50", "51"], "law_date": "1994-07-14"}),
        ("des articles 21 à 26 inclus de la loi du 22 avril 2019 relative à la qualité", {"article": "21-26", "law_date": "2019-04-22"}),
        ("l'arrêté royal du 18 septembre 2015 portant exécution", {"law_date": "2015-09-18", "act": "arrêté royal"}),
        ("le rapport KCE 300 « Séquençage »", {"act": "rapport KCE", "number": "300"}),
        ("(note CSS 2019/314). Dans", {"act": "note CSS", "number": "2019/314"}),
        ("Conformément à l’art. 51, § 9, de la loi SSI, le", {"article": "51", "paragraph": "9"}),
    ],
)
def test_legal_references(text, parts):
    recs = records_of(text, "legal_ref")
    assert recs
    assert all(recs[0].value.get(k) == v for k, v in parts.items()), recs[0].value


def test_an_article_without_its_law_takes_the_law_named_before():
    text = "Conformément à l’art. 51, § 9, de la loi SSI, les honoraires fixés conformément à l’article 50, § 6, à l’exception"
    recs = records_of(text, "legal_ref")
    art50 = next(r for r in recs if r.value.get("article") == "50")
    assert art50.value["law_date"] == "1994-07-14" and art50.value["law_inferred"]


@pytest.mark.parametrize(
    "text, actor, deadline, modality",
    [
        ("Le CTM est chargé d’établir une proposition pour le 31 mars 2020.", "CTM", "2020-03-31", "must"),
        ("La CNMM mettra en œuvre d’ici le 30 juin 2020 la réglementation nécessaire.", "CNMM", "2020-06-30", "commits"),
        ("Sur base de ces principes, la CNMM s’engage à approuver au plus tard pour le 31 mars 2020 les critères.", "CNMM", "2020-03-31", "commits"),
        ("Un médecin qui souhaite invoquer la dénonciation le notifie par lettre recommandée dans un délai de 15 jours après la constatation.",
         "médecin", "P15D", "must"),
        ("La CNMM insiste pour que les régions adhèrent à un accord.", "CNMM", None, "should"),
        ("Le financement peut se faire sur la base de paramètres.", "financement", None, "may"),
        ("De arts moet de patiënt vooraf informeren uiterlijk op 30 juni 2021.", "arts", "2021-06-30", "must"),
    ],
)
def test_obligations(text, actor, deadline, modality):
    (rec,) = records_of(text, "obligation")
    assert actor in rec.value["actor"] and rec.value["deadline"] == deadline and rec.value["modality"] == modality
    assert rec.value["action"]


def test_a_pronoun_subject_is_the_previous_sentences_subject():
    text = ("Les prestataires de soins et les organisations sont invités à soumettre des propositions. "
            "À cette fin, ils sont invités à formuler leurs priorités d'ici le 26 avril 2021 en utilisant les modèles.")
    recs = records_of(text, "obligation")
    assert recs[-1].value["actor"].startswith("prestataires") and recs[-1].value["deadline"] == "2021-04-26"


def test_a_passive_agent_is_the_actor():
    text = "Cette méthodologie sera soumise par la Cellule interadministrative (CIA) à l’approbation de la CNMM au plus tard le 1er mars 2020."
    (rec,) = records_of(text, "obligation")
    assert rec.value["actor"] == "Cellule interadministrative (CIA)" and rec.value["deadline"] == "2020-03-01"


def test_a_denied_permission_is_no_obligation():
    assert records_of("Ceci ne peut pas mener à des coûts supplémentaires.", "obligation") == []


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_belgian_numbers_round_trip(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    assert parse_number(format_belgian(value)) == pytest.approx(value)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999), st.sampled_from(["", " milliers d'euros", " millions d’euros", " €", " EUR"]))
def test_amounts_round_trip(value, unit):
    text = f"Un montant de {format_belgian(value, 0)}{unit} est prévu."
    recs = records_of(text, "amount")
    if unit == "":
        assert recs == []
        return
    factor = {" milliers d'euros": 1000, " millions d’euros": 1_000_000}.get(unit, 1)
    assert recs[0].value == value * factor


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2069, 12, 31)), st.sampled_from(["long", "slash", "dash2", "dash4"]))
def test_dates_round_trip(d, style):
    text = {
        "long": f"le {'1er' if d.day == 1 else d.day} {FR_MONTHS[d.month - 1]} {d.year}",
        "slash": f"le {d.day}/{d.month:02d}/{d.year}",
        "dash2": f"le {d.day:02d}-{d.month:02d}-{d.year % 100:02d}",
        "dash4": f"le {d.day:02d}-{d.month:02d}-{d.year}",
    }[style]
    if style == "dash2" and d.year < 2000:
        return
    assert [r.value for r in records_of(text, "date")] == [d.isoformat()]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=9999), st.sampled_from([" %", "%", " pour cent"]))
def test_percents_round_trip(hundredths, sign):
    value = hundredths / 100
    text = f"une hausse de {format_belgian(value).replace('.', '')}{sign} est prévue"
    (rec,) = records_of(text, "percent")
    assert rec.value == pytest.approx(value)
