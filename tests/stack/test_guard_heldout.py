"""Held-out messages for the edge of understanding, scored through the trained model AND
the actions, as a student would read the reply (sentences never used in training):

- tests/nlu/test_guard.yml: the guard against answering another question, measured on both sides.
  Recall: messages asking what no answer holds that get an honest reply (« la fiche ne précise
  pas », a clarification or the scope message), never the neighbour topic's answer as the answer.
  Precision: of the replies saying « la fiche ne précise pas », the share that were right to.
- tests/nlu/test_formal.yml: long formal messages get the answer of the question inside.
"""
import pytest
import yaml

from tests.stack.test_understanding_heldout import cited_sections, honest, reply_to, school  # noqa: F401
from tests.support.helpers import ROOT, norm

# make test's workers (pytest-xdist): the tests that parse with the loaded model run in one worker, which loads it once
pytestmark = pytest.mark.xdist_group("modele-charge")

# Floors below the measured scores (README « Mesures »).
GUARD_RECALL_FLOOR = 0.90
GUARD_PRECISION_FLOOR = 0.90
KEPT_FLOOR = 0.90
FORMAL_FLOOR = 0.85


def load(name, key):
    return yaml.safe_load((ROOT / "tests" / "nlu" / name).read_text(encoding="utf-8"))[key]


def silent(reply):
    first = norm(reply.splitlines()[0]) if reply else ""
    return first.startswith("la fiche ne precise pas") or first.startswith("la fiche ne donne pas")


def test_the_guard_says_the_fiche_is_silent_instead_of_answering_another_question(agent, school):  # noqa: F811
    outside = load("test_guard.yml", "hors_reponse")
    inside = load("test_guard.yml", "dans_reponse")
    honest_replies, wrong = 0, []
    for case in outside:
        reply = reply_to(agent, school, case["text"])
        if honest(school, reply):
            honest_replies += 1
        else:
            wrong.append((case["text"], reply.splitlines()[0] if reply else ""))
    kept, lost = 0, []
    for case in inside:
        reply = reply_to(agent, school, case["text"])
        rubrique = school.replier.topics.sujets[case["sujet"]].rubrique
        if not silent(reply) and rubrique in cited_sections(school, reply):
            kept += 1
        else:
            lost.append((case["text"], reply.splitlines()[0] if reply else ""))
    false_alarms = sum(1 for text, first in lost if silent(first))
    recall = honest_replies / len(outside)
    said_silent = honest_replies + false_alarms
    precision = honest_replies / said_silent if said_silent else 1.0
    print(f"\nguard: recall {recall:.3f} ({honest_replies}/{len(outside)}), precision {precision:.3f}, "
          f"answers kept {kept}/{len(inside)}")
    assert recall >= GUARD_RECALL_FLOOR, wrong
    assert precision >= GUARD_PRECISION_FLOOR, lost
    assert kept / len(inside) >= KEPT_FLOOR, lost


def test_long_formal_messages_get_the_answer_of_the_question_inside(agent, school):  # noqa: F811
    cases = load("test_formal.yml", "formel")
    right, wrong = 0, []
    for case in cases:
        reply = reply_to(agent, school, case["text"])
        rubrique = school.replier.topics.sujets[case["sujet"]].rubrique
        if rubrique in cited_sections(school, reply) and not silent(reply):
            right += 1
        else:
            wrong.append((case["text"][:60], reply.splitlines()[0] if reply else ""))
    print(f"\nformal: {right}/{len(cases)}")
    assert right / len(cases) >= FORMAL_FLOOR, wrong
