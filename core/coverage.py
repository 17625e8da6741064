"""What a message asks for, and whether a topic's answer contains it: the guard against answering
another question.

A topic answer is only right when it holds what the student asked for. « quelles entreprises
recrutent ? » classified as « missions » must not get the missions as if they were the answer.
Two pure steps:

- `asked_objects(text)`: the things the message asks for, found by question frames on folded text
  (« quel(le)s X », « combien de X », « cite/liste/donne X », « pourcentage/part/nombre de X »,
  « il y a beaucoup de X »), each with the words of its clause as the student wrote them;
- `uncovered(asked, vocabulary)`: the first of them whose word the topic's vocabulary lacks (the
  vocabulary is built by the School from the topic's names, its `vocabulaire` in sujets.yml and the
  items its answer lists for this profession).

No facts and no Rasa here: the dialogue decides what to say (« La fiche ne précise pas … », the
closest answer, the counsellor).
"""
import re
from dataclasses import dataclass
from typing import FrozenSet, Iterable, Optional, Sequence, Tuple

from core.stemming import folded_key, key
from core.textnorm import NUMBER_WORDS

# Determiners and adjectives between a frame and the thing it asks for (« quelles sont les
# principales … », « cite-moi quelques … »).
_FILLER = (r"(?:(?:le|la|les|l'|l|un|une|des|du|de la|de l'|d'|ses|son|sa|leurs?|vos|votre|tes|ton|ta|mes|mon|ma|"
           r"ce|cet|cette|ces|quelques|plusieurs|principales?|principaux|grande?s?|grands|vraie?s?|vrais|"
           r"meilleure?s?|differente?s?|differents|autres?|exacte?s?|precise?s?|concrete?s?|concrets|"
           r"typiques?|moyenne?s?|moyens|plus|moins|bonne?s?|bons|petite?s?|petits|seule?s?|seuls|"
           r"toute?|premiere?|derniere?|deuxieme|troisieme|quatrieme|cinquieme|\d{1,2}(?:e|eme|er|ere|re)?|"
           r"deux|trois|quatre|cinq|six)\s+)*")
_WORD = r"(?P<obj>[a-z][a-z-]{2,})"

_FRAMES: Tuple[Tuple[str, "re.Pattern"], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    # « quelles entreprises », « quel est le pourcentage », « quels sont les outils »
    ("quel", r"\bquel(?:le)?s?\s+(?:(?:est|sont|serait|seraient|etait|etaient|seront)(?:[- ]ce)?\s+)?" + _FILLER + _WORD),
    # « combien de femmes », « combien d'entreprises », « combien il y a de postes »
    ("combien", r"\bcombien\s+(?:(?:il\s+)?y\s+a(?:[- ]t[- ]il)?\s+|(?:en\s+)?faut[- ]il\s+|faut\s+)?(?:de|d')\s*" + _WORD),
    # « cite des noms », « liste-moi les outils », « donne moi trois exemples »
    ("cite", r"\b(?:cite|citez|citer|nomme|nommez|enumere|enumerez|liste|listez|lister|donne|donnez|donner"
             r"|indique|indiquez)(?:[- ](?:moi|nous|m'en|en))?\s+(?:\d+\s+|deux\s+|trois\s+|quatre\s+|cinq\s+)?"
     + _FILLER + _WORD),
    # « il y a beaucoup de filles ? », « y a-t-il plus d'hommes »
    ("ya", r"\b(?:il\s+)?y\s+a(?:[- ]t[- ]il)?\s+(?:beaucoup|plus|moins|peu|autant|une majorite|majoritairement)\s+"
           r"(?:de|d')\s*" + _WORD),
))
# Words whose object is the thing after « de »: « des noms d'entreprises », « le pourcentage de femmes ».
_CHAIN = re.compile(r"^(?P<head>noms?|exemples?|types?|sortes?|listes?|nombre|pourcentages?|parts?|proportions?"
                    r"|taux|ratios?|chiffres?|statistiques?|stats|majorite|moitie|quantite|repartition|perspectives?)\s+"
                    r"(?:de|des|du|d')\s*" + _FILLER + _WORD)
# A share is only covered by a topic whose answer gives shares (hard skills' scores).
_SHARE = {"pourcentage", "part", "proportion", "taux", "ratio", "majorite", "moitie", "repartition", "statistique",
          "stat"}
# What asks nothing in particular: the profession itself, or the question's own wording.
NEUTRAL = frozenset(
    {"metier", "job", "boulot", "taf", "travail", "poste", "truc", "chose", "type", "genre", "sorte", "categorie",
     "famille", "premier", "premiere", "facon", "maniere", "point", "question", "aspect", "difference", "ecart", "ecarts", "sujet", "info",
     "information", "renseignement",
     "conseil", "avis", "source", "exemple", "idee", "detail", "precision", "reponse", "mieux", "plus", "moins",
     "interet", "avantage", "inconvenient", "niveau", "fiche", "domaine", "secteur", "profil", "choix",
     "cas", "rapport", "lien", "chance", "possibilite", "option", "voie", "parcours", "role", "place", "besoin",
     "etape", "suite", "liste", "ordre", "fois", "peu", "beaucoup", "tout", "tous", "toute", "toutes", "ca", "cela",
     "quoi", "elle", "elles", "ils", "lui", "leur", "eux", "vous", "nous", "moi", "toi", "on", "il", "qui", "que",
     "dont", "ou", "est", "est-ce", "sont", "faut", "doit", "peut", "fait", "font", "va", "vont", "ya", "y", "en",
     "sur",
     "pour", "par", "avec", "sans", "dans", "entre", "apres", "avant", "selon", "chez", "vers", "depuis", "pendant",
     "mais", "donc", "car", "comme", "alors", "bien", "tres", "trop", "assez", "vraiment", "exactement",
     "concretement", "actuellement", "aujourd", "maintenant", "ensuite", "puis", "encore", "aussi", "meme",
     "deja", "jamais", "toujours", "souvent", "parfois", "svp", "stp", "merci", "bonjour", "salut", "hein",
     "ans", "an", "combien",
     # « fait partie des missions listées ? », « citées dans la fiche »: how a list is spoken of, nothing asked of it
     "partie", "parties", "listee", "listees", "liste", "listes", "citee", "citees", "cite", "cites", "mentionnee",
     "mentionnees", "mentionne", "mentionnes",
     # « fais-moi une liste numérotée », « un résumé en 3 points »: the shape of the answer asked, not a thing asked
     "numerote", "numerotee", "numerotes", "numerotees", "resume", "recap", "recapitulatif", "phrase", "phrases",
     "mots", "puces", "tableau"})


# and the numbers in words (« les deux premières »): how many, not a thing asked
NEUTRAL_KEYS = frozenset(key(w) for w in NEUTRAL | set(NUMBER_WORDS))
_SHARE_KEYS = frozenset(key(w) for w in _SHARE)


@dataclass(frozen=True)
class Asked:
    """One thing a message asks for."""
    frame: str      # quel, combien, cite, ya
    key: str        # the key of its word (« entrepris »)
    share: bool     # a share or a rate (« le pourcentage de … »)
    words: str      # its clause as written (« quelles entreprises embauchent »)


_CLAUSE_END = re.compile(r"[?!.;,:()\n]|\s(?:et|ou|mais|svp|stp|merci)\s")
CLAUSE_WORDS = 8
_DANGLING = {"dans", "ce", "cet", "cette", "de", "d'", "du", "des", "le", "la", "les", "l'", "un", "une", "en", "a",
             "au", "aux", "pour", "sur", "avec", "par", "et", "ou", "mon", "ma", "mes", "son", "sa", "ses", "qui",
             "que", "quel", "quelle", "quels", "quelles"}


def _clause(text: str, folded: str, start: int) -> str:
    """The student's words (from `text`; `folded` is the same text folded, same length) from a frame to the end
    of its clause, at most CLAUSE_WORDS words."""
    end = _CLAUSE_END.search(folded, start)
    stop = end.start() if end else len(text)
    clause = text[start:stop].split()[:CLAUSE_WORDS]
    said = folded[start:stop].split()[:CLAUSE_WORDS]
    while len(clause) > 2 and said[len(clause) - 1] in _DANGLING:
        clause.pop()  # « … dans ce » cut at the word limit: end on a word that says something
    return " ".join(clause).strip(" -'\"«»")


def asked_objects(text: str, folded: str) -> Tuple[Asked, ...]:
    """The things a message asks for, in the order written (see the module docstring): `folded` is the message
    folded (same length as `text`, whose words the clauses keep)."""
    found = []
    for kind, pattern in _FRAMES:
        for match in pattern.finditer(folded):
            start = match.start("obj")
            word, share = match.group("obj"), False
            chained = _CHAIN.match(folded[start:])
            if chained:
                share = folded_key(chained.group("head")) in _SHARE_KEYS
                word = chained.group("obj")
            elif folded_key(word) in _SHARE_KEYS:
                share = True
            found.append((match.start(), Asked(kind, folded_key(word), share, _clause(text, folded, match.start()))))
    found.sort(key=lambda item: item[0])
    seen, result = set(), []
    for _, asked in found:
        if (asked.key, asked.share) not in seen:
            seen.add((asked.key, asked.share))
            result.append(asked)
    return tuple(result)


# Units an answer's figures are counted in (years of experience or of study, euros, points of a score).
_UNIT_KEYS = frozenset(key(w) for w in ("annee", "an", "euro", "point", "mois"))


def uncovered(asked: Sequence[Asked], vocabulary: FrozenSet[str],
              neutral: Iterable[str] = (), counted: Optional[FrozenSet[str]] = None) -> Optional[Asked]:
    """The first thing asked that an answer with this vocabulary (keys) does not hold, if any.
    `neutral`: more keys that ask nothing in particular (the profession's own name). `counted`: the keys of what the
    answer can give a number of (its topic's own words, not its items'): « combien de partenaires suit-il ? » is not
    answered by a mission that speaks of partners."""
    ignored = NEUTRAL_KEYS | frozenset(neutral)
    share_key = key("pourcentage")
    for item in asked:
        if item.share and share_key not in vocabulary:
            return item
        if item.key in ignored or item.key in _SHARE_KEYS:
            continue
        if item.key not in vocabulary:
            return item
        if item.frame == "combien" and counted is not None and item.key not in counted | _UNIT_KEYS:
            return item
    return None
