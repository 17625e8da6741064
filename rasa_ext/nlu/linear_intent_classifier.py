"""Intent classifier: a linear SVM on character and word n-grams, with calibrated confidences.

Chosen by measurement against Rasa's DIET on this project's data (README, « Pipeline »): it trains
in about a second instead of a quarter of an hour, and is at least as accurate on held-out sentences.

- Features: tf-idf (sublinear) of character n-grams (2-5, inside word boundaries) and of words and
  word pairs, computed on text without accents or capitals (core.textnorm.fold). The character
  n-grams make typos and SMS spelling ("salair", "cmb") close to the right words.
- Model: one-vs-rest linear SVM (scikit-learn's LinearSVC), classes weighted by their frequency.
- Confidences: a softmax of the SVM scores, with one temperature fitted on cross-validated scores
  (5 folds) so that a confidence of 0.8 is right about 80 % of the time; FallbackClassifier's
  threshold therefore means what it says (trainer/tune_fallback.py).

Compound messages ("quel diplôme faut-il et combien on gagne ?"): the message is also cut at
question marks, semicolons, commas and conjunctions, each part is classified by the same model, and
the parts are added to the parse result as `question_parts` (text, offsets, intent, confidence)
for the actions to answer each topic. The message's own intent is unchanged.

Courtesy (greetings, thanks, « je suis en terminale ») is set aside (core/courtesy.py): when the
message without it reads as a question, and more surely, that reading wins, and the courtesy is never
a part of its own. In a long formal message, the question inside is what gets classified.

Prediction computes the same tf-idf scores as scikit-learn's `transform` followed by the product with the
weights, on the n-grams of scikit-learn's own analyzers, without building sparse matrices: for a message
of a few words, that machinery cost ten times the arithmetic (`LinearScorer`; a test compares both on
every training example, bench/README.md « Où part le temps »).

The trained model is written as plain arrays (JSON + NumPy's .npz without pickle): loading a model
never executes code from the model file.
"""
import json
import logging
import re
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.optimize import minimize_scalar
from scipy.sparse import csr_matrix, hstack
from scipy.special import log_softmax, softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC

from core.courtesy import masked, only_courtesy
from core.textnorm import fold
from loading.paths import knowledge_dir
from rasa_ext.nlu.name_mask import NameMask, knowledge_names

logger = logging.getLogger(__name__)

FEATURES_FILE = "features.json"
WEIGHTS_FILE = "weights.npz"
MASKED_NAMES = "masked_names"  # in FEATURES_FILE: the names taken out of every message (rasa_ext/nlu/name_mask.py)
# Where a message is cut into parts: question marks, semicolons, commas, conjunctions, and « + », « & »,
# « / » between words (« salaire + missions », « bts/bachelor ») but not in « bac+5 » or « 24/7 »; a number before « ) » or « . ».
PART_SEPARATOR = re.compile(r"\?+|;|,|\s(?:et|ainsi que|puis|and|&|sinon|aussi|ou bien)\s"
                            r"|(?:^|\s)\d[).](?=\s+[^\W\d_])"  # « 1) faut quel niveau 2) c quoi le salaire »: a numbered question
                            r"|\splus\s(?=(?:les?|la|l'|des|quels?|quelles?|combien|son|sa|ses)\b)"
                            r"|\s[+&/]\s(?!\s*\d)|(?<=[^\W\d_]{3})\s?[+&/]\s?(?=[^\W\d_]{3})", re.IGNORECASE)
# « du + important au - », « le + payé »: a « + » after an article or « du » is the word « plus », no list
_PLUS_AS_WORD = re.compile(r"(?:^|\s)(?:du|le|la|les|au|aux|de|des|en|un|une|the)\s*$", re.IGNORECASE)
_PLUS_WRITTEN = re.compile(r"\b(du|le|la|les|au|aux|de|des|en|un|une|the) ?\+ ?(?=[a-z])")


def spelled_plus(folded: str) -> str:
    """« le + chiant » read as « le plus chiant » (folded text): the model learnt the word, not the sign."""
    return _PLUS_WRITTEN.sub(r"\1 plus ", folded)


LIST_PARTS = 3  # in a list of this many parts or more, a single word (« salaire, missions, diplôme ? ») is a part
# « entre 3 et 5 ans », « 2 ou 3 ans »: a conjunction between two numbers joins a range, it starts no part.
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_NUMBER_AFTER = re.compile(r"^\s*\d")
# « …, c'est bien ça ? », « …, non ? », « right? »: a tag that asks to confirm what comes before it is no
# question of its own (on folded text, without its punctuation).
CONFIRMATION_TAG = re.compile(
    r"^(?:(?:c ?est|c) (?:bien |donc |vraiment )?(?:ca|cela|juste|exact|vrai|correct)|non|hein|pas vrai|n ?est ce pas"
    r"|c ?est ca ou pas|vrai ou faux|oui ou non|right|is that right|correct|j ?imagine|je suppose|je crois"
    r"|si je comprends bien|je me trompe|ou je me trompe)$")
# Words are any run of letters or digits, one letter included ("a", "y"): students' messages are short.
WORD_PATTERN = r"(?u)\b\w+\b"


def part_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each part of a message: at least two words, or one word of three letters or more
    in a list (LIST_PARTS parts or more, or parts joined by « + », « & », « / »)."""
    chunks, start = [], 0
    separators = list(PART_SEPARATOR.finditer(text))
    separators = [m for m in separators if not (m.group().strip().lower() in ("et", "ou bien", "and")
                                                and _NUMBER_BEFORE.search(text[:m.start()])
                                                and _NUMBER_AFTER.search(text[m.end():]))]
    separators = [m for m in separators if not (m.group().strip() == "+" and _PLUS_AS_WORD.search(text[:m.start()]))]
    for match in separators + [None]:
        end = match.start() if match else len(text)
        chunk = text[start:end]
        words = re.findall(r"\w+", chunk)
        # (« 3 questions : 1) … 2) … »: what announces the questions is none of them)
        announces = match is not None and chunk.rstrip().endswith(":")
        if words and not announces and not CONFIRMATION_TAG.match(" ".join(re.findall(r"\w+", fold(chunk)))):
            offset = len(chunk) - len(chunk.lstrip())
            chunks.append((start + offset, start + len(chunk.rstrip()), words))
        start = match.end() if match else len(text)
    # « salaire, missions, diplôme », « salaire + missions », « bts/bachelor » : items of a list.
    is_list = len(chunks) >= LIST_PARTS or any(m.group().strip() in ("+", "&", "/") for m in separators)
    return [(a, b) for a, b, words in chunks if len(words) >= 2 or (is_list and len(words[0]) >= 3)]


def make_vectorizers(config: Dict[Text, Any]) -> Dict[str, TfidfVectorizer]:
    char_min, char_max = config["char_ngrams"]
    word_min, word_max = config["word_ngrams"]
    return {
        "char": TfidfVectorizer(analyzer="char_wb", ngram_range=(char_min, char_max), sublinear_tf=True,
                                dtype=np.float32),
        "word": TfidfVectorizer(analyzer="word", ngram_range=(word_min, word_max), sublinear_tf=True,
                                token_pattern=WORD_PATTERN, dtype=np.float32),
    }


def fit_temperature(scores: np.ndarray, label_index: np.ndarray) -> float:
    """The factor T that makes softmax(T * scores) the best probability estimate (least log loss)."""
    def log_loss(t: float) -> float:
        return -log_softmax(scores * t, axis=1)[np.arange(len(label_index)), label_index].mean()
    return float(minimize_scalar(log_loss, bounds=(0.01, 100.0), method="bounded").x)


class LinearScorer:
    """`vectorizer.transform([text]) @ coef.T + intercept` over the fitted vectorizers, stacked in order, for one
    (already folded and masked) text: the n-grams from each vectorizer's own analyzer, the sublinear term
    frequency (1 + log tf) times idf, each vectorizer's part normalised to unit length (scikit-learn's
    TfidfTransformer with norm="l2"), then the weights of those n-grams only."""

    def __init__(self, vectorizers: Dict[str, TfidfVectorizer], weights: Dict[str, np.ndarray]) -> None:
        self.parts = []
        offset = 0
        for vectorizer in vectorizers.values():
            self.parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, offset,
                               np.asarray(vectorizer.idf_, dtype=np.float64)))
            offset += len(vectorizer.vocabulary_)
        self.coef_by_feature = np.ascontiguousarray(weights["coef"].T, dtype=np.float64)
        self.intercept = np.asarray(weights["intercept"], dtype=np.float64)

    def __call__(self, text: str) -> np.ndarray:
        total = self.intercept.copy()
        for analyzer, vocabulary, offset, idf in self.parts:
            counts: Dict[int, int] = {}
            for gram in analyzer(text):
                index = vocabulary.get(gram)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            values = (np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))) + 1.0) * idf[indices]
            values /= np.sqrt(values @ values)
            total += values @ self.coef_by_feature[offset + indices]
        return total


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "C": 1.0,
            "char_ngrams": [2, 5],
            "word_ngrams": [1, 2],
            "calibration_folds": 5,
            "random_seed": 42,
            "ranking_length": 10,
            "question_parts": True,
            # Intents of courtesy itself: a message read as one of them, or read with less confidence
            # than without its courtesy, is classified without it (core/courtesy.py).
            "courtesy_intents": ["salutation", "remerciement", "au_revoir", "aide"],
            "courtesy_min_confidence": 0.6,
            # The professions' names (knowledge/metiers/) are taken out of a message before it is classified
            # (rasa_ext/nlu/name_mask.py): a name says which profession, never what is asked.
            "mask_profession_names": True,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "scipy"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 vectorizers: Optional[Dict[str, TfidfVectorizer]] = None,
                 weights: Optional[Dict[str, np.ndarray]] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.vectorizers = vectorizers
        self.weights = weights
        self.mask = NameMask(())
        self._scorer: Optional[LinearScorer] = None

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    # -- training ------------------------------------------------------------------------------
    def _features(self, texts: List[str], fit: bool = False) -> csr_matrix:
        folded = [self.mask(spelled_plus(fold(t))) for t in texts]
        parts = [(v.fit_transform(folded) if fit else v.transform(folded)) for v in self.vectorizers.values()]
        return hstack(parts, format="csr")

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if len({e.get(INTENT) for e in examples}) < 2:
            logger.warning("Moins de deux intentions avec des exemples : le classifieur n'est pas entraîné.")
            return self._resource
        texts = [e.get(TEXT) for e in examples]
        labels = np.array([e.get(INTENT) for e in examples])
        self.mask = NameMask(knowledge_names(knowledge_dir()) if self.config["mask_profession_names"] else ())
        self.vectorizers = make_vectorizers(self.config)
        features = self._features(texts, fit=True)

        def svm() -> LinearSVC:
            return LinearSVC(C=self.config["C"], class_weight="balanced", random_state=self.config["random_seed"])

        model = svm().fit(features, labels)
        folds = min(self.config["calibration_folds"], int(np.unique(labels, return_counts=True)[1].min()))
        temperature = 1.0
        if folds >= 2:
            splitter = StratifiedKFold(folds, shuffle=True, random_state=self.config["random_seed"])
            held_out = cross_val_predict(svm(), features, labels, cv=splitter, method="decision_function")
            temperature = fit_temperature(held_out, np.searchsorted(model.classes_, labels))
        self.weights = {
            "classes": model.classes_.astype(str),
            "coef": model.coef_.astype(np.float32),
            "intercept": model.intercept_.astype(np.float32),
            "temperature": np.array(temperature, dtype=np.float64),
        }
        self._scorer = None
        self.persist()
        return self._resource

    # -- prediction ----------------------------------------------------------------------------
    def scores(self, texts: List[str]) -> np.ndarray:
        """The SVM's scores of each text (one row per text, one column per intent)."""
        if self._scorer is None:
            self._scorer = LinearScorer(self.vectorizers, self.weights)
        rows = [self._scorer(self.mask(spelled_plus(fold(t)))) for t in texts]
        return np.array(rows) if rows else np.zeros((0, len(self.weights["classes"])))

    def sparse_scores(self, texts: List[str]) -> np.ndarray:
        """The same scores through scikit-learn's sparse matrices, as in training (kept to compare)."""
        return np.asarray(self._features(texts) @ self.weights["coef"].T + self.weights["intercept"], dtype=np.float64)

    def probabilities(self, texts: List[str]) -> np.ndarray:
        return softmax(self.scores(texts) * float(self.weights["temperature"]), axis=1)

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.weights:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        classes = self.weights["classes"]
        for message, probs in zip(messages, self.without_courtesy(texts)):
            order = np.argsort(-probs)[: self.config["ranking_length"]]
            ranking = [{"name": str(classes[i]), "confidence": float(probs[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        if self.config["question_parts"]:
            for message, text in zip(messages, texts):
                parts = self.question_parts(text)
                if parts:
                    message.set("question_parts", parts, add_to_output=True)
        return messages

    def without_courtesy(self, texts: List[str]) -> np.ndarray:
        """The probabilities of each text, or of its question alone when its greetings, thanks and
        introduction (core/courtesy.py) hid it: « Madame, Monsieur, … quel niveau faut-il ? … Cordialement »
        is classified as its question. A message whose point is the courtesy (« bonne journée à vous »)
        keeps its own reading: the question alone must be read as a question, and more surely."""
        probs = self.probabilities(texts)
        stripped = [masked(t) for t in texts]
        changed = [i for i, (t, m) in enumerate(zip(texts, stripped)) if m != t]
        if not changed:
            return probs
        classes = [str(c) for c in self.weights["classes"]]
        courtesy = set(self.config["courtesy_intents"])
        for i, alone in zip(changed, self.probabilities([stripped[i] for i in changed])):
            if classes[alone.argmax()] not in courtesy and alone.max() >= self.config["courtesy_min_confidence"] and (
                    classes[probs[i].argmax()] in courtesy or alone.max() > probs[i].max()):
                probs[i] = alone
        return probs

    def question_parts(self, text: str) -> List[Dict[str, Any]]:
        """The parts of a message with two or more parts (part_spans), each classified."""
        parts = part_spans(masked(text))  # « Madame, Monsieur, » and « merci d'avance » are no parts
        if len(parts) < 2 or only_courtesy(text):  # (« je vous remercie pour ces informations, bonne journée »: none)
            return []
        probabilities = self.probabilities([text[a:b] for a, b in parts])
        return self.joined(text, [self._part(text, a, b, p) for (a, b), p in zip(parts, probabilities)])

    def _part(self, text: str, start: int, end: int, probs: np.ndarray) -> Dict[str, Any]:
        return {"text": text[start:end], "start": start, "end": end,
                "intent": str(self.weights["classes"][probs.argmax()]), "confidence": float(probs.max())}

    def joined(self, text: str, parts: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """Parts next to each other with the same intent are one question (« la rédaction, c'est la compétence
        la moins bien notée ? »): read together, classified again; one part left is no compound message."""
        merged: List[Dict[str, Any]] = []
        for part in parts:
            if merged and merged[-1]["intent"] == part["intent"]:
                start, end = merged[-1]["start"], part["end"]
                merged[-1] = self._part(text, start, end, self.probabilities([text[start:end]])[0])
            else:
                merged.append(part)
        return merged if len(merged) >= 2 else []

    # -- persistence: plain arrays, no pickle --------------------------------------------------
    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            features = {name: {"vocabulary": {k: int(i) for k, i in v.vocabulary_.items()},
                               "idf": v.idf_.tolist()} for name, v in self.vectorizers.items()}
            features[MASKED_NAMES] = self.mask.names
            (directory / FEATURES_FILE).write_text(json.dumps(features), encoding="utf-8")
            np.savez_compressed(directory / WEIGHTS_FILE, **self.weights)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentClassifier":
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                saved = json.loads((directory / FEATURES_FILE).read_text(encoding="utf-8"))
                with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
                    weights = {name: arrays[name] for name in arrays.files}
        except (ValueError, FileNotFoundError):
            logger.warning("Aucun classifieur d'intentions entraîné dans ce modèle : entraînez-le (make train).")
            return component
        vectorizers = make_vectorizers(component.config)
        for name, vectorizer in vectorizers.items():
            vectorizer.vocabulary = saved[name]["vocabulary"]
            vectorizer._validate_vocabulary()
            vectorizer.idf_ = np.asarray(saved[name]["idf"], dtype=np.float32)
        component.vectorizers, component.weights = vectorizers, weights
        component.mask = NameMask(saved.get(MASKED_NAMES) or ())
        return component
