"""Held-out conversation sets (tests/nlu/test_fresh*.yml, test_catalogue2_conversations.yml): scored through
the REST channel as ../shared/eval/ask.py scores them (same normalisation of the reply, same regexes), on the
knowledge folder each set was written for, so that a school's own updates never change them.

- the fresh sets were written from the seed fiche: they run on its reference knowledge file, frozen in
  tests/fixtures/reference/ (not the live knowledge/), with the fixture's shared files;
- the catalogue conversations run on tests/fixtures/catalogue2/ (10 professions written apart).
"""
import re
import shutil
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import yaml

from tests.support.helpers import ROOT, seen
from tests.support.knowledge import FIXTURE_KNOWLEDGE

NLU = ROOT / "tests" / "nlu"
REFERENCE = ROOT / "tests" / "fixtures" / "reference" / "charge_mission_relations_internationales.yml"
CATALOGUE2 = ROOT / "tests" / "fixtures" / "catalogue2" / "metiers"
# What counts as a failure whatever the regexes say: an apology or « the assistant is restarting » instead
# of an answer (normalised as ask.py reads them).
APOLOGY = ("probleme technique", "redemarrer")
# Conversations sent at once: enough to keep Rasa and the action server both busy on 2 cores.
CONVERSATIONS_AT_ONCE = 4


def knowledge_with(folder: Path, professions: List[Path], default: bool) -> Path:
    """A knowledge folder: the fixture's shared files and these profession files."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    (folder / "metiers").mkdir()
    for path in professions:
        shutil.copy(path, folder / "metiers" / path.name)
    if not default:
        sujets = folder / "sujets.yml"
        sujets.write_text("\n".join(line for line in sujets.read_text(encoding="utf-8").splitlines()
                                    if not line.startswith("metier_par_defaut")) + "\n", encoding="utf-8")
    return folder


def seed_knowledge(folder: Path) -> Path:
    return knowledge_with(folder, [REFERENCE], default=True)


def catalogue2_knowledge(folder: Path) -> Path:
    return knowledge_with(folder, sorted(CATALOGUE2.glob("*.yml")), default=False)


def normalize(text: str) -> str:
    """The reply as ask.py reads it: lower case, no accents, thousands separators removed, spaces folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u00a0\u202f\u2009\u2007]", " ", text)
    for _ in range(3):
        text = re.sub(r"(\d)[ .,](?=\d{3}\b)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def says_of(case) -> Tuple[str, ...]:
    return tuple(case["say"]) if isinstance(case["say"], list) else (case["say"],)


def conversation(stack, says: Sequence[str]) -> List[str]:
    """The replies (normalized) to messages sent in order in one new conversation."""
    sender = stack.new_sender()
    return [normalize(seen(stack.say(sender, message))) for message in says]


def longest(conversations: Iterable[Tuple[str, ...]]) -> List[Tuple[str, ...]]:
    """The conversations that are no start of another: a set writes the k-th turn of a conversation as a case of its
    first k messages, and the replies to those are the replies along the whole conversation."""
    found = set(conversations)
    starts = {c[:k] for c in found for k in range(1, len(c))}
    return sorted(found - starts)


def passes(case, reply: str) -> bool:
    return (all(re.search(p, reply) for p in case.get("all", []))
            and not any(re.search(p, reply) for p in case.get("none", []))
            and not any(word in reply for word in APOLOGY))


def ask(stack, case) -> Tuple[bool, str]:
    """Sends a case's messages in one conversation; whether the last reply passes, and its start."""
    reply = conversation(stack, says_of(case))[-1]
    return passes(case, reply), reply


def _opening(key: str) -> str:
    """The fixed start of a reply template of the fixture's reponses.yml, as normalize() reads a reply."""
    templates = yaml.safe_load((FIXTURE_KNOWLEDGE / "reponses.yml").read_text(encoding="utf-8"))
    return normalize(templates[key].split("{")[0])


# What kind of failure a wrong reply is: an apology, a clarification (« Vouliez-vous parler de… ? »), out of
# scope for a question about the job, or an answer given with confidence that is not the answer.
APOLOGY_KIND, CLARIFICATION, REFUSAL, CONFIDENT_WRONG = "excuse", "clarification", "hors_sujet", "reponse_fausse"


def failure_kind(reply: str) -> str:
    if any(word in reply for word in APOLOGY):
        return APOLOGY_KIND
    if reply.startswith((_opening("clarifier"), _opening("clarifier_conseiller"))):
        return CLARIFICATION
    if reply.startswith(_opening("hors_sujet")):
        return REFUSAL
    return CONFIDENT_WRONG


@dataclass
class Scored:
    """A held-out set scored: right answers, the wrong ones (case id, reply start) and their kinds."""
    right: int
    total: int
    wrong: List[Tuple[str, str, str]] = field(default_factory=list)
    kinds: Dict[str, int] = field(default_factory=Counter)


def scored(stack, name: str) -> Scored:
    """tests/nlu/<name>.yml on a running stack, each failure sorted by kind (failure_kind). The
    conversations are independent: a few at a time, as several students write at once (each
    conversation's messages stay in order)."""
    cases = yaml.safe_load((NLU / f"{name}.yml").read_text(encoding="utf-8"))
    # each whole conversation once: the case of its first k messages is read at its k-th reply (the assistant answers
    # a message from the conversation so far, whatever follows it)
    runs = longest(says_of(case) for case in cases)
    with ThreadPoolExecutor(max_workers=CONVERSATIONS_AT_ONCE) as pool:
        replies = dict(zip(runs, pool.map(lambda says: conversation(stack, says), runs)))
    by_start = {run[:k]: replies[run][k - 1] for run in runs for k in range(1, len(run) + 1)}
    results = [(passes(case, by_start[says_of(case)]), by_start[says_of(case)]) for case in cases]
    result = Scored(0, len(cases), [], Counter())
    for case, (ok, reply) in zip(cases, results):
        result.right += ok
        if not ok:
            kind = failure_kind(reply)
            result.kinds[kind] += 1
            result.wrong.append((case["id"], kind, reply[:160]))
    return result


def score(stack, name: str) -> Tuple[int, int, List[Tuple[str, str, str]]]:
    """(right, total, [(case id, kind, reply start)] of the wrong ones) of tests/nlu/<name>.yml on a running stack."""
    result = scored(stack, name)
    return result.right, result.total, result.wrong
