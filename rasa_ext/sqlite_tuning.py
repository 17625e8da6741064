"""SQLite set up for a web server (WAL, synchronous=NORMAL, a busy timeout): why, in rasa_ext/tracker_store.py.

Standard library only: the console (console/db.py) opens the same database without importing Rasa."""
import sqlite3
from typing import Any

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000")


def tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()
