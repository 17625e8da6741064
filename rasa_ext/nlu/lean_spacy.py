"""Rasa's SpacyNLP, loading only the parts of the spaCy pipeline that the assistant uses.

Stock `SpacyNLP` loads the whole French pipeline (tok2vec, morphologizer, attribute_ruler,
lemmatizer, ner; only the parser is disabled) and runs it on every message. Nothing in this
assistant reads what those parts compute: the intent classifier works on the text itself, entities
come from lookup tables and regexes, and no feature uses POS tags, lemmas or named entities. The
tokenizer alone gives the same tokens and the same F1 for a small part of the CPU and loading time
(README « Pipeline » gives the figures).

`exclude` (config.yml) lists the pipeline parts not loaded at all. A name the model does not have
is refused at training time, with the names it does have.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.exceptions import InvalidConfigException

from rasa_ext.nlu import french_token_match


def load_spacy(model_name: Text, exclude: List[Text]) -> SpacyModel:
    """The spaCy pipeline `model_name` without the parts listed in `exclude`."""
    import spacy

    if not (spacy.util.is_package(model_name) or Path(model_name).is_dir()):
        return SpacyNLP.load_model(model_name)  # raises Rasa's own message for a missing model
    available = list(spacy.info(model_name).get("pipeline", []))
    unknown = [name for name in exclude if name not in available]
    if unknown:
        raise InvalidConfigException(
            f"config.yml, composant LeanSpacyNLP, champ « exclude » : {', '.join(unknown)} n'existe pas "
            f"dans le modèle spaCy {model_name}. Parties disponibles : {', '.join(available)}. "
            f"Corrigez la liste (ou retirez le champ pour tout charger).")
    exclude = list(exclude)
    if spacy.info(model_name).get("lang") == "fr" and french_token_match.install():
        # The tokenizer is rebuilt from the language's defaults (the same, with the factored token_match)
        # instead of compiling the model's serialised 1.4 MB pattern again (french_token_match.py).
        exclude.append("tokenizer")
    return SpacyModel(model=spacy.load(model_name, exclude=exclude), model_name=model_name)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="LeanSpacyNLP",
)
class LeanSpacyNLP(SpacyNLP):
    """Used through config.yml (`name: rasa_ext.nlu.lean_spacy.LeanSpacyNLP`)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**SpacyNLP.get_default_config(), "exclude": []}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LeanSpacyNLP:
        config = {**cls.get_default_config(), **config}
        if not config.get("model"):
            return super().create(config, model_storage, resource, execution_context)  # Rasa's message
        model = load_spacy(config["model"], list(config.get("exclude") or []))
        cls.ensure_proper_language_model(model.model)
        return cls(model, config)
