"""The knowledge folder the behaviour tests run on, and the figures they expect, read from it.

Behaviour tests (actions in tests/unit, REST conversations in tests/stack) never freeze the school's
figures: they run on tests/fixtures/knowledge/ (a copy of knowledge/ whose fiche has other figures,
plus a fictional second profession), or on the folder ASSISTANT_KNOWLEDGE_DIR names, and read what
they expect from it. The production fiche is checked by `make check` (schema), not by the tests.
"""
import os
import shutil
from functools import lru_cache
from pathlib import Path

from core import dialogue
from core.knowledge import Profession
from core.school import School
from loading.knowledge import load_contact
from loading.school import load_school
from stack import replies
from tests.support.helpers import ROOT, norm

FIXTURE_KNOWLEDGE = ROOT / "tests" / "fixtures" / "knowledge"
FIXTURE_PROFESSION = ROOT / "tests" / "fixtures" / "metiers" / "testeur_jeux_societe.yml"


def behaviour_knowledge() -> Path:
    """ASSISTANT_KNOWLEDGE_DIR when set (e.g. an edited copy), tests/fixtures/knowledge/ otherwise."""
    return Path(os.environ.get("ASSISTANT_KNOWLEDGE_DIR") or FIXTURE_KNOWLEDGE).resolve()


@lru_cache(maxsize=None)
def school(folder: Path = None) -> School:
    """The School built on the behaviour knowledge folder (loaded once per folder)."""
    return load_school(folder or behaviour_knowledge())


def default_profession(folder: Path = None) -> Profession:
    return school(folder).default


def qualities(profession: Profession = None) -> list:
    """The names of the fiche's qualities (soft skills), as norm() shows them in a reply."""
    return [norm(q.nom) for q in (profession or default_profession()).soft_skills.qualites]


def amounts(level: str, profession: Profession = None) -> tuple:
    """("31500", "36500"): the min and max of a salary level, as norm() shows them in a reply."""
    return replies.amounts(level, profession or default_profession())


def all_amounts(profession: Profession = None) -> tuple:
    """Every salary figure of a profession (beginner then confirmed), as a reply shows them."""
    return amounts("debutant", profession) + amounts("confirme", profession)


def contact(folder: Path = None):
    """The school's contact (contact.yml of the folder): e-mail, phone, opening hours..."""
    return load_contact((folder or behaviour_knowledge()) / "contact.yml")


def contact_email(folder: Path = None) -> str:
    return contact(folder).email


def without_facts(profession: Profession, partly: bool = False) -> Profession:
    """The profession as imported from a fiche that gives none of the facts a fiche may leave out
    (core/knowledge.py: missions, skills, alternance, tools, salary…); `partly`: a fiche that gives
    them in part (one salary level, skills without a sentence or keywords, no salary factors)."""
    if partly:
        skills = [s.copy(update={"detail": None, "mots_cles": []}) for s in profession.hard_skills.competences]
        salary = profession.salaire.copy(update={
            "facteurs": None, "niveaux": profession.salaire.niveaux.copy(update={"confirme": None})})
        return profession.copy(update={
            "hard_skills": profession.hard_skills.copy(update={"competences": skills}), "salaire": salary})
    empty = type(profession)(**{**profession.dict(), "missions": [], "soft_skills": {}, "hard_skills": {},
                                "alternance": None, "rncp": None, "experiences": [], "outils": {},
                                "contraintes": {}, "salaire": None, "evolutions": {}, "formation_continue": None,
                                "avertissement": None})
    return empty


def replied(text: str, intent: str, kind: str = dialogue.ANSWER, slots: dict = None, ranking=(), parts=()) -> str:
    """What the student reads for a message read as `intent` on the behaviour school (core/dialogue.py), `kind` the
    action's (dialogue.ANSWER, CLARIFY, OUT_OF_SCOPE), `slots` the conversation so far, `ranking` the model's."""
    q = school().understand(text, [], intent, list(parts))
    return dialogue.respond(school(), dialogue.Turn(q, intent, tuple(ranking), slots or {}, None, kind)).reply.text


def conversation(*turns, confidence: float = 0.5):
    """(the replies, the conversation's memory) to messages sent in order on the behaviour school, the memory carried:
    each turn (text, intent, kind, *levels), the levels the NLU reads as `experience` entities; the model gives each
    intent `confidence`."""
    slots, texts = {}, []
    for text, intent, kind, *levels in turns:
        q = school().understand(text, [{"entity": "experience", "value": v} for v in levels], intent, [])
        outcome = dialogue.respond(school(), dialogue.Turn(q, intent, ((intent, confidence),), dict(slots), None, kind))
        slots.update(dict(outcome.slots))
        texts.append(outcome.reply.text)
    return texts, slots


def replies_to(*turns) -> list:
    """The replies to messages sent in order on the behaviour school (each (text, intent, kind, *levels))."""
    return conversation(*turns)[0]


def pay_levels() -> tuple:
    """The behaviour fiche's two levels of pay (beginner, confirmed)."""
    levels = default_profession().salaire.niveaux
    return levels.debutant, levels.confirme


def template_start(key: str) -> str:
    """The fixed start of a reply template (before its first {field})."""
    return school().replier.t[key].split("{")[0]


def one_profession_school(tmp_path):
    """The behaviour knowledge with its default profession only (a school of one profession)."""
    folder = tmp_path / "knowledge"
    shutil.copytree(behaviour_knowledge(), folder)
    for path in (folder / "metiers").glob("*.yml"):
        if path.stem != default_profession().id:
            path.unlink()
    return school(folder)
