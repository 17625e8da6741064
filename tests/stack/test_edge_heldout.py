"""Held-out messages of the edge of understanding, one file per kind, scored through the
trained model AND the actions, as a student reads the reply (sentences never used in training):

- test_leading.yml: a leading yes/no question gets the fiche's polarity, never the student's;
- test_politeness.yml: thanks, greetings or an apology with a question: the question is answered;
- test_split.yml: « + », « & », « / », « plus », « aussi », lists: each topic answered in order, and a
  one-topic message with these words is not split;
- test_ranking.yml: hard skills in score order with their scores; soft skills: « la fiche ne classe pas »;
- test_evolution_followups.yml: « et pour y arriver ? » after the evolutions gets the fiche's conditions.
"""
import re

import pytest
import yaml

from tests.stack.test_understanding_heldout import cited_sections, reply_to, school, turn  # noqa: F401
from tests.support.helpers import ROOT, norm

# make test's workers (pytest-xdist): the tests that parse with the loaded model run in one worker, which loads it once
pytestmark = pytest.mark.xdist_group("modele-charge")

# Floors a little below the scores in README « Mesures ».
FLOORS = {"leading": 0.85, "politeness": 0.85, "split": 0.85, "ranking": 0.80, "followups": 0.70}


def load(name, key):
    return yaml.safe_load((ROOT / "tests" / "nlu" / name).read_text(encoding="utf-8"))[key]


def rubriques(school, topics):  # noqa: F811
    found = []
    for topic in topics:
        rubrique = school.replier.topics.sujets[topic].rubrique
        if rubrique not in found:
            found.append(rubrique)
    return found


def scored(name, results):
    right = sum(ok for ok, _ in results)
    print(f"\n{name}: {right}/{len(results)} = {right / len(results):.3f}")
    for ok, case in results:
        if not ok:
            print("   ", case)
    assert right / len(results) >= FLOORS[name]


def test_leading_questions_get_the_polarity_of_the_fiche(agent, school):  # noqa: F811
    results = []
    for case in load("test_leading.yml", "orientees"):
        reply = reply_to(agent, school, case["text"])
        first = norm(reply).lstrip()
        # The polarity is never the opposite of the fiche's: no « Oui » where it says no, no « Non »
        # where it says yes; and the reply is a topic's answer, with its source.
        contradicted = first.startswith("non") if case["attendu"] == "oui" else first.startswith("oui")
        ok = not contradicted and bool(cited_sections(school, reply))
        results.append((ok, (case["text"], reply.splitlines()[0] if reply else "")))
    scored("leading", results)


def test_politeness_with_a_question_gets_the_question_answered(agent, school):  # noqa: F811
    results = []
    for case in load("test_politeness.yml", "politesse"):
        reply = reply_to(agent, school, case["text"])
        got = cited_sections(school, reply)
        results.append((got == rubriques(school, case["sujets"]), (case["text"], got)))
    scored("politeness", results)


def test_split_messages_get_each_topic_in_order(agent, school):  # noqa: F811
    results = []
    for case in load("test_split.yml", "decoupe"):
        got = cited_sections(school, reply_to(agent, school, case["text"]))
        results.append((got == rubriques(school, case["sujets"]), (case["text"], got)))
    scored("split", results)


def test_rankings_follow_the_fiches_scores(agent, school):  # noqa: F811
    results = []
    for case in load("test_ranking.yml", "classement"):
        reply = reply_to(agent, school, case["text"])
        if case["sujet"] == "hard_skills":
            scores = [int(s) for s in re.findall(r"^• .*?\((\d+)\)", reply, re.M)]
            expected = len(school.default.hard_skills.competences)
            ok = len(scores) == expected and scores == sorted(scores, reverse=True)
        else:
            ok = "ne classe pas" in norm(reply)
        results.append((ok, (case["text"], reply.splitlines()[0] if reply else "")))
    scored("ranking", results)


def test_a_follow_up_on_how_to_reach_an_evolution_gets_the_fiches_conditions(agent, school):  # noqa: F811
    conditions = norm(school.default.evolutions.conditions or "")[:40]
    assert conditions, "the fixture fiche gives conditions for its evolutions"
    results = []
    for case in load("test_evolution_followups.yml", "suites"):
        slots = {}
        for text in case["tours"]:
            reply, slots = turn(agent, school, text, slots)
        ok = conditions in norm(reply) and "Évolutions de carrière" in cited_sections(school, reply)
        results.append((ok, (case["tours"][-1], reply.splitlines()[0] if reply else "")))
    scored("followups", results)
