"""`make importer FICHE=… [ECRASER=1]` : read a fiche métier, write its draft knowledge file, say what is left.

`make importer FICHES=dossier/ [ECRASER=1]` : the same for every `*.txt` of a folder, one line per fiche.
"""
import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple, Union

import yaml

from core import yamlcache
from core.names import NameIndex
from core.textnorm import listed
from loading.paths import knowledge_dir
from loading.usual_names import names_of, reading
from trainer.aliases import question_words_of
from trainer.importer.facts import Fact, Missing, absent, draft_leaves
from trainer.importer.parse import read_fiche
from trainer.importer.render import render
from trainer.importer.verify import verify
from trainer.short_names import designating


class FicheError(Exception):
    """Bad input: the message tells the trainer what to do; `reason` is it without the file it is about."""

    def __init__(self, reason: str, path: Optional[Path] = None):
        super().__init__(reason if path is None else f"{path} : {reason}")
        self.reason, self.path = reason, path


def _replace(draft, field: str, replacement) -> None:
    *parents, last = [int(p) if p.isdigit() else p for p in field.split(".")]
    node = draft
    for part in parents:
        node = node[part]
    node[last] = replacement


def import_fiche(text: str, source_name: str, others: Sequence[Tuple[str, str]] = (), asked: FrozenSet[str] = frozenset()):
    """(draft, yaml text, markers, unused passages, facts that failed the verification) — no file written.
    `others`: (id, name) of the school's other professions; the complements of the title that designate this
    profession alone among them become aliases too (trainer/short_names.py). `asked`: words of questions."""
    draft, unused = read_fiche(text)
    add_short_names(draft, others, asked)
    rejected = verify(draft, text)
    for field, problem in rejected:  # never write a fact the fiche does not support
        _replace(draft, field, Missing(f"l'importeur n'a pas pu vérifier ce fait dans la fiche ({problem})"))
    yaml_text, markers = render(draft, source_name)
    return draft, yaml_text, markers, unused, rejected


def add_short_names(draft, others: Sequence[Tuple[str, str]], asked: FrozenSet[str]) -> None:
    """« tourisme durable » for « Chargé(e) de projets tourisme durable », when no other profession of the school
    is read from it: added to the aliases the importer writes."""
    alias, name, pid = draft.get("alias"), draft.get("intitule"), draft.get("id")
    if not (isinstance(alias, Fact) and isinstance(name, Fact) and isinstance(pid, Fact)):
        return
    index = NameIndex([(o, n) for o, n in others if o != pid.value], **reading())
    extra = designating(name.value, pid.value, index, alias.value, asked)
    if extra:
        alias.value = list(alias.value) + extra
        alias.note += " ; les formes courtes du titre qu'aucun autre métier de l'école ne porte"
    known = {a.lower() for a in alias.value}
    usual = [n for n in names_of(name.value, knowledge_dir() / "noms_usuels.yml") if n.lower() not in known and not index.find(n)]
    if usual:
        alias.value = list(alias.value) + usual
        alias.note += " ; les noms d'usage de ce titre (knowledge/noms_usuels.yml) qu'aucun autre métier de l'école ne porte"


def school_names(folder: Path) -> List[Tuple[str, str]]:
    """(id, name) of every title and alias of the knowledge files of `folder` (a file that cannot be read is
    left out: `make check` names it)."""
    out = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        try:
            data = yamlcache.parse(path.read_text(encoding="utf-8"), yaml.SafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("intitule"), str):
            pid = str(data.get("id") or path.stem)
            out += [(pid, n) for n in [data["intitule"]] + list(data.get("alias") or []) if isinstance(n, str)]
    return out


def question_words(knowledge: Path) -> FrozenSet[str]:
    """The words of questions (trainer/aliases.py), read from the knowledge folder's sujets.yml: never a short
    name of a profession."""
    try:
        topics = yamlcache.parse((knowledge / "sujets.yml").read_text(encoding="utf-8"), yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        topics = None
    sujets = topics.get("sujets") if isinstance(topics, dict) else None
    return question_words_of(str(text or "") for topic in (sujets or {}).values() if isinstance(topic, dict)
                             for text in [topic.get("libelle"), topic.get("question")] + list(topic.get("vocabulaire") or []))


def _read(path: Path) -> str:
    if not path.is_file():
        raise FicheError("fichier introuvable. Indiquez le chemin de la fiche : "
                         "make importer FICHE=chemin/vers/fiche.txt", path)
    try:
        text = path.read_text(encoding="utf-8")
    except PermissionError:
        raise FicheError("lecture refusée (droits du fichier). Donnez le droit de lecture sur ce fichier, "
                         "ou copiez-le ailleurs.", path) from None
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="cp1252")
        except UnicodeDecodeError:
            raise FicheError("le fichier n'est pas du texte. Copiez le texte de la page de la "
                             "fiche dans un fichier .txt (UTF-8).", path) from None
    if not text.strip():
        raise FicheError("le fichier est vide. Copiez-y le texte de la page de la fiche.", path)
    return text


@dataclass
class Imported:
    """One fiche read and imported into its draft, not written yet."""
    fiche: Path
    target: Path
    draft: dict
    yaml_text: str
    markers: list
    unused: List[str]
    rejected: list


def prepare(fiche: Path, folder: Path, others: Optional[List[Tuple[str, str]]] = None) -> Imported:
    """Read and import one fiche, its target in `folder`; FicheError if it is not a fiche métier. Nothing written.
    `others`: the names of the school's professions (read from `folder` when not given)."""
    text = _read(fiche)
    others = school_names(folder) if others is None else others
    draft, yaml_text, markers, unused, rejected = import_fiche(text, fiche.name, others, question_words(folder.parent))
    if isinstance(draft["id"], Missing):
        raise FicheError("le nom du métier est introuvable (la fiche doit contenir une phrase « Le métier de … » ou « Le métier d’… "
                         "repose sur … »). Est-ce bien une fiche métier ?", fiche)
    return Imported(fiche, folder / f"{draft['id'].value}.yml", draft, yaml_text, markers, unused, rejected)


def write(imported: Imported, overwrite: bool, again: str) -> None:
    """Write the draft, unless its target exists and not `overwrite` (`again`: the make arguments that would)."""
    target = imported.target
    if target.exists() and not overwrite:
        raise FicheError(f"{target} existe déjà : rien n'a été écrit. Pour le remplacer par le brouillon "
                         f"importé (vos modifications seront perdues) : make importer {again} ECRASER=1")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.yaml_text, encoding="utf-8")


def summary(draft, target: Path, markers, unused: List[str], rejected) -> str:
    found = [(".".join(map(str, p))) for p, leaf in draft_leaves(draft) if isinstance(leaf, Fact)]
    sections = {}
    for field in found:
        sections.setdefault(field.split(".")[0], 0)
        sections[field.split(".")[0]] += 1
    lines = [f"Fiche importée dans {target}.", "",
             f"Trouvé dans la fiche ({len(found)} champs) : " + ", ".join(
                 f"{name} ({count})" if count > 1 else name for name, count in sections.items()) + "."]
    if markers:
        lines += ["", f"À compléter ({len(markers)}) : cherchez « À COMPLÉTER » dans le fichier."]
        lines += [f"  - ligne {line}, champ « {field} » : {hint}" for line, field, hint in markers]
    else:
        lines += ["", "Rien à compléter : relisez quand même les textes longs (ils sont recopiés tels quels)."]
    if not isinstance(draft.get("famille"), Fact):
        lines += ["", "Famille de métiers : la fiche n'en indique pas. Pour regrouper ce métier avec d'autres dans "
                      "la liste de l'assistant, écrivez-la dans le fichier (par exemple « famille: tourisme »)."]
    left_out = absent(draft)
    if left_out:
        lines += ["", f"Absents de la fiche, laissés absents ({len(left_out)}) : l'assistant répondra « La fiche ne "
                      "précise pas … » et proposera le conseiller. N'y écrivez rien que la fiche ne dit pas."]
        lines += [f"  - {field} : {leaf.what}" for field, leaf in left_out]
    if rejected:
        lines += ["", "Faits écartés car introuvables tels quels dans la fiche (remplacés par « À COMPLÉTER ») :"]
        lines += [f"  - {field} : {problem}" for field, problem in rejected]
    if unused:
        lines += ["", "Passages de la fiche repris nulle part (vérifiez qu'il n'y manque rien) :"]
        lines += [f"  - « {p[:100]}{'…' if len(p) > 100 else ''} »" for p in unused]
    lines += ["", "Ensuite : complétez et relisez le fichier, puis `make check`. Un assistant lancé par `make run` "
                  "prend le fichier en compte tout seul en quelques secondes, sans redémarrer ni ré-entraîner."]
    return "\n".join(lines)


def _shown(path: Path) -> Path:
    """The path as the trainer typed it from the project: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _same_id(outcomes: Dict[Path, Union[Imported, FicheError]]) -> None:
    """Refuse every fiche whose id another fiche of the folder also gets: which one is right is a human's call."""
    by_target = defaultdict(list)
    for fiche, outcome in outcomes.items():
        if isinstance(outcome, Imported):
            by_target[outcome.target].append(fiche)
    for target, fiches in by_target.items():
        if len(fiches) > 1:
            reason = (f"{listed([f.name for f in fiches])} donnent le même métier « {target.stem} » ({target}) : "
                      "rien n'a été écrit pour elles. Gardez une seule de ces fiches dans le dossier, puis relancez.")
            for fiche in fiches:
                outcomes[fiche] = FicheError(reason, fiche)


def import_folder(fiches: Path, folder: Path, overwrite: bool) -> int:
    """Import every `*.txt` of `fiches` in name order; one line per fiche, a total; 1 if any was refused."""
    if not fiches.exists():
        raise FicheError("dossier introuvable. Indiquez le dossier des fiches : "
                         "make importer FICHES=chemin/vers/dossier/", fiches)
    if not fiches.is_dir():
        raise FicheError(f"ce n'est pas un dossier. Pour importer une seule fiche : make importer FICHE={fiches}",
                         fiches)
    paths = sorted((p for p in fiches.iterdir() if p.suffix.lower() == ".txt" and not p.is_dir()),
                   key=lambda p: p.name)
    if not paths:
        raise FicheError("aucune fiche dans ce dossier (aucun fichier .txt). Copiez le texte de la page de "
                         "chaque fiche dans un fichier .txt de ce dossier.", fiches)
    folder = _shown(folder)
    outcomes: Dict[Path, Union[Imported, FicheError]] = {}
    names = school_names(folder)  # and each fiche's names as it is read: two fiches never share a short name
    for fiche in paths:
        try:
            outcomes[fiche] = prepare(fiche, folder, names)
            draft = outcomes[fiche].draft
            names = names + [(draft["id"].value, n) for n in [draft["intitule"].value] + list(draft["alias"].value)] \
                if isinstance(draft.get("alias"), Fact) and isinstance(draft.get("intitule"), Fact) else names
        except FicheError as error:
            outcomes[fiche] = error
    _same_id(outcomes)
    complete = incomplete = refused = 0
    for fiche in paths:
        outcome = outcomes[fiche]
        if isinstance(outcome, Imported):
            try:
                write(outcome, overwrite, f"FICHE={fiche}")
            except FicheError as error:
                outcome = error
        if isinstance(outcome, FicheError):
            refused += 1
            print(f"✗ {fiche.name} : refusé : {outcome.reason if outcome.path == fiche else outcome}")
            continue
        left_out = absent(outcome.draft)
        unused = (f" ; {len(left_out)} champ(s) absent(s) de la fiche" if left_out else "") + \
            (f" ; {len(outcome.unused)} passage(s) de la fiche repris nulle part" if outcome.unused else "")
        if outcome.markers:
            incomplete += 1
            print(f"… {fiche.name} → {outcome.target} : écrit, {len(outcome.markers)} champ(s) à compléter{unused}")
        else:
            complete += 1
            print(f"✓ {fiche.name} → {outcome.target} : écrit, rien à compléter{unused}")
    print(f"Total : {len(paths)} fiche{'s' if len(paths) > 1 else ''}, {complete} écrite(s) complète(s), "
          f"{incomplete} à compléter, {refused} refusée(s).")
    if complete or incomplete:
        print("Ensuite : " + ("remplacez chaque « À COMPLÉTER » (`make check` donne le fichier, la ligne et le "
                              "champ), " if incomplete else "") +
              "relisez chaque fichier écrit, puis `make check`. Un assistant lancé par `make run` prend les "
              "fichiers en compte tout seul en quelques secondes, sans redémarrer ni ré-entraîner.")
    return 1 if refused else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Crée le brouillon de fiche métier (YAML) d'une fiche texte, "
                                                 "ou de chaque fiche d'un dossier.")
    parser.add_argument("fiche", nargs="?", type=Path, help="le texte de la fiche (copié de la page de l'école)")
    parser.add_argument("--fiches", metavar="DOSSIER", type=Path,
                        help="importe chaque fiche (*.txt) de ce dossier, une ligne par fiche")
    parser.add_argument("--ecraser", dest="overwrite", action="store_true", help="remplace un fichier métier existant")
    parser.add_argument("--dossier", dest="folder", metavar="DOSSIER", type=Path,
                        help="dossier des fiches métier (défaut : knowledge/metiers)")
    args = parser.parse_args(argv)
    try:
        if args.fiche is not None and args.fiches is not None:
            raise FicheError("Indiquez soit une fiche (FICHE=chemin/vers/fiche.txt), soit un dossier de fiches "
                             "(FICHES=chemin/vers/dossier/), pas les deux : rien n'a été importé.")
        if args.fiches is not None:
            return import_folder(args.fiches, args.folder or knowledge_dir() / "metiers", args.overwrite)
        if args.fiche is None:
            raise FicheError("Indiquez la fiche : make importer FICHE=chemin/vers/fiche.txt "
                             "(ou toutes celles d'un dossier : make importer FICHES=chemin/vers/dossier/)")
        imported = prepare(args.fiche, args.folder or knowledge_dir() / "metiers")
        write(imported, args.overwrite, "FICHE=…")
    except FicheError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    print(summary(imported.draft, imported.target, imported.markers, imported.unused, imported.rejected))
    return 0


if __name__ == "__main__":
    sys.exit(main())
