"""Fixtures: the trained model, and the real stack (action server + Rasa + SQL tracker store) on loopback."""
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


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 240) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} s'est arrêté au démarrage :\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} n'a pas répondu en {timeout} s :\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def model_path() -> Path:
    if not MODEL.exists():
        pytest.fail("Aucun modèle entraîné : lancez `make test` (il entraîne d'abord) ou `make train`.")
    return MODEL


class Stack:
    """The running assistant, as a student's browser reaches it (REST channel).

    Rasa and the action server are separate processes that a test may stop and start again,
    as a deployment or a crash would.
    """

    def __init__(self, tmp: Path, model: Path, tracker_url: str = None, rasa_options=(), actions_options=()):
        self.tmp = tmp
        self.model = model
        self.rasa_options, self.actions_options = list(rasa_options), list(actions_options)
        self.rasa_port, self.action_port = free_port(), free_port()
        self.page_port = free_port()  # a page served from http://127.0.0.1:<page_port> may call Rasa (CORS)
        self.db_path = tmp / "conversations.db"
        self.env = project_env(
            SANIC_HOST="127.0.0.1",
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            TRACKER_STORE_URL=tracker_url or f"sqlite:///{self.db_path}",
        )
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        self.actions = self.rasa = None
        self.starts = 0

    def _log(self, name: str) -> Path:
        self.starts += 1
        return self.tmp / f"{name}-{self.starts}.log"

    def start_actions(self) -> None:
        log = self._log("actions")
        self.actions = subprocess.Popen(
            [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port),
             *self.actions_options],
            cwd=ROOT, env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        self.actions_log = log
        wait_until_up(f"{self.action_url}/health", self.actions, log)

    def start_rasa(self) -> None:
        log = self._log("rasa")
        self.rasa = subprocess.Popen(
            [str(BIN / "rasa"), "run", "--model", str(self.model), "--endpoints", "endpoints.yml",
             "--credentials", "credentials.yml", "--interface", "127.0.0.1", "--port", str(self.rasa_port),
             "--cors", f"http://127.0.0.1:{self.page_port}", *self.rasa_options],
            cwd=ROOT, env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        self.rasa_log = log
        wait_until_up(f"{self.rasa_url}/", self.rasa, log)

    def start(self) -> "Stack":
        self.start_actions()
        self.start_rasa()
        return self

    @staticmethod
    def _stop(process) -> None:
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_actions(self) -> None:
        self._stop(self.actions)

    def stop_rasa(self) -> None:
        self._stop(self.rasa)

    def stop(self) -> None:
        self.stop_rasa()
        self.stop_actions()

    @property
    def webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def post(self, body: bytes, content_type: str = "application/json", headers=None):
        request = urllib.request.Request(self.webhook, data=body,
                                         headers={"Content-Type": content_type, **(headers or {})})
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


@pytest.fixture(scope="session")
def stack(tmp_path_factory, model_path):
    running = Stack(tmp_path_factory.mktemp("stack"), model_path).start()
    yield running
    running.stop()
