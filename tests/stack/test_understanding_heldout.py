"""Held-out messages of two hard kinds, scored through the trained model AND the actions, as a
student would read the reply (sentences never used in training; floors below the measured scores):

- tests/nlu/test_compound.yml: several topics in one message must each get their answer, in the
  order asked, and nothing else; one-topic messages that contain « et » must not be split.
- tests/nlu/test_absent.yml: a detail the fiche does not give must be said so (or lead to the
  clarification / the scope message): never another topic's answer given as if it were the answer.
"""
import re

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionCatalogue, ActionClarifier, ActionHorsSujet, ActionRemerciement, ActionRepondre
from tests.support import aio
from tests.support.helpers import ROOT, norm
from tests.support.knowledge import school as behaviour_school

# make test's workers (pytest-xdist): the tests that parse with the loaded model run in one worker, which loads it once
pytestmark = pytest.mark.xdist_group("modele-charge")

# Floors below the measured scores (README « Mesures »).
COMPOUND_FLOOR = 0.90
ABSENT_FLOOR = 0.90


@pytest.fixture(scope="module")
def school():
    return behaviour_school()


def turn(agent, school, text, slots=None):
    """What the student reads after this message, from the action the rules would run, in a
    conversation whose memory is `slots`; and the memory after it."""
    slots = dict(slots or {})
    parsed = aio.run(agent.parse_message(text))
    intent = parsed["intent"]["name"]
    if intent == "nlu_fallback":
        action = ActionClarifier(school)
    elif intent in school.fact_topics or intent == "relance":
        action = ActionRepondre(school)
    elif intent == "hors_sujet":
        action = ActionHorsSujet(school)
    elif intent == "remerciement":
        action = ActionRemerciement(school)  # the thanks, and the question that may come with them
    elif intent.startswith("catalogue_"):
        action = ActionCatalogue(school)  # list, search, compare (one profession: its likeliest topic)
    else:
        return "", slots  # small talk: no answer about the fiche
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, Tracker("eval", slots, parsed, [], False, None, {}, "action_listen"), {})
    slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), slots


def reply_to(agent, school, text):
    """What the student reads after this message, alone in a new conversation."""
    return turn(agent, school, text)[0]


def cited_sections(school, reply):
    """The fiche sections the reply cites as its sources, in order."""
    return re.findall(r"rubrique « ([^»]+) »", reply)


def test_compound_messages_get_each_topic_answered_in_order(agent, school):
    cases = yaml.safe_load((ROOT / "tests" / "nlu" / "test_compound.yml").read_text(encoding="utf-8"))["compound"]
    topics = school.replier.topics.sujets
    right, misses = 0, []
    for case in cases:
        expected = []
        for topic in case["sujets"]:
            if topics[topic].rubrique not in expected:
                expected.append(topics[topic].rubrique)
        got = cited_sections(school, reply_to(agent, school, case["text"]))
        if got == expected:
            right += 1
        else:
            misses.append((case["text"], expected, got))
    score = right / len(cases)
    print(f"\ntest_compound.yml: {right}/{len(cases)} = {score:.3f}")
    for miss in misses:
        print("  ", miss)
    assert len(cases) >= 40
    assert score >= COMPOUND_FLOOR


def honest(school, reply) -> bool:
    """The reply says the fiche does not give it, asks which topic was meant, or says what the assistant
    answers (the school's own templates); an apology, an empty reply or another topic's answer is not honest."""
    templates = school.replier.t
    openings = ["la fiche ne precise pas", "la fiche ne donne pas"] + [
        norm(templates[name].split("{")[0]).strip() for name in ("clarifier", "clarifier_conseiller", "hors_sujet")]
    return norm(reply).startswith(tuple(openings))


def test_details_the_fiche_does_not_give_are_answered_honestly(agent, school):
    cases = yaml.safe_load((ROOT / "tests" / "nlu" / "test_absent.yml").read_text(encoding="utf-8"))["absent"]
    honest_replies, misses = 0, []
    for case in cases:
        reply = norm(reply_to(agent, school, case["text"]))
        if honest(school, reply):
            honest_replies += 1
        else:
            misses.append((case["text"], reply[:90]))
    score = honest_replies / len(cases)
    print(f"\ntest_absent.yml: {honest_replies}/{len(cases)} answered honestly = {score:.3f}")
    for miss in misses:
        print("  ", miss)
    assert len(cases) >= 40
    assert score >= ABSENT_FLOOR


def test_a_premise_with_a_tag_is_one_question_checked_against_the_fiche(agent, school):
    """« X, c'est la moins bien notée, c'est bien ça ? »: the tag asks no topic of its own and the two
    pieces before it are one question, so the premise is checked against the scores, not confirmed."""
    skills = school.default.hard_skills.competences
    lowest = min(skills, key=lambda s: s.score)
    other = max(skills, key=lambda s: s.score)
    reply = norm(reply_to(agent, school, f"{other.nom}, c'est la compétence la moins bien notée, c'est bien ça ?"))
    assert reply.startswith("non") and norm(lowest.nom) in reply and str(lowest.score) in reply, reply


def test_a_range_of_years_is_not_cut_into_two_questions(agent, school):
    """« entre 3 et 5 ans d'expérience, c'est quoi le salaire ? »: one salary question about a range the
    fiche's levels may not cover, never the stepping-stone jobs for « 5 ans d'expérience »."""
    levels = school.default.salaire.niveaux
    low, high = levels.debutant.annees_max, levels.confirme.annees_min
    reply = norm(reply_to(agent, school, f"entre {low} et {high} ans d'experience c'est quoi le salaire ?"))
    assert f"ne donne pas de chiffre pour {low} ans" in reply, reply
