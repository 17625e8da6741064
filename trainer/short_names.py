"""The short names of a profession that designate it alone, read against the school's name index.

A student seldom types a title in full: « tourisme durable c'est bien payé ? » for « Chargé(e) de projets
tourisme durable ». The index finds a name by its words in order, not by its complement alone (which could be
an interest: « un métier dans la santé »). So the importer offers, as aliases, the complements of the title
(the last two words or more, « tourisme durable », « projets tourisme durable ») that the index reads as no
other profession, that no other profession's names hold, and that are not words of a question. `make check`
warns about the opposite case: a complement of a title that the index reads as another profession.
"""
import re
from typing import Iterable, List, Optional, Sequence

from core.names import SMALL_WORDS, NameIndex, gendered_forms, name_words
from core.textnorm import fold, words
from trainer.aliases import as_written

MIN_WORDS = 2  # one word alone is a head noun (« boulanger ») or an interest (« santé »)
# The usual endings of French adjectives (folded): a run that starts on one starts inside a noun phrase.
_ADJECTIVE = re.compile(r"(?:aux|ale?s?|iques?|ifs?|ives?|elles?|els?|aires?|eux|euses?|ees?|es|ables?|ibles?|ants?|antes?)$")


def complements(title: str) -> List[str]:
    """The runs that end a title, two words or more, the first word of the title left out, as aliases are
    written (« Chargé(e) de projets tourisme durable » -> « projets tourisme durable », « tourisme durable »).
    A run starts on a word of meaning, never on « de », « en »."""
    form = re.sub(r"\([^)]*\)", " ", gendered_forms(title)[0])  # « (IDE) » is a name of its own
    tokens = words(fold(form))
    out = []
    for start in range(1, len(tokens)):
        run = tokens[start:]
        if run[0] in SMALL_WORDS or _ADJECTIVE.search(run[0]) or len([w for w in run if w not in SMALL_WORDS]) < MIN_WORDS:
            continue  # « … généraux » qualifies the word before it: no name starts there
        out.append(" ".join(run))
    return out


def alone(short: str, own_id: str, index: NameIndex, question_words: Iterable[str] = ()) -> bool:
    """True when `short` designates the profession `own_id` alone: the index reads it as no other one (nor as
    the head of several), no other one's name holds it, and none of its words is a word of a question."""
    asked = set(question_words)
    if any(w in asked for w in name_words(short)):
        return False
    found = index.find(short) or index.heads(short) or index.holding(short)
    return all(pid == own_id for pid in found)


def designating(title: str, own_id: str, index: NameIndex, known: Sequence[str] = (),
                question_words: Iterable[str] = ()) -> List[str]:
    """The complements of `title` to add as aliases: designating it alone, not already among `known`."""
    have = {as_written(k) for k in known}
    asked = frozenset(question_words)
    return [c for c in complements(title) if c not in have and alone(c, own_id, index, asked)]


def read_as_other(title: str, own_id: str, index: NameIndex) -> Optional[tuple]:
    """(complement, the other profession's id) when a complement of `title` is read as one other profession:
    a student who writes it gets that one's answer. None when none is."""
    for short in complements(title):
        found = index.find(short)
        if len(found) == 1 and found[0] != own_id:
            return short, found[0]
    return None
