"""The trainer's review queue in the console: the messages `make review` lists, and a decision on one
applied as `make review-import` applies an annotation, followed by the quick check of `make check`.

Nothing is reimplemented: the queue is trainer.review.queue.queue_of (same candidates, same grouping),
a decision goes through trainer.review.importing (same refusals, same writer of data/nlu/<intent>.yml,
never a duplicate). A decision is remembered (console table review_decisions, only the SHA-256 of the
normalised text) so that the message leaves the queue, « ignorer » included.
"""
import hashlib
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import sqlalchemy as sa

from console import db
from loading.paths import ROOT, model_build
from trainer.review.common import ReviewError, read_project
from trainer.review.conversations import read_events
from trainer.review.importing import prepared_writes, sort_annotations, write_all
from trainer.review.queue import THRESHOLD, queue_of
from trainer.review.text import probe_reason

IGNORE = "ignorer"
OUT_OF_SCOPE = "hors_sujet"
CHECK_TIMEOUT = 180
# Intents that are never a topic to propose (Rasa's own, the fallback).
NOT_TOPICS = {"nlu_fallback", "restart", "back", "out_of_scope", "session_start"}


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class DecidedKeys:
    """The normalised texts already decided in the console, known by their hash only."""

    def __init__(self, hashes):
        self.hashes = set(hashes)

    def __contains__(self, key: str) -> bool:
        return key_hash(key) in self.hashes


def decided(engine) -> DecidedKeys:
    with engine.connect() as conn:
        return DecidedKeys(row[0] for row in conn.execute(sa.select(db.review_decisions.c.key_hash)))


def remember(engine, key: str, decision: str, login: str) -> None:
    values = dict(decision=decision, login=login, at=time.time())
    with engine.begin() as conn:
        digest = key_hash(key)
        found = conn.execute(sa.select(db.review_decisions.c.key_hash)
                             .where(db.review_decisions.c.key_hash == digest)).first()
        if found:
            conn.execute(db.review_decisions.update().where(db.review_decisions.c.key_hash == digest).values(**values))
        else:
            conn.execute(db.review_decisions.insert().values(key_hash=digest, **values))


@dataclass
class Queue:
    groups: List[List[dict]]
    probes: List[dict]
    already: int
    topics: List[str]            # every intent a message can be given (domain.yml), hors_sujet included
    by_hash: Dict[str, dict]     # key hash -> message, for the forms


def read_queue(database_url: str, project_dir: Path, engine, threshold: float = THRESHOLD,
               doubted=None) -> Queue:
    """The queue as `make review` builds it, without the messages already decided in the console.
    `doubted`: the coverage guard's doubt on the knowledge in service (trainer/review/doubt.py)."""
    project = read_project(project_dir)
    rows = read_events(database_url, ROOT, None)
    unique, groups, probes, already = queue_of(rows, project, threshold, decided(engine), doubted)
    topics = [i for i in project.intents if i not in NOT_TOPICS]
    for m in unique.values():
        m["hash"] = key_hash(m["key"])
        m["likely"] = [i for i in m.get("ranking") or [] if i in topics and i != OUT_OF_SCOPE][:3]
    for m in probes:
        m["reason"] = probe_reason(m["text"])
    return Queue(groups, probes, already, topics, {m["hash"]: m for m in unique.values()})


@dataclass
class Applied:
    added: List[str]      # paths of data/nlu/ that received the example (relative to the project)
    present: bool         # the example was already there: nothing written
    refusal: Optional[str]


def apply(project_dir: Path, message: dict, intent: str) -> Applied:
    """One annotation, as make review-import does it: refused (French reason), already there, or written."""
    project = read_project(project_dir)
    result = sort_annotations([{"numero": 1, "texte": message["text"], "intention": intent}], project)
    if result.refusals:
        return Applied([], False, result.refusals[0].replace("message n° 1 ", "ce message ", 1))
    if not result.to_add:
        return Applied([], True, None)
    write_all(prepared_writes(project, result.to_add))
    return Applied([project.rel(project.intent_file(i)) for i in sorted(result.to_add)], False, None)


@dataclass
class Check:
    passed: bool
    output: str


def quick_check(project_dir: Path) -> Check:
    """`python -m trainer.check --sans-rasa` on the project, as make check runs it (rasa data validate aside)."""
    try:
        done = subprocess.run([sys.executable, "-m", "trainer.check", "--sans-rasa", "--projet", str(project_dir)],
                              cwd=ROOT, capture_output=True, text=True, timeout=CHECK_TIMEOUT)
    except subprocess.TimeoutExpired:
        return Check(False, f"La vérification n'a pas fini en {CHECK_TIMEOUT} s : lancez « make check » dans le "
                            "dossier du projet.")
    # The page speaks to a trainer: the option of the command line is not theirs to read.
    output = (done.stdout + done.stderr).replace(" (rasa data validate non lancé : --sans-rasa)", "")
    output = output.replace("--sans-rasa", "rapide")
    return Check(done.returncode == 0, output.strip())


def training_note(project_dir: Path) -> str:
    """When the assistant learns the new examples, and how long it takes (models/assistant.build.json,
    written by make train, as make train announces it)."""
    build = model_build()
    record = build.read_record(project_dir) or {}
    seconds = record.get("training_seconds")
    if seconds is not None:
        duration = f"environ {max(1, round(seconds))} s (durée du dernier entraînement)"
    else:
        duration = f"environ {build.ESTIMATED_SECONDS} s (estimation : aucun entraînement enregistré)"
    return (f"L'assistant apprend les nouveaux exemples quand le modèle est ré-entraîné : bouton « Appliquer » "
            f"ci-dessous, « make train » ou le prochain « make run ». Cela prend {duration} ; d'ici là, il répond "
            "comme avant.")


__all__ = ["IGNORE", "OUT_OF_SCOPE", "Queue", "ReviewError", "apply", "quick_check", "read_queue", "remember",
           "training_note"]
