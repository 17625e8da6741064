"""The conversations database is checked at start (rasa_ext/database_check.py): what the web team reads
when it cannot be used. Real SQLite files here; PostgreSQL's own errors are in tests/stack/test_database_at_start.py."""
import sqlite3

import pytest
import sqlalchemy as sa

from rasa_ext import database_check
from rasa_ext.database_check import connection_problem, endpoints_problem, explain, masked, scrubbed, storage_problem

PG = "postgresql://assistant:CHANGE_ME-s3cret@db.ecole.example:5432/assistant"


def driver_error(text: str) -> sa.exc.OperationalError:
    """An error as SQLAlchemy raises it when the driver fails (the driver's text in .orig)."""
    return sa.exc.OperationalError("connect", {}, Exception(text))


@pytest.mark.parametrize("text, what", [
    ('connection to server at "10.0.0.20", port 5432 failed: FATAL:  password authentication failed for user "assistant"',
     "refuse l'utilisateur ou le mot de passe"),
    ('connection to server at "10.0.0.20", port 5432 failed: fe_sendauth: no password supplied',
     "refuse l'utilisateur ou le mot de passe"),
    ('connection to server at "10.0.0.20", port 5432 failed: FATAL:  role "asistant" does not exist',
     "refuse l'utilisateur ou le mot de passe"),
    ("FATAL:  l'authentification par mot de passe a échoué pour l'utilisateur « assistant »",
     "refuse l'utilisateur ou le mot de passe"),
    ('connection to server at "10.0.0.20", port 5432 failed: FATAL:  database "asistant" does not exist',
     "la base de données indiquée n'existe pas"),
    ("FATAL:  la base de données « asistant » n'existe pas", "la base de données indiquée n'existe pas"),
    ('connection to server at "10.0.0.20", port 5432 failed: Connection refused', "injoignable"),
    ('could not translate host name "db.ecole.exemple" to address: Name or service not known', "injoignable"),
    ('connection to server at "10.0.0.20", port 5432 failed: timeout expired', "injoignable"),
    ("permission denied for schema public", "pas le droit de créer ou d'écrire"),
], ids=["mot-de-passe", "sans-mot-de-passe", "role-inconnu", "mot-de-passe-fr", "base-absente", "base-absente-fr",
        "connexion-refusee", "hote-inconnu", "delai-depasse", "droits"])
def test_each_postgresql_failure_is_named(text, what):
    found, fix = explain(driver_error(text), PG)
    assert what in found
    assert fix.endswith(".") and len(fix) > 40  # a sentence saying what to do, not a bare label


@pytest.mark.parametrize("url, what, fix", [
    ("postgres://assistant:pw@db:5432/assistant", "type de base de l'adresse n'est pas reconnu", "postgresql://"),
    ("mysql://assistant:pw@db/assistant", "pilote de cette base n'est pas installé", "postgresql://"),
    ("pas une adresse", "mal écrite", "postgresql://utilisateur:mot_de_passe@hôte:5432/base"),
    ("postgresql://assistant:pw@db:port/assistant", "mal écrite", "postgresql://utilisateur:mot_de_passe@hôte:5432/base"),
], ids=["postgres-au-lieu-de-postgresql", "pilote-absent", "pas-une-url", "port-non-numerique"])
def test_a_miswritten_address_is_refused_before_any_connection(url, what, fix):
    problem = connection_problem(url)
    assert "L'assistant ne démarre pas : " in problem and what in problem.split("\n")[0]
    assert fix in problem


def test_the_message_names_the_variable_hides_the_password_and_says_why_rasa_stops(monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", PG)
    text = database_check.message(*explain(driver_error("password authentication failed for user"), PG), PG,
                                  detail="password authentication failed for user")
    assert "TRACKER_STORE_URL = postgresql://assistant:***@db.ecole.example:5432/assistant" in text
    assert ".env" in text and "/etc/assistant/assistant.env" in text
    assert "CHANGE_ME-s3cret" not in text
    assert "perdrait au prochain redémarrage" in text


def test_an_address_written_in_the_endpoints_file_is_named_as_such(monkeypatch):
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    text = database_check.setting(PG, "deploy/endpoints.yml")
    assert text.startswith("la section tracker_store de deploy/endpoints.yml") and "CHANGE_ME-s3cret" not in text


def test_a_password_is_never_shown():
    assert masked(PG) == "postgresql://assistant:***@db.ecole.example:5432/assistant"
    assert masked(sa.engine.make_url(PG)) == "postgresql://assistant:***@db.ecole.example:5432/assistant"
    unencoded = "postgresql://assistant:CHANGE_ME@ss:w0rd@db:5432/assistant"  # @ and : in a password must be encoded
    assert masked(unencoded) == "(adresse illisible)"
    assert scrubbed(f"FATAL: bad {unencoded}") == "FATAL: bad postgresql://assistant:***@db:5432/assistant"
    problem = connection_problem(unencoded)  # "ss:w0rd@db" is read as host and port: refused, nothing quoted
    assert "mal écrite" in problem
    for piece in ("CHANGE_ME@ss", "ss:w0rd", "w0rd"):
        assert piece not in problem


def test_sqlite_in_a_missing_folder(tmp_path):
    folder = tmp_path / "var"
    problem = connection_problem(f"sqlite:///{folder}/conversations.db")
    assert f"le dossier {folder} n'existe pas" in problem and f"mkdir -p {folder}" in problem


def test_a_sqlite_file_that_cannot_be_written(tmp_path):
    path = tmp_path / "conversations.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT NOT NULL, type_name TEXT NOT NULL)")
    # Opened read-only, as a file owned by another user would be (root ignores file permissions).
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    # As the tracker store checks: it opens, then takes a write. Which one fails depends on whether the
    # store's WAL setting (a write) already runs on every SQLite connection of this process.
    problem = connection_problem(url) or storage_problem(sa.create_engine(url), url)
    assert f"le fichier SQLite {path} ne peut pas être écrit" in problem and "chown" in problem


def test_a_usable_sqlite_file_passes_and_keeps_nothing_of_the_check(tmp_path):
    path = tmp_path / "conversations.db"
    url = f"sqlite:///{path}"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT NOT NULL, type_name TEXT NOT NULL)")
    assert connection_problem(url) is None
    assert storage_problem(sa.create_engine(url), url) is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_missing_tables_are_a_problem(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert "la table events des conversations n'a pas pu être créée" in storage_problem(sa.create_engine(url), url)


@pytest.fixture
def stopped(monkeypatch):
    """database_check.stop records the message instead of ending the test process."""
    class Stopped(Exception):
        pass

    def stop(problem):
        raise Stopped(problem)

    monkeypatch.setattr(database_check, "stop", stop)
    return Stopped


def test_the_tracker_store_stops_before_rasa_falls_back_to_memory(tmp_path, stopped):
    from rasa_ext.tracker_store import TunedSQLTrackerStore
    with pytest.raises(stopped, match="n'existe pas"):
        TunedSQLTrackerStore(dialect="sqlite", host=f"sqlite:///{tmp_path}/absent/conversations.db")


def test_the_tracker_store_refuses_an_empty_address(stopped):
    from rasa_ext.tracker_store import TunedSQLTrackerStore
    with pytest.raises(stopped, match="l'adresse de la base des conversations est vide"):
        TunedSQLTrackerStore(dialect="sqlite", host="")


def test_the_tracker_store_opens_a_usable_database(tmp_path, stopped):
    from rasa_ext.tracker_store import TunedSQLTrackerStore
    store = TunedSQLTrackerStore(dialect="sqlite", host=f"sqlite:///{tmp_path}/conversations.db")
    assert sa.inspect(store.engine).has_table("events")


def write(tmp_path, text: str) -> str:
    path = tmp_path / "endpoints.yml"
    path.write_text(text)
    return str(path)


def test_endpoints_without_a_tracker_store_are_refused(tmp_path):
    problem = endpoints_problem(write(tmp_path, "action_endpoint:\n  url: http://127.0.0.1:5055/webhook\n"))
    assert "n'a pas de section tracker_store" in problem and "en mémoire seulement" in problem


def test_a_tracker_store_type_rasa_cannot_load_is_refused(tmp_path):
    problem = endpoints_problem(write(tmp_path, "tracker_store:\n  type: rasa_ext.tracker_store.TunedSQLStore\n"
                                                f"  url: sqlite:///{tmp_path}/c.db\n"))
    assert "le type « rasa_ext.tracker_store.TunedSQLStore »" in problem and "introuvable" in problem


def test_an_unset_variable_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    problem = endpoints_problem(write(tmp_path, "tracker_store:\n  type: rasa_ext.tracker_store.TunedSQLTrackerStore\n"
                                                "  url: ${TRACKER_STORE_URL}\n"))
    assert "la variable TRACKER_STORE_URL" in problem and "n'est pas définie" in problem and ".env" in problem


def test_the_project_endpoints_pass_with_a_usable_database(tmp_path, monkeypatch):
    from tests.support.helpers import ROOT
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path}/conversations.db")
    monkeypatch.setenv("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
    assert endpoints_problem(str(ROOT / "endpoints.yml")) is None
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path}/absent/conversations.db")
    assert "TRACKER_STORE_URL = sqlite:///" in endpoints_problem(str(ROOT / "endpoints.yml"))
