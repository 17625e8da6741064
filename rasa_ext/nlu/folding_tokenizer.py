"""spaCy tokenizer whose tokens are lower-cased and stripped of accents.

Students often type without accents ("debutant", "qualites"). spaCy still reads the original text
(its word vectors know accented words), but the sparse features (word and character n-grams) see
"débutant" and "debutant" as the same token. Offsets stay those of the original text, so entity
annotations and extracted values are unchanged.
"""
from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from core.textnorm import fold


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class FoldingSpacyTokenizer(SpacyTokenizer):
    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.text = fold(token.text)
            token.lemma = fold(token.lemma or token.text)
        return tokens
