"""Obligations in the forms normative texts use: the present tense of a convention or accord, clauses
cut at semicolons, impersonal and agentless passive duties, duties dated by the day they apply
from, coordinated actors and Dutch subjects ended by a preposition of time.

Snippets are written for these tests; each opens with the heading that types its document.
"""

from __future__ import annotations

import pytest
from tests_support import records_of

CONVENTION = "CONVENTION NATIONALE ENTRE LES KINÉSITHÉRAPEUTES ET LES ORGANISMES ASSUREURS\n\n1. Règles\n\n"
ACCORD = "ACCORD NATIONAL MÉDICO-MUTUALISTE 2026\n\n1. Mesures\n\n"
AKKOORD = "NATIONAAL AKKOORD ARTSEN-ZIEKENFONDSEN 2026\n\n1. Maatregelen\n\n"
NEWS = "Actualité\n\n"


def _obligations(head: str, sentence: str) -> list[dict]:
    return [r.value | r.extra for r in records_of(head + sentence + "\n", "obligation", date="2026-01-10")]


@pytest.mark.parametrize(
    "sentence, actor, deadline",
    [
        ("La Commission se réunit au moins quatre fois par an.", "Commission", None),
        ("La commission paritaire rend son avis dans les 60 jours qui suivent sa saisine.",
         "commission paritaire", "P60D"),
        ("Lorsque l'objectif est dépassé, la Commission propose au Comité de l'assurance des mesures de correction.",
         "Commission", None),
    ],
)
def test_a_convention_s_present_tense_binds_its_actor(sentence, actor, deadline):
    found = _obligations(CONVENTION, sentence)
    assert [(o["actor"], o["deadline"], o["modality"]) for o in found] == [(actor, deadline, "must")]


@pytest.mark.parametrize(
    "head, sentence",
    [
        (CONVENTION, "La Commission constate que les dépenses ont augmenté."),  # a statement
        (CONVENTION, "3° lorsque le bénéficiaire exige une séance à domicile."),  # a condition
        (ACCORD, "La CNMM estime que la réforme de la nomenclature est nécessaire."),  # an opinion
        (AKKOORD, "De NCAZ betreurt dat de onderhandelingen zo lang hebben geduurd."),  # an opinion
        (NEWS, "La Commission se réunit au moins quatre fois par an."),  # news describes
    ],
)
def test_a_present_tense_that_states_describes_or_is_not_a_rule_binds_nobody(head, sentence):
    assert _obligations(head, sentence) == []


def test_an_accord_s_present_tense_that_does_something_binds():
    """In an accord too, the present tense of an action binds ("De tandarts vermeldt op het
    getuigschrift ..."); a proposal of the agreement's own body is its commitment."""
    found = _obligations(AKKOORD, "De tandarts vermeldt op het getuigschrift steeds het nomenclatuurnummer.")
    assert [(o["actor"], o["modality"]) for o in found] == [("tandarts", "must")]
    found = _obligations(ACCORD, "La CNMM propose une réforme de la nomenclature.")
    assert [(o["actor"], o["modality"]) for o in found] == [("CNMM", "commits")]


def test_an_accord_s_present_tense_binds_with_a_deadline():
    """A proposal of the agreement's own body, with a deadline, is its commitment (the issue lists
    "proposals and requests of a body" among the forms to extract)."""
    found = _obligations(ACCORD, "La CNMM propose de rédiger une proposition en la matière d'ici le 30 juin 2026.")
    assert [(o["actor"], o["deadline"], o["modality"]) for o in found] == [("CNMM", "2026-06-30", "commits")]


def test_each_clause_of_a_sentence_cut_by_a_semicolon_has_its_own_actor():
    found = _obligations(CONVENTION, "Le médecin-conseil peut en demander une copie ; "
                                     "le kinésithérapeute la transmet dans un délai de 15 jours.")
    assert [(o["actor"], o["deadline"], o["modality"]) for o in found] == [
        ("médecin-conseil", None, "may"), ("kinésithérapeute", "P15D", "must")]


def test_an_impersonal_duty_names_nobody():
    found = _obligations(ACCORD, "Il y a lieu de faire une analyse approfondie des prestations de l'article 34.")
    assert [(o["actor"], o["modality"]) for o in found] == [("non précisé", "must")]


@pytest.mark.parametrize(
    "head, sentence, deadline",
    [
        (CONVENTION, "À partir du 1er janvier 2027, le kinésithérapeute transmet ses attestations par voie électronique.",
         "2027-01-01"),
        (CONVENTION, "À partir de 2027, le kinésithérapeute transmet ses attestations par voie électronique.", None),
        (AKKOORD, "Daarnaast zijn alle artsen vanaf 1 april 2027 verplicht om hun verstrekkingen elektronisch te attesteren.",
         "2027-04-01"),
    ],
)
def test_a_duty_without_deadline_is_dated_by_the_full_date_it_applies_from(head, sentence, deadline):
    (found,) = _obligations(head, sentence)
    assert found["deadline"] == deadline
    assert found.get("deadline_kind") == ("from" if deadline else None)
    assert "vanaf" not in found["actor"] and "2027" not in found["actor"]


@pytest.mark.parametrize(
    "head, sentence, actor, deadline",
    [
        (ACCORD, "Le premier paiement sera effectué en février 2027.", "non précisé", "2027-02"),
        (ACCORD, "Cette augmentation temporaire sera annulée le 1er janvier 2027.", "non précisé", "2027-01-01"),
        (AKKOORD, "De eerste betaling zal in februari 2027 worden uitgevoerd.", "non précisé", "2027-02"),
        (ACCORD, "L'exercice sera organisé selon une méthodologie qui sera soumise par la Cellule "
                 "interadministrative (CIA) à l'approbation de la CNMM au plus tard le 1er mars 2027.",
         "Cellule interadministrative (CIA)", "2027-03-01"),
    ],
)
def test_an_accord_s_future_passive_set_for_a_date_binds(head, sentence, actor, deadline):
    found = _obligations(head, sentence)
    assert [(o["actor"], o["deadline"]) for o in found] == [(actor, deadline)]


@pytest.mark.parametrize(
    "head, sentence",
    [
        (ACCORD, "Le paiement sera effectué selon les modalités habituelles."),  # no date
        (ACCORD, "La CNMM estime que le plan, qui a été approuvé le 4 juin 2018, sera évalué."),  # a past date
        (NEWS, "Le premier paiement sera effectué en février 2027."),  # news reports
    ],
)
def test_a_future_passive_without_a_date_ahead_or_outside_normative_texts_binds_nobody(head, sentence):
    assert [o for o in _obligations(head, sentence) if o["actor"] == "non précisé"] == []


def test_actors_coordinated_by_or_with_indefinite_articles_each_get_the_duty():
    found = _obligations(ACCORD, "Une organisation représentative ou un médecin qui souhaite invoquer la "
                                 "dénonciation le notifie par lettre recommandée dans un délai de 20 jours.")
    assert sorted((o["actor"], o["deadline"]) for o in found) == [
        ("médecin", "P20D"), ("organisation représentative", "P20D")]
