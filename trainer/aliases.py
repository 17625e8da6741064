"""Adding a name to a profession's knowledge file (« alias »), when students call it a way the file
does not know and got another profession's answer (the console's « mauvais métier » decision).

A new alias is checked against the school's name index (core/names.py) before anything is written:
a name that already designates another profession, a name the profession already has, or an ordinary
word alone (« salaire », « métier ») is refused with a French reason. The file is rewritten as text
(its comments and layout kept), read back, and swapped in atomically: the action server's hot reload
(actions/live_school.py) then takes it within seconds.
"""
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Optional

import yaml

from core.coverage import NEUTRAL
from core.names import canonical, name_words
from core.school import School
from core.textnorm import fold

MAX_CHARS = 80
# Letters (accented too), digits, spaces, and the marks a job title uses.
_ALLOWED = re.compile(r"^[\w' ’()/&.-]+$")
_ALIAS_BLOCK = re.compile(r"^alias:[ \t]*(#.*)?$", re.M)


@dataclass
class AliasResult:
    ok: bool
    text: str                 # what the trainer reads, in French
    path: Optional[Path] = None


def as_written(alias: str) -> str:
    """The alias as the knowledge files write them: lower case, without accents, one space apart."""
    return " ".join(fold(alias).replace("’", "'").split())


def question_words_of(topic_texts: Iterable[str]) -> frozenset:
    """The words a question is made of rather than a job's name: what asks nothing in particular
    (core/coverage.py) and the words of `topic_texts`, every topic's name, question and vocabulary
    (knowledge/sujets.yml)."""
    out = {canonical(w) for w in NEUTRAL} | set(NEUTRAL)
    for text in topic_texts:
        out.update(name_words(text))
    return frozenset(out)


def question_words(school: School) -> frozenset:
    return question_words_of(text for topic in school.replier.topics.sujets.values()
                             for text in [topic.libelle, topic.question] + list(topic.vocabulaire))


def refusal(school: School, profession_id: str, alias: str, ordinary=frozenset()) -> Optional[str]:
    """Why this alias cannot be added to this profession, in French; None when it can."""
    profession = school.professions.get(profession_id)
    if profession is None:
        return "Ce métier n'existe pas dans les fichiers de connaissances : choisissez un métier de la liste."
    shown = alias.strip()
    if not shown:
        return "Écrivez le nom que l'élève a utilisé pour ce métier (par exemple « tourisme durable »)."
    if len(shown) > MAX_CHARS or not _ALLOWED.match(shown):
        return (f"« {shown[:MAX_CHARS]} » ne peut pas servir de nom de métier : {MAX_CHARS} caractères au plus, "
                "des lettres, des chiffres et des espaces.")
    words = name_words(shown)
    if not words:
        return f"« {shown} » ne contient aucun mot qui désigne un métier : écrivez un nom plus précis."
    found = school.names.find(shown, narrow=False)
    others = [pid for pid in found if pid != profession_id]
    if others:
        names = " ; ".join(school.professions[pid].intitule for pid in others if pid in school.professions)
        return (f"« {shown} » désigne déjà un autre métier ({names}) : l'ajouter ici rendrait ce nom ambigu. "
                "Choisissez un nom propre à ce métier.")
    if found == (profession_id,):
        return (f"« {shown} » désigne déjà « {profession.intitule} » : rien à ajouter. Si l'élève a reçu la "
                "réponse d'un autre métier, lisez la conversation (le métier était peut-être celui de la "
                "question précédente).")
    own = {w for name in [profession.intitule] + list(profession.alias) for w in name_words(name)}
    asked = question_words(school)
    asking = [w for w in shown.split() if name_words(w) and name_words(w)[0] in asked and name_words(w)[0] not in own]
    if asking:
        what = f"« {shown} » est" if len(shown.split()) == 1 else f"« {shown} » contient « {asking[0]} »,"
        return (f"{what} un mot des questions des élèves : ce nom ferait choisir "
                "ce métier dans des questions qui n'en parlent pas. Gardez les mots propres au métier "
                "(par exemple « tourisme durable »).")
    if len(words) == 1 and words[0] not in own and (words[0] in ordinary or fold(shown) in ordinary):
        return (f"« {shown} » est un mot courant : seul, il désignerait ce métier dans des questions qui n'en "
                "parlent pas. Ajoutez un nom de plusieurs mots (par exemple « tourisme durable »).")
    return None


def _inserted(text: str, alias: str) -> Optional[str]:
    """The file's text with `alias` appended to its « alias: » list, comments and layout kept."""
    match = _ALIAS_BLOCK.search(text)
    if match is None:
        return None
    lines = text[match.end():].split("\n")[1:]
    indent, last = "  ", 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = re.match(r"^([ \t]*)- ", line)
        if not item:
            break
        indent, last = item.group(1), i + 1
    head = text[:match.end()]
    lines.insert(last, f"{indent}- {alias}")
    return head + "\n" + "\n".join(lines)


def add_alias(path: Path, alias: str) -> AliasResult:
    """Appends `alias` (already checked by `refusal`) to the knowledge file `path`, atomically."""
    written = as_written(alias)
    try:
        text = path.read_text(encoding="utf-8")
        before = yaml.safe_load(text) or {}
    except (OSError, yaml.YAMLError) as error:
        return AliasResult(False, f"Le fichier {path.name} n'a pas pu être lu ({error.__class__.__name__}) : "
                                  "rien n'a été écrit. Lancez « make check » pour voir le problème.")
    old: List[str] = list(before.get("alias") or []) if isinstance(before, dict) else []
    new_text = _inserted(text, written) if "alias" in before else \
        text.rstrip("\n") + f"\n\n# Façons dont un élève peut nommer ce métier.\nalias:\n  - {written}\n"
    try:
        after = yaml.safe_load(new_text or "") or {}
    except yaml.YAMLError:
        after = {}
    if not new_text or list(after.get("alias") or []) != old + [written] or \
            {k: v for k, v in after.items() if k != "alias"} != {k: v for k, v in before.items() if k != "alias"}:
        return AliasResult(False, f"La liste « alias » de {path.name} n'a pas pu être complétée sans toucher au "
                                  "reste du fichier : ajoutez le nom à la main (voir le guide des formateurs).")
    temporary = path.with_name(f".{path.name}.alias.tmp")
    temporary.write_text(new_text, encoding="utf-8")
    os.replace(temporary, path)
    return AliasResult(True, written, path)
