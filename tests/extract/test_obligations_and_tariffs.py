"""Obligations (actor, action, deadline, modality) and tariff rows, on French and Dutch cases."""

import pytest
from tests_support import records_of

from extract.tariffs import parse_row


def _one(text: str, date: str | None = "2024-05-10"):
    recs = records_of(text, "obligation", date=date)
    assert len(recs) == 1, [r.value for r in recs]
    return recs[0].value, recs[0].extra


@pytest.mark.parametrize(
    "text, actor, deadline, modality",
    [
        (
            "Le CTM est chargé d’établir une proposition pour le 31 mars 2020.",
            "CTM",
            "2020-03-31",
            "must",
        ),
        (
            "La CNMM mettra en œuvre d’ici le 30 juin 2020 la réglementation nécessaire.",
            "CNMM",
            "2020-06-30",
            "commits",
        ),
        (
            "Sur base de ces principes, la CNMM s’engage à approuver au plus tard pour le 31 mars 2020 les critères.",
            "CNMM",
            "2020-03-31",
            "commits",
        ),
        (
            "Enfin, la CNMM réalisera , d'ici au 30 juin 2020, une analyse relative aux suppléments.",
            "CNMM",
            "2020-06-30",
            "commits",
        ),
        (
            "Pour le 31 mars 2020 au plus tard, la CIA soumettra à l’approbation de la CNMM une proposition.",
            "CIA",
            "2020-03-31",
            "must",
        ),
        (
            "Ce groupe de travail mixte soumettra, pour le 30 septembre 2020, un plan d’implémentation.",
            "groupe de travail mixte",
            "2020-09-30",
            "must",
        ),
        (
            "Un médecin qui souhaite invoquer la dénonciation le notifie par lettre recommandée dans un délai de 15 jours après la constatation.",
            "médecin",
            "P15D",
            "must",
        ),
        (
            "Les médecins qui refusent d'adhérer notifient leur refus dans les trente jours qui suivent la publication de cet accord.",
            "médecins",
            "P30D",
            "must",
        ),
        (
            "Les organismes assureurs doivent transmettre les données à l'INAMI au plus tard le 31 mars de chaque année.",
            "organismes assureurs",
            "--03-31",
            "must",
        ),
        ("Les médecins sont tenus de respecter les tarifs.", "médecins", None, "must"),
        (
            "Le Service d'évaluation et de contrôle médicaux (SECM) est chargé de contrôler ces règles.",
            "Service d'évaluation et de contrôle médicaux (SECM)",
            None,
            "must",
        ),
        (
            "Il est demandé aux organismes assureurs de transmettre les chiffres pour le 30 avril 2025.",
            "organismes assureurs",
            "2025-04-30",
            "must",
        ),
        (
            "Les mutualités sont invitées à communiquer leurs remarques pour le 15 janvier 2025.",
            "mutualités",
            "2025-01-15",
            "should",
        ),
        (
            "L'INAMI veillera à ce que les données soient disponibles d'ici fin juin 2025.",
            "INAMI",
            "2025-06",
            "should",
        ),
        (
            "Les partenaires s'engagent à évaluer la mesure avant la fin de 2025.",
            "partenaires",
            "2025",
            "commits",
        ),
        (
            "Le Comité de l'assurance doit approuver la proposition dans les deux mois suivant sa réception.",
            "Comité de l'assurance",
            "P2M",
            "must",
        ),
        (
            "Les syndicats médicaux devront se prononcer avant le 15 décembre.",
            "syndicats médicaux",
            "2024-12-15",
            "must",
        ),
        ("Le patient peut demander une copie de son dossier.", "patient", None, "may"),
        ("Le médecin ne peut pas facturer de suppléments aux patients.", "médecin", None, "must"),
        (
            "En cas de non-respect, la convention peut être résiliée par l'INAMI.",
            "INAMI",
            None,
            "may",
        ),
        (
            "Le Service des soins de santé transmettra un rapport au Conseil général avant le 1er octobre 2024.",
            "Service des soins de santé",
            "2024-10-01",
            "must",
        ),
        (
            "La CNMM insiste pour que les régions adhèrent à un accord d'ici le 30 juin 2020.",
            "régions",
            "2020-06-30",
            "should",
        ),
        (
            "Nous demandons que le gouvernement libère les moyens d'ici la fin du mois de mars 2025.",
            "gouvernement",
            "2025-03",
            "should",
        ),
        (
            "De arts moet de patiënt vooraf informeren uiterlijk op 30 juni 2021.",
            "arts",
            "2021-06-30",
            "must",
        ),
        (
            "De verzekeringsinstellingen worden verzocht de gegevens te bezorgen tegen 31 maart 2025.",
            "verzekeringsinstellingen",
            "2025-03-31",
            "should",
        ),
        (
            "Het RIZIV verbindt zich ertoe om tegen eind 2025 een evaluatie uit te voeren.",
            "RIZIV",
            "2025",
            "commits",
        ),
        # advice binds whom it is given to, not who gives it
        (
            "Nous recommandons vivement aux kinésithérapeutes de vérifier leur adhésion avant le 15 juin 2026.",
            "kinésithérapeutes",
            "2026-06-15",
            "should",
        ),
        (
            "Wij raden de tandartsen aan hun tarieven vóór 1 maart 2026 bekend te maken.",
            "tandartsen",
            "2026-03-01",
            "should",
        ),
        # Dutch: a bare plural subject, a compound or a profession's ending, the subject after the verb
        ("Logopedisten die willen toetreden, moeten dat uiterlijk op 31 januari 2026 meedelen.", "Logopedisten",
         "2026-01-31", "must"),
        ("Zorgverstrekkers moeten hun attesten binnen 30 dagen bezorgen.", "Zorgverstrekkers", "P30D", "must"),
        ("Tegen 1 juni 2026 moet de logopedist bovendien een verslag opmaken.", "logopedist", "2026-06-01", "must"),
        ("Het RIZIV raadt verzekerden aan om vóór 1 mei 2026 hun gegevens na te kijken.", "verzekerden", "2026-05-01",
         "should"),
    ],
)
def test_obligations(text, actor, deadline, modality):
    value, _ = _one(text)
    assert (
        value["actor"] == actor and value["deadline"] == deadline and value["modality"] == modality
    )
    assert value["action"]


@pytest.mark.parametrize(
    "text",
    [
        "Ceci ne peut pas mener à des coûts supplémentaires.",
        "Le financement peut se faire sur la base de paramètres à déterminer.",
        "Une partie du financement peut se faire directement en application de l’arrêté royal.",
        "Cette mesure entrera en vigueur le 1er janvier 2025.",
        "L'INAMI publiera les résultats le 15 mars 2025.",
        "Le premier paiement sera effectué en février 2021.",
        "La CNMM est compétente pour concilier les contestations qui peuvent surgir.",
        "Les objectifs en matière de soins de santé devraient guider la politique.",
        "Il ne peut être dérogé à cette règle.",
    ],
)
def test_sentences_that_bind_no_actor(text):
    assert records_of(text, "obligation", date="2024-05-10") == []


@pytest.mark.parametrize(
    "text, deadline",
    [("Un certain nombre de mesures concrètes doivent être prises d’ici 2021 dans 3 domaines.", "2021"),
     ("Le dossier doit être introduit au plus tard le 30 septembre 2024.", "2024-09-30"),
     ("Het dossier moet uiterlijk op 30 september 2024 worden ingediend.", "2024-09-30")],
)
def test_a_duty_in_the_passive_with_nobody_named_has_no_actor_specified(text, deadline):
    value, _ = _one(text)
    assert (value["actor"], value["deadline"], value["modality"]) == ("non précisé", deadline, "must")


def test_the_deadline_of_a_request_to_no_one_stays_in_extra():
    value, extra = _one(
        "La CNMM insiste pour qu'un modèle standard soit établi pour le 30 juin 2020."
    )
    assert (
        value["actor"] == "CNMM"
        and value["deadline"] is None
        and extra["requested_deadline"] == "2020-06-30"
    )


def test_a_passive_agent_is_the_actor():
    value, _ = _one(
        "Cette méthodologie sera soumise par la Cellule interadministrative (CIA) à l’approbation de la CNMM "
        "au plus tard le 1er mars 2020."
    )
    assert (
        value["actor"] == "Cellule interadministrative (CIA)" and value["deadline"] == "2020-03-01"
    )
    assert value["action"] == "sera soumise à l’approbation de la CNMM"


def test_a_participle_binds_the_body_it_describes():
    value, _ = _one(
        "Il a été décidé de mettre en place une taskforce, en concertation avec les autres organismes "
        "compétents, chargée de développer un programme d'ici 2022."
    )
    assert value["actor"] == "taskforce" and value["deadline"] == "2022"


def test_a_pronoun_subject_is_the_previous_sentences_actor():
    text = (
        "Les prestataires de soins, les organisations et les services publics sont invités à soumettre des propositions. "
        "À cette fin, ils sont invités à formuler leurs priorités d'ici le 26 avril 2021 en utilisant les modèles."
    )
    recs = records_of(text, "obligation")
    actors = ["prestataires de soins", "organisations", "services publics"]  # one duty per actor
    assert [r.value["actor"] for r in recs] == actors * 2
    assert [r.value["deadline"] for r in recs[3:]] == ["2021-04-26"] * 3


def test_ce_dernier_is_the_last_body_named():
    text = "Les propositions seront soumises au CNPQ. Ce dernier sera chargé de centraliser les propositions."
    assert records_of(text, "obligation")[-1].value["actor"] == "CNPQ"


def test_the_items_of_a_lead_in_carry_its_actor():
    text = (
        "La CNMM s’engage dès lors à :\n\n- garantir la continuité du financement ;\n\n"
        "- financer de nouvelles initiatives.\n\nLe rapport est disponible."
    )
    recs = records_of(text, "obligation")
    assert [(r.value["actor"], r.value["modality"]) for r in recs] == [("CNMM", "commits")] * 2
    assert recs[0].value["action"].startswith("garantir") and recs[0].text.startswith("garantir")


def test_the_main_clause_wins_over_a_relative_clause():
    value, _ = _one(
        "Une organisation qui souhaite invoquer la dénonciation le notifie au président dans un délai de 15 jours."
    )
    assert value["modality"] == "must" and value["action"].startswith("notifie")


def test_a_section_number_and_a_heading_are_not_part_of_the_obligation():
    recs = records_of(
        "14.2.2.2. Périodes du conventionnement partiel\nLe médecin généraliste peut ne pas appliquer les tarifs.",
        "obligation",
    )
    assert (
        recs[0].text.startswith("Le médecin généraliste")
        and recs[0].value["actor"] == "médecin généraliste"
    )


# --- tariff rows ------------------------------------------------------------------------------

B_ROW = [
    "B = 1,257532",
    "565014",
    "565025 = B",
    "289",
    "363,43",
    "363,43",
    "354,75",
    "363,43",
    "363,43",
]


@pytest.mark.parametrize(
    "cells, fields",
    [
        (
            B_ROW,
            {
                "code_amb": "565014",
                "code_hos": "565025",
                "letter": "B",
                "coefficient": 1.257532,
                "relative_value": 289,
                "fee": 363.43,
                "amb_pref": 363.43,
                "amb_nonpref": 354.75,
                "hos_pref": 363.43,
                "hos_nonpref": 363.43,
            },
        ),
        (
            [
                "I = 0,942063",
                "589190",
                "589201",
                "= I",
                "2250",
                "2.119,64",
                "2.119,64",
                "2.119,64",
                "2.119,64",
            ],
            {
                "letter": "I",
                "coefficient": 0.942063,
                "relative_value": 2250,
                "fee": 2119.64,
                "hos_nonpref": 2119.64,
            },
        ),
        (
            [
                "",
                "B = 1,257532",
                "565235",
                "565246 = B",
                "2000",
                "2.515,06",
                "2.515,06",
                "2.506,38",
                "2.515,06",
                "2.515,06",
            ],
            {"code_amb": "565235", "fee": 2515.06, "amb_nonpref": 2506.38},
        ),
        (
            [
                "1,323274",
                "477015",
                "477026",
                "150",
                "198,49",
                "198,49",
                "189,81",
                "198,49",
                "198,49",
            ],
            {"letter": None, "coefficient": 1.323274, "relative_value": 150, "fee": 198.49},
        ),
    ],
)
def test_tariff_rows_by_cell_content(cells, fields):
    row = parse_row(cells)
    assert row is not None and all(
        row[k] == pytest.approx(v) if isinstance(v, float) else row[k] == v
        for k, v in fields.items()
    )


@pytest.mark.parametrize(
    "cells",
    [
        ["Région bruxelloise", "3.747", "89,48 %", "6.984", "82,98 %", "+6,50%"],
        ["(*)", "589794", "589805", "", "", ""],
        ["Numéro de code", "AMB", "HOS", "Honoraires"],
        ["565014", "363,43"],
    ],
)
def test_rows_that_are_no_tariff_rows(cells):
    assert parse_row(cells) is None


def test_a_row_without_its_hos_code_keeps_its_coefficient():
    row = parse_row(
        ["K = 1,5", "101010", "-", "100", "150,00", "150,00", "140,00", "150,00", "150,00"]
    )
    assert row["code_amb"] == "101010" and row["code_hos"] is None and row["fee"] == 150


def test_tariffs_apply_from_the_date_written_before_the_table():
    text = (
        "Les honoraires sont modifiés à partir du 1er juillet 2025 :\n\n"
        "Code\tAMB\tHOS\tValeur\tHonoraires\tAmb pref\tAmb\tHos pref\tHos\n"
        "B = 1,257532\t565014\t565025 = B\t289\t363,43\t363,43\t354,75\t363,43\t363,43\n"
        "B = 1,257532\t565036\t565040 = B\t180\t226,36\t226,36\t217,68\t226,36\t226,36\n"
    )
    rows = records_of(text, "tariff_row")
    assert [r.value["valid_from"] for r in rows] == ["2025-07-01"] * 2
    assert records_of(text, "amount") == [] and records_of(text, "code") == []


def test_an_invitation_binds_the_body_invited():
    value, _ = _one("La CNMM invite instamment l’INAMI à conclure un accord d'ici le 30 juin 2020.")
    assert (
        value["actor"] == "INAMI"
        and value["deadline"] == "2020-06-30"
        and value["modality"] == "should"
    )


def test_a_pronoun_for_a_thing_binds_no_one():
    text = "La CNMM fixera les seuils. Les montants restent inchangés. Ils varieront selon les critères."
    assert [r.value["actor"] for r in records_of(text, "obligation")] == ["CNMM"]
