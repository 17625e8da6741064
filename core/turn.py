"""The types of one turn of the dialogue, shared by core/dialogue.py and core/exploring.py: what comes in
(a Turn: the understood message in its conversation), what goes out (an Outcome: the reply and the memory it
changes) and the kinds of turn the Rasa rules run. A leaf: it imports no other module of the dialogue.
"""
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Tuple

from core.knowledge import Profession
from core.replies import Reply
from core.understanding import Question

# What the Rasa rules ran: each is answered by respond().
ANSWER, CLARIFY, OUT_OF_SCOPE, WELCOME, HELP, COUNSELLOR, CATALOGUE = (
    "answer", "clarify", "out_of_scope", "welcome", "help", "counsellor", "catalogue")


@dataclass(frozen=True)
class Turn:
    """One student message in its conversation."""
    question: Question
    intent: Optional[str] = None
    ranking: Tuple[Tuple[str, float], ...] = ()
    slots: Mapping[str, Any] = field(default_factory=dict)
    page: Optional[str] = None   # the profession of the page the widget is on (REST metadata « metier »)
    kind: str = ANSWER
    page_number: Optional[int] = None   # the page of the catalogue a « Voir plus » button asks (entity « page »)
    famille: Optional[str] = None       # the famille a button of a long list asks (entity « famille »)


@dataclass(frozen=True)
class Outcome:
    """The reply and the conversation memory it changes, in order."""
    reply: Reply
    slots: Tuple[Tuple[str, Any], ...] = ()
    profession: Optional[Profession] = None   # the profession the reply is about (the widget shows it)
    handoff: bool = False   # the widget offers « Laisser ma question au conseiller » (the console)
