"""Masculine and feminine forms of job titles as fiches write them: « Chargé(e) », « Testeur(se) »,
« Coordinateur(trice) ». The one place for these rules: the importer writes both forms as aliases,
make check warns when a title's feminine form has no alias, the importer's verification ignores the marks.
"""
import re
from typing import List

from core.textnorm import fold

# A word with its feminine ending in brackets.
MARK = re.compile(r"(\w+)\((e|se|euse|trice|rice|ere|ère|ne|le|te|ve|fe)\)", re.I)


def feminine(stem: str, ending: str) -> str:
    """"Chargé"+"e" -> "Chargée", "Testeur"+"se" -> "Testeuse", "Coordinateur"+"trice" -> "Coordinatrice"."""
    end, folded = fold(ending), fold(stem)
    if end == "trice" and folded.endswith("teur"):
        return stem[:-4] + ending
    if end == "rice" and folded.endswith("eur"):
        return stem[:-3] + ending
    if end in ("se", "euse") and folded.endswith("eur"):
        return stem[:-3] + "euse"
    if end == "ere" and folded.endswith("er"):
        return stem[:-2] + ending
    if end == "ve" and folded.endswith("f"):
        return stem[:-1] + ending
    return stem + ending


def gender_forms(name: str) -> List[str]:
    """Masculine and feminine forms: "Chargé(e) de mission" -> ["Chargé de mission", "Chargée de mission"]."""
    masculine = MARK.sub(lambda m: m.group(1), name)
    female = MARK.sub(lambda m: feminine(m.group(1), m.group(2)), name)
    return [masculine] if masculine == female else [masculine, female]


def without_marks(text: str) -> str:
    """The text with its gender marks dropped: « Chargé(e) de mission » -> « Chargé de mission »."""
    return MARK.sub(r"\1", text)


def feminine_words(title: str) -> List[str]:
    """The feminine words a title writes in brackets, folded: « Testeur(se) » -> testeuse."""
    return [feminine(word, ending) for word, ending in MARK.findall(fold(title))]


def of(title: str) -> str:
    """« de » before a title, elided before a vowel: « d'Ébéniste… », « de Guide… »."""
    return f"d'{title}" if fold(title[:1]) in tuple("aeiouy") else f"de {title}"
