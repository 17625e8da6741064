"""`make review` leaves apart the messages the assistant handled correctly by design (markup, injections,
other scripts): a trainer annotates only real questions. No model needed: the tracker store is written here."""
import json
import sqlite3
import subprocess

import pytest
import yaml

from tests.support.helpers import PYTHON, ROOT, project_env
from trainer.review.common import annotations
from trainer.review.text import probe_reason

# The probes of tests/stack/test_hostile_input.py, as students' messages the assistant did not understand.
PROBES = ["<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE events; --",
          "1 OR 1=1", "{{7*7}} ${jndi:ldap://x}", "这个工作的工资是多少？", "ما هو الراتب؟"]
REAL = ["je veux bosser à l'ONU c possible", "le métier est-il menacé par l'intelligence artificielle"]


@pytest.mark.parametrize("text", PROBES)
def test_a_probe_is_recognised(text):
    assert probe_reason(text)


@pytest.mark.parametrize("text", REAL + ["c'est quoi le salaire en 2024 ?", "j'aime les <3 jeux", "l'été"])
def test_a_real_question_is_not_a_probe(text):
    assert probe_reason(text) is None


def tracker_store(path, messages):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                   "timestamp REAL, data TEXT)")
        for number, text in enumerate(messages):
            parse = {"intent": {"name": "nlu_fallback", "confidence": 0.3},
                     "intent_ranking": [{"name": "hors_sujet", "confidence": 0.3}]}
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
                       (f"eleve{number}", 1_700_000_000 + number, json.dumps({"text": text, "parse_data": parse})))


def test_the_review_queue_lists_probes_apart(tmp_path):
    base, output = tmp_path / "conversations.db", tmp_path / "a_relire.yml"
    tracker_store(base, PROBES + REAL)
    result = subprocess.run([PYTHON, "-m", "trainer.review", "export", "--base", f"sqlite:///{base}",
                             "--sortie", str(output)], cwd=ROOT, env=project_env(), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(REAL)} message(s) à relire" in result.stdout
    assert f"{len(PROBES)} message(s) de test ou d'attaque" in result.stdout and "inutile de les annoter" in result.stdout
    text = output.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    to_annotate = [m["texte"] for g in data["groupes"] for m in g["messages"]]
    assert sorted(to_annotate) == sorted(REAL)
    assert sorted(m["texte"] for m in data["a_ignorer"]) == sorted(PROBES)
    # The part a trainer can skip comes last, under its own heading.
    assert text.index("# À IGNORER") > text.index("groupes:")
    assert "Vous pouvez sauter cette partie." in text
    # The import reads only the groups.
    assert [m["texte"] for m in annotations(data)] == to_annotate
