"""The diploma questions on every held-out fiche (tests/fixtures/fiches/heldout/): each fiche is imported by
the importer, loaded as a school's knowledge file, and asked what a student asks, in process through the
dialogue (core) as the NLU gives it (intent and « diplome » entity). The answers are checked against the
facts the fiche's .expected.yml gives, written apart: « faut-il un bac+5 ? », « un BTS suffit ? », the
reference level, and the regulated diploma named first.

A draft's « À COMPLÉTER » fields (none of them about diplomas) are completed with neutral text before it is
loaded, as a trainer would complete them: the answers about diplomas do not depend on them.
"""
import re
import shutil
from collections import namedtuple

import pytest
import yaml

from core import dialogue, diplomas
from loading.knowledge import project_diplomas
from loading.school import load_school
from tests.support.helpers import norm
from tests.support.importer_heldout import HELDOUT, imported, words
from tests.support.knowledge import FIXTURE_KNOWLEDGE

FICHES = sorted(HELDOUT.glob("*.txt"))
# make test-unit's workers: the modules that import every held-out fiche share one process (and its imports)
pytestmark = pytest.mark.xdist_group("fiches-ecrites-a-part")
_Path = namedtuple("_Path", "nom niveau statut")


_MARKER = "À COMPLÉTER"
_NUMBERS = {"score", "niveau", "min", "max"}


def _completed(node):
    """The draft's data with its « À COMPLÉTER » fields filled as a trainer would, with text that says nothing
    about diplomas: a text field gets a neutral sentence, a list item or an item with a number to find is
    left out."""
    if isinstance(node, dict):
        if any(k in _NUMBERS and isinstance(v, str) and v.startswith(_MARKER) for k, v in node.items()):
            return None
        done = {k: ("Texte complété par le formateur." if isinstance(v, str) and v.startswith(_MARKER)
                    else _completed(v)) for k, v in node.items()}
        return {k: v for k, v in done.items() if v not in (None, [], {})}
    if isinstance(node, list):
        done = [_completed(v) for v in node if not (isinstance(v, str) and v.startswith(_MARKER))]
        return [v for v in done if v not in (None, [], {})]
    return node


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """One school holding every held-out fiche as the importer wrote it; {fiche name: profession id}."""
    folder = tmp_path_factory.mktemp("heldout") / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    (folder / "metiers").mkdir()
    ids = {}
    for fiche in FICHES:
        draft, text, *_ = imported(fiche.read_text(encoding="utf-8"), fiche.name)
        data = _completed(yaml.safe_load(text))
        if not isinstance(data.get("alias"), list) or not data["alias"]:
            data["alias"] = [re.sub(r"\W+", " ", fiche.stem)]  # an alias is a trainer's choice, not a fact
        (folder / "metiers" / f"{data['id']}.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                              encoding="utf-8")
        ids[fiche.stem] = data["id"]
    return load_school(folder), ids


def ask(school, pid, text, intent="diplome", diplome=None):
    entities = [{"entity": "diplome", "value": diplome}] if diplome else []
    q = school.understand(text, entities, intent)
    turn = dialogue.Turn(q, intent, ((intent, 0.9),), {"metier_id": pid})
    return norm(dialogue.respond(school, turn).reply.text)


def expected(fiche):
    data = yaml.safe_load(fiche.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    return data, [_Path(d["nom"], d["niveau"], d["statut"]) for d in data.get("diplomes") or []]


def names(reply_line: str, name: str) -> bool:
    """The reply line names the diploma: its content words, leniently (accents, articles, apostrophes)."""
    return set(words(name)) <= set(words(reply_line))


@pytest.mark.parametrize("fiche", FICHES, ids=[f.stem for f in FICHES])
def test_the_diploma_answers_of_a_heldout_fiche(school, fiche):
    school, ids = school
    pid = ids[fiche.stem]
    facts, paths = expected(fiche)

    bac5 = ask(school, pid, "faut-il un bac+5 ?", "diplome", "mastere")
    lines = bac5.split("\n")
    assert not re.search(r"\b(?:oui|non) ?: (?:oui|non)\b", bac5), bac5  # the verdict is said once
    if facts.get("bac5_necessaire"):  # after the required diploma when there is one
        assert any(line.startswith("oui") for line in lines[:2]) or "un bac+5 est attendu" in bac5, bac5
    elif facts.get("bac5_necessaire") is False:
        assert "non, un bac+5 n'est pas necessaire pour ce metier" in bac5, bac5

    needed = [p for p in paths if p.statut == diplomas.REQUIRED]
    which = ask(school, pid, "quel diplome faut-il ?")
    if needed:  # a regulated profession: its required diplomas come first, whatever is asked
        first = which.split("\n")[0]
        assert first.startswith("il faut "), which
        assert all(names(first, p.nom) for p in needed), (first, needed)
    level = facts.get("niveau_reference")
    if level is not None:  # « … (Bac+4) est le niveau de référence », the level the fiche says is needed
        assert diplomas.needed_level(school.professions[pid].parcours) == level
        stated = re.search(r"([^.\n]*) est le niveau de reference", which)
        assert stated and norm(project_diplomas().level_label(level)).lower() in stated.group(1), (level, which)
        lower = [p for p in paths if p.statut == diplomas.REQUIRED and p.niveau is not None and p.niveau < level]
        assert not any(names(stated.group(1), p.nom) for p in lower), which  # not the first of two in turn
    if len(needed) > 1:  # two diplomas required in turn: both are needed, never one « ou » the other
        assert " ou le " not in which.split("\n")[0], which

    bts = ask(school, pid, "un bts suffit ?", "bts", "bts")
    of_kind = [p for p in paths if project_diplomas().kind_of(p.nom) == "bts"]
    if needed and not any(p in needed for p in of_kind):
        assert bts.startswith("il faut "), bts  # the required diploma first, never « oui »
    if not of_kind:
        assert "ne cite pas le bts" in bts, bts
    elif diplomas.suffices(of_kind[0], paths):
        assert "permet d'exercer ce metier" in bts or "est le diplome exige" in bts, bts
    else:
        assert "ne suffit" in bts and not bts.startswith("oui"), bts
