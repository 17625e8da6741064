#!/usr/bin/env python3
"""La file de relecture : ce que les élèves ont demandé et que l'assistant a mal compris.

`make review` (sous-commande `export`) lit la base des conversations (TRACKER_STORE_URL) et écrit
`reports/a_relire.yml` : les messages d'élèves partis à la clarification (intention nlu_fallback),
compris avec une confiance sous le seuil (0,7 par défaut), ou dont la réponse a reçu un 👎 dans le widget
(« signalee: oui », quelle que soit la confiance), regroupés quand ils se ressemblent, avec
l'intention devinée, la confiance et le contexte (message précédent de l'élève, réponse précédente de
l'assistant). Le formateur écrit l'intention de chaque message, ou `hors_sujet`, ou laisse vide.

`make review-import` (sous-commande `import`) ajoute chaque message annoté au bon fichier
`data/nlu/<intention>.yml`, à la fin de ses exemples, sans jamais écrire de doublon (majuscules,
accents et ponctuation finale ignorés comme pour make check, dans tous les fichiers de data/nlu/). Rien n'est écrit si une
annotation est refusée (intention inconnue, exemple déjà présent sous une autre intention) : on
corrige, on relance. Le Makefile lance ensuite `make check`.

    python -m trainer.review export [--seuil 0.7] [--base URL] [--depuis JOURS] [--sortie FICHIER]
    python -m trainer.review import [--fichier reports/a_relire.yml]
    --projet DOSSIER  (avant ou après la sous-commande) : une copie du projet, pour les tests

Codes de sortie : 0 si tout va bien, 1 sinon (message en français).
"""
import argparse
import datetime
import difflib
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import yaml

from trainer.project import ROOT, Project, block_examples, normalise, plain

FALLBACK = "nlu_fallback"
HORS_SUJET = "hors_sujet"
SEUIL = 0.7
SIMILARITE = 0.35  # Jaccard des trigrammes de caractères au-dessus duquel deux messages vont ensemble
DEFAULT_BASE = "sqlite:///var/conversations.db"


# -- texte --------------------------------------------------------------------------------------
def _imprimable(c: str) -> bool:
    """Caractère permis dans un fichier YAML (hors retours à la ligne, déjà retirés)."""
    o = ord(c)
    return (0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000) and o != 0xFEFF


def une_ligne(texte: str) -> str:
    """Le message sur une seule ligne, sans caractère de contrôle (il devient une ligne de YAML)."""
    return "".join(c for c in " ".join(str(texte).split()) if _imprimable(c))


def trigrammes(cle: str) -> Set[str]:
    s = f" {cle} "
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}


def jaccard(a: Set[str], b: Set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def court(texte: str, n: int = 220) -> str:
    texte = une_ligne(texte)
    return texte if len(texte) <= n else texte[: n - 1].rstrip() + "…"


# -- messages de test ou d'attaque ----------------------------------------------------------------
# L'assistant les traite correctement par construction (ils ne sont ni affichés tels quels, ni
# exécutés, et il répond en français) : ils ne doivent pas devenir des exemples. Ils sont listés à
# part, à la fin du fichier, sous un titre que le formateur peut sauter.
_SONDES = [
    (re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>"), "balise HTML ou script : jamais affichée telle quelle"),
    (re.compile(r"(?i)\b(drop|delete|truncate)\s+table\b|\bunion\s+(all\s+)?select\b|\b(or|and)\s+\d+\s*=\s*\d+"
                r"|'\s*(;|--|or\b)"), "injection SQL : les messages ne sont jamais exécutés"),
    (re.compile(r"\{\{.*\}\}|\$\{.*\}|\bjndi:"), "injection de code : les messages ne sont jamais exécutés"),
]


def sonde(texte: str) -> Optional[str]:
    """Pourquoi un message est un test ou une attaque que l'assistant a traité comme prévu, ou None."""
    for motif, raison in _SONDES:
        if motif.search(texte):
            return raison
    lettres = [c for c in texte if c.isalpha()]
    if lettres and not any("LATIN" in unicodedata.name(c, "") for c in lettres):
        return "autre écriture (arabe, chinois…) : l'assistant répond en français"
    return None


class Erreur(Exception):
    """Un problème à expliquer au formateur (message en français), sans trace Python."""


def read_project(root: Path) -> Project:
    """The project, read by the trainer tools' one reader; an unreadable file of data/ stops here."""
    project = Project(root)
    unreadable = project.unreadable_nlu()
    if unreadable:
        raise Erreur(f"{unreadable[0]}. Corrigez-le (make check l'explique), puis relancez.")
    return project


def first_examples(project: Project) -> Dict[str, str]:
    """Intent -> its first example, as a student would write it (shown in the file's header)."""
    return {intent: plain(examples[0].text) for intent, examples in project.examples.items() if examples}


# -- export : lecture de la base ----------------------------------------------------------------
def moteur(url: str, projet: Path):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if not parsed.database or parsed.database == ":memory:":
            raise Erreur(f"TRACKER_STORE_URL={url} ne désigne pas un fichier SQLite.")
        path = Path(parsed.database)
        if not path.is_absolute():
            path = projet / path  # comme Rasa, lancé depuis le dossier du projet
        if not path.exists():
            raise Erreur(f"La base des conversations {path} n'existe pas : l'assistant n'a encore reçu aucun "
                         "message (make run), ou TRACKER_STORE_URL désigne une autre base.")
        # Lecture seule : la relecture ne modifie jamais les conversations.
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    return create_engine(url)


def lire_evenements(url: str, projet: Path, depuis: Optional[float]) -> List[tuple]:
    from sqlalchemy import text
    engine = moteur(url, projet)
    requete = ("SELECT sender_id, type_name, timestamp, data FROM events "
               "WHERE type_name IN ('user', 'bot', 'session_started', 'agent')")
    if depuis is not None:
        requete += " AND timestamp >= :depuis"
    requete += " ORDER BY sender_id, id"
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(requete), {"depuis": depuis} if depuis is not None else {}))
    except Exception as exc:  # noqa: BLE001 - base absente, table absente, accès refusé…
        raise Erreur(f"Impossible de lire les conversations dans {url} : {exc.__class__.__name__}: "
                     f"{str(exc).splitlines()[0]}") from exc
    finally:
        engine.dispose()


def _bouton(payload: str, derniers_bots: List[dict]) -> str:
    for bot in reversed(derniers_bots):
        for bouton in ((bot.get("data") or {}).get("buttons") or []):
            if bouton.get("payload") == payload:
                return f"(bouton « {bouton.get('title', payload)} »)"
    return f"(bouton {payload})"


def _texte_bot(bots: List[dict]) -> str:
    parties = []
    for bot in bots:
        texte = une_ligne(bot.get("text") or "")
        titres = [str(b.get("title", "")) for b in ((bot.get("data") or {}).get("buttons") or [])]
        if titres:
            texte += f" [boutons : {' · '.join(titres)}]"
        if texte.strip():
            parties.append(texte.strip())
    return court(" / ".join(parties), 300)


def _json(data) -> Optional[dict]:
    try:
        data = json.loads(data) if isinstance(data, str) else (data or {})
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def avis(events: List[tuple]) -> Dict[str, str]:
    """message_id de la question -> dernier avis (« up » ou « down ») donné dans le widget sur sa réponse.

    Le canal REST enregistre chaque 👍/👎 comme un événement « agent » (AgentUttered) de la conversation,
    que les politiques de dialogue ne lisent pas."""
    votes = {}
    for kind, _, data in events:
        data = _json(data) if kind == "agent" else None
        retour = (data or {}).get("data") if data else None
        if isinstance(retour, dict) and retour.get("feedback") in ("up", "down") and retour.get("message_id"):
            votes[str(retour["message_id"])] = retour["feedback"]
    return votes


def candidats(evenements: List[tuple], seuil: float) -> List[dict]:
    """Les messages d'élèves sous le seuil ou signalés (👎), avec leur contexte, dans l'ordre des conversations."""
    trouves = []
    par_conversation: Dict[str, List[tuple]] = defaultdict(list)
    for sender, kind, timestamp, data in evenements:
        par_conversation[sender].append((kind, timestamp, data))
    for sender, events in par_conversation.items():
        votes = avis(events)
        eleve_avant, bots_avant, bots_courants, en_attente = "", [], [], None
        for kind, timestamp, data in events:
            data = _json(data)
            if data is None or kind == "agent":
                continue
            if kind == "session_started":
                eleve_avant, bots_avant, bots_courants = "", [], []
                continue
            if kind == "bot":
                bots_courants.append(data)
                if en_attente is not None:
                    en_attente["reponse"] = _texte_bot(bots_courants)
                continue
            # message de l'élève
            texte = une_ligne(data.get("text") or "")
            if bots_courants:
                bots_avant = bots_courants
            bots_courants, en_attente = [], None
            signalee = votes.get(str(data.get("message_id"))) == "down"
            if texte and (signalee or not texte.startswith("/")):
                parse = data.get("parse_data") or {}
                intent = parse.get("intent") or {}
                nom = intent.get("name")
                classement = [r for r in parse.get("intent_ranking") or [] if r.get("name") != FALLBACK]
                if nom == FALLBACK or not nom:
                    propose = classement[0] if classement else {"name": None, "confidence": 0.0}
                else:
                    propose = {"name": nom, "confidence": intent.get("confidence") or 0.0}
                confiance = float(propose.get("confidence") or 0.0)
                if signalee or nom == FALLBACK or not nom or confiance < seuil:
                    if texte.startswith("/"):  # un bouton : on relit le titre qui était affiché
                        texte = _bouton(texte, bots_avant)
                    en_attente = {
                        "texte": texte, "cle": normalise(texte), "proposee": propose.get("name"),
                        "confiance": confiance, "repli": nom == FALLBACK or not nom, "signalee": signalee,
                        "conversation": sender, "date": timestamp,
                        "avant_eleve": eleve_avant, "avant_assistant": _texte_bot(bots_avant),
                        "reponse": "",
                    }
                    trouves.append(en_attente)
            texte = une_ligne(data.get("text") or "")
            if texte.startswith("/"):
                eleve_avant = _bouton(texte, bots_avant)
            else:
                eleve_avant = texte
    return trouves


def regrouper(messages: List[dict], seuil: float = SIMILARITE) -> List[List[dict]]:
    """Regroupe les messages proches (Jaccard des trigrammes de caractères du texte normalisé).

    Déterministe : les messages les plus fréquents d'abord, puis par ordre alphabétique ; chacun rejoint
    le groupe qui contient le message le plus proche (au-dessus du seuil), sinon en ouvre un nouveau.
    """
    ordre = sorted(messages, key=lambda m: (-m.get("nombre", 1), m["cle"], m["texte"]))
    groupes: List[List[dict]] = []
    signatures: List[List[Set[str]]] = []
    for message in ordre:
        tri = trigrammes(message["cle"])
        meilleur, score = None, seuil
        for i, membres in enumerate(signatures):
            proche = max(jaccard(tri, autre) for autre in membres)
            if proche >= score:
                meilleur, score = i, proche
        if meilleur is None:
            groupes.append([message])
            signatures.append([tri])
        else:
            groupes[meilleur].append(message)
            signatures[meilleur].append(tri)
    rang = {id(m): i for i, m in enumerate(ordre)}
    return sorted(groupes, key=lambda g: (-sum(m.get("nombre", 1) for m in g), rang[id(g[0])]))


# -- export : écriture du fichier à annoter -----------------------------------------------------
def q(texte) -> str:
    """Une chaîne YAML entre guillemets (la syntaxe JSON en est un cas particulier)."""
    return json.dumps("" if texte is None else str(texte), ensure_ascii=False)


def en_tete(intentions: List[str], exemples: Dict[str, str], seuil: float, base: str, nb: int,
            deja: int) -> List[str]:
    maintenant = datetime.datetime.now().strftime("%d/%m/%Y à %H:%M")
    seuil_txt = f"{seuil:g}".replace(".", ",")
    lignes = [
        "# MESSAGES D'ÉLÈVES À RELIRE",
        f"# Créé le {maintenant} par « make review » à partir de {masquer(base)}.",
        f"# {nb} message(s) : ceux que l'assistant n'a pas compris (il a proposé des choix au lieu de",
        f"# répondre : « repli: oui ») ou compris avec une confiance sous {seuil_txt}."
        + (f" {deja} message(s) déjà présents dans les exemples ne sont pas repris." if deja else ""),
        "# « signalee: oui » : l'élève a jugé la réponse fausse ou inutile (👎 dans le widget), même si",
        "# l'assistant était sûr de lui. Lisez « reponse » : si le sujet est le bon mais le fait est faux,",
        "# corrigez la fiche métier (knowledge/metiers/) et laissez « intention: » vide ; si l'assistant a",
        "# répondu à côté, écrivez la bonne intention comme pour les autres messages.",
        "#",
        "# CE QU'IL FAUT FAIRE",
        "#  1. Pour chaque message, écrivez après « intention: » le sujet dont parle l'élève,",
        "#     choisi dans la liste ci-dessous. Exemple :   intention: salaire",
        "#  2. Un message qui ne parle pas du métier (météo, sport, blague…) :   intention: hors_sujet",
        "#  3. Un message incompréhensible, ou qui ne doit pas servir d'exemple : laissez « intention: »",
        "#     vide, il sera ignoré.",
        "#  4. Ne corrigez pas les fautes : l'assistant doit comprendre les élèves tels qu'ils écrivent.",
        "#     Vous pouvez modifier « texte » pour retirer un nom ou une information personnelle.",
        "#  5. Enregistrez, puis lancez « make review-import » : chaque message annoté est ajouté dans",
        "#     data/nlu/<intention>.yml (jamais en double), puis « make check » vérifie le projet.",
        "#     Lancez ensuite « make train » (ou « make run ») pour que l'assistant l'apprenne.",
        "#",
        "# Les messages qui se ressemblent sont dans le même groupe : ils ont souvent la même intention.",
        "# Les autres champs aident à décider, ne les modifiez pas : « proposee » est l'intention devinée",
        "# par l'assistant, « confiance » sa certitude (0 à 1), « avant » le message précédent de l'élève",
        "# et la réponse précédente de l'assistant, « reponse » ce que l'assistant a répondu.",
        "#",
        "# INTENTIONS POSSIBLES (un exemple de chacune) :",
    ]
    largeur = max((len(i) for i in intentions), default=10)
    for intention in intentions:
        exemple = exemples.get(intention)
        lignes.append(f"#   {intention.ljust(largeur)}" + (f"   ex. « {court(exemple, 70)} »" if exemple else ""))
    return lignes


def masquer(url: str) -> str:
    """L'adresse de la base sans son mot de passe."""
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


def ecrire_fichier(groupes: List[List[dict]], entete: List[str], sondes: Optional[List[dict]] = None) -> str:
    lignes = entete + ["", "groupes:"]
    numero = 0
    for g, groupe in enumerate(groupes, 1):
        lignes += [f"- groupe: {g}", "  messages:"]
        for m in groupe:
            numero += 1
            lignes += [
                f"  - numero: {numero}",
                f"    texte: {q(m['texte'])}",
                "    intention: ",
                f"    proposee: {q(m['proposee'] or '')}",
                f"    confiance: {m['confiance']:.2f}",
                f"    repli: {'oui' if m['repli'] else 'non'}",
            ]
            if m.get("signalee"):
                lignes.append("    signalee: oui  # réponse jugée fausse par l'élève (👎)")
            if m.get("nombre", 1) > 1:
                lignes.append(f"    nombre: {m['nombre']}  # fois où ce message a été envoyé")
            lignes += [
                "    avant:",
                f"      eleve: {q(m['avant_eleve'])}",
                f"      assistant: {q(m['avant_assistant'])}",
                f"    reponse: {q(m['reponse'])}",
                f"    date: {q(datetime.datetime.fromtimestamp(m['date']).strftime('%d/%m/%Y %H:%M') if m['date'] else '')}",
                f"    conversation: {q(m['conversation'])}",
            ]
    if not groupes:
        lignes[-1] = "groupes: []  # rien à relire"
    if sondes:
        lignes += [
            "",
            "# " + "=" * 94,
            "# À IGNORER : messages de test ou d'attaque (balises HTML, injections, autres écritures).",
            "# L'assistant y a répondu comme prévu ; ils ne servent pas d'exemples et l'import ne les lit pas.",
            "# Vous pouvez sauter cette partie.",
            "# " + "=" * 94,
            "a_ignorer:",
        ]
        for m in sondes:
            lignes += [f"- texte: {q(m['texte'])}", f"  raison: {q(sonde(m['texte']))}"]
    return "\n".join(lignes) + "\n"


def annotations(data) -> List[dict]:
    """Les messages du fichier annoté, chacun avec son numéro (dans l'ordre du fichier)."""
    if not isinstance(data, dict) or not isinstance(data.get("groupes"), list):
        raise Erreur("le fichier n'a pas la forme attendue (une liste « groupes: » de messages). Recréez-le "
                     "avec make review.")
    messages = []
    for groupe in data["groupes"]:
        for m in (groupe or {}).get("messages") or [] if isinstance(groupe, dict) else []:
            if isinstance(m, dict):
                messages.append(m)
    return messages


def annotations_en_attente(fichier: Path, project: Project) -> int:
    """Nombre de messages annotés dans un ancien fichier qui ne sont pas encore dans data/nlu/."""
    try:
        messages = annotations(yaml.safe_load(fichier.read_text(encoding="utf-8")))
    except (yaml.YAMLError, Erreur, OSError):
        return 0
    existants = project.example_index()
    attente = 0
    for m in messages:
        intention = intention_annotee(m.get("intention"))
        lieux = existants.get(normalise(une_ligne(m.get("texte") or "")), [])
        if intention and intention not in {i for i, _ in lieux}:
            attente += 1
    return attente


def exporter(args) -> int:
    project = read_project(args.projet)
    projet = project.root
    sortie = args.sortie or projet / "reports" / "a_relire.yml"
    if sortie.exists() and not args.ecraser:
        attente = annotations_en_attente(sortie, project)
        if attente:
            raise Erreur(f"{project.rel(sortie)} contient {attente} annotation(s) pas encore importée(s). Lancez "
                         "d'abord « make review-import », ou « make review ECRASER=1 » pour les abandonner.")
    depuis = None
    if args.depuis is not None:
        depuis = (datetime.datetime.now() - datetime.timedelta(days=args.depuis)).timestamp()
    trouves = candidats(lire_evenements(args.base, projet, depuis), args.seuil)
    trouves.sort(key=lambda m: (m["date"] or 0))  # un message envoyé plusieurs fois : le plus ancien

    existants = project.example_index()
    uniques: Dict[str, dict] = {}
    deja = 0
    for m in trouves:
        if not m["cle"]:
            continue
        if m["cle"] in existants and not m.get("signalee"):
            deja += 1
            continue
        if m["cle"] in uniques:
            uniques[m["cle"]]["nombre"] = uniques[m["cle"]].get("nombre", 1) + 1
            uniques[m["cle"]]["signalee"] = uniques[m["cle"]].get("signalee") or m.get("signalee")
        else:
            uniques[m["cle"]] = m
    sondes = [m for m in uniques.values() if sonde(m["texte"])]
    for m in sondes:
        del uniques[m["cle"]]
    groupes = regrouper(list(uniques.values()))

    intentions = list(project.intents)
    exemples = first_examples(project)
    texte = ecrire_fichier(groupes, en_tete(intentions, exemples, args.seuil, args.base, len(uniques), deja),
                           sondes)
    yaml.safe_load(texte)  # le fichier produit doit toujours se relire
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(texte, encoding="utf-8")
    signalees = sum(1 for m in uniques.values() if m.get("signalee"))
    print(f"{len(uniques)} message(s) à relire, en {len(groupes)} groupe(s) : {project.rel(sortie)}"
          + (f" ({deja} déjà présent(s) dans les exemples, non repris)" if deja else "") + "."
          + (f" {len(sondes)} message(s) de test ou d'attaque (balises, injections, autres écritures) sont "
             "listés à part, à la fin du fichier : inutile de les annoter." if sondes else ""))
    if signalees:
        print(f"Dont {signalees} réponse(s) jugée(s) fausse(s) par les élèves (👎, « signalee: oui ») :")
        for m in uniques.values():
            if m.get("signalee"):
                print(f"  - « {court(m['texte'], 80)} » → {court(m['reponse'], 120)}")
    if uniques:
        print("Ouvrez ce fichier, écrivez l'intention de chaque message (les explications sont en haut du "
              "fichier), puis lancez « make review-import ».")
    return 0


# -- import -------------------------------------------------------------------------------------
def intention_annotee(valeur) -> Optional[str]:
    """« Salaire », « hors sujet », « hors-sujet » -> salaire, hors_sujet ; vide -> None."""
    if valeur is None:
        return None
    texte = str(valeur).strip().strip("«»\"'").strip()
    if not texte:
        return None
    return re.sub(r"[\s\-]+", "_", texte.lower())


def trouver_bloc(lignes: List[str], intention: str) -> Optional[Tuple[int, str]]:
    """(indice de la ligne après laquelle insérer, indentation des exemples) pour cette intention."""
    debut = re.compile(r"^(\s*)-\s+intent:\s*([\"']?)" + re.escape(intention) + r"\2\s*(#.*)?$")
    for i, ligne in enumerate(lignes):
        m = debut.match(ligne.rstrip("\r\n"))
        if not m:
            continue
        retrait_item = len(m.group(1))
        j = i + 1
        while j < len(lignes):
            courant = lignes[j].rstrip("\r\n")
            retrait = len(courant) - len(courant.lstrip(" "))
            if courant.strip() and not courant.lstrip().startswith("#") and retrait <= retrait_item:
                return None  # fin de l'élément sans « examples: | »
            cle = re.match(r"^(\s*)examples:\s*\|[-+]?\s*(#.*)?$", courant)
            if cle:
                retrait_cle = len(cle.group(1))
                dernier, retrait_ex = j, None
                k = j + 1
                while k < len(lignes):
                    contenu = lignes[k].rstrip("\r\n")
                    if contenu.strip():
                        r = len(contenu) - len(contenu.lstrip(" "))
                        if r <= retrait_cle:
                            break
                        dernier = k
                        if retrait_ex is None:
                            retrait_ex = r
                    k += 1
                return dernier, " " * (retrait_ex if retrait_ex is not None else retrait_cle + 2)
            j += 1
        return None
    return None


def ajouter_au_fichier(texte: str, intention: str, nouveaux: List[str]) -> Optional[str]:
    """Le fichier avec les nouveaux exemples à la fin du bloc de l'intention, ou None si introuvable."""
    lignes = texte.splitlines(keepends=True)
    trouve = trouver_bloc(lignes, intention)
    if trouve is None:
        return None
    apres, retrait = trouve
    fin = "\r\n" if lignes[apres].endswith("\r\n") else "\n"
    if not lignes[apres].endswith(("\n", "\r")):
        lignes[apres] += fin
    ajout = [f"{retrait}- {exemple}{fin}" for exemple in nouveaux]
    return "".join(lignes[: apres + 1] + ajout + lignes[apres + 1:])


def exemples_de(texte: str, intention: str) -> Optional[List[str]]:
    data = yaml.safe_load(texte) or {}
    for item in data.get("nlu") or []:
        if isinstance(item, dict) and str(item.get("intent")) == intention:
            return block_examples(item.get("examples"))
    return None


def importer(args) -> int:
    project = read_project(args.projet)
    projet = project.root
    fichier = args.fichier or projet / "reports" / "a_relire.yml"
    if not fichier.exists():
        raise Erreur(f"{project.rel(fichier)} n'existe pas : lancez d'abord « make review », annotez le fichier, "
                     "puis « make review-import ».")
    texte_fichier = fichier.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(texte_fichier)
    except yaml.YAMLError as exc:
        raise Erreur(f"{project.yaml_message(fichier, exc, texte_fichier)}. Vérifiez l'alignement et les guillemets "
                     "autour de cette ligne (seul le texte après « intention: » doit être modifié).") from exc
    try:
        messages = annotations(data)
    except Erreur as exc:
        raise Erreur(f"{project.rel(fichier)} : {exc}") from exc

    valides = list(project.intents)
    existants = project.example_index()
    refus, a_ajouter = [], defaultdict(list)  # intention -> [texte]
    nouvelles: Dict[str, Tuple[str, str]] = {}  # clé -> (intention, nom de l'élément) dans ce fichier
    ajoutes = presents = ignores = 0
    for rang, m in enumerate(messages, 1):
        numero = m.get("numero", rang)
        texte = une_ligne(m.get("texte") or "")
        nom = f"message n° {numero} (« {court(texte, 80)} »)"
        intention = intention_annotee(m.get("intention"))
        if intention is None:
            ignores += 1
            continue
        if intention not in valides:
            proches = difflib.get_close_matches(intention, valides, n=1)
            refus.append(f"{nom} : l'intention « {m.get('intention')} » n'existe pas."
                         + (f" Vouliez-vous dire « {proches[0]} » ?" if proches else "")
                         + " Choisissez un nom de la liste en haut du fichier, ou hors_sujet, ou laissez vide.")
            continue
        cle = normalise(texte)
        if not cle:
            refus.append(f"{nom} : le texte est vide. Remettez le message de l'élève ou laissez « intention: » vide.")
            continue
        ailleurs = [(i, e) for i, e in existants.get(cle, []) if i != intention]
        if ailleurs:
            autre, example = ailleurs[0]
            refus.append(f"{nom} : cet exemple est déjà dans {project.at(example.path, example.line)}, sous l'intention « {autre} ». "
                         "Un exemple ne peut être que dans une seule intention (sinon l'assistant ne peut pas "
                         f"choisir) : annotez « {autre} », ou laissez « intention: » vide.")
            continue
        if cle in existants:
            presents += 1
            continue
        if cle in nouvelles:
            autre, autre_nom = nouvelles[cle]
            if autre != intention:
                refus.append(f"{nom} : le même texte est annoté « {autre} » au {autre_nom}. Choisissez une "
                             "seule intention pour les deux.")
            else:
                presents += 1
            continue
        nouvelles[cle] = (intention, f"message n° {numero}")
        a_ajouter[intention].append(texte)

    if refus:
        print(f"{len(refus)} annotation(s) refusée(s) dans {project.rel(fichier)} :\n")
        for r in refus:
            print(f"✗ {r}\n")
        print("Rien n'a été ajouté. Corrigez ces annotations, puis relancez « make review-import ».")
        return 1

    # Tout est préparé en mémoire et vérifié avant d'écrire le moindre fichier.
    ecritures: List[Tuple[Path, str]] = []
    for intention, nouveaux in sorted(a_ajouter.items()):
        path = project.intent_file(intention)
        if path.exists():
            ancien = path.read_text(encoding="utf-8")
            nouveau = ajouter_au_fichier(ancien, intention, nouveaux)
            if nouveau is None:
                raise Erreur(f"{project.rel(path)} : bloc « - intent: {intention} » suivi de « examples: | » "
                             "introuvable. Ajoutez ces exemples à la main :\n"
                             + "\n".join(f"    - {n}" for n in nouveaux))
        else:
            ancien = None
            nouveau = 'version: "3.1"\nnlu:\n' + f"- intent: {intention}\n  examples: |\n" + "".join(
                f"    - {n}\n" for n in nouveaux)
        try:
            apres = exemples_de(nouveau, intention)
            avant = exemples_de(ancien, intention) if ancien is not None else []
        except yaml.YAMLError as exc:
            raise Erreur(f"{project.rel(path)} : l'ajout rendrait le fichier invalide ({exc}). Rien n'a été "
                         "écrit.") from exc
        if apres != (avant or []) + nouveaux:
            raise Erreur(f"{project.rel(path)} : la mise en forme du fichier n'est pas celle attendue, rien n'a "
                         "été écrit. Ajoutez ces exemples à la main :\n" + "\n".join(f"    - {n}" for n in nouveaux))
        ecritures.append((path, nouveau))

    for path, nouveau in ecritures:
        temporaire = path.with_name(path.name + ".tmp")
        temporaire.write_text(nouveau, encoding="utf-8")
        os.replace(temporaire, path)
    for intention, nouveaux in sorted(a_ajouter.items()):
        ajoutes += len(nouveaux)
        print(f"{project.rel(project.intent_file(intention))} :")
        for n in nouveaux:
            print(f"  + {n}")
    print(f"\nImport terminé : {ajoutes} ajouté(s), {presents} déjà présent(s), {ignores} ignoré(s) "
          "(intention laissée vide).")
    if ajoutes:
        print("Lancez « make train » (ou « make run », qui entraîne si besoin) pour que l'assistant apprenne "
              "ces exemples.")
    return 0


# -- ligne de commande ---------------------------------------------------------------------------
def main(argv=None) -> int:
    commun = argparse.ArgumentParser(add_help=False)
    commun.add_argument("--projet", type=Path, default=argparse.SUPPRESS,
                        help="dossier du projet (une copie, pour les tests)")
    parser = argparse.ArgumentParser(description="File de relecture des messages d'élèves.", parents=[commun])
    sous = parser.add_subparsers(dest="commande", required=True)

    exp = sous.add_parser("export", parents=[commun], help="écrit reports/a_relire.yml")
    exp.add_argument("--seuil", type=float, default=SEUIL,
                     help=f"confiance sous laquelle un message est à relire (défaut {SEUIL})")
    exp.add_argument("--base", default=os.environ.get("TRACKER_STORE_URL") or DEFAULT_BASE,
                     help="adresse de la base des conversations (défaut : TRACKER_STORE_URL)")
    exp.add_argument("--depuis", type=float, default=None, help="seulement les N derniers jours")
    exp.add_argument("--sortie", type=Path, default=None, help="fichier à écrire (défaut reports/a_relire.yml)")
    exp.add_argument("--ecraser", action="store_true", help="remplace un fichier aux annotations non importées")

    imp = sous.add_parser("import", parents=[commun], help="ajoute les messages annotés à data/nlu/")
    imp.add_argument("--fichier", type=Path, default=None, help="fichier annoté (défaut reports/a_relire.yml)")

    args = parser.parse_args(argv)
    if not hasattr(args, "projet"):
        args.projet = ROOT
    if not (args.projet / "domain.yml").exists():
        print(f"{args.projet} n'est pas le dossier du projet (domain.yml introuvable).")
        return 1
    try:
        if args.commande == "export":
            if not 0 < args.seuil <= 1:
                raise Erreur("le seuil est une confiance entre 0 et 1, par exemple 0.7.")
            return exporter(args)
        return importer(args)
    except Erreur as exc:
        print(f"✗ {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
