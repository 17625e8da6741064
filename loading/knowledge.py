"""Reading the knowledge files: each file read, parsed and validated against core/knowledge.py's
schema, with a French message naming the file, the field and the fix. Without a path, a loader reads
the knowledge folder (loading/paths.py: ASSISTANT_KNOWLEDGE_DIR or the project's knowledge/).
"""
import functools
from pathlib import Path
from typing import Dict, Optional, Union

import yaml
from pydantic import ValidationError

from core import yamlcache
from core.diplomas import Diplomas, DiplomaWords
from core.knowledge import (
    MARKER,
    AbsentDetails,
    Contact,
    FactLoader,
    InterestsFile,
    KnowledgeError,
    Profession,
    ReformulationsFile,
    Topics,
    unfinished_fields,
    validation_problem,
    yaml_problem,
)
from loading.paths import KNOWLEDGE, ROOT, knowledge_dir


def _read_yaml(path: Path, text: Optional[str] = None) -> dict:
    rel = _relative(path)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        data = yamlcache.parse(text, FactLoader)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{rel} : fichier introuvable. Créez-le ou corrigez le chemin.") from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{rel} : le fichier n'est pas en UTF-8 ({exc.reason}). Enregistrez-le en UTF-8.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
        raise KnowledgeError(
            f"{rel}{where} : YAML invalide ({yaml_problem(exc, text)}). "
            "Vérifiez l'indentation (espaces, pas de tabulations) et les deux-points."
        ) from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{rel} : le fichier doit contenir des rubriques « nom: valeur », pas une liste ni un texte seul.")
    return data


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _validated(model, path: Path, data: Optional[dict] = None):
    data = _read_yaml(path) if data is None else data
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        problems = "\n".join(f"  - {validation_problem(e, model)}" for e in exc.errors())
        raise KnowledgeError(f"{_relative(path)} : fichier invalide.\n{problems}") from exc


def _refuse_draft(path: Path, data: dict) -> None:
    """A draft imported from a fiche is not served until every « À COMPLÉTER » is replaced."""
    fields = unfinished_fields(data)
    if fields:
        problems = "\n".join(f"  - champ « {f} » : encore « {MARKER} » : remplacez-le par le fait de la fiche "
                             "de l'école (la ligne dit quoi écrire)" for f in fields)
        raise KnowledgeError(f"{_relative(path)} : brouillon importé, {len(fields)} champ(s) à compléter.\n{problems}")


def load_profession(path: Union[str, Path], cache=None) -> Profession:
    """One profession file, validated; with a cache (loading/knowledge_cache.py), a file whose content was
    already validated is not parsed again."""
    path = Path(path)
    if cache is None:
        return _read_profession(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{_relative(path)} : fichier introuvable. Créez-le ou corrigez le chemin.") from exc
    profession = cache.profession(raw, Profession.parse_obj, lambda: _read_profession(path, raw))
    _check_file_name(profession, path)
    return profession


def _read_profession(path: Path, raw: Optional[bytes] = None) -> Profession:
    data = _read_yaml(path, None if raw is None else raw.decode("utf-8"))
    _refuse_draft(path, data)
    profession = _validated(Profession, path, data)
    _check_file_name(profession, path)
    return profession


def _check_file_name(profession: Profession, path: Path) -> None:
    if profession.id != path.stem:
        raise KnowledgeError(
            f"{_relative(path)} : champ « id » vaut « {profession.id} » mais le fichier s'appelle "
            f"« {path.name} ». Donnez au fichier le nom {profession.id}.yml ou corrigez l'id."
        )


def load_professions(folder: Union[str, Path, None] = None, cache=None) -> Dict[str, Profession]:
    """Every profession file of the folder, by id (the file name without .yml)."""
    folder = Path(folder) if folder else knowledge_dir() / "metiers"
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise KnowledgeError(f"{_relative(folder)} : aucun fichier métier (.yml). Ajoutez-en au moins un.")
    professions = {p.id: p for p in (load_profession(f, cache) for f in files)}
    if cache is not None:
        cache.save()
    return professions


def load_contact(path: Union[str, Path, None] = None) -> Contact:
    return _validated(Contact, Path(path or knowledge_dir() / "contact.yml"))


def load_topics(path: Union[str, Path, None] = None) -> Topics:
    return _validated(Topics, Path(path or knowledge_dir() / "sujets.yml"))


def load_templates(path: Union[str, Path, None] = None) -> Dict[str, str]:
    """French reply templates, by name (flattened: "salaire.niveau")."""
    path = Path(path or knowledge_dir() / "reponses.yml")
    data = _read_yaml(path)
    flat: Dict[str, str] = {}

    def walk(prefix: str, node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else str(key), value)
        elif isinstance(node, str) and node.strip():
            flat[prefix] = node.strip()
        else:
            raise KnowledgeError(f"{_relative(path)} : champ « {prefix} » : un texte non vide est attendu.")

    walk("", data)
    return flat


def load_absent_details(path: Union[str, Path, None] = None, topics: Optional[Topics] = None) -> AbsentDetails:
    path = Path(path or knowledge_dir() / "hors_fiche.yml")
    details = _validated(AbsentDetails, path)
    if topics is not None:
        for name, entry in details.precisions.items():
            if entry.proche and entry.proche != "question" and entry.proche not in topics.sujets:
                raise KnowledgeError(
                    f"{_relative(path)} : champ « precisions.{name}.proche » vaut « {entry.proche} », qui n'est pas "
                    f"un sujet de sujets.yml. Écrivez un sujet ({', '.join(topics.sujets)}), « question » ou rien.")
    for name, entry in details.precisions.items():
        unknown = [other for other in entry.inclut if other not in details.precisions]
        if unknown:
            raise KnowledgeError(
                f"{_relative(path)} : champ « precisions.{name}.inclut » : « {unknown[0]} » n'est pas une précision "
                f"de ce fichier. Écrivez le nom d'une précision ({', '.join(details.precisions)}).")
    return details


def load_interests(path: Union[str, Path]) -> InterestsFile:
    return _validated(InterestsFile, Path(path))


def load_reformulations(path: Union[str, Path]) -> ReformulationsFile:
    return _validated(ReformulationsFile, Path(path))


def load_diplomas(path: Union[str, Path]) -> Diplomas:
    """A diploma vocabulary (knowledge/diplomes.yml), validated, its patterns compiled."""
    return Diplomas(_validated(DiplomaWords, Path(path)))


@functools.lru_cache(maxsize=1)
def project_diplomas() -> Diplomas:
    """The project's diploma vocabulary, read once: what the importer and the trainer's tools read a fiche's
    diplomas with."""
    return load_diplomas(KNOWLEDGE / "diplomes.yml")
