"""The project's paths and the environment every child process of the harness starts with."""
import os
import sys
from pathlib import Path

from loading.paths import ROOT

PYTHON = sys.executable
BIN = Path(PYTHON).parent

__all__ = ["BIN", "PYTHON", "ROOT", "project_env"]


def project_env(**extra) -> dict:
    """This process's environment, with the project on PYTHONPATH, Rasa and TensorFlow quiet, and `extra`."""
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false",
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    env.update({k: str(v) for k, v in extra.items()})
    return env
