"""What a student's message says beyond its topic: negations about diplomas, superlatives, and
details the fiche does not give.

Pure functions on text (no Rasa, no facts): the reply builder turns their results into answers.
"""
import functools
import re
from dataclasses import dataclass
from typing import Callable, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

from core.amounts import MONTHLY, Amount, amounts
from core.catalogue import Request
from core.courtesy import masked_folded
from core.coverage import Asked, asked_objects
from core.cues import HOW_MUCH, Cues, cues
from core.diplomas import Diplomas
from core.levels import LevelsAsk, levels_asked
from core.names import proper_names
from core.pay_sums import PaySum, pay_sum
from core.pay_sums import piece as pay_piece
from core.stemming import stems
from core.textnorm import NUMBER_WORDS, fold, years_in


@dataclass(frozen=True)
class DiplomaSituation:
    """The student's situation: which diploma they lack ("sans"), or the only one they have ("juste")."""
    kind: str  # "sans" or "seulement"
    diploma: str


def written_diplomas(vocabulary: "Vocabulary", text: str, folded: str) -> Tuple[Tuple[str, ...], Optional[DiplomaSituation]]:
    """The diploma topics a message names in words (« le master », « un bac+3 », « cinq ans d'études »), whether or not
    the NLU's entity caught them, and the negation or restriction it puts on the first it restricts: « sans master,
    j'ai une chance ? » -> sans/mastere; « juste un BTS ça suffit ? » -> seulement/bts (the school's diploma words,
    core/diplomas.py; none without them)."""
    written = vocabulary.diplomas.topics_written(text, folded) if vocabulary.diplomas else []
    situation = next((DiplomaSituation(m.situation, topic) for topic, m in written if m.situation), None)
    return tuple(dict.fromkeys(topic for topic, _ in written)), situation


# -- superlatives (the fiche scores its hard skills) -----------------------------------------
_LEAST = re.compile(r"(?<!\bau )(?<!\bdu )(?<!\ba )\bmoins\b|plus faible|plus bas|plus petite?\b|(?<!avant-)(?<!avant )dernier"
                    r"|\bpire\b|least|lowest|worst")
_MOST = re.compile(r"(?:\bplus|\+) ?(?:importante?|utile|demandee?|essentielle?|forte?|haut|eleve|compte)|\ble plus\b|\bla plus\b"
                   r"|\b(?:le|la) \+"
                   r"|meilleur|mieux (?:notee?|classee?|placee?)|prioritaire|\bprincipale?\b|numero (?:un|1)|\bn ?°? ?1\b"
                   r"|\btop\b|\bmost\b|highest|\bbest\b|compte le plus")


# « elle est mieux notée que la rédaction ? »: two things compared, no superlative.
_THAN = re.compile(r"\b(?:mieux|plus|moins|pire)\b (?:\w+ ){0,2}qu(?:e\b|')")


def superlative(folded: str) -> Optional[str]:
    """"min" for "la compétence qui compte le moins", "max" for "la plus importante" (folded), else None."""
    if _THAN.search(folded):
        return None
    if _LEAST.search(folded):
        return "min"
    if _MOST.search(folded):
        return "max"
    return None


# -- an amount of money the student states (« un débutant commence à 45 000 € ? ») --------------------
# What an amount may also be: the price of studies, not a pay.
_COST = re.compile(r"\bco[uû]t|\bprix\b|\bfrais\b|\btarif|\bbudget|\binscription|\bscolarit|\bpayer (?:l|une|mon|ma|sa|son)\b")


# « elle est notée combien ? », « quel score ? »: a score asked (the fiche scores its hard skills), not a pay.
_SCORE_WORDS = re.compile(r"\bnote(?:e|es|s)?\b|\bscore|\bevalue(?:e|es|s)?\b|\bpoints?\b|\bsur 100\b|\bnotation")
# A word of pay (« pays », a country, is not « paye »).
# « c'est bac+ combien ? », « bac plus quoi ? »: the level of a diploma asked
_LEVEL_ASKED = re.compile(r"\bbac ?(?:\+|plus) ?(?:combien|cb|cmb|quoi|koi)\b")
_PAY_WORDS = re.compile(r"\btouch\w* quoi\b|\btouch\w*(?: \w+){0,5}? (?:combien|cb|cmb)\b|\b(?:combien|cb|cmb)(?: \w+){0,3}? touch\w*"
                        r"|\b(?:max|maximum|min|minimum|plus) (?:qu'on|que l'on|qu'il|qu'elle) (?:peut |pourra )?touch|"
                        r"salair|\bgagn|\bpa(?:ie|ye|y)(?!s\b)|\bremuner|\bbrut|\bnet\b|\beuros?\b|€|\bk€|\bfric|\bthune|\bsous\b"
                        r"|\bargent\b|\bmoney\b|\bsalary|\bwages?\b|\bearn|\btranches? (?:de salaire|salariale)|\bquelle tranche\b")


# « le salaire augmente avec l'expérience ? », « ça progresse vite ? »: how pay grows, which both levels show.
_PROGRESSION = re.compile(r"\baugment\w*|\bprogress\w*|\bmonte\b|\bmontent\b|\bgrimpe\w*|\bhausse\b|\bevolu\w* (?:du|le) salaire"
                          r"|\bsalaire evolu\w*|\bgagne\w* plus (?:avec|apres|au fil)|\bau fil (?:des|du) (?:ans|annees|temps)"
                          r"|\b(?:salaire|paie|paye|remuneration)s? (?:suit|suivent|suivra|aussi)\b")


def asks_score(folded: str) -> bool:
    """Whether a message (folded) asks a score with no word of pay."""
    return bool(_SCORE_WORDS.search(folded)) and not _PAY_WORDS.search(folded)


# « au minimum 50 000 € », « jusqu'à 60 000 € »: the amount is said to be the bottom or the top of the pay.
_AT_LEAST = re.compile(r"\bau (?:minimum|moins)\b|\bminimum\b|\bmini\b|\ba partir de\b|\bplancher\b"
                       r"|\bpas moins de\b|\bjamais moins de\b")
# « le salaire de départ », « on commence à 45k », « right from the start », « en sortie d'école »: an amount said of
# the first job.
_FIRST_JOB = re.compile(r"\b(?:depart|debut|demarr\w*|commenc\w*|start\w*|sortie d'ecole|en sortant|premier (?:poste|emploi|salaire|job)"
                        r"|first (?:job|salary)|entry)\b")
_AT_MOST = re.compile(r"\bau (?:maximum|plus)\b|\bmaximum\b|\bmax\b|\bjusqu'?\s?a\b|\bplafon\w*"
                      r"|\bpas plus de\b|\bjamais plus de\b|\bne depasse\w* pas\b|\bpas au[- ]dela de\b")
# « je peux espérer plus de 35k ? », « moins de 30 000 € ? »: the pay said to be above or below the amount (after
# the bounds above: « pas plus de » is a top figure).
_ABOVE = re.compile(r"\bplus (?:de|que)\b|\bau[- ]dessus (?:de|des)\b|\bsuperieure?s? a\b|\bdepass\w*|\bmore than\b"
                    r"|\bover\b|\babove\b")
_BELOW = re.compile(r"\bmoins (?:de|que)\b|\ben[- ]dessous (?:de|des)\b|\binferieure?s? a\b|\bless than\b|\bunder\b"
                    r"|\bbelow\b")


def bare_amount(folded: str, numbers: Optional[Sequence[Amount]] = None) -> Optional[Tuple[int, bool, Optional[str]]]:
    """`stated_amount` of one number written with no money mark, large enough to be a yearly pay and no year
    (« donc 60000 c'est le minimum ? »): an amount of money only right after the pay (core/dialogue.py). `numbers`:
    the message's, when already read."""
    if _COST.search(folded):
        return None
    found = [a.value for a in (amounts(folded) if numbers is None else numbers)]
    if len(found) != 1 or found[0] < 10000:
        return None
    return found[0], bool(MONTHLY.search(folded)), _bound(folded)


# « un confirmé commence à 45k ? », « la fourchette démarre à 30 000 € ? »: the bottom of a level's range (« on commence
# à 32k ? » is the student's first pay, which the range holds or not).
_STARTS_AT = re.compile(r"\b(?:confirmee?s?|seniors?|experimentee?s?|debutante?s?|juniors?|fourchettes?|salaires?)\b"
                        r"[^?.!\d]{0,30}\b(?:commenc|demarr|debut)\w* (?:a|au|vers) ?\d")


def _bound(folded: str) -> Optional[str]:
    """What an amount is said to be: the bottom or top of the pay, or a figure above or below it (None: the pay)."""
    return "min" if _AT_LEAST.search(folded) or _STARTS_AT.search(folded) else "max" if _AT_MOST.search(folded) else \
        "above" if _ABOVE.search(folded) else "below" if _BELOW.search(folded) else None


def stated_amount(folded: str, numbers: Optional[Sequence[Amount]] = None) -> Optional[Tuple[int, bool, Optional[str]]]:
    """(euros, per month, "min" / "max" / "above" / "below" / None) of the one amount of money a message (folded)
    states (« 45 000 € », « 45k », « 2 000 euros par mois », « au minimum 50 000 € »: "min", « plus de 35k »: "above"),
    None when it states none,
    several, or speaks of a price (« l'école coûte 8 000 € »). `numbers`: the message's, when already read."""
    if _COST.search(folded):
        return None
    # a bare number (a year, a score) is no amount of money
    found = [a.value for a in (amounts(folded) if numbers is None else numbers) if a.marked]
    if len(found) != 1 or found[0] < 500:
        return None
    return found[0], bool(MONTHLY.search(folded)), _bound(folded)


# -- details the fiche does not give ----------------------------------------------------------
@dataclass(frozen=True)
class AbsentDetail:
    id: str
    label: str
    closest: Optional[str]  # a topic, "question" (the topic asked), or None
    note: Optional[str]
    # A place or a price alone is no question about the job: outside a topic, the message must
    # also speak of work or studies ("quel temps fait-il à Paris ?" stays out of scope).
    needs_context: bool = False
    # Whether the fiche's salary figures are the closest answer (the net pay: yes; a city, a sector: no,
    # they would pass for the figure asked).
    figures: bool = False
    # Details this one includes (hors_fiche.yml « inclut »): « un alternant payé combien par mois ? » asks the
    # work-study pay, not also the net pay of an employee with its figures.
    includes: Tuple[str, ...] = ()
    # The expressions after which the fiche's yearly figures divided by 12 follow, said as a calculation
    # (hors_fiche.yml « par_mois »: « ça fait combien par mois ? »).
    monthly: Tuple[str, ...] = ()


# Words whose meaning a number after them changes: « sans le bac » is not « sans le bac+5 » nor
# « sans le bac 5 ». A phrase ending with one of them never matches when a number follows.
LEVEL_WORDS = ("bac", "baccalaureat")


@functools.lru_cache(maxsize=None)
def phrase_pattern(phrase: str) -> "re.Pattern":
    """A phrase as a whole-word pattern on folded text ("congés" also matches "conges"). Kept once per
    phrase: hors_fiche.yml has more phrases than re's own cache (512), so every School built again (a
    reload of knowledge/, make check on a copy) would otherwise compile them all again."""
    folded = fold(phrase)
    if " + " in folded:
        return _together(folded.split(" + "))
    number_after = r"(?!\s*\+?\s*\d)" if folded.split()[-1:] and folded.split()[-1] in LEVEL_WORDS else ""
    return re.compile(r"(?<![a-z0-9])" + _elided(folded) + r"(?![a-z0-9])" + number_after)


def phrase_word(phrase: str) -> str:
    """The longest word every match of phrase_pattern(phrase) holds as written (« offres d'emploi »: « offres »), to
    look for before the pattern: the message is read against every phrase of hors_fiche.yml. « combien », which
    matches its abbreviations too, is never that word."""
    found = [w for w in re.findall(r"[a-z0-9]+", fold(phrase).replace("*", " ")) if w != "combien"]
    return max(found, key=len, default="")


def _elided(words: str) -> str:
    """`words` escaped, an elision as students type it too: « offres d'emploi », « offres d emploi », « offres demploi »;
    « combien » as they write it too (« cb de temps pour trouver »)."""
    return re.sub(r"\bcombien\b", lambda _: HOW_MUCH, re.escape(words).replace("'", "(?:' ?| )?"))


def _word(part: str) -> str:
    """One word of a « mot + autre* » expression: whole word, « * » for any ending."""
    return (r"(?<![a-z0-9])" + _elided(part.strip().rstrip("*")) + (r"[a-z-]*" if part.strip().endswith("*") else "")
            + r"(?![a-z0-9])")


def _together(parts: Sequence[str]) -> "re.Pattern":
    """Two or three words in the same sentence, in any order (« alternance + pay* »)."""
    words_ = [_word(p) for p in parts]
    if len(words_) == 2:
        a, b = words_
        return re.compile(rf"{a}[^.!?;\n]*?{b}|{b}[^.!?;\n]*?{a}")
    return re.compile("".join(rf"(?=[^.!?;\n]*?{w})" for w in words_) + r"[^.!?;\n]")


# -- the whole message, understood once ---------------------------------------------------------
# « faut-il », « obligatoire »… : the student asks whether something is required.
_NECESSITY = re.compile(r"faut|necessaire|obligatoire|indispensable|besoin|exige|requis|oblige|imperatif|forcement"
                        r"|\bneed\b|\bnecessary\b|\brequired\b|\bmandatory\b|\bmust\b|\bhave to\b")
# « ça suffit ? », « c'est assez ? » : whether a diploma is enough.
# (« ok » asks whether it is enough when said of something, « c'est ok avec un BTS ? », not « ok merci, and the missions? »)
_SUFFICIENCY = re.compile(r"suffi|assez|(?<!^)(?<!^\W)\bok\b(?!\W+(?:merci|et|and|alors|donc|mais|cool|super|top)\b)|permet"
                          r"|possible|peut[- ]on|je peux|ca passe|valable")
_BAC5 = re.compile(r"bac\s*\+?\s*5|\bmaster|\bmastere|\bmba\b")
# A follow-up that leans on the previous message: "et pour un senior ?", "ok, et pour le chargé de mission ?".
_FRAGMENT = re.compile(r"^\W*(?:(?:bon|ok|okay|d'accord|dac|ben|bah|alors|oui|ah|euh|h+m+|hum|m+h|bref)\W+)*"
                       r"(?:et|mais|sinon|pour|what about|and)\b")
# « c'est pareil dans toutes les entreprises ? », « ça varie ? » : whether the list depends on the employer.
_VARIATION = re.compile(r"\bvari\w*|\bidentiques?\b|\bpareils?\b|\bpareilles?\b|\bles memes\b|\bla meme chose\b"
                        r"|\bmeme partout\b|\bpartout pareil|\bquel(?:le)?s? que soi\w*|\bselon (?:l'|les |la |le )"
                        r"(?:entreprise|employeur|secteur|poste|structure|organisation)|\bdepend\w*"
                        r"|\b(?:le|la|les) memes? (?:intitules?|noms?|appellations?)\b")
# « les langues, c'est secondaire ? », « l'alternance c'est impossible j'imagine ? »: a premise that the
# thing named does not count or is not possible, which the fiche's answer contradicts (« Non : … »).
_BELITTLES = re.compile(r"\bsecondaires?\b|\baccessoires?\b|\bnegligeables?\b|\bfacultati\w*|\boptionnel\w*|\binutiles?\b"
                        r"|\b(?:plus|pas) (?:besoin|la peine) d(?:e|')|\bsert plus a rien\b|\bplus (?:utiles?|necessaires?)\b"
                        # « faut pas être organisé, c'est ça ? »: as « pas besoin d'être organisé »
                        r"|\bfaut (?:pas|plus) (?:forcement )?(?=(?:etre|avoir|savoir|maitriser|parler)\b)"
                        r"|\bsert a rien\b|\bservent a rien\b|\bpas (?:si |tres |vraiment |super |trop )?(?:importante?s?|utiles?"
                        r"|necessaires?|indispensables?|essentiel\w*)\b"
                        r"|\bn'a rien a voir\b|\brien a voir avec\b|\bun truc de\b|\bcompte(?:nt)? pas\b"
                        r"|\bpas (?:une? |des )?(?:vraie?s? |vraiment (?:une? |des )?)(?:competence|qualite|mission|outil"
                        r"|contrainte|skill)")
# « il ne s'occupe pas de la communication, si ? », « il n'y a aucun outil de veille ? »: a thing said not to be part of it.
_NEGATED = re.compile(r"\bne (?:s'occupe|s'en occupe|fait|gere|utilise|travaille|participe|sert|touche|concerne)\w*"
                      r" (?:pas|jamais|plus)\b|\bn'est pas (?:son|leur|du tout son) (?:role|travail|boulot|job|domaine)\b"
                      r"|\bpas pour (?:ce|le|son) (?:metier|poste|job|boulot)\b"
                      # « la diplomatie c'est pas demandé, si ? »: not among what the job asks (answered « Si : »)
                      r"|\bpas (?:si |tres |vraiment |super |trop )?(?:demandee?s?|attendue?s?|requise?s?|exigee?s?)\b"
                      r"|\bn'(?:y a|a|utilise|intervient|assure|organise)\w* (?:pas|jamais|aucune?)\b"
                      # « y a aucun outil à maîtriser ? », as students write it without « ne »
                      r"|^\W*(?:(?:et|mais|donc|alors)\W+)?(?:il )?y a (?:aucune?|jamais)\b"
                      # « le chargé de mission n'y participe pas », « il n'en fait jamais », « c'est réservé au directeur »
                      r"|\bn'(?:y|en) (?:participe|prend|fait|touche|intervient|travaille|est)\w* (?:pas|jamais|plus)\b"
                      r"|\breservee?s? (?:au|aux|a la|a l'|a un|a une|a des)\b"
                      # « la veille, ça fait pas partie de ses missions ? »
                      r"|\b(?:ne |n')?(?:en )?(?:fait|font) (?:pas|plus|jamais) partie\b"
                      r"|\b(?:pas|aucune?) (?:de |d')?(?:outils?|missions?|taches?|competences?|qualites?) (?:de |d')"
                      # « il ne rédige pas de documents ? », « ce métier n'en utilise pas ? »: the job (never the student,
                      # nor « il ne sait pas ») does not do it
                      r"|\b(?:il|elle|on|ils|elles|metier|poste|job|boulot) (?:ne |n')?(?:(?:y|en|lui|leur|se|s') ?)?"
                      r"(?!sai|comprend|voi|connai|peu|doi|faut|veu)[a-z]+ (?:pas|jamais|aucune?)\b")
_DENIES = re.compile(r"\bimpossible\b|\bpas possible\b|\bne (?:peut|peux|pourra|pourrai) pas\b|\bexclue?\b|\binterdite?\b"
                     r"|\bpas d'alternance\b")


# The words a student puts before his idea of the job (« donc », « en gros », « si j'ai bien compris »).
_LEAD_IN = (r"^\W*(?:(?:donc|alors|bon|ok|bref|du coup|en fait|en vrai|en gros|au fond|en somme|finalement|basically|so"
            r"|si j'ai bien compris|si je comprends bien)\W+)*")
# « donc en gros c'est une sorte de traducteur, non ? »: the student's own idea of the job, to be checked.
_CHECKS_IDENTITY = re.compile(
    _LEAD_IN + r"(?:c'est|c est|cest|c|ce serait|ce metier c'est|ce job c'est|le metier c'est|it's|it is)\W+"
    r"(?:(?:surtout|plutot|juste|seulement|principalement|avant tout|simplement|vraiment|basically|mostly|just)\W+)?"
    r"(?:un|une|comme un|comme une|a|an)\W+(?:(?:metier|job|boulot|sorte|genre|espece|kind|sort) (?:de |d'|of )\w+"
    r"|(?!(?:metier|poste|premier|dernier|entier|particulier|salaire|vrai|normal|travail|global)\b)"
    r"\w+(?:eur|euse|teur|trice|iste|ien|ienne|ier|iere|ate|al|ale|aire|ant|ante|er|or|ist|ian|ent))\b"
    r".{0,80}(?:\bnon|\bnan|c'?est ca|c'?est bien ca|\bc ca|n'est-ce pas|\bhein|pas vrai|\ben fait|\bright|\bisn't it"
    r"|\bcorrect)\W*(?:\?[^?]{0,40}\?)?$")
# « c'est un peu comme être ambassadeur ? »: the job likened to another, to check as well.
_LIKENED = re.compile(_LEAD_IN + r"(?:c'est|c est|c|ce metier c'est|it's)\W+"
                      r"(?:un peu |en gros |genre |plus ou moins |un genre |like )?comme (?:etre |faire )?(?:un |une )?\w+")
# « en gros ce métier c'est juste traduire des docs, non ? »: the job reduced to one thing, to check as well.
# The job is the subject: first in the message, or named (« la diplomatie, c'est juste dans le nom ? » is no such idea).
_REDUCED = re.compile(r"(?:" + _LEAD_IN + r"|\b(?:ce metier|ce job|ce poste|le metier"
                      r"|ce boulot)\W+)(?:c'est|c est|c|consiste a|se resume a)\s+(?:juste|seulement|uniquement|rien que)\s+"
                      r"(?:de |d'|du |des )?(?!(?:pour|une?|par|dans|avec|sur|comme|une question)\b)\w{4,}")
# « faut-il forcément passer par … ? », « c'est obligatoire d'avoir été … ? »: whether a step is compulsory.
_COMPULSORY = re.compile(r"\bforcement\b|\bobligatoire\w*|\bobliga\w*|\boblige\w*|\bpasser par\b|\bpasse par\b"
                         r"|\bpasage oblige|\bmust\b|\bhave to\b|\bmandatory\b|\brequired\b")


# « ça consiste en quoi ? », « c'est quoi exactement ? », « donne un exemple »: what, how, why.
_OPEN = re.compile(r"\b(?:quoi|koi|comment|pourquoi|qu'est-ce|qu'est ce|quel(?:le)?s?|consiste\w*|expliqu\w*|c'est a dire"
                   r"|exemples?|decri\w*|detaill\w*|recouvr\w*|signifi\w*|veut dire|avec qui|aupres de qui"
                   r"|what|how|why|which|who|explain)\b"
                   r"|^\W*que\b")


_COUNTED_NOUNS = (r"((?:categories?|types?|familles?|sortes?|kinds?) (?:d'|de |of )outils|missions?|competences?|qualites?"
                  r"|soft skills?|hard skills?|skills?|outils?|taches?|tasks?|qualities|tools?|jobs?"
                  r"|(?:metiers?|postes?) tremplins?|tremplins?|experiences|(?:metiers?|postes?) d(?:'| )?evolutions?|evolutions)")
# « combien de missions ? », « cb de soft skills ? », « how many tools ? », and a number said of them (« il y a
# 5 missions principales, c'est ça ? »)
# (« combien d experiences » as typed without the apostrophe)
_COUNTED = re.compile(r"\b" + HOW_MUCH + r" (?:de |d'|d )\s*(?:\w+ ){0,2}?" + _COUNTED_NOUNS + r"\b"
                      # « les soft skills y en a combien ? »
                      r"|\b" + _COUNTED_NOUNS + r"\s*,?\s*(?:il )?y[ ']?en a (?:" + HOW_MUCH + r")\b"
                      # « combien il y a de missions ? », « combien y a-t-il de qualités ? », « cb ya de … »
                      r"|\b" + HOW_MUCH + r" (?:il )?y[ ']?(?:en )?a(?:-t-il)? (?:en tout |au total )?(?:de |d')\s*"
                      + _COUNTED_NOUNS + r"\b"
                      # « y en a combien en tout, des missions ? », « la fiche en cite combien, de ces qualités ? »
                      r"|\b" + HOW_MUCH + r"(?: en tout| au total)?\s*,? (?:des|de ces|de ses|d'|de) ?" + _COUNTED_NOUNS
                      + r"\b"
                      r"|\bhow many (?:\w+ ){0,2}?" + _COUNTED_NOUNS + r"\b"
                      # « et de soft skills ? » right after « combien de hard skills ? »: the same count of another list
                      r"|^\W*(?:et|ok|puis)?\W*(?:de |d')\s*" + _COUNTED_NOUNS + r"\W*$"
                      # « le nombre exact de qualités ? »
                      r"|\ble nombre (?:exact |total )?(?:de |d'|des )\s*(?:\w+ ){0,2}?" + _COUNTED_NOUNS + r"\b"
                      r"|\b(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze) " + _COUNTED_NOUNS + r"\b")


# « parmi leadership, diplomatie et curiosité, laquelle n'est pas dans les soft skills ? »: the things said, of which the
# one(s) a list lacks are asked
_AMONG = re.compile(r"\b(?:parmi|entre|among)\s*:?\s+(?P<said>[^?]+?)\s*[,\u2014\u2013-]\s*"
                    r"(?:lequel|laquelle|lesquels|lesquelles|quel|quelle"
                    r"|quels|quelles|which)\b(?P<rest>[^?]*)")
_NOT_IN = re.compile(r"\bn'(?:est|sont|apparai\w*|figure\w*)\s+pas\b|\bne sont pas\b|\bne (?:figure|fait|font)\w* pas\b"
                     r"|\bis not\b|\bisn't\b"
                     r"|\bare not\b|\bintrus\b")


def said_among(folded: str) -> Tuple[str, ...]:
    """The things said after « parmi » when the message asks which of them is not in a list; () otherwise."""
    found = _AMONG.search(folded)
    if not found or not _NOT_IN.search(found.group("rest")):
        return ()
    said = re.split(r",|\bet\b|\bou\b|\band\b|\bor\b", found.group("said"))
    return tuple(s.strip() for s in said if s.strip()) if len(said) >= 2 else ()


def _counted(folded: str) -> Optional[str]:
    found = _COUNTED.search(folded)
    return next(g for g in found.groups() if g) if found else None


_EXHAUSTIVE = re.compile(r"\b(?:les |la |le )?seul(?:e|s|es)?\b|\buniques?\b|\bd'autres\b|\bexhausti\w*|\bonly\b"
                         r"|\bautres (?:formations|diplomes|options|ecoles|possibilites|voies|cursus)\b")
_JOINS = re.compile(r"\b(?:ou|or|vs|versus|et|and|entre|plutot|between|les deux|both|than)\b|/"
                    r"|\b(?:mieux|plus|moins|davantage|better|more|less)\b[^?.!]{0,40}\bqu(?:e\b|')"
                    r"|\b(?:devant|derriere|au[- ]dessus|en dessous|superieure?s?|inferieure?s?|ahead of|above|below)\b")


# « avec un master j'ai forcément un poste, c'est garanti ? »: whether a diploma guarantees a job.
_GUARANTEE = re.compile(r"\bgaranti\w*|\bassure(?:e|s)? d'(?:avoir|obtenir|trouver)|\bd'office\b|\bautomatiquement\b"
                        r"|\bsur(?:e|s|es)? d'(?:etre|avoir|obtenir|trouver) (?:embauche|recrute|pris|engage|un poste|un emploi"
                        r"|du travail|un job)\w*"
                        r"|\bforcement (?:un|une|le|la|des) (?:poste|job|emploi|travail|boulot|place)")


class Denial(NamedTuple):
    """What a message says does not count or is not part of the job, read once (one search of the patterns)."""
    premise: Optional[str]
    stems: FrozenSet[str]
    head: str


def premise(folded: str, written: Sequence[str], denied: Optional[re.Match]) -> Optional[str]:
    """« secondaire » when the message says the thing named does not count, « niee » when it says it is not part of
    the job (answered « Si : » when it is), « impossible » when it says it
    cannot be done, « garanti » when it says a diploma it names (`written`) guarantees a job, else None. `denied` is
    the message's belittling or denial (`denial`)."""
    if _GUARANTEE.search(folded) and written:
        return "garanti"
    if _DENIES.search(folded):
        return "impossible"
    if denied:
        return "secondaire" if denied.re is _BELITTLES else "niee"
    return None


# Where the thing a premise belittles ends: « pas besoin d'être adaptable | si on est organisé ».
_CLAUSE_END = re.compile(r"\b(?:si|quand|car|parce|puisque|comme|if|since|because|non)\b|[,;?!.]")
# « aucun outil », « pas de contraintes », « pas besoin de qualités particulières »: a topic denied whole is named in
# the first words of what is denied (« pas de recrutement parmi ses missions » denies an item of one; « ça fait pas
# partie des contraintes » names the list the thing said is in).
DENIED_HEAD_WORDS = 3


def denial(folded: str, written: Sequence[str]) -> Denial:
    """The message's premise (`premise`), the stems of what « plus besoin de … », « pas la peine de … » belittles or
    « il ne fait pas … » denies, up to the end of its clause, and the first words of what it denies whole ("" for
    « ne fait pas partie de »)."""
    found = _BELITTLES.search(folded) or _NEGATED.search(folded)
    said = _CLAUSE_END.split(folded[found.end():], maxsplit=1)[0] if found else ""
    whole = found is not None and "partie" not in found.group(0)
    return Denial(premise(folded, written, found), stems(said),
                  " ".join(said.split()[:DENIED_HEAD_WORDS]) if whole else "")


# « avec un master, j'ai forcément un poste ? »: what the diploma the student would have gives, not whether
# it is required.
_WITH_DIPLOMA = re.compile(r"\bavec (?:un|une|le|la|mon|ma|son|sa|ce|cet|cette) (?:master|mastere|mba|bac ?\+? ?5)")
# « le deuxième, il gagne combien ? »: a profession of those just shown, by its rank (0 first, -1 last); « la
# toute première mission », « la 3e ? », « sa mission n°1 »: an item of a list, by its rank.
_RANK_WORDS = {"premier": 0, "premiere": 0, "1er": 0, "1ere": 0, "1re": 0, "deuxieme": 1, "2e": 1, "2eme": 1,
               "second": 1, "seconde": 1, "troisieme": 2, "3e": 2, "3eme": 2, "quatrieme": 3, "4e": 3, "4eme": 3,
               "cinquieme": 4, "5e": 4, "5eme": 4, "sixieme": 5, "6e": 5, "6eme": 5, "septieme": 6, "7e": 6, "7eme": 6,
               "huitieme": 7, "8e": 7, "8eme": 7, "neuvieme": 8, "9e": 8, "9eme": 8, "dixieme": 9, "10e": 9, "10eme": 9,
               "dernier": -1, "derniere": -1, "avant-dernier": -2, "avant-derniere": -2, "avant dernier": -2,
               "avant derniere": -2}
_ORDINAL = re.compile(r"(?:\b(?:le|la|du|de la|au|a la|pour le|pour la|sa|son|ta|ton"
                      # « le truc que t'as dit en 2e »: the rank something was said at
                      r"|(?:dit|dis|cite|mis|donne|mentionne|liste|parle)e?s?\s+en)\s+|\bl'\s?)(?:toute?\s+|tres\s+)?("
                      + "|".join(sorted(_RANK_WORDS, key=len, reverse=True)) +
                      r")(?![\w-])(?!\s+(?:job|poste|emploi|annee|annees|salaire|diplome|niveau|temps|jour|mois|fois|pas"
                      r"|contact|metier de|minute|moment|chose a faire|etape))"
                      r"|\b(?:n°|no|numero|num) ?(\d{1,2})\b"
                      # « la 2 tu peux développer ? » opening a message: a rank in the list just given, a bare figure
                      r"|^\W*(?:(?:et|ok|bon|alors|euh)\W+)?(?:le|la|l')\s*([1-9])(?![\w.,/-])"
                      r"(?!\s*(?:ans?|annees?|mois|k|€|euros?|%|fois|points?|h|heures?|jours?|semaines?|sur|ou|et|a|x)\b)")


# « on peut devenir ambassadeur ? », « évoluer vers directeur ? », « finir ambassadeur avec ce parcours ? »: the job a
# student would become, as written up to the end of the clause or a complement (« avec », « après »…) (a job the model's
# entity did not find); « évoluer vers du management » names a field, no job; « finir mes études », « on finit à
# quelle heure » none either.
_NO_JOB_NEXT = (r"(?!(?:du|de|des|d'|par|en|avec|dans|comme|a|mon|ma|mes|ton|ta|tes|son|sa|ses|nos|vos"
                r"|quel\w*|quoi|qui|ou|comment|combien|lequel|laquelle|tard|tot)\b)")
_BECOMES = re.compile(r"\b(?:devenir|deviens|devient|evoluer (?:vers|en)|evolue (?:vers|en)|become|finir|finit|fini)\s+"
                      r"(?:un |une |le |la |l')?" + _NO_JOB_NEXT + r"([a-z][a-z' -]{2,40}?)"
                      r"\s*(?:[?!.,;]|\bplus tard\b|\bun jour\b|\b(?:avec|apres|grace a|dans|par|non)\b|$)")


def becomes(text: str, folded: str) -> Optional[str]:
    """The job a message says one would become (« on peut devenir ambassadeur ? »: « ambassadeur »), as the student
    wrote it; None when it names none."""
    found = _BECOMES.search(folded)
    return text[found.start(1):found.end(1)].strip() if found else None


# « combien sont en dessous de 90 ? », « celles au-dessus de 90 », « au moins 90 »: a score threshold (">", ">=", "<"
# or "<=", the score). « plus de » and « moins de » are read only before a score of two or three digits.
_THRESHOLD = re.compile(r"\b(?:(au moins|minimum|at least)|(au plus|maximum|at most)"
                        r"|(au[- ]dessus|plus|superieure?s?|depass\w*|excede\w*|above|over|more than)"
                        r"|(en[- ]dessous|au[- ]dessous|moins|inferieure?s?|sous|below|under|less than))"
                        r"\s+(?:strictement\s+)?(?:de |d'|a |les |than )?(\d{2,3})\b"
                        r"(?!\s*(?:€|euros?|k\b|000|ans?\b|%))")
# « l'écart entre la 1re et la dernière », « la différence de points entre gestion de projet et rédaction ».
_GAP = re.compile(r"\b(?:ecarts?|differences?|diff|gap)\b|\bcombien de points? (?:de plus|de moins|en plus|en moins)\b"
                  r"|[<>][^?]*\bde combien\b")  # (« gestion de projet > rédaction de combien ? »)
# « la moyenne de ces scores ? »
_AVERAGE = re.compile(r"\b(?:moyenne|average|mean)\b")
# « la somme de tous les scores ? »
# (« au total » counts the items: « y en a combien au total ? »)
_SUM = re.compile(r"\b(?:somme|additionn\w*|sum)\b|\b(?:score|note|points?) totale?s?\b"
                  r"|\btotal (?:des|de (?:tous |toutes )?(?:les|ces)) (?:scores|notes|points)\b")
_FIRST_AND_LAST = re.compile(r"\b(?:1ere|1re|1er|premiere|premier|plus haute?|meilleure?)\b.*\b(?:derniere|dernier|plus basse?"
                             r"|moins bonne)\b")


def threshold(folded: str) -> Optional[Tuple[str, int]]:
    """A score threshold a message says (« en dessous de 90 »: ("<", 90); « au moins 90 »: (">=", 90)), None when
    it says none."""
    found = _THRESHOLD.search(folded)
    if not found:
        return None
    sign = ">=" if found.group(1) else "<=" if found.group(2) else ">" if found.group(3) else "<"
    return sign, int(found.group(5))


def score_gap(folded: str) -> Optional[str]:
    """« ends » when a message asks the gap between the first and the last, « named » when it asks a gap between the
    things it names, None when it asks no gap."""
    if not _GAP.search(folded):
        return None
    return "ends" if _FIRST_AND_LAST.search(folded) else "named"


# « cite les 3 premières », « ses deux premiers ? »: the first items of a list, as many as said.
_FIRST_COUNT = re.compile(r"\b(?:les|ses|tes|vos|leurs)\s+(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+premi(?:er|ere)s\b")


def first_count(folded: str) -> Optional[int]:
    """How many first items of a list a message asks for (« les 3 premières »: 3), None when it asks none."""
    found = _FIRST_COUNT.search(folded)
    if not found:
        return None
    number = int(found.group(1)) if found.group(1).isdigit() else NUMBER_WORDS[found.group(1)]
    return number if number > 1 else None


def ordinal(folded: str) -> Optional[int]:
    match = _ORDINAL.search(folded)
    if match is None:
        return None
    number = match.group(2) or match.group(3)
    if number:
        return int(number) - 1 if int(number) > 0 else None
    return _RANK_WORDS[match.group(1)]


# « pour y arriver, il faut quoi ? », « et pour ça ? », « comment y faire face ? », « elles demandent quoi
# en plus ? » : what the previous answer spoke of.
_BACK_REFERENCE = re.compile(r"\by (?:arriv|parv|acced|faire face|remedi|pallier)\w*|\bpour (?:ca|cela)\b"
                             r"|\b(?:les|la|le|l') ?(?:surmont|affront|depass|supporter)\w*"
                             r"|\bavec\W*$"
                             r"|\bces (?:postes|evolutions)\b"
                             r"|\ben arriver la\b|\b(?:decrocher|devenir|devient|atteindre|obtenir) (?:ca|cela|ce poste|ces postes)\b"
                             r"|^\W*(?:\w+\W+){0,2}(?:ca|cela|elles?) (?:demande|necessite|exige|suppose|requier|implique)\w* quoi\b"
                             # « c'est qui qui décide ça ? »: who decides what was just answered
                             r"|\bqui (?:qui )?(?:decide|choisi|fixe|valide|certifie|delivre|reconnai)\w*(?: \w+){0,3}\W*$")
# « tu m'as dit quoi pour … ? », « ce que tu disais tout à l'heure »: what an earlier answer said.
_RECALLS = re.compile(r"\b(?:tu|vous) (?:m'|nous )?(?:as|avez|avais|aviez) (?:dit|parle|explique|donne|cite)\b|\btu disais\b"
                      r"|\bt'(?:as|avais) (?:dit|parle|explique|donne|cite)\b"
                      r"|\bvous disiez\b|\btout a l'heure\b|\bplus haut\b|\bjuste avant\b|\byou (?:said|told|mentioned)\b"
                      r"|\btu viens de (?:dire|parler)\b|\bvous venez de (?:dire|parler)\b|\bcomme tu (?:as )?dit\b")
# « range-les par ordre d'importance », « de la plus à la moins importante » : the whole list, ranked.
_RANKING = re.compile(r"\b(?:class|rang|tri|ordonn)(?:e|es|ez|er)\b|\bclassement|\bhierarchi"
                      r"|ordre d.importance|ordre de priorit|par priorit|\bpodium\b"
                      r"|par ordre|du plus \w+ au moins|de la plus \w+ a la moins"
                      r"|de la plus .{0,30}a la moins|du plus .{0,30}au moins"
                      r"|de la meilleure a la (?:moins bonne|pire)|du meilleur au (?:moins bon|pire)"
                   r"|\bimportance respective|\b(?:niveau|degre|ordre) d.importance respecti\w*|\bpoids respecti\w*")


_IN_RANKING = re.compile(r"\b(?:du|dans le|au|en haut du|en bas du) classement\b")


def ranking(folded: str) -> bool:
    return bool(_RANKING.search(folded))


@dataclass(frozen=True)
class Vocabulary:
    """What the school's files teach the understanding: the phrases of the details fiches do not give
    (knowledge/hors_fiche.yml), the everyday ways of saying the fiches' words (knowledge/reformulations.yml) and
    how to find a profession's name. Built once per school."""

    def in_fiche_words(self, folded: str) -> Tuple[str, str]:
        """A folded text with each everyday phrase replaced by the word fiches use (« qui partent à l'étranger »:
        « mobilite »), for finding the item of a list it speaks of; and those words (« ce qui peut mal tourner »:
        « risques »)."""
        said = []
        for pattern, word in self.reformulations:
            folded, found = pattern.subn(word, folded)
            if found:
                said.append(word)
        return folded, " ".join(said)

    def topics_in(self, folded: str) -> List[str]:
        """The topics a folded text names by their words (sujets.yml « nomme_par »), the first one asked first
        (« sujets_nommes_en_premier »)."""
        return [topic for topic, pattern in self.topic_words if pattern.search(folded)]
    phrases: Tuple[Tuple[str, "re.Pattern"], ...] = ()          # (detail id, phrase pattern)
    # (a word, the indexes of the phrases every match of which holds it: phrase_word), looked for before the phrases
    phrase_words: Tuple[Tuple[str, Tuple[int, ...]], ...] = ()
    exceptions: Tuple[Tuple[str, "re.Pattern"], ...] = ()       # (detail id, a phrase that says it is not asked)
    reformulations: Tuple[Tuple["re.Pattern", str], ...] = ()   # (an everyday phrase, the word fiches use)
    topic_words: Tuple[Tuple[str, "re.Pattern"], ...] = ()     # (topic, the word starts that name it)
    # Each reads the folded message but for resolve_profession, which reads an entity's value as extracted.
    find_profession: Callable[..., Tuple[str, ...]] = lambda folded, **_: ()  # names in a message
    speaks_of_work: Callable[[str], bool] = lambda folded: False          # a word of work or studies
    resolve_profession: Callable[[str], Tuple[str, ...]] = lambda name: ()  # an extracted name
    profession_heads: Callable[[str], Tuple[str, ...]] = lambda folded: ()  # a head noun's candidates
    foreign_profession: Callable[[str], Optional[str]] = lambda folded: None  # a head with a complement none has
    catalogue_request: Callable[..., Request] = lambda folded, numbers=None: Request()  # what it asks of the catalogue
    diplomas: Optional[Diplomas] = None  # the diplomas and levels a message names (knowledge/diplomes.yml)


# « je peux quand même ? », « j'ai une chance ? »: whether it can be done (a « non » first would say it cannot).
_POSSIBLE = re.compile(r"\b(?:je peux|on peut|peut-on|puis-je|je pourrai\w*|on pourrai\w*|possible|accessible|une chance|mes chances"
                       r"|envisageable|can i|could i)\b")


# « sans aucune expérience », « zéro expérience », « with no experience »: a beginner, whom no entity names.
_NO_EXPERIENCE = re.compile(r"\b(?:sans|zero|aucune|pas d'|pas encore d'|pas de|no|without)\s*(?:aucune |la moindre |vraiment d'"
                            r"|d'|d )?(?:experiences?|exp|expe|xp)\b"
                            r"|\bsort\w* (?:tout juste |juste |a peine )?(?:d'|de l')(?:ecole|etudes|fac|universite)\b"
                            # « je pourrai gagner cb en sortant ? », « à la sortie de l'école »
                            r"|\ben sortant\b(?! du (?:travail|taf|boulot|bureau|lycee|college))"
                            r"|\ba la sortie (?:de l'|d'|de |du |des )(?:ecole|etudes|fac|diplome|bachelor|bts|mastere|master)\b")


# « pour le début », « si je commence », « the starting salary »: a beginner, when no entity names a level.
_BEGINNING = re.compile(r"\b(?:pour|au|en) (?:le |tout )?debut\b|\bstarting (?:salary|pay|wage)\b|\bentry[- ]level\b"
                        r"|\b(?:si|quand|qd|kan|lorsque|lorsqu'|des que) ?(?:je|j'|on|tu) ?(?:commence|debute|demarre)\w*\b"
                        # « un chargé de mission qui débute »: someone at the start (not « la fourchette qui commence à 30k »)
                        r"|\bqui (?:debute|demarre|commence)(?:nt)?\b(?! (?:a|par|en|vers) )"
                        # « le salère d'un debutan »: the word typed with a letter less or more, which no entity reads
                        r"|\bdebu?t+(?:an|en|ent)s?\b|\bdebuttante?s?\b")


# « en fin de parcours », « plus tard », « avec de l'expérience »: later in a career, beside a beginner in the same message.
_LATER = re.compile(r"\ben fin de (?:carriere|parcours)\b|\bplus tard\b|\bavec (?:de l'|l')experience\b|\bapres quelques annees\b"
                    r"|\bau bout de quelques annees\b|\bexperimente\w*|\blater\b|\bwith experience\b")


# « je suis prof d'anglais et je veux me reconvertir », « ancienne infirmière » : the student's own job, not one asked.
_OWN_JOB = r"\b(?:je suis|j'?etais|j'?ai ete|je travaille comme|je bosse comme|je bossais comme|je travaillais comme" \
           r"|en (?:ma|sa|votre|notre) qualite d[e']" \
           r"|actuellement|ancien|ancienne|ex" \
           r"|mon|ma|mes|notre|nos)\s+(?:un |une |en tant que |comme )?"  # (« mon prof principal dit que… »: someone's)


def own_job(folded: str, entity: str) -> bool:
    """Whether the profession a message names (`entity`, as written) is what the student is or was, or someone of
    theirs (« ma prof d'allemand m'a dit… »): no profession asked about."""
    return bool(re.search(_OWN_JOB + re.escape(fold(entity)) + r"\b", folded))


# A sentence: up to its end mark and the space after it.
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+(?:\s+|$)|$)")
# A question that asks about the job or one of its topics by itself (« combien gagne un débutant dans ce métier ? »).
_ABOUT_THE_JOB = re.compile(r"\b(?:metier|boulot|job|travail|poste|taf)\b|\bce que c'est\b|\ben quoi (?:ca|il|elle) consiste\b")
# « est-ce que ça compte ? », « ce défaut me pénalise ? »: a question about what the story says.
_TO_THE_STORY = re.compile(r"\b(?:ca|cela|ce (?:defaut|point|trait|profil|parcours)|cette (?:qualite|experience)"
                           r"|mon (?:profil|parcours|experience|caractere)|ma (?:personnalite|situation)|pour moi)\b")


_ASKS_UNMARKED = re.compile(r"\b" + HOW_MUCH + r"\b|" + _OPEN.pattern)


def asked_sentences(asking: str, vocabulary: Vocabulary) -> str:
    """A long message with its story blanked out (same length): « j'ai 29 ans, 6 ans dans la logistique au Canada…
    Combien gagne un débutant ? » asks the pay, not what the fiche says of a retraining or a country. Only when
    the questions (the sentences with « ? ») say what they ask about: the job or one of its topics; « c'est
    possible pour moi ? », « est-ce que ça compte dans ce métier ? » leave the story as it is, since the story is what
    they ask about."""
    sentences = [m.group(0) for m in _SENTENCE.finditer(asking) if m.group(0)]
    asks = [i for i, sentence in enumerate(sentences) if "?" in sentence]
    # « ya du taf ? genre combien de postes »: a last sentence with no « ? » that asks (how much, what…) goes on with
    # the question before it
    asks += [i for i in range(max(asks, default=len(sentences)) + 1, len(sentences))
             if _ASKS_UNMARKED.search(sentences[i])]
    if len(sentences) < 2 or not asks or len(asks) == len(sentences):
        return asking
    questions = " ".join(sentences[i] for i in asks)
    if not (vocabulary.topics_in(questions) or _ABOUT_THE_JOB.search(questions)) or _TO_THE_STORY.search(questions):
        return asking
    return "".join(sentence if i in asks else " " * len(sentence) for i, sentence in enumerate(sentences))


def absent_phrases(vocabulary: Vocabulary, asking: str) -> Tuple[int, ...]:
    """The indexes of the phrases of details fiches do not give that a message holds, but for a detail one of
    whose exceptions it also holds (hors_fiche.yml « sauf »)."""
    groups = vocabulary.phrase_words or (("", tuple(range(len(vocabulary.phrases)))),)
    found = sorted(i for word, indexes in groups if word in asking for i in indexes
                   if vocabulary.phrases[i][1].search(asking))
    if not found:
        return ()
    unasked = {name for name, pattern in vocabulary.exceptions if pattern.search(asking)}
    return tuple(i for i in found if vocabulary.phrases[i][0] not in unasked)


@dataclass(frozen=True)
class Question:
    """Everything a message says, computed once: the reply builders and the dialogue read these
    fields, never the raw text again. Frozen: a changed question is a `dataclasses.replace`."""
    topic: Optional[str]
    text: str = ""
    folded: str = ""
    experience: Optional[str] = None      # entity « experience », when a single level is asked
    diploma: Optional[str] = None         # entity « diplome »
    diplomas: Tuple[str, ...] = ()        # every diploma named in the whole message
    skill: Optional[str] = None           # entity « competence »
    skills: Tuple[str, ...] = ()          # every « competence » named (« plutôt rédaction ou analyse ? »: two)
    profession_entity: Optional[str] = None  # entity « metier », as written
    asks_possible: bool = False           # whether something can be done (« je peux quand même ? », « j'ai une chance ? »)
    own_job: bool = False                    # that profession is the student's own (« je suis prof d'anglais »)
    years: Optional[int] = None
    # "sans master", "juste un BTS": the student's situation, which changes the diploma answer.
    situation: Optional[DiplomaSituation] = None
    superlative: Optional[str] = None     # "max", "min" or None
    ranked: bool = False                  # the whole list asked in order (« range-les par importance »)
    asks_necessity: bool = False
    asks_sufficiency: bool = False
    asks_bac5: bool = False
    fragment: bool = False                # leans on the previous message (« et pour un senior ? »)
    refers_back: bool = False             # points at what the previous answer spoke of (« pour y arriver »)
    recalls: bool = False                 # points at what was said earlier (« tu m'as dit quoi pour … ? »)
    asks_variation: bool = False          # whether the list varies (« c'est pareil partout ? »): its caveat answers
    first_count: Optional[int] = None     # « les 3 premières »: the first items of a list
    threshold: Optional[Tuple[str, int]] = None  # « en dessous de 90 »: a score threshold
    gap: Optional[str] = None             # « l'écart entre … et … »: « ends » (the first and the last) or « named »
    average: bool = False                 # « la moyenne de ces scores ? »
    summed: bool = False                  # « la somme des scores ? »
    becomes: Optional[str] = None         # the job one would become (« devenir ambassadeur ? »), as written
    ordinal: Optional[int] = None         # « le deuxième »: a rank among the professions just shown or a list's items (-1: the last)
    with_diploma: bool = False            # « avec un master, … ? »: what the diploma gives, not whether it is required
    about_work: bool = False              # speaks of work or studies at all
    stems: FrozenSet[str] = frozenset()
    # Indexes (in Vocabulary.phrases) of the phrases of details fiches do not give that the message contains.
    phrases: Tuple[int, ...] = ()
    named: Tuple[str, ...] = ()           # professions whose name the message contains (several: ambiguous)
    entity_named: Tuple[str, ...] = ()    # professions the « metier » entity refers to
    # A head noun that starts several names and names none alone (« combien gagne un technicien ? »):
    # its candidates, best first (core/names.py, NameIndex.heads).
    heads: Tuple[str, ...] = ()
    foreign: Optional[str] = None  # another job said with a head of the school's names (« un chargé de communication »)
    parts: Tuple["Part", ...] = ()
    # What the message asks for (« quelles entreprises », « combien de femmes »): a topic answer that
    # does not hold it is not the answer (core/coverage.py).
    asked: Tuple[Asked, ...] = ()
    # Professions named in separate parts of the message (two or more: a comparison), the topic to
    # compare them on, and whether the message compares at all (« lequel des deux paye le mieux ? »).
    compared: Tuple[str, ...] = ()
    compare_topic: Optional[str] = None
    topics_named: Tuple[str, ...] = ()    # topics the message names by their words (« salaire », « qualités »), first asked first
    comparative: bool = False
    # What the experience levels mean, or years of study or an age taken for experience (core/levels.py).
    levels: Optional[LevelsAsk] = None
    # « c'est secondaire ? », « c'est impossible j'imagine ? », « un master, c'est un poste garanti ? »
    # (« garanti »): a premise the answer may contradict.
    premise: Optional[str] = None
    # « pas besoin d'être adaptable si on est organisé ? »: the stems of what the premise belittles (« adaptable »),
    # when the message says it after the premise's words; empty otherwise.
    premise_stems: FrozenSet[str] = frozenset()
    denied_topics: Tuple[str, ...] = ()    # topics denied or belittled whole (« il n'y a aucun outil ? »)
    # (euros, per month, bound) of an amount of money the message states (« un débutant gagne 45 000 € ? »)
    amount: Optional[Tuple[int, bool, Optional[str]]] = None
    bare_amount: Optional[Tuple[int, bool, Optional[str]]] = None  # a number alone that is an amount after the pay
    numbers: Tuple[Amount, ...] = ()      # every number the message writes, in order (core/amounts.py)
    of_first_job: bool = False            # said of the first job (« le salaire de départ c'est 45 000 € ? »)
    retracted: bool = False               # the start of the message taken back (« le salaire... non en fait les études »)
    score_asked: bool = False             # a score asked, with no word of pay (« elle est notée combien ? »)
    progression: bool = False             # how pay grows (« le salaire augmente avec l'expérience ? »)
    about_pay: bool = False               # a word of pay (« salaire », « gagne », « € »…)
    # « donc c'est un genre de diplomate, c'est ça ? »: what the job is, said by the student for checking;
    # the fiche's definition answers it, never a « oui ».
    checks_identity: bool = False
    # « faut-il forcément passer par un poste d'assistant avant ? »: whether a step is compulsory.
    asks_compulsory: bool = False
    # « la veille, ça consiste en quoi ? »: an open question (what, how, why), not one answered by « oui ».
    asks_open: bool = False
    # « combien de missions la fiche cite-t-elle ? »: how many items of a list (the noun counted, folded).
    counted: Optional[str] = None
    # « parmi A, B et C, laquelle n'est pas dans les soft skills ? »: the things said (folded), one of which a list lacks
    among: Tuple[str, ...] = ()
    # the stems of the fiche words the message says in everyday words (knowledge/reformulations.yml): the item they
    # name wins over one that only shares a word of the rest of the message (« ce qui peut mal tourner dans un projet »)
    fiche_stems: FrozenSet[str] = frozenset()
    # « les formations dont tu parles sont les seules ? »: whether the list is all there is.
    asks_exhaustive: bool = False
    # « X ou Y ? », « X vs Y », « X et Y »: the message may name several items of a list on purpose.
    joins: bool = False
    # « c'est garanti d'avoir un poste ? », « je suis sûr d'être embauché ? »: whether something guarantees a job
    # (with a diploma the message names, the premise is « garanti »).
    guaranteed: bool = False
    # The diplomas the message names in words (« le master », « un bac+3 »), whether or not the NLU's entity
    # caught them.
    written_diplomas: Tuple[str, ...] = ()
    # What the message asks of the catalogue (interests, salary and diploma limits, a superlative over it).
    request: Request = Request()
    # What its wording tells the dialogue beyond its topic (core/cues.py).
    cues: Cues = Cues()
    # « l'écart entre le max débutant et le min confirmé ? »: a calculation on the pay figures (core/pay_sums.py).
    pay_sum: Optional[PaySum] = None
    # « et pour un confirmé ? », « et en pourcentage ? »: what a short follow-up changes of the last calculation
    pay_piece: Optional[PaySum] = None

    @property
    def word_count(self) -> int:
        """How many words the message has (split on spaces): the dialogue's measure of a short follow-up."""
        return len(self.folded.split())


@dataclass(frozen=True)
class Part:
    """One part of a compound message, classified on its own by the NLU."""
    intent: Optional[str]
    confidence: float
    question: Question


def _entity_values(entities: Sequence[dict], name: str, span: Optional[Tuple[int, int]] = None) -> List[str]:
    values: List[str] = []
    for ent in entities or ():
        if ent.get("entity") != name or not isinstance(ent.get("value"), str):
            continue
        if span and isinstance(ent.get("start"), int) and not span[0] <= ent["start"] < span[1]:
            continue
        if ent["value"] not in values:
            values.append(ent["value"])
    return values


# « mon prof », « ma conseillère », « son coach »: a person of the student's (or of someone's) life, named by a job.
_POSSESSIVE_BEFORE = re.compile(r"\b(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs)\s+$")
# « si on a un traducteur », « on utilise un traducteur ? »: a thing one has or uses, said with a word that is also a job
_THING_BEFORE = re.compile(r"(?<!\by )(?<!\bya )\b(?:a|ai|as|avons|avez|ont|avoir|utilise\w*|achete\w*)\s+"
                           r"(?:un|une|le|la|l'|des)\s*$")  # (« il y a un plombier ? » asks of one)
# « faut être diplomate ? », « il faut être très diplomate »: a quality asked, said with a word that is also a job
_QUALITY_BEFORE = re.compile(r"\b(?:faut|faut-il|faudrait|doit|doivent|savoir|sais)\s+(?:etre|etre\s+un\s+peu)\s+"
                             r"(?:(?:tres|assez|plutot|vraiment|super|hyper|trop|bien)\s+)?$"
                             r"|\b(?:tres|assez|plutot|vraiment|super|hyper|trop|un peu)\s+$"
                             # « la diplomatie, c'est pas un job d'ambassadeur ? »: a quality likened to another job's
                             r"|\b(?:c'est|c est|c)\s+(?:pas\s+)?(?:plutot\s+)?(?:un|une)\s+(?:job|metier|truc|boulot|qualite)"
                             r"\s+(?:d'|de\s+|pour\s+(?:un\s+|une\s+|les\s+)?)$")

# « tu confirmes ? »: a verb after its subject.
_SUBJECT_BEFORE = re.compile(r"\b(?:je|j'|tu|il|elle|on|nous|vous)\s*$")


def _one_word(folded: str, entity: dict) -> bool:
    """Whether an entity the NLU extracted is one word as written (« confirmes »), not several (« sors d'école »)."""
    start, end = entity.get("start"), entity.get("end")
    return not (isinstance(start, int) and isinstance(end, int) and re.search(r"[\s']", folded[start:end]))


def _preceded(folded: str, entity: dict, before: "re.Pattern") -> bool:
    """Whether an entity the NLU extracted (its `start` in the message) follows what `before` reads."""
    start = entity.get("start")
    return isinstance(start, int) and 0 < start <= len(folded) and bool(before.search(folded[:start]))


# A message that compares (two professions in play: « lequel paye le mieux ? », « et entre les deux ? »).
_COMPARATIVE = re.compile(
    r"\b(lequel|laquelle|lesquels|lesquelles|des deux|entre (les|ces) deux|les deux|l'un (ou|et) l'autre"
    r"|compar\w*|differen\w*|le mieux|le plus|le moins|plus (\w+ )?que|moins (\w+ )?que|vs|versus)\b")
_CHOICE = re.compile(r"\b(?:hesit\w*|choisir|choix|entre)\b")
_APART = re.compile(r"\b(?:et|ou|vs|versus|contre|entre|avec|plutot que|que|par rapport a|compare a)\b|[,;/?:]")
def named_apart(folded: str, vocabulary: "Vocabulary", at_work: Optional[bool] = None) -> Tuple[str, ...]:
    """The professions a message (folded) names in separate parts, in order (each part looked up in the name
    index: a name two professions share is not counted). `at_work`: whether the message speaks of work (read from it
    when not given)."""
    ids: List[str] = []
    # each part is read in the whole message's light: one that speaks of work, or weighs a choice (« j'hésite entre
    # l'ingé son et le styliste »), names jobs by words that are also everyday ones
    at_work = (vocabulary.speaks_of_work(folded) if at_work is None else at_work) or bool(_CHOICE.search(folded))
    for part in _APART.split(folded):
        found = vocabulary.find_profession(part, at_work=at_work) if part and part.strip() else ()
        if len(found) == 1 and found[0] not in ids:
            ids.append(found[0])
    return tuple(ids)


# « le salaire... non en fait les études », « les outils, enfin non, les qualités »: the student takes back what came first
_RETRACTED = re.compile(r"\b(?:non|nan|ah non|euh non)\W+(?:en fait|plutot|pardon|je veux dire|attends)\b\W*"
                        r"|\benfin non\b\W*|\bnon pardon\b\W*")


def retracted(folded: str) -> int:
    """Where what a student asks instead starts, after taking back the start of the message; 0 when nothing is
    taken back (« il faut un bac+5 non ? » takes nothing back)."""
    found = None
    for found in _RETRACTED.finditer(folded):
        pass
    return found.end() if found is not None and found.start() > 0 and re.search(r"\w", folded[found.end():]) else 0


def understand(text: str, entities: Sequence[dict] = (), topic: Optional[str] = None,
               parts: Sequence[dict] = (), vocabulary: Vocabulary = Vocabulary(),
               span: Optional[Tuple[int, int]] = None, folded: Optional[str] = None) -> Question:
    """The message (or, with `span`, one part of it) understood once: folded once, every reading below works
    on that folded text (`folded`: a part's, cut from the whole message's).

    `entities` and `parts` are what the NLU gives (Rasa's « entities » and the classifier's
    « question_parts »); `topic` is the intent. A part's question reads the entities inside its span.
    """
    text, cut = text or "", 0
    if folded is None:
        folded = fold(text)
        cut = retracted(folded) if span is None else 0
    if cut:
        # « le salaire... non en fait les études »: what the student asks instead, alone (the entities after it, moved
        # with it; the classifier's parts were cut from the whole message)
        text, folded, parts = text[cut:], folded[cut:], ()
        entities = [{**e, "start": e["start"] - cut, "end": e["end"] - cut} for e in entities or ()
                    if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and e["start"] >= cut]
    asking = masked_folded(folded)
    ranked = ranking(folded)
    if ranked and _IN_RANKING.search(folded) and superlative(folded):
        ranked = False  # « la plus faible du classement ? » asks one end of the ranking, not the ranking
    # (« tu confirmes ? », « on débute à combien ? »: a verb after its subject; « je sors d'école » is a level of pay)
    levels = _entity_values([e for e in entities or () if not (_preceded(folded, e, _SUBJECT_BEFORE)
                                                                and _one_word(folded, e))], "experience", span)
    diplomas = _entity_values(entities, "diplome", span)
    skills = _entity_values(entities, "competence", span)
    # (« mon prof dit que… »: someone of the student's, no profession asked)
    names = _entity_values([e for e in entities or () if not _preceded(folded, e, _POSSESSIVE_BEFORE)
                            and not _preceded(folded, e, _QUALITY_BEFORE) and not _preceded(folded, e, _THING_BEFORE)],
                           "metier", span)
    at_work = vocabulary.speaks_of_work(folded)
    compared = named_apart(folded, vocabulary, at_work)
    topics_named = tuple(vocabulary.topics_in(folded))  # the first one is what two professions are compared on
    fragment = _FRAGMENT.match(folded)
    split = tuple(Part(p.get("intent"), float(p.get("confidence") or 0.0), _part(p, text, folded, entities, vocabulary))
                  for p in parts or ()) if span is None else ()
    counted = _counted(folded)
    if counted and not _PAY_WORDS.search(folded) and any(p.intent == "salaire" for p in split):
        # « la fiche en cite combien en tout, de ces qualités ? » asks one thing, how many qualities: its « combien »
        # read apart is no question of pay
        split = ()
    if _LEVEL_ASKED.search(folded) and not _PAY_WORDS.search(folded):
        split = ()  # « mastère c bac+ combien » asks a level: its « combien » read apart is no question of pay
    # « écoute active et communication c'est pareil ? »: a part the classifier reads as the pay with nothing of pay in
    # it (no word, amount, level nor « combien ») asks no pay; a detail the fiche lacks in it is still read
    split = tuple(p if p.intent != "salaire" or _asks_pay(p.question) else Part(None, p.confidence, p.question)
                  for p in split)
    written, situation = written_diplomas(vocabulary, text, folded)
    # the items of a list the questions name, in the words fiches use, and those said in everyday words
    in_fiche, fiche_said = vocabulary.in_fiche_words(asked_sentences(folded, vocabulary))
    named = vocabulary.find_profession(folded, proper=proper_names(text)) if span is None else ()
    paid = bool(_PAY_WORDS.search(folded))
    numbers = tuple(amounts(folded))
    wording = cues(folded)
    denied = denial(folded, written)
    return Question(
        topic=topic, text=text, folded=folded,
        # "débutant et confirmé" asks both levels: the general answer gives both.
        # « au début et en fin de parcours » asks both levels too.
        experience=(levels[0] if len(levels) == 1 and not (levels[0] == "debutant" and _LATER.search(folded))
                    else "debutant" if not levels and (_NO_EXPERIENCE.search(folded)
                                                       or _BEGINNING.search(folded) and not _LATER.search(folded))
                    else None),
        diploma=diplomas[0] if diplomas else None,
        diplomas=tuple(_entity_values(entities, "diplome")), written_diplomas=written,
        skill=skills[0] if skills else None, skills=tuple(skills),
        asks_possible=bool(_POSSIBLE.search(folded)),
        profession_entity=names[0] if names else None, own_job=bool(names) and own_job(folded, names[0]),
        years=years_in(folded), situation=situation,
        superlative=None if ranked else superlative(folded), ranked=ranked,
        asks_necessity=bool(_NECESSITY.search(folded)), asks_sufficiency=bool(_SUFFICIENCY.search(folded)),
        asks_bac5=bool(_BAC5.search(folded)), fragment=bool(fragment),
        refers_back=bool(_BACK_REFERENCE.search(folded)), recalls=bool(_RECALLS.search(folded)),
        asks_variation=bool(_VARIATION.search(folded)), with_diploma=bool(_WITH_DIPLOMA.search(folded)),
        ordinal=ordinal(folded) if span is None else None,
        first_count=first_count(folded) if span is None else None,
        threshold=threshold(folded), gap=score_gap(folded), average=bool(_AVERAGE.search(folded)),
        summed=bool(_SUM.search(folded)),
        becomes=becomes(text, folded) if span is None else None,
        # the items of a list the questions name, not those of the story told before them (asked_sentences)
        # a word of work or studies, or a profession's name: « quel temps fait-il à Paris ? » has neither
        about_work=at_work or bool(named), stems=stems(in_fiche), fiche_stems=stems(fiche_said),
        # Read without the courtesy (« je suis lycéen à Lyon » introduces the student, it asks nothing of Lyon)
        # nor the story told before the questions.
        # (« je suis en reconversion à 35 ans… c'est réaliste pour moi ? »: the introduction the courtesy blanks is what
        # is asked about)
        phrases=absent_phrases(vocabulary, asked_sentences(folded if _TO_THE_STORY.search(folded) else asking, vocabulary)),
        named=named,
        entity_named=vocabulary.resolve_profession(names[0]) if names else (),
        heads=vocabulary.profession_heads(folded) if span is None else (),
        foreign=vocabulary.foreign_profession(folded) if span is None and not named else None,
        topics_named=topics_named,
        parts=split, asked=asked_objects(text, folded),
        compared=compared if span is None else (), compare_topic=next(iter(topics_named), None),
        comparative=bool(_COMPARATIVE.search(folded)),
        levels=levels_asked(folded) if span is None else None, premise=denied.premise,
        amount=stated_amount(folded, numbers), bare_amount=bare_amount(folded, numbers),
        of_first_job=bool(_FIRST_JOB.search(folded)), retracted=bool(cut),
        premise_stems=denied.stems, denied_topics=tuple(vocabulary.topics_in(denied.head)),
        score_asked=asks_score(folded), progression=bool(_PROGRESSION.search(folded)),
        about_pay=paid, checks_identity=bool(_CHECKS_IDENTITY.search(folded)
                                                                       or (_LIKENED.search(folded) or _REDUCED.search(folded))
                                                                       and not written),
        asks_compulsory=bool(_COMPULSORY.search(folded)), asks_open=bool(_OPEN.search(folded)) or wording.which_one,
        # (« et la créativité, elle y est ? »: the « et » that follows up joins nothing)
        joins=bool(_JOINS.search(folded[fragment.end():] if fragment else folded)),
        asks_exhaustive=bool(_EXHAUSTIVE.search(folded)),
        counted=counted, among=said_among(folded), guaranteed=bool(_GUARANTEE.search(folded)),
        request=vocabulary.catalogue_request(folded, numbers=numbers) if span is None else Request(), cues=wording,
        numbers=numbers, pay_sum=pay_sum(folded, paid, numbers), pay_piece=pay_piece(folded))


# What asks the pay besides its words: « combien », « ça rapporte », « on touche », « par mois ».
_PAY_ASKED = re.compile(r"\b(?:combien|cb|cmb|how much|rapport\w*|touch\w*|smic|par mois|par an|l'an|mensuel\w*)\b")


def _asks_pay(q: "Question") -> bool:
    """Whether a part of a message says anything of pay: a word of pay, an amount, a level, a calculation."""
    return q.about_pay or any(a.marked or a.value >= 500 for a in q.numbers) or q.experience is not None or q.pay_sum is not None \
        or q.pay_piece is not None or bool(_PAY_ASKED.search(q.folded))


def _part(part: dict, text: str, folded: str, entities: Sequence[dict], vocabulary: Vocabulary) -> Question:
    """One part of a compound message understood on its own: its folded text is cut from the message's (a fold
    keeps every character's place), unless the NLU gave a part that is not where its offsets say."""
    start, end = part.get("start", 0), part.get("end", len(text))
    said = part.get("text") or text
    cut = folded[start:end] if isinstance(start, int) and isinstance(end, int) and text[start:end] == said else None
    return understand(said, entities, part.get("intent"), vocabulary=vocabulary, span=(start, end), folded=cut)
