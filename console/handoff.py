"""The students' hand-off requests and the counsellors' replies (tables in console/db.py)."""
import re
import time
from typing import List, Optional

import sqlalchemy as sa

from console import db

MAX_QUESTION_CHARS = 1000   # as the REST channel (rasa_ext/rest_channel.py)
MAX_REPLY_CHARS = 5000
MAX_SENDER_CHARS = 128
def valid_email(text: str) -> Optional[str]:
    """One address that a mail server can deliver to (email-validator, no DNS look-up), normalised; None for
    anything else: a list (« a@x.fr, b@y.fr »), a bare local name (« root@localhost »), a display name."""
    from email_validator import EmailNotValidError, validate_email
    if len(text) > 254:
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None
PROFESSION = re.compile(r"^[a-z0-9_]{1,64}$")   # a file name of knowledge/metiers/, without .yml
OPEN, DONE = "ouverte", "traitee"
MAX_ID = 2 ** 63 - 1   # SQL integers: a larger number in a URL is no request, never an overflow


def create(engine, sender_id: str, question: str, email: Optional[str], metier: Optional[str]) -> int:
    with engine.begin() as conn:
        result = conn.execute(db.requests.insert().values(
            sender_id=sender_id, question=question, email=email or None, metier=metier or None,
            created_at=time.time(), status=OPEN))
        return int(result.inserted_primary_key[0])


def open_requests(engine) -> List[dict]:
    """Open requests, the longest waiting first, with how many replies each already has."""
    count = (sa.select(sa.func.count(db.replies.c.id)).where(db.replies.c.request_id == db.requests.c.id)
             .scalar_subquery().label("replies"))
    query = (sa.select(db.requests, count).where(db.requests.c.status == OPEN)
             .order_by(db.requests.c.created_at, db.requests.c.id))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def open_count(engine, sender_id: str) -> int:
    query = sa.select(sa.func.count(db.requests.c.id)).where(
        db.requests.c.sender_id == sender_id, db.requests.c.status == OPEN)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def get(engine, request_id: int) -> Optional[dict]:
    if not 0 < request_id <= MAX_ID:
        return None
    with engine.connect() as conn:
        row = conn.execute(db.requests.select().where(db.requests.c.id == request_id)).mappings().first()
    return dict(row) if row else None


def replies_to(engine, request_id: int) -> List[dict]:
    query = db.replies.select().where(db.replies.c.request_id == request_id).order_by(db.replies.c.id)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def replies_for(engine, sender_id: str, after: int = 0) -> List[dict]:
    """The replies a student's conversation receives, oldest first; `after`: only those with a larger id."""
    query = (db.replies.select().where(db.replies.c.sender_id == sender_id, db.replies.c.id > after)
             .order_by(db.replies.c.id))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def reply(engine, request: dict, author: str, text: str, booking: Optional[str] = None) -> int:
    with engine.begin() as conn:
        result = conn.execute(db.replies.insert().values(
            request_id=request["id"], sender_id=request["sender_id"], author=author, text=text,
            booking=booking, created_at=time.time()))
        return int(result.inserted_primary_key[0])


def close(engine, request_id: int) -> bool:
    """Marks the request « traitée »; False when it was not open."""
    with engine.begin() as conn:
        result = conn.execute(db.requests.update()
                              .where(db.requests.c.id == request_id, db.requests.c.status == OPEN)
                              .values(status=DONE, closed_at=time.time()))
        return result.rowcount == 1


def waited(seconds: float) -> str:
    """« 5 min », « 3 h 12 min », « 2 jours et 4 h »: how long a request has waited, in French."""
    minutes = max(0, int(seconds // 60))
    if minutes < 1:
        return "moins d'une minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    day_word = "jour" if days == 1 else "jours"
    return f"{days} {day_word} et {hours} h" if hours else f"{days} {day_word}"


def forget_sender(conn, sender_id: str) -> int:
    """`make forget`: a conversation's requests (question, email) and their replies; how many requests."""
    ids = [row[0] for row in conn.execute(sa.select(db.requests.c.id).where(db.requests.c.sender_id == sender_id))]
    conn.execute(db.replies.delete().where(db.replies.c.sender_id == sender_id))
    conn.execute(db.requests.delete().where(db.requests.c.sender_id == sender_id))
    return len(ids)


def purge_before(conn, limit: float) -> int:
    """`make purge`: requests with no activity (sent, replied to, closed) since `limit`; how many."""
    last_reply = (sa.select(sa.func.max(db.replies.c.created_at)).where(db.replies.c.request_id == db.requests.c.id)
                  .scalar_subquery())
    stale = [row[0] for row in conn.execute(sa.select(db.requests.c.id).where(
        db.requests.c.created_at < limit, sa.func.coalesce(db.requests.c.closed_at, 0) < limit,
        sa.func.coalesce(last_reply, 0) < limit))]
    if stale:
        conn.execute(db.replies.delete().where(db.replies.c.request_id.in_(stale)))
        conn.execute(db.requests.delete().where(db.requests.c.id.in_(stale)))
    return len(stale)
