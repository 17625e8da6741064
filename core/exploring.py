"""The dialogue's decisions about the catalogue: list the school's professions, find some by interest
or situation, compare two, and keep the context right when two are in play.

Pure functions (no Rasa), called by core/dialogue.py: `respond(school, turn)` for the catalogue
intents (action_catalogue), and `follow(school, turn)` before any topic answer, for a message that
compares two professions, or that follows a comparison (« lequel paye le mieux ? », « et les
missions ? », which then asks which profession, never mixing the two).
"""
import re
from typing import Optional, Sequence, Tuple

from core import catalogue, compare
from core.knowledge import Profession
from core.school import School
from core.textnorm import fold
from core.turn import ANSWER, CLARIFY, OUT_OF_SCOPE, Outcome, Turn

LIST, SEARCH, COMPARE = "catalogue_lister", "catalogue_chercher", "catalogue_comparer"
INTENTS = (LIST, SEARCH, COMPARE)
# The slot that holds the two professions of the last comparison (ids).
IN_PLAY = "comparaison"
# The slot that holds the professions the last list or search showed (ids, in the order shown).
SHOWN = "montres"
# A comparison is on the intent's topic only when the model is at least this sure of it.
INTENT_SURE = 0.8


def respond(school: School, turn: Turn) -> Outcome:
    """The reply to a catalogue intent: the list, a search, or a comparison."""
    professions = list(school.professions.values())
    q = turn.question
    asked = q.request
    if turn.intent == COMPARE or len(q.compared) >= 2:
        pair = pair_of(school, turn)
        if pair is None and asked.rank is not None:
            # « quel job rapporte le plus ? » with no two professions in play: the superlative over every fiche.
            found = catalogue.search(professions, asked, index=school.search_index, interests=school.interests,
                                  diploma_words=school.replier.diplomas)
            reply = school.replier.search_results(professions, q.text, found, ranked=True)
            return listed(school, [m.profession for m in found], reply, turn)
        if pair is None:
            return Outcome(school.replier.compare_which(professions))
        return comparison(school, turn, pair)
    famille = turn.famille or catalogue.family_named(q.folded, school.search_index)
    searched = turn.intent == SEARCH or asked.asks
    if famille and (turn.famille or not searched):
        # « quels métiers dans le sport ? », a domain's button: that famille's list.
        chosen = catalogue.in_family(professions, famille)
        if chosen:
            return listed(school, chosen, school.replier.catalogue_page(chosen, page_asked(turn), famille), turn)
    if searched:
        # « un métier dans le numérique, sans bac+5 » asks the list with a criterion: a search.
        found = catalogue.search(professions, asked, index=school.search_index, interests=school.interests,
                                  diploma_words=school.replier.diplomas)
        if not found and famille:  # a domain the vocabulary of interests does not name: its famille
            found = catalogue.in_family_matches(professions, famille, asked)
        reply = school.replier.search_results(professions, q.text, found, ranked=asked.rank is not None)
        return listed(school, [m.profession for m in found], reply, turn)
    reply = school.replier.catalogue_page(professions, page_asked(turn))
    if catalogue.by_family(professions):  # the familles were shown, not professions
        return listed(school, [], reply, turn)
    shown = catalogue.page(professions, page_asked(turn))
    return listed(school, [p for _, group in shown.groups for p in group], reply, turn)


# « quels métiers mènent à X ? », « qu'est-ce qui prépare à devenir X ? », « qu'avoir fait avant d'être X ? »:
# the paths that lead to a profession.
_LEADS_TO = re.compile(r"\b(?:menent|mene|menant|conduisent|conduit|preparent|prepare|permettent de devenir"
                       r"|permet de devenir|permettent d'acceder|permet d'acceder|donnent acces)\b"
                       r"|\b(?:avant|pour) (?:de devenir|d'etre|d'acceder)\b.*\b(?:quels?|quel metier)"
                       r"|\b(?:avoir fait|faire|fait)\b.{0,20}\bavant (?:de devenir|d'etre|d'acceder)\b"
                       r"|\b(?:avoir ete|avoir fait|etre passee? par)\b.{0,12}\bavant\b"
                       r"|\b(?:metiers?|postes?|qui)\b[^?]{0,30}\b(?:evoluer vers|evoluent vers|aboutir a|aboutissent a"
                       r"|debouchent sur|deboucher sur|amenent a|amener a)\b")
# « comment passer de X à Y ? », « aller de X vers Y »: a path between two professions (the two names captured).
_FROM_TO = re.compile(r"(?:\b(?:passer|aller|evoluer|bifurquer|reconvertir|changer|devenir)\b.*?\b|^)d(?:e |e la |u |')"
                      r"(?P<start>.+?)\s+(?:a|au|a la|a l'|vers|pour devenir|et devenir)\s*(?P<end>[^?!.]+)")


def path_between(school: School, turn: Turn) -> Optional[Outcome]:
    """« Comment passer de X à Y ? »: the chain of fiches from X to Y (evolutions, stepping stones);
    None when the message does not name two professions of the catalogue that way."""
    m = _FROM_TO.search(turn.question.folded)
    if len(school.professions) < 2 or not m:
        return None
    start, end = school.names.find(m.group("start")), school.names.find(m.group("end"))
    if len(start) != 1 or len(end) != 1 or start == end:
        return None
    a, b = school.professions[start[0]], school.professions[end[0]]
    steps = catalogue.path_between(a, b, school.names.resolve, school.professions)
    shown = [a] + [to for _, to, _ in steps]
    return Outcome(school.replier.path_between(a, b, steps), (("metier_id", b.id), (SHOWN, [p.id for p in shown])), b)


def paths_to(school: School, turn: Turn) -> Optional[Outcome]:
    """« Quels métiers mènent à X ? » in a catalogue: the professions whose fiche cites X among its
    evolutions, and those X's fiche cites as stepping stones; None when the message asks no such thing."""
    q = turn.question
    between = path_between(school, turn)
    if between:
        return between
    if len(school.professions) < 2 or len(q.named) != 1 or not _LEADS_TO.search(q.folded):
        return None
    target = school.professions[q.named[0]]
    sources = catalogue.leading_to(target, school.names.resolve, school.professions)
    reply = school.replier.paths_to(target, sources)
    return Outcome(reply, (("metier_id", target.id), (SHOWN, [p.id for p, _ in sources])), target)


# Words of a message that asks for professions (« quoi comme métier », « les métiers de… », « quel secteur »).
_ASKS_PROFESSIONS = re.compile(r"\b(?:metiers?|boulots?|jobs?|professions?|postes?|filieres?)\b")


def family_list(school: School, turn: Turn) -> Optional[Outcome]:
    """A message the model could not place that asks for the professions of a famille of the catalogue
    (« y a quoi comme métier dans la … ? »): that famille's list. None otherwise."""
    q = turn.question
    if len(school.professions) < 2 or q.named or not _ASKS_PROFESSIONS.search(q.folded):
        return None
    famille = catalogue.family_named(q.folded, school.search_index)
    chosen = catalogue.in_family(list(school.professions.values()), famille) if famille else []
    if not chosen:
        return None
    return listed(school, chosen, school.replier.catalogue_page(chosen, page_asked(turn), famille), turn)


# A superlative over every fiche (« le métier le mieux payé », « quel job paye le plus ? ») rather than about the
# profession in play (« ce métier, il paye le mieux où ? »).
_OVER_ALL = re.compile(r"\b(?:le|les|quel|quels|un) (?:metier|boulot|job|profession|taf)s? (?:le|la|les|qui|ou|de)\b"
                       r"|\bde (?:votre|ta|la|vos|tes) (?:liste|fiches|catalogue)|\bde tous\b|\bparmi (?:tous|vos|tes|les)\b")


# The model is this sure of the counsellor at least before a message that sets a search's filter gets the contact.
COUNSELLOR_SURE = 0.8


def filters_not_counsellor(school: School, turn: Turn) -> bool:
    """A message the model took, unsure, for a request for the counsellor while it sets a real filter of the
    catalogue search (a salary, a diploma level, a superlative): the search answers it."""
    if len(school.professions) < 2 or dict(turn.ranking).get(turn.intent, 0.0) >= COUNSELLOR_SURE:
        return False
    asked = turn.question.request
    return any(v is not None for v in (asked.min_salary, asked.max_years, asked.min_years, asked.rank))


def criteria(school: School, turn: Turn) -> bool:
    """Whether the message sets what a search reads: an interest, a salary or a diploma limit, a famille."""
    asked = turn.question.request
    return bool(asked.asks or turn.famille
                or catalogue.family_named(turn.question.folded, school.search_index))


def listed(school: School, shown: Sequence[Profession], reply, turn: Turn) -> Outcome:
    """A list or a search's outcome: the professions shown are remembered in order (« le deuxième »), and
    the only one shown becomes the profession in play (« et il gagne combien ? »)."""
    slots = ((SHOWN, [p.id for p in shown]),)
    if len(shown) == 1:
        slots += (("metier_id", shown[0].id),)
    return Outcome(reply, slots, shown[0] if len(shown) == 1 else None)


def shown(school: School, turn: Turn) -> list:
    """The professions the last list or search showed, in order."""
    ids = turn.slots.get(SHOWN)
    return [school.professions[i] for i in ids if i in school.professions] if isinstance(ids, (list, tuple)) else []


def follow(school: School, turn: Turn) -> Optional[Outcome]:
    """Before a topic answer: a message naming two professions apart is a comparison; after a
    comparison, a message that names none compares again (« lequel paye le mieux ? ») or asks which
    of the two the topic is for (« et les missions ? »). None: the topic answer goes on."""
    q = turn.question
    if len(q.compared) >= 2:
        return comparison(school, turn, pair_of(school, turn))
    pair = in_play(school, turn)
    if pair is None or q.named or q.entity_named or q.profession_entity or q.ordinal is not None:
        return None
    if q.comparative:
        return comparison(school, turn, pair)
    topic = turn.intent if turn.intent in school.fact_topics else None
    if topic is None:
        return None
    return Outcome(school.replier.which_of_two(pair, topic), (("sujet", topic),))


# A message that looks for a profession (« un boulot où… », « je peux faire quoi ? », « c'est mon
# truc »), unless it speaks of the one in the conversation (« ce métier »). Folded text.
_SEEKS = re.compile(
    r"\b(quel(le)?s? (metier|boulot|job|travail|profession|taf|domaine)s?|(un|des|d'autres|comme) (metier|boulot|job|"
    r"travail|taf)s?|quelque chose|(peux|pourrais|pourrai) faire quoi|quoi faire|pour moi|mon truc|ma passion"
    r"|m'interesse\w*|j'aime|j'adore|je kiffe|passionne\w*)\b")
_THIS_ONE = re.compile(r"\b(ce|cette|le|la) (metier|boulot|job|profession|poste)\b")


def seeks_a_profession(school: School, turn: Turn) -> bool:
    """A message, whatever its intent, that looks for a profession by an interest or a real filter
    (salary, diploma level) the catalogue search reads, naming none, in a school with several: it
    says so (« un boulot où… »), or the model could not place it (out of scope, unsure), or no
    profession is in play yet."""
    q = turn.question
    if len(school.professions) < 2 or turn.kind not in (ANSWER, CLARIFY, OUT_OF_SCOPE) \
            or q.named or q.entity_named or q.profession_entity or q.folded.startswith("/"):
        return False
    asked = q.request
    if not asked.asks:
        return False
    if (q.pay_sum is not None or q.cues.whence) and turn.slots.get("sujet") == "salaire" and not _SEEKS.search(q.folded):
        # « c calculé par toi ? », « tu calcules comment ? » right after a calculation: about that calculation, not an
        # interest
        return False
    if q.phrases and not (asked.avoids and _SEEKS.search(q.folded)):
        # A detail fiches do not give (« le week-end ? ») is about the profession in play, unless the message
        # looks for a profession without it (« un métier sans déplacements »).
        return False
    if asked.rank is not None and (_OVER_ALL.search(q.folded) or _SEEKS.search(q.folded)):
        return True
    if _THIS_ONE.search(q.folded):
        return False
    if _SEEKS.search(q.folded) or (turn.kind != ANSWER and asked.interests):
        return True
    # No profession in play (none chosen, no page, no default set by the school): « plus de 35 000 € »
    # can only be about which profession.
    return not (turn.slots.get("metier_id") in school.professions or turn.page in school.professions
                or school.replier.topics.metier_par_defaut in school.professions)


def comparison(school: School, turn: Turn, pair: Tuple[Profession, Profession]) -> Outcome:
    q = turn.question
    # The topic its words name; else the intent, when the model is sure of it (a message that names
    # two professions is easily mistaken for one of their topics).
    sure = dict(turn.ranking).get(turn.intent, 0.0) >= INTENT_SURE
    topic = q.compare_topic or (turn.intent if turn.intent in compare.TOPICS and sure else None)
    # Interests the student names (« pour quelqu'un qui aime les langues »), not those the two names
    # carry (« développeur santé » asks nothing about health).
    named = catalogue.request(fold(" ".join(n for p in pair for n in [p.intitule] + p.alias)), school.interests).interests
    interests = [i for i in q.request.interests if i not in named]
    reply = school.replier.comparison(pair[0], pair[1], topic, interests, school.interests)
    return Outcome(reply, ((IN_PLAY, [p.id for p in pair]),) + ((("sujet", topic),) if topic else ()))


def pair_of(school: School, turn: Turn) -> Optional[Tuple[Profession, Profession]]:
    """The two professions to compare: both named; one named and the one the conversation is about;
    or, named none, the two of the last comparison."""
    q = turn.question
    ids = list(q.compared) or list(q.named[:2] if len(q.named) >= 2 else ())
    if len(ids) == 1:
        current = turn.slots.get("metier_id") or turn.page
        if current in school.professions and current != ids[0]:
            ids = [current, ids[0]]
    if len(ids) >= 2:
        return school.professions[ids[0]], school.professions[ids[1]]
    return in_play(school, turn)


def in_play(school: School, turn: Turn) -> Optional[Tuple[Profession, Profession]]:
    ids = turn.slots.get(IN_PLAY)
    if isinstance(ids, (list, tuple)) and len(ids) == 2 and all(i in school.professions for i in ids):
        return school.professions[ids[0]], school.professions[ids[1]]
    return None


def page_asked(turn: Turn) -> int:
    """The page of the list a « Voir plus de métiers » button asks for (entity « page »), from 0."""
    value = turn.page_number
    return value if isinstance(value, int) and value >= 0 else 0


def with_paths(school: School, profession: Profession, topic: str, buttons: Sequence[dict]) -> list:
    """An evolution or stepping-stone answer offers to open the fiches of the catalogue it names."""
    if topic not in ("evolutions", "experiences") or len(school.professions) < 2:
        return list(buttons)
    paths = school.replier.path_buttons(profession, school.names.resolve, school.professions, topic)
    return paths + [b for b in buttons if b["payload"] not in {p["payload"] for p in paths}]
