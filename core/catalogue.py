"""The school's catalogue as a student explores it: the list by famille (paged) and the search by
interest or situation. Pure functions over Profession objects; the wording is the caller's.

A search is made of real filters (salary, diploma level) computed from the knowledge fields, and of
interests (tourisme, langues, voyage…) matched against the words of the fiche itself: a profession
is suggested only with the words of its fiche that match and the rubrique they come from.
"""
import bisect
import functools
import heapq
import operator
import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Sequence, Tuple

from core import diplomas
from core.amounts import MONTHLY, Amount, amounts
from core.diplomas import Diplomas, Mention
from core.knowledge import Profession, euros
from core.textnorm import NUMBER_WORDS, fold

# A catalogue of BY_FAMILY professions or fewer is listed whole; a longer one starts its list by familles
# (buttons with counts), and a famille longer than PER_PAGE is paged: nobody pages through hundreds.
PER_PAGE = 20
BY_FAMILY = 20
OTHER_FAMILY = "autres métiers"
# An interest's result is kept when its fiche speaks of it at least a third as much as the best one's.
RELEVANT_SHARE = 3
# A superlative over the catalogue (« le métier le mieux payé ») shows the best and the next ones, this many in all.
RANKED = 3


def word_pattern(word: str) -> str:
    """A word of knowledge/interets.yml as a pattern on folded text: whole word, or a word start (« touris* »)."""
    word = fold(word).strip()
    if word.endswith("*"):
        return r"(?<![a-z0-9])" + re.escape(word[:-1].strip())
    return r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"


# A refusal of what follows in the clause (« sans », « pas de », « je ne veux pas », « j'aime pas »), not a doubt
# (« je sais pas si »).
_REFUSAL = re.compile(r"(?:\bsans|\bpas (?:de|d'|du|des|le|la|les|l'|trop|travailler|bosser|etre|avoir|faire)"
                      r"|\b(?:veux|voudrais|aime|aimerais|supporte|peux) pas|\bjamais|\beviter?|\baucune?"
                      r"|\bdeteste|\bhorreur d[eu']|\bni)\b[^,.;:!?]{0,30}$")

# A negation right after the word (« un métier où on voyage pas »), the « ne » dropped as students write.
_REFUSED_AFTER = re.compile(r"\w*\s+(?:pas(?! mal| que)|jamais)\b")


# Each interest's pattern compiled once per process: there are more of them than re's own cache holds (512),
# so every School built again (a reload, make check on a copy) compiled them all again.
_compiled = functools.lru_cache(maxsize=None)(re.compile)


@dataclass(frozen=True)
class Interests:
    """The school's vocabulary of interests (knowledge/interets.yml): how a student names each one, and the
    words a fiche uses when it speaks of it. Built once per school."""
    labels: Dict[str, str] = field(default_factory=dict)
    asked: Dict[str, "re.Pattern"] = field(default_factory=dict)     # interest -> words of a message
    said: Dict[str, "re.Pattern"] = field(default_factory=dict)      # interest -> words of a fiche
    starts: Dict[str, Tuple[str, ...]] = field(default_factory=dict)  # interest -> first words of its fiche words
    terms: Dict[str, Tuple[str, ...]] = field(default_factory=dict)   # interest -> its fiche words, folded

    @classmethod
    def of(cls, entries: Dict[str, Tuple[str, Sequence[str], Sequence[str]]]) -> "Interests":
        """From {interest: (label, words of a message, words of a fiche)}."""
        def alternation(words):
            return _compiled("|".join(word_pattern(w) for w in words) if words else r"(?!x)x")
        return cls({k: label for k, (label, _, _) in entries.items()},
                   {k: alternation(asked) for k, (_, asked, _) in entries.items()},
                   {k: alternation(said) for k, (_, _, said) in entries.items()},
                   {k: tuple(dict.fromkeys(fold(w).rstrip("*").split()[0] for w in said if w.strip("* ")))
                    for k, (_, _, said) in entries.items()},
                   {k: tuple(fold(w).strip() for w in said if w.strip("* ")) for k, (_, _, said) in entries.items()})

    def named_in(self, folded: str) -> Tuple[str, ...]:
        return tuple(k for k, pattern in self.asked.items() if pattern.search(folded))

    def wanted_and_avoided(self, folded: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
        """The interests a message names, split into those it wants and those it refuses (« sans travail
        de nuit », « je n'aime pas les chiffres »): a refusal is a negation in the same clause, just before."""
        wanted, avoided = [], []
        for k, pattern in self.asked.items():
            spans = list(pattern.finditer(folded))
            if not spans:
                continue
            clause = lambda m: re.split(r"[,.;:!?]| mais | et | ou ", folded[:m.start()])[-1]  # noqa: E731
            refused = lambda m: _REFUSAL.search(clause(m)) or _REFUSED_AFTER.match(folded, m.end())  # noqa: E731
            (avoided if all(refused(m) for m in spans) else wanted).append(k)
        return tuple(wanted), tuple(avoided)


    def label(self, interest: str) -> str:
        return self.labels.get(interest, interest)


@dataclass(frozen=True)
class Page:
    groups: Tuple[Tuple[str, Tuple[Profession, ...]], ...]   # (famille, professions) in order
    more: bool                                               # a « Voir plus de métiers » button


def by_family(professions: Sequence[Profession]) -> bool:
    """Whether the list starts by familles: a long catalogue with more than one famille."""
    return len(professions) > BY_FAMILY and len({p.famille for p in professions}) > 1


def in_family(professions: Sequence[Profession], famille: str) -> List[Profession]:
    """The professions of one famille (as written in the fiches, or OTHER_FAMILY for those without)."""
    wanted = fold(famille).strip()
    return [p for p in professions if fold(p.famille or OTHER_FAMILY).strip() == wanted]


def family_named(folded: str, professions) -> Optional[str]:
    """The famille a list request (folded) names (« quels metiers dans la sante ? »): one whose label holds a
    word of the message (four letters at least, whole word), when only one famille does."""
    asked = {w for w in re.findall(r"[a-z]{4,}", folded) if w not in _NOT_A_FAMILY}
    if not asked:
        return None
    familles = professions.familles if isinstance(professions, SearchIndex) else {p.famille for p in professions
                                                                                  if p.famille}
    named = {f for f in familles if asked & set(re.findall(r"[a-z]{4,}", fold(f)))}
    return named.pop() if len(named) == 1 else None


_NOT_A_FAMILY = frozenset({"metier", "metiers", "autre", "autres", "avez", "quels", "quelles", "liste", "tous",
                           "toutes", "dans", "domaine", "domaines", "secteur", "secteurs", "ecole", "vous"})


def families(professions: Sequence[Profession], other: str = OTHER_FAMILY) -> Dict[str, List[Profession]]:
    out: Dict[str, List[Profession]] = {}
    for p in sorted(professions, key=lambda p: (fold(p.famille or "~"), fold(p.intitule))):
        out.setdefault(p.famille or other, []).append(p)
    return out


def page(professions: Sequence[Profession], number: int = 0, per_page: int = PER_PAGE) -> Page:
    """Page `number` (from 0) of the catalogue, grouped by famille."""
    ordered = [p for group in families(professions).values() for p in group]
    shown = ordered[number * per_page:(number + 1) * per_page]
    groups: Dict[str, List[Profession]] = {}
    for p in shown:
        groups.setdefault(p.famille or OTHER_FAMILY, []).append(p)
    return Page(tuple((k, tuple(v)) for k, v in groups.items()), (number + 1) * per_page < len(ordered))


@dataclass(frozen=True)
class Request:
    """What a search asks: interests, and real filters."""
    interests: Tuple[str, ...] = ()
    min_salary: Optional[int] = None
    max_years: Optional[int] = None        # « sans bac+5 » -> 4, « avec un BTS » -> 2
    min_years: Optional[int] = None        # « ceux qui exigent un bac+5 » -> 5
    starting: bool = False                 # the salary asked is a beginner's (« dès la sortie de l'école »)
    rank: Optional[Tuple[str, str]] = None  # (« salaire » or « etudes », « max » or « min »): a superlative
    avoids: Tuple[str, ...] = ()           # interests the student does not want (« sans travail de nuit »)

    @property
    def asks(self) -> bool:
        """Whether the message sets anything a search reads: an interest, a salary or a diploma limit,
        a superlative over the catalogue (« le métier le mieux payé »), or a condition to avoid."""
        return bool(self.interests or self.min_salary is not None or self.max_years is not None
                    or self.min_years is not None or self.rank is not None or self.avoids)


def request(folded: str, interests: Interests = Interests(), diploma_words: Optional[Diplomas] = None,
            numbers: Optional[Sequence[Amount]] = None) -> Request:
    """What a message (folded) asks of the catalogue: the interests it names (the school's vocabulary), and the
    salary and diploma limits it sets (« plus de 45k », « sans bac+5 », « juste un BTS », « des études courtes »): the
    diplomas and levels named, read with the school's words (`diploma_words`; none without them). `numbers`: the
    message's amounts, when the understanding already read them."""
    t = folded.replace("\u202f", " ").replace("\u00a0", " ")
    named = diploma_words.mentions(t, folded=t) if diploma_words else ()
    most = years_asked(t, named)
    wanted, avoided = interests.wanted_and_avoided(t)
    return Request(wanted, salary_asked(t, numbers), most, None if most is not None else years_required(t, named),
                   bool(_STARTING.search(t)), rank_asked(t), avoided)


# The salary of a beginner: « dès la sortie de l'école », « pour commencer », « en début de carrière ».
_STARTING = re.compile(r"\b(?:debut\w*|commenc\w*|sortie de l'ecole|en sortant|premiers? salaires?|junior"
                       r"|a la sortie|des la sortie|jeune diplome\w*)\b")
# « exigent un bac+5 », « il faut au moins un bachelor », « bac+3 minimum »: a level the profession requires.
_REQUIRES = re.compile(r"(?:exig\w*|demand\w*|necessit\w*|requi\w*|faut|impose\w*|obligatoire|au moins|au minimum"
                       r"|minimum)\s+(?:(?:un|une|le|la|d'un|d'une|de)\s+)?$")
# A superlative over the catalogue: its measure (the salary, the length of studies) and its direction.
_PAY_WORDS = r"(?:pay\w*|paie\w*|gagn\w*|remuner\w*|salaire\w*|touch\w*|rapport\w*)"
_RANKS = ((re.compile(r"\b(?:le|la|les) (?:moins|plus mal) (?:bien )?" + _PAY_WORDS + r"|\b" + _PAY_WORDS
                      + r" le moins\b|(?:salaire|paye) le plus (?:bas|faible)|plus (?:bas|petit|faible) salaire"),
           ("salaire", "min")),
          (re.compile(r"\b(?:le|la|les) (?:mieux|plus) " + _PAY_WORDS + r"|\b" + _PAY_WORDS + r" (?:le (?:mieux|plus)"
                      r"|(?:le )?plus d'argent)\b|(?:salaire|paye) le plus (?:haut|eleve)|(?:meilleur|plus (?:haut|gros|"
                      r"eleve)) salaire"), ("salaire", "max")),
          (re.compile(r"\b(?:les )?(?:etudes|formations?) (?:les )?plus (?:courtes?|rapides?)|\b(?:le )?moins d'etudes"
                      r"|(?:moins|plus vite) (?:longtemps )?(?:a |d')?etudi\w*"), ("etudes", "min")),
          (re.compile(r"\b(?:les )?(?:etudes|formations?) (?:les )?plus longues?|\b(?:le )?plus d'etudes"), ("etudes", "max")))


def rank_asked(folded: str) -> Optional[Tuple[str, str]]:
    """The superlative a message asks over the catalogue (« le mieux payé », « les études les plus courtes »)."""
    return next((rank for pattern, rank in _RANKS if pattern.search(folded)), None)


def years_required(folded: str, named: Sequence[Mention]) -> Optional[int]:
    """The fewest years of study after the bac a message asks the professions to require
    (« quels métiers exigent un bac+5 ? », « au moins un bachelor »), if any. `named`: the diplomas and levels it
    names (core/diplomas.py)."""
    for m in named:
        if m.level is None or m.level < 1:
            continue
        before = folded[max(0, m.start - 30):m.start]
        after = folded[m.end:m.end + 12]
        if re.search(r"\b(?:pas|sans|ni|jamais)\b", before):
            continue
        if _REQUIRES.search(before) or re.match(r"\s*(?:minimum|au moins|obligatoire|exige)", after):
            return m.level
    return None


# An amount: « 45k », « 40 000 », « 2500 € » (never the 5 of « bac+5 »); « payé », never « pays ».
_PAY = re.compile(r"pay(?!s\b)|salaire|gagn|euro|€|remuner|plus de|\+ de|au moins|minimum|au-dessus|depass|\bsup")


def salary_asked(folded: str, numbers: Optional[Sequence[Amount]] = None) -> Optional[int]:
    """The yearly amount a message asks more than, if any (monthly amounts times 12). `numbers`: its amounts, when
    already read."""
    pay = bool(_PAY.search(folded))
    for found in amounts(folded) if numbers is None else numbers:
        amount = found.value
        if amount < 1000 or not (pay or found.marked):
            continue
        return amount * 12 if amount < 15000 and MONTHLY.search(folded) else amount
    return None


_UP_TO = r"(au plus|au maximum|maximum|max|plus loin que|pas plus que|pas au-dela d[eu]|jusqu'a|jusqu'au)"


def _diploma_limit(folded: str, named: Sequence[Mention]) -> Optional[int]:
    """« juste un CAP » -> -1, « avec un BTS » -> 2, « sans master » -> 4: a diploma of
    knowledge/diplomes.yml named (`named`) as the only one the student has, or as one they will not do."""
    for m in named:
        if m.level is None or m.kind is None:
            continue
        if m.situation == "seulement" or re.search(r"(?:avec|que le|que la|qu'une?) (?:une? |le |la )?$",
                                                   folded[max(0, m.start - 20):m.start]):
            return m.level
        if m.situation == "sans":
            return m.level - 1
    return None


def years_asked(folded: str, named: Sequence[Mention] = ()) -> Optional[int]:
    """The most years of study after the bac a message accepts, if it sets a limit. `named`: the diplomas and
    levels it names (core/diplomas.py)."""
    t = folded
    m = re.search(r"(sans|pas|(?<!au )moins)[^.?!]{0,25}bac\s*\+\s*(\d)", t)  # « au moins » is no limit
    if m and not re.search(_UP_TO + r"[^.?!]{0,5}bac\s*\+", t):
        return int(m.group(2)) - 1
    m = re.search(_UP_TO + r" (un |le )?bac\s*\+\s*(\d)", t) or re.search(
        r"bac\s*\+\s*(\d)\s*(max|maximum|maxi|au plus|au maximum)\b", t)
    if m:
        return int(m.groups()[-1] if m.re.pattern.startswith(_UP_TO) else m.group(1))
    limit = _diploma_limit(t, named)
    if limit is not None:
        return limit
    if re.search(r"bac\s*\+\s*2\b", t):
        return 2
    m = re.search(r"(pas[^.?!]{0,15}plus de|maximum|max|au plus|moins de) (\d|" + "|".join(NUMBER_WORDS) + ") "
                  r"ans d'etudes", t)
    if m:
        n = int(m.group(2)) if m.group(2).isdigit() else NUMBER_WORDS[m.group(2)]
        return n - 1 if m.group(1) == "moins de" else n
    if re.search(r"etudes courtes|(pas|sans)( faire)? (de )?longues etudes|peu d'etudes|pas trop d'etudes", t):
        return 3
    return None


@dataclass(frozen=True)
class Match:
    profession: Profession
    score: float
    evidence: Tuple[Tuple[str, str], ...] = field(default_factory=tuple)   # (words of the fiche, rubrique)


def top_salary(p: Profession) -> Optional[int]:
    """The highest yearly figure the fiche gives (its confirmed level, else its beginner's), if any."""
    if p.salaire is None:
        return None
    levels = [lvl for lvl in (p.salaire.niveaux.confirme, p.salaire.niveaux.debutant) if lvl is not None]
    return max(lvl.max for lvl in levels) if levels else None


class SearchIndex:
    """The searched words of every fiche, folded once at load, with where each word stands (profession,
    field): an interest's evidence is read from the postings of the words it matches, computed once per
    interest, so a search costs about the same with 1 or 1,600 professions."""

    def __init__(self, professions: Sequence[Profession]):
        self.fields: Dict[str, List[Tuple[str, str, str]]] = {}   # id -> (folded text, text, rubrique)
        by_word: Dict[str, set] = {}
        for p in professions:
            self.fields[p.id] = [(fold(text), text, where) for text, where in _fields(p)]
            for k, (folded, _, _) in enumerate(self.fields[p.id]):
                for word in re.findall(r"[a-z0-9]+", folded):
                    by_word.setdefault(word, set()).add((p.id, k))
        self._words = sorted(by_word)
        self._by_word = by_word
        self._hits: Dict[Tuple[int, str], Dict[str, List[int]]] = {}
        self.familles = {p.famille for p in professions if p.famille}
        # What a search reads of each profession besides its words, computed once: no search folds a
        # title or reads a diploma level per profession of the catalogue.
        self._source = tuple(professions)
        self.professions: Dict[str, Profession] = {p.id: p for p in professions}
        self.titles: Dict[str, Tuple[str, int]] = {p.id: (fold(p.intitule), i) for i, p in enumerate(professions)}
        self.top_salaries: Dict[str, Optional[int]] = {p.id: top_salary(p) for p in professions}
        self._years: Dict[str, Optional[int]] = {}
        self._scores: Dict[Tuple[int, str], Dict[str, int]] = {}

    def built_from(self, professions: Sequence[Profession]) -> bool:
        """Whether the index was built from these very professions (compared by identity, not read)."""
        return len(professions) == len(self._source) and all(map(operator.is_, professions, self._source))

    def years(self, p: Profession) -> Optional[int]:
        """reference_years(p), read once per profession."""
        if p.id not in self._years:
            self._years[p.id] = reference_years(p)
        return self._years[p.id]

    def scores(self, interest: str, interests: Interests) -> Dict[str, int]:
        """{profession id: how many fields of its fiche speak of the interest, 2 more when its famille does}."""
        key = (id(interests), interest)
        if key not in self._scores:
            famille = 0  # the famille is each profession's first field (_fields)
            self._scores[key] = {pid: len(ks) + (2 if ks[0] == famille else 0)
                                 for pid, ks in self.hits(interest, interests).items() if ks}
        return self._scores[key]

    def _starting(self, start: str) -> set:
        """(profession, field) of every word that starts with `start`."""
        out: set = set()
        for word in self._words[bisect.bisect_left(self._words, start):]:
            if not word.startswith(start):
                break
            out |= self._by_word[word]
        return out

    def hits(self, interest: str, interests: Interests) -> Dict[str, List[int]]:
        """{profession id: indexes of its fields that speak of the interest}, computed once per interest."""
        key = (id(interests), interest)
        if key not in self._hits:
            found: Dict[str, set] = {}
            pattern = interests.said[interest]
            for term in interests.terms[interest]:
                words = re.findall(r"[a-z0-9]+", term.rstrip("*"))
                if not words:
                    continue
                prefix = term.endswith("*") or len(words) > 1
                places = self._starting(words[0]) if prefix else set(self._by_word.get(words[0], ()))
                for pid, k in places:
                    if len(words) > 1 or term.endswith("*") and " " in term:  # a phrase: checked on its field
                        if not pattern.search(self.fields[pid][k][0]):
                            continue
                    found.setdefault(pid, set()).add(k)
            self._hits[key] = {pid: sorted(ks) for pid, ks in found.items()}
        return self._hits[key]

    def evidence(self, p: Profession, interest: str, interests: Interests) -> List[Tuple[str, str]]:
        """(words of the fiche, rubrique) that speak of the interest, in the fiche's order."""
        fields = self.fields.get(p.id)
        if fields is None:
            return evidence(p, interest, interests)
        return [(fields[k][1], fields[k][2]) for k in self.hits(interest, interests).get(p.id, ())]


def _fields(p: Profession) -> List[Tuple[str, str]]:
    out = [(p.famille or "", "famille"), (p.intitule, "definition"), (p.definition.resume, "definition")]
    out += [(f"{m.intitule} : {m.detail}", "missions") for m in p.missions]
    out += [(f"{s.nom} ({', '.join(s.mots_cles)})", "hard_skills") for s in p.hard_skills.competences]
    out += [(c, "contraintes") for c in p.contraintes.liste]
    return out


def evidence(p: Profession, interest: str, interests: Interests) -> List[Tuple[str, str]]:
    """(words of the fiche, rubrique) that support an interest of the school's vocabulary, in the fiche's order."""
    pattern = interests.said[interest]
    return [(text, where) for text, where in _fields(p) if pattern.search(fold(text))]


def reference_years(p: Profession) -> Optional[int]:
    """Years of study after the bac the fiche asks to exercise: its required diploma's level, else its
    reference one's (None when the fiche gives no level for them)."""
    return diplomas.needed_level(p.parcours)


def in_family_matches(professions: Sequence[Profession], famille: str, asked: Request) -> List[Match]:
    """The professions of a famille that pass the request's filters, as search results citing their famille."""
    return [Match(p, 1.0, ((p.famille or famille, "famille"),)) for p in in_family(professions, famille)
            if passes(p, asked)][:BY_FAMILY]


def passes(p: Profession, asked: Request) -> bool:
    """Whether a profession passes a request's filters (salary, years of study), interests aside."""
    if asked.min_salary is not None and (salary_of(p, asked.starting) or 0) <= asked.min_salary:
        return False
    if asked.max_years is not None or asked.min_years is not None:
        years = reference_years(p)
        if years is None:  # no level in the fiche: never shown as fitting a limit
            return False
        if asked.max_years is not None and years > asked.max_years:
            return False
        if asked.min_years is not None and years < asked.min_years:
            return False
    return True


def salary_of(p: Profession, starting: bool = False) -> Optional[int]:
    """The highest yearly figure of a beginner (`starting`), else of the fiche (its confirmed level)."""
    if not starting:
        return top_salary(p)
    level = p.salaire.niveaux.debutant if p.salaire is not None else None
    return level.max if level is not None else None


def salary_words(p: Profession) -> str:
    """The fiche's salary figures in a few words (« débutant : 20 000 à 22 500 € ; confirmé : … »)."""
    parts = []
    for label, level in (("débutant", p.salaire.niveaux.debutant), ("confirmé", p.salaire.niveaux.confirme)):
        if level is not None:
            parts.append(f"{label} : {euros(level.min)} à {euros(level.max)}")
    return f"{' ; '.join(parts)} {p.salaire.unite}"


def ranked(found: List["Match"], rank: Tuple[str, str], starting: bool = False) -> List["Match"]:
    """Search results in the order of a superlative (« le mieux payé » first), those without the figure left out."""
    measure, direction = rank
    if measure == "salaire":
        value = lambda p: salary_of(p, starting)  # noqa: E731
    else:
        value = reference_years
    known = [m for m in found if value(m.profession) is not None]
    return sorted(known, key=lambda m: (value(m.profession) * (-1 if direction == "max" else 1),
                                        fold(m.profession.intitule)))


def search(professions: Sequence[Profession], asked: Request, limit: int = 5,
           index: Optional[SearchIndex] = None, interests: Interests = Interests(),
           diploma_words: Optional[Diplomas] = None) -> List[Match]:
    """Professions whose fiche supports every interest and passes every filter, best first. With the
    catalogue's `index`, only the fiches that hold a word of each interest are read, each one's score
    comes from the index's postings, and only the professions shown are cited."""
    if not asked.asks:
        return []
    if index is None or not index.built_from(professions):
        index = SearchIndex(professions)
    per_interest = [index.scores(i, interests) for i in asked.interests]
    ids = set(min(per_interest, key=len)) if per_interest else set(index.professions)
    for found in per_interest:
        ids &= found.keys()
    if asked.avoids:
        # « sans travail de nuit »: no fiche that speaks of it; each result cites its own constraints instead.
        ids -= set().union(*(set(index.hits(i, interests)) for i in asked.avoids))
    levels = asked.max_years is not None or asked.min_years is not None or (asked.rank or ("",))[0] == "etudes"
    scores: Dict[str, float] = {}
    for pid in ids:
        p = index.professions[pid]
        if asked.min_salary is not None:
            top = salary_of(p, asked.starting)
            if top is None or top <= asked.min_salary:  # « plus de 40 000 € »: strictly more; no figure: not shown
                continue
        if levels and (not passes(p, replace(asked, min_salary=None)) or reference_years(p) is None):
            continue  # no level in the fiche: never shown as fitting a limit
        scores[pid] = float(sum(found[pid] for found in per_interest))
    if asked.interests and scores:
        # A fiche that speaks of the interest once in passing is not offered beside one that is about it.
        best = max(scores.values())
        scores = {pid: score for pid, score in scores.items() if score * RELEVANT_SHARE >= best}
    if asked.rank is not None:
        # « le mieux payé »: the best first, and the next two for scale, never the whole catalogue.
        order = ranked([Match(index.professions[pid], scores[pid]) for pid in scores], asked.rank, asked.starting)
        shown = [m.profession.id for m in order[:RANKED]]
    else:
        # Filters only (« ceux qui exigent un bac+5 »): every profession that passes, as a list shows them.
        shown = heapq.nsmallest(limit if asked.interests else BY_FAMILY, scores,
                                key=lambda pid: (-scores[pid], index.titles[pid]))
    return [Match(index.professions[pid], scores[pid], _cited(index.professions[pid], asked, index, interests,
                                                                           diploma_words))
            for pid in shown]


def _cited(p: Profession, asked: Request, index: SearchIndex, interests: Interests,
           diploma_words: Optional[Diplomas]) -> Tuple[Tuple[str, str], ...]:
    """(words of the fiche, rubrique) a result shows: its salary, its reference diplomas, its constraints when
    conditions were refused, and the first two places of each interest."""
    found_words: List[Tuple[str, str]] = []
    if asked.min_salary is not None and (asked.rank is None or asked.rank[0] != "salaire"):
        words = f"jusqu'à {euros(salary_of(p, asked.starting))} {p.salaire.unite}"
        found_words.append((f"débutant : {words}" if asked.starting else words, "salaire"))
    if asked.rank is not None and asked.rank[0] == "salaire" and p.salaire is not None:
        found_words.append((salary_words(p), "salaire"))
    if asked.max_years is not None or asked.min_years is not None or (asked.rank or ("",))[0] == "etudes":
        for ref in diplomas.references(p.parcours):
            words = diploma_words.labelled(ref) if diploma_words else ref.nom
            found_words.append((f"{words} : {ref.en_bref}" if ref.en_bref else words, "diplome"))
    if asked.avoids and p.contraintes.liste:
        found_words.append((p.contraintes.liste[0], "contraintes"))
    for interest in asked.interests:
        found_words.extend(index.evidence(p, interest, interests)[:2])
    return tuple(dict.fromkeys(found_words))


def linked(p: Profession, find, catalogue: Dict[str, Profession]) -> List[Profession]:
    """The professions of the catalogue among this fiche's evolutions and stepping-stone jobs.
    `find(name) -> ids` is the name index (core/names.py: alias, or fuzzy); one only per name."""
    out: List[Profession] = []
    for name in p.evolutions.postes + [e.poste for e in p.experiences]:
        ids = find(name)
        if len(ids) == 1 and ids[0] != p.id and ids[0] in catalogue and catalogue[ids[0]] not in out:
            out.append(catalogue[ids[0]])
    return out


def leading_to(target: Profession, find, catalogue: Dict[str, Profession]) -> List[Tuple[Profession, str]]:
    """(profession, rubrique) of the catalogue that lead to `target`: those whose fiche cites it among its
    evolutions (« evolutions »), and those the target's fiche cites as stepping stones (« experiences »)."""
    out: List[Tuple[Profession, str]] = []
    for p in catalogue.values():
        if p.id != target.id and any(find(name) == (target.id,) for name in p.evolutions.postes):
            out.append((p, "evolutions"))
    for p in linked_experiences(target, find, catalogue):
        if p not in [q for q, _ in out]:
            out.append((p, "experiences"))
    return out


def linked_experiences(p: Profession, find, catalogue: Dict[str, Profession]) -> List[Profession]:
    """The professions of the catalogue among this fiche's stepping-stone jobs."""
    out: List[Profession] = []
    for name in [e.poste for e in p.experiences]:
        ids = find(name)
        if len(ids) == 1 and ids[0] != p.id and ids[0] in catalogue and catalogue[ids[0]] not in out:
            out.append(catalogue[ids[0]])
    return out


def path_between(start: Profession, end: Profession, find, catalogue: Dict[str, Profession],
                 longest: int = 3) -> List[Tuple[Profession, Profession, str]]:
    """The shortest chain of fiches from `start` to `end` (at most `longest` steps): each step (from, to,
    rubrique) is an evolution the first fiche cites, or a stepping stone the second one cites. [] when none."""
    def after(p: Profession) -> List[Tuple[Profession, str]]:
        out = [(q, "evolutions") for q in linked_evolutions(p, find, catalogue)]
        out += [(q, "experiences") for q in catalogue.values()
                if q.id != p.id and p in linked_experiences(q, find, catalogue) and q not in [o for o, _ in out]]
        return out
    paths = [[(None, start, "")]]
    seen = {start.id}
    for _ in range(longest):
        grown = []
        for path in paths:
            for q, where in after(path[-1][1]):
                if q.id in seen:
                    continue
                step = path + [(path[-1][1], q, where)]
                if q.id == end.id:
                    return [(a, b, w) for a, b, w in step[1:]]
                seen.add(q.id)
                grown.append(step)
        paths = grown
    return []


def linked_evolutions(p: Profession, find, catalogue: Dict[str, Profession]) -> List[Profession]:
    """The professions of the catalogue among this fiche's evolutions."""
    out: List[Profession] = []
    for name in p.evolutions.postes:
        ids = find(name)
        if len(ids) == 1 and ids[0] != p.id and ids[0] in catalogue and catalogue[ids[0]] not in out:
            out.append(catalogue[ids[0]])
    return out
