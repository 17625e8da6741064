"""Rasa's SQL tracker store, checked at start, with SQLite set up for a web server rather than a desktop app.

At start, the database must be usable (rasa_ext/database_check.py): stock Rasa 3.6 logs an error
when it cannot open or create its tables, then keeps every conversation in memory only, to be lost
at the next restart. Here Rasa stops instead, with a French message naming the setting
(TRACKER_STORE_URL), what is wrong (password refused, server unreachable, database missing, file
not writable...) and the fix. A database that goes away later, while Rasa runs, is Rasa's
FailSafeTrackerStore's business: the student still gets answers (README « Robustesse »).

The embedded default (`make run`) keeps conversations in a SQLite file. Stock SQLite settings
write every message with a full disk sync and a rollback journal: profiling Rasa under load
(bench/README.md) found a large share of its CPU there. Here a SQLite database uses write-ahead
logging (WAL) with synchronous=NORMAL, the setting SQLite recommends for WAL: a crash of the
process loses nothing; a power cut can lose at most the last messages, never corrupt the file.
A busy timeout lets `make forget`/`make review` read while Rasa writes.

Two costs of stock Rasa under load, found by profiling `rasa run` (py-spy, 20 students without
pause), are removed here without changing what is stored or read:
- SQLite connections are kept open in a pool. Stock Rasa opens and closes one for every read and
  every write, and closing the last connection of a WAL database makes SQLite checkpoint and delete
  its log: much of Rasa's CPU went to connect, commit and close (figures: bench/README.md).
- Reading a conversation turns each stored event back into a Rasa event through
  `Event.resolve_by_type`, which lists every subclass of `Event` again for every event.
  Here the class of each event type is looked up once and kept.
- Stock Rasa builds its queries anew through SQLAlchemy's ORM for every read and every write (the
  events of the conversation's last session, then their count before a write, then one ORM object
  per new event): a profile of `rasa run` answering the held-out sets found a third of its CPU in
  the tracker store, nearly all of it in the ORM building and caching those queries, not in the
  database. Here the same queries are built once, as SQLAlchemy Core statements with parameters,
  and the new events written in one statement: same rows, same order, same session rule
  (tests/stack/test_tracker_store.py compares both stores on SQLite and PostgreSQL).

PostgreSQL and any other database are otherwise left exactly as stock Rasa configures them.
"""
import functools
import itertools
import json
from typing import Any, Dict, List, Optional, Text, Type

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from rasa_ext import database_check
from rasa_ext.sqlite_tuning import SQLITE_PRAGMAS, tune_sqlite  # noqa: F401 - imported from here too


@functools.lru_cache(maxsize=None)
def event_class(type_name: Text) -> Optional[Type[Event]]:
    """Rasa's own lookup (`Event.resolve_by_type`), done once per event type instead of per event."""
    return Event.resolve_by_type(type_name)


def deserialise_events(stored: List[Dict[Text, Any]]) -> List[Event]:
    """What `rasa.shared.core.events.deserialise_events` returns, with the class lookup cached."""
    events = []
    for data in stored:
        name = data.get("event")
        if name is None:
            continue
        try:
            cls = event_class(name)
        except ValueError:  # unknown type: Rasa's own path, with its own error
            cls = None
        parsed = cls._from_parameters(data) if cls else Event.from_parameters(data)
        if parsed:
            events.append(parsed)
    return events


def is_sqlite_file(url: sa.engine.URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


class TunedSQLTrackerStore(SQLTrackerStore):
    """Used through endpoints.yml and deploy/endpoints.yml (`type: rasa_ext.tracker_store.TunedSQLTrackerStore`).

    Same parameters as Rasa's SQLTrackerStore; `host` is the `url` of the endpoints file."""

    def __init__(self, domain: Optional[Domain] = None, dialect: Text = "sqlite", host: Optional[Text] = None,
                 port: Optional[int] = None, db: Text = "rasa.db", username: Text = None, password: Text = None,
                 event_broker: Optional[EventBroker] = None, login_db: Optional[Text] = None,
                 query: Optional[Dict] = None, **kwargs: Any) -> None:
        try:
            url = database_check.store_url(host, dialect, port, db, username, password, login_db, query)
        except Exception as error:  # a port that is not a number...
            database_check.stop(database_check.error_message(error, host))
        # Before Rasa's own attempt, which would log a stack of errors, or wait minutes for a silent host.
        problem = database_check.connection_problem(url)
        if problem:
            database_check.stop(problem)
        super().__init__(domain, dialect, host, port, db, username, password, event_broker, login_db, query, **kwargs)
        # Rasa logs a failed table creation and goes on: the tables must exist and take a write.
        problem = database_check.storage_problem(self.engine, url)
        if problem:
            database_check.stop(problem)
        if is_sqlite_file(self.engine.url):
            self.keep_connections_open()
        self.statements = EventStatements(self.SQLEvent.__table__)

    def keep_connections_open(self) -> None:
        """A pool of open SQLite connections instead of SQLAlchemy 1.4's NullPool for SQLite files."""
        url = self.engine.url
        self.engine.dispose()
        # check_same_thread: the pool hands a connection to one user at a time, whichever thread.
        self.engine = sa.create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
        # On this engine only, before its first connection: other engines of the process are left alone.
        event.listen(self.engine, "connect", tune_sqlite)
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        """Stock `SQLTrackerStore._retrieve` (same events, same tracker), with the statements built once and
        `deserialise_events` above."""
        query = self.statements.all_sessions if fetch_events_from_all_sessions else self.statements.last_session
        with self.session_scope() as session:
            rows = session.connection().execute(query, {"sender_id": sender_id}).fetchall()
            stored = [json.loads(data) for (data,) in rows]
        if not (self.domain and stored):
            return None
        return DialogueStateTracker.from_events(sender_id, deserialise_events(stored), self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stock `SQLTrackerStore.save`: the events after those already stored for the conversation's last
        session are added, with the same columns; in one statement, on the statements built once."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            connection = session.connection()
            stored = connection.execute(self.statements.count_last_session, {"sender_id": tracker.sender_id}).scalar()
            rows = [event_row(tracker.sender_id, event) for event in itertools.islice(tracker.events, stored, None)]
            if rows:
                connection.execute(self.statements.insert, rows)
            session.commit()


class EventStatements:
    """The queries of stock `SQLTrackerStore._event_query` and `save`, as Core statements with a `sender_id`
    parameter: built once, so that SQLAlchemy finds them compiled in its cache."""

    def __init__(self, table: sa.Table) -> None:
        sender = sa.bindparam("sender_id")
        # The latest `SessionStarted` of the conversation: its events from then on, or all of them if none.
        session_start = (sa.select(sa.func.max(table.c.timestamp))
                         .where(table.c.sender_id == sender, table.c.type_name == SessionStarted.type_name)
                         .scalar_subquery())
        last_session = sa.and_(table.c.sender_id == sender,
                               sa.or_(table.c.timestamp >= session_start, session_start.is_(None)))
        self.last_session = sa.select(table.c.data).where(last_session).order_by(table.c.id)
        self.all_sessions = sa.select(table.c.data).where(table.c.sender_id == sender).order_by(table.c.id)
        self.count_last_session = sa.select(sa.func.count()).select_from(table).where(last_session)
        self.insert = table.insert()


def event_row(sender_id: Text, event: Event) -> Dict[Text, Any]:
    """The columns stock Rasa writes for an event."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"), "data": json.dumps(data)}
