"""The tracker store's password never reaches a log (SQLAlchemy 1.4.54 prints it in str(URL), SECURITY.md).

A real PostgreSQL that requires a password; Rasa and the action server are started with
TRACKER_STORE_URL=postgresql://assistant:<random secret>@127.0.0.1:<port>/assistant, in debug mode
(the most talkative a school could run them), and their whole output is searched for the secret
while conversations are stored. The error paths, where database libraries print connection details
(the database refuses the password or cannot be reached), now stop Rasa at start: their output is
searched in tests/stack/test_database_at_start.py.
"""
import secrets

import pytest
import sqlalchemy as sa

from stack.postgres import Postgres
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
