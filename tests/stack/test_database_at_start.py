"""A conversations database that cannot be used stops the assistant at start, with a French message
naming the setting, the fault and the fix; never a Rasa that serves and keeps conversations in memory
only (stock Rasa 3.6 does that). A database that goes away later, while Rasa runs, is another matter:
the student still gets answers, and the conversation is stored again once the database is back.

A real PostgreSQL that requires a password, on loopback (stack/postgres.py). Rasa is started
the three ways a school starts it: `rasa run` directly, scripts/serve.py (deploy/Procfile, systemd) and
scripts/run.sh (make run). The runs that fail are in --debug mode (the most talkative) and their whole
output is also searched for the password (SECURITY.md: the password reaches no log).
"""
import json
import secrets
import subprocess
import time
import urllib.error
import urllib.request

import pytest
import sqlalchemy as sa

from stack.postgres import Postgres
from tests.support.helpers import PYTHON, ROOT, norm, project_env, seen
from tests.support.knowledge import amounts
from tests.support.stack import Stack, free_port, listening_addresses

# A minute or more in all, its servers shared by its tests: started first (tests/stack/conftest.py).
pytestmark = pytest.mark.long

SECRET = "pg-" + secrets.token_hex(16)
START_BOUND_SECONDS = 120  # `rasa run` imports for ~10 s on a quiet machine; the check comes right after
EXIT_CODE = 3  # rasa_ext.database_check.EXIT_CODE
DEPLOY_ENV = {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379", "REDIS_PASSWORD": "x", "REDIS_DB": "1"}


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(free_port(), password=SECRET).start()
    # A role that may log in but not create tables (PostgreSQL 15: only the owner creates in public),
    # in a database of its own, as a school's DBA might hand out.
    engine = sa.create_engine(url(server), isolation_level="AUTOCOMMIT")
    with engine.connect() as db:
        db.execute(sa.text(f"CREATE ROLE lecteur LOGIN PASSWORD '{SECRET}'"))
        db.execute(sa.text("CREATE DATABASE droits OWNER assistant"))
    engine.dispose()
    yield server
    server.stop()


def url(postgres: Postgres, password: str = SECRET, port: int = None, database: str = "assistant",
        user: str = "assistant") -> str:
    return f"postgresql://{user}:{password}@127.0.0.1:{port or postgres.port}/{database}"


WRONG_PASSWORD = "pg-" + secrets.token_hex(16)
CASES = {
    # id: (URL from the running server, words of the fault in the message, words of the fix)
    "mot-de-passe-refuse": (lambda pg: url(pg, password=WRONG_PASSWORD),
                            "la base refuse l'utilisateur ou le mot de passe", "postgresql://utilisateur:mot_de_passe@"),
    "serveur-injoignable": (lambda pg: url(pg, port=free_port()),
                            "le serveur de base de données est injoignable", "que PostgreSQL est démarré"),
    "base-absente": (lambda pg: url(pg, database="assistant_absente"),
                     "la base de données indiquée n'existe pas", "createdb"),
    "droits-insuffisants": (lambda pg: url(pg, user="lecteur", database="droits"),
                            "la table events des conversations n'a pas pu être créée", "ALTER DATABASE"),
}


def answers(address: str) -> bool:
    try:
        urllib.request.urlopen(address, timeout=1).close()
    except urllib.error.HTTPError:
        return True  # any HTTP status: the server is serving
    except (urllib.error.URLError, ConnectionError, OSError):
        return False
    return True


def started_then_exited(stack: Stack, timeout: float = START_BOUND_SECONDS):
    """Wait for `rasa run` to end, failing if it ever answers HTTP meanwhile: (exit code, seconds, output)."""
    start = time.monotonic()
    while stack.rasa.poll() is None:
        log = stack.rasa_log.read_text()[-3000:]
        assert time.monotonic() - start < timeout, f"Rasa tourne encore après {timeout} s :\n{log}"
        assert not answers(stack.rasa_url), f"Rasa répond alors que la base est inutilisable :\n{log}"
        time.sleep(0.3)
    return stack.rasa.returncode, time.monotonic() - start, stack.rasa_log.read_text()


def assert_clear_stop(output: str, fault: str, fix: str) -> None:
    assert f"L'assistant ne démarre pas : {fault}" in output
    assert "Réglage en cause : TRACKER_STORE_URL = postgresql://" in output and ":***@127.0.0.1:" in output
    assert "À corriger : " in output and fix in output
    assert "Traceback" not in output  # a message, not a stack of errors
    assert SECRET not in output and WRONG_PASSWORD not in output


# Each fault through a real `rasa run` (~8 s of imports each) where Rasa's own path differs: a login
# refused (both endpoints files), a table that cannot be created (only Rasa's store tries). The faults
# found at connection are classified by the same rasa_ext.database_check.connection_problem that Rasa's
# store calls: test_the_connection_faults_are_told_apart_before_rasa_starts, without Rasa's imports.
RASA_RUN_CASES = [("mot-de-passe-refuse", "endpoints.yml"), ("mot-de-passe-refuse", "deploy/endpoints.yml"),
                  ("droits-insuffisants", "endpoints.yml")]
CONNECTION_CASES = ["serveur-injoignable", "base-absente", "mot-de-passe-refuse"]


@pytest.mark.parametrize("case, endpoints", RASA_RUN_CASES)
def test_rasa_run_stops_on_an_unusable_database(case, endpoints, postgres, model_path, tmp_path):
    make_url, fault, fix = CASES[case]
    stack = Stack(tmp_path, model_path, tracker_url=make_url(postgres), endpoints=ROOT / endpoints,
                  rasa_options=["--debug"], extra_env=DEPLOY_ENV)
    stack.launch_rasa()
    try:
        code, seconds, output = started_then_exited(stack)
    finally:
        stack.stop_rasa()
    assert code == EXIT_CODE, output[-3000:]
    assert_clear_stop(output, fault, fix)
    assert "InMemoryTrackerStore" not in output  # Rasa did not get as far as falling back
    print(f"{case} ({endpoints}) : arrêt en {seconds:.1f} s")


@pytest.mark.parametrize("case", CONNECTION_CASES)
def test_the_connection_faults_are_told_apart_before_rasa_starts(case, postgres):
    """What scripts/run.sh runs first (python -m rasa_ext.database_check endpoints.yml)."""
    make_url, fault, fix = CASES[case]
    result = subprocess.run([PYTHON, "-m", "rasa_ext.database_check", "endpoints.yml"], cwd=ROOT,
                            env={**launcher_env(postgres), "TRACKER_STORE_URL": make_url(postgres)}, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == EXIT_CODE, result.stdout + result.stderr
    assert_clear_stop(result.stderr + result.stdout, fault, fix)


def test_rasa_run_stops_on_a_sqlite_file_in_a_missing_folder(model_path, tmp_path):
    folder = tmp_path / "var"  # `rasa run` without the `mkdir -p var` of make run
    stack = Stack(tmp_path, model_path, tracker_url=f"sqlite:///{folder}/conversations.db")
    stack.launch_rasa()
    try:
        code, _, output = started_then_exited(stack)
    finally:
        stack.stop_rasa()
    assert code == EXIT_CODE, output[-3000:]
    assert f"L'assistant ne démarre pas : le dossier {folder} n'existe pas" in output
    assert "Réglage en cause : TRACKER_STORE_URL = sqlite:///" in output and f"mkdir -p {folder}" in output
    assert "Traceback" not in output


def launcher_env(postgres: Postgres, **ports) -> dict:
    return project_env(TRACKER_STORE_URL=url(postgres, password=WRONG_PASSWORD), RASA_INTERFACE="127.0.0.1",
                       SANIC_HOST="127.0.0.1", ACTION_ENDPOINT_URL=f"http://127.0.0.1:{free_port()}/webhook",
                       **DEPLOY_ENV, **{name: str(port) for name, port in ports.items()})


def run_launcher(command: list, env: dict) -> subprocess.CompletedProcess:
    start = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == EXIT_CODE, f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
    assert time.monotonic() - start < 30  # before Rasa's imports and the model: seconds, not a minute
    assert_clear_stop(result.stderr, "la base refuse l'utilisateur ou le mot de passe", "postgresql://")
    return result


def test_serve_py_stops_within_seconds_even_with_several_workers(postgres):
    """deploy/Procfile and systemd start Rasa through scripts/serve.py. With SANIC_WORKERS > 1 the check
    inside Rasa could only stop the workers (the main process would then end with code 0): serve.py
    checks first, so systemd sees a failure."""
    port = free_port()
    run_launcher([PYTHON, "scripts/serve.py", "rasa", "run", "--model", "models/assistant.tar.gz",
                  "--endpoints", "deploy/endpoints.yml", "--port", str(port)],
                 dict(launcher_env(postgres), SANIC_WORKERS="2"))
    assert listening_addresses(port) == []


@pytest.mark.xdist_group("dossier-du-projet")  # scripts/run.sh writes this folder's var/logs/
@pytest.mark.skipif((ROOT / ".env").exists(), reason="scripts/run.sh lirait le .env de ce dossier à la place")
def test_make_run_stops_before_starting_anything(postgres):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WIDGET_PORT": free_port()}
    result = run_launcher(["scripts/run.sh"], launcher_env(postgres, **ports))
    assert "Assistant prêt" not in result.stdout and "✓" not in result.stdout
    assert result.returncode == 3
    for port in ports.values():
        assert listening_addresses(port) == []


def stored_messages(database_url: str, sender: str) -> list:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as db:
            return [json.loads(data).get("text") for (data,) in db.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": sender})]
    finally:
        engine.dispose()


def test_a_database_outage_while_running_still_answers_the_student(postgres, model_path, tmp_path):
    """What Rasa's FailSafeTrackerStore does, kept: during the outage the student gets an answer (not an
    error, not silence), without the context, and that exchange is not stored; once the database is
    back, the conversation goes on from what was stored, and is stored again."""
    beginner, confirmed = amounts("debutant"), amounts("confirme")
    stack = Stack(tmp_path, model_path, tracker_url=url(postgres)).start()
    sender = stack.new_sender()
    try:
        assert all(a in norm(seen(stack.say(sender, "combien gagne un débutant ?"))) for a in beginner)
        postgres.pause()
        try:
            during = norm(seen(stack.say(sender, "combien gagne un senior ?")))  # stack.say: HTTP 200 or fails
            assert all(a in during for a in confirmed), during
        finally:
            postgres.resume()
        after = norm(seen(stack.say(sender, "et pour un senior ?")))
        assert all(a in after for a in confirmed), after  # the salary topic, read back from the database
    finally:
        stack.stop()
    stored = stored_messages(url(postgres), sender)
    assert stored[0] == "combien gagne un débutant ?" and stored[-1] == "et pour un senior ?"
