"""What a stepping-stone job brings, rewritten to follow « {poste} : pour … » (the `experience_item` reply):
an infinitive phrase built from the fiche's own words, or None when the sentence says no such thing.

« Un poste de Cariste en entrepôt familiarise avec la manutention … » -> « se familiariser avec la manutention … »
« … permet quant à lui d'acquérir de bonnes pratiques » -> « acquérir de bonnes pratiques »
« Après quelques années comme Agent(e) de réservation, on maîtrise les outils » -> « maîtriser les outils »
« Le poste de Data analyst constitue une porte d'entrée. … le/la futur(e) Data scientist apprend à comprendre … »
  -> « apprendre à comprendre … » (the sentence that says what the future professional learns)
"""
import re
from typing import Iterable, Optional, Tuple

from core.textnorm import fold
from trainer.importer.clauses import split_at_verb
from trainer.importer.text import without_final_period
from trainer.importer.verbs import infinitive, is_finite_verb

# Verbs that say what the job is, not what it brings (« … constitue une excellente préparation »).
_STATES = {"être", "constituer", "représenter", "rester", "devenir", "sembler", "paraître"}
# Verbs whose object is the person who learns, left implicit before « à », « avec »: « familiarise avec
# la manutention » is « se familiariser avec la manutention » once the person is the one who reads it.
_PERSON_OBJECT = {"familiariser", "habituer", "former", "initier", "exposer", "préparer", "entraîner",
                  "confronter", "sensibiliser", "accoutumer"}
# Verbs followed by the infinitive that says what is done (« pourrait approfondir … » -> « approfondir … »).
_MODALS = {"pouvoir", "devoir"}
# Verbs of giving: what they give is the phrase (« offre un premier contact avec … » -> « un premier contact
# avec … », read « pour un premier contact avec … »).
_GIVING = {"offrir", "apporter", "donner", "procurer", "fournir"}
# Verbs followed by what they make possible: « permet (quant à lui) d'acquérir … » -> « acquérir … ».
_ENABLING = {"permettre", "aider", "servir", "viser"}
_ENABLING_AFTER = re.compile(r"^(?:(?:quant à (?:lui|elle|eux)|aussi|également|ainsi|notamment|surtout),?\s+)*"
                             r"(?:de |d'|à )", re.I)
# Where the phrase ends: a relative clause about the whole (« , ce qui est utile pour … »).
_TAIL = re.compile(r",\s+(?:ce qu[ei']|qui\b|qu'|ce dont|autant d)", re.I)
# A second verb joined by « et » (« observe le travail … et se voit confier … »): the phrase ends before it.
_AND_VERB = re.compile(r",?\s+(?:et|puis)\s+(?:(?:se|s'|y|en)\s*)?([^\W\d_]+)\b", re.I)


def _first_verb_only(rest: str) -> str:
    for joined in _AND_VERB.finditer(rest):
        if is_finite_verb(joined.group(1)):
            return rest[:joined.start()]
    return rest


def _phrase(clause: str) -> Optional[str]:
    """The infinitive phrase of the first conjugated verb of `clause` (its subject already read)."""
    text = "X " + clause.strip().lstrip(",").strip()  # a subject for split_at_verb: the clause's own was read
    split = split_at_verb(text, lexicon=True)
    if split is None:
        return None
    subject, verb, rest = split
    lemma = infinitive(verb)
    if lemma in _STATES:
        return None
    rest = without_final_period(_first_verb_only(_TAIL.split(rest)[0].strip())).strip(" ,;:")
    if not rest:
        return None
    if lemma in _MODALS:
        first_word = re.match(r"(?:(?:se|s')\s*)?([^\W\d_]+)", rest)
        return rest if first_word and fold(first_word.group(1)).endswith(("er", "ir", "re")) else None
    if lemma in _ENABLING:
        after = _ENABLING_AFTER.match(rest)
        return rest[after.end():] if after else None
    if lemma in _GIVING:
        return rest
    before_verb = text.split(verb)[0]
    reflexive = bool(re.search(r"\b(?:se|s')\s*$", before_verb, re.I))
    if lemma in _PERSON_OBJECT and re.match(r"(?:(?:aussi|également|surtout|déjà|ainsi|vite|\w+ment)\s+)*(?:à|au|aux|avec)\b",
                                            rest, re.I):
        reflexive = True
    if reflexive:
        lemma = ("s'" if re.match(r"[aeiouyhâàéèêîïôû]", lemma) else "se ") + lemma
    return f"{lemma} {rest}"


def _after(sentence: str, words: str) -> Optional[str]:
    """The text of `sentence` after `words` (compared folded), or None when they are not in it."""
    folded, wanted = fold(sentence), fold(words)
    at = folded.find(wanted) if wanted else -1
    return sentence[at + len(wanted):] if at >= 0 and len(folded) == len(sentence) else None


def contribution(sentences: Iterable[str], position: str, name: Optional[str]) -> Optional[Tuple[str, int]]:
    """(infinitive phrase, the index of the sentence it is read in) of what the job `position` brings, read in its
    paragraph's `sentences`: the verb after the job in the first sentence, else the verb after the profession
    `name` (« le/la futur(e) Data scientist apprend à … »). None when no sentence says what it brings."""
    sentences = list(sentences)
    if not sentences:
        return None
    for index, sentence in enumerate(sentences if name else ()):  # what the future professional does there
        clause = _after(sentence, name)
        found = _phrase(clause) if clause is not None else None
        if found:
            return found, index
    first = sentences[0]
    clause = _after(first, position)
    if clause is None and "," in first:  # « En assistant dans …, le/la candidat(e) apprend à … »
        clause = first.split(",", 1)[1]
    found = _phrase(clause) if clause is not None else None
    return (found, 0) if found else None
