"""Building the queue: similar messages grouped, and the file the trainer annotates (reports/a_relire.yml)."""
import datetime
import json
from pathlib import Path
from typing import Dict, List, Optional, Set

import yaml

from loading.redact import shown_url
from trainer.project import Project, normalise
from trainer.review.common import ReviewError, annotated_intent, annotations, first_examples, read_project
from trainer.review.conversations import candidates, read_events
from trainer.review.text import jaccard, one_line, probe_reason, shorten, trigrams

THRESHOLD = 0.7


SIMILARITY = 0.35  # Jaccard index of character trigrams above which two messages go together


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


def queue_of(rows: List[tuple], project: Project, threshold: float, decided: Set[str] = frozenset()):
    """The review queue from the tracker store's rows: (messages by key, groups, probes, already present).

    One message per normalised text (its oldest occurrence, with how many times it was sent); those
    already among the examples are left out unless flagged (👎), and so are the keys in `decided`
    (the console's decisions); test or attack messages are set apart. Used by make review and the console.
    """
    found = candidates(rows, threshold)
    found.sort(key=lambda m: (m["date"] or 0))  # a message sent several times: its oldest occurrence
    existing = project.example_index()
    unique: Dict[str, dict] = {}
    already = 0
    for m in found:
        if not m["key"] or m["key"] in decided:
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
    return unique, group_similar(list(unique.values())), probes, already


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
    events = read_events(args.base, project_dir, since)
    if not events:
        print("Aucun message d'élève enregistré pour l'instant : rien à relire. Les messages arrivent une fois "
              "l'assistant lancé (make run) et utilisé ; relancez alors make review.")
        return 0
    unique, groups, probes, already = queue_of(events, project, args.threshold)

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
