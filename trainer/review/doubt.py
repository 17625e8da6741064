"""The coverage guard's doubt, read back from a conversation: a message answered with confidence whose
topic's answer does not hold what it asks (core/coverage.py). The review queue lists these answers,
which no low confidence and no 👎 would bring to a trainer."""
from pathlib import Path
from typing import Callable, Optional

from core.school import School
from loading.school import load_school

Doubted = Callable[[str, Optional[str], Optional[str]], Optional[str]]


def doubt_of(school: School) -> Doubted:
    """(text, intent, profession id) -> the words the message asks for that the answer lacks, or None.
    Each message is read once per School: the console rebuilds its queue on every visit."""
    seen = {}

    def doubted(text: str, intent: Optional[str], profession_id: Optional[str]) -> Optional[str]:
        if intent not in school.fact_topics:
            return None
        key = (text, intent, profession_id)
        if key not in seen:
            profession = school.professions.get(profession_id or "") or school.default
            asked = school.uncovered(school.understand(text, [], intent), profession)
            seen[key] = asked.words if asked is not None else None
        return seen[key]
    return doubted


def doubt_for(knowledge: Path) -> Optional[Doubted]:
    """The doubt on a knowledge folder; None when the folder cannot be read (make check says why)."""
    try:
        return doubt_of(load_school(knowledge))
    except Exception:   # noqa: BLE001 - the queue is still built, without this one kind of message
        return None
