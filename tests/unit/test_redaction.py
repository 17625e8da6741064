"""Database addresses in the trainers' and the web team's error messages never show the password,
and a database that cannot be reached gets a French message, not a stack trace."""
import os
import subprocess
import sys

import pytest

from loading.redact import shown_url
from tests.support.helpers import ROOT
from tests.support.stack import free_port
from trainer.review.common import ReviewError
from trainer.review.conversations import read_events

SECRET = "motdepasse-tres-secret"


def unreachable_url() -> str:
    return f"postgresql://assistant:{SECRET}@127.0.0.1:{free_port()}/assistant"  # nothing listens there


def test_shown_url_hides_the_password_and_keeps_the_rest():
    shown = shown_url(f"postgresql://assistant:{SECRET}@db.ecole.fr:5432/assistant")
    assert SECRET not in shown
    assert shown == "postgresql://assistant:***@db.ecole.fr:5432/assistant"
    assert shown_url("sqlite:///var/conversations.db") == "sqlite:///var/conversations.db"
    assert SECRET not in shown_url(f"ceci n'est pas {SECRET} une adresse")


def test_review_cannot_read_the_database_and_says_where_without_the_password():
    with pytest.raises(ReviewError) as error:
        read_events(unreachable_url(), ROOT, None)
    message = str(error.value)
    assert message.startswith("Impossible de lire les conversations dans postgresql://assistant:***@127.0.0.1")
    assert SECRET not in message


@pytest.mark.parametrize("kind", ["serveur-injoignable", "pas-une-adresse"])
def test_forget_explains_an_unusable_database_without_the_password_nor_a_traceback(kind):
    # The port is picked when the test runs (a stable test id: parallel workers collect the same tests).
    url = unreachable_url() if kind == "serveur-injoignable" else f"pas-une-adresse-{SECRET}"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "forget.py"), "--sender", "eleve-1"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env=dict(os.environ, TRACKER_STORE_URL=url))
    assert result.returncode == 1
    assert "Impossible de modifier la base des conversations" in result.stderr
    assert "TRACKER_STORE_URL" in result.stderr and "Rien n'a été supprimé" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert SECRET not in result.stderr + result.stdout
