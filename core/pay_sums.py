"""Calculations a student asks of a fiche's pay figures: the gap between two of them (« l'écart entre le max
débutant et le min confirmé ? »), the middle of a range (« le milieu de la fourchette confirmé ? »), how many times
one is another, a rise in percent, and a monthly amount put by the year (« 3 000 € par mois, ça fait combien par
an ? »). The figures are named by a level (débutant, confirmé) and a bound (minimum, maximum); the reply
(core/replies.py) computes the result and says it is a calculation, not a figure of the fiche.

Pure functions on folded text (no facts, no I/O).
"""
import re
from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

from core.amounts import MONTHLY, Amount, amounts

# A level of the fiche's pay, as students name it.
_LEVELS = (("debutant", re.compile(r"\b(?:debutante?s?|juniors?|jeunes? diplomee?s?|en debut de carriere|au debut|du tout debut"
                                   r"|de depart|de debut|beginners?|entry[- ]level"
                                   # « entre le début le plus bas et le confirmé le plus haut », « le max du début »
                                   r"|(?:le|du) debut(?= (?:(?:le plus|au plus|tout en) (?:bas|haut)|min\w*|max\w*)\b)"
                                   r"|\b(?:min|max|mini|maxi|minimum|maximum) du debut"
                                   r"|quand (?:tu|on|je|il|elle) (?:debute|commence)\w*)\b")),
           ("confirme", re.compile(r"\b(?:confirmee?s?|confs?|seniors?|experimentee?s?|experienced)\b")))
# A bound of a level's range.
_BOUNDS = (("min", re.compile(r"\b(?:min|mini|minimum|minimums|minimal\w*|minima|bas|planchers?|lowest"
                               r"|plus (?:petit|faible)e?s?)\b")),
           ("max", re.compile(r"\b(?:max|maxi|maximum|maximums|maximal\w*|maxima|haut|plafonds?|highest"
                               r"|plus (?:gros|grand|grosse|grande|eleve|elevee)s?)\b")))
# « les 2 max », « les deux minimums »: that bound of both levels.
_BOTH_LEVELS = re.compile(r"\b(?:les|des|aux) (?:2|deux) (?:min|mini|minimums?|max|maxi|maximums?|plafonds|planchers)\b")
# What is computed, the first found wins (« combien de fois plus » is a ratio, not a gap).
_OPERATIONS = (("pourcentage", re.compile(r"\bpourcentages?\b|\bpour ?cents?\b|%|\bpercent\w*")),
               ("rapport", re.compile(r"\b(?:combien|cb|cmb) de fois\b|\bfois (?:plus|moins)\b|\bhow many times\b|\bratio\b"
                                       r"|\ble rapport entre\b|\bdivisee?s? par (?:le|la|les|un|une)\b")),
               ("milieu", re.compile(r"\b(?:coupe|couper|coupes|divise|diviser|partage|partager)\b.{0,40}\ben (?:2|deux)\b"
                                     r"|\bmilieux?\b|\bmoyenn?es?\b|\bmedian\w*|\baverages?\b|\bmiddles?\b|\bmid-?points?\b"
                                     # « le salaire moyen d'un débutant », « le confirmé moyen » (not « un moyen de »)
                                     r"|\b(?:salaires?|payes?|revenus?|remunerations?|debutante?s?|confirmee?s?|juniors?"
                                     r"|seniors?) moyen(?:ne)?s?\b")),
               # (« le min confirmé moins le min débutant ? »: a subtraction)
               ("ecart", re.compile(r"\bmoins (?:le|la) (?:min|max|mini|maxi|minimum|maximum|milieu|plancher|plafond)\b"
                                    r"|\becarts?\b|\bdifferences?\b|\bdiff\b|\bgap\b"
                                    r"|\bde combien (?:(?:ca|on|il|elle|le salaire) )?(?:augmente|progresse|monte|grimpe)\w*"
                                    r"|\baugmente\w* de combien\b|\b(?:combien|cb|cmb) (?:de|en) (?:plus\b|\+)"
                                    r"|\bhow much more\b|\+ ?(?:combien|cb|cmb)\b")))
# « par rapport au début », « comparé aux débutants »: against a level named
_AGAINST = re.compile(r"\bpar rapport (?:au|a|aux|à)\b|\bcompare\w* (?:au|a|aux)\b|\bvs\.?\b|\bcompared to\b")
_RANGE = re.compile(r"\bfourchettes?\b|\btranches?\b|\brange\b")
# « large de combien ? », « l'amplitude de la fourchette des confirmés », « l'écart de la fourchette débutant »: how wide
# one level's range is
_WIDTH = re.compile(r"\blarges? de combien\b|\blargeur\b|\bamplitude\b|\betendue\b|\bhow wide\b"
                    r"|\becarts? (?:de|dans|sur) (?:la|sa|cette) fourchette\b|\bcombien de large\b"
                    r"|\b(?:monter|augmenter|progresser|grimper) de combien dans (?:la|sa|cette|leur) fourchette\b")
# « 3 000 € par mois, ça fait combien par an ? »: a monthly amount, and not a net one (the fiche's figures are gross)
_NET = re.compile(r"\bnet(?:te)?s?\b")
# The bound of a figure that is the middle of its level's range (« le milieu de la fourchette débutant »).
MIDDLE = "milieu"
# The figures of a calculation that names none (« la différence ? », « l'écart entre les deux ? », « la moyenne des deux
# bornes ? »): those the conversation just gave, placed by the dialogue (placed), or no calculation.
UNPLACED = (("", ""),)
_THOSE = re.compile(r"\b(?:les|ces|des|aux|entre) (?:deux|2)\b|\b(?:ca|cela)\b|\bbornes\b|\bl'une? a l'autre\b")
BARE_OPERATION_WORDS = 3


def _of_those(folded: str) -> bool:
    """Whether a message that names no figure points at figures just given: by « les deux », « ça », « les bornes », or
    by being the bare operation (« la différence ? »)."""
    # (« moyenne des 6 ? » counts items: no figure of the pay)
    return bool(_THOSE.search(folded)) or len(re.findall(r"[\w']+", folded)) <= BARE_OPERATION_WORDS \
        and not re.search(r"\d", folded)


# The levels of the pay, in the order of a career.
PAY_LEVELS = ("debutant", "confirme")
MONTHLY_MOST = 10000  # a larger amount said beside « par mois » is a yearly figure (« 35 000 par an, ça fait combien par mois ? »)


@dataclass(frozen=True)
class PaySum:
    """A calculation asked: its kind (« ecart », « milieu », « rapport », « pourcentage », « par_an »), the fiche's
    figures it is made on, in the order said ((level, "min" / "max" / MIDDLE); a bound "" for a whole range), the amounts
    the student gives instead (« si je passe de 30 000 à 40 000 »: (30000, 40000); « 3 000 € par mois »: (3000,)), and
    the months a figure is put over (OVER_MONTHS: « en 18 mois »: 18; 0 for any other kind)."""
    kind: str
    figures: Tuple[Tuple[str, str], ...] = ()
    said: Tuple[int, ...] = ()
    months: int = 0


def _found(patterns, folded: str) -> List[Tuple[int, str]]:
    """(position, name) of each pattern's matches, in the order written."""
    return sorted((m.start(), name) for name, pattern in patterns for m in pattern.finditer(folded))


def _figures(folded: str, levels: List[str]) -> Tuple[Tuple[str, str], ...]:
    """The fiche's figures a message names, in order: a bound with its level, one bound for two levels (« le salaire
    minimum quand on passe de débutant à confirmé »), two bounds of one level; () when they cannot be paired.
    `levels`: the levels it names, in order (read once by pay_sum)."""
    levels = list(dict.fromkeys(levels))
    bounds = [name for _, name in _found(_BOUNDS, folded)]
    if _BOTH_LEVELS.search(folded) and len(set(bounds)) == 1:
        return (("debutant", bounds[0]), ("confirme", bounds[0]))
    if len(bounds) == len(levels) == 2:
        return tuple(zip(levels, bounds))
    if len(bounds) == 1 and len(levels) == 2:
        return tuple((level, bounds[0]) for level in levels)
    if len(bounds) == 2 and len(levels) == 1:
        return tuple((levels[0], bound) for bound in bounds)
    if not bounds and len(levels) == 2:
        return tuple((level, "") for level in levels)
    if len(bounds) == 2 and not levels:
        # « de combien de % le haut dépasse le bas ? » after one level's range: that level's (placed by the dialogue)
        return tuple(("", bound) for bound in bounds)
    return ()


def _mixed(folded: str, levels: List[Tuple[int, str]]) -> Tuple[Tuple[str, str], ...]:
    """« le milieu de la fourchette confirmé, +combien par rapport au débutant max ? »: two levels (`levels`: each with
    its place, as _found reads them), one qualified by its middle and the other by a bound, each level with the
    qualifier written nearest to it; () otherwise."""
    marks = _found(_BOUNDS, folded) + [(m.start(), MIDDLE) for m in dict(_OPERATIONS)["milieu"].finditer(folded)]
    if len(levels) != 2 or len({name for _, name in levels}) != 2 or len(marks) != 2 \
            or {name for _, name in marks} == {MIDDLE}:
        return ()
    first, second = levels
    nearest = min(marks, key=lambda mark: abs(mark[0] - first[0]))
    other = next(mark for mark in marks if mark is not nearest)
    pairs = ((first[1], nearest[1]), (second[1], other[1]))
    return tuple(sorted(pairs, key=lambda f: PAY_LEVELS.index(f[0])))


def _middles(levels: List[str]) -> Tuple[Tuple[str, str], ...]:
    """The middles of the ranges of the levels named, of both when one or none is (a change between middles is from
    one level to the other)."""
    named = list(dict.fromkeys(levels))
    return tuple((level, MIDDLE) for level in (named if len(named) == 2 else PAY_LEVELS))


# « on peut doubler son salaire ? », « on gagne deux fois plus à la fin ? »: the pay doubled over a career, checked from
# the lowest figure (a beginner's minimum) to the highest (a confirmed's maximum)
_DOUBLING = re.compile(r"\bdoubl(?:er|e|es|ent|era|erai|erait|ement)\b|\b(?:deux|2) fois plus\b(?! que)"
                       # « le max c'est genre 2 fois le début ? »
                       r"|\b(?:deux|2) fois (?:le|la|l'|celui|celle|ce)\b")
CAREER_EXTREMES = (("confirme", "max"), ("debutant", "min"))
# « du tout début au tout max », « le plus bas et le plus haut », « de toute la fiche »: the ends of the whole career
_EXTREMES = re.compile(r"\bdu (?:tout )?debut (?:a|au|jusqu'au|jusqu'a) (?:tout |la )?(?:max\w*|fin|sommet|top|plus haut)\b"
                       r"|\b(?:du|le) plus bas (?:au|et le) plus haut\b|\bde toute la fiche\b")
DOUBLING_WORDS = 6  # « donc en gros on peut doubler ? »: short, right after the pay; longer, a word of pay is needed


def pay_sum(folded: str, about_pay: bool, numbers: Optional[Sequence[Amount]] = None) -> Optional[PaySum]:
    """The calculation a message (folded) asks of the pay figures, None when it asks none. `about_pay`: whether the
    message has a word of pay; a level or « fourchette » does too. `numbers`: the message's, when already read.
    A gap of the fiche's yearly figures asked by the month (« l'écart par mois entre débutant et confirmé ? », « par mois
    ça fait combien en plus ? ») is said by the year and by the month."""
    asked = _pay_sum(folded, about_pay, numbers)
    if asked is not None and asked.kind == "ecart" and not asked.said and MONTHLY.search(folded) \
            and not _NET.search(folded):
        return replace(asked, kind=GAP_PER_MONTH)
    return asked


def _pay_sum(folded: str, about_pay: bool, numbers: Optional[Sequence[Amount]] = None) -> Optional[PaySum]:
    found = [a for a in (amounts(folded) if numbers is None else numbers) if a.value >= 500]
    level_marks = _found(_LEVELS, folded)
    levels = [name for _, name in level_marks]
    named = _figures(folded, levels) if _DOUBLING.search(folded) and not found else ()
    if len(named) == 2 and all(level and bound for level, bound in named):
        # « le max confirmé c'est le double du min débutant ? »: how many times the one is the other, the higher first
        return PaySum("rapport", tuple(sorted(named, key=_rank, reverse=True)))
    if _DOUBLING.search(folded) and not found and not named \
            and not dict(_OPERATIONS)["milieu"].search(folded) \
            and (about_pay or levels or _found(_BOUNDS, folded) or len(re.findall(r"[\w']+", folded)) <= DOUBLING_WORDS):
        return PaySum("rapport", CAREER_EXTREMES)
    extremes = [name for name, pattern in _OPERATIONS if name != "milieu" and pattern.search(folded)] \
        if not found and _EXTREMES.search(folded) else []
    if extremes:
        # « de combien de % du tout début au tout max ? », « l'écart entre le max et le min de toute la fiche »: from the
        # lowest figure (a beginner's minimum) to the highest (a confirmed's maximum); a ratio, the higher first
        ends = CAREER_EXTREMES if extremes[0] == "rapport" else tuple(reversed(CAREER_EXTREMES))
        return PaySum(extremes[0], ends)
    own = _own_period(folded, found)
    if own is not None:
        return own
    monthly_said = [a.value for a in found if a.value < MONTHLY_MOST]
    if _TIMES_12.search(folded) and len(monthly_said) == 1 and not _NET.search(folded):
        # « et 4167 x 12 ça fait bien 50000 ? »: a monthly amount the student gives, by the year
        return PaySum("par_an", said=(monthly_said[0],))
    said = [a.value for a in found]
    monthly = bool(MONTHLY.search(folded)) and len(said) == 1 and said[0] < MONTHLY_MOST
    # a word of pay, a level, a range, amounts of money, « les 2 max »: the figures are the pay's
    operations = [name for name, pattern in _OPERATIONS if pattern.search(folded)]
    if _WIDTH.search(folded) and not found and len(set(levels)) <= 1:
        # the gap from the bottom of the range to its top: of the level named, else of the one just answered
        level = levels[0] if levels else ""
        return PaySum("ecart", ((level, "min"), (level, "max")))
    if "milieu" in operations and len(operations) > 1 and not found:
        # « de combien augmente le milieu de la fourchette entre les deux ? », « du coup l'écart entre les deux
        # milieux ? », « combien de plus en % par rapport au milieu de la fourchette débutant ? »: the other
        # operation, on the middles
        kind = next(op for op in operations if op != "milieu")
        middles = _mixed(folded, level_marks) or _middles(levels)
        # (how many times: the higher middle first, « le milieu confirmé représente 1,54 fois le milieu débutant »)
        return PaySum(kind, tuple(sorted(middles, key=lambda f: PAY_LEVELS.index(f[0]), reverse=True))
                      if kind == "rapport" else middles)
    if not (about_pay or levels or _RANGE.search(folded) or monthly or _BOTH_LEVELS.search(folded)
            or len(found) == 2 and all(a.marked for a in found)):
        periodic = over_period(folded, levels, found)
        if periodic is not None and _BARE_PERIOD.search(folded):
            return periodic  # « et par jour si on compte les 365 jours ? » right after the pay: placed by the dialogue
        # « de combien de % le haut dépasse le bas ? »: two bounds of no level, a calculation only right after an
        # answer on one level's pay (the dialogue places it there, or drops it)
        kind = operations[0] if operations else None
        bounds = _figures(folded, [])
        if kind in ("ecart", "pourcentage", "rapport") and bounds:
            return PaySum(kind, bounds)
        return PaySum(kind, UNPLACED) if kind and not found and _of_those(folded) else None
    if monthly and not _NET.search(folded):
        return PaySum("par_an", said=(said[0],))
    periodic = over_period(folded, levels, found)
    if periodic is not None:
        return periodic
    if not operations:
        return None
    kind = operations[0]
    if kind == "milieu" and MONTHLY.search(folded) and not _NET.search(folded) and levels:
        # « et le débutant au milieu par mois ? »: the middle of that range, by the month
        return PaySum(PER_MONTH, tuple((level, MIDDLE) for level in dict.fromkeys(levels)))
    if kind == "milieu":
        return PaySum(kind, tuple((level, "") for level in dict.fromkeys(levels)))
    if len(said) == 2:
        return PaySum(kind, said=tuple(said))
    figures = _figures(folded, levels)
    if not figures and not levels and not found and _of_those(folded):
        return PaySum(kind, UNPLACED)  # « la différence entre les deux ? » after two figures of the pay
    bounds = [name for _, name in _found(_BOUNDS, folded)]
    if not figures and len(set(levels)) == 1 and len(set(bounds)) == 1 and not found and kind != "milieu":
        # « et si je monte jusqu'au max confirmé, je gagne combien de plus ? » after the max of a beginner: from the
        # figure just asked to this one
        return PaySum(kind, (("", ""), (levels[0], bounds[0])))
    if not figures and len(set(levels)) == 1 and not bounds and not found and kind in ("rapport", "pourcentage", "ecart") \
            and _AGAINST.search(folded):
        # « ça fait cb en plus par rapport au début en % ? » after a confirmed's pay: the level just answered against
        # the one named, whole ranges compared by their middles (placed by the dialogue)
        return PaySum(kind, (("", MIDDLE), (levels[0], MIDDLE)))
    if len(figures) == 2 and kind in ("rapport", "pourcentage") and not any(bound for _, bound in figures) \
            and len({level for level, _ in figures}) == 2:
        # « un confirmé gagne combien de fois plus qu'un débutant ? », « … de combien de % ? »: two whole ranges, compared
        # by their middles (how many times: the higher first; a rise: from the lower)
        return PaySum(kind, tuple(sorted(_middles(levels), key=lambda f: PAY_LEVELS.index(f[0]),
                                         reverse=kind == "rapport")))
    if len(figures) != 2 or (kind != "ecart" and "" in {bound for _, bound in figures}):
        return None
    return PaySum(kind, figures)


# « ça fait combien par semaine ? », « par jour sur 365 jours ? », « en 18 mois ? », « 1 an et demi au minimum ? »: a
# figure of the fiche's yearly pay over another period. A kind per period, the divisor of a year or the months it lasts.
PER_WEEK, PER_DAY, OVER_MONTHS, PER_MONTH = "par_semaine", "par_jour", "sur_mois", "par_mois"
PERIODS = (PER_WEEK, PER_DAY, OVER_MONTHS, PER_MONTH)
WEEKS_A_YEAR, DAYS_A_YEAR = 52, 365
_PER_WEEK = re.compile(r"\bpar semaine\b|\bla semaine\b|\bhebdo\w*|\bper week\b|\ba week\b")
# « par trimestre », « sur un semestre »: months a figure of the year is put over
_QUARTER_OR_HALF = (re.compile(r"\btrimestres?\b|\btrimestriel\w*"), 3), (re.compile(r"\bsemestres?\b|\bsemestriel\w*"), 6)
_PER_DAY = re.compile(r"\bpar jour\b|\ble jour\b|\bjournalier\w*|\bper day\b|\ba day\b|\b365 jours\b")
_MONTHS = re.compile(r"\b(?:en|sur|pendant|au bout de) (\d{1,2}) mois\b")
_YEAR_AND_A_HALF = re.compile(r"\b(?:(\d)|un) an(?:s)? et demi\b")
_YEARS_IN_ALL = re.compile(r"\b(?:en|sur|pendant) (\d{1,2}) ans\b(?=.*\b(?:en tout|au total|total|cumul\w*"
                           r"|ca (?:fait|donne|represente))\b)"
                           r"|\b(?:en tout|au total)\b.*\b(?:en|sur|pendant) (\d{1,2}) ans\b"
                           # « si je reste 3 ans au max débutant ? »: that figure over the years stayed at it
                           r"|\b(?:reste|rester|restes|restais|restait) (\d{1,2}) ans\b(?=.*\b(?:max\w*|min\w*|combien|cb|total)\b)"
                           # « et un confirmé au max sur 5 ans ? »: a bound of the pay over the years that end the message
                           r"|\b(?:max\w*|min\w*)\b.*\b(?:sur|pendant) (\d{1,2}) ans\W*$")
# « et par jour ? », « et par semaine si on compte 52 semaines ? »: a period alone, right after the pay
_BARE_PERIOD = re.compile(r"^\W*(?:et|donc|ok|alors|du coup)?\W*(?:ca fait (?:combien|cb) )?(?:par (?:jour|semaine|trimestre|semestre)"
                          r"|sur \d{1,2} mois|en \d{1,2} mois|en hebdo\w*|hebdo\w*|en journalier|a la semaine"
                          r"|sur \d{1,2} ans(?=.*\b(?:en tout|au total|total|cumul\w*)\b))\b")
# « et par mois ? », « en mensuel ? » alone (a monthly pay is otherwise said with the net pay, hors_fiche.yml)
# (« en chiffre rond par mois ? », « par mois environ ? »: rounded, as every calculation is)
_ROUNDED = r"(?:en chiffres? ronds?|arrondie?s?|environ|a peu pres|en gros|grosso modo)"
_BARE_MONTHLY = re.compile(r"^\W*(?:et|donc|ok|alors|du coup)?\W*(?:" + _ROUNDED + r"\W+)?(?:ca fait (?:combien|cb) )?"
                           r"(?:par mois|en mensuel|mensuel(?:lement)?|au mois|(?:divise|diviser|divisee?) (?:par|en) (?:12|douze)"
                           r"|/ ?12|sur 12(?: mois)?)(?:\W+ca (?:donne|fait)(?: quoi| combien| cb)?)?"
                           r"(?:\W+(?:ca|cela))?(?:\W+" + _ROUNDED + r")?\W*$")
# « combien d'heures par jour ? »: hours, not pay
_HOURS = re.compile(r"\bheures?\b|\bhoraires?\b")


def _period(folded: str) -> Optional[Tuple[str, int]]:
    """(the period kind, the months it lasts for OVER_MONTHS) a message asks the pay over, None for none (by the year,
    or by the month: the fiche's yearly figures divided by 12 are said with the net pay, hors_fiche.yml)."""
    if _HOURS.search(folded) or MONTHLY.search(folded):
        return None  # (« en mensuel sur 12 mois » asks the monthly pay, said with the net pay)
    if _PER_WEEK.search(folded):
        return PER_WEEK, 0
    if _PER_DAY.search(folded):
        return PER_DAY, 0
    for pattern, months in _QUARTER_OR_HALF:
        if pattern.search(folded):
            return OVER_MONTHS, months
    half = _YEAR_AND_A_HALF.search(folded)
    if half:
        return OVER_MONTHS, int(half.group(1) or 1) * 12 + 6
    months = _MONTHS.search(folded)
    if months and 1 < int(months.group(1)) < 120 and int(months.group(1)) != 12:
        return OVER_MONTHS, int(months.group(1))
    years = _YEARS_IN_ALL.search(folded)
    if years:
        return OVER_MONTHS, int(next(group for group in years.groups() if group)) * 12
    return None


def over_period(folded: str, levels: List[str], found: Sequence[Amount]) -> Optional[PaySum]:
    """The figures a message names (a bound of a level, a level's two bounds, or a bound to place on the level kept)
    over the period it asks, None when it asks none or gives its own amounts (`found`)."""
    period = _period(folded)
    if period is None or found:
        return None
    kind, months = period
    bounds = [name for _, name in _found(_BOUNDS, folded)]
    if not bounds and dict(_OPERATIONS)["milieu"].search(folded):
        bounds = [MIDDLE]  # « et par semaine le confirmé moyen ? »: the middle of the range
    named = list(dict.fromkeys(levels))
    if len(named) == 1:
        figures = tuple((named[0], bound) for bound in (dict.fromkeys(bounds) or ("min", "max")))
    elif len(named) == 2:
        figures = tuple((level, bound) for level in named for bound in (dict.fromkeys(bounds) or ("min", "max")))
    else:
        figures = tuple(("", bound) for bound in dict.fromkeys(bounds)) or UNPLACED
    return PaySum(kind, figures, months=months if kind == OVER_MONTHS else 0)


# « 4167 x 12 », « 3000 fois 12 »: a monthly amount multiplied by the months of a year
_TIMES_12 = re.compile(r"(?:\bx|\*|\bfois|\bmultiplie\w* par)\s*12\b")
# « 35000 / 12 », « 40000 divisé par 12 »: a yearly amount divided by the months, weeks or days of a year
_DIVIDED_BY = re.compile(r"(?:/|\bdivisee?s? par|\bdiviser par)\s*(12|52|365)\b")


def _own_period(folded: str, found: Sequence[Amount]) -> Optional[PaySum]:
    """« 35000 / 12 ça fait combien ? », « 30000 par an ça fait combien par semaine ? »: a yearly amount the student
    gives, by the month, the week or the day (not a net amount: the fiche's are gross, and no rate is in it)."""
    if len(found) != 1 or found[0].value < MONTHLY_MOST or _NET.search(folded):
        return None
    divided = _DIVIDED_BY.search(folded)
    if divided:
        kind = {"12": PER_MONTH, "52": PER_WEEK, "365": PER_DAY}[divided.group(1)]
    elif MONTHLY.search(folded) and not _HOURS.search(folded):
        kind = PER_MONTH
    else:
        period = _period(folded)
        if period is None:
            return None
        if period[0] == OVER_MONTHS:
            # « si je gagne 30k pendant 3 ans ça fait cb au total ? »: that amount over those years
            return PaySum(OVER_MONTHS, said=(found[0].value,), months=period[1])
        kind = period[0]
    return PaySum(kind, said=(found[0].value,))


def monthly_of_middle(kept: Optional[PaySum], folded: str) -> Optional[PaySum]:
    """« et par mois ? » right after the middle of a range (« le salaire moyen d'un débutant ? »): that middle by the
    month; None otherwise."""
    if kept is None or kept.kind != "milieu" or not kept.figures or not all(level for level, _ in kept.figures) \
            or not _BARE_MONTHLY.search(folded):
        return None
    return PaySum(PER_MONTH, tuple((level, MIDDLE) for level, _ in kept.figures))


# A gap between two of the fiche's yearly figures, said by the year and by the month.
GAP_PER_MONTH = "ecart_par_mois"
MONTHLY_GAP_WORDS = 8  # « ok par mois ça fait combien en plus ? »: short, right after the gap


def monthly_of_gap(kept: Optional[PaySum], folded: str) -> Optional[PaySum]:
    """« ok par mois ça fait combien en plus ? » right after a gap between two of the fiche's figures: that gap by the
    month too; None otherwise (a message that names a level or a bound asks a calculation of its own)."""
    if kept is None or kept.kind != "ecart" or kept.said or not kept.figures \
            or not all(level for level, _ in kept.figures) or not MONTHLY.search(folded) or _NET.search(folded) \
            or _found(_LEVELS, folded) or _found(_BOUNDS, folded) or len(folded.split()) > MONTHLY_GAP_WORDS:
        return None
    return replace(kept, kind=GAP_PER_MONTH)


def decimal(value: float) -> str:
    """A result as French writes it: « 2 », « 1,71 », « 33,3 » (at most two decimals, none when whole)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def change(start: int, end: int) -> float:
    """The rise (or fall, negative) from one amount to another, in percent of the first."""
    return (end - start) / start * 100


# A follow-up of a calculation is short: « et pour un confirmé ? », « et en pourcentage ? ».
PIECE_WORDS = 8
_IN_EUROS = re.compile(r"\ben (?:(?:euros?|eur)\b|€)|\bin euros\b")
# « le même écart », « pareil »: the calculation just made, again.
_SAME = re.compile(r"\b(?:meme|memes|pareil|idem)\b")


def piece(folded: str) -> Optional[PaySum]:
    """What a short follow-up of a calculation changes (« et pour un confirmé ? »: the level; « et en pourcentage ? »:
    the operation), as a PaySum with only that (kind "" for a level); None when it says neither."""
    if len(folded.split()) > PIECE_WORDS or MONTHLY.search(folded):
        return None  # (« et par mois le max débutant ? » after a weekly figure: another period, no follow-up of it)
    kind = next((name for name, pattern in _OPERATIONS if pattern.search(folded)), "")
    if not kind and _IN_EUROS.search(folded):
        kind = "ecart"  # « et en euros ? » after a rise in percent: the same change, in euros
    levels = tuple(dict.fromkeys(name for _, name in _found(_LEVELS, folded)))
    if kind and not levels:
        return PaySum(kind)
    if len(levels) == 1 and (not kind or _SAME.search(folded)):
        # « et pour un confirmé ? », « et pour un débutant le même écart ? »: the same calculation on that level
        # (« et au max débutant ? »: and on that bound, if one is said)
        return PaySum("", ((levels[0], bound_in(folded)),))
    return None


def renewed(kept: Optional[PaySum], folded: str, numbers: Sequence[Amount]) -> Optional[PaySum]:
    """« et 35000 ? », « et de 35k à 60k ? » right after a calculation on the student's own amounts: the same
    calculation on the new ones; None otherwise (a calculation it names itself is its own)."""
    if kept is None or not kept.kind or not kept.said or len(folded.split()) > PIECE_WORDS \
            or any(pattern.search(folded) for _, pattern in _OPERATIONS):
        return None
    found = tuple(a.value for a in numbers if a.value >= 500)
    if len(found) != len(kept.said) or found == kept.said:
        return None
    return replace(kept, said=found)


def continued(previous: PaySum, change: PaySum) -> Optional[PaySum]:
    """The calculation a follow-up asks: the previous one on the level it names, or another operation on the same
    figures; None when that makes no calculation (a ratio of whole ranges)."""
    if not previous.kind:  # a level only (placed_in): no calculation to carry on
        return None
    if change.kind:
        if previous.kind == "milieu" and change.kind != "milieu":
            # « et en pourcentage ? » after the middles of the ranges: the change from one middle to the other
            return PaySum(change.kind, _middles([level for level, _ in previous.figures]))
        if change.kind not in ("ecart", GAP_PER_MONTH, "milieu") and any(not bound for _, bound in previous.figures):
            return None
        figures = previous.figures
        if change.kind == "rapport" and not previous.said:
            # « ça fait combien de fois plus ? » after the gap between two figures: the higher over the lower
            figures = tuple(sorted(figures, key=_rank, reverse=True))
        return PaySum(change.kind, figures, previous.said, previous.months)
    level, bound = change.figures[0]
    if previous.kind == "milieu":
        return PaySum("milieu", ((level, ""),))
    if previous.kind in PERIODS and previous.said:
        # « et au max débutant ? » after « si je gagne 30k pendant 3 ans, ça fait cb au total ? »: that figure of the
        # fiche (or both ends of that level's range) over the same period
        return PaySum(previous.kind, ((level, bound),) if bound else ((level, "min"), (level, "max")),
                      months=previous.months)
    if previous.said or len({lvl for lvl, _ in previous.figures}) != 1:
        return None
    return PaySum(previous.kind, tuple((level, bound) for _, bound in previous.figures), months=previous.months)


def _rank(figure: Tuple[str, str]) -> Tuple[int, int]:
    """How high a figure stands among the fiche's: by level, then by bound (a confirmed's minimum above a beginner's
    maximum, as the fiche's levels go)."""
    level, bound = figure
    return (PAY_LEVELS.index(level) if level in PAY_LEVELS else -1, ("min", MIDDLE, "max").index(bound)
            if bound in ("min", MIDDLE, "max") else 1)


def one_level(kept: Optional[PaySum]) -> Optional[str]:
    """The one level the figures kept are of (« calcul::confirme-max »: « confirme »), None for none or two."""
    levels = {level for level, _ in kept.figures} if kept is not None else set()
    return next(iter(levels)) if len(levels) == 1 and "" not in levels else None


def placed(calculation: PaySum, kept: Optional[PaySum]) -> Optional[PaySum]:
    """A calculation whose bounds name no level (« le haut et le bas ») on the one level of the calculation or answer
    kept (`kept`); None when that is not one level. A calculation whose figures name their levels, as it is."""
    if calculation.figures == UNPLACED:
        return _on_kept(calculation, kept)
    if calculation.figures[0] == ("", MIDDLE):  # the level kept against the one named, by their middles
        # (no level kept: the other of the two, the only one it can be compared with)
        named = calculation.figures[1][0]
        level = one_level(kept) or next(other for other in PAY_LEVELS if other != named)
        if level == named:
            return None
        return replace(calculation, figures=tuple(sorted(_middles([level, named]), key=lambda f: PAY_LEVELS.index(f[0]),
                                                         reverse=calculation.kind == "rapport")))
    if calculation.figures[:1] == UNPLACED:  # from the figure kept to the one named
        last = kept.figures[-1] if kept is not None and kept.figures and all(kept.figures[-1]) else None
        level = one_level(kept)
        if last is None and level and len(calculation.figures) > 1 and calculation.figures[1][1]:
            # « l'écart avec un débutant, sur le minimum ? » after a confirmed's pay: the same bound of the level kept
            last = (level, calculation.figures[1][1])
        return replace(calculation, figures=(last,) + calculation.figures[1:]) \
            if last is not None and last != calculation.figures[1] else None
    if all(level for level, _ in calculation.figures):
        return calculation
    level = one_level(kept)
    return replace(calculation, figures=tuple((level, bound) for _, bound in calculation.figures)) if level else None


def _on_kept(calculation: PaySum, kept: Optional[PaySum]) -> Optional[PaySum]:
    """A calculation that names no figure, on those kept: the two figures just asked or computed (« le max débutant »
    then « et le max confirmé ? »: « l'écart entre les deux ? »), or the middle of the one level just answered (« la
    moyenne des deux bornes ? »); None otherwise."""
    if kept is None:
        return None
    if len(kept.figures) == 2 and all(level and bound for level, bound in kept.figures) and calculation.kind != "milieu":
        # (« ça fait combien de fois plus ? » after two figures: the higher over the lower)
        return replace(calculation, figures=tuple(sorted(kept.figures, key=_rank, reverse=True))
                       if calculation.kind == "rapport" else kept.figures)
    level = one_level(kept)
    if calculation.kind in PERIODS:
        # « et par jour ? » after a figure: that figure; after the middle of a range: that middle (« par trimestre ? »
        # after « le milieu de cette fourchette ? »); after a level's range: both its bounds
        if kept.kind == "milieu" and kept.figures and all(level for level, _ in kept.figures):
            return replace(calculation, figures=tuple((lvl, MIDDLE) for lvl, _ in kept.figures))
        if kept.figures and all(all(f) for f in kept.figures):
            return replace(calculation, figures=kept.figures)
        return replace(calculation, figures=((level, "min"), (level, "max"))) if level else None
    return replace(calculation, figures=((level, ""),)) if calculation.kind == "milieu" and level else None


def figures_asked(folded: str) -> Tuple[Tuple[str, str], ...]:
    """Two figures of the pay a message names by their level and bound (« le min débutant et le min confirmé c'est
    combien ? »), () otherwise."""
    figures = _figures(folded, [name for _, name in _found(_LEVELS, folded)])
    return figures if len(figures) == 2 and all(level and bound for level, bound in figures) else ()


def level_in(folded: str) -> bool:
    """Whether a message names a level of the pay (« en début de carrière », « les confirmés »)."""
    return bool(_found(_LEVELS, folded))


def bound_in(folded: str) -> str:
    """The one bound a message names (« et au maximum ? »: "max"), "" for none or both."""
    bounds = {name for _, name in _found(_BOUNDS, folded)}
    return bounds.pop() if len(bounds) == 1 else ""


def on_other_bound(kept: Optional[PaySum], folded: str) -> Optional[PaySum]:
    """A calculation kept across two levels on one bound (« de combien % augmente le min de débutant à confirmé ? »),
    repeated on the one bound a follow-up names instead (« et le max ? »: max; « et pour le milieu ? »: the middles);
    None otherwise."""
    if kept is None or kept.kind not in ("ecart", GAP_PER_MONTH, "pourcentage", "rapport") or len(kept.figures) != 2 \
            or kept.said:
        return None
    levels = [level for level, _ in kept.figures]
    bounds = {bound for _, bound in kept.figures}
    if len(set(levels)) != 2 or len(bounds) != 1 or not all(levels):
        return None
    bound = MIDDLE if dict(_OPERATIONS)["milieu"].search(folded) and not bound_in(folded) else bound_in(folded)
    if not bound or bound in bounds:
        return None
    return PaySum(kept.kind, tuple((level, bound) for level in levels))


def figure_kept(kept: Optional[PaySum], level: str, bound: str) -> str:
    """The pay just answered, kept for a calculation that names no figure: its level (« c'est combien pour un
    débutant ? ») and the bound asked (« au max ? »), after the one figure asked before it (« et le confirmé au
    minimum ? » after « un débutant touche au max combien ? »: both). As `remembered` keeps a calculation."""
    figure = (level, bound)
    before = kept.figures[-1:] if kept is not None and not kept.kind and kept.figures and all(kept.figures[-1]) else ()
    return remembered(PaySum("", tuple(dict.fromkeys(before + (figure,))) if bound else (figure,)))


def remembered(calculation: PaySum) -> str:
    """A calculation as the conversation keeps it (« calcul:ecart:debutant-max,confirme-min »), for its follow-up."""
    figures = ",".join(f"{level}-{bound}" for level, bound in calculation.figures)
    said = ",".join(str(a) for a in calculation.said)
    return f"{REMEMBERED}{calculation.kind}:{figures}:{said}" + (f":{calculation.months}" if calculation.months else "")


def recalled(kept: Optional[str]) -> Optional[PaySum]:
    """The calculation `remembered` kept, None for anything else."""
    if not kept or not kept.startswith(REMEMBERED):
        return None
    try:
        kind, figures, said, *months = kept[len(REMEMBERED):].split(":")
        pairs = tuple(tuple(f.split("-")) for f in figures.split(",") if f)
        return PaySum(kind, tuple((level, bound) for level, bound in pairs), tuple(int(a) for a in said.split(",") if a),
                      int(months[0]) if months else 0)
    except ValueError:
        return None


REMEMBERED = "calcul:"
