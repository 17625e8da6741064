"""Rasa's SQL tracker store, with SQLite set up for a web server rather than a desktop app.

The embedded default (`make run`) keeps conversations in a SQLite file. Stock SQLite settings
write every message with a full disk sync and a rollback journal: profiling Rasa under load
(bench/README.md) found about 9 % of its CPU there. Here a SQLite database uses write-ahead
logging (WAL) with synchronous=NORMAL, the setting SQLite recommends for WAL: a crash of the
process loses nothing; a power cut can lose at most the last messages, never corrupt the file.
A busy timeout lets `make forget`/`make review` read while Rasa writes.

PostgreSQL and any other database are left exactly as stock Rasa configures them.
"""
import sqlite3
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import event
from sqlalchemy.engine import Engine

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000")


def tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()


class TunedSQLTrackerStore(SQLTrackerStore):
    """Used through endpoints.yml (`type: rasa_ext.tracker_store.TunedSQLTrackerStore`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Registered before the parent opens its first connection; only SQLite connections change.
        if not event.contains(Engine, "connect", tune_sqlite):
            event.listen(Engine, "connect", tune_sqlite)
        super().__init__(*args, **kwargs)
