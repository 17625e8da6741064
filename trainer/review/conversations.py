"""Reading the conversations: the students' messages to review, with their context, from the tracker store."""
import json
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional

from loading.redact import shown_url
from trainer.project import normalise
from trainer.review.common import ReviewError
from trainer.review.text import one_line, shorten

FALLBACK = "nlu_fallback"


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
    from sqlalchemy import inspect, text
    engine = open_engine(url, project_dir)
    try:
        if not inspect(engine).has_table("events"):
            return []   # the console created its tables, no student has written yet
    except Exception:  # noqa: BLE001 - said below, with the query
        pass
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
                        # the likely topics, most likely first (the console's buttons)
                        "ranking": [r.get("name") for r in ranking if r.get("name")][:3],
                    }
                    found.append(pending)
            text = one_line(data.get("text") or "")
            if text.startswith("/"):
                previous_student = _button_label(text, previous_bots)
            else:
                previous_student = text
    return found
