#!/usr/bin/env python3
"""`make check` : vérifie les données d'entraînement et les fichiers de connaissances.

Les vérifications du projet passent d'abord (une seconde, sans Rasa), puis
`rasa data validate --fail-on-warnings` (environ 15 s ; `--sans-rasa` le saute).
Chaque problème est écrit en français : le fichier, la ligne quand il y en a une, et quoi faire.
Quand un nom mal écrit cause plusieurs problèmes, la cause vient d'abord (« vouliez-vous dire … ? »)
et ses conséquences sont regroupées dessous.

    python -m trainer.check                      # le projet
    python -m trainer.check --projet /une/copie  # une copie du projet (les tests s'en servent)
    python -m trainer.check --sans-rasa          # seulement les vérifications rapides

Code de sortie : 0 si tout est correct (des avertissements peuvent être affichés), 1 sinon.
"""
import argparse
import hashlib
import json
import os
import re
import string
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Dict, List, Optional, Set, Tuple

from core.gender import gender_forms
from core.names import gendered_forms, name_words
from core.replies import BUILDERS, TOPIC_TEMPLATE_FIELDS, Replier
from loading.paths import cache_dir
from trainer import story_conflicts
from trainer.project import (
    HELD_OUT_DIR,
    RASA_ACTIONS,
    ROOT,
    TOPIC_ACTION,
    Example,
    Project,
    block_examples,
    close_name,
    did_you_mean,
    example_text,
    leaves,
    normalise,
    step_intents,
)
from trainer.short_names import read_as_other
from trainer.template_fields import TEMPLATE_FIELDS

MIN_EXAMPLES = 25
# Topics whose answer is built by the code (the explicit table of core/replies.py).
CODE_TOPICS = frozenset(BUILDERS)
# Topics of knowledge/sujets.yml that action_repondre does not answer.
TOPICS_OUTSIDE_FICHE = {"conseiller"}
# Follow-up intent (« et pour un confirmé ? »): action_repondre keeps the previous topic.
FOLLOW_UP_INTENT = "relance"
# Intents Rasa provides itself (rasa.shared.core.constants), without declaring them.
RASA_INTENTS = {"restart", "back", "out_of_scope", "session_start", "nlu_fallback"}
# A profession file is a copy of another when at least this share of its texts are the other's.
COPIED_SHARE = 0.5
# Fields of a profession file that name it rather than describe it.
NAMING_FIELDS = {"id", "intitule", "alias", "avertissement"}
_PAYLOAD = re.compile(r"^/([A-Za-z0-9_]+)")
_FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_GUIDE_LINE = re.compile(r"^(#\s*exemple\s*:|```)")


# -- problems ------------------------------------------------------------------------------------
@dataclass
class Problem:
    """One thing to fix, in French. `about` is the intent or topic name it concerns: problems about a
    misspelt name are grouped under their cause. A warning does not make the check fail."""
    message: str
    about: Optional[str] = None
    warning: bool = False
    consequences: List["Problem"] = field(default_factory=list)



# -- the checks: each returns the problems it finds ------------------------------------------------
def check_required_files(project: Project) -> List[Problem]:
    return [Problem(f"{name} : fichier introuvable. Remettez-le à la racine du projet.")
            for name in ("domain.yml", "config.yml") if not (project.root / name).exists()]


def check_syntax(project: Project) -> List[Problem]:
    return [Problem(message) for message in project.unreadable.values()]


def check_knowledge_files(project: Project) -> List[Problem]:
    problems = [Problem(message) for message in project.knowledge_problems]
    folder = project.root / "knowledge" / "metiers"
    if not list(folder.glob("*.yml")):
        problems.append(Problem(f"{project.rel(folder)} : aucun fichier métier (.yml). Ajoutez-en au moins un "
                                "(voir docs/guide-formateurs.md)."))
    return problems


def check_example_lines(project: Project) -> List[Problem]:
    problems = []
    for intent, place in project.intents_without_examples:
        problems.append(Problem(f"{project.at(*place)} : l'intention « {intent} » n'a pas d'exemples. Écrivez "
                                "« examples: | » puis un exemple par ligne, commençant par « - ».", intent))
    for intent, path, line, raw in project.example_lines:
        here, text = project.at(path, line), raw.strip()
        if _GUIDE_LINE.match(text):
            problems.append(Problem(f"{here} : « {text} » est une ligne du guide, pas un exemple : supprimez "
                                    "cette ligne (dans un bloc d'exemples, « # » n'est pas un commentaire)."))
        elif text.startswith("#"):
            problems.append(Problem(f"{here} : « {text} » : dans un bloc d'exemples, « # » n'est pas un "
                                    "commentaire. Supprimez cette ligne, ou écrivez-la au-dessus de "
                                    "« - intent: »."))
        elif not raw.startswith("-"):
            problems.append(Problem(f"{here} : « {text} » ne commence pas par « - » : Rasa ignorerait cet "
                                    "exemple. Ajoutez « - » au début, aligné sur les autres exemples."))
        elif example_text(raw) is None:
            problems.append(Problem(f"{here} : exemple vide. Écrivez une question après « - » ou supprimez "
                                    "la ligne."))
    return problems


def check_duplicate_examples(project: Project) -> List[Problem]:
    """The same example twice, capitals, accents and final punctuation ignored: within one intent it
    adds nothing (« merci » and « merci ! » are one example for the assistant); across two intents
    the assistant cannot choose."""
    problems = []
    seen: Dict[str, Tuple[str, Example]] = {}
    for intent, examples in project.examples.items():
        for example in examples:
            key = normalise(example.text)
            if key not in seen:
                seen[key] = (intent, example)
                continue
            other_intent, other = seen[key]
            if other_intent == intent:
                where = "plus haut" if other.path == example.path else "dans " + project.rel(other.path)
                same = "" if other.text == example.text else f" (« {other.text} » : majuscules, accents et " \
                                                              "ponctuation finale ne comptent pas)"
                problems.append(Problem(
                    f"{project.at(example.path, example.line)} : l'exemple « {example.text} » est déjà écrit "
                    f"{where} (ligne {other.line}){same}. Supprimez l'une des deux lignes."))
            else:
                problems.append(Problem(
                    f"{project.at(example.path, example.line)} (intention « {intent} ») et "
                    f"{project.at(other.path, other.line)} (intention « {other_intent} ») : le même exemple "
                    f"« {example.text} » est dans deux intentions, l'assistant ne peut pas savoir laquelle "
                    "choisir. Gardez-le dans le seul fichier du bon sujet et supprimez l'autre ligne."))
    return problems


def check_held_out_sentences(project: Project) -> List[Problem]:
    """A sentence of tests/nlu/ in data/nlu/ makes the measure on « never seen » sentences a lie.
    Compared as every trainer tool compares examples (trainer.project.normalise)."""
    trained = project.example_index()
    problems = []
    for sentence in project.held_out() + project.held_out_messages():
        copies = trained.get(normalise(sentence.text))
        if copies:
            _, copy = copies[0]
            problems.append(Problem(
                f"{project.at(copy.path, copy.line)} : l'exemple « {copy.text} » est une phrase de test "
                f"({project.at(sentence.path, sentence.line)}). Les phrases de {HELD_OUT_DIR}/ mesurent "
                "l'assistant sur des phrases qu'il n'a jamais vues : supprimez cette ligne de "
                f"{project.rel(copy.path)} (ou écrivez une autre phrase)."))
    return problems


# The entities whose lookup alone finds them, and whose miss changes whom the answer is about: a profession the lookup
# lacks (« combien gagne un traducteur ? ») is answered with the school's profession's figures. (Diplomas, levels and
# skills are also read by the understanding's own vocabulary.)
LOOKED_UP = ("metier",)
_ANNOTATED = re.compile(r"\[([^\]]+)\](?:\((\w+)\)|\{\"entity\": \"(\w+)\"[^}]*\})")


def check_annotated_lookups(project: Project) -> List[Problem]:
    """A profession annotated in an example (« combien gagne un [traducteur](metier) ») that the lookup table does not
    list is never found: the assistant reads that entity with its lookup table only (config.yml, RegexEntityExtractor),
    and would answer with the school's own profession's figures."""
    lookups: Dict[str, set] = defaultdict(set)
    for path in project.files("data"):
        nlu = project.mapping(path).get("nlu")
        for item in nlu if isinstance(nlu, list) else []:
            if isinstance(item, dict) and "lookup" in item:
                lookups[str(item["lookup"])] |= {normalise(v) for v in block_examples(item.get("examples"))}
    problems = []
    for _, examples in project.examples.items():
        for example in examples:
            for value, short, long in _ANNOTATED.findall(example.text):
                entity = short or long
                if entity in LOOKED_UP and entity in lookups and not _found_in(normalise(value), lookups[entity]):
                    problems.append(Problem(
                        f"{project.at(example.path, example.line)} : « {value} » est annoté comme « {entity} », mais la "
                        f"liste « lookup: {entity} » ne le contient pas : l'assistant ne le reconnaîtrait jamais. "
                        f"Ajoutez « - {value} » (et ses autres formes) à cette liste, dans data/nlu/."))
    return problems


def _found_in(value: str, listed: set) -> bool:
    """Whether a value of the lookup stands, as whole words, in the annotated text (« l'analyse de données » holds
    « analyse de données »)."""
    padded = f" {re.sub(r'[^a-z0-9+]+', ' ', value)} "
    return any(f" {re.sub(r'[^a-z0-9+]+', ' ', v)} " in padded for v in listed if v)


def check_declared_names(project: Project) -> List[Problem]:
    """Every intent and action used in data/ and tests/test_stories.yml is declared in domain.yml."""
    domain = project.rel(project.domain_path)
    problems = []
    for intent, headers in sorted(project.intent_headers.items()):
        if intent not in project.intents:
            problems.append(Problem(
                f"{project.at(*headers[0])} : l'intention « {intent} » n'est pas déclarée dans {domain}. Ajoutez "
                f"la ligne « - {intent} » sous « intents: » dans {domain}, ou corrigez le nom."
                + did_you_mean(intent, project.intents), intent))
    for _, steps, path in project.steps:
        for intent, line, _ in step_intents(steps):
            if intent not in project.intents and intent not in RASA_INTENTS:
                problems.append(Problem(
                    f"{project.at(path, line)} : l'intention « {intent} » n'existe pas dans {domain}. Corrigez le "
                    "nom (c'est le nom du fichier data/nlu/<intention>.yml) ou déclarez-la sous « intents: » "
                    f"dans {domain}." + did_you_mean(intent, project.intents), intent))
        for step in steps:
            if isinstance(step, dict) and "action" in step and str(step["action"]) not in project.actions:
                action = str(step["action"])
                problems.append(Problem(
                    f"{project.at(path, step.lines['action'])} : l'action « {action} » n'existe pas dans "
                    f"{domain}. Vérifiez l'orthographe (les sujets de la fiche utilisent {TOPIC_ACTION}) ou "
                    "déclarez-la sous « actions: » ou « responses: »."
                    + did_you_mean(action, project.actions - RASA_ACTIONS), action))
    return problems


def check_domain_intents(project: Project) -> List[Problem]:
    """Each intent of domain.yml has enough examples, and a rule or a story."""
    domain = project.rel(project.domain_path)
    used = {intent for kind, steps, _ in project.steps if kind != "tests" for intent, _, _ in step_intents(steps)}
    fiche_topics = set(map(str, project.topics)) - TOPICS_OUTSIDE_FICHE
    problems = []
    for intent, line in project.intents.items():
        examples = project.examples.get(intent, [])
        if not examples:
            problems.append(Problem(
                f"{domain} ligne {line} : l'intention « {intent} » n'a aucun exemple. Créez "
                f"data/nlu/{intent}.yml avec au moins {MIN_EXAMPLES} exemples (voir docs/guide-formateurs.md).",
                intent))
        elif len(examples) < MIN_EXAMPLES:
            header = project.intent_headers[intent][0]
            problems.append(Problem(
                f"{project.at(*header)} : l'intention « {intent} » n'a que {len(examples)} exemple(s) ; il en faut "
                f"au moins {MIN_EXAMPLES}. Ajoutez-en {MIN_EXAMPLES - len(examples)} ou plus, variés (mots, "
                "longueur, fautes, style SMS), un par ligne commençant par « - ».", intent))
        # A topic of the fiche without a rule has its own, more precise message (check_topics).
        if intent not in used and intent not in fiche_topics:
            problems.append(Problem(
                f"{domain} ligne {line} : l'intention « {intent} » n'est utilisée par aucune règle ni histoire : "
                "l'assistant ne saurait pas quoi répondre. Ajoutez une règle dans data/rules/ (pour un sujet de "
                f"la fiche : « - intent: {intent} » suivi de « - action: {TOPIC_ACTION} » dans "
                "data/rules/sujets.yml).", intent))
    return problems


def check_topics(project: Project) -> List[Problem]:
    """Each topic of knowledge/sujets.yml is an intent, has its rule to action_repondre and an answer."""
    path = project.root / "knowledge" / "sujets.yml"
    if not project.topics:
        return []
    with_rule, to_topic_action = project.topic_rules()
    problems, reported = [], set()
    for intent, step_path, line in to_topic_action:
        if (intent not in project.topics and intent != FOLLOW_UP_INTENT and intent in project.intents
                and intent not in reported):
            reported.add(intent)
            problems.append(Problem(
                f"{project.at(step_path, line)} : « {intent} » va à {TOPIC_ACTION}, mais n'est pas un sujet de "
                f"{project.rel(path)} : l'assistant ne saurait pas quoi répondre. Ajoutez le sujet « {intent} » "
                f"sous « sujets: » dans {project.rel(path)} (libelle, question, rubrique, suggestions).", intent))
    for topic, line in project.topics.lines.items():
        topic, here = str(topic), project.at(path, line)
        if topic not in project.intents:
            problems.append(Problem(
                f"{here} : le sujet « {topic} » n'est pas une intention de {project.rel(project.domain_path)} : "
                f"aucune question d'élève ne peut y mener. Pour un nouveau sujet, ajoutez « - {topic} » sous "
                f"« intents: » dans domain.yml, le fichier data/nlu/{topic}.yml et une règle vers {TOPIC_ACTION} "
                "dans data/rules/sujets.yml ; sinon corrigez le nom." + did_you_mean(topic, project.intents), topic))
        elif topic not in TOPICS_OUTSIDE_FICHE and topic not in with_rule:
            problems.append(Problem(
                f"{here} : le sujet « {topic} » n'a pas de règle vers {TOPIC_ACTION}. Ajoutez dans "
                f"data/rules/sujets.yml, à la fin :\n- rule: répondre sur « {topic} »\n  steps:\n"
                f"  - intent: {topic}\n  - action: {TOPIC_ACTION}", topic))
        if topic not in TOPICS_OUTSIDE_FICHE:
            problems += _topic_answer(project, topic, here)
    return problems


def _topic_answer(project: Project, topic: str, here: str) -> List[Problem]:
    """A topic is answered by the code (core.replies.BUILDERS) or by its « autres_sujets » section."""
    if topic in CODE_TOPICS:
        return []
    problems = []
    if topic not in project.templates and project.templates:
        problems.append(Problem(
            f"{here} : le sujet « {topic} » n'a pas de modèle de réponse. Ajoutez dans knowledge/reponses.yml "
            f"une ligne « {topic}: \"{{texte}}\" » (vous pouvez écrire une phrase autour de {{texte}}).", topic))
    for profession_id, profession in project.professions.items():
        if topic not in profession.autres_sujets:
            problems.append(Problem(
                f"{project.rel(project.profession_files[profession_id])} : la rubrique « autres_sujets.{topic} » "
                f"manque, l'assistant n'aurait rien à répondre sur « {topic} » pour ce métier. Ajoutez-la (le "
                "texte de la fiche métier sur ce sujet).", topic))
    return problems


def check_free_sections(project: Project) -> List[Problem]:
    """Each « autres_sujets » section is a topic of knowledge/sujets.yml, otherwise nobody reads it."""
    problems = []
    for profession_id, path in project.profession_files.items():
        sections = project.mapping(path).get("autres_sujets") or {}
        for section, line in getattr(sections, "lines", {}).items():
            if section not in project.topics:
                problems.append(Problem(
                    f"{project.at(path, line)} : la rubrique « autres_sujets.{section} » ne correspond à aucun sujet "
                    f"de knowledge/sujets.yml : l'assistant ne la dira jamais. Ajoutez le sujet « {section} » (voir "
                    "docs/guide-formateurs.md) ou corrigez le nom." + did_you_mean(section, project.topics),
                    str(section)))
    return problems


def check_buttons(project: Project) -> List[Problem]:
    """Buttons of domain.yml, and those the assistant adds itself, lead to intents that exist."""
    domain = project.rel(project.domain_path)
    problems = []
    for response, variants in project.responses.items():
        for variant in variants if isinstance(variants, list) else []:
            for button in (variant.get("buttons") or []) if isinstance(variant, dict) else []:
                if not isinstance(button, dict):
                    continue
                payload = str(button.get("payload") or "")
                line = button.lines.get("payload") or button.line
                match = _PAYLOAD.match(payload)
                if not match:
                    problems.append(Problem(
                        f"{domain} ligne {line} : le bouton « {button.get('title', '')} » de {response} a pour "
                        f"payload « {payload} » : écrivez « /nom_de_l_intention »."))
                elif match.group(1) not in project.intents:
                    problems.append(Problem(
                        f"{domain} ligne {line} : le bouton « {button.get('title', '')} » de {response} mène à "
                        f"« {payload} », mais « {match.group(1)} » n'est pas une intention de {domain}. Corrigez "
                        f"le nom après « / » (intentions : {', '.join(sorted(project.intents))})."
                        + did_you_mean(match.group(1), project.intents), match.group(1)))
    for intent in sorted(assistant_button_intents(project)):
        if intent not in project.intents:
            problems.append(Problem(
                f"{domain} : l'intention « {intent} » manque ; les boutons de l'assistant (core/replies.py) y "
                f"mènent. Remettez « - {intent} » sous « intents: » dans {domain}, avec data/nlu/{intent}.yml et "
                "sa règle.", intent))
    return problems


def assistant_button_intents(project: Project) -> set:
    """The intents the assistant's own buttons send (« Autre question », « Parler à un conseiller »):
    the replies that add them are built, as the action server builds them, and their payloads read.
    The topic buttons (menu, suggestions) send « /<sujet> »: see check_topics."""
    if not (project.templates and project.topics_model and project.contact and project.diplomas):
        return set()   # a knowledge file is invalid: reported by check_knowledge_files
    replier = Replier(project.templates, project.topics_model, project.contact, project.diplomas)
    try:
        replies = [replier.contact_reply(), replier.apology(), replier.clarify([], 2)]
    except (KeyError, IndexError, ValueError, AssertionError):
        return set()   # a template is broken: reported by check_templates
    return {m.group(1) for reply in replies for button in reply.buttons
            for m in [_PAYLOAD.match(button["payload"])] if m}


def check_templates(project: Project) -> List[Problem]:
    """Templates of knowledge/reponses.yml: well-formed braces, and only the fields the code gives them."""
    path = project.root / "knowledge" / "reponses.yml"
    data = project.read(path)
    if not isinstance(data, dict):
        return []
    topics = set(map(str, project.topics))
    known = set(TEMPLATE_FIELDS) | topics
    written = {name for name, _, _ in leaves(data)}
    problems = []
    missing = [name for name in TEMPLATE_FIELDS if name not in written]
    for name, value, line in leaves(data):
        here = project.at(path, line)
        if name not in known:
            guess = close_name(name, missing) or close_name(name, known)
            problems.append(Problem(
                f"{here} : le modèle « {name} » n'est utilisé par aucune réponse de l'assistant."
                + (f" Vouliez-vous dire « {guess} » ? Corrigez le nom." if guess else
                   " Pour un nouveau sujet, ajoutez-le aussi dans knowledge/sujets.yml (voir "
                   "docs/guide-formateurs.md, section 3) ; sinon supprimez ce modèle.")))
            if guess in missing:
                missing.remove(guess)   # the same mistake: one message
            continue
        if not isinstance(value, str):
            continue
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
        except ValueError:
            problems.append(Problem(
                f"{here} : le modèle « {name} » a une accolade {{ ou }} seule. Écrivez les champs ainsi : "
                "{nom_du_champ}, et ne mettez pas d'autre accolade."))
            continue
        allowed = TEMPLATE_FIELDS.get(name, TOPIC_TEMPLATE_FIELDS)
        valid = ", ".join(f"{{{f}}}" for f in sorted(allowed)) or "aucun (ce texte s'affiche tel quel)"
        for name_in_braces in fields:
            if not _FIELD_NAME.fullmatch(name_in_braces):
                problems.append(Problem(
                    f"{here} : le modèle « {name} » contient « {{{name_in_braces}}} » : entre accolades, seul un "
                    f"nom de champ en minuscules est permis. Champs possibles pour ce modèle : {valid}."))
            elif name_in_braces not in allowed:
                guess = close_name(name_in_braces, allowed)
                problems.append(Problem(
                    f"{here} : le modèle « {name} » contient {{{name_in_braces}}}, qui n'est pas un champ de ce "
                    f"modèle : l'élève lirait « problème technique ».{' Vouliez-vous dire {' + guess + '} ?' if guess else ''}"
                    f" Champs possibles pour ce modèle : {valid}."))
    for name in missing:
        problems.append(Problem(
            f"{project.rel(path)} : le modèle « {name} » manque ; l'assistant s'en sert (core/replies.py). "
            "Remettez-le (voir la version d'origine du fichier), avec ses champs : "
            + (", ".join(f"{{{f}}}" for f in sorted(TEMPLATE_FIELDS[name])) or "aucun") + "."))
    return problems


def check_copied_professions(project: Project) -> List[Problem]:
    """A new profession file that still holds the texts of the one it was copied from."""
    texts = {}
    for profession_id, path in project.profession_files.items():
        texts[profession_id] = [(name, " ".join(value.split()), line) for name, value, line
                                in leaves(project.mapping(path))
                                if isinstance(value, str) and name.split(".")[0] not in NAMING_FIELDS]
    problems = []
    ids = sorted(texts, key=lambda i: (i != project.default_profession, i))   # the original first
    # Each text -> the positions (in `ids`) of the files already seen that hold it. A file is compared only
    # with files that hold one of its rarest texts: a file sharing COPIED_SHARE of its texts must hold one of
    # any set of its texts that weighs more than the rest (1,600 files: not 1.3 million pairs, and when
    # every file is a copy, the first earlier file is enough).
    holders: Dict[str, List[int]] = defaultdict(list)
    held: List[Set[str]] = []
    for position, copy in enumerate(ids):
        weight = Counter(text for _, text, _ in texts[copy])
        held.append(set(weight))
        need = COPIED_SHARE * len(texts[copy])
        rarest, covered = set(), 0
        for text in sorted(weight, key=lambda t: (len(holders.get(t, ())), t)):
            if covered > len(texts[copy]) - need:
                break
            rarest.add(text)
            covered += weight[text]
        candidates = sorted({i for text in rarest for i in holders.get(text, ())})
        for text in weight:
            holders[text].append(position)
        enough = next((i for i in candidates if sum(n for text, n in weight.items() if text in held[i]) >= need),
                      None)
        if enough is None:
            continue
        original = ids[enough]   # the first such file in order, as when each pair was compared
        theirs = {text for _, text, _ in texts[original]}
        same = [(name, line) for name, text, line in texts[copy] if text in theirs]
        examples = ", ".join(f"« {name} » ligne {line}" for name, line in same[:3])
        problems.append(Problem(
            f"{project.rel(project.profession_files[copy])} : ce fichier reprend encore les textes de "
            f"{project.rel(project.profession_files[original])} ({len(same)} textes sur "
            f"{len(texts[copy])} identiques, par exemple {examples}) : remplacez-les par les faits de la "
            f"fiche du métier « {project.professions[copy].intitule} » (docs/guide-formateurs.md, "
            "section 6)."))
    return problems


def check_feminine_aliases(project: Project) -> List[Problem]:
    """A warning: a form of the title (« Testeur(se) » : testeur, testeuse) that a student may type and that
    the assistant would not route to this profession (core/names.py reads gender, number and accents)."""
    problems = []
    if project.school is None:
        return problems
    for profession_id, profession in project.professions.items():
        for form in gender_forms(profession.intitule):
            if project.school.names.find(form) != (profession_id,):
                path = project.profession_files[profession_id]
                line = project.mapping(path).lines.get("alias")
                problems.append(Problem(
                    f"{project.at(path, line)} : « {form} » ne désigne pas ce seul métier (un autre métier porte "
                    "le même nom, ou cette forme n'est pas reconnue) : l'assistant demanderait de quel métier il "
                    "s'agit. Donnez à chaque métier un intitulé et des alias qui lui sont propres "
                    "(docs/guide-formateurs.md, section 6).", warning=True))
                break
    return problems


def check_names_read_as_another(project: Project) -> List[Problem]:
    """A warning: words that end a title (« … tourisme durable ») that the assistant reads as another
    profession, when they are not that profession's name in full (trainer/short_names.py)."""
    problems = []
    if project.school is None:
        return problems
    school = project.school
    for profession_id, profession in project.professions.items():
        read = read_as_other(profession.intitule, profession_id, school.names)
        if read is None:
            continue
        short, other_id = read
        other = school.professions[other_id]
        if any(name_words(short) == name_words(form) for form in gendered_forms(other.intitule)):
            continue  # « charcutier traiteur » in « Chef charcutier-traiteur » is that profession: rightly read
        path = project.profession_files[profession_id]
        problems.append(Problem(
            f"{project.at(path, project.mapping(path).lines.get('alias'))} : « {short} », des mots du titre "
            f"« {profession.intitule} », est lu comme le métier « {other.intitule} » : un élève qui l'écrit aura la "
            f"réponse de ce métier-là. Si ces mots désignent aussi « {profession.intitule} », ajoutez aux alias de ce "
            "métier un nom plus précis que les élèves emploient (docs/guide-formateurs.md, section 6).",
            warning=True))
    return problems


def check_removed_facts(project: Project) -> List[Problem]:
    """A warning for each fact of the profession's fiche (when the file names it and it is found), of the
    file's last committed version, or of the last valid knowledge (the one the assistant answered with)
    that is no longer in its profession's file: a deletion by mistake is named, with its file and field."""
    from trainer.removed_facts import last_valid_folder, removed_facts, removed_from_fiches, removed_since_commit
    knowledge = project.root / "knowledge"
    last_valid = last_valid_folder(knowledge)
    problems, said = [], set()
    for path, field_name, text, fiche in removed_from_fiches(knowledge, project.root):
        said.add((path, field_name))
        problems.append(Problem(
            f"{project.rel(path)} : le champ « {field_name} » (« {text} ») est dans la fiche de l'école "
            f"({project.rel(fiche)}) et n'est plus dans le fichier. S'il a été supprimé par erreur, remettez-le "
            "(un bloc mal aligné se réaligne, il ne se supprime pas).", warning=True))
    for path, field_name, text in removed_since_commit(knowledge, project.root):
        said.add((path, field_name))
        problems.append(Problem(
            f"{project.rel(path)} : le champ « {field_name} » (« {text} ») était dans la dernière version "
            "enregistrée dans git et n'est plus dans le fichier. S'il a été supprimé par erreur, remettez-le (un "
            "bloc mal aligné se réaligne, il ne se supprime pas) ; si c'est voulu, enregistrez le changement "
            "(git commit).", warning=True))
    for path, field_name, text in removed_facts(knowledge, last_valid):
        if (path, field_name) in said:
            continue
        problems.append(Problem(
            f"{project.rel(path)} : le champ « {field_name} » (« {text} ») était dans la dernière version valide "
            f"des connaissances ({project.rel(last_valid)}) et n'est plus dans le fichier. S'il a été supprimé "
            "par erreur, remettez-le (un bloc mal aligné se réaligne, il ne se supprime pas) ; si c'est voulu, "
            "ce message disparaît quand l'assistant a rechargé les connaissances (make run).", warning=True))
    return problems


# The checks, in the order a trainer should fix what they find.
CHECKS: List[Callable[[Project], List[Problem]]] = [
    check_knowledge_files, check_example_lines, check_duplicate_examples, check_held_out_sentences,
    check_declared_names, check_domain_intents, check_topics, check_free_sections, check_buttons,
    check_templates, check_copied_professions, check_feminine_aliases, check_names_read_as_another,
    check_removed_facts, check_annotated_lookups,
]


def group_root_causes(project: Project, problems: List[Problem]) -> List[Problem]:
    """A misspelt intent or topic name gives several problems: one root problem « vouliez-vous dire »
    first, with the problems it causes under it."""
    places = project.intent_places()
    unknown = [name for name in places if name not in project.intents and name not in RASA_INTENTS]
    orphans = [name for name in project.intents if name not in places]   # written in domain.yml only
    roots, grouped = [], set()
    for name in unknown:
        orphan = close_name(name, orphans)
        guess = orphan or close_name(name, project.intents)
        caused = [p for p in problems if p.about in {name, guess} and not p.warning]
        where = ", ".join(project.at(*place) for place in places[name][:4])
        if orphan:
            # « interet » everywhere, « interrt » in domain.yml only: domain.yml has the typo.
            line = project.intents[orphan]
            message = (f"{project.rel(project.domain_path)} ligne {line} : l'intention « {orphan} » n'est écrite "
                       f"nulle part ailleurs, et « {name} » est utilisée sans être déclarée ({where}) : vouliez-vous "
                       f"dire « {name} » ? Corrigez la ligne {line} de domain.yml : « - {name} ».")
            # Under this root, « vouliez-vous dire « interrt » ? » would point the wrong way.
            caused = [replace(p, message=p.message.replace(f" Vouliez-vous dire « {orphan} » ?", ""))
                      for p in caused]
        elif guess and len(caused) >= 2:
            message = (f"« {name} » n'est pas une intention de domain.yml ({where}) : vouliez-vous dire « {guess} » ? "
                       "Corrigez le nom à ces lignes.")
        else:
            continue   # a single problem already says « vouliez-vous dire »
        roots.append(Problem(message, name, consequences=caused))
        grouped |= {name, guess}
    return roots + [p for p in problems if p.warning or p.about not in grouped]


def run_checks(project: Project) -> Tuple[List[Problem], bool]:
    """(problems, syntax_first): an unreadable file is reported alone, since it would distort the
    other checks (an intent « without examples »…)."""
    blocking = check_required_files(project) + check_syntax(project)
    if blocking:
        return blocking, True
    problems = [problem for check in CHECKS for problem in check(project)]
    return group_root_causes(project, problems), False


def summary(project: Project) -> str:
    rules = sum(1 for kind, _, _ in project.steps if kind == "rules")
    stories = sum(1 for kind, _, _ in project.steps if kind == "stories")
    examples = sum(len(e) for e in project.examples.values())
    return (f"{len(project.intents)} intentions, {examples} exemples, {rules} règles, {stories} histoires, "
            f"{len(project.topics)} sujets, {len(project.professions)} métier(s)")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("s" if count > 1 else "")


# Help in French for the most frequent Rasa messages our checks do not cover.
_RASA_HELP = [
    ("Story structure conflict", "Conflit : deux règles ou histoires prévoient une suite différente après le "
                                 "même message. Gardez une seule suite (les sujets de la fiche vont à "
                                 "action_repondre) ou supprimez l'histoire en trop."),
    ("labeled with multiple different intents", "Un même exemple est dans deux intentions : gardez-le dans "
                                                 "un seul fichier de data/nlu/."),
    ("not in the domain", "Un nom utilisé dans data/ n'est pas déclaré dans domain.yml : corrigez "
                          "l'orthographe ou déclarez-le."),
]
# Lines of rasa data validate that a French story-conflict message replaces, or that never fail it (an
# utterance said by an action's code, not by a story).
_CONFLICT_LINE = re.compile(r"Story structure conflict|predicted in '|Considering all preceding turns|"
                            r"is not used in any story or rule")
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ")
_PYTHON_WARNING = re.compile(r"^\S+\.py:\d+: (\w+Warning)")


def rasa_validate(root: Path) -> Tuple[bool, str]:
    """Runs rasa data validate (through rasa_ext.cli, as make train runs Rasa); keeps its warnings and
    errors, without the libraries' noise."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false",
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "rasa_ext.cli", "data", "validate", "--fail-on-warnings", "--domain", "domain.yml", "--data", "data",
         "--config", "config.yml"], cwd=root, env=env, capture_output=True, text=True)
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr + "\n" + result.stdout)
    kept, keep = [], False
    for line in output.splitlines():
        warning = _PYTHON_WARNING.match(line)
        if _TIMESTAMP.match(line):
            keep = " WARNING " in line or " ERROR " in line
        elif warning:
            keep = warning.group(1) not in ("DeprecationWarning", "PendingDeprecationWarning", "FutureWarning")
        elif "Processed " in line or not line.strip():
            continue
        elif "validation completed with errors" in line:
            keep = True
        if keep:
            kept.append(line)
    helps = [help_text for pattern, help_text in _RASA_HELP if pattern in output]
    text = "\n".join(kept[-60:]) or output[-3000:]
    return result.returncode == 0, text + ("\n\n" + "\n".join(helps) if helps else "")


def rasa_inputs_key(root: Path) -> str:
    """What rasa data validate reads (domain, config, data, the custom components) and Rasa's version."""
    import importlib.metadata
    digest = hashlib.sha256(importlib.metadata.version("rasa").encode())
    files = [root / "domain.yml", root / "config.yml"] + sorted((root / "data").rglob("*.yml")) \
        + sorted((root / "rasa_ext").rglob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _validated_record(root: Path) -> Path:
    return (cache_dir(root) or root / "var" / "cache") / "rasa-validate.json"


def already_validated(root: Path, key: str) -> bool:
    if cache_dir(root) is None:
        return False
    try:
        return key in json.loads(_validated_record(root).read_text(encoding="utf-8")).get("valides", [])
    except (OSError, ValueError, AttributeError):
        return False


def remember_validated(root: Path, key: str) -> None:
    """Only a success is kept: the last 20 sets of files rasa data validate accepted."""
    record = _validated_record(root)
    try:
        known = json.loads(record.read_text(encoding="utf-8")).get("valides", [])
    except (OSError, ValueError, AttributeError):
        known = []
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"valides": ([k for k in known if k != key] + [key])[-20:]}), encoding="utf-8")
    except OSError:
        pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Vérifie les données et les fichiers de connaissances.")
    parser.add_argument("--projet", dest="project_dir", metavar="PROJET", type=Path, default=ROOT, help="dossier du projet à vérifier")
    parser.add_argument("--sans-rasa", dest="skip_rasa", action="store_true", help="ne lance pas rasa data validate (rapide)")
    args = parser.parse_args(argv)

    project = Project(args.project_dir)
    found, syntax_first = run_checks(project)
    errors = [p for p in found if not p.warning]
    warnings = [p for p in found if p.warning]
    if errors:
        caused = sum(len(p.consequences) for p in errors)
        print(f"{plural(len(errors), 'problème')} à corriger"
              + (f" (et {caused} message(s) qui en découlent, regroupés sous leur cause)" if caused else "")
              + " :\n")
        for problem in errors:
            print(f"✗ {problem.message}\n")
            for consequence in problem.consequences:
                print(f"    ↳ conséquence : {consequence.message}\n")
        for problem in warnings:
            print(f"⚠ {problem.message}\n")
        if syntax_first:
            print("Les autres vérifications seront faites quand le YAML sera corrigé.")
        print(("Corrigez-le" if len(errors) == 1 else "Corrigez-les dans l'ordre") + ", puis relancez `make check`."
              + ("" if args.skip_rasa else " (rasa data validate n'a pas été lancé : il le sera quand ces "
                                             "problèmes seront corrigés.)"))
        return 1
    notes = "".join(f"\n⚠ {p.message}" for p in warnings)
    if args.skip_rasa:
        print(f"Tout est correct : {summary(project)} (rasa data validate non lancé : --sans-rasa).{notes}")
        return 0
    key = rasa_inputs_key(project.root)
    if already_validated(project.root, key):
        # The fiches (knowledge/) are not read by rasa data validate: editing them does not run it again.
        print(f"Tout est correct : {summary(project)} ; rasa data validate a déjà accepté ces mêmes exemples, "
              f"règles, domain.yml et config.yml (il repasse dès qu'ils changent).{notes}")
        return 0
    print(f"Vérifications du projet : correct ({summary(project)}).{notes}\n"
          "Vérification par Rasa (rasa data validate --fail-on-warnings, environ 15 secondes)…", flush=True)
    ok, output = rasa_validate(project.root)
    if ok:
        remember_validated(project.root, key)
    if not ok:
        conflicts = story_conflicts.explain(output, project.root)
        rest = "\n".join(line for line in output.splitlines() if not _CONFLICT_LINE.search(line)
                         and "Conflit : deux règles" not in line and "validation completed" not in line)
        if conflicts:
            print("\n" + "\n\n".join(conflicts))
        if not conflicts or rest.strip():
            print("\n✗ rasa data validate a trouvé des problèmes (messages de Rasa, en anglais) :\n")
            print(output)
        print("\nCorrigez (le nom de l'histoire, de la règle ou de l'intention en cause est dans ces messages), "
              "puis relancez `make check`.")
        return 1
    print(f"Tout est correct : {summary(project)}, rasa data validate compris.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
