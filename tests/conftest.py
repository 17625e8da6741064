"""Fixtures: the trained model, and the real stack (action server + Rasa + SQLite) on loopback."""
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.helpers import BIN, PYTHON, ROOT, project_env

MODEL = ROOT / "models" / "assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} s'est arrêté au démarrage :\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(1)
    raise RuntimeError(f"{url} n'a pas répondu en {timeout} s :\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def model_path() -> Path:
    if not MODEL.exists():
        pytest.fail("Aucun modèle entraîné : lancez `make test` (il entraîne d'abord) ou `make train`.")
    return MODEL


class Stack:
    """The running assistant, as a student's browser reaches it (REST channel)."""

    def __init__(self, rasa_url: str, action_url: str, db_path: Path, processes, logs):
        self.rasa_url = rasa_url
        self.action_url = action_url
        self.db_path = db_path
        self.processes = processes
        self.logs = logs

    @property
    def webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def post(self, body: bytes, content_type: str = "application/json"):
        request = urllib.request.Request(self.webhook, data=body, headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def say(self, sender: str, message: str):
        status, body = self.post(json.dumps({"sender": sender, "message": message}).encode())
        assert status == 200, f"HTTP {status}: {body[:300]!r}"
        return json.loads(body or b"[]")

    @staticmethod
    def new_sender() -> str:
        return "test-" + uuid.uuid4().hex


def start_stack(tmp: Path, model: Path, tracker_url: str = None) -> Stack:
    rasa_port, action_port = free_port(), free_port()
    db_path = tmp / "conversations.db"
    env = project_env(
        SANIC_HOST="127.0.0.1",
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook",
        TRACKER_STORE_URL=tracker_url or f"sqlite:///{db_path}",
    )
    logs = {name: tmp / f"{name}.log" for name in ("actions", "rasa")}
    actions = subprocess.Popen(
        [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)],
        cwd=ROOT, env=env, stdout=logs["actions"].open("w"), stderr=subprocess.STDOUT)
    wait_until_up(f"http://127.0.0.1:{action_port}/health", actions, logs["actions"])
    rasa = subprocess.Popen(
        [str(BIN / "rasa"), "run", "--model", str(model), "--endpoints", "endpoints.yml",
         "--credentials", "credentials.yml", "--interface", "127.0.0.1", "--port", str(rasa_port)],
        cwd=ROOT, env=env, stdout=logs["rasa"].open("w"), stderr=subprocess.STDOUT)
    wait_until_up(f"http://127.0.0.1:{rasa_port}/", rasa, logs["rasa"])
    return Stack(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", db_path,
                 [rasa, actions], logs)


def stop_stack(stack: Stack) -> None:
    for process in stack.processes:
        process.terminate()
    for process in stack.processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, model_path):
    running = start_stack(tmp_path_factory.mktemp("stack"), model_path)
    yield running
    stop_stack(running)
