"""DIETClassifier whose trained model loads in a few seconds instead of about twenty.

To load a trained DIET model, Rasa 3.6 first builds its variables by training one step on one
example, then overwrites them with the saved weights. That step is compiled into a TensorFlow
graph, and tracing the training graph (the entity CRF above all) took about 20 of the 28 seconds
of `rasa run`'s start on this project (cProfile, bench/README.md). Here the same step runs
eagerly: it creates the same variables without tracing anything, and is thrown away by the
weight loading just after, exactly as before. Predictions are unchanged: they still go through
the compiled prediction graph, traced once at load time as in stock Rasa.

Training is stock DIET; only loading differs. Fine-tuning (`rasa train --finetune`) keeps
Rasa's own loading.
"""
from typing import Any, Optional, Text, Type

import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


class EagerlyBuiltDIET(DIET):
    @classmethod
    def load(cls, model_file_name: Text, model_data_example: RasaModelData,
             predict_data_example: Optional[RasaModelData] = None, finetune_mode: bool = False,
             *args: Any, **kwargs: Any) -> "RasaModel":
        if finetune_mode:
            return super().load(model_file_name, model_data_example, predict_data_example,
                                finetune_mode, *args, **kwargs)
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        # One eager training step on one example: it only gives the variables their shapes.
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
        model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
        model.load_weights(model_file_name)
        # Back to the configured mode (graph by default) before the first prediction.
        model.run_eagerly = config.get(RUN_EAGERLY)
        if predict_data_example:
            model.run_inference(predict_data_example)
        return model


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class FastLoadingDIETClassifier(DIETClassifier):
    @staticmethod
    def model_class() -> Type[RasaModel]:
        return EagerlyBuiltDIET
