"""Held-out NLU evaluation: sentences never used in training, scored with the trained model.

The floors are below what the model measures (see README.md, « Mesures ») so that noise does not
fail the build, but a real regression does.
"""

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.metrics import f1_score

from tests.support import aio
from tests.support.helpers import ROOT

# make test's workers (pytest-xdist): the tests that parse with the loaded model run in one worker, which loads it once
pytestmark = pytest.mark.xdist_group("modele-charge")

# Floors a little below the scores in README « Mesures »: they leave a few sentences of noise.
FLOORS = {"test_nlu.yml": 0.96, "test_robustesse.yml": 0.96}
ENTITY_RECALL_FLOOR = 0.95


def predictions(agent, examples):
    async def parse_all():
        return [await agent.parse_message(m.get("text")) for m in examples]
    return aio.run(parse_all())


@pytest.mark.parametrize("held_out", sorted(FLOORS))
def test_intent_f1_on_held_out_sentences(agent, held_out):
    examples = load_data(str(ROOT / "tests" / "nlu" / held_out)).intent_examples
    parsed = predictions(agent, examples)
    truth = [m.get("intent") for m in examples]
    # A low-confidence message goes to the clarification (nlu_fallback): it counts as a miss here.
    guessed = [p["intent"]["name"] for p in parsed]
    f1 = f1_score(truth, guessed, average="weighted")
    misses = [(m.get("text"), t, g) for m, t, g in zip(examples, truth, guessed) if t != g]
    print(f"\n{held_out}: {len(examples)} sentences, weighted intent F1 = {f1:.3f}")
    for text, want, got in misses:
        print(f"  {text!r}: expected {want}, got {got}")
    assert f1 >= FLOORS[held_out], f"intent F1 {f1:.3f} < {FLOORS[held_out]}"


def test_entities_of_held_out_sentences_are_found(agent):
    examples = [m for m in load_data(str(ROOT / "tests" / "nlu" / "test_nlu.yml")).intent_examples
                if m.get("entities")]
    parsed = predictions(agent, examples)
    expected = found = 0
    missed = []
    for message, result in zip(examples, parsed):
        got = {(e["entity"], str(e["value"]).lower()) for e in result["entities"]}
        for ent in message.get("entities"):
            if ent["entity"] == "metier":
                continue  # free text: checked by the conversation tests instead
            expected += 1
            if (ent["entity"], str(ent["value"]).lower()) in got:
                found += 1
            else:
                missed.append((message.get("text"), ent["entity"], ent["value"]))
    recall = found / max(1, expected)
    print(f"\nentity recall {recall:.3f} on {expected} entities; missed: {missed}")
    assert expected >= 20
    assert recall >= ENTITY_RECALL_FLOOR
