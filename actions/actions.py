"""Rasa custom actions: thin glue between the tracker and the reply builder.

Knowledge, templates, topics and contact are loaded once, when the action server starts: an
invalid file stops it with a message naming the file and the field (see actions/knowledge.py).
"""
import logging
from abc import ABCMeta, abstractmethod
import re
import sys
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import (KnowledgeError, Profession, load_contact, load_professions, load_templates,
                               load_topics)
from actions.replies import FORMATIONS, Question, Replier, Reply
from actions.textnorm import fold, words, years_in

logger = logging.getLogger(__name__)

try:
    PROFESSIONS: Dict[str, Profession] = load_professions()
    REPLIER = Replier(load_templates(), load_topics(), load_contact())
except KnowledgeError as error:
    # Stop the action server at start, with the trainer-readable message and no traceback.
    print(f"Erreur dans les fichiers de connaissances :\n{error}", file=sys.stderr)
    raise SystemExit(1) from None
FACT_TOPICS = [t for t in REPLIER.topics.sujets if t != "conseiller"]


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons)


def entity(tracker: Tracker, name: str) -> Optional[str]:
    """First value of an entity in the latest message (DIET and the lookup tables may both find it)."""
    for ent in tracker.latest_message.get("entities") or []:
        if ent.get("entity") == name and isinstance(ent.get("value"), str):
            return ent["value"]
    return None


def _related_jobs(p: Profession) -> str:
    return fold(" ".join(p.evolutions.postes + [p.evolutions.ensuite or ""] + [e.poste for e in p.experiences]))


def profession_named(name: str, professions: Dict[str, Profession]) -> Optional[Profession]:
    folded = fold(name).strip()
    for p in professions.values():
        if any(alias in folded or folded in alias for alias in map(fold, p.alias + [p.intitule])):
            return p
    return None


def profession_named_in(text: str, professions: Dict[str, Profession]) -> Optional[Profession]:
    """The profession whose name (an alias of its knowledge file) the message contains, if any.

    A new profession file is understood at once, without retraining: its aliases are enough.
    """
    folded = f" {' '.join(words(text))} "
    best, best_len = None, 0
    for p in professions.values():
        for alias in (" ".join(words(a)) for a in p.alias + [p.intitule]):
            if alias and f" {alias} " in folded and len(alias) > best_len:
                best, best_len = p, len(alias)
    return best


def current_profession(tracker: Tracker) -> Profession:
    chosen = tracker.get_slot("metier_id") or REPLIER.topics.metier_par_defaut
    return PROFESSIONS.get(chosen) or next(iter(PROFESSIONS.values()))


def is_other_profession(name: str, profession: Profession) -> bool:
    """A profession the student named that no knowledge file covers (nor a job the fiche cites)."""
    folded = fold(name).strip()
    if not folded or profession_named(folded, PROFESSIONS):
        return False
    return not any(word in _related_jobs(profession) for word in folded.split() if len(word) > 3)


class GuardedAction(Action, metaclass=ABCMeta):
    """Base of every action: a failure is logged with the conversation id, and the student gets
    an apology and the school's contact instead of silence."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        try:
            return self.respond(dispatcher, tracker)
        except Exception:
            logger.exception("L'action %s a échoué pour la conversation %r", self.name(), tracker.sender_id)
            dispatcher.messages.clear()
            send(dispatcher, REPLIER.apology())
            return []

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """Send the reply; return the events."""


class ActionRepondre(GuardedAction):
    """Answers every factual topic, and follow-ups ("et pour un confirmé ?") from the context."""

    def name(self) -> Text:
        return "action_repondre"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        return self.reply(dispatcher, tracker, (tracker.latest_message.get("intent") or {}).get("name"))

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        metier = entity(tracker, "metier")
        events: List[Dict[Text, Any]] = []

        profession = current_profession(tracker)
        mentioned = profession_named_in(text, PROFESSIONS)
        if mentioned and mentioned.id != profession.id:
            profession = mentioned
            events.append(SlotSet("metier_id", mentioned.id))
        elif metier:
            named = profession_named(metier, PROFESSIONS)
            if named:
                profession = named
                events.append(SlotSet("metier_id", named.id))
            elif is_other_profession(metier, profession):
                send(dispatcher, REPLIER.other_profession(list(PROFESSIONS.values()), metier))
                return events

        question = question_of(tracker, intent)
        previous = tracker.get_slot("sujet")
        if intent == "relance" or intent not in FACT_TOPICS:
            question.topic = follow_up_topic(question)
            if question.topic is None:
                if previous in FACT_TOPICS:
                    send(dispatcher, REPLIER.not_specified(profession, previous))
                    return events
                send(dispatcher, REPLIER.clarify([], 0))
                return events
        question.topic = diploma_topic(question)

        send(dispatcher, REPLIER.answer(profession, question))
        return events + [SlotSet("sujet", question.topic), SlotSet("incompris", 0.0)]


def question_of(tracker: Tracker, intent: str) -> Question:
    text = tracker.latest_message.get("text") or ""
    return Question(topic=intent, text=text, experience=entity(tracker, "experience"),
                    diplome=entity(tracker, "diplome"), competence=entity(tracker, "competence"),
                    years=years_in(text))


def resolved_topic(tracker: Tracker, intent: str) -> Optional[str]:
    """The topic action_repondre would answer for this intent and the message's entities."""
    question = question_of(tracker, intent)
    if intent == "relance":
        return follow_up_topic(question)
    return diploma_topic(question) if intent in FACT_TOPICS else None


DIPLOMA_TOPICS = ("diplome",) + FORMATIONS
_NECESSITY = re.compile(r"faut|necessaire|obligatoire|indispensable|besoin|exige|requis|oblige|imperatif|forcement")


def diploma_topic(q: Question) -> str:
    """Within the diploma topics, the diploma the student names wins over a confused intent.

    "Un bac+5 est-il indispensable ?" is about the level required (diplome), whatever intent the
    model preferred among bts/bachelor/mastere; "et un BTS ?" is about the BTS.
    """
    if q.topic not in DIPLOMA_TOPICS or q.diplome not in FORMATIONS:
        return q.topic
    if q.diplome == "mastere" and _NECESSITY.search(fold(q.text)):
        return "diplome"
    return q.diplome


def follow_up_topic(q: Question) -> Optional[str]:
    """The topic a follow-up fragment's own qualifier points to ("et après 5 ans ?" -> salaire), or
    None when it has none: the caller then says the fiche is silent on the previous topic."""
    if q.experience or q.years is not None:
        return "salaire"
    if q.diplome in FORMATIONS:
        return q.diplome
    if q.competence:
        return "hard_skills"
    return None


class MenuReply:
    """Greeting, help and out-of-scope: a short text and the topic menu (a mixin, not an action)."""
    action_name = ""
    builder = ""

    def name(self) -> Text:
        return self.action_name

    def respond(self, dispatcher, tracker):
        send(dispatcher, getattr(REPLIER, self.builder)(list(PROFESSIONS.values())))
        return []


class ActionAccueil(MenuReply, GuardedAction):
    action_name, builder = "action_accueil", "welcome"


class ActionAide(MenuReply, GuardedAction):
    action_name, builder = "action_aide", "help"


class ActionHorsSujet(MenuReply, GuardedAction):
    action_name, builder = "action_hors_sujet", "out_of_scope"


class ActionConseiller(GuardedAction):
    def name(self) -> Text:
        return "action_conseiller"

    def respond(self, dispatcher, tracker):
        send(dispatcher, REPLIER.contact_reply())
        return [SlotSet("incompris", 0.0)]


def likely_topics(tracker: Tracker) -> Sequence[str]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    return [r["name"] for r in ranking if r.get("name") in FACT_TOPICS]


AGREEMENT_CONFIDENCE = 0.5


def agreed_intent(tracker: Tracker) -> Optional[str]:
    """When the model hesitates only between intents that lead to the same answer (bachelor or
    diplome for "un bac+5 est-il indispensable ?", whose entity settles it), there is nothing to
    ask: the first of them is answered. Otherwise None."""
    ranking = [r for r in tracker.latest_message.get("intent_ranking") or []
               if r.get("name") in FACT_TOPICS or r.get("name") == "relance"][:2]
    if len(ranking) < 2 or sum(r.get("confidence", 0) for r in ranking) < AGREEMENT_CONFIDENCE:
        return None
    topics = {resolved_topic(tracker, r["name"]) for r in ranking}
    return ranking[0]["name"] if len(topics) == 1 and None not in topics else None


class ActionClarifier(GuardedAction):
    """Low confidence: offer the likeliest topics instead of guessing; a human after two misses."""

    def name(self) -> Text:
        return "action_clarifier"

    def respond(self, dispatcher, tracker):
        agreed = agreed_intent(tracker)
        if agreed:
            return ActionRepondre().reply(dispatcher, tracker, agreed)
        misses = int(tracker.get_slot("incompris") or 0) + 1
        send(dispatcher, REPLIER.clarify(likely_topics(tracker), misses))
        return [SlotSet("incompris", float(misses))]


class ActionDefaultFallback(ActionClarifier):
    """Rasa's core fallback (no rule applies): same reply as the NLU fallback, never silence."""

    def name(self) -> Text:
        return "action_default_fallback"
