"""A newcomer's first commands on a fresh clone, in the order README.md gives them, before any
`make run`: each one ends with a French sentence, never a Python traceback.

The clone is a `git clone` of this repository (only what is committed), with the project's virtualenv
linked in; `make` runs there as a newcomer would type it. `make report` is not run here: it trains a
model first (tests/stack/test_report.py covers it).
"""
import os
import re
import subprocess

import pytest

from tests.support.helpers import ROOT

PASSWORD = "un-mot-de-passe-de-nouveau"
FRENCH = re.compile(r"\b(compte|conversation|aucune?|rien|supprimée?\(s\)|relire|Indiquez|identifiant)\b", re.I)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nouveau") / "projet"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(folder)], check=True, timeout=120)
    os.symlink(ROOT / ".venv", folder / ".venv")
    # the clone's files are newer than the shared virtualenv's stamp: `make install` would reinstall
    # the same pins into it; `-o` tells make that the installation is done
    return folder


def make(clone, *args, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("TRACKER_STORE_URL", "CONSOLE_", "ASSISTANT_KNOWLEDGE_DIR", "PYTEST"))}
    environment.update(env)
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", *args], cwd=clone,
                          env=environment, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def said(done: subprocess.CompletedProcess) -> str:
    shown = done.stdout + done.stderr
    assert "Traceback" not in shown, shown
    assert FRENCH.search(shown), shown
    return shown


def test_a_newcomers_commands_in_order_say_what_happened_in_french(clone):
    assert not (clone / "var").exists()
    # an account before the first `make run`: var/ and the database are created
    shown = said(make(clone, "console-user", "LOGIN=c.martin", "ROLE=conseiller", CONSOLE_PASSWORD=PASSWORD))
    assert "compte créé pour « c.martin »" in shown and (clone / "var" / "conversations.db").exists()
    # forgetting the LOGIN, or a weak password: a French sentence, no traceback
    assert "Indiquez l'identifiant" in said(make(clone, "console-user", "ROLE=conseiller"))
    weak = make(clone, "console-user", "LOGIN=f.durand", "ROLE=formateur", CONSOLE_PASSWORD="password1234")
    assert weak.returncode != 0 and "trop courant" in said(weak)
    # the review queue: no student has written yet
    review = make(clone, "review")
    assert review.returncode == 0 and "rien à relire" in said(review)
    assert not (clone / "reports" / "a_relire.yml").exists()
    # erasing a conversation, purging: nothing there yet
    forget = make(clone, "forget", "SENDER=web-inconnu")
    assert forget.returncode == 0 and "0 événement" not in forget.stderr
    said(forget)
    assert "Indiquez la conversation" in said(make(clone, "forget"))
    purge = make(clone, "purge")
    assert purge.returncode == 0
    said(purge)


def test_make_console_user_without_var_and_without_a_terminal_says_how(clone):
    done = make(clone, "console-user", "LOGIN=s.terminal", "ROLE=conseiller")
    assert done.returncode != 0
    assert "Aucun terminal pour taper le mot de passe" in said(done)
