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

from core.paths import tracker_store_url
from core.redact import shown_url
from trainer.project import ROOT, Project, block_examples, normalise, plain

FALLBACK = "nlu_fallback"
OFF_TOPIC_INTENT = "hors_sujet"
THRESHOLD = 0.7
SIMILARITY = 0.35  # Jaccard index of character trigrams above which two messages go together


# -- text ---------------------------------------------------------------------------------------
def _printable(c: str) -> bool:
    """A character YAML allows in a file (line breaks are already removed)."""
    o = ord(c)
    return (0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000) and o != 0xFEFF


def one_line(text: str) -> str:
    """The message on one line, without control characters (it becomes a line of YAML)."""
    return "".join(c for c in " ".join(str(text).split()) if _printable(c))


def trigrams(key: str) -> Set[str]:
    s = f" {key} "
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}


def jaccard(a: Set[str], b: Set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def shorten(text: str, n: int = 220) -> str:
    text = one_line(text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# -- test or attack messages (probes) ----------------------------------------------------------------
# The assistant handles them correctly by design (they are never shown as markup nor executed, and it
# answers in French): they must not become examples. They are listed apart, at the end of the file,
# under a heading the trainer can skip.
_PROBES = [
    (re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>"), "balise HTML ou script : jamais affichée telle quelle"),
    (re.compile(r"(?i)\b(drop|delete|truncate)\s+table\b|\bunion\s+(all\s+)?select\b|\b(or|and)\s+\d+\s*=\s*\d+"
                r"|'\s*(;|--|or\b)"), "injection SQL : les messages ne sont jamais exécutés"),
    (re.compile(r"\{\{.*\}\}|\$\{.*\}|\bjndi:"), "injection de code : les messages ne sont jamais exécutés"),
]


def probe_reason(text: str) -> Optional[str]:
    """Why a message is a test or an attack the assistant handled as designed (French, shown to the trainer),
    or None for a real question."""
    for pattern, reason in _PROBES:
        if pattern.search(text):
            return reason
    letters = [c for c in text if c.isalpha()]
    if letters and not any("LATIN" in unicodedata.name(c, "") for c in letters):
        return "autre écriture (arabe, chinois…) : l'assistant répond en français"
    return None


class ReviewError(Exception):
    """A problem to explain to the trainer (French message), without a Python traceback."""


def read_project(root: Path) -> Project:
    """The project, read by the trainer tools' one reader; an unreadable file of data/ stops here."""
    project = Project(root)
    unreadable = project.unreadable_nlu()
    if unreadable:
        raise ReviewError(f"{unreadable[0]}. Corrigez-le (make check l'explique), puis relancez.")
    return project


def first_examples(project: Project) -> Dict[str, str]:
    """Intent -> its first example, as a student would write it (shown in the file's header)."""
    return {intent: plain(examples[0].text) for intent, examples in project.examples.items() if examples}


# -- export: reading the tracker store -------------------------------------------------------------
def open_engine(url: str, project_dir: Path):
    """A read-only SQLAlchemy engine on the tracker store."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if not parsed.database or parsed.database == ":memory:":
            raise ReviewError(f"TRACKER_STORE_URL={shown_url(url)} ne désigne pas un fichier SQLite.")
        path = Path(parsed.database)
        if not path.is_absolute():
            path = project_dir / path  # as Rasa does, started from the project folder
        if not path.exists():
            raise ReviewError(f"La base des conversations {path} n'existe pas : l'assistant n'a encore reçu aucun "
                              "message (make run), ou TRACKER_STORE_URL désigne une autre base.")
        # Read-only: the review never changes the conversations.
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    return create_engine(url)


def read_events(url: str, project_dir: Path, since: Optional[float]) -> List[tuple]:
    from sqlalchemy import text
    engine = open_engine(url, project_dir)
    query = ("SELECT sender_id, type_name, timestamp, data FROM events "
             "WHERE type_name IN ('user', 'bot', 'session_started', 'agent')")
    if since is not None:
        query += " AND timestamp >= :since"
    query += " ORDER BY sender_id, id"
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(query), {"since": since} if since is not None else {}))
    except Exception as exc:  # noqa: BLE001 - missing database or table, access refused…
        raise ReviewError(f"Impossible de lire les conversations dans {shown_url(url)} : {exc.__class__.__name__}: "
                          f"{str(exc).splitlines()[0]}") from exc
    finally:
        engine.dispose()


def _button_label(payload: str, last_bots: List[dict]) -> str:
    """What the student clicked, as the button's title shown (a payload alone says nothing to a trainer)."""
    for bot in reversed(last_bots):
        for button in ((bot.get("data") or {}).get("buttons") or []):
            if button.get("payload") == payload:
                return f"(bouton « {button.get('title', payload)} »)"
    return f"(bouton {payload})"


def _bot_text(bots: List[dict]) -> str:
    parts = []
    for bot in bots:
        text = one_line(bot.get("text") or "")
        titles = [str(b.get("title", "")) for b in ((bot.get("data") or {}).get("buttons") or [])]
        if titles:
            text += f" [boutons : {' · '.join(titles)}]"
        if text.strip():
            parts.append(text.strip())
    return shorten(" / ".join(parts), 300)


def _json(data) -> Optional[dict]:
    try:
        data = json.loads(data) if isinstance(data, str) else (data or {})
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def feedback_votes(events: List[tuple]) -> Dict[str, str]:
    """message_id of a question -> the last vote (« up » or « down ») given in the widget on its reply.

    The REST channel stores each 👍/👎 as an « agent » event (AgentUttered) of the conversation, which the
    dialogue policies do not read."""
    votes = {}
    for kind, _, data in events:
        data = _json(data) if kind == "agent" else None
        feedback = (data or {}).get("data") if data else None
        if isinstance(feedback, dict) and feedback.get("feedback") in ("up", "down") and feedback.get("message_id"):
            votes[str(feedback["message_id"])] = feedback["feedback"]
    return votes


def candidates(rows: List[tuple], threshold: float) -> List[dict]:
    """Students' messages under the threshold or flagged (👎), with their context, in conversation order."""
    found = []
    by_conversation: Dict[str, List[tuple]] = defaultdict(list)
    for sender, kind, timestamp, data in rows:
        by_conversation[sender].append((kind, timestamp, data))
    for sender, events in by_conversation.items():
        votes = feedback_votes(events)
        previous_student, previous_bots, current_bots, pending = "", [], [], None
        for kind, timestamp, data in events:
            data = _json(data)
            if data is None or kind == "agent":
                continue
            if kind == "session_started":
                previous_student, previous_bots, current_bots = "", [], []
                continue
            if kind == "bot":
                current_bots.append(data)
                if pending is not None:
                    pending["reply"] = _bot_text(current_bots)
                continue
            # a student's message
            text = one_line(data.get("text") or "")
            if current_bots:
                previous_bots = current_bots
            current_bots, pending = [], None
            flagged = votes.get(str(data.get("message_id"))) == "down"
            if text and (flagged or not text.startswith("/")):
                parse = data.get("parse_data") or {}
                predicted = parse.get("intent") or {}
                label = predicted.get("name")
                ranking = [r for r in parse.get("intent_ranking") or [] if r.get("name") != FALLBACK]
                if label == FALLBACK or not label:
                    proposed = ranking[0] if ranking else {"name": None, "confidence": 0.0}
                else:
                    proposed = {"name": label, "confidence": predicted.get("confidence") or 0.0}
                confidence = float(proposed.get("confidence") or 0.0)
                if flagged or label == FALLBACK or not label or confidence < threshold:
                    if text.startswith("/"):  # a button: the title that was shown is what the trainer reads
                        text = _button_label(text, previous_bots)
                    pending = {
                        "text": text, "key": normalise(text), "proposed": proposed.get("name"),
                        "confidence": confidence, "fallback": label == FALLBACK or not label, "flagged": flagged,
                        "conversation": sender, "date": timestamp,
                        "previous_student": previous_student, "previous_assistant": _bot_text(previous_bots),
                        "reply": "",
                    }
                    found.append(pending)
            text = one_line(data.get("text") or "")
            if text.startswith("/"):
                previous_student = _button_label(text, previous_bots)
            else:
                previous_student = text
    return found


def group_similar(messages: List[dict], threshold: float = SIMILARITY) -> List[List[dict]]:
    """Groups similar messages (Jaccard index of the character trigrams of their normalised text).

    Deterministic: the most frequent messages first, then in alphabetical order; each joins the group
    holding the closest message (above the threshold), or opens a new one.
    """
    ordered = sorted(messages, key=lambda m: (-m.get("count", 1), m["key"], m["text"]))
    groups: List[List[dict]] = []
    signatures: List[List[Set[str]]] = []
    for message in ordered:
        grams = trigrams(message["key"])
        best, score = None, threshold
        for i, members in enumerate(signatures):
            closeness = max(jaccard(grams, other) for other in members)
            if closeness >= score:
                best, score = i, closeness
        if best is None:
            groups.append([message])
            signatures.append([grams])
        else:
            groups[best].append(message)
            signatures[best].append(grams)
    rank = {id(m): i for i, m in enumerate(ordered)}
    return sorted(groups, key=lambda g: (-sum(m.get("count", 1) for m in g), rank[id(g[0])]))


# -- export: writing the file to annotate ------------------------------------------------------------
def quoted(text) -> str:
    """A double-quoted YAML string (JSON's syntax is a special case of it)."""
    return json.dumps("" if text is None else str(text), ensure_ascii=False)


def header_lines(intents: List[str], examples: Dict[str, str], threshold: float, base: str, count: int,
                 already: int) -> List[str]:
    """The French explanations at the top of the file to annotate, with every intent and an example of it."""
    now = datetime.datetime.now().strftime("%d/%m/%Y à %H:%M")
    threshold_text = f"{threshold:g}".replace(".", ",")
    lines = [
        "# MESSAGES D'ÉLÈVES À RELIRE",
        f"# Créé le {now} par « make review » à partir de {shown_url(base)}.",
        f"# {count} message(s) : ceux que l'assistant n'a pas compris (il a proposé des choix au lieu de",
        f"# répondre : « repli: oui ») ou compris avec une confiance sous {threshold_text}."
        + (f" {already} message(s) déjà présents dans les exemples ne sont pas repris." if already else ""),
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
    width = max((len(i) for i in intents), default=10)
    for intent in intents:
        example = examples.get(intent)
        lines.append(f"#   {intent.ljust(width)}" + (f"   ex. « {shorten(example, 70)} »" if example else ""))
    return lines


def render_queue(groups: List[List[dict]], header: List[str], probes: Optional[List[dict]] = None) -> str:
    """The file to annotate (reports/a_relire.yml): its YAML field names are French, trainers write in it."""
    lines = header + ["", "groupes:"]
    number = 0
    for g, group in enumerate(groups, 1):
        lines += [f"- groupe: {g}", "  messages:"]
        for m in group:
            number += 1
            lines += [
                f"  - numero: {number}",
                f"    texte: {quoted(m['text'])}",
                "    intention: ",
                f"    proposee: {quoted(m['proposed'] or '')}",
                f"    confiance: {m['confidence']:.2f}",
                f"    repli: {'oui' if m['fallback'] else 'non'}",
            ]
            if m.get("flagged"):
                lines.append("    signalee: oui  # réponse jugée fausse par l'élève (👎)")
            if m.get("count", 1) > 1:
                lines.append(f"    nombre: {m['count']}  # fois où ce message a été envoyé")
            lines += [
                "    avant:",
                f"      eleve: {quoted(m['previous_student'])}",
                f"      assistant: {quoted(m['previous_assistant'])}",
                f"    reponse: {quoted(m['reply'])}",
                f"    date: {quoted(datetime.datetime.fromtimestamp(m['date']).strftime('%d/%m/%Y %H:%M') if m['date'] else '')}",
                f"    conversation: {quoted(m['conversation'])}",
            ]
    if not groups:
        lines[-1] = "groupes: []  # rien à relire"
    if probes:
        lines += [
            "",
            "# " + "=" * 94,
            "# À IGNORER : messages de test ou d'attaque (balises HTML, injections, autres écritures).",
            "# L'assistant y a répondu comme prévu ; ils ne servent pas d'exemples et l'import ne les lit pas.",
            "# Vous pouvez sauter cette partie.",
            "# " + "=" * 94,
            "a_ignorer:",
        ]
        for m in probes:
            lines += [f"- texte: {quoted(m['text'])}", f"  raison: {quoted(probe_reason(m['text']))}"]
    return "\n".join(lines) + "\n"


def annotations(data) -> List[dict]:
    """The messages of the annotated file, each with its number (in file order)."""
    if not isinstance(data, dict) or not isinstance(data.get("groupes"), list):
        raise ReviewError("le fichier n'a pas la forme attendue (une liste « groupes: » de messages). Recréez-le "
                          "avec make review.")
    messages = []
    for group in data["groupes"]:
        for m in (group or {}).get("messages") or [] if isinstance(group, dict) else []:
            if isinstance(m, dict):
                messages.append(m)
    return messages


def pending_annotations(queue_file: Path, project: Project) -> int:
    """How many messages annotated in a previous file are not in data/nlu/ yet."""
    try:
        messages = annotations(yaml.safe_load(queue_file.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ReviewError, OSError):
        return 0
    existing = project.example_index()
    pending_count = 0
    for m in messages:
        intent = annotated_intent(m.get("intention"))
        places = existing.get(normalise(one_line(m.get("texte") or "")), [])
        if intent and intent not in {i for i, _ in places}:
            pending_count += 1
    return pending_count


def export_queue(args) -> int:
    """make review: the messages to annotate, from the tracker store to reports/a_relire.yml."""
    project = read_project(args.project_dir)
    project_dir = project.root
    output = args.output or project_dir / "reports" / "a_relire.yml"
    if output.exists() and not args.overwrite:
        pending_count = pending_annotations(output, project)
        if pending_count:
            raise ReviewError(f"{project.rel(output)} contient {pending_count} annotation(s) pas encore importée(s). "
                              "Lancez d'abord « make review-import », ou « make review ECRASER=1 » pour les abandonner.")
    since = None
    if args.since is not None:
        since = (datetime.datetime.now() - datetime.timedelta(days=args.since)).timestamp()
    found = candidates(read_events(args.base, project_dir, since), args.threshold)
    found.sort(key=lambda m: (m["date"] or 0))  # a message sent several times: its oldest occurrence

    existing = project.example_index()
    unique: Dict[str, dict] = {}
    already = 0
    for m in found:
        if not m["key"]:
            continue
        if m["key"] in existing and not m.get("flagged"):
            already += 1
            continue
        if m["key"] in unique:
            unique[m["key"]]["count"] = unique[m["key"]].get("count", 1) + 1
            unique[m["key"]]["flagged"] = unique[m["key"]].get("flagged") or m.get("flagged")
        else:
            unique[m["key"]] = m
    probes = [m for m in unique.values() if probe_reason(m["text"])]
    for m in probes:
        del unique[m["key"]]
    groups = group_similar(list(unique.values()))

    intents = list(project.intents)
    examples = first_examples(project)
    text = render_queue(groups, header_lines(intents, examples, args.threshold, args.base, len(unique), already),
                        probes)
    yaml.safe_load(text)  # the file written must always read back
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    flagged_count = sum(1 for m in unique.values() if m.get("flagged"))
    print(f"{len(unique)} message(s) à relire, en {len(groups)} groupe(s) : {project.rel(output)}"
          + (f" ({already} déjà présent(s) dans les exemples, non repris)" if already else "") + "."
          + (f" {len(probes)} message(s) de test ou d'attaque (balises, injections, autres écritures) sont "
             "listés à part, à la fin du fichier : inutile de les annoter." if probes else ""))
    if flagged_count:
        print(f"Dont {flagged_count} réponse(s) jugée(s) fausse(s) par les élèves (👎, « signalee: oui ») :")
        for m in unique.values():
            if m.get("flagged"):
                print(f"  - « {shorten(m['text'], 80)} » → {shorten(m['reply'], 120)}")
    if unique:
        print("Ouvrez ce fichier, écrivez l'intention de chaque message (les explications sont en haut du "
              "fichier), puis lancez « make review-import ».")
    return 0


# -- import -------------------------------------------------------------------------------------
def annotated_intent(value) -> Optional[str]:
    """« Salaire », « hors sujet », « hors-sujet » -> salaire, hors_sujet; empty -> None."""
    if value is None:
        return None
    text = str(value).strip().strip("«»\"'").strip()
    if not text:
        return None
    return re.sub(r"[\s\-]+", "_", text.lower())


def find_block(lines: List[str], intent: str) -> Optional[Tuple[int, str]]:
    """(index of the line after which to insert, indentation of the examples) for this intent."""
    block_start = re.compile(r"^(\s*)-\s+intent:\s*([\"']?)" + re.escape(intent) + r"\2\s*(#.*)?$")
    for i, line in enumerate(lines):
        m = block_start.match(line.rstrip("\r\n"))
        if not m:
            continue
        item_indent = len(m.group(1))
        j = i + 1
        while j < len(lines):
            current = lines[j].rstrip("\r\n")
            indent = len(current) - len(current.lstrip(" "))
            if current.strip() and not current.lstrip().startswith("#") and indent <= item_indent:
                return None  # end of the item without « examples: | »
            key = re.match(r"^(\s*)examples:\s*\|[-+]?\s*(#.*)?$", current)
            if key:
                key_indent = len(key.group(1))
                last, example_indent = j, None
                k = j + 1
                while k < len(lines):
                    content = lines[k].rstrip("\r\n")
                    if content.strip():
                        r = len(content) - len(content.lstrip(" "))
                        if r <= key_indent:
                            break
                        last = k
                        if example_indent is None:
                            example_indent = r
                    k += 1
                return last, " " * (example_indent if example_indent is not None else key_indent + 2)
            j += 1
        return None
    return None


def append_examples(text: str, intent: str, new_examples: List[str]) -> Optional[str]:
    """The file with the new examples at the end of the intent's block, or None when it has none."""
    lines = text.splitlines(keepends=True)
    found_block = find_block(lines, intent)
    if found_block is None:
        return None
    after, indent = found_block
    eol = "\r\n" if lines[after].endswith("\r\n") else "\n"
    if not lines[after].endswith(("\n", "\r")):
        lines[after] += eol
    appended = [f"{indent}- {example}{eol}" for example in new_examples]
    return "".join(lines[: after + 1] + appended + lines[after + 1:])


def examples_of(text: str, intent: str) -> Optional[List[str]]:
    """The examples of an intent in the text of an NLU file, or None when the intent is not there."""
    data = yaml.safe_load(text) or {}
    for item in data.get("nlu") or []:
        if isinstance(item, dict) and str(item.get("intent")) == intent:
            return block_examples(item.get("examples"))
    return None


def import_annotations(args) -> int:
    """make review-import: each annotated message appended to its intent's examples, all or nothing."""
    project = read_project(args.project_dir)
    project_dir = project.root
    queue_file = args.queue_file or project_dir / "reports" / "a_relire.yml"
    if not queue_file.exists():
        raise ReviewError(f"{project.rel(queue_file)} n'existe pas : lancez d'abord « make review », annotez le "
                          "fichier, puis « make review-import ».")
    queue_text = queue_file.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(queue_text)
    except yaml.YAMLError as exc:
        raise ReviewError(f"{project.yaml_message(queue_file, exc, queue_text)}. Vérifiez l'alignement et les "
                          "guillemets autour de cette ligne (seul le texte après « intention: » doit être modifié).") from exc
    try:
        messages = annotations(data)
    except ReviewError as exc:
        raise ReviewError(f"{project.rel(queue_file)} : {exc}") from exc

    valid_intents = list(project.intents)
    existing = project.example_index()
    refusals, to_add = [], defaultdict(list)  # intent -> [text]
    new_keys: Dict[str, Tuple[str, str]] = {}  # key -> (intent, label of the message) in this file
    added = present = ignored = 0
    for rank, m in enumerate(messages, 1):
        number = m.get("numero", rank)
        text = one_line(m.get("texte") or "")
        label = f"message n° {number} (« {shorten(text, 80)} »)"
        intent = annotated_intent(m.get("intention"))
        if intent is None:
            ignored += 1
            continue
        if intent not in valid_intents:
            close = difflib.get_close_matches(intent, valid_intents, n=1)
            refusals.append(f"{label} : l'intention « {m.get('intention')} » n'existe pas."
                            + (f" Vouliez-vous dire « {close[0]} » ?" if close else "")
                            + " Choisissez un nom de la liste en haut du fichier, ou hors_sujet, ou laissez vide.")
            continue
        key = normalise(text)
        if not key:
            refusals.append(f"{label} : le texte est vide. Remettez le message de l'élève ou laissez « intention: » "
                            "vide.")
            continue
        elsewhere = [(i, e) for i, e in existing.get(key, []) if i != intent]
        if elsewhere:
            other, example = elsewhere[0]
            refusals.append(f"{label} : cet exemple est déjà dans {project.at(example.path, example.line)}, sous "
                            f"l'intention « {other} ». "
                            "Un exemple ne peut être que dans une seule intention (sinon l'assistant ne peut pas "
                            f"choisir) : annotez « {other} », ou laissez « intention: » vide.")
            continue
        if key in existing:
            present += 1
            continue
        if key in new_keys:
            other, other_label = new_keys[key]
            if other != intent:
                refusals.append(f"{label} : le même texte est annoté « {other} » au {other_label}. Choisissez une "
                                "seule intention pour les deux.")
            else:
                present += 1
            continue
        new_keys[key] = (intent, f"message n° {number}")
        to_add[intent].append(text)

    if refusals:
        print(f"{len(refusals)} annotation(s) refusée(s) dans {project.rel(queue_file)} :\n")
        for r in refusals:
            print(f"✗ {r}\n")
        print("Rien n'a été ajouté. Corrigez ces annotations, puis relancez « make review-import ».")
        return 1

    # Everything is prepared in memory and verified before any file is written.
    writes: List[Tuple[Path, str]] = []
    for intent, new_examples in sorted(to_add.items()):
        path = project.intent_file(intent)
        if path.exists():
            old_text = path.read_text(encoding="utf-8")
            new_text = append_examples(old_text, intent, new_examples)
            if new_text is None:
                raise ReviewError(f"{project.rel(path)} : bloc « - intent: {intent} » suivi de « examples: | » "
                                  "introuvable. Ajoutez ces exemples à la main :\n"
                                  + "\n".join(f"    - {n}" for n in new_examples))
        else:
            old_text = None
            new_text = 'version: "3.1"\nnlu:\n' + f"- intent: {intent}\n  examples: |\n" + "".join(
                f"    - {n}\n" for n in new_examples)
        try:
            after = examples_of(new_text, intent)
            before = examples_of(old_text, intent) if old_text is not None else []
        except yaml.YAMLError as exc:
            raise ReviewError(f"{project.rel(path)} : l'ajout rendrait le fichier invalide ({exc}). Rien n'a été "
                              "écrit.") from exc
        if after != (before or []) + new_examples:
            raise ReviewError(f"{project.rel(path)} : la mise en forme du fichier n'est pas celle attendue, rien n'a "
                              "été écrit. Ajoutez ces exemples à la main :\n"
                              + "\n".join(f"    - {n}" for n in new_examples))
        writes.append((path, new_text))

    for path, new_text in writes:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(new_text, encoding="utf-8")
        os.replace(temporary, path)
    for intent, new_examples in sorted(to_add.items()):
        added += len(new_examples)
        print(f"{project.rel(project.intent_file(intent))} :")
        for n in new_examples:
            print(f"  + {n}")
    print(f"\nImport terminé : {added} ajouté(s), {present} déjà présent(s), {ignored} ignoré(s) "
          "(intention laissée vide).")
    if added:
        print("Lancez « make train » (ou « make run », qui entraîne si besoin) pour que l'assistant apprenne "
              "ces exemples.")
    return 0


# -- command line ---------------------------------------------------------------------------------
def main(argv=None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--projet", dest="project_dir", metavar="PROJET", type=Path, default=argparse.SUPPRESS,
                        help="dossier du projet (une copie, pour les tests)")
    parser = argparse.ArgumentParser(description="File de relecture des messages d'élèves.", parents=[common])
    # Not required=True: argparse would name the missing subcommand after its destination, and its usage
    # error has always said « commande ».
    subcommands = parser.add_subparsers(dest="command")

    exp = subcommands.add_parser("export", parents=[common], help="écrit reports/a_relire.yml")
    exp.add_argument("--seuil", dest="threshold", metavar="SEUIL", type=float, default=THRESHOLD,
                     help=f"confiance sous laquelle un message est à relire (défaut {THRESHOLD})")
    exp.add_argument("--base", default=tracker_store_url(),
                     help="adresse de la base des conversations (défaut : TRACKER_STORE_URL)")
    exp.add_argument("--depuis", dest="since", metavar="DEPUIS", type=float, default=None, help="seulement les N derniers jours")
    exp.add_argument("--sortie", dest="output", metavar="SORTIE", type=Path, default=None,
                     help="fichier à écrire (défaut reports/a_relire.yml)")
    exp.add_argument("--ecraser", dest="overwrite", action="store_true", help="remplace un fichier aux annotations non importées")

    imp = subcommands.add_parser("import", parents=[common], help="ajoute les messages annotés à data/nlu/")
    imp.add_argument("--fichier", dest="queue_file", metavar="FICHIER", type=Path, default=None,
                     help="fichier annoté (défaut reports/a_relire.yml)")

    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("the following arguments are required: commande")
    if not hasattr(args, "project_dir"):
        args.project_dir = ROOT
    if not (args.project_dir / "domain.yml").exists():
        print(f"{args.project_dir} n'est pas le dossier du projet (domain.yml introuvable).")
        return 1
    try:
        if args.command == "export":
            if not 0 < args.threshold <= 1:
                raise ReviewError("le seuil est une confiance entre 0 et 1, par exemple 0.7.")
            return export_queue(args)
        return import_annotations(args)
    except ReviewError as exc:
        print(f"✗ {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
