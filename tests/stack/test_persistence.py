"""Conversations survive a restart of Rasa and of the action server, with a real PostgreSQL; and the
tracker store's password never reaches a log (SQLAlchemy 1.4.54 prints it in str(URL), SECURITY.md).

The PostgreSQL requires a password: Rasa and the action server are started with
TRACKER_STORE_URL=postgresql://assistant:<random secret>@127.0.0.1:<port>/assistant, in debug mode (the
most talkative a school could run them), and their whole output, over both starts, is searched for the
secret. The error paths, where database libraries print connection details (the database refuses the
password or cannot be reached), stop Rasa at start: their output is searched in test_database_at_start.py.
"""
import secrets

import pytest
import sqlalchemy as sa

from stack.postgres import Postgres
from tests.support.helpers import norm, seen
from tests.support.knowledge import amounts
from tests.support.stack import Stack, free_port

BEGINNER, CONFIRMED = amounts("debutant"), amounts("confirme")  # read from the knowledge the stack uses
SECRET = "pg-" + secrets.token_hex(16)


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(free_port(), password=SECRET).start()
    yield server
    server.stop()


def events_of(url, sender):
    engine = sa.create_engine(url)
    with engine.connect() as db:
        rows = db.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                          {"s": sender}).fetchall()
    engine.dispose()
    return rows


@pytest.mark.long
def test_conversations_survive_restarts_on_postgresql_and_its_password_is_in_no_log(postgres, model_path, tmp_path):
    assert SECRET in postgres.url
    stack = Stack(tmp_path, model_path, tracker_url=postgres.url, rasa_options=["--debug"],
                  actions_options=["--debug"]).start()
    try:
        senders = [stack.new_sender() for _ in range(3)]
        for sender in senders:
            assert BEGINNER[0] in norm(seen(stack.say(sender, "combien gagne un débutant ?")))
        before = {s: events_of(postgres.url, s) for s in senders}
        for rows in before.values():
            types = [t for t, _ in rows]
            assert types.count("user") == 1 and types.count("bot") == 1

        stack.stop()  # a deployment: both servers restart
        stack.start()

        for sender in senders:
            assert events_of(postgres.url, sender) == before[sender]  # every event still there, in order
            reply = norm(seen(stack.say(sender, "et pour un senior ?")))
            assert all(a in reply for a in CONFIRMED)  # the context (last topic) survived
            types = [t for t, _ in events_of(postgres.url, sender)]
            assert types.count("user") == 2 and types.count("bot") == 2
    finally:
        stack.stop()
    rasa_logs = [path.read_text() for path in sorted(tmp_path.glob("rasa-*.log"))]
    actions_logs = [path.read_text() for path in sorted(tmp_path.glob("actions-*.log"))]
    assert len(rasa_logs) == len(actions_logs) == 2
    # The logs are the debug ones (Rasa writes where it connects, the action server the actions it ran)...
    assert all("Attempting to connect to database" in log and "postgresql://assistant:" in log for log in rasa_logs)
    assert all("action_" in log for log in actions_logs)
    # ...and the password is in none of them.
    assert not [log for log in rasa_logs + actions_logs if SECRET in log]


def test_the_default_sqlite_store_keeps_conversations_across_restarts(stack):
    """The embedded default of `make run`: a SQLite file, in write-ahead-logging mode. On the session's
    stack (its store is that default): restarted here as a deployment would, and left running."""
    import sqlite3

    sender = stack.new_sender()
    assert BEGINNER[0] in norm(seen(stack.say(sender, "combien gagne un débutant ?")))
    with sqlite3.connect(stack.db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        types = [t for (t,) in db.execute("SELECT type_name FROM events WHERE sender_id = ?", (sender,))]
    assert types.count("user") == 1 and types.count("bot") == 1

    stack.stop()
    stack.start()

    follow_up = norm(seen(stack.say(sender, "et pour un senior ?")))
    assert all(a in follow_up for a in CONFIRMED)
    with sqlite3.connect(stack.db_path) as db:
        types = [t for (t,) in db.execute("SELECT type_name FROM events WHERE sender_id = ?", (sender,))]
    assert types.count("user") == 2 and types.count("bot") == 2
