"""Profession names as students write them: found in a message through an index built once.

A name (intitulé or alias of a knowledge file) is indexed as its canonical words: folded, without
gender marks, singular and masculine (« chargées » and « chargé(e) » are both « charg »), and
without the small words that students change or drop (« de », « en », « du »…). A message is looked
up by its own canonical words, so its cost depends on its length, not on the catalogue's size:

1. a name written in full (its canonical words in order) is found by looking up each run of the
   message's words in a dictionary;
2. otherwise a word the index does not know is corrected to the closest word of the names
   (rapidfuzz, for typos), and a name is found when the message holds all its words, in any order
   (the candidates come from the index's postings of the message's words);
3. two professions found equally well are both returned: the dialogue asks which one, never guesses.

The thresholds were chosen on tests/fixtures/names/heldout.yml (tests/unit/test_names.py).
"""
from collections import defaultdict
from typing import Dict, Iterable, List, Sequence, Set, Tuple

from rapidfuzz import fuzz, process

from core.gender import without_marks
from core.textnorm import words

# Words that students change, drop or add around a job title.
SMALL_WORDS = frozenset({"de", "d", "du", "des", "en", "la", "le", "l", "les", "et", "au", "aux", "un", "une",
                         "pour", "dans", "sur", "a"})
# A word of the message is corrected to a word of the names when this similar (0-100, rapidfuzz ratio).
WORD_SIMILARITY = 80
CORRECTED_MIN_LENGTH = 3     # shorter words are too easily close to another one
MOST_AMBIGUOUS = 4           # at most this many professions are offered as buttons

# Feminine or other endings -> the masculine singular one, longest first within each family.
_ENDINGS = (("euse", "eur"), ("trice", "teur"), ("iere", "ier"), ("ere", "er"), ("enne", "en"),
            ("onne", "on"), ("elle", "el"), ("ive", "if"), ("ffe", "f"), ("ee", "e"))


def canonical(word: str) -> str:
    """A folded word in the form both the names and the messages are compared in:
    « internationales » -> « international », « conseillère » -> « conseiller », « chargée » -> « charg »."""
    w = word
    if len(w) > 4 and w.endswith("aux"):
        w = w[:-3] + "al"
    elif len(w) > 3 and w[-1] in "sx" and not w.endswith("ss"):
        w = w[:-1]
    for ending, masculine in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 2:
            w = w[: -len(ending)] + masculine
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def name_words(text: str) -> Tuple[str, ...]:
    """The canonical words of a name or a message, small words left out."""
    return tuple(canonical(w) for w in words(without_marks(text)) if w not in SMALL_WORDS)


class NameIndex:
    """Every name of the catalogue, by its canonical words; built once at load."""

    def __init__(self, names: Iterable[Tuple[str, str]]):
        """`names`: (profession id, name) pairs, in file order (the first file wins a tie)."""
        self._order: Dict[str, int] = {}
        self._exact: Dict[Tuple[str, ...], List[str]] = {}
        self._names: List[Tuple[str, Tuple[str, ...]]] = []
        self._postings: Dict[str, Set[int]] = defaultdict(set)
        seen: Set[Tuple[str, Tuple[str, ...]]] = set()
        for pid, name in names:
            self._order.setdefault(pid, len(self._order))
            key = name_words(name)
            if not key or (pid, key) in seen:
                continue
            seen.add((pid, key))
            if pid not in self._exact.setdefault(key, []):
                self._exact[key].append(pid)
            for word in key:
                self._postings[word].add(len(self._names))
            self._names.append((pid, key))
        self._longest = max(map(len, self._exact), default=0)
        self._vocabulary = sorted(self._postings)

    # -- a message ------------------------------------------------------------------------------
    def find(self, text: str) -> Tuple[str, ...]:
        """The profession(s) a message names: one, several equally well (ambiguous), or none."""
        found = name_words(text)
        exact = self._longest_exact(found)
        if exact:
            return exact
        corrected = self._corrected(found)
        if corrected != found:
            exact = self._longest_exact(corrected)
            if exact:
                return exact
        return self._covered(set(corrected))

    def resolve(self, name: str) -> Tuple[str, ...]:
        """The profession(s) an extracted name refers to: as `find`, and also a part of a name
        (« chargé de mission » for « chargé de mission relations internationales ») when only
        one profession has it."""
        found = self.find(name)
        if found:
            return found
        asked = set(self._corrected(name_words(name)))
        if not asked:
            return ()
        ids = self._ids(i for i in self._candidates(asked) if asked <= set(self._names[i][1]))
        return ids if len(ids) == 1 else ()

    # -- steps --------------------------------------------------------------------------------
    def _longest_exact(self, found: Sequence[str]) -> Tuple[str, ...]:
        best: Tuple[str, ...] = ()
        best_length = 0
        for start in range(len(found)):
            for end in range(start + 1, min(len(found), start + self._longest) + 1):
                ids = self._exact.get(tuple(found[start:end]))
                if ids and end - start > best_length:
                    best, best_length = self._ids_in_order(ids), end - start
        return best[:MOST_AMBIGUOUS]

    def _corrected(self, found: Sequence[str]) -> Tuple[str, ...]:
        out = []
        for word in found:
            if word in self._postings or len(word) < CORRECTED_MIN_LENGTH:
                out.append(word)
                continue
            match = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY)
            out.append(match[0] if match else word)
        return tuple(out)

    def _candidates(self, asked: Set[str]) -> Set[int]:
        return set().union(*(self._postings.get(word, set()) for word in asked))

    def _covered(self, asked: Set[str]) -> Tuple[str, ...]:
        """Professions one of whose names has all its words in the message; the longest names win."""
        complete = [i for i in self._candidates(asked) if set(self._names[i][1]) <= asked]
        if not complete:
            return ()
        longest = max(len(self._names[i][1]) for i in complete)
        ids = self._ids(i for i in complete if len(self._names[i][1]) == longest)
        return ids[:MOST_AMBIGUOUS]

    def _ids(self, indexes: Iterable[int]) -> Tuple[str, ...]:
        return self._ids_in_order({self._names[i][0] for i in indexes})

    def _ids_in_order(self, ids: Iterable[str]) -> Tuple[str, ...]:
        return tuple(sorted(set(ids), key=self._order.__getitem__))
