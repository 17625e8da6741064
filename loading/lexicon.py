"""Ordinary French words, from a word-frequency lexicon (the `wordfreq` package, data in the package),
and the clipped words students write for a word of a job title (knowledge/abreviations.yml).

The name index (core/names.py) never corrects an ordinary word into a word of a profession's name: a
student who writes « combien » means combien, whatever title is one letter away. Importing wordfreq
and folding its words costs seconds; the folded set is kept in var/cache/ (ASSISTANT_CACHE_DIR
elsewhere) by wordfreq's version and the code that folds it, so a start reads one small file. Read
once per process, when a School is built.
"""
import hashlib
import os
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Optional, Tuple

import yaml

from core import yamlcache
from core.names import canonical
from core.textnorm import without_accents, words
from loading.paths import KNOWLEDGE, ROOT, cache_dir, school_file

# The most frequent French words, as wordfreq ranks them. Words beyond are rare enough to be typos.
ORDINARY_WORDS = 50_000
# The most frequent of them: never read as the initials of a title (« par », « car »).
COMMON_WORDS = 3_000
# Rarer words still known to the lexicon (« néphrologue »): never taken for a typo of a name's word by
# closeness of letters, only by sound (« boulengère », a spelling the lexicon has seen, is boulangère).
KNOWN_WORDS = 200_000
CLIPPINGS = KNOWLEDGE / "abreviations.yml"
CAREER_WORDS = KNOWLEDGE / "mots_du_metier.yml"
# The code whose change makes a cached lexicon stale.
_CODE = hashlib.sha256(b"".join(path.read_bytes() for path in (
    Path(__file__), *(ROOT / "core" / name for name in ("names.py", "textnorm.py", "gender.py"))))).hexdigest()[:16]


def _cache_file(count: int, kind: str = "lexique") -> Optional[Path]:
    folder = cache_dir()
    return None if folder is None else folder / f"{kind}-fr-{count}-{_CODE}.txt"


def _wordfreq_version() -> str:
    try:
        from importlib.metadata import version
        return version("wordfreq")
    except Exception:  # noqa: BLE001 - an unknown version only means the cache is not trusted
        return ""


def _folded(count: int, canonical_too: bool = True) -> Iterable[str]:
    with warnings.catch_warnings():  # wordfreq 3.0 imports pkg_resources, which warns on import
        warnings.simplefilter("ignore", DeprecationWarning)
        import wordfreq  # 2 s to import: only when the cached lexicon is missing or stale

    for word in wordfreq.top_n_list("fr", count):
        folded = without_accents(word)
        if folded.isalpha():
            yield folded
            if canonical_too:
                yield canonical(folded)


@lru_cache(maxsize=4)
def ordinary_words(count: int = ORDINARY_WORDS) -> FrozenSet[str]:
    """The `count` most frequent French words, folded, with their canonical form (« acteurs » -> acteur)."""
    return _cached(count, "lexique", True)


@lru_cache(maxsize=1)
def known_words() -> FrozenSet[str]:
    """The KNOWN_WORDS most frequent French words, folded."""
    return _cached(KNOWN_WORDS, "connus", False)


def _cached(count: int, kind: str, canonical_too: bool) -> FrozenSet[str]:
    path, version = _cache_file(count, kind), _wordfreq_version()
    try:
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        if version and head == version:
            return frozenset(body.split())
    except (OSError, AttributeError):
        pass
    out = frozenset(_folded(count, canonical_too))
    if path is None or not version:
        return out
    try:  # a missing or unwritable cache only means a slower start
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            tmp.write(version + "\n" + "\n".join(sorted(out)))
        os.replace(tmp.name, path)
    except OSError:
        pass
    return out


def common_words() -> FrozenSet[str]:
    return ordinary_words(COMMON_WORDS)


def language_data(path: Path) -> dict:
    """A language data file's document, shared: read it, never change it. Parsed once per text in a process
    (core/yamlcache.py, LibYAML where it reads the same), whichever copy of the project a school or a test makes:
    the pure-Python parser takes a second on noms_usuels.yml. Raises OSError."""
    return _language_document(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _language_document(text: str) -> dict:
    return yamlcache.parse(text, yaml.SafeLoader) or {}


@lru_cache(maxsize=4)
def clippings(path: Path = CLIPPINGS) -> Dict[str, Tuple[str, ...]]:
    """knowledge/abreviations.yml: a clipped or familiar word (folded) -> the folded words it stands for
    (« kine » -> (« kinesitherapeute »,)). Language data, valid for any school; {} without the file."""
    try:
        data = language_data(path)
    except OSError:
        return {}
    entries = data.get("abreviations") or {}
    return {" ".join(words(str(short))): tuple(words(str(full))) for short, full in entries.items()
            if words(str(short)) and words(str(full))}


@lru_cache(maxsize=4)
def career_words(path: Path = CAREER_WORDS) -> FrozenSet[str]:
    """knowledge/mots_du_metier.yml: the words that say a message speaks of work or studies, in the form the name
    index compares words in. Language data, valid for any school; empty without the file (then an everyday word
    that is also a title is read as the title wherever it stands, as before the file)."""
    try:
        data = language_data(path)
    except OSError:
        return frozenset()
    return frozenset(canonical(w) for entry in data.get("mots_du_metier") or () for w in words(str(entry)))


def sms_words(path: Path = CLIPPINGS) -> FrozenSet[str]:
    """knowledge/abreviations.yml's `sms`: everyday words as students abbreviate them (« cmt », « cb »), folded. Language
    data, valid for any school; empty without the file."""
    try:
        data = language_data(path)
    except OSError:
        return frozenset()
    return frozenset(" ".join(words(str(short))) for short in (data.get("sms") or {}) if words(str(short)))


def for_names(folder: Optional[Path] = None) -> Dict[str, object]:
    """The name index's language data (core/names.py NameIndex's keyword arguments): ordinary, common and
    known words (with the SMS forms of everyday words: never a name nor initials), the clippings and the words of work
    and studies (the school's copy in `folder`, else the project's)."""
    sms = sms_words(school_file(folder, CLIPPINGS))
    return {"ordinary": ordinary_words() | sms, "common": common_words() | sms, "known": known_words() | sms,
            "clippings": clippings(school_file(folder, CLIPPINGS)), "career": career_words(school_file(folder, CAREER_WORDS))}
