"""Rasa custom actions: thin glue between the tracker and the assistant (core/assistant.py).

The action server builds one Assistant from the knowledge files when it registers these actions
at start: an invalid file stops it with a message naming the file and the field. Tests pass their
own Assistant (built on fixture files) to the constructor.
"""
import logging
import re
import sys
from abc import ABCMeta, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from core.assistant import Assistant
from core.knowledge import KnowledgeError, Profession
from core.replies import TRAINING_IDS, Question, Reply
from core.textnorm import fold, years_in
from core.understanding import DiplomaSituation, about_work_or_studies, diploma_situation

logger = logging.getLogger(__name__)

_SHARED: Optional[Assistant] = None
# A part of a compound message is answered only when the classifier is this sure of its topic.
PART_CONFIDENCE = 0.5


def shared_assistant() -> Assistant:
    """The action server's Assistant, built once from the knowledge folder."""
    global _SHARED
    if _SHARED is None:
        try:
            _SHARED = Assistant.load()
        except KnowledgeError as error:
            # Stop the action server at start, with the trainer-readable message and no traceback.
            print(f"Erreur dans les fichiers de connaissances :\n{error}", file=sys.stderr)
            raise SystemExit(1) from None
    return _SHARED


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons)


def entity_values(tracker: Tracker, name: str, span: Optional[tuple] = None) -> List[str]:
    """Values of an entity in the latest message (optionally only inside a span of its text)."""
    values = []
    for ent in tracker.latest_message.get("entities") or []:
        if ent.get("entity") != name or not isinstance(ent.get("value"), str):
            continue
        if span and isinstance(ent.get("start"), int) and not span[0] <= ent["start"] < span[1]:
            continue
        if ent["value"] not in values:
            values.append(ent["value"])
    return values


def entity(tracker: Tracker, name: str, span: Optional[tuple] = None) -> Optional[str]:
    values = entity_values(tracker, name, span)
    return values[0] if values else None


def question_of(tracker: Tracker, topic: Optional[str], text: Optional[str] = None,
                span: Optional[tuple] = None) -> Question:
    text = tracker.latest_message.get("text") or "" if text is None else text
    levels = entity_values(tracker, "experience", span)
    return Question(topic=topic, text=text,
                    # "débutant et confirmé" asks both levels: the general answer gives both.
                    experience=levels[0] if len(levels) == 1 else None,
                    diploma=entity(tracker, "diplome", span), skill=entity(tracker, "competence", span),
                    years=years_in(text), situation=diploma_situation(text))


DIPLOMA_TOPICS = ("diplome",) + TRAINING_IDS


def diploma_topic(q: Question) -> str:
    """Within the diploma topics, the student's situation and the diploma they name win over a
    confused intent: "sans master, j'ai une chance ?" is about the level required (diplome),
    "juste un BTS ?" about the BTS, "un bac+5 est-il indispensable ?" about the level required."""
    if q.topic not in DIPLOMA_TOPICS and q.topic != "relance":
        return q.topic
    situation = q.situation
    if situation:
        if situation.kind == "seulement":
            return situation.diploma
        if situation.diploma == "bachelor":  # without a Bachelor, the student has at most a BTS
            q.situation = DiplomaSituation("seulement", "bts")
            return "bts"
        return "diplome"
    if q.topic == "relance" or q.diploma not in TRAINING_IDS:
        return q.topic
    if q.diploma == "mastere" and _asks_necessity(q.text):
        return "diplome"
    return q.diploma


def is_fragment(text: str) -> bool:
    """A follow-up that leans on the previous message: "et pour un senior ?", "ok, et pour le chargé de mission ?"."""
    return bool(_FRAGMENT.match(fold(text)))


_FRAGMENT = re.compile(r"^\W*(?:(?:bon|ok|okay|d'accord|dac|ben|alors|oui|ah|euh)\W+)*(?:et|mais|sinon|pour|what about|and)\b")


def _asks_necessity(text: str) -> bool:
    return bool(re.search(r"faut|necessaire|obligatoire|indispensable|besoin|exige|requis|oblige|imperatif"
                          r"|forcement", fold(text)))


def follow_up_topic(q: Question) -> Optional[str]:
    """The topic a follow-up fragment's own qualifier points to ("et après 5 ans ?" -> salaire), or
    None when it has none: the caller then says the fiche is silent on the previous topic."""
    if q.situation:
        return diploma_topic(Question(topic="relance", text=q.text, situation=q.situation))
    if q.experience or q.years is not None:
        return "salaire"
    if q.diploma in TRAINING_IDS:
        return q.diploma
    if q.skill:
        return "hard_skills"
    return None


@dataclass
class Outcome:
    """What an action sends and the conversation memory it updates."""
    reply: Reply
    events: List[Dict[Text, Any]] = field(default_factory=list)


class GuardedAction(Action, metaclass=ABCMeta):
    """Base of every action: a failure is logged with the conversation id, and the student gets
    an apology and the school's contact instead of silence."""

    def __init__(self, assistant: Optional[Assistant] = None):
        self.assistant = assistant or shared_assistant()

    @property
    def replier(self):
        return self.assistant.replier

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        try:
            return self.respond(dispatcher, tracker)
        except Exception:
            logger.exception("L'action %s a échoué pour la conversation %r", self.name(), tracker.sender_id)
            dispatcher.messages.clear()
            send(dispatcher, self.replier.apology())
            return []

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """Send the reply; return the events."""

    # -- which profession ----------------------------------------------------------------------
    def page_profession(self, tracker: Tracker) -> Optional[Profession]:
        """The profession of the page the widget is on (REST metadata « metier »), if known."""
        metadata = tracker.latest_message.get("metadata") or {}
        return self.assistant.profession(metadata.get("metier")) if isinstance(metadata, dict) else None

    def current_profession(self, tracker: Tracker) -> Profession:
        """The one the student last named, else the page's, else the school's default."""
        return (self.assistant.profession(tracker.get_slot("metier_id")) or self.page_profession(tracker)
                or self.assistant.default)


class ActionRepondre(GuardedAction):
    """Answers every factual topic, compound questions, follow-ups ("et pour un confirmé ?") from
    the context, and details the fiche does not give."""

    def name(self) -> Text:
        return "action_repondre"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        outcome = self.plan(tracker, intent, fallback=False)
        send(dispatcher, outcome.reply)
        return outcome.events

    def absent_detail(self, text: str, profession: Profession, intent: Optional[str]):
        """The detail the fiche does not give that the message asks about, if any. A place or a price
        alone, with no topic and nothing about work or studies (« quel temps fait-il à Paris ? »), is
        out of scope, not a detail the fiche leaves out."""
        detail = self.assistant.absent_detail(text, profession)
        if detail and detail.needs_context and intent not in self.assistant.fact_topics and intent != "relance" \
                and not about_work_or_studies(text):
            return None
        return detail

    def plan(self, tracker: Tracker, intent: Optional[str], fallback: bool,
             absent_only: bool = False) -> Optional[Outcome]:
        """The reply to the latest message for this intent; with fallback=True (the NLU was unsure),
        None when nothing in the message itself says what to answer; with absent_only=True (an
        out-of-scope message), None unless it asks a detail the fiche does not give."""
        text = tracker.latest_message.get("text") or ""
        facts = self.assistant.fact_topics
        previous = tracker.get_slot("sujet")
        events: List[Dict[Text, Any]] = []

        profession = self.current_profession(tracker)
        # A detail the fiche does not give, looked for once (again below only if another profession is named).
        detail = self.absent_detail(text, profession, intent)
        if absent_only and not detail:
            return None
        current = profession
        mentioned = self.assistant.named_in(text)
        profession_entity = entity(tracker, "metier")
        switched = False
        if mentioned:
            switched = mentioned.id != profession.id or bool(tracker.get_slot("autre_metier"))
            profession = mentioned
            events.append(SlotSet("metier_id", mentioned.id))
        elif profession_entity:
            named = self.assistant.named(profession_entity)
            if named:
                switched = named.id != profession.id or bool(tracker.get_slot("autre_metier"))
                profession = named
                events.append(SlotSet("metier_id", named.id))
            elif self.assistant.is_other_profession(profession_entity, profession):
                reply = self.replier.other_profession(list(self.assistant.professions.values()), profession_entity)
                asked = intent if intent in facts else previous
                return Outcome(reply, [SlotSet("autre_metier", profession_entity.strip()), SlotSet("sujet", asked)])
        if tracker.get_slot("autre_metier"):
            events.append(SlotSet("autre_metier", None))

        question = question_of(tracker, intent)
        asked_topic = diploma_topic(question) if intent in facts else None

        # Several topics in one message: each part answered, in the order asked (a part asking a
        # detail the fiche does not give gets « La fiche ne précise pas … »).
        items = self.parts_asked(tracker, profession, text)
        if len(items) >= 2:
            reply = self.replier.answer_parts(profession, items)
            last = items[-1][1]
            return Outcome(reply, events + [SlotSet("sujet", last.topic if last else previous),
                                            SlotSet("incompris", 0.0)])

        # A detail the fiche does not give: say so, never answer another topic in its place.
        if profession.id != current.id:  # the message named another profession: its own fiche decides
            detail = self.absent_detail(text, profession, intent)
        if detail:
            asked = asked_topic or (previous if previous in facts else None)
            closest = self.closest(tracker, detail, asked)
            reply = self.replier.absent(profession, detail, closest)
            return Outcome(reply, events + [SlotSet("sujet", closest.topic if closest else previous),
                                            SlotSet("incompris", 0.0)])

        if intent in facts and not (switched and previous in facts and is_fragment(text)):
            question.topic = asked_topic
        else:
            question.topic = follow_up_topic(question)
            if question.topic is None and previous in facts and (switched or not fallback):
                if not switched:
                    # "et en Suisse ?": the fiche has nothing more on the previous topic.
                    return Outcome(self.replier.not_specified(profession, previous), events)
                question.topic = previous  # "et pour le chargé de mission ?" continues the topic
            if question.topic is None:
                if fallback:
                    return None
                return Outcome(self.replier.clarify([], 0), events)
        reply = self.replier.answer(profession, question)
        return Outcome(reply, events + [SlotSet("sujet", question.topic), SlotSet("incompris", 0.0)])


    def closest(self, tracker: Tracker, detail, asked: Optional[str], text: Optional[str] = None,
                span: Optional[tuple] = None) -> Optional[Question]:
        """What the fiche says that is closest to a detail it does not give, as a question to answer."""
        topic = asked if detail.closest == "question" else detail.closest
        if not topic:
            return None
        q = question_of(tracker, topic, text=text, span=span)
        q.topic = topic
        return q

    def parts_asked(self, tracker: Tracker, profession: Profession, text: str) -> List[tuple]:
        """(detail or None, question) for each distinct thing a compound message asks, in order."""
        facts = self.assistant.fact_topics
        items: List[tuple] = []
        for part in tracker.latest_message.get("question_parts") or []:
            span = (part.get("start", 0), part.get("end", len(text)))
            part_text = part.get("text") or text
            topic = part.get("intent") if part.get("confidence", 0.0) >= PART_CONFIDENCE else None
            topic = topic if topic in facts else None
            detail = self.assistant.absent_detail(part_text, profession)
            if detail:
                item = (detail, self.closest(tracker, detail, topic, part_text, span))
            elif topic:
                q = question_of(tracker, topic, text=part_text, span=span)
                if q.diploma is None and topic in DIPLOMA_TOPICS:
                    # "le bachelor c'est utile et suffisant ?": the diploma named once counts for both parts.
                    named = entity_values(tracker, "diplome")
                    q.diploma = named[0] if len(named) == 1 else None
                q.topic = diploma_topic(q)
                item = (None, q)
            else:
                continue
            key = item[0].id if item[0] else item[1].topic
            if key not in [i[0].id if i[0] else i[1].topic for i in items]:
                items.append(item)
        return items


class MenuReply:
    """Greeting, help and out-of-scope: a short text and the topic menu (a mixin, not an action)."""
    action_name = ""
    builder = ""

    def name(self) -> Text:
        return self.action_name

    def menu_professions(self, tracker: Tracker) -> List[Profession]:
        page = self.page_profession(tracker)
        return [page] if page else list(self.assistant.professions.values())

    def respond(self, dispatcher, tracker):
        send(dispatcher, getattr(self.replier, self.builder)(self.menu_professions(tracker)))
        return []


class ActionAccueil(MenuReply, GuardedAction):
    action_name, builder = "action_accueil", "welcome"


class ActionAide(MenuReply, GuardedAction):
    action_name, builder = "action_aide", "help"


class ActionHorsSujet(MenuReply, GuardedAction):
    """Out of scope, unless the message asks a detail the fiche does not give (then say so)."""
    action_name, builder = "action_hors_sujet", "out_of_scope"

    def respond(self, dispatcher, tracker):
        outcome = ActionRepondre(self.assistant).plan(tracker, "hors_sujet", fallback=True, absent_only=True)
        if outcome:
            send(dispatcher, outcome.reply)
            return outcome.events
        return super().respond(dispatcher, tracker)


class ActionConseiller(GuardedAction):
    def name(self) -> Text:
        return "action_conseiller"

    def respond(self, dispatcher, tracker):
        send(dispatcher, self.replier.contact_reply())
        return [SlotSet("incompris", 0.0)]


AGREEMENT_CONFIDENCE = 0.5


class ActionClarifier(GuardedAction):
    """Low confidence: answer when the message itself settles it (a diploma situation, a detail the
    fiche does not give, several clear topics, a switch back to a covered profession, intents that
    lead to the same answer); otherwise offer the likeliest topics, and a human after two misses."""

    def name(self) -> Text:
        return "action_clarifier"

    def likely_topics(self, tracker: Tracker) -> Sequence[str]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        return [r["name"] for r in ranking if r.get("name") in self.assistant.fact_topics]

    def agreed_intent(self, tracker: Tracker) -> Optional[str]:
        """When the model hesitates only between intents that lead to the same answer (bachelor or
        diplome for "un bac+5 est-il indispensable ?", whose entity settles it), there is nothing to
        ask: the first of them is answered. Otherwise None."""
        facts = self.assistant.fact_topics
        ranking = [r for r in tracker.latest_message.get("intent_ranking") or []
                   if r.get("name") in facts or r.get("name") == "relance"][:2]
        if len(ranking) < 2 or sum(r.get("confidence", 0) for r in ranking) < AGREEMENT_CONFIDENCE:
            return None
        topics = set()
        for r in ranking:
            q = question_of(tracker, r["name"])
            topics.add(follow_up_topic(q) if r["name"] == "relance" else diploma_topic(q))
        return ranking[0]["name"] if len(topics) == 1 and None not in topics else None

    def respond(self, dispatcher, tracker):
        answerer = ActionRepondre(self.assistant)
        agreed = self.agreed_intent(tracker)
        outcome = answerer.plan(tracker, agreed, fallback=agreed is None)
        if outcome:
            send(dispatcher, outcome.reply)
            return outcome.events
        misses = int(tracker.get_slot("incompris") or 0) + 1
        send(dispatcher, self.replier.clarify(self.likely_topics(tracker), misses))
        return [SlotSet("incompris", float(misses))]


class ActionDefaultFallback(ActionClarifier):
    """Rasa's core fallback (no rule applies): same reply as the NLU fallback, never silence."""

    def name(self) -> Text:
        return "action_default_fallback"
