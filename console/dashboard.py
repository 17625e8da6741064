"""The dashboard's figures, computed from the tracker store's events and the hand-off requests.

Pure: rows in, numbers out (no database, no clock but the `now` given), so that every figure is tested
on known events (tests/unit/test_console_dashboard.py).

A question is a student's message (a « user » event, typed or a button). Its topic is the intent Rasa
recognised; nlu_fallback is a clarification, so is a turn where action_clarifier ran; a turn where
action_hors_sujet ran is an out-of-scope reply. Its profession is the one the reply was about (the
« metier » the actions attach to their reply), else the metier_id slot at the end of the turn. A 👍/👎 is
the last vote given on that question's reply (an « agent » event, see rasa_ext/rest_channel.py and
trainer.review.conversations.feedback_votes).
"""
import datetime
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from trainer.review.conversations import feedback_votes

FALLBACK_INTENT = "nlu_fallback"
CLARIFY_ACTION = "action_clarifier"
OUT_OF_SCOPE_ACTION = "action_hors_sujet"
CLARIFICATION = "clarification"
UNKNOWN = "inconnu"
ALL = "tous"


@dataclass
class Turn:
    sender: str
    at: float
    topic: str
    message_id: Optional[str]
    profession: Optional[str] = None
    actions: List[str] = field(default_factory=list)

    @property
    def clarified(self) -> bool:
        return self.topic == CLARIFICATION or CLARIFY_ACTION in self.actions

    @property
    def out_of_scope(self) -> bool:
        return OUT_OF_SCOPE_ACTION in self.actions


def _data(raw) -> dict:
    try:
        data = json.loads(raw) if isinstance(raw, str) else (raw or {})
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _reply_profession(data: dict) -> Optional[str]:
    custom = (data.get("data") or {}).get("custom") if isinstance(data.get("data"), dict) else None
    about = (custom or {}).get("metier") if isinstance(custom, dict) else None
    pid = about.get("id") if isinstance(about, dict) else None
    return str(pid) if pid else None


def turns_of(rows: Iterable[Tuple[str, str, float, object]]) -> Tuple[List[Turn], Dict[Tuple[str, str], str]]:
    """(every question, in order; (sender, message_id) -> last vote) from rows
    (sender_id, type_name, timestamp, data) ordered by conversation then id."""
    by_sender: Dict[str, list] = defaultdict(list)
    for sender, kind, at, raw in rows:
        by_sender[sender].append((kind, at, raw))
    turns: List[Turn] = []
    votes: Dict[Tuple[str, str], str] = {}
    for sender, events in by_sender.items():
        votes.update({(sender, mid): vote for mid, vote in feedback_votes(events).items()})
        profession: Optional[str] = None
        current: Optional[Turn] = None
        for kind, at, raw in events:
            if kind not in ("user", "action", "slot", "bot"):
                continue
            data = _data(raw)
            if kind == "slot" and data.get("name") == "metier_id":
                profession = str(data["value"]) if data.get("value") else None
                if current is not None:
                    current.profession = profession
            elif kind == "user":
                parse = data.get("parse_data") or {}
                intent = (parse.get("intent") or {}).get("name")
                topic = CLARIFICATION if intent == FALLBACK_INTENT else (intent or UNKNOWN)
                mid = data.get("message_id") or parse.get("message_id")
                current = Turn(sender, float(at or data.get("timestamp") or 0), topic,
                               str(mid) if mid else None, profession)
                turns.append(current)
            elif current is not None and kind == "action" and data.get("name") != "action_listen":
                current.actions.append(str(data.get("name")))
            elif current is not None and kind == "bot":
                current.profession = _reply_profession(data) or current.profession
    return turns, votes


def day_of(at: float) -> datetime.date:
    return datetime.datetime.fromtimestamp(at).date()


def in_period(at: float, start: datetime.date, end: datetime.date) -> bool:
    return start <= day_of(at) <= end


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Figures:
    questions: int
    per_day: List[Tuple[datetime.date, int]]          # every day of the period, zeros included
    per_topic: List[Tuple[str, int]]                  # most asked first
    clarifications: int
    out_of_scope: int
    feedback: List[Tuple[str, int, int]]              # (topic, 👍, 👎), topics with a vote
    handoffs: dict

    @property
    def clarification_share(self) -> float:
        return share(self.clarifications, self.questions)

    @property
    def out_of_scope_share(self) -> float:
        return share(self.out_of_scope, self.questions)


def handoff_figures(requests: Iterable[dict], start: datetime.date, end: datetime.date,
                    profession: str, now: float) -> dict:
    """Requests left in the period (their profession when one is chosen): how many, answered or closed,
    still waiting, and waiting times in seconds (to the first reply or closing; open ones so far)."""
    chosen = [r for r in requests if in_period(r["created_at"], start, end)
              and (profession == ALL or r.get("metier") == profession)]
    answered, still_open = [], []
    for r in chosen:
        done_at = r.get("first_reply_at") or (r.get("closed_at") if r.get("status") == "traitee" else None)
        if done_at:
            answered.append(max(0.0, done_at - r["created_at"]))
        else:
            still_open.append(max(0.0, now - r["created_at"]))
    return dict(count=len(chosen), answered=len(answered), waiting=len(still_open),
                median_answer=statistics.median(answered) if answered else None,
                longest_waiting=max(still_open) if still_open else None)


def figures(rows, requests, start: datetime.date, end: datetime.date, profession: str = ALL,
            now: float = 0.0) -> Figures:
    turns, votes = turns_of(rows)
    chosen = [t for t in turns if in_period(t.at, start, end) and (profession == ALL or t.profession == profession)]
    days = Counter(day_of(t.at) for t in chosen)
    per_day = []
    day = start
    while day <= end:
        per_day.append((day, days.get(day, 0)))
        day += datetime.timedelta(days=1)
    topics = Counter(t.topic for t in chosen)
    per_topic = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))
    up, down = Counter(), Counter()
    for t in chosen:
        vote = votes.get((t.sender, t.message_id)) if t.message_id else None
        if vote == "up":
            up[t.topic] += 1
        elif vote == "down":
            down[t.topic] += 1
    feedback = sorted(((topic, up[topic], down[topic]) for topic in set(up) | set(down)),
                      key=lambda f: (-(f[1] + f[2]), f[0]))
    return Figures(len(chosen), per_day, per_topic, sum(t.clarified for t in chosen),
                   sum(t.out_of_scope for t in chosen), feedback,
                   handoff_figures(requests, start, end, profession, now))


# Beyond a month, the questions over time are summed by week: a row per day would make a page of zeros.
WEEKLY_AFTER_DAYS = 31


def time_rows(per_day: List[Tuple[datetime.date, int]]) -> Tuple[str, List[Tuple[str, int]]]:
    """(« jour » or « semaine », rows) of the questions over time, as the dashboard shows them: one row
    per day that had questions, or per week (from its Monday) when the period is longer than a month.
    Days or weeks without a question are not rows."""
    if len(per_day) <= WEEKLY_AFTER_DAYS:
        return "jour", [(day.strftime("%d/%m/%Y"), n) for day, n in per_day if n]
    weeks: Counter = Counter()
    for day, n in per_day:
        weeks[day - datetime.timedelta(days=day.weekday())] += n
    return "semaine", [(f"semaine du {monday.strftime('%d/%m/%Y')}", n) for monday, n in sorted(weeks.items()) if n]


def professions_seen(rows) -> List[str]:
    """Every profession a question was about, for the select."""
    turns, _ = turns_of(rows)
    return sorted({t.profession for t in turns if t.profession})


def bars(values: List[Tuple[str, int]], width: float = 100.0) -> List[Tuple[str, int, float]]:
    """(label, value, bar length in % of the largest) for an inline SVG bar chart."""
    top = max((v for _, v in values), default=0)
    return [(label, value, width * value / top if top else 0.0) for label, value in values]


def percent(value: float) -> str:
    """0.125 -> « 12,5 % » (French, non-breaking space)."""
    return f"{value * 100:.1f}".replace(".", ",") + "\u00a0%"

