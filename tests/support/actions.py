"""Running a custom action as Rasa does, without a server: a Tracker in, what the student reads and
the events out."""
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionRepondre
from tests.support.helpers import norm


def ask(school, intent, text, entities=(), slots=None, metadata=None, action=ActionRepondre):
    """(the first message's text, normalised; the events) of action built on school."""
    latest = {"intent": {"name": intent}, "text": text, "intent_ranking": [], "metadata": metadata or {},
              "entities": [{"entity": e, "value": v} for e, v in entities]}
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", slots or {}, latest, [], False, None, {}, "")
    events = action(school).run(dispatcher, tracker, {})
    return norm(dispatcher.messages[0]["text"]), events
