"""The tracker store's password never reaches a log (SQLAlchemy 1.4.54 prints it in str(URL), SECURITY.md).

A real PostgreSQL that requires a password; Rasa and the action server are started with
TRACKER_STORE_URL=postgresql://assistant:<random secret>@127.0.0.1:<port>/assistant, in debug mode
(the most talkative a school could run them), and their whole output is searched for the secret:
while conversations are stored, and when the database refuses the password or cannot be reached
(the error paths, where database libraries print connection details).
"""
import secrets
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.support.postgres import Postgres
from tests.support.stack import Stack, free_port

SECRET = "pg-" + secrets.token_hex(16)


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(free_port(), password=SECRET).start()
    yield server
    server.stop()


def secret_url(postgres: Postgres, password: str = SECRET, port: int = None) -> str:
    return "postgresql://assistant:" + password + f"@127.0.0.1:{port or postgres.port}/assistant"


def test_the_password_is_in_no_log_while_conversations_are_stored(tmp_path, model_path, postgres):
    stack = Stack(tmp_path, model_path, tracker_url=secret_url(postgres),
                  rasa_options=["--debug"], actions_options=["--debug"]).start()
    try:
        sender = stack.new_sender()
        for message in ("bonjour", "combien gagne un débutant ?", "quelles sont les missions ?"):
            assert stack.say(sender, message), message
    finally:
        stack.stop()

    # The conversation really went through the password-protected database...
    engine = sa.create_engine(secret_url(postgres))
    try:
        with engine.connect() as db:
            stored = db.execute(sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    finally:
        engine.dispose()
    assert stored > 3
    rasa_log, actions_log = stack.rasa_log.read_text(), stack.actions_log.read_text()
    # ...the logs are the debug ones (Rasa writes where it connects, the action server the actions it ran)...
    assert "Attempting to connect to database" in rasa_log and "postgresql://assistant:" in rasa_log
    assert "action_" in actions_log
    # ...and the password is in neither.
    assert SECRET not in rasa_log
    assert SECRET not in actions_log


def logs_after_a_message(tmp_path: Path, model_path: Path, url: str) -> str:
    """Rasa and the action server with a tracker store they cannot use: Rasa still starts (it logs the
    error and keeps the conversation in memory), so a message goes through the error path too."""
    stack = Stack(tmp_path, model_path, tracker_url=url, rasa_options=["--debug"], actions_options=["--debug"])
    try:
        stack.start()
        stack.post(b'{"sender": "secret-test", "message": "combien gagne un debutant ?"}')
    finally:
        stack.stop()
    return stack.rasa_log.read_text() + stack.actions_log.read_text()


def test_a_refused_password_is_not_logged(tmp_path, model_path, postgres):
    wrong = "pg-" + secrets.token_hex(16)
    output = logs_after_a_message(tmp_path, model_path, secret_url(postgres, password=wrong))
    assert "password authentication failed" in output  # the error path ran
    assert "Error happened when trying to" in output  # ... for the message too
    assert wrong not in output


def test_an_unreachable_database_does_not_log_the_password(tmp_path, model_path, postgres):
    output = logs_after_a_message(tmp_path, model_path, secret_url(postgres, port=free_port()))
    assert "Connection refused" in output and "Error happened when trying to" in output
    assert SECRET not in output
