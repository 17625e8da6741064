"""The names people use for the titles of the national list of professions (knowledge/noms_usuels.yml):
« détective privé » for « Enquêteur privé / Enquêtrice privée », « pion » for a school supervisor.

Vocabulary, not facts: a name says which profession a student means, never anything about it. Written apart
from the tests (by people who saw only the list of titles). The importer adds a title's names to the aliases
of its draft, for the trainer to review (trainer/importer). A name that is also an everyday word (`courant`:
« pion », « patron ») is no alias: the name index reads it only said as a job (« je veux devenir pion »),
for a school that has that title (`reading()`).
"""
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

from core.knowledge import ascii_name
from core.names import NameIndex, canonical, name_words, typed_forms
from core.textnorm import fold, without_accents, words
from loading.lexicon import clippings, common_words, for_names, language_data
from loading.paths import KNOWLEDGE, school_file

USUAL_NAMES = KNOWLEDGE / "noms_usuels.yml"


@lru_cache(maxsize=4)
def usual_names(path: Path = USUAL_NAMES) -> Dict[str, Tuple[str, ...]]:
    """{ascii_name(title): the names of that title}; empty when the file is missing (a school may delete it)."""
    out: Dict[str, Tuple[str, ...]] = {}
    titles = _titles(path)
    for entry in _entries(path):
        names = tuple(n for n in (str(n).strip() for n in entry.get("noms") or ())
                      if _kept(n, entry["titre"], titles) and _apart(n, titles))
        if names:
            out[ascii_name(entry["titre"])] = names
    return out


@lru_cache(maxsize=4)
def _entries(path: Path) -> Tuple[dict, ...]:
    """The file's entries that have a title, read once (loading/lexicon.py language_data: once per text, with
    LibYAML, for every School loaded and every check of a copy); () when the file is missing (a school may delete it)."""
    try:
        data = language_data(path)
    except FileNotFoundError:
        return ()
    entries = data.get("noms_usuels") if isinstance(data, dict) else None
    return tuple(e for e in entries or () if isinstance(e, dict) and isinstance(e.get("titre"), str))


@lru_cache(maxsize=4)
def whole_names(path: Path = USUAL_NAMES) -> Dict[str, Tuple[str, ...]]:
    """{ascii_name(title): the names of that title read only in full}: names of several words whose first word is an
    ordinary one that starts no title (« femme de chambre », « garçon de café »). Left out of the aliases (that word
    alone would name the job), they are read when the message writes them whole (core/names.py `whole`)."""
    out: Dict[str, Tuple[str, ...]] = {}
    titles = _titles(path)
    for entry in _entries(path):
        names = tuple(n for n in (str(n).strip() for n in entry.get("noms") or ())
                      if _ordinary_start(n, titles) and _apart(n, titles))
        if names:
            out[ascii_name(entry["titre"])] = names
    return out


def whole_pairs(titles: Iterable[Tuple[str, str]], path: Path = USUAL_NAMES) -> Tuple[Tuple[str, str], ...]:
    """(profession id, name read only in full) for each (profession id, title) given, as the list writes the title
    or as a fiche does (« Employé(e) au pair »). whole_names, which needs an index of the list's titles, is read only
    when a title given is one of those that have such names: most schools build no such index at their start."""
    forms, candidates = _title_forms(path), _ordinary_named(path)
    out = []
    for pid, title in titles:
        key = ascii_name(title)
        found = key if key in _title_ids(path) else next(
            (forms[k] for k in map(name_words, typed_forms(title)) if k in forms), None)
        if found in candidates:
            out += [(pid, name) for name in whole_names(path).get(found, ())]
    return tuple(out)


@lru_cache(maxsize=4)
def _title_forms(path: Path = USUAL_NAMES) -> Dict[Tuple[str, ...], str]:
    """Each form of each title of the list, as the index reads it (« employe au pair ») -> that title's ascii_name."""
    return {k: ascii_name(e["titre"]) for e in _entries(path) for k in map(name_words, typed_forms(e["titre"])) if k}


@lru_cache(maxsize=4)
def _ordinary_named(path: Path = USUAL_NAMES) -> frozenset:
    """The titles one of whose names of several words starts with an ordinary word: those whole_names may keep
    (found without the titles' index)."""
    ordinary = common_words()
    out = set()
    for entry in _entries(path):
        for name in entry.get("noms") or ():
            parts = words(without_accents(str(name).lower()))
            if len(parts) > 1 and (canonical(parts[0]) in ordinary or parts[0] in ordinary):
                out.add(ascii_name(entry["titre"]))
                break
    return frozenset(out)


def _ordinary_start(name: str, titles: NameIndex) -> bool:
    """A name of several words whose first word is an ordinary one that starts no title of the list."""
    parts = words(without_accents(name.lower()))
    return len(parts) > 1 and _ordinary_first(parts, titles)


def _ordinary_first(parts, titles: NameIndex) -> bool:
    """Whether a name's first word (of its folded `parts`) is an ordinary one, in any of its forms, that starts no
    title of the list: alone, it would then name a profession."""
    return (canonical(parts[0]) in common_words() or parts[0] in common_words()) and not titles.heads(parts[0])


def _apart(name: str, titles: NameIndex) -> bool:
    """A name the list's titles do not read already: none of them is found in it (« conducteur de bus
    scolaire » would be read as « Conducteur de bus »). A name may start with another title's head noun
    (« aiguilleur du ciel » beside « Aiguilleur du rail »): the rest of the name tells them apart. A name of one word
    that is only the head of a longer title (« caissière » beside « Caissier de l'emballage industriel ») is kept:
    said alone, it names the job everyone calls so, and the longer title is read when written whole."""
    found = titles.find(name)
    return not found or len(words(fold(name))) == 1 and not titles.is_whole_name(name)


def _kept(name: str, title: str, titles: NameIndex) -> bool:
    """A name the index does not already read, and that reads no ordinary word as a profession: not an acronym
    nor a short word (the index reads a title's acronyms, and a short alias would be taken for a typo of
    ordinary words), not a clipped word of knowledge/abreviations.yml (« véto » is read as « vétérinaire »
    already), not a spelling of the title's own words (« maraicher »), not a name of several words whose
    first word is an ordinary one."""
    folded = without_accents(name.lower())
    parts = words(folded)
    if not parts or (len(parts) == 1 and len(folded) <= 5) or any(part in clippings() for part in parts):
        return False  # « game dev » would make « dev », read as « développeur », a word of one name
    # A name is found by its first word alone when no other name starts with it: an ordinary first word, in any
    # of its forms (« fille au pair », « présidente d'université », « carrier » for « carrière »), would make
    # that ordinary word a profession.
    # Unless that first word already starts titles of the list, and so names none alone (« garde du corps »
    # among « Garde d'enfant », « Garde de parc naturel »).
    if _ordinary_first(parts, titles):
        return False  # a name of several words is read only in full instead (whole_names)
    return len(parts) > 1 or folded not in {without_accents(w) for w in words(title.lower())}


@lru_cache(maxsize=4)
def _title_ids(path: Path = USUAL_NAMES) -> frozenset:
    """The ascii_name of every title of the list, as the list writes it."""
    return frozenset(ascii_name(e["titre"]) for e in _entries(path))


@lru_cache(maxsize=4)
def _titles(path: Path = USUAL_NAMES) -> NameIndex:
    """The list's titles (every one, with or without usual names), as the index reads them."""
    return NameIndex(((ascii_name(e["titre"]), e["titre"]) for e in _entries(path)), **for_names())


def names_of(title: str, path: Path = USUAL_NAMES) -> Tuple[str, ...]:
    """The usual names of a title of the national list, as the list writes it or as a fiche does
    (« Contrôleur(se) aérien(ne) »), or () when the title is not one of the list's."""
    names, key = usual_names(path), ascii_name(title)
    if key in names:
        return names[key]
    if key in _title_ids(path):
        return ()  # a title as the list writes it, without usual names: no look-up
    found = _titles(path).find(title)
    return names.get(found[0], ()) if len(found) == 1 else ()


@lru_cache(maxsize=4)
def said_as_job(path: Path = USUAL_NAMES) -> Dict[str, Tuple[str, ...]]:
    """The `courant` names of one word (« pion ») -> the folded words of their title's first form (« surveillant
    en milieu scolaire »): core/names.py reads such a word only said as a job, and only where the school has
    that title. Said as a job, such a word means that title even when knowledge/abreviations.yml reads it
    as a shorter name (« pion »: « surveillant »)."""
    out: Dict[str, Tuple[str, ...]] = {}
    for entry in _entries(path):
        title = tuple(words(fold(typed_forms(entry["titre"])[0])))
        for name in entry.get("courant") or ():
            parts = words(fold(str(name)))
            if len(parts) == 1 and title:
                out.setdefault(parts[0], title)
    return out


def reading(folder: Optional[Path] = None) -> Dict[str, object]:
    """The name index's language data (core/names.py NameIndex's keyword arguments): loading/lexicon.py's
    words and clippings, and the everyday words that name a job said as one (the school's copies in `folder`, else
    the project's)."""
    return {**for_names(folder), "said": said_as_job(school_file(folder, USUAL_NAMES))}
