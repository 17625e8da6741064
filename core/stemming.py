"""How the understanding compares words, in one place: two keys for two jobs.

- `key`: a word without its inflection (plural, final e, « -aux »). A message and an answer meet whatever
  their form (« entreprises » and « Entreprise »): the coverage guard compares the thing asked with the
  words of the answer by keys.
- `stem`: the first STEM_LENGTH letters. Derived words share it (« organisé », « organisation »: « organ »),
  so the items of a list are found by what a student says of them; `stems` leaves out the words too general
  to tell one item from another. `starts_alike` is the looser test (four letters), used only to abstain: a
  word that may be another form of a title's word (« curieux », « Curiosité »).

Pure functions on folded text; `core.textnorm.fold` folds.
"""
import re
from typing import FrozenSet

from core.textnorm import fold, folded_words

STEM_LENGTH = 5
_ALIKE_LENGTH = 4


def stem(folded_word: str) -> str:
    """The stem of a folded word: its first STEM_LENGTH letters."""
    return folded_word[:STEM_LENGTH]


def starts_alike(a: str, b: str) -> bool:
    """Whether two folded words (or stems) start with the same four letters."""
    return a[:_ALIKE_LENGTH] == b[:_ALIKE_LENGTH]


def same_stem(a: str, b: str) -> bool:
    """Whether two folded words share their stem; a word shorter than a stem only matches itself."""
    return a == b or (len(a) >= STEM_LENGTH and len(b) >= STEM_LENGTH and stem(a) == stem(b))


def key(word: str) -> str:
    """The comparison key of a word: folded, without its plural and its final e (« Entreprises » ->
    « entrepris », « qualité » -> « qualit »), so that a message and an answer meet whatever their form."""
    return folded_key(fold(word))


def folded_key(folded: str) -> str:
    """`key` of a word already folded."""
    w = folded.strip("-'")
    if w.endswith("aux") and len(w) > 4:
        w = w[:-3] + "al"
    if len(w) > 3 and w[-1] in "sx":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def keys(text: str) -> FrozenSet[str]:
    """The keys of every word of a text."""
    return frozenset(folded_key(w) for w in re.findall(r"[a-z][a-z-]*[a-z]|[a-z]", fold(text)))



# Words too general to tell one mission, quality or tool from another.
_GENERIC = {"metie", "poste", "trava", "missi", "quell", "faut",
            "compe", "quali", "outil", "utili", "besoi", "faire", "etre", "avoir", "falloi",
            "est-c", "sais", "savoi", "gere", "fait", "doit", "vraim", "beauc", "aussi", "quoi",
            "comme", "dans", "pour", "avec", "cette", "celle", "leurs", "votre", "notre"}
# Three-letter words kept out of matching; other short words ("crm") can name an item.
_SHORT_WORDS = {"les", "des", "une", "est", "pas", "que", "qui", "son", "ses", "aux", "par", "sur",
                "ces", "mon", "ton", "tes", "mes", "nos", "vos", "bon", "peu", "tre", "ont", "fin",
                "moi", "toi", "lui", "eux", "oui", "non", "ans", "bac", "job", "and", "the"}


# How a request is asked (« donne-moi », « cite », « range », « attendues »): never the name of an item (« données »).
_REQUEST_WORDS = {"donne", "donnes", "donnez", "dis", "dites", "liste", "listez", "cite", "citez", "range",
                  "rangez", "classe", "classez", "trie", "triez", "montre", "montrez", "explique", "expliquez",
                  "detaille", "detaillez", "ordonne", "classement", "ordre", "classer", "ranger", "trier",
                  # « quelles qualités sont attendues ? »: what a list is, not the « attentes » of one item
                  "attendu", "attendue", "attendus", "attendues", "requis", "requise", "requises", "exigee", "exigees"}


# Nouns of a topic, never the name of an item: « les diplômes » is no « Diplomatie », whose stem it shares; adverbs
# of manner, never one either: « il commence direct à 40k » is no « assistant de direction ».
_TOPIC_NOUNS = {"diplome", "diplomes", "direct", "directement"}


def stems(folded: str) -> FrozenSet[str]:
    """Word stems of a folded text that can tell one item of a list from another (their `stem`)."""
    return frozenset({stem(w) for w in folded_words(folded) if len(w) >= 3 and w not in _SHORT_WORDS
                      and w not in _REQUEST_WORDS and w not in _TOPIC_NOUNS} - _GENERIC)
