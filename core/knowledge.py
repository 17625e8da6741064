"""The knowledge files' schema: one YAML file per profession, plus the school's settings.

Every fact the assistant states comes from these files. A file that does not follow the schema
stops the action server at start with a French message naming the file, the field and the fix
(the messages are built here; loading/knowledge.py reads the files).
"""
import re
from typing import Dict, List, Optional

import yaml
from pydantic import BaseModel, Extra, conint, constr, root_validator, validator

from core.diplomas import NOT_ENOUGH_ALONE, REFERENCE, REQUIRED, STATUSES, SUFFICIENT
from core.misplaced import misplaced_hint
from core.textnorm import without_accents

Text = constr(strip_whitespace=True, min_length=1)
NAME_PATTERN = r"^[a-z0-9_]+$"
# Plausible bounds of a salary, in euros gross per year: outside them, the figure is a typing mistake
# (« 32 » for 32000, one zero too many), not a fact of the fiche.
SALARY_RANGE = (10_000, 300_000)


def whole_number_written(written: str) -> Optional[int]:
    """The whole number a trainer meant by « 32.000 », « 32 000 € », « 32k », « 32,5 k »; None if unclear."""
    text = re.sub(r"(€|euros?|eur)\s*$", "", written.strip().lower().replace("\u00a0", " ").replace("\u202f", " "))
    text = text.strip()
    thousands = re.fullmatch(r"(\d+)(?:[.,](\d{1,3}))?\s*k", text)
    if thousands:
        return int(thousands.group(1)) * 1000 + int((thousands.group(2) or "0").ljust(3, "0"))
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+|\d+", text):
        return int(re.sub(r"\D", "", text))
    return None


def euros(amount: int) -> str:
    """30000 -> "30 000" with a non-breaking space, as French writes amounts (the reverse of the above)."""
    return f"{amount:,}".replace(",", "\u00a0")


def whole_number(value, example: str):
    """A YAML value that must be a whole number: refuses 32.000 (read as 32.0), « 32 000 », « 32k »..."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    written = str(getattr(value, "written", value)).strip()
    guess = whole_number_written(written)
    if guess is not None:
        raise ValueError(f"« {written} » : un nombre entier est attendu, en chiffres seulement (sans espace, "
                         f"point, « k » ni « € ») : écrivez {guess}")
    raise ValueError(f"« {written} » : un nombre entier est attendu, en chiffres seulement (sans espace, "
                     f"point, « k » ni « € »), par exemple {example}")


def ascii_name(value: str) -> str:
    """« Testeur jeux société » -> testeur_jeux_societe: the name a trainer meant, in the expected format."""
    folded = without_accents(str(value))
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", folded)).strip("_")


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
    qualites: List[Quality] = []
    precision: Optional[Text]


class HardSkill(Strict):
    id: Text
    nom: Text
    score: conint(ge=0, le=100)
    # A fiche may give a skill's score without keywords or without a sentence on it: left absent.
    mots_cles: List[Text] = []
    detail: Optional[Text]
    non_precise: Optional[Text]

    @validator("score", pre=True)
    def _whole_score(cls, value):
        return whole_number(value, "70")


class HardSkills(Strict):
    competences: List[HardSkill] = []
    precision: Optional[Text]


class Diploma(Strict):
    # The fiche's own answer to « faut-il un Bac+5 ? », the way to the profession and its remarks.
    reponse: Text
    voie: Text
    precision: Optional[Text]
    # Old format (before `parcours`): read, then turned into paths (Profession._old_trainings).
    bac5_necessaire: Optional[bool]
    niveau_reference: Optional[Text]


# A diploma's level: years of study after the bac (-1: CAP or BEP, 0: bac or Bac pro, 8: doctorate).
LEVEL_RANGE = (-1, 8)


def level_written(written: str) -> Optional[int]:
    """The level a trainer meant by « Bac+3 », « bac + 2 », « CAP », « Bac pro »; None if unclear."""
    text = without_accents(str(written)).strip()
    plus = re.fullmatch(r"(?:niveau\s*)?bac\s*\+\s*(\d)", text)
    if plus:
        return int(plus.group(1))
    if re.fullmatch(r"(?:niveau\s*)?(?:cap|bep|infra[- ]?bac)", text):
        return -1
    if re.fullmatch(r"(?:niveau\s*)?(?:bac|bac pro|baccalaureat)", text):
        return 0
    return None


class DiplomaPath(Strict):
    """One path to the profession: a diploma, its level and its status for this profession."""
    nom: Text
    niveau: Optional[int]
    statut: Text
    en_bref: Optional[Text]
    general: Optional[Text]
    pour_ce_metier: Optional[Text]

    @validator("niveau", pre=True)
    def _level_number(cls, value):
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        written = str(getattr(value, "written", value)).strip()
        guess = level_written(written)
        hint = f" : écrivez {guess}" if guess is not None else (
            " (-1 pour un CAP ou un BEP, 0 pour le bac ou un Bac pro, 2 pour Bac+2, 3 pour Bac+3, 5 pour Bac+5)")
        raise ValueError(f"« {written} » : le niveau est un nombre d'années d'études après le bac{hint}")

    @validator("niveau")
    def _level_range(cls, value):
        low, high = LEVEL_RANGE
        if value is not None and not low <= value <= high:
            raise ValueError(f"{value} n'est pas un niveau : écrivez un nombre d'années après le bac, de {low} "
                             f"(CAP) à {high} (doctorat)")
        return value

    @validator("statut")
    def _known_status(cls, value):
        if value not in STATUSES:
            meant = re.sub(r"[^a-z]+", "_", without_accents(value)).strip("_")
            if meant in STATUSES:
                raise ValueError(f"statut « {value} » : écrivez {meant} (sans accent ni espace)")
            raise ValueError(f"statut « {value} » inconnu : choisissez {', '.join(STATUSES[:-1])} ou {STATUSES[-1]}")
        return value


class Training(Strict):
    """Old format: one of the three diplomas bts / bachelor / mastere."""
    nom: Text
    niveau: Text
    suffisant: bool
    en_bref: Text
    general: Text
    pour_ce_metier: Text


class Trainings(Strict):
    """Old format: exactly the BTS, the Bachelor and the Mastère."""
    bts: Training
    bachelor: Training
    mastere: Training


# The diploma topics of the NLU (intents bts, bachelor, mastere; entity « diplome »): kinds of
# knowledge/diplomes.yml. A fiche's paths may hold any other diploma.
TRAINING_IDS = tuple(Trainings.__fields__)
OLD_LEVELS = {"bts": 2, "bachelor": 3, "mastere": 5}


def paths_from_trainings(trainings: Trainings, diploma: Diploma) -> List[DiplomaPath]:
    """The old format's three diplomas as paths: the reference level is « reference »; a diploma below
    it « suffisant » or « insuffisant_seul » after its flag; above it, « suffisant » (or, when the fiche
    said no Bac+5 is needed, what its flag says), and a Bac+5 said necessary when the reference is lower
    is « requis »."""
    reference = diploma.niveau_reference
    out = []
    for which in TRAINING_IDS:
        t = getattr(trainings, which)
        level = level_written(t.niveau)
        level = OLD_LEVELS[which] if level is None else level
        if which == reference:
            status = REFERENCE
        elif which == "mastere" and diploma.bac5_necessaire:
            status = REQUIRED
        else:
            status = SUFFICIENT if t.suffisant else NOT_ENOUGH_ALONE
        out.append(DiplomaPath(nom=t.nom, niveau=level, statut=status, en_bref=t.en_bref, general=t.general,
                               pour_ce_metier=t.pour_ce_metier))
    return out


class Experience(Strict):
    poste: Text
    apport: Text


class ToolCategory(Strict):
    nom: Text
    detail: Text


class Tools(Strict):
    categories: List[ToolCategory] = []
    precision: Optional[Text]


class Constraints(Strict):
    liste: List[Text] = []
    exigences: Optional[Text]
    portee: Optional[Text]  # what facing them brings, as the fiche says it (« En surmontant ces obstacles, … »)
    precision: Optional[Text]


class SalaryLevel(Strict):
    libelle: Text
    experience: Text
    annees_min: Optional[conint(ge=0)]
    annees_max: Optional[conint(ge=0)]
    min: int
    max: int

    @validator("annees_min", "annees_max", pre=True)
    def _whole_years(cls, value):
        return None if value is None else whole_number(value, "3")

    @validator("min", "max", pre=True)
    def _whole_amount(cls, value):
        return whole_number(value, "30000")

    @validator("min", "max")
    def _plausible(cls, value):
        low, high = SALARY_RANGE
        if value < low:
            hint = f" (pour {value} 000 € : écrivez {value * 1000})" if 0 < value < 1000 else ""
            raise ValueError(f"{value} n'est pas un salaire plausible : les montants sont en euros brut par an, "
                             f"entre {low} et {high}. Écrivez le montant entier{hint}")
        if value > high:
            raise ValueError(f"{value} n'est pas un salaire plausible : les montants sont en euros brut par an, "
                             f"entre {low} et {high}. Vérifiez le nombre de zéros")
        return value

    @root_validator(skip_on_failure=True)
    def _ordered(cls, values):
        if values["min"] > values["max"]:
            raise ValueError(f"« min » ({values['min']}) est plus grand que « max » ({values['max']}) : "
                             "inversez les deux montants")
        low, high = values.get("annees_min"), values.get("annees_max")
        if low is not None and high is not None and low >= high:
            raise ValueError(f"« annees_min » ({low}) doit être plus petit que « annees_max » ({high}) : "
                             "corrigez l'un des deux")
        return values


class SalaryLevels(Strict):
    # A fiche may give one level only (no figure after 5 years): the other is left absent.
    debutant: Optional[SalaryLevel]
    confirme: Optional[SalaryLevel]

    @root_validator(skip_on_failure=True)
    def _no_overlap(cls, values):
        if values.get("debutant") is None and values.get("confirme") is None:
            raise ValueError("aucun niveau de salaire : écrivez debutant ou confirme (ou les deux) avec leurs "
                             "montants ; si la fiche ne donne aucun salaire, supprimez toute la rubrique salaire")
        if values.get("debutant") is None or values.get("confirme") is None:
            return values
        # Below debutant.annees_max years the assistant gives the beginner's salary, from
        # confirme.annees_min years the experienced one's (core/replies.py, salary_level).
        end, start = values["debutant"].annees_max, values["confirme"].annees_min
        if end is not None and start is not None and end > start:
            raise ValueError(
                f"les niveaux se chevauchent : debutant.annees_max vaut {end} et confirme.annees_min vaut {start} ; "
                f"entre {start} et {end} ans, l'assistant ne saurait pas quel salaire donner. Écrivez pour "
                f"confirme.annees_min un nombre au moins égal à {end}, ou baissez debutant.annees_max")
        return values


class Salary(Strict):
    unite: Text
    niveaux: SalaryLevels
    facteurs: Optional[Text]
    precision: Optional[Text]
    citation: Optional[Text]  # the saying the fiche puts beside its figures, as it writes it


class Evolutions(Strict):
    postes: List[Text] = []
    ensuite: Optional[Text]
    conditions: Optional[Text]


class Profession(Strict):
    id: str
    intitule: Text
    famille: Optional[str] = None
    alias: List[Text]
    definition: Definition
    # What the fiche does not give is left absent (never invented): the assistant then says « La fiche ne
    # précise pas … » (core/replies.py, silent). The definition and the diplomas are always required.
    missions: List[Mission] = []
    soft_skills: SoftSkills = SoftSkills()
    hard_skills: HardSkills = HardSkills()
    diplome: Diploma
    # The paths to the profession (any diploma, its level and status). Old files give `formations`
    # (bts / bachelor / mastere) instead: read into paths, then left None.
    parcours: List[DiplomaPath] = []
    formations: Optional[Trainings]
    alternance: Optional[Text]
    rncp: Optional[Text]
    experiences: List[Experience] = []
    outils: Tools = Tools()
    contraintes: Constraints = Constraints()
    salaire: Optional[Salary]
    evolutions: Evolutions = Evolutions()
    formation_continue: Optional[Text]
    # Sujets ajoutés par les formateurs (docs/guide-formateurs.md, section 3) : nom du sujet -> texte.
    autres_sujets: Dict[constr(regex=NAME_PATTERN), Text] = {}
    avertissement: Optional[Text]

    @validator("id", pre=True)
    def _id_format(cls, value):
        value = str(value).strip() if value is not None else value
        if value is None or re.fullmatch(NAME_PATTERN, value):
            return value
        name = ascii_name(value)
        raise ValueError(f"« {value} » : seulement des lettres minuscules sans accent (a à z), des chiffres et "
                         f"« _ », sans espace ni tiret. Écrivez « {name} » (et nommez le fichier {name}.yml)")

    @root_validator(skip_on_failure=True)
    def _paths(cls, values):
        diploma, trainings, paths = values["diplome"], values.get("formations"), values.get("parcours") or []
        if trainings is not None and paths:
            raise ValueError("champ « formations » : ancien format, alors que « parcours » est présent : gardez "
                             "seulement « parcours »")
        if trainings is not None:
            if diploma.niveau_reference not in TRAINING_IDS:
                raise ValueError(f"champ « diplome.niveau_reference » : vaut « {diploma.niveau_reference} » : choisissez "
                                 "bts, bachelor ou mastere")
            if diploma.bac5_necessaire is None:
                raise ValueError("champ « diplome.bac5_necessaire » : absent : écrivez true ou false (ancien format), ou "
                                 "décrivez les diplômes dans « parcours »")
            paths = paths_from_trainings(trainings, diploma)
            values["formations"] = None
        elif diploma.niveau_reference is not None or diploma.bac5_necessaire is not None:
            old = "niveau_reference" if diploma.niveau_reference is not None else "bac5_necessaire"
            raise ValueError(f"champ « diplome.{old} » : ancien format (sans « formations ») : supprimez-le et "
                             "donnez le statut « reference » (ou « requis ») au parcours concerné")
        if not paths:
            raise ValueError("champ « parcours » : aucun diplôme : ajoutez la rubrique « parcours » (un élément par diplôme, avec nom, "
                             "niveau et statut)")
        if not any(p.statut in (REQUIRED, REFERENCE) for p in paths):
            raise ValueError("champ « parcours » : aucun diplôme n'a le statut « reference » ni « requis » : donnez ce statut "
                             "au diplôme de référence du métier (celui que la fiche dit suffisant pour exercer)")
        values["parcours"] = paths
        values["diplome"] = diploma.copy(update={"niveau_reference": None, "bac5_necessaire": None})
        return values


class Contact(Strict):
    nom: Text
    service: Text
    email: constr(strip_whitespace=True, regex=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    telephone: Text
    horaires: Text
    page: constr(strip_whitespace=True, regex=r"^https?://\S+$")
    # Optional, for the console (console/): the booking page « proposer un rendez-vous » links to, and the
    # delay the school promises a student who leaves a question (« réponse sous 3 jours ouvrés »).
    rendez_vous: Optional[constr(strip_whitespace=True, regex=r"^https?://\S+$")]
    delai_reponse: Optional[Text]


class Topic(Strict):
    libelle: Text
    question: Text
    rubrique: Text
    suggestions: List[Text] = []
    # Words a question about this topic uses for what it asks (« tâches » for the missions): a message
    # that asks for something outside them and outside the answer's items gets « La fiche ne précise
    # pas … » (core/coverage.py), never this topic's answer as if it were the answer.
    vocabulaire: List[Text] = []
    # Word starts that name this topic in a message that names several or compares two professions
    # (« gagn » for the pay): core/understanding.py Vocabulary.topics_in.
    nomme_par: List[Text] = []


class Topics(Strict):
    sujets: Dict[str, Topic]
    menu: List[Text]
    # Profession answered about until the student names another one (file name without .yml).
    metier_par_defaut: Optional[Text]
    # The topics a message names by their words (« nomme_par »), first to last: the first one named is the one asked.
    sujets_nommes_en_premier: List[Text] = []

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
        for other in values.get("sujets_nommes_en_premier") or []:
            if other not in known:
                raise ValueError(f"sujets_nommes_en_premier cite « {other} », qui n'est pas un sujet défini")
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
}
# What each format (regex) of the schema expects, said for a trainer.
_FORMAT_HINTS = {
    NAME_PATTERN: "format invalide : seulement des lettres minuscules sans accent (a à z), des chiffres et « _ », "
                  "sans espace ni tiret (par exemple interet_du_metier)",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "format invalide : une adresse e-mail est attendue, par exemple "
                                    "orientation@ecole.fr",
    r"^https?://\S+$": "format invalide : une adresse web commençant par https:// est attendue, sans espace",
}


def validation_problem(error: dict, model=None) -> str:
    field = ".".join(str(part) for part in error["loc"] if part != "__root__")
    hint = _ERROR_HINTS.get(error["type"], error["msg"])
    if error["type"] == "value_error.extra" and model is not None:
        hint = misplaced_hint(model, error["loc"]) or hint  # a known field at the wrong indentation
    if error["type"] == "value_error.str.regex":
        hint = _FORMAT_HINTS.get(error.get("ctx", {}).get("pattern"), "format invalide")
    if error["type"].startswith("value_error.number") or error["type"] == "value_error":
        hint = error["msg"]
    return f"champ « {field} » : {hint}" if field else hint


# PyYAML's messages (in English), said for a trainer: what is wrong and what to do.
_YAML_PROBLEMS = [
    ("mapping values are not allowed", "un « : » inattendu : la ligne est mal indentée, ou un texte contenant "
                                       "« : » doit être mis entre guillemets"),
    ("could not find expected ':'", "il manque « : » après un nom de rubrique, ou un guillemet n'est pas fermé"),
    ("expected <block end>", "l'indentation ne correspond pas aux lignes voisines"),
    ("did not find expected key", "l'indentation ne correspond pas aux lignes voisines"),
    ("did not find expected '-' indicator", "un élément de liste doit commencer par « - » aligné sur les autres"),
    ("found character '\\t'", "une tabulation : utilisez des espaces"),
    ("tab character", "une tabulation : utilisez des espaces"),
    ("found character '`'", "un « ` » en début de texte : mettez le texte entre guillemets"),
    ("found character", "ce caractère ne peut pas commencer un texte (« @ », « ` », « % »…) : mettez le texte "
                        "entre guillemets"),
    ("found unexpected end of stream", "un guillemet n'est pas fermé"),
    ("found unexpected ':'", "un « : » inattendu : mettez le texte entre guillemets"),
    ("found undefined alias", "un « * » en début de texte : mettez le texte entre guillemets"),
    ("expected alphabetic or numeric character", "un « & » ou « * » en début de texte : mettez le texte entre "
                                                 "guillemets"),
    ("found unknown escape character", "une barre « \\ » dans un texte entre guillemets doubles : écrivez-la "
                                       "deux fois, ou mettez le texte entre guillemets simples"),
    ("expected escape sequence", "une barre « \\ » dans un texte entre guillemets doubles : écrivez-la deux "
                                 "fois, ou mettez le texte entre guillemets simples"),
    ("expected ',' or ']'", "une liste entre crochets [ ] n'est pas fermée, ou il manque une virgule : vérifiez les "
                            "crochets, ou mettez le texte entre guillemets"),
    ("expected ',' or '}'", "un texte qui commence par « { » doit être mis entre guillemets"),
    ("expected a single document", "une ligne « --- » coupe le fichier en deux : supprimez-la"),
    ("found another document", "une ligne « --- » coupe le fichier en deux : supprimez-la"),
    ("expected '<document start>'", "une ligne inattendue : vérifiez l'indentation, ou supprimez une ligne « --- » "
                                    "ou « ... »"),
    ("expected a comment or a line break", "du texte après un guillemet fermant : mettez tout le texte entre les "
                                           "guillemets"),
    ("expected chomping or indentation indicators", "après « | » ou « > », rien d'autre sur la ligne"),
    ("expected indentation indicator", "après « | » ou « > », rien d'autre sur la ligne"),
    ("could not determine a constructor", "un « ! » en début de texte : mettez le texte entre guillemets"),
    ("found unhashable key", "un nom de rubrique ne peut pas commencer par « [ » ou « { » : mettez-le entre "
                             "guillemets"),
    ("unacceptable character", "un caractère invisible interdit (souvent venu d'un copier-coller) : retapez la "
                               "ligne"),
    ("special characters are not allowed", "un caractère invisible interdit (souvent venu d'un copier-coller) : "
                                           "retapez la ligne"),
]


def yaml_problem(exc: yaml.YAMLError, text: str = "") -> str:
    """The French explanation of a YAML error; text (the file) lets it recognise a line pasted from the guide."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and text:
        lines = text.splitlines()
        pasted = lines[mark.line].strip() if mark.line < len(lines) else ""
        if pasted.startswith("```"):
            return ("la ligne « ``` » vient du guide (elle encadre les extraits) : supprimez-la, elle ne fait pas "
                    "partie du fichier")
    problem = str(getattr(exc, "problem", None) or exc)
    for english, french in _YAML_PROBLEMS:
        if english in problem:
            return french
    if " " not in problem.strip() or not problem.isascii():
        return problem  # our own French messages (a key written twice)
    return "la syntaxe YAML n'est pas respectée à cet endroit"


class _Decimal(float):
    """A YAML number with a decimal point, keeping how it was written: 32.000 is 32.0 for YAML, but a
    trainer meant 32000 (French thousands separator) and the message must say so."""
    written = ""


class FactLoader(yaml.SafeLoader):
    """PyYAML's safe loader that keeps how a decimal was written (« 32.000 »), for the salary checks."""
    pass


def _decimal(loader, node):
    value = _Decimal(loader.construct_yaml_float(node))
    value.written = node.value
    return value


FactLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


# Written by `make importer` (trainer/importer) for each field it did not find in the school's fiche.
MARKER = "À COMPLÉTER"


def unfinished_fields(node, prefix: str = "") -> List[str]:
    """Dotted names of the fields whose value still holds the importer's marker."""
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [prefix] if isinstance(node, str) and MARKER in node else []
    return [f for key, value in items for f in unfinished_fields(value, f"{prefix}.{key}" if prefix else str(key))]


class AbsentDetailEntry(Strict):
    libelle: Text
    proche: Optional[Text]
    remarque: Optional[Text]
    expressions: List[Text]
    avec_contexte: bool = False
    chiffres: bool = False
    # the expressions after which the fiche's yearly figures divided by 12 follow, said as a calculation
    par_mois: List[Text] = []
    inclut: List[Text] = []
    sauf: List[Text] = []


class AbsentDetails(Strict):
    """knowledge/hors_fiche.yml: the details fiches do not give, and how students ask for them."""
    precisions: Dict[str, AbsentDetailEntry]


class InterestEntry(Strict):
    libelle: Text
    eleve: List[Text]
    fiche: List[Text]


class Reformulation(Strict):
    mot: Text
    expressions: List[Text]


class ReformulationsFile(Strict):
    """knowledge/reformulations.yml: everyday ways of saying a word fiches use (« partir à l'étranger »: mobilité)."""
    reformulations: List[Reformulation] = []


class InterestsFile(Strict):
    """knowledge/interets.yml: the interests students name, and the words fiches use for them."""
    interets: Dict[constr(regex=NAME_PATTERN), InterestEntry]


