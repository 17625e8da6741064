"""Rasa custom actions: an adapter between Rasa's tracker and the dialogue (core/dialogue.py).

Each action turns the tracker into a Turn, lets core.dialogue.respond decide, and turns the Outcome
into messages and SlotSet events. No dialogue decision is made here.

The action server's school follows the knowledge folder (actions/live_school.py, started by
actions/server.py): each run takes the School in service when it starts, and keeps it to the end.
Tests pass their own School (built on fixture files) to the constructor.
"""
import logging
from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.server import live_school
from core import dialogue, exploring
from core.replies import Reply
from core.school import School

logger = logging.getLogger(__name__)


def send(dispatcher: CollectingDispatcher, reply: Reply, profession=None, handoff: bool = False) -> None:
    """The reply, one bot utterance. Its custom part, which the REST channel folds into the reply, names
    the profession it is about (« metier »: the widget shows it) and, for the counsellor's contact,
    « handoff » (the widget offers to leave the question to the counsellor, through the console)."""
    custom = {}
    if profession is not None:
        custom["metier"] = {"id": profession.id, "intitule": profession.intitule}
    if handoff:
        custom["handoff"] = True
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons, json_message=custom or None)


def page_number(entities) -> Optional[int]:
    """The entity « page » of a « Voir plus de métiers » button (/catalogue_lister{"page": 1})."""
    for entity in entities or ():
        if isinstance(entity, dict) and entity.get("entity") == "page":
            try:
                return int(entity.get("value"))
            except (TypeError, ValueError):
                return None
    return None


def famille_asked(entities) -> Optional[str]:
    """The entity « famille » of a domain button of a long list (/catalogue_lister{"famille": "santé"})."""
    for entity in entities or ():
        if isinstance(entity, dict) and entity.get("entity") == "famille" and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


def turn_of(school: School, tracker: Tracker, kind: str) -> dialogue.Turn:
    """The latest message of the tracker, understood once, in its conversation."""
    latest = tracker.latest_message or {}
    intent = (latest.get("intent") or {}).get("name")
    question = school.understand(latest.get("text") or "", latest.get("entities") or [], intent,
                                 latest.get("question_parts") or [])
    ranking = tuple((r.get("name"), float(r.get("confidence") or 0.0))
                    for r in latest.get("intent_ranking") or [] if isinstance(r, dict))
    metadata = latest.get("metadata") or {}
    page = metadata.get("metier") if isinstance(metadata, dict) else None
    slots = {name: tracker.get_slot(name)
             for name in ("sujet", "metier_id", "autre_metier", "incompris", exploring.IN_PLAY, exploring.SHOWN,
                          dialogue.ABSENT, dialogue.ITEM)}
    entities = latest.get("entities")
    return dialogue.Turn(question, intent, ranking, slots, page, kind, page_number(entities), famille_asked(entities))


class DialogueAction(Action, metaclass=ABCMeta):
    """Base of every action: a failure is logged with the conversation id, and the student gets
    an apology and the school's contact instead of silence."""
    kind = dialogue.ANSWER

    def __init__(self, school: Optional[School] = None):
        # rasa_sdk builds each action without arguments when it registers them: the server's school,
        # reloaded when the knowledge folder changes.
        self._school = school
        self._live = None if school is not None else live_school()

    @property
    def school(self) -> School:
        return self._school if self._school is not None else self._live.school

    @abstractmethod
    def name(self) -> Text:
        """The action's name in domain.yml."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        school = self.school  # one School for the whole turn, even if a reload happens meanwhile
        try:
            outcome = dialogue.respond(school, turn_of(school, tracker, self.kind))
        except Exception:
            logger.exception("L'action %s a échoué pour la conversation %r", self.name(), tracker.sender_id)
            dispatcher.messages.clear()
            send(dispatcher, school.replier.apology())
            return []
        send(dispatcher, outcome.reply, outcome.profession, outcome.handoff)
        return [SlotSet(name, value) for name, value in outcome.slots]


class ActionRepondre(DialogueAction):
    """Every factual topic, compound questions, follow-ups and details the fiche does not give."""
    kind = dialogue.ANSWER

    def name(self) -> Text:
        return "action_repondre"


class ActionAccueil(DialogueAction):
    kind = dialogue.WELCOME

    def name(self) -> Text:
        return "action_accueil"


class ActionRemerciement(DialogueAction):
    """Thanks, and the question that may come with them (« merci ! et le salaire ? »)."""

    def name(self) -> Text:
        return "action_remerciement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        school = self.school
        try:
            thank, outcome = dialogue.after_thanks(school, turn_of(school, tracker, self.kind))
        except Exception:  # the thanks are answered; the question gets the apology, never silence
            logger.exception("L'action %s a échoué pour la conversation %r", self.name(), tracker.sender_id)
            dispatcher.utter_message(response="utter_remerciement")
            send(dispatcher, school.replier.apology())
            return []
        if thank:
            dispatcher.utter_message(response="utter_remerciement")
        if outcome is None:
            return []
        send(dispatcher, outcome.reply, outcome.profession)
        return [SlotSet(name, value) for name, value in outcome.slots]


class CannedAction(DialogueAction):
    """A reply of domain.yml (`response`), unless the message asks something of the fiche the model did not see: « yen a
    cb en tt » read as a goodbye, « qui en est l'auteur ? » as a question about the assistant
    (dialogue.asked_instead)."""
    response = ""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        school = self.school
        try:
            outcome = dialogue.asked_instead(school, turn_of(school, tracker, self.kind))
        except Exception:  # the reply the model chose, never silence
            logger.exception("L'action %s a échoué pour la conversation %r", self.name(), tracker.sender_id)
            outcome = None
        if outcome is None:
            dispatcher.utter_message(response=self.response)
            return []
        send(dispatcher, outcome.reply, outcome.profession)
        return [SlotSet(name, value) for name, value in outcome.slots]


class ActionAuRevoir(CannedAction):
    response = "utter_au_revoir"

    def name(self) -> Text:
        return "action_au_revoir"


class ActionQuestionBot(CannedAction):
    response = "utter_question_bot"

    def name(self) -> Text:
        return "action_question_bot"


class ActionCatalogue(DialogueAction):
    """The school's catalogue: the list of professions, a search by interest, a comparison of two."""
    kind = dialogue.CATALOGUE

    def name(self) -> Text:
        return "action_catalogue"


class ActionAide(DialogueAction):
    kind = dialogue.HELP

    def name(self) -> Text:
        return "action_aide"


class ActionHorsSujet(DialogueAction):
    kind = dialogue.OUT_OF_SCOPE

    def name(self) -> Text:
        return "action_hors_sujet"


class ActionConseiller(DialogueAction):
    kind = dialogue.COUNSELLOR

    def name(self) -> Text:
        return "action_conseiller"


class ActionClarifier(DialogueAction):
    """Low confidence: answered when the message itself settles it, else the likeliest topics."""
    kind = dialogue.CLARIFY

    def name(self) -> Text:
        return "action_clarifier"


class ActionDefaultFallback(ActionClarifier):
    """Rasa's core fallback (no rule applies): same reply as the NLU fallback, never silence."""
    def name(self) -> Text:
        return "action_default_fallback"
