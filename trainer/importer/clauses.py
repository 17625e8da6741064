"""Cut a fiche's sentence into its subject, its conjugated verb and the rest (« La coordination des projets
| permet | d'assurer … »): pure functions on text."""
import re
from typing import Optional, Tuple

from core.textnorm import fold
from trainer.importer.text import without_final_period
from trainer.importer.verbs import is_finite_verb

# Verbs that end the subject of a sentence (« La coordination des projets internationaux | permet… »).
VERBS = set("""permet permettent garantit garantissent soutient soutiennent facilite facilitent assure assurent
contribue contribuent accompagne accompagnent favorise favorisent aide aident apporte apportent consiste
consistent vise visent sert servent offre offrent renforce renforcent structure structurent est sont exige
exigent necessite necessitent repose reposent couvre couvrent regroupe regroupent comprend comprennent
consolide consolident optimise optimisent oriente orientent valorise valorisent developpe developpent
ameliore ameliorent securise securisent anticipe anticipent coordonne coordonnent organise organisent
prepare preparent alimente alimentent veille veillent participe participent eclaire eclairent nourrit
nourrissent maintient maintiennent fluidifie fluidifient rend rendent donne donnent expose exposent
familiarise familiarisent apprend apprennent mobilise mobilisent encadre encadrent simplifie simplifient
accelere accelerent limite limitent evite evitent constitue constituent""".split())
_ARTICLES = {"la", "le", "les", "l", "un", "une", "de", "des", "du", "d", "sa", "son", "ses"}
# Words after which a verb form is a noun (« la conduite », « sur route », « des œuvres »).
_NOT_BEFORE_VERB = _ARTICLES | {"a", "à", "au", "aux", "en", "sur", "avec", "pour", "par", "dans", "entre", "chez",
                                "vers", "sans", "sous", "comme", "et", "ou", "ce", "cette", "ces", "leur", "leurs"}
# An aside inside a subject: « (change, lavage des mains) », « - titres, sous-titres - ».
_ASIDE = re.compile(r"\([^)]*\)|\s-\s[^.]*?\s-\s")


def _lexicon_verb(tokens, position: int) -> bool:
    """The token is a conjugated verb where it stands: not after an article or a preposition, not elided
    (« d'incendie »), and not followed by another verb (« L'amélioration continue mobilise » : the first is
    an adjective; two conjugated verbs never follow each other)."""
    text = tokens[position].group(0).lower()  # accents kept: the verb tables are written with them
    previous = fold(tokens[position - 1].group(0)).rstrip("'").split("'")[-1]  # « d'un véhicule »
    if previous in _NOT_BEFORE_VERB or re.match(r"^(?:d|l|qu|j|m|t|c)'", text) or not is_finite_verb(text):
        return False
    if position + 1 < len(tokens):
        following = tokens[position + 1].group(0).lower()
        if fold(following).split("'")[-1] in VERBS or ("'" not in following and is_finite_verb(following)):
            return False
    return True


def split_at_verb(sentence: str, lexicon: bool = False) -> Optional[Tuple[str, str, str]]:
    """(subject, verb, rest) of « La coordination des projets permet d'assurer… ». With `lexicon`, any
    conjugated verb of the French verb tables ends the subject, not only the usual verbs of fiches."""
    masked = _ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    tokens = list(re.finditer(r"[\w()'-]+", masked))
    for position, token in enumerate(tokens):
        word = fold(token.group(0)).split("'")[-1]
        if position == 0:
            continue
        previous = fold(tokens[position - 1].group(0)).rstrip("'")
        if word not in VERBS and not (lexicon and _lexicon_verb(tokens, position)):
            continue
        if previous in _ARTICLES or previous.endswith("'"):
            continue  # « la veille sur… » : a noun, not a verb
        subject = sentence[: token.start()].strip().rstrip(",").strip()
        if re.search(r"\bse$|\bs'$", fold(subject)):
            subject = re.sub(r"\s*\b[sS]e$|\s*\b[sS]'$", "", subject).strip()
        return subject, token.group(0), sentence[token.end():].strip()
    return None


def predicate(verb: str, rest: str) -> str:
    """What the subject does: « permet d'assurer X » -> « assurer X » ; « garantit X » -> « garantit X »."""
    rest = without_final_period(rest)
    match = re.match(r"^(?:de |d'|à |a )(.+)$", rest)
    if fold(verb) in ("permet", "permettent", "aide", "aident", "vise", "visent", "sert", "servent") and match:
        return match.group(1)
    return f"{verb} {rest}"


