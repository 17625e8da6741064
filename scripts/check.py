#!/usr/bin/env python3
"""`make check` : vérifie les données d'entraînement et les fichiers de connaissances.

Les vérifications du projet passent d'abord (une seconde, sans Rasa), puis
`rasa data validate --fail-on-warnings` (environ 15 s ; `--sans-rasa` le saute).
Chaque problème est écrit en français : le fichier, la ligne quand il y en a une, et quoi faire.

    python scripts/check.py                      # le projet
    python scripts/check.py --projet /une/copie  # une copie du projet (les tests s'en servent)
    python scripts/check.py --sans-rasa          # seulement les vérifications rapides

Code de sortie : 0 si tout est correct, 1 sinon.
"""
import argparse
import os
import re
import string
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from actions.knowledge import (KnowledgeError, Profession, load_contact, load_profession,  # noqa: E402
                               load_templates, load_topics)
from actions.replies import Replier  # noqa: E402

MIN_EXEMPLES = 25
ACTION_SUJETS = "action_repondre"
# Sujets de knowledge/sujets.yml qui ne sont pas répondus par action_repondre.
SUJETS_HORS_FICHE = {"conseiller"}
# Intention des relances (« et pour un confirmé ? ») : action_repondre garde le sujet précédent.
SUJET_RELANCE = "relance"
# Intentions et actions que Rasa fournit lui-même (rasa.shared.core.constants), sans les déclarer.
INTENTIONS_RASA = {"restart", "back", "out_of_scope", "session_start", "nlu_fallback"}
ACTIONS_RASA = {"action_listen", "action_restart", "action_session_start", "action_default_fallback",
                "action_deactivate_loop", "action_revert_fallback_events", "action_default_ask_affirmation",
                "action_default_ask_rephrase", "action_two_stage_fallback", "action_unlikely_intent",
                "action_back", "...", "action_extract_slots"}
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
_PAYLOAD = re.compile(r"^/([A-Za-z0-9_]+)")


# -- YAML avec les numéros de ligne ------------------------------------------------------------
class Rubriques(dict):
    """Un dictionnaire YAML qui retient la ligne de chaque clé (numérotée à partir de 1)."""
    line = 0

    def __init__(self):
        super().__init__()
        self.lines: Dict[object, int] = {}
        self.value_lines: Dict[object, int] = {}


class Liste(list):
    """Une liste YAML qui retient la ligne de chaque élément."""
    line = 0

    def __init__(self):
        super().__init__()
        self.lines: List[int] = []


class _Lecteur(yaml.SafeLoader):
    """PyYAML qui garde les lignes et refuse une clé écrite deux fois (Rasa la refuse aussi)."""


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = Rubriques()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"la clé « {key} » est écrite deux fois au même niveau", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
        result.value_lines[key] = value_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Liste()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_Lecteur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Lecteur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)

# Les messages de PyYAML les plus fréquents, dits pour un formateur.
_YAML_PROBLEMES = [
    ("mapping values are not allowed", "un « : » inattendu : la ligne est mal indentée, ou un texte "
                                        "contenant « : » doit être mis entre guillemets"),
    ("could not find expected ':'", "il manque « : » après un nom de rubrique, ou un guillemet n'est pas fermé"),
    ("expected <block end>", "l'indentation ne correspond pas aux lignes voisines"),
    ("did not find expected key", "l'indentation ne correspond pas aux lignes voisines"),
    ("did not find expected '-' indicator", "un élément de liste doit commencer par « - » aligné sur les autres"),
    ("found character '\\t'", "une tabulation : utilisez des espaces"),
    ("found unexpected end of stream", "un guillemet n'est pas fermé"),
    ("found unexpected ':'", "un « : » inattendu : mettez le texte entre guillemets"),
    ("found undefined alias", "un « * » en début de texte : mettez le texte entre guillemets"),
    ("expected alphabetic or numeric character", "un « & » ou « * » en début de texte : mettez le texte entre guillemets"),
    ("found character '@'", "un « @ » ou « ` » en début de texte : mettez le texte entre guillemets"),
]


def _probleme_yaml(exc: yaml.YAMLError) -> str:
    problem = str(getattr(exc, "problem", None) or exc)
    for english, french in _YAML_PROBLEMES:
        if english in problem:
            return french
    return problem


# -- le contrôle ------------------------------------------------------------------------------
class Controle:
    def __init__(self, projet: Path):
        self.projet = projet.resolve()
        self.problemes: List[str] = []
        self.yaml: Dict[Path, object] = {}
        self.invalides: set = set()
        self.stats = Counter()
        self.reporte = False  # vrai si le YAML invalide a empêché les autres vérifications

    # outils
    def rel(self, path: Path) -> str:
        try:
            return str(Path(path).resolve().relative_to(self.projet))
        except ValueError:
            return str(path)

    def ou(self, path: Path, line: Optional[int] = None) -> str:
        return f"{self.rel(path)} ligne {line}" if line else self.rel(path)

    def signaler(self, message: str) -> None:
        self.problemes.append(message)

    def lire(self, path: Path):
        """Le contenu YAML d'un fichier (avec les lignes), None s'il est absent ou invalide."""
        if path in self.yaml:
            return self.yaml[path]
        data = None
        if path.exists():
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lecteur)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
                self.signaler(
                    f"{self.rel(path)}{where} : YAML invalide ({_probleme_yaml(exc)}). Vérifiez cette ligne "
                    "et celle du dessus : indentation avec des espaces (jamais de tabulation), alignée sur "
                    "les lignes voisines, et « : » après chaque nom de rubrique.")
                self.invalides.add(path)
            except UnicodeDecodeError:
                self.signaler(f"{self.rel(path)} : le fichier n'est pas enregistré en UTF-8. "
                              "Enregistrez-le en UTF-8 depuis votre éditeur.")
                self.invalides.add(path)
        self.yaml[path] = data
        return data

    def rubriques(self, path: Path) -> dict:
        """Le contenu d'un fichier fait de rubriques, ou {} (fichier absent, invalide ou qui est une liste)."""
        data = self.lire(path)
        return data if isinstance(data, dict) else Rubriques()

    def fichiers(self, dossier: str) -> List[Path]:
        return sorted((self.projet / dossier).rglob("*.yml")) if (self.projet / dossier).is_dir() else []

    # 1. syntaxe YAML de tous les fichiers qu'un formateur modifie
    def syntaxe(self) -> None:
        fichiers = [self.projet / "domain.yml", self.projet / "config.yml"]
        fichiers += self.fichiers("data") + self.fichiers("knowledge")
        fichiers += [self.projet / "tests" / "test_stories.yml"] + self.fichiers("tests/nlu")
        for path in fichiers:
            self.lire(path)
        for nom in ("domain.yml", "config.yml"):
            if not (self.projet / nom).exists():
                self.signaler(f"{nom} : fichier introuvable. Remettez-le à la racine du projet.")

    # 2. fichiers de connaissances (schéma de actions/knowledge.py)
    def connaissances(self) -> None:
        dossier = self.projet / "knowledge"
        metiers = sorted((dossier / "metiers").glob("*.yml"))
        if not metiers:
            self.signaler(f"{self.rel(dossier / 'metiers')} : aucun fichier métier (.yml). "
                          "Ajoutez-en au moins un (voir docs/guide-formateurs.md).")
        self.professions: Dict[str, Profession] = {}
        for path in metiers:
            profession = self._valider(load_profession, path)
            if profession is not None:
                self.professions[profession.id] = profession
        self.stats["metiers"] = len(self.professions)
        self._valider(load_topics, dossier / "sujets.yml")
        sujets = self.rubriques(dossier / "sujets.yml").get("sujets")
        self.sujets_de_la_fiche = set(sujets) - SUJETS_HORS_FICHE if isinstance(sujets, dict) else set()
        self.modeles = self._valider(load_templates, dossier / "reponses.yml") or {}
        self._valider(load_contact, dossier / "contact.yml")

    def _valider(self, loader, path: Path):
        if path in self.invalides:
            return None  # l'erreur de syntaxe est déjà signalée
        try:
            return loader(path)
        except KnowledgeError as error:
            message = str(error).replace(str(path.resolve()), self.rel(path)).replace(str(path), self.rel(path))
            self.signaler(self._avec_lignes(message, path))
            return None

    def _avec_lignes(self, message: str, path: Path) -> str:
        """Ajoute au message du chargeur la ligne de chaque champ ou sujet cité, quand le fichier la donne."""
        data = self.lire(path)

        def champ(match):
            _, line, complet = _noeud(data, match.group(1))
            if not line:
                return match.group(0)
            return f"{match.group(0)} (ligne {line})" if complet else f"{match.group(0)} (à écrire sous la ligne {line})"

        def citation(match):
            liste, _, _ = _noeud(data, match.group(1))
            lines = [l for v, l in zip(liste or [], getattr(liste, "lines", [])) if v == match.group(2)]
            where = f"ligne {lines[0]} ; " if lines else ""
            return f"{match.group(0)} ({where}corrigez le nom, ou créez ce sujet sous « sujets: »)"

        message = re.sub(r"champ « ([^»]+) »", champ, message)
        return re.sub(r"([\w.]+) cite « ([^»]+) »(, qui n'est pas un sujet défini)?", citation, message)

    # 3. exemples : nombre par intention et doublons
    def exemples(self) -> None:
        self.exemples_par_intention: Dict[str, List[Tuple[str, Path, int]]] = defaultdict(list)
        self.intention_fichier: Dict[str, Tuple[Path, int]] = {}
        for path in self.fichiers("data"):
            nlu = self.rubriques(path).get("nlu")
            for item in nlu if isinstance(nlu, list) else []:
                if not isinstance(item, dict) or "intent" not in item:
                    continue
                intention = str(item["intent"])
                self.intention_fichier.setdefault(intention, (path, item.lines.get("intent")))
                for texte, line in self._lignes_exemples(path, item):
                    self.exemples_par_intention[intention].append((texte, path, line))

        # Dans une intention : la même phrase deux fois (« merci » et « merci ! » sont deux variantes
        # permises). Entre deux intentions : la même phrase même à la ponctuation finale près, car
        # l'assistant ne peut pas choisir entre les deux sujets.
        dans_intention: Dict[Tuple[str, str], Tuple[Path, int]] = {}
        entre_intentions: Dict[str, Tuple[str, Path, int]] = {}
        for intention, exemples in self.exemples_par_intention.items():
            for texte, path, line in exemples:
                exact = normaliser(texte, ponctuation=False)
                if (intention, exact) in dans_intention:
                    autre_path, autre_ligne = dans_intention[intention, exact]
                    self.signaler(
                        f"{self.ou(path, line)} : l'exemple « {texte} » est déjà écrit "
                        f"{'plus haut' if autre_path == path else 'dans ' + self.rel(autre_path)} "
                        f"(ligne {autre_ligne}). Supprimez l'une des deux lignes.")
                    continue
                dans_intention[intention, exact] = (path, line)
                cle = normaliser(texte) or exact
                autre = entre_intentions.setdefault(cle, (intention, path, line))
                if autre[0] != intention:
                    autre_intention, autre_path, autre_ligne = autre
                    self.signaler(
                        f"{self.ou(path, line)} (intention « {intention} ») et {self.ou(autre_path, autre_ligne)} "
                        f"(intention « {autre_intention} ») : le même exemple « {texte} » est dans deux "
                        "intentions, l'assistant ne peut pas savoir laquelle choisir. Gardez-le dans le seul "
                        "fichier du bon sujet et supprimez l'autre ligne.")
        self.stats["exemples"] = sum(len(e) for e in self.exemples_par_intention.values())

    def _lignes_exemples(self, path: Path, item) -> Iterator[Tuple[str, int]]:
        examples = item.get("examples")
        if not isinstance(examples, str):
            self.signaler(f"{self.ou(path, item.lines.get('intent'))} : l'intention « {item['intent']} » n'a pas "
                          "d'exemples. Écrivez « examples: | » puis un exemple par ligne, commençant par « - ».")
            return
        # Avec « examples: | », le texte commence à la ligne qui suit « | ».
        premiere = item.value_lines["examples"] + 1
        for offset, raw in enumerate(examples.splitlines()):
            line = premiere + offset
            if not raw.strip():
                continue
            if not raw.startswith("-"):
                self.signaler(f"{self.ou(path, line)} : « {raw.strip()} » ne commence pas par « - » : Rasa "
                              "ignorerait cet exemple. Ajoutez « - » au début, aligné sur les autres exemples.")
                continue
            texte = raw[1:].strip()
            if not texte:
                self.signaler(f"{self.ou(path, line)} : exemple vide. Écrivez une question après « - » "
                              "ou supprimez la ligne.")
                continue
            yield texte, line

    # 4. domaine, règles et histoires
    def domaine(self) -> None:
        self.domain_path = self.projet / "domain.yml"
        domain = self.rubriques(self.domain_path)
        self.intentions: Dict[str, int] = {}
        intents = domain.get("intents") or Liste()
        for value, line in zip(intents, getattr(intents, "lines", [])):
            name = next(iter(value)) if isinstance(value, dict) else str(value)
            self.intentions[name] = line
        self.reponses = domain.get("responses") if isinstance(domain.get("responses"), dict) else Rubriques()
        self.actions = {str(a) for a in (domain.get("actions") or [])} | set(self.reponses) | ACTIONS_RASA
        self.stats["intentions"] = len(self.intentions)

        # Étapes « intent » et « action » de chaque règle et histoire (et des histoires de test).
        self.etapes: List[Tuple[str, list, Path]] = []   # (rules, stories ou tests ; étapes ; fichier)
        tests = self.projet / "tests" / "test_stories.yml"
        for path in self.fichiers("data") + [tests]:
            data = self.rubriques(path)
            for kind in ("rules", "stories"):
                for block in data.get(kind) or []:
                    if isinstance(block, dict) and isinstance(block.get("steps"), list):
                        self.etapes.append((kind if path != tests else "tests", block["steps"], path))
        self.stats["regles"] = sum(1 for kind, _, _ in self.etapes if kind == "rules")
        self.stats["histoires"] = sum(1 for kind, _, _ in self.etapes if kind == "stories")

    def _intents_des_etapes(self, steps) -> Iterator[Tuple[str, int, int]]:
        """(intention, ligne, position de l'étape) ; les « or: » donnent chacune de leurs intentions."""
        for position, step in enumerate(steps):
            if not isinstance(step, dict):
                continue
            if "intent" in step:
                yield str(step["intent"]), step.lines["intent"], position
            for alternative in step.get("or") or []:
                if isinstance(alternative, dict) and "intent" in alternative:
                    yield str(alternative["intent"]), alternative.lines["intent"], position

    def couverture(self) -> None:
        domain = self.rel(self.domain_path)
        # Chaque intention utilisée existe dans le domaine.
        for intention, (path, line) in sorted(self.intention_fichier.items()):
            if intention not in self.intentions:
                self.signaler(f"{self.ou(path, line)} : l'intention « {intention} » n'est pas déclarée dans "
                              f"{domain}. Ajoutez la ligne « - {intention} » sous « intents: » dans {domain}, "
                              "ou corrigez le nom.")
        utilisees = set()
        for kind, steps, path in self.etapes:
            for intention, line, _ in self._intents_des_etapes(steps):
                if kind != "tests":
                    utilisees.add(intention)
                if intention not in self.intentions and intention not in INTENTIONS_RASA:
                    self.signaler(f"{self.ou(path, line)} : l'intention « {intention} » n'existe pas dans {domain}. "
                                  "Corrigez le nom (c'est le nom du fichier data/nlu/<intention>.yml) ou "
                                  f"déclarez-la sous « intents: » dans {domain}.")
            for step in steps:
                if isinstance(step, dict) and "action" in step and str(step["action"]) not in self.actions:
                    self.signaler(f"{self.ou(path, step.lines['action'])} : l'action « {step['action']} » n'existe "
                                  f"pas dans {domain}. Vérifiez l'orthographe (les sujets de la fiche utilisent "
                                  f"{ACTION_SUJETS}) ou déclarez-la sous « actions: » ou « responses: ».")
        # Chaque intention du domaine a des exemples et une règle ou une histoire.
        for intention, line in self.intentions.items():
            exemples = self.exemples_par_intention.get(intention, [])
            if not exemples:
                self.signaler(f"{domain} ligne {line} : l'intention « {intention} » n'a aucun exemple. Créez "
                              f"data/nlu/{intention}.yml avec au moins {MIN_EXEMPLES} exemples "
                              "(voir docs/guide-formateurs.md).")
            elif len(exemples) < MIN_EXEMPLES:
                path, intent_line = self.intention_fichier[intention]
                self.signaler(f"{self.ou(path, intent_line)} : l'intention « {intention} » n'a que {len(exemples)} "
                              f"exemple(s) ; il en faut au moins {MIN_EXEMPLES}. Ajoutez-en "
                              f"{MIN_EXEMPLES - len(exemples)} ou plus, variés (mots, longueur, fautes, "
                              "style SMS), un par ligne commençant par « - ».")
            # Un sujet de la fiche sans règle a son propre message (sujets_atteignables), plus précis.
            if intention not in utilisees and intention not in self.sujets_de_la_fiche:
                self.signaler(f"{domain} ligne {line} : l'intention « {intention} » n'est utilisée par aucune "
                              "règle ni histoire : l'assistant ne saurait pas quoi répondre. Ajoutez une règle "
                              f"dans data/rules/ (pour un sujet de la fiche : « - intent: {intention} » suivi de "
                              f"« - action: {ACTION_SUJETS} » dans data/rules/sujets.yml).")

    # 5. sujets : atteignables, boutons, réponses
    def sujets_atteignables(self) -> None:
        path = self.projet / "knowledge" / "sujets.yml"
        data = self.lire(path)
        if not isinstance(data, dict) or not isinstance(data.get("sujets"), dict):
            return
        sujets = data["sujets"]
        self.stats["sujets"] = len(sujets)
        regles, hors_sujets = set(), set()
        for kind, steps, step_path in self.etapes:
            for intention, step_line, position in self._intents_des_etapes(steps):
                suivante = steps[position + 1] if position + 1 < len(steps) else None
                if not (isinstance(suivante, dict) and suivante.get("action") == ACTION_SUJETS):
                    continue
                if kind == "rules":
                    regles.add(intention)
                # action_repondre ne répond qu'aux sujets de sujets.yml (et aux relances).
                if (intention not in sujets and intention != SUJET_RELANCE and intention in self.intentions
                        and intention not in hors_sujets):
                    hors_sujets.add(intention)
                    self.signaler(f"{self.ou(step_path, step_line)} : « {intention} » va à {ACTION_SUJETS}, mais "
                                  f"n'est pas un sujet de {self.rel(path)} : l'assistant ne saurait pas quoi "
                                  f"répondre. Ajoutez le sujet « {intention} » sous « sujets: » dans {self.rel(path)} "
                                  "(libelle, question, rubrique, suggestions).")
        for sujet, line in sujets.lines.items():
            ici = self.ou(path, line)
            if sujet not in self.intentions:
                self.signaler(f"{ici} : le sujet « {sujet} » n'est pas une intention de {self.rel(self.domain_path)} : "
                              "aucune question d'élève ne peut y mener. Pour un nouveau sujet, ajoutez "
                              f"« - {sujet} » sous « intents: » dans domain.yml, le fichier data/nlu/{sujet}.yml "
                              f"et une règle vers {ACTION_SUJETS} dans data/rules/sujets.yml ; sinon corrigez le nom.")
            elif sujet not in SUJETS_HORS_FICHE and sujet not in regles:
                self.signaler(f"{ici} : le sujet « {sujet} » n'a pas de règle vers {ACTION_SUJETS}. Ajoutez dans "
                              f"data/rules/sujets.yml, à la fin :\n- rule: répondre sur « {sujet} »\n  steps:\n"
                              f"  - intent: {sujet}\n  - action: {ACTION_SUJETS}")
            if sujet not in SUJETS_HORS_FICHE:
                self._reponse_du_sujet(sujet, ici)
        self._rubriques_libres(set(sujets))

    def _reponse_du_sujet(self, sujet: str, ici: str) -> None:
        """Un sujet est répondu par le code (Replier._<sujet>) ou par sa rubrique « autres_sujets »."""
        if hasattr(Replier, f"_{sujet}"):
            return
        if "autres_sujets" not in Profession.__fields__:
            self.signaler(f"{ici} : aucune réponse n'est programmée pour le sujet « {sujet} » "
                          "(actions/replies.py) : demandez à un développeur de l'ajouter.")
            return
        if sujet not in self.modeles:
            self.signaler(f"{ici} : le sujet « {sujet} » n'a pas de modèle de réponse. Ajoutez dans "
                          f"knowledge/reponses.yml une ligne « {sujet}: \"{{texte}}\" » (vous pouvez écrire une "
                          "phrase autour de {texte}).")
        for profession in self.professions.values():
            if sujet not in (profession.autres_sujets or {}):
                self.signaler(f"knowledge/metiers/{profession.id}.yml : la rubrique « autres_sujets.{sujet} » "
                              f"manque, l'assistant n'aurait rien à répondre sur « {sujet} » pour ce métier. "
                              "Ajoutez-la (le texte de la fiche métier sur ce sujet).")

    def _rubriques_libres(self, sujets: set) -> None:
        """Chaque rubrique « autres_sujets » est un sujet de knowledge/sujets.yml, sinon personne ne la lit."""
        for profession in self.professions.values():
            path = self.projet / "knowledge" / "metiers" / f"{profession.id}.yml"
            rubriques = self.rubriques(path).get("autres_sujets") or {}
            for rubrique, line in getattr(rubriques, "lines", {}).items():
                if rubrique not in sujets:
                    self.signaler(f"{self.ou(path, line)} : la rubrique « autres_sujets.{rubrique} » ne "
                                  "correspond à aucun sujet de knowledge/sujets.yml : l'assistant ne la dira "
                                  f"jamais. Ajoutez le sujet « {rubrique} » (voir docs/guide-formateurs.md) ou "
                                  "corrigez le nom.")

    def boutons(self) -> None:
        domain = self.rel(self.domain_path)
        for reponse, variants in self.reponses.items():
            for variant in variants if isinstance(variants, list) else []:
                for button in (variant.get("buttons") or []) if isinstance(variant, dict) else []:
                    if not isinstance(button, dict):
                        continue
                    payload = str(button.get("payload") or "")
                    line = button.lines.get("payload") or button.line
                    match = _PAYLOAD.match(payload)
                    if not match:
                        self.signaler(f"{domain} ligne {line} : le bouton « {button.get('title', '')} » de "
                                      f"{reponse} a pour payload « {payload} » : écrivez « /nom_de_l_intention ».")
                    elif match.group(1) not in self.intentions:
                        self.signaler(f"{domain} ligne {line} : le bouton « {button.get('title', '')} » de "
                                      f"{reponse} mène à « {payload} », mais « {match.group(1)} » n'est pas une "
                                      f"intention de {domain}. Corrigez le nom après « / » (intentions : "
                                      f"{', '.join(sorted(self.intentions))}).")
        # Les boutons que le code ajoute lui-même (« Autre question », « Parler à un conseiller »).
        # Ceux des sujets (menu, suggestions) envoient « /<sujet> » : voir sujets_atteignables.
        code = ROOT / "actions" / "replies.py"
        for intention in sorted(set(re.findall(r'"payload": "/(\w+)"', code.read_text(encoding="utf-8")))):
            if intention not in self.intentions:
                self.signaler(f"{domain} : l'intention « {intention} » manque ; les boutons de l'assistant "
                              f"(actions/replies.py) y mènent. Remettez « - {intention} » sous « intents: » "
                              f"dans {domain}, avec data/nlu/{intention}.yml et sa règle.")

    # 6. modèles de réponses : accolades bien formées
    def modeles_de_reponse(self) -> None:
        path = self.projet / "knowledge" / "reponses.yml"
        data = self.lire(path)
        if not isinstance(data, dict):
            return

        def walk(prefix: str, node, line: int) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    walk(f"{prefix}.{key}" if prefix else str(key), value, node.lines.get(key, line))
                return
            if not isinstance(node, str):
                return
            try:
                champs = [f for _, f, _, _ in string.Formatter().parse(node) if f is not None]
            except ValueError:
                self.signaler(f"{self.ou(path, line)} : le modèle « {prefix} » a une accolade {{ ou }} seule. "
                              "Écrivez les champs ainsi : {nom_du_champ}, et ne mettez pas d'autre accolade.")
                return
            for champ in champs:
                if not re.fullmatch(r"[a-z_][a-z0-9_]*", champ):
                    self.signaler(f"{self.ou(path, line)} : le modèle « {prefix} » contient « {{{champ}}} » : entre "
                                  "accolades, seul un nom de champ en minuscules est permis (par exemple "
                                  "{intitule}). Recopiez le nom du champ d'origine.")

        walk("", data, 1)

    # tout
    def lancer(self) -> List[str]:
        self.syntaxe()
        if self.problemes:
            # Un fichier illisible fausserait les autres vérifications (intention « sans exemple »…).
            self.reporte = True
            return self.problemes
        self.connaissances()
        self.exemples()
        self.domaine()
        self.couverture()
        self.sujets_atteignables()
        self.boutons()
        self.modeles_de_reponse()
        return self.problemes

    def resume(self) -> str:
        s = self.stats
        return (f"{s['intentions']} intentions, {s['exemples']} exemples, {s['regles']} règles, "
                f"{s['histoires']} histoires, {s['sujets']} sujets, {s['metiers']} métier(s)")


def normaliser(texte: str, ponctuation: bool = True) -> str:
    """Pour comparer deux exemples : sans annotation d'entité, majuscules, accents (ni ponctuation finale)."""
    texte = _ANNOTATION.sub(r"\1", texte).replace("\u2019", "'").replace("\u00a0", " ")
    texte = "".join(c for c in unicodedata.normalize("NFKD", texte.lower()) if not unicodedata.combining(c))
    texte = " ".join(texte.split())
    return texte.strip(" ?!.…,;:") if ponctuation else texte


def _noeud(data, chemin: str) -> Tuple[object, Optional[int], bool]:
    """(nœud, ligne, trouvé) pour le champ « a.b.0.c » ; s'il manque, la ligne du parent le plus proche."""
    line, node = None, data
    for part in chemin.split("."):
        if isinstance(node, dict) and part in node:
            line, node = node.lines.get(part, line), node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            line, node = node.lines[int(part)], node[int(part)]
        else:
            return None, line, False
    return node, line, True


# Aide en français pour les messages de Rasa les plus fréquents que nos vérifications ne couvrent pas.
_RASA_AIDES = [
    ("Story structure conflict", "Conflit : deux règles ou histoires prévoient une suite différente après le "
                                 "même message. Gardez une seule suite (les sujets de la fiche vont à "
                                 "action_repondre) ou supprimez l'histoire en trop."),
    ("labeled with multiple different intents", "Un même exemple est dans deux intentions : gardez-le dans "
                                                 "un seul fichier de data/nlu/."),
    ("not in the domain", "Un nom utilisé dans data/ n'est pas déclaré dans domain.yml : corrigez "
                          "l'orthographe ou déclarez-le."),
]
_HORODATAGE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ")
_AVERTISSEMENT_PYTHON = re.compile(r"^\S+\.py:\d+: (\w+Warning)")


def rasa_validate(projet: Path) -> Tuple[bool, str]:
    """Lance rasa data validate ; garde ses avertissements et erreurs, sans le bruit des bibliothèques."""
    rasa = Path(sys.executable).parent / "rasa"
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false",
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    result = subprocess.run(
        [str(rasa), "data", "validate", "--fail-on-warnings", "--domain", "domain.yml", "--data", "data",
         "--config", "config.yml"], cwd=projet, env=env, capture_output=True, text=True)
    sortie = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr + "\n" + result.stdout)
    gardees, garder = [], False
    for line in sortie.splitlines():
        avertissement = _AVERTISSEMENT_PYTHON.match(line)
        if _HORODATAGE.match(line):
            garder = " WARNING " in line or " ERROR " in line
        elif avertissement:
            garder = avertissement.group(1) not in ("DeprecationWarning", "PendingDeprecationWarning",
                                                    "FutureWarning")
        elif "Processed " in line or not line.strip():
            continue
        elif "validation completed with errors" in line:
            garder = True
        if garder:
            gardees.append(line)
    aides = [aide for motif, aide in _RASA_AIDES if motif in sortie]
    texte = "\n".join(gardees[-60:]) or sortie[-3000:]
    return result.returncode == 0, texte + ("\n\n" + "\n".join(aides) if aides else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Vérifie les données et les fichiers de connaissances.")
    parser.add_argument("--projet", type=Path, default=ROOT, help="dossier du projet à vérifier")
    parser.add_argument("--sans-rasa", action="store_true", help="ne lance pas rasa data validate (rapide)")
    args = parser.parse_args(argv)

    controle = Controle(args.projet)
    problemes = controle.lancer()
    if problemes:
        print(f"{len(problemes)} problème(s) à corriger :\n")
        for probleme in problemes:
            print(f"✗ {probleme}\n")
        if controle.reporte:
            print("Les autres vérifications seront faites quand le YAML sera corrigé.")
        print("Corrigez-les, puis relancez `make check`."
              + ("" if args.sans_rasa else " (rasa data validate n'a pas été lancé : il le sera quand ces "
                                             "problèmes seront corrigés.)"))
        return 1
    if args.sans_rasa:
        print(f"Tout est correct : {controle.resume()} (rasa data validate non lancé : --sans-rasa).")
        return 0
    print(f"Vérifications du projet : correct ({controle.resume()}).\n"
          "Vérification par Rasa (rasa data validate --fail-on-warnings, environ 15 secondes)…", flush=True)
    ok, sortie = rasa_validate(controle.projet)
    if not ok:
        print("\n✗ rasa data validate a trouvé des problèmes (messages de Rasa, en anglais) :\n")
        print(sortie)
        print("\nCorrigez (le nom de l'histoire, de la règle ou de l'intention en cause est dans ces messages), "
              "puis relancez `make check`.")
        return 1
    print(f"Tout est correct : {controle.resume()}, rasa data validate compris.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
