"""Load and validate the knowledge files: one YAML file per profession, plus the school's settings.

Every fact the assistant states comes from these files. A file that does not follow the schema
stops the action server at start with a French message naming the file, the field and the fix.
"""
import os
from pathlib import Path
from typing import Dict, List, Optional, Union

import yaml
from pydantic import BaseModel, Extra, ValidationError, conint, constr, root_validator

ROOT = Path(__file__).resolve().parent.parent


def knowledge_dir() -> Path:
    """ASSISTANT_KNOWLEDGE_DIR lets a school keep its knowledge files elsewhere (tests use copies)."""
    return Path(os.environ.get("ASSISTANT_KNOWLEDGE_DIR") or ROOT / "knowledge")

Text = constr(strip_whitespace=True, min_length=1)


class KnowledgeError(Exception):
    """A knowledge file is missing or wrong; the message tells a trainer what to fix."""


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class Mission(Strict):
    intitule: Text
    detail: Text


class Definition(Strict):
    resume: Text
    precision: Optional[Text]


class Quality(Strict):
    nom: Text
    detail: Text


class SoftSkills(Strict):
    qualites: List[Quality]
    precision: Optional[Text]


class HardSkill(Strict):
    id: Text
    nom: Text
    score: conint(ge=0, le=100)
    mots_cles: List[Text]
    detail: Text
    non_precise: Optional[Text]


class HardSkills(Strict):
    competences: List[HardSkill]
    precision: Optional[Text]


class Diploma(Strict):
    bac5_necessaire: bool
    reponse: Text
    voie: Text
    niveau_reference: Text
    precision: Optional[Text]


class Training(Strict):
    nom: Text
    niveau: Text
    suffisant: bool
    en_bref: Text
    general: Text
    pour_ce_metier: Text


class Trainings(Strict):
    bts: Training
    bachelor: Training
    mastere: Training


class Experience(Strict):
    poste: Text
    apport: Text


class ToolCategory(Strict):
    nom: Text
    detail: Text


class Tools(Strict):
    categories: List[ToolCategory]
    precision: Optional[Text]


class Constraints(Strict):
    liste: List[Text]
    exigences: Optional[Text]
    precision: Optional[Text]


class SalaryLevel(Strict):
    libelle: Text
    experience: Text
    annees_min: Optional[conint(ge=0)]
    annees_max: Optional[conint(ge=0)]
    min: conint(gt=0)
    max: conint(gt=0)

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        if values["min"] > values["max"]:
            raise ValueError("« min » est plus grand que « max » : inversez les deux montants")
        return values


class SalaryLevels(Strict):
    debutant: SalaryLevel
    confirme: SalaryLevel


class Salary(Strict):
    unite: Text
    niveaux: SalaryLevels
    facteurs: Text
    precision: Optional[Text]


class Evolutions(Strict):
    postes: List[Text]
    ensuite: Optional[Text]
    conditions: Optional[Text]


class Profession(Strict):
    id: constr(regex=r"^[a-z0-9_]+$")
    intitule: Text
    alias: List[Text]
    definition: Definition
    missions: List[Mission]
    soft_skills: SoftSkills
    hard_skills: HardSkills
    diplome: Diploma
    formations: Trainings
    alternance: Text
    rncp: Text
    experiences: List[Experience]
    outils: Tools
    contraintes: Constraints
    salaire: Salary
    evolutions: Evolutions
    formation_continue: Text
    # Sujets ajoutés par les formateurs (docs/guide-formateurs.md, section 3) : nom du sujet -> texte.
    autres_sujets: Dict[constr(regex=r"^[a-z0-9_]+$"), Text] = {}
    avertissement: Optional[Text]

    @root_validator(skip_on_failure=True)
    def _reference_level_exists(cls, values):
        level = values["diplome"].niveau_reference
        if level not in Trainings.__fields__:
            raise ValueError(
                f"diplome.niveau_reference vaut « {level} » : choisissez bts, bachelor ou mastere"
            )
        return values


class Contact(Strict):
    nom: Text
    service: Text
    email: constr(strip_whitespace=True, regex=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    telephone: Text
    horaires: Text
    page: constr(strip_whitespace=True, regex=r"^https?://\S+$")


class Topic(Strict):
    libelle: Text
    question: Text
    rubrique: Text
    suggestions: List[Text] = []


class Topics(Strict):
    sujets: Dict[str, Topic]
    menu: List[Text]
    # Profession answered about until the student names another one (file name without .yml).
    metier_par_defaut: Optional[Text]

    @root_validator(skip_on_failure=True)
    def _known_references(cls, values):
        known = set(values["sujets"])
        for name, topic in values["sujets"].items():
            for other in topic.suggestions:
                if other not in known:
                    raise ValueError(f"sujets.{name}.suggestions cite « {other} », qui n'est pas un sujet défini")
        for other in values["menu"]:
            if other not in known:
                raise ValueError(f"menu cite « {other} », qui n'est pas un sujet défini")
        return values


_ERROR_HINTS = {
    "value_error.missing": "champ obligatoire absent : ajoutez-le",
    "value_error.extra": "champ inconnu : vérifiez l'orthographe du nom ou supprimez-le",
    "type_error.none.not_allowed": "valeur vide : écrivez une valeur",
    "value_error.any_str.min_length": "texte vide : écrivez une valeur",
    "type_error.integer": "un nombre entier est attendu (sans espace ni €), par exemple 30000",
    "type_error.bool": "true ou false est attendu",
    "type_error.list": "une liste est attendue (lignes commençant par « - »)",
    "type_error.dict": "une rubrique avec des sous-champs est attendue",
    "type_error.str": "un texte est attendu",
    "value_error.str.regex": "format invalide",
}


def _describe(error: dict) -> str:
    field = ".".join(str(part) for part in error["loc"] if part != "__root__")
    hint = _ERROR_HINTS.get(error["type"], error["msg"])
    if error["type"].startswith("value_error.number") or error["type"] == "value_error":
        hint = error["msg"]
    return f"champ « {field} » : {hint}" if field else hint


def _read_yaml(path: Path) -> dict:
    rel = _relative(path)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{rel} : fichier introuvable. Créez-le ou corrigez le chemin.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
        raise KnowledgeError(
            f"{rel}{where} : YAML invalide ({getattr(exc, 'problem', exc)}). "
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


def _validated(model, path: Path):
    data = _read_yaml(path)
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        problems = "\n".join(f"  - {_describe(e)}" for e in exc.errors())
        raise KnowledgeError(f"{_relative(path)} : fichier invalide.\n{problems}") from exc


# Written by `make importer` (scripts/importer) for each field it did not find in the school's fiche.
MARKER = "À COMPLÉTER"


def _unfinished_fields(node, prefix: str = "") -> List[str]:
    """Dotted names of the fields whose value still holds the importer's marker."""
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [prefix] if isinstance(node, str) and MARKER in node else []
    return [f for key, value in items for f in _unfinished_fields(value, f"{prefix}.{key}" if prefix else str(key))]


def _refuse_draft(path: Path) -> None:
    """A draft imported from a fiche is not served until every « À COMPLÉTER » is replaced."""
    fields = _unfinished_fields(_read_yaml(path))
    if fields:
        problems = "\n".join(f"  - champ « {f} » : encore « {MARKER} » : remplacez-le par le fait de la fiche "
                             "de l'école (la ligne dit quoi écrire)" for f in fields)
        raise KnowledgeError(f"{_relative(path)} : brouillon importé, {len(fields)} champ(s) à compléter.\n{problems}")


def load_profession(path: Union[str, Path]) -> Profession:
    path = Path(path)
    _refuse_draft(path)
    profession = _validated(Profession, path)
    if profession.id != path.stem:
        raise KnowledgeError(
            f"{_relative(path)} : champ « id » vaut « {profession.id} » mais le fichier s'appelle "
            f"« {path.name} ». Donnez au fichier le nom {profession.id}.yml ou corrigez l'id."
        )
    return profession


def load_professions(folder: Union[str, Path, None] = None) -> Dict[str, Profession]:
    """Every profession file of the folder, by id (the file name without .yml)."""
    folder = Path(folder) if folder else knowledge_dir() / "metiers"
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise KnowledgeError(f"{_relative(folder)} : aucun fichier métier (.yml). Ajoutez-en au moins un.")
    return {p.id: p for p in (load_profession(f) for f in files)}


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
