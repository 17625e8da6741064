"""Text helpers: clean what a trainer pastes from the school's web page, and fold it for matching.

`fold` keeps the length of the text (core/textnorm.py), so a pattern found in the folded text
gives the same span in the original text: values are always sliced from the original, with its accents.
"""
import functools
import re
import unicodedata
from typing import List

from core.gender import gender_forms, without_marks
from core.textnorm import fold

_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-"})
# A sentence glued to the next one without a newline: "…du public cible.Les hard skills…".
_GLUED = re.compile(r"(?<=[a-zà-ÿ0-9)\]»\"'][.!?…])(?=[A-ZÀ-Þ«\"])")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Þ«\"0-9])")
# Small words left out of ids and of the comparison of names.
STOPWORDS = {"de", "des", "du", "d", "la", "le", "les", "l", "un", "une", "en", "et", "a", "au", "aux",
             "dans", "sur", "pour", "par", "avec", "ou", "e"}


def clean_paste(text: str) -> str:
    """Straight quotes, single spaces, one paragraph per line, glued sentences split."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).replace("\r\n", "\n").replace("\r", "\n")
    text = _GLUED.sub("\n", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraphs(text: str) -> List[str]:
    return clean_paste(text).split("\n")


def sentences(paragraph: str) -> List[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


@functools.lru_cache(maxsize=8192)  # the same fiche text is compared with every value copied from it
def squash(text: str) -> str:
    """For comparing a copied value with the fiche: straight quotes, single spaces, lower case."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split()).lower()


def content_words(text: str) -> List[str]:
    """Folded words without the small words and gender marks, plural -s/-x dropped (for matching names)."""
    words = re.findall(r"[a-z0-9]+", fold(without_marks(text)))
    return [w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words if w not in STOPWORDS]


def without_final_period(text: str) -> str:
    return text.rstrip().rstrip(".").rstrip()


def lower_first(text: str) -> str:
    """"La maîtrise…" -> "la maîtrise…", but "BTS…" or "CRM" stay as they are."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_article(text: str) -> str:
    return re.sub(r"^(?:enfin,\s*)?(?:la |le |les |l'|un |une |un\(e\) )", "", text, flags=re.I).strip()


def alias_of(name: str) -> str:
    """How the knowledge files write an alias: lower case, no accents, single spaces."""
    return " ".join(re.findall(r"[a-z0-9']+", fold(name)))


def identifier(name: str) -> str:
    """The id of a profession or skill: "Chargé(e) de mission relations internationales" ->
    "charge_mission_relations_internationales" (masculine, no accents, no small words)."""
    words = re.findall(r"[a-z0-9]+", fold(gender_forms(name)[0]))
    return "_".join(w for w in words if w not in STOPWORDS) or "metier"
