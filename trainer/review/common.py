"""What the review's commands share: its error, the project it reads, and the annotated file's messages."""
import re
from pathlib import Path
from typing import Dict, List, Optional

from trainer.project import Project, plain


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


def annotated_intent(value) -> Optional[str]:
    """« Salaire », « hors sujet », « hors-sujet » -> salaire, hors_sujet; empty -> None."""
    if value is None:
        return None
    text = str(value).strip().strip("«»\"'").strip()
    if not text:
        return None
    return re.sub(r"[\s\-]+", "_", text.lower())


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
