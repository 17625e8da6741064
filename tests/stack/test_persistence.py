"""Conversations survive a restart of Rasa and of the action server, with a real PostgreSQL."""
import pytest
import sqlalchemy as sa

from stack.postgres import Postgres
from tests.support.helpers import norm, seen
from tests.support.knowledge import amounts
from tests.support.stack import Stack, free_port

BEGINNER, CONFIRMED = amounts("debutant"), amounts("confirme")  # read from the knowledge the stack uses


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(free_port()).start()
    yield server
    server.stop()


def events_of(url, sender):
    engine = sa.create_engine(url)
    with engine.connect() as db:
        rows = db.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                          {"s": sender}).fetchall()
    engine.dispose()
    return rows


def test_conversations_survive_restarts_on_postgresql(postgres, model_path, tmp_path):
    stack = Stack(tmp_path, model_path, tracker_url=postgres.url).start()
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


def test_the_default_sqlite_store_keeps_conversations_across_restarts(model_path, tmp_path):
    """The embedded default of `make run`: a SQLite file, in write-ahead-logging mode."""
    import sqlite3

    stack = Stack(tmp_path, model_path).start()
    try:
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
    finally:
        stack.stop()
