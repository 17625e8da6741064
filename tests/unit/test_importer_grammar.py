"""The sentences the importer rewrites for students read as French: a stepping stone's « apport » follows
« {poste} : pour », a tool category's detail follows « {nom} : ». Read over every fixture fiche and every fiche
written apart (tests/fixtures/fiches/), against simple patterns of French:

- a rewritten text starts with an infinitive (« se familiariser avec … », « acquérir … ») or, after a verb of
  giving, with an article (« pour un premier contact avec … »); never with a conjugated verb, a preposition or
  the subject of the fiche's sentence (« pour l'exercice des fonctions de X expose à … » was the old defect);
- infinitives joined by « et » are joined alike (« présenter … et préparer … », not « présenter … et à préparer »);
- the fiche's own sentences, when no phrase could be read, start with a capital and end with a period, and are
  shown after « {poste} : » without « pour »;
- a tool's name is a name: no clause, no conjunction first.
"""
import re
from pathlib import Path

import pytest

from core.textnorm import fold
from tests.support.helpers import ROOT
from tests.support.importer_heldout import imported
from trainer.importer.facts import Fact
from trainer.importer.verbs import is_finite_verb, is_infinitive

pytestmark = pytest.mark.xdist_group("fiches-ecrites-a-part")  # one import of each fiche per process
FICHES = sorted((ROOT / "tests" / "fixtures" / "fiches").rglob("*.txt"))
_DETERMINERS = {"un", "une", "des", "le", "la", "les", "l", "du", "de", "son", "sa", "ses", "leur", "leurs"}
# After these, a verb form is a noun (« le rythme », « chaque départ »).
_BEFORE_A_NOUN = _DETERMINERS | {"d", "chaque", "ce", "cette", "ces", "à", "au", "aux", "en", "sur", "avec", "pour",
                                 "par", "dans", "et", "ou", "premier", "première"}


def _value(leaf):
    return leaf.value if isinstance(leaf, Fact) else None


def _imported(path: Path):
    return imported(path.read_text(encoding="utf-8"), path.name)[0]  # shared with the held-out scores


def phrase_problem(text: str) -> str:
    """Why `text` does not read after « pour » / « Outils de X : », or "" when it does."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return "vide"
    head = words[1] if words[0] in ("se", "s") and len(words) > 1 else words[0]
    if not (is_infinitive(head) or words[0] in _DETERMINERS):
        return f"ne commence ni par un infinitif ni par un article : « {words[0]} »"
    if is_finite_verb(words[0]) and not is_infinitive(words[0]):
        return f"commence par un verbe conjugué : « {words[0]} »"
    first = re.split(r"(?<=[.!?])\s", text)[0]
    if words[0] in _DETERMINERS:  # a noun phrase (« un premier contact avec … »): no verb of its own
        tokens = re.findall(r"[^\W\d_]+", first.lower())
        for previous, word in zip(tokens, tokens[1:]):
            if word in ("que", "qui", "dont", "où"):
                break  # a relative clause belongs to the noun (« des plantes que les clients demandent »)
            if is_finite_verb(word) and not is_infinitive(word) and previous not in _BEFORE_A_NOUN:
                return f"une phrase, pas un groupe nominal : « {word} »"
    elif not re.match(r"(?:se |s')?[^\W\d_]+ (?:à|de|d')", first, re.I) and \
            re.search(r"(?:,| et| ou) (?:à |de |d')(?:se |s')?[^\W\d_]+(?:er|ir|re)\b", first):
        return "infinitifs coordonnés avec et sans préposition"
    if text.rstrip()[-1:] in ",;:" or text.count("(") != text.count(")"):
        return "coupé au milieu"
    return ""


def sentence_problem(text: str) -> str:
    return "" if text[:1].isupper() and text.rstrip()[-1:] in ".!?" else "phrase de la fiche sans majuscule ou sans point"


@pytest.mark.parametrize("path", FICHES, ids=[p.stem[:30] for p in FICHES])
def test_rewritten_texts_of_every_fiche_read_as_french(path):
    draft = _imported(path)
    problems = []
    experiences = draft.get("experiences")
    for item in experiences if isinstance(experiences, list) else []:
        brings = _value(item.get("apport"))
        if brings:
            problem = sentence_problem(brings) if brings[:1].isupper() else phrase_problem(brings)
            if problem:
                problems.append(f"expérience « {_value(item['poste'])} » : pour {brings} → {problem}")
    tools = draft.get("outils")
    categories = tools.get("categories") if isinstance(tools, dict) else None
    for item in categories if isinstance(categories, list) else []:
        name, detail = _value(item.get("nom")), _value(item.get("detail"))
        if name and (":" in name or " et," in name or fold(name).split()[0] in ("que", "tandis", "et", "ou", "qui", "dont")):
            problems.append(f"outil « {name} » : ce n'est pas un nom")
        if detail and not detail[:1].isupper() and phrase_problem(detail):
            problems.append(f"outil « {name} » : {detail} → {phrase_problem(detail)}")
    assert problems == []


def test_the_patterns_catch_the_old_defects():
    # what the importer wrote before: the fiche's sentence after « pour »
    assert phrase_problem("l'exercice des fonctions de Soigneur(se) expose au travail avec des animaux")
    assert phrase_problem("un(e) Pompier(ère) volontaire se familiarise avec les flammes")
    assert phrase_problem("à dessiner les ouvrages, à présenter des projets")
    assert phrase_problem("analyser la fabricabilité des pièces et de concevoir les outillages")
    assert phrase_problem("familiarise avec la manutention")
    assert sentence_problem("l'expérience de X constitue une excellente transition")
    # and what it writes now
    assert not phrase_problem("se familiariser avec la manutention, le chargement des camions")
    assert not phrase_problem("s'habituer aux horaires décalés")
    assert not phrase_problem("un premier contact avec les produits")
    assert not phrase_problem("dessiner les ouvrages, présenter des projets et préparer les fichiers")


def test_a_stepping_stone_reads_after_pour_in_the_students_reply():
    """The reply a student reads: « poste : pour <infinitive> » or « poste : <the fiche's sentence> »."""
    from core.knowledge import Experience
    from tests.support.knowledge import school

    replier = school().replier
    profession = next(iter(school().professions.values()))
    answer = replier.answer(profession.copy(update={"experiences": [
        Experience(poste="Cariste", apport="se familiariser avec la manutention"),
        Experience(poste="Chauffeur(se)-livreur(se)", apport="L'expérience de livreur constitue une transition.")]}),
        __import__("core.understanding", fromlist=["Question"]).Question(topic="experiences"))
    assert "Cariste : pour se familiariser avec la manutention" in answer.text
    assert "Chauffeur(se)-livreur(se) : L'expérience de livreur constitue une transition." in answer.text
