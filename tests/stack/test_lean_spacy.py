"""LeanSpacyNLP (rasa_ext/nlu/lean_spacy.py): spaCy's French tokenizer without the unused parts.

Here, not in tests/unit, because each test loads a spaCy pipeline (seconds, not milliseconds).
"""
import pytest
import yaml
from rasa.nlu.model import InvalidModelError
from rasa.shared.exceptions import InvalidConfigException

from rasa_ext.nlu.lean_spacy import LeanSpacyNLP, load_spacy
from tests.support.helpers import ROOT

SENTENCES = [
    "Aujourd'hui, c'est quoi le salaire d'un débutant ? Faut-il un Bac+5 ?",
    "jsp si j'ai le niveau, peut-être qu'avec un BTS ça passe ?!",
    "Chargé(e) de mission relations internationales : 30 000€ brut/an, et après 5 ans ?",
    "quelles qualités humaines faut-il avoir... l'anglais c'est obligatoire ?",
]


def lean_config() -> dict:
    """The component's settings as config.yml gives them."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    [component] = [c for c in config["pipeline"] if c["name"].endswith("LeanSpacyNLP")]
    return component


@pytest.fixture(scope="module")
def lean():
    component = lean_config()
    return LeanSpacyNLP.create({k: v for k, v in component.items() if k != "name"}, None, None, None)


def test_config_excludes_every_part_it_names(lean):
    config = lean_config()
    assert config["exclude"], "config.yml should say which spaCy parts are not loaded"
    loaded = set(lean.provide().model.pipe_names)
    assert not loaded & set(config["exclude"])


def test_tokens_are_those_of_the_full_french_pipeline(lean):
    import spacy
    full = spacy.load(lean_config()["model"])
    for sentence in SENTENCES:
        assert [t.text for t in lean.provide().model(sentence)] == [t.text for t in full(sentence)], sentence


def test_an_unknown_part_names_the_file_the_field_and_the_parts_that_exist():
    with pytest.raises(InvalidConfigException) as error:
        load_spacy(lean_config()["model"], ["parseur"])
    message = str(error.value)
    assert "config.yml" in message and "exclude" in message and "parseur" in message
    assert "parser" in message  # one of the parts the model has


def test_a_missing_model_gets_rasas_message():
    with pytest.raises(InvalidModelError) as error:
        load_spacy("fr_modele_inexistant", [])
    assert "fr_modele_inexistant" in str(error.value)
