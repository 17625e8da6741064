"""« Essayer une phrase » on the trainer's page: what the assistant would answer to a message, and why,
without a conversation being recorded.

The trained model (models/assistant.tar.gz of the project) reads the message as Rasa does (intent,
confidence, ranking); the rule of data/rules/ for that intent gives the action; the dialogue
(core/dialogue.respond) builds the reply on the knowledge folder as it is now, as the action server
does for a new conversation. Nothing goes through Rasa's server nor the tracker store. The model is
loaded once, on the first try, and again when make train (or « appliquer ») replaced it.
"""
import asyncio
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from core import dialogue
from core.school import School
from core.student_text import clean_text
from loading.school import load_school

MAX_CHARS = 500
# The actions of the rules and the kind of turn each asks of the dialogue (actions/actions.py).
ACTION_KINDS = {
    "action_repondre": dialogue.ANSWER, "action_accueil": dialogue.WELCOME, "action_aide": dialogue.HELP,
    "action_catalogue": dialogue.CATALOGUE, "action_hors_sujet": dialogue.OUT_OF_SCOPE,
    "action_conseiller": dialogue.COUNSELLOR, "action_clarifier": dialogue.CLARIFY,
    "action_default_fallback": dialogue.CLARIFY,
}
FALLBACK = "nlu_fallback"


@dataclass
class Tried:
    text: str
    reply: str = ""
    buttons: List[str] = field(default_factory=list)
    intent: Optional[str] = None
    confidence: float = 0.0
    ranking: List[Tuple[str, float]] = field(default_factory=list)
    profession: Optional[str] = None      # the profession the reply is about, its title
    named: List[str] = field(default_factory=list)   # professions the message names, their titles
    topic: Optional[str] = None           # the topic the reply answers (slot « sujet »)
    action: str = ""
    error: Optional[str] = None


def rule_actions(project_dir: Path) -> Dict[str, str]:
    """intent -> the first action its rule runs (data/rules/*.yml): what Rasa does after that intent."""
    actions: Dict[str, str] = {}
    for path in sorted((project_dir / "data" / "rules").glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        for rule in data.get("rules") or []:
            steps = [s for s in rule.get("steps") or [] if isinstance(s, dict)]
            if rule.get("conversation_start") or rule.get("condition"):
                continue
            for before, after in zip(steps, steps[1:]):
                if "intent" in before and "action" in after:
                    actions.setdefault(str(before["intent"]), str(after["action"]))
    return actions


def fixed_reply(project_dir: Path, action: str) -> str:
    """The text of a response of domain.yml (utter_…), the first variant."""
    try:
        domain = yaml.safe_load((project_dir / "domain.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    variants = (domain.get("responses") or {}).get(action) or []
    return str(variants[0].get("text") or "") if variants and isinstance(variants[0], dict) else ""


class Tryout:
    """The model and the school the tries use, each loaded once and again when its files change."""

    def __init__(self, project_dir: Path, knowledge: Path):
        self.project_dir = Path(project_dir)
        self.knowledge = Path(knowledge)
        self._lock = threading.Lock()          # the model
        self._school_lock = threading.Lock()
        self._agent, self._model_stamp = None, None
        self._school: Optional[School] = None
        self._school_stamp = None

    @property
    def model(self) -> Path:
        return self.project_dir / "models" / "assistant.tar.gz"

    def _agent_now(self):
        stamp = self.model.stat().st_mtime_ns
        if self._agent is None or stamp != self._model_stamp:
            from rasa.core.agent import Agent  # several seconds: only when a trainer tries a sentence
            self._agent, self._model_stamp = Agent.load(str(self.model)), stamp
        return self._agent

    def _school_now(self) -> School:
        from actions.live_school import signature
        stamp = signature(self.knowledge)
        if self._school is None or stamp != self._school_stamp:
            self._school, self._school_stamp = load_school(self.knowledge), stamp
        return self._school

    def school(self) -> Optional[School]:
        """The knowledge folder's School as it is now; None while a file has an error (blocking)."""
        with self._school_lock:
            try:
                return self._school_now()
            except Exception:   # noqa: BLE001 - the trainer page shows the folder's error
                return None

    def warm(self) -> None:
        """Loads the model and the school ahead of the first try (the trainer page starts it); without a
        model there is nothing to try."""
        if self.model.exists():
            self.school()
            with self._lock:
                try:
                    self._agent_now()
                except Exception:   # noqa: BLE001 - the first try says what is wrong
                    pass

    def reset(self) -> None:
        with self._lock:
            self._agent, self._model_stamp = None, None

    def tried(self, text: str) -> Tried:
        """What the assistant would answer to `text` as the first message of a conversation (blocking:
        call it in a thread)."""
        text = clean_text(text or "")[:MAX_CHARS].strip()
        if not text:
            return Tried("", error="Écrivez une phrase d'élève à essayer.")
        if not self.model.exists():
            return Tried(text, error="Aucun modèle entraîné : lancez « make train » (ou le bouton « Appliquer »), "
                                     "puis essayez de nouveau.")
        school = self.school()
        if school is None:
            return Tried(text, error="Les fichiers de connaissances ont une erreur : corrigez-la (lancez "
                                     "« make check »), puis essayez de nouveau.")
        with self._lock:
            try:
                agent = self._agent_now()
            except Exception as error:   # noqa: BLE001 - said to the trainer, never a console error page
                return Tried(text, error=f"Le modèle n'a pas pu être chargé ({error.__class__.__name__}) : "
                                         "lancez « make train », puis essayez de nouveau.")
            parsed = asyncio.run(agent.parse_message(text))
        return self._answer(school, text, parsed)

    def _answer(self, school: School, text: str, parsed: dict) -> Tried:
        intent = (parsed.get("intent") or {}).get("name")
        ranking = [(str(r.get("name")), float(r.get("confidence") or 0.0))
                   for r in parsed.get("intent_ranking") or [] if isinstance(r, dict)]
        confidence = float((parsed.get("intent") or {}).get("confidence") or 0.0)
        action = rule_actions(self.project_dir).get(intent or "", "action_default_fallback")
        tried = Tried(text, intent=intent, confidence=confidence, ranking=ranking[:3], action=action)
        question = school.understand(text, parsed.get("entities") or [], intent, parsed.get("question_parts") or [])
        tried.named = [school.professions[p].intitule for p in question.named if p in school.professions]
        kind = ACTION_KINDS.get(action)
        if action == "action_remerciement":   # the thanks, then the question that may come with them
            thanks = fixed_reply(self.project_dir, "utter_remerciement")
            outcome = dialogue.question_after_politeness(school, dialogue.Turn(question, intent, tuple(ranking)))
            tried.reply = "\n\n".join(t for t in (thanks, outcome.reply.text if outcome else "") if t)
            if outcome is not None:
                self._describe(tried, outcome)
            return tried
        if kind is None:
            tried.reply = fixed_reply(self.project_dir, action) or f"(réponse fixe {action})"
            return tried
        turn = dialogue.Turn(question, intent, tuple(ranking), {}, None, kind)
        outcome = dialogue.respond(school, turn)
        tried.reply = outcome.reply.text
        self._describe(tried, outcome)
        return tried

    @staticmethod
    def _describe(tried: Tried, outcome) -> None:
        tried.buttons = [str(b.get("title", "")) for b in outcome.reply.buttons]
        tried.profession = outcome.profession.intitule if outcome.profession is not None else None
        tried.topic = dict(outcome.slots).get("sujet")
