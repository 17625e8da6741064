"""The intent classifier component on its own: training, confidences, and the persist/load round trip."""
import json

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_ext.nlu.linear_intent_classifier import FEATURES_FILE, WEIGHTS_FILE, LinearIntentClassifier
from tests.support.helpers import ROOT

EXAMPLES = {
    "salaire": ["combien on gagne", "quel salaire", "c'est bien payé ?", "la rémunération d'un débutant",
                "salaire en fin de carrière", "ça paye combien", "combien je toucherai", "le salaire brut annuel"],
    "diplome": ["quel diplôme faut-il", "quelles études faire", "faut-il un bac+5", "quelle formation suivre",
                "quel niveau d'études", "il faut quel bac", "quel cursus choisir", "les diplômes demandés"],
    "salutation": ["bonjour", "salut", "bonsoir", "coucou", "hello", "bonjour à vous", "salut le bot", "yo"],
}
QUESTIONS = ["combien gagne-t-on ?", "quel diplome faut il avoir", "bonjour !", "salair debutant", "xqzkw"]


@pytest.fixture()
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context():
    return ExecutionContext(graph_schema=None, node_name="intent_classifier")


def trained(storage, resource):
    component = LinearIntentClassifier.create({}, storage, resource, context())
    data = TrainingData([Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts])
    component.train(data)
    return component


def parse(component, texts):
    messages = [Message(data={"text": t}) for t in texts]
    component.process(messages)
    return [m.get("intent_ranking") for m in messages]


def test_learns_the_topics_and_ranks_every_intent(storage):
    component = trained(storage, Resource("intent_classifier"))
    rankings = parse(component, QUESTIONS[:4])
    assert [r[0]["name"] for r in rankings] == ["salaire", "diplome", "salutation", "salaire"]
    for ranking in rankings:
        confidences = [r["confidence"] for r in ranking]
        assert sorted(r["name"] for r in ranking) == sorted(EXAMPLES)
        assert confidences == sorted(confidences, reverse=True)
        assert sum(confidences) == pytest.approx(1.0)


def test_unrelated_text_gets_a_low_confidence(storage):
    component = trained(storage, Resource("intent_classifier"))
    known, gibberish = parse(component, ["combien on gagne", "xqzkw"])
    # Three tiny intents only: the point is the gap, which FallbackClassifier's threshold relies on.
    assert gibberish[0]["confidence"] < known[0]["confidence"] - 0.2


def test_persisted_model_loads_with_the_same_predictions_and_without_pickle(storage, tmp_path):
    resource = Resource("intent_classifier")
    component = trained(storage, resource)
    with storage.read_from(resource) as directory:
        assert json.loads((directory / FEATURES_FILE).read_text())["char"]["vocabulary"]
        with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:  # plain arrays only
            assert set(arrays.files) == {"classes", "coef", "intercept", "temperature"}
    loaded = LinearIntentClassifier.load({}, storage, resource, context())
    for before, after in zip(parse(component, QUESTIONS), parse(loaded, QUESTIONS)):
        assert [r["name"] for r in before] == [r["name"] for r in after]
        assert [r["confidence"] for r in before] == pytest.approx([r["confidence"] for r in after], abs=1e-6)


def test_an_untrained_model_leaves_messages_unclassified(storage):
    loaded = LinearIntentClassifier.load({}, storage, Resource("never_trained"), context())
    message = Message(data={"text": "bonjour"})
    loaded.process([message])
    assert message.get("intent") is None


def test_a_professions_name_says_which_profession_never_what_is_asked(storage, tmp_path, monkeypatch):
    """The definition examples name the profession most (« c'est quoi un … ? »): without its name taken out, « c'est
    quoi les études pour devenir <nom> ? » read as a definition. The names come from the knowledge files at training
    and are kept in the model."""
    knowledge = tmp_path / "knowledge"
    (knowledge / "metiers").mkdir(parents=True)
    (knowledge / "metiers" / "x.yml").write_text(
        "intitule: Gardien(ne) de phare automatisé\nalias:\n  - gardien de phare\n", encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(knowledge))
    named = ["c'est quoi un gardien de phare automatisé", "gardienne de phare automatisé c'est quoi",
             "présente-moi le métier de gardien de phare", "un gardien de phare ça fait quoi",
             "kesako gardien de phare automatisé", "décris-moi ce métier", "c'est quoi ce métier", "le métier en bref"]
    examples = {**EXAMPLES, "definition": named}
    resource = Resource("named")
    component = LinearIntentClassifier.create({}, storage, resource, context())
    component.train(TrainingData([Message(data={"text": t, "intent": i}) for i, texts in examples.items() for t in texts]))
    asked = ["quelles études faire pour devenir gardienne de phare automatisé ?",
             "combien gagne un gardien de phare automatisé ?", "c'est quoi un gardien de phare automatisé ?"]
    assert [r[0]["name"] for r in parse(component, asked)] == ["diplome", "salaire", "definition"]
    loaded = LinearIntentClassifier.load({}, storage, resource, context())
    assert "gardienne de phare automatise" in loaded.mask.names
    assert [r[0]["name"] for r in parse(loaded, asked)] == ["diplome", "salaire", "definition"]
    # without the names taken out, the name alone pulls a topic question to the definition: the test can fail
    plain = LinearIntentClassifier.create({"mask_profession_names": False}, storage, Resource("plain"), context())
    plain.train(TrainingData([Message(data={"text": t, "intent": i}) for i, texts in examples.items() for t in texts]))
    assert "definition" in [r[0]["name"] for r in parse(plain, asked[:2])]


def test_the_scores_are_scikit_learns_on_every_training_example_of_the_project(model_path, tmp_path):
    """Prediction computes the tf-idf scores itself (LinearScorer), not through scikit-learn's sparse matrices: on
    the project's trained model, both give the same scores, hence the same intents and confidences, for every
    example of data/nlu and for text that shares nothing with them."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage as Storage
    from rasa.shared.nlu.training_data.loading import load_data
    storage, _ = Storage.from_model_archive(tmp_path, model_path)
    name = next(path.name for path in tmp_path.glob(f"*{LinearIntentClassifier.__name__}*"))
    component = LinearIntentClassifier.load({}, storage, Resource(name), context())
    texts = [m.get("text") for m in load_data(str(ROOT / "data" / "nlu")).intent_examples] + ["", "xqzkw", "?!"]
    assert len(texts) > 1000
    fast, sparse = component.scores(texts), component.sparse_scores(texts)
    assert fast.shape == sparse.shape == (len(texts), len(component.weights["classes"]))
    assert np.abs(fast - sparse).max() < 1e-5
    assert (fast.argmax(axis=1) == sparse.argmax(axis=1)).all()


def test_the_scores_are_scikit_learns_on_a_small_model(storage):
    component = trained(storage, Resource("intent_classifier"))
    texts = QUESTIONS + [t for texts in EXAMPLES.values() for t in texts]
    assert np.abs(component.scores(texts) - component.sparse_scores(texts)).max() < 1e-5
    assert component.scores([]).shape == (0, len(EXAMPLES))  # (scikit-learn refuses no text at all)
