"""Training data: valid for Rasa, enough varied examples per intent, and the held-out sets held out."""
import subprocess
from collections import Counter, defaultdict

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from tests.helpers import BIN, ROOT, norm, project_env

MIN_EXAMPLES = 25


@pytest.fixture(scope="module")
def training():
    return load_data(str(ROOT / "data" / "nlu"))


def test_rasa_data_validate_passes_without_warnings():
    result = subprocess.run([str(BIN / "rasa"), "data", "validate", "--fail-on-warnings"], cwd=ROOT,
                            env=project_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_intent_has_enough_examples(training):
    counts = Counter(m.get("intent") for m in training.intent_examples)
    domain_intents = set(_domain_intents())
    assert set(counts) == domain_intents
    too_few = {i: n for i, n in counts.items() if n < MIN_EXAMPLES}
    assert not too_few, f"intents with fewer than {MIN_EXAMPLES} examples: {too_few}"


def test_no_example_is_written_twice(training):
    seen = defaultdict(set)
    for m in training.intent_examples:
        seen[norm(m.get("text")).strip(" ?!.")].add(m.get("intent"))
    twice = {t: i for t, i in seen.items() if len(i) > 1}
    assert not twice, f"examples under two intents: {twice}"


@pytest.mark.parametrize("held_out", ["test_nlu.yml", "test_robustesse.yml"])
def test_held_out_sentences_are_not_in_training(training, held_out):
    trained = {norm(m.get("text")) for m in training.intent_examples}
    test = load_data(str(ROOT / "tests" / "nlu" / held_out))
    leaked = [m.get("text") for m in test.intent_examples if norm(m.get("text")) in trained]
    assert not leaked, f"{held_out} sentences also in data/nlu: {leaked}"


@pytest.mark.parametrize("held_out, key", [("test_compound.yml", "compound"), ("test_absent.yml", "absent")])
def test_plain_held_out_sentences_are_not_in_training(training, held_out, key):
    import yaml
    entries = yaml.safe_load((ROOT / "tests" / "nlu" / held_out).read_text(encoding="utf-8"))[key]
    trained = {norm(m.get("text")).strip(" ?!.") for m in training.intent_examples}
    assert len(entries) >= 40
    leaked = [e["text"] for e in entries if norm(e["text"]).strip(" ?!.") in trained]
    assert not leaked, f"{held_out} sentences also in data/nlu: {leaked}"


def _domain_intents():
    import yaml
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]
