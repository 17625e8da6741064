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

A word of ordinary French (`ordinary`, the frequency lexicon the loader gives) is never corrected into
a word of a name: « combien » is not a typo of « comédien ». It matches only when it is itself a word of
the name. Real titles are read as catalogues write them: « Conducteur / Conductrice de tramway » is
both its gendered forms, a complement in brackets is left out of the words to type, and an acronym in
it (« (IDE) ») is a name of its own. A head noun that starts many names (« technicien », « agent »)
names none of them alone: `heads` gives the candidates, narrowed by the rest of the message.

The thresholds were chosen on tests/fixtures/names/heldout.yml (tests/unit/test_names.py).
"""
import re
from collections import defaultdict
from typing import Dict, FrozenSet, Iterable, List, Sequence, Set, Tuple

from rapidfuzz import fuzz, process

from core.gender import without_marks
from core.textnorm import fold, words

# Words that students change, drop or add around a job title.
SMALL_WORDS = frozenset({"de", "d", "du", "des", "en", "la", "le", "l", "les", "et", "au", "aux", "un", "une",
                         "pour", "dans", "sur", "a"})
# A word of the message is corrected to a word of the names when this similar (0-100, rapidfuzz ratio).
WORD_SIMILARITY = 82
CORRECTED_MIN_LENGTH = 3     # shorter words are too easily close to another one
MOST_AMBIGUOUS = 4           # at most this many professions are offered as buttons
PREFIX_MIN = 4               # « tram » for « tramway »: a message word this long may narrow by prefix
_BRACKETS = re.compile(r"\([^)]*\)")
# A head noun counts as a job asked for only after an article or a verb of becoming (« un technicien »,
# « devenir agent », « être conductrice »), or first in the message: « j'ai besoin d'aide » asks for no job.
_FRAMED = re.compile(r"(?:^|\b(?:un|une|le|la|l'|devenir|devenu|etre|faire|metier d'|metier de|en tant que|comme)\s*)"
                     r"([a-z]+)")
# Acronyms too common as words to name a profession alone (« si », « on »).
_SHORT_COMMON = frozenset({"si", "on", "ou", "le", "la", "les", "de", "des", "en", "un", "et", "pas", "qui"})
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")

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


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def name_words(text: str) -> Tuple[str, ...]:
    """The canonical words of a name or a message, small words left out (« R&D » is one word)."""
    text = re.sub(r"(\w)&(\w)", r"\1\2", without_marks(text).translate(_LIGATURES))
    return tuple(canonical(w) for w in words(text) if w not in SMALL_WORDS)


def gendered_forms(title: str) -> List[str]:
    """« Conducteur / Conductrice de tramway » -> [« Conducteur de tramway », « Conductrice de tramway »]:
    the first form takes the words that follow the second one's head; a title without « / » is itself."""
    if " / " not in title:
        return [title]
    left, right = title.split(" / ", 1)
    rest = right.split()[len(left.split()):]
    return [" ".join([left] + rest), right]


def acronyms(title: str) -> List[str]:
    """The acronyms a title writes in capitals: « Infirmier … (IDE) » -> [« IDE »], « Chauffeur VTC »."""
    return _ACRONYM.findall(title)


def typed_forms(name: str) -> List[str]:
    """The forms of a name a student types: its gendered forms, without what stands in brackets."""
    return [_BRACKETS.sub(" ", form) for form in gendered_forms(name)]


class NameIndex:
    """Every name of the catalogue, by its canonical words; built once at load."""

    def __init__(self, names: Iterable[Tuple[str, str]], ordinary: FrozenSet[str] = frozenset()):
        """`names`: (profession id, name) pairs, in file order (the first file wins a tie).
        `ordinary`: folded words of ordinary French, never corrected into a word of a name."""
        self._order: Dict[str, int] = {}
        self._exact: Dict[Tuple[str, ...], List[str]] = {}
        self._names: List[Tuple[str, Tuple[str, ...]]] = []
        self._postings: Dict[str, Set[int]] = defaultdict(set)
        self._heads: Dict[str, Set[str]] = defaultdict(set)
        self._ordinary = ordinary
        seen: Set[Tuple[str, Tuple[str, ...]]] = set()
        for pid, name in names:
            self._order.setdefault(pid, len(self._order))
            keys = [name_words(form) for form in typed_forms(name)]
            keys += [(fold(a),) for a in acronyms(name) if fold(a) not in ordinary or len(a) >= 3 and fold(a)
                     not in _SHORT_COMMON]
            for key in keys:
                if not key or (pid, key) in seen:
                    continue
                seen.add((pid, key))
                if pid not in self._exact.setdefault(key, []):
                    self._exact[key].append(pid)
                for word in key:
                    self._postings[word].add(len(self._names))
                self._names.append((pid, key))
                if len(key) > 1:
                    self._heads[key[0]].add(pid)
        self._longest = max(map(len, self._exact), default=0)
        self._vocabulary = sorted(self._postings)

    # -- a message ------------------------------------------------------------------------------
    def find(self, text: str, narrow: bool = True) -> Tuple[str, ...]:
        """The profession(s) a message names: one, several equally well (ambiguous), or none.
        `narrow`: also a head noun the rest of the message tells apart (« conductrice de tram »);
        False for a name written in a fiche (an evolution), which must be a name in full."""
        found = name_words(text)
        corrected = self._corrected(found)
        exact, length = self._longest_exact(found)
        if corrected != found:
            fixed, fixed_length = self._longest_exact(corrected)
            if fixed_length > length:  # « secretaire medicalle »: the corrected name is the longer one
                exact = fixed
        if exact:
            return exact
        covered = self._covered(set(corrected))
        if covered:
            return covered
        narrowed = self.heads(text) if narrow else ()
        return narrowed if len(narrowed) == 1 else ()

    def heads(self, text: str) -> Tuple[str, ...]:
        """For a message that names no profession in full but holds a head noun that starts several names
        (« combien gagne un technicien ? »): the professions of that head, those whose other words the
        message holds (or starts: « tram » for « tramway ») first; one when the rest of the message
        tells it apart. Empty when the message holds no such head."""
        found = self._corrected(name_words(text))
        framed = {canonical(w) for w in _FRAMED.findall(fold(text))}
        heads = [w for w in found if w in framed and self._heads.get(w)]
        if not heads:
            return ()
        others = [w for w in found if w not in heads]
        scored: Dict[str, int] = {}
        for head in heads:
            for i in self._postings[head]:
                pid, key = self._names[i]
                if key[0] != head:
                    continue
                score = sum(1 for w in key[1:] if any(o == w or (len(o) >= PREFIX_MIN and w.startswith(o))
                                                      for o in others))
                scored[pid] = max(scored.get(pid, 0), score)
        best = max(scored.values())
        top = [pid for pid, score in scored.items() if score == best]
        if len(top) == 1 and not self._foreign_complement(text, heads, top[0]) \
                and not self._foreign_words(found, heads, top[0]):
            return tuple(top)
        ranked = sorted(scored, key=lambda pid: (-scored[pid], self._order[pid]))
        return tuple(ranked[:MOST_AMBIGUOUS])

    def _foreign_complement(self, text: str, heads: Sequence[str], pid: str) -> bool:
        """« dresseur de pokemon »: the head is followed by a complement that none of the profession's
        names has, so the message speaks of another job than the one the head alone would give."""
        own = {w for p, key in self._names if p == pid for w in key}
        for head in heads:
            match = re.search(rf"\b{head}\w*\s+(?:de|d'|du|des|en)\s*([a-z]+)", fold(text))
            if match and canonical(match.group(1)) not in own and match.group(1) not in SMALL_WORDS:
                return True
        return False

    def _foreign_words(self, found: Sequence[str], heads: Sequence[str], pid: str) -> bool:
        """The message holds words of other names that this profession's names lack (« médiateur en
        cartographie sonore » when the catalogue has médiateur des archives sonores and other jobs in
        cartographie sonore): it mixes two names, it names neither."""
        own = {w for p, key in self._names if p == pid for w in key}
        return any(w in self._postings and w not in own for w in found if w not in heads)

    def resolve(self, name: str) -> Tuple[str, ...]:
        """The profession(s) an extracted name refers to: as `find`, and also a part of a name
        (« chargé de mission » for « chargé de mission relations internationales ») when only
        one profession has it."""
        found = self.find(name, narrow=False)
        if found:
            return found
        asked = set(self._corrected(name_words(name)))
        if not asked:
            return ()
        ids = self._ids(i for i in self._candidates(asked) if asked <= set(self._names[i][1]))
        return ids if len(ids) == 1 else ()

    # -- steps --------------------------------------------------------------------------------
    def _longest_exact(self, found: Sequence[str]) -> Tuple[Tuple[str, ...], int]:
        """The professions of the longest name written in full in the message, and its length in words."""
        best: Tuple[str, ...] = ()
        best_length = 0
        for start in range(len(found)):
            for end in range(start + 1, min(len(found), start + self._longest) + 1):
                ids = self._exact.get(tuple(found[start:end]))
                if ids and end - start > best_length:
                    best, best_length = self._ids_in_order(ids), end - start
        return best[:MOST_AMBIGUOUS], best_length

    def _corrected(self, found: Sequence[str]) -> Tuple[str, ...]:
        out = []
        for word in found:
            if word in self._postings or len(word) < CORRECTED_MIN_LENGTH or word in self._ordinary:
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
