"""spaCy's French tokenizer with the same `token_match`, compiled in a fraction of the time.

`spacy.lang.fr.tokenizer_exceptions` builds TOKEN_MATCH (the words kept whole: « peut-être »,
« entr'ouvert », « saut-de-ski »…) as about 280 alternatives, each repeating the whole Unicode
class of lower-case letters, and compiles it at import: about 6 s of Python's `re` on this
machine, the largest single cost of starting Rasa (and of `rasa train`, and of every test that
starts the stack). Written with each repeated tail once, « ^(?:a|b|c)[lettres]+$ » instead of
« ^a[lettres]+$|^b[lettres]+$|^c[lettres]+$ », the same language compiles in well under a second.

`install()` imports spacy.lang.fr with Python's re.compile answering that one call (recognised by
its caller and its exact pattern) with the factored pattern; the model is then loaded without its serialised tokenizer (identical to the
language's defaults, which tests/stack/test_french_token_match.py checks along with the equivalence of
the two patterns on every word of the training data). With another spaCy, whose module does not
end as expected, nothing is changed.
"""
import importlib
import re
import sys
from contextlib import contextmanager
from typing import Dict, List, Sequence

MODULE = "spacy.lang.fr.tokenizer_exceptions"


def _top_level_bar(body: str) -> bool:
    """Whether a regex fragment has a « | » outside every group and character class."""
    depth, i, in_class = 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if body[i + 1:i + 2] == "]":  # a « ] » right after « [ » is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def factored(alternatives: Sequence[str], tails: Sequence[str]) -> List[str]:
    """The same alternatives (each « ^…$ »), those ending with the same tail written as one:
    « ^(?:body1|body2)tail ». The longest matching tail is used; anything else is kept as it is."""
    groups: Dict[str, List[str]] = {}
    kept: List[str] = []
    for alternative in alternatives:
        tail = max((t for t in tails if alternative.endswith(t)), key=len, default=None)
        body = alternative[1:-len(tail)] if tail and alternative.startswith("^") else None
        if body is None or not body or _top_level_bar(body):
            kept.append(alternative)
        else:
            groups.setdefault(tail, []).append(body)
    return kept + [f"^(?:{'|'.join(bodies)}){tail}" for tail, bodies in groups.items()]


def tails_of(namespace: dict) -> List[str]:
    """The class-and-quantifier endings the module's alternatives repeat."""
    alpha, lower = namespace["ALPHA"], namespace["ALPHA_LOWER"]
    hyphen, elision = namespace["HYPHENS"], namespace["ELISION"]
    return [f"[{lower}]+$", f"[{lower}]*$", f"[{alpha}]+$",
            f"[{lower}][{hyphen}{lower}{elision}]*$"]


@contextmanager
def _factored_compile():
    """While spacy.lang.fr is imported, its tokenizer exceptions' one big re.compile gets the factored
    pattern; every other call is Python's own."""
    original = re.compile

    def compile_(pattern, flags=0):
        caller = sys._getframe(1).f_globals
        alternatives = caller.get("_regular_exp") if caller.get("__name__") == MODULE else None
        if alternatives and flags == 0 and pattern == "(?iu)" + "|".join(f"(?:{m})" for m in alternatives):
            caller["FACTORED"] = True
            return original("(?iu)" + "|".join(f"(?:{m})" for m in factored(alternatives, tails_of(caller))))
        return original(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = original


def install() -> bool:
    """Import spaCy's French language with the factored TOKEN_MATCH; False (nothing changed) when it is
    already imported, or when its module no longer builds the pattern this was written for."""
    if "spacy.lang.fr" in sys.modules:
        return installed()
    with _factored_compile():
        importlib.import_module("spacy.lang.fr")
    return installed()


def installed() -> bool:
    return getattr(sys.modules.get(MODULE), "FACTORED", False)
