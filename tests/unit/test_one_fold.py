"""A message is folded once (core/understanding.py `understand`): every reading of it on the action side, from
the understanding to the reply, works on that folded text (Question.folded) and never folds it again."""
import importlib
import pkgutil

import pytest

import core
from core import dialogue, textnorm
from core.courtesy import masked_folded
from tests.support.knowledge import school

# Shorter folds are words a reply builder may also fold from a fiche (« salaire »): not counted.
COUNTED_FROM = 6


@pytest.fixture
def folds(monkeypatch):
    """The folds of the message under test: calls to fold whose result is a piece of the folded message (or of
    the message without its courtesy), wherever in core/ they are made."""
    real = textnorm.fold
    seen = {"message": None, "calls": []}

    def counting(text):
        out = real(text)
        if seen["message"] and len(out.strip()) >= COUNTED_FROM and any(out in m for m in seen["message"]):
            seen["calls"].append(out)
        return out

    for info in pkgutil.iter_modules(core.__path__):
        module = importlib.import_module(f"core.{info.name}")
        if getattr(module, "fold", None) is real:
            monkeypatch.setattr(module, "fold", counting)

    def run(text, intent, kind=dialogue.ANSWER, entities=(), parts=()):
        folded = real(text)
        built = school()  # (built before counting: the school folds its own vocabulary once, when it is built)
        seen["message"], seen["calls"] = (folded, masked_folded(folded)), []
        q = built.understand(text, list(entities), intent, list(parts))
        outcome = dialogue.respond(built, dialogue.Turn(q, intent, ((intent, 0.9),), {}, None, kind))
        assert outcome.reply.text.strip()
        return seen["calls"]
    return run


def _part(text, piece, intent):
    start = text.index(piece)
    return {"text": piece, "intent": intent, "confidence": 0.9, "start": start, "end": start + len(piece)}


def test_a_simple_question_is_folded_once(folds):
    text = "Combien gagne un débutant ?"
    assert len(folds(text, "salaire", entities=[{"entity": "experience", "value": "débutant", "start": 16}])) == 1


def test_a_question_in_two_parts_is_folded_once(folds):
    text = "Bonjour, combien gagne un débutant et quelles études faut-il après le bac ? Merci !"
    parts = [_part(text, "combien gagne un débutant", "salaire"), _part(text, "quelles études faut-il après le bac", "diplome")]
    assert len(folds(text, "salaire", parts=parts)) == 1


@pytest.mark.parametrize("text, intent", [
    ("Sans master, je peux être chargée de mission relations internationales ?", "diplome"),
    ("un métier où on voyage, avec juste un BTS ?", "catalogue_chercher"),
    ("quelle compétence technique compte le plus ?", "hard_skills"),
])
def test_other_kinds_of_message_are_folded_once(folds, text, intent):
    kind = dialogue.CATALOGUE if intent.startswith("catalogue") else dialogue.ANSWER
    assert len(folds(text, intent, kind)) == 1


def test_the_name_index_reads_a_message_once_for_its_names_heads_and_other_jobs(monkeypatch):
    """The understanding asks the index for the professions named, the head nouns said and another job's head (« un
    chargé de communication ») of one message: the index reads the message once for all three."""
    index = school().names
    reads = []
    real = type(index)._read
    monkeypatch.setattr(type(index), "_read", lambda self, folded: reads.append(folded) or real(self, folded))
    text = "Combien gagne un chargé de communication quand il commence, à peu près ?"
    school().understand(text, [], "salaire", [])
    assert reads, "the message was not read by the name index at all"
    assert len(reads) == len(set(reads)), f"a reading was done twice: {reads}"
