"""The courtesy around a question, set aside before it is classified.

« Madame, Monsieur, je suis en terminale et je me permets de vous écrire : quel niveau faut-il ?
Je vous remercie par avance. Cordialement » asks about the diploma; its greetings, its thanks and the
student's introduction say nothing about the topic, and in a long message they outweigh the
question. `masked(text)` blanks them out with spaces (same length, so the offsets of words and
entities stay those of the message); the classifier reads the masked text, for training and for
prediction. A message that is only courtesy (« merci beaucoup ! ») is left whole: it is its own
intent.
"""
import re

from core.textnorm import fold

_END = r"(?=\s*(?:[,.;:!?)\n]|\bet\b|\bmais\b|\bdonc\b|\bpour\b|\bafin\b|$))"
# What one thanks for (« merci pour ces infos », « je vous remercie pour ces informations »)
_FOR_WHAT = (r"(?:votre|ta|vos|tes|ces|les|cette|toutes? (?:ces|vos|tes))\s+(?:aide|reponses?|temps|attention|retour"
             r"|infos?|informations?|explications?|precisions?|conseils?|renseignements?)\b")
_PATTERNS = (
    # greetings and forms of address
    r"\b(?:bonjour|bonsoir|salut|coucou|hello|hey|slt|bjr|cc)\b(?:\s+(?:a tous|a vous|tout le monde|madame|monsieur))?",
    r"\b(?:chere?s?\s+)?(?:madame|monsieur|mesdames|messieurs|mme|mr)\b(?:\s*(?:,|ou|et)\s*(?:madame|monsieur))?",
    # thanks, closings
    r"\b(?:je\s+vous\s+|je\s+te\s+|vous\s+)?remerci\w*(?:\s+(?:par avance|d'avance|d avance|infiniment|beaucoup"
    r"|bien|sincerement|pour\s+" + _FOR_WHAT + r"|de\s+(?:votre|ta)\s+(?:aide|reponse|temps|attention)))*",
    r"\bmerci\b(?:\s+(?:beaucoup|bcp|bien|infiniment|encore|par avance|d'avance|d avance|mille fois"
    r"|pour\s+" + _FOR_WHAT + "))*",
    r"\b(?:bien\s+)?cordialement\b|\bbien a (?:vous|toi)\b|\brespectueusement\b|\bsalutations(?:\s+distinguees)?\b",
    r"\bveuillez\s+agreer[^.!?\n]*|\bje\s+vous\s+prie\s+d'agreer[^.!?\n]*",
    r"\bdans l'attente de (?:votre|ta) reponse\b|\ben (?:vous|te) remerciant(?:\s+(?:par avance|d'avance|d avance))?",
    r"\bbonne (?:journee|soiree|fin de journee)\b|\ba bientot\b",
    # preambles
    r"\bje\s+me\s+permets\s+de\s+vous\s+(?:ecrire|contacter|solliciter|poser\s+(?:une|quelques)\s+questions?)",
    r"\bje\s+vous\s+(?:ecris|contacte|sollicite)\b",
    r"\bj'aurais\s+(?:une|quelques|plusieurs)\s+questions?(?:\s+a\s+vous\s+poser)?",
    r"\bdesole(?:e)?\s+(?:de|pour)\s+(?:vous|te)\s+(?:deranger|embeter)\b|\bexcusez[- ]moi\b|\bpardon\b",
    # self-introductions
    r"\bje\s+m'appelle\s+[^,.;:!?\n]*?" + _END,
    r"\bj'ai\s+\d{1,2}\s+ans\b",
    r"\bje\s+suis\s+(?:actuellement\s+|en ce moment\s+)?(?:en\s+(?:seconde|2nde|premiere|1ere|terminale|tle|troisieme|3e"
    r"|reconversion|bts|licence|l[123]|prepa|classe de)|(?:un\s+|une\s+|le\s+|la\s+)?(?:eleve|etudiant|etudiante|lyceen|lyceenne"
    r"|collegien|collegienne|parent|mere|pere|maman|papa))[^,.;:!?\n]*?" + _END,
)
_COURTESY = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# What is left must say something: at least this many words of three letters or more.
MIN_WORDS = 2


def masked(text: str) -> str:
    """The message with its courtesy blanked out (same length), or the message itself when nothing
    else is left."""
    text = text or ""
    return _blanked(text, fold(text))


def masked_folded(folded: str) -> str:
    """`masked` of a message already folded (the understanding folds a message once)."""
    return _blanked(folded, folded)


def only_courtesy(text: str) -> bool:
    """Whether a message is courtesy and nothing else (« je vous remercie pour ces informations, bonne journée »):
    it has no question in it, nor parts."""
    folded = fold(text or "")
    return bool(_COURTESY.search(folded)) and not re.search(r"[^\W\d_]{3,}", _COURTESY.sub(" ", folded))


def _blanked(text: str, folded: str) -> str:
    """`text` with the courtesy found in `folded` (the same text folded, same length) blanked out."""
    spans = [m.span() for m in _COURTESY.finditer(folded) if m.end() > m.start()]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    left = "".join(chars)
    if len(re.findall(r"[^\W\d_]{3,}", left)) < MIN_WORDS:
        return text
    return left
