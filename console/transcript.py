"""A student's conversation, read from the tracker store's `events` table (Rasa's SQLTrackerStore).

Only what the student wrote and what the assistant answered: user and bot events, in order.
Votes (AgentUttered events) and Rasa's own bookkeeping are left out.
"""
import json
import re
from dataclasses import dataclass
from typing import List

import sqlalchemy as sa

MAX_MESSAGES = 60   # the end of a long conversation: what led to the question
PAYLOAD = re.compile(r"^/[a-z_]+$")


@dataclass(frozen=True)
class Line:
    speaker: str     # "eleve" or "assistant"
    text: str
    at: float


def read(engine, sender_id: str, limit: int = MAX_MESSAGES) -> List[Line]:
    if not sa.inspect(engine).has_table("events"):
        return []
    query = sa.text("SELECT type_name, timestamp, data FROM events WHERE sender_id = :sender "
                    "AND type_name IN ('user', 'bot') ORDER BY id DESC LIMIT :limit")
    with engine.connect() as conn:
        rows = conn.execute(query, {"sender": sender_id, "limit": limit}).all()
    lines = []
    for kind, at, data in reversed(rows):
        try:
            text = (json.loads(data or "{}").get("text") or "").strip()
        except (ValueError, AttributeError):
            continue
        if text and kind == "user" and PAYLOAD.match(text):   # a button of the assistant, sent as « /conseiller »
            text = f"(bouton) {text[1:].replace('_', ' ')}"
        if text:
            lines.append(Line("eleve" if kind == "user" else "assistant", text, float(at or 0)))
    return lines
