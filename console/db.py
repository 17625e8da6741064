"""The console's tables, in the same SQL database as Rasa's conversations (TRACKER_STORE_URL):
one place to back up, and `make forget`/`make purge` erase a student's requests with the conversation."""
from pathlib import Path

import sqlalchemy as sa

from rasa_ext.sqlite_tuning import tune_sqlite

metadata = sa.MetaData()

accounts = sa.Table(
    "console_accounts", metadata,
    sa.Column("login", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

sessions = sa.Table(
    "console_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),   # sha256 of the cookie: a leaked table opens nothing
    sa.Column("login", sa.String(64), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
)

audit = sa.Table(
    "console_audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("login", sa.String(64), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("target", sa.String(255), nullable=False, default=""),
)

requests = sa.Table(
    "handoff_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("email", sa.String(254), nullable=True),
    sa.Column("metier", sa.String(64), nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, default="ouverte"),   # ouverte | traitee
    sa.Column("closed_at", sa.Float, nullable=True),
)

replies = sa.Table(
    "handoff_replies", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("handoff_requests.id"), nullable=False, index=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("booking", sa.String(512), nullable=True),   # « proposer un rendez-vous »: the booking link
    sa.Column("created_at", sa.Float, nullable=False),
)

# The review queue's decisions (« ignorer », a topic, « hors sujet »): the message leaves the queue.
# Only the SHA-256 of the message's normalised text is kept, never the student's words.
review_decisions = sa.Table(
    "review_decisions", metadata,
    sa.Column("key_hash", sa.String(64), primary_key=True),
    sa.Column("decision", sa.String(64), nullable=False),   # an intent, or « ignorer »
    sa.Column("login", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)

CONSOLE_TABLES = ("review_decisions", "handoff_replies", "handoff_requests", "console_sessions", "console_audit", "console_accounts")


def engine_for(url: str) -> sa.engine.Engine:
    engine = sa.create_engine(url, future=True)
    if engine.url.get_backend_name() == "sqlite":
        if engine.url.database and engine.url.database != ":memory:" and not engine.url.database.startswith("file:"):
            # var/ does not exist before the first `make run`: `make console-user` may come first
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        sa.event.listen(engine, "connect", tune_sqlite)
    metadata.create_all(engine)
    return engine
