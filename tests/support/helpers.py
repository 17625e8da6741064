"""Shared helpers for the tests: paths, the project's Python, and reading what a student sees."""
import os
import re
import sys
from pathlib import Path

from core.textnorm import without_accents
from loading.paths import ROOT  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent


def project_env(**extra) -> dict:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false",
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def seen(replies) -> str:
    """Everything a student sees in the bot's replies: texts and button titles."""
    parts = []
    for r in replies:
        if r.get("text"):
            parts.append(r["text"])
        parts.extend(str(b.get("title", "")) for b in r.get("buttons") or [])
    return "\n".join(parts)


def norm(text: str) -> str:
    """Lower-case, no accents, no thousands separators: "30 000 €" -> "30000 €"."""
    text = without_accents(text)
    text = re.sub(r"[\u00a0\u202f]", " ", text)
    return re.sub(r"(\d) (?=\d{3}\b)", r"\1", text)
