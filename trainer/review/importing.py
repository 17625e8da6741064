"""make review-import: the annotated messages added to data/nlu/, all or nothing.

Three steps, each its own function: read the annotated file, sort each annotation (to add, already
there, ignored, or refused with its reason), then prepare every file in memory, check that it reads
back with exactly the examples intended, and only then write them all.
"""
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from trainer.project import Project, did_you_mean, normalise
from trainer.review.common import ReviewError, annotated_intent, annotations, read_project
from trainer.review.nlu_file import append_examples, examples_of, new_file
from trainer.review.text import one_line, shorten


@dataclass
class Sorted:
    """The annotations of one file, sorted: what to add (intent -> texts), and what is not added."""
    to_add: Dict[str, List[str]] = field(default_factory=lambda: defaultdict(list))
    refusals: List[str] = field(default_factory=list)
    present: int = 0
    ignored: int = 0


def read_annotated(queue_file: Path, project: Project) -> List[dict]:
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
        return annotations(data)
    except ReviewError as exc:
        raise ReviewError(f"{project.rel(queue_file)} : {exc}") from exc


def refusal(project: Project, label: str, m: dict, intent: str, key: str, existing, new_keys) -> Optional[str]:
    """Why this annotation cannot be added (French, for the trainer), or None."""
    if intent not in project.intents:
        return (f"{label} : l'intention « {m.get('intention')} » n'existe pas."
                + did_you_mean(intent, project.intents)
                + " Choisissez un nom de la liste en haut du fichier, ou hors_sujet, ou laissez vide.")
    if not key:
        return f"{label} : le texte est vide. Remettez le message de l'élève ou laissez « intention: » vide."
    elsewhere = [(i, e) for i, e in existing.get(key, []) if i != intent]
    if elsewhere:
        other, example = elsewhere[0]
        return (f"{label} : cet exemple est déjà dans {project.at(example.path, example.line)}, sous "
                f"l'intention « {other} ». Un exemple ne peut être que dans une seule intention (sinon "
                f"l'assistant ne peut pas choisir) : annotez « {other} », ou laissez « intention: » vide.")
    if key in new_keys and new_keys[key][0] != intent:
        other, other_label = new_keys[key]
        return f"{label} : le même texte est annoté « {other} » au {other_label}. Choisissez une seule intention pour les deux."
    return None


def sort_annotations(messages: List[dict], project: Project) -> Sorted:
    existing = project.example_index()
    result = Sorted()
    new_keys: Dict[str, Tuple[str, str]] = {}  # key -> (intent, label of the message) in this file
    for rank, m in enumerate(messages, 1):
        number = m.get("numero", rank)
        text = one_line(m.get("texte") or "")
        intent = annotated_intent(m.get("intention"))
        if intent is None:
            result.ignored += 1
            continue
        key = normalise(text)
        why = refusal(project, f"message n° {number} (« {shorten(text, 80)} »)", m, intent, key, existing, new_keys)
        if why:
            result.refusals.append(why)
        elif key in existing or key in new_keys:
            result.present += 1
        else:
            new_keys[key] = (intent, f"message n° {number}")
            result.to_add[intent].append(text)
    return result


def prepared_writes(project: Project, to_add: Dict[str, List[str]]) -> List[Tuple[Path, str]]:
    """Every file's new text, each checked to read back with exactly its old examples plus the new ones."""
    writes = []
    for intent, new_examples in sorted(to_add.items()):
        path = project.intent_file(intent)
        by_hand = "Ajoutez ces exemples à la main :\n" + "\n".join(f"    - {n}" for n in new_examples)
        old_text = path.read_text(encoding="utf-8") if path.exists() else None
        new_text = new_file(intent, new_examples) if old_text is None else append_examples(old_text, intent, new_examples)
        if new_text is None:
            raise ReviewError(f"{project.rel(path)} : bloc « - intent: {intent} » suivi de « examples: | » "
                              f"introuvable. {by_hand}")
        try:
            after = examples_of(new_text, intent)
            before = examples_of(old_text, intent) if old_text is not None else []
        except yaml.YAMLError as exc:
            raise ReviewError(f"{project.rel(path)} : l'ajout rendrait le fichier invalide ({exc}). Rien n'a été "
                              "écrit.") from exc
        if after != (before or []) + new_examples:
            raise ReviewError(f"{project.rel(path)} : la mise en forme du fichier n'est pas celle attendue, rien n'a "
                              f"été écrit. {by_hand}")
        writes.append((path, new_text))
    return writes


def write_all(writes: List[Tuple[Path, str]]) -> None:
    for path, new_text in writes:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(new_text, encoding="utf-8")
        os.replace(temporary, path)


def import_annotations(args) -> int:
    """make review-import: each annotated message appended to its intent's examples, all or nothing."""
    project = read_project(args.project_dir)
    queue_file = args.queue_file or project.root / "reports" / "a_relire.yml"
    result = sort_annotations(read_annotated(queue_file, project), project)
    if result.refusals:
        print(f"{len(result.refusals)} annotation(s) refusée(s) dans {project.rel(queue_file)} :\n")
        for r in result.refusals:
            print(f"✗ {r}\n")
        print("Rien n'a été ajouté. Corrigez ces annotations, puis relancez « make review-import ».")
        return 1
    write_all(prepared_writes(project, result.to_add))
    added = 0
    for intent, new_examples in sorted(result.to_add.items()):
        added += len(new_examples)
        print(f"{project.rel(project.intent_file(intent))} :")
        for n in new_examples:
            print(f"  + {n}")
    print(f"\nImport terminé : {added} ajouté(s), {result.present} déjà présent(s), {result.ignored} ignoré(s) "
          "(intention laissée vide).")
    if added:
        print("Lancez « make train » (ou « make run », qui entraîne si besoin) pour que l'assistant apprenne "
              "ces exemples.")
    return 0
