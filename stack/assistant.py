"""The real assistant: action server + `rasa run` (REST channel, SQL tracker store) on free loopback ports,
on the knowledge folder the caller names; waits until each answers, stops them. And widget/serve.py."""
import contextlib
import json
import os
import signal
import subprocess
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Optional

from stack.env import BIN, PYTHON, ROOT, project_env
from stack.processes import free_ports, stop_process, wait_until_up

MODEL = ROOT / "models" / "assistant.tar.gz"


class Stack:
    """The running assistant, as a student's browser reaches it (REST channel).

    Rasa and the action server are separate processes that a test may stop and start again, as a
    deployment or a crash would. The action server reads `knowledge` (ASSISTANT_KNOWLEDGE_DIR), the
    folder the caller names: the harness never falls back on the project's live knowledge/.
    """

    def __init__(self, tmp: Path, model: Path = MODEL, tracker_url: str = None, rasa_options=(),
                 actions_options=(), endpoints="endpoints.yml", credentials="credentials.yml", *,
                 knowledge: Path, extra_env: Optional[dict] = None, name: str = "",
                 cors: bool = True, start_timeout: float = 240):
        self.tmp, self.model, self.name = Path(tmp), model, name
        self.rasa_options, self.actions_options = list(rasa_options), list(actions_options)
        self.endpoints, self.credentials, self.start_timeout = str(endpoints), str(credentials), start_timeout
        # a page served from http://127.0.0.1:<page_port> may call Rasa (CORS)
        self.rasa_port, self.action_port, self.page_port = free_ports(3)
        self.cors = cors
        self.db_path = self.tmp / f"conversations{'-' + name if name else ''}.db"
        self.knowledge = Path(knowledge)
        self.env = project_env(
            SANIC_HOST="127.0.0.1",
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            TRACKER_STORE_URL=tracker_url or f"sqlite:///{self.db_path}",
            ASSISTANT_KNOWLEDGE_DIR=self.knowledge,
            # the action server's copy of the last valid knowledge (actions/live_school.py) stays here
            ASSISTANT_LAST_VALID_DIR=self.tmp / f"knowledge-last-valid{'-' + name if name else ''}",
            **(extra_env or {}))
        self.address = f"127.0.0.1:{self.rasa_port}"
        self.rasa_url = f"http://{self.address}"
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        self.actions = self.rasa = None
        self.starts = 0

    def _log(self, kind: str) -> Path:
        self.starts += 1
        return self.tmp / f"{kind}{'-' + self.name if self.name else ''}-{self.starts}.log"

    # -- starting: launch_* returns at once, wait_* until the server answers ---------------------
    def launch_actions(self) -> None:
        self.actions_log = self._log("actions")
        self.actions = subprocess.Popen(
            [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port),
             *self.actions_options],
            cwd=ROOT, env=self.env, stdout=self.actions_log.open("w"), stderr=subprocess.STDOUT)

    def launch_rasa(self) -> None:
        self.rasa_log = self._log("rasa")
        cors = ["--cors", f"http://127.0.0.1:{self.page_port}"] if self.cors else []
        self.rasa = subprocess.Popen(
            [str(BIN / "rasa"), "run", "--model", str(self.model), "--endpoints", self.endpoints,
             "--credentials", self.credentials, "--interface", "127.0.0.1", "--port", str(self.rasa_port),
             *cors, *self.rasa_options],
            cwd=ROOT, env=self.env, stdout=self.rasa_log.open("w"), stderr=subprocess.STDOUT)

    def wait_actions(self) -> float:
        return wait_until_up(f"{self.action_url}/health", self.actions, self.actions_log, self.start_timeout)

    def wait_rasa(self) -> float:
        return wait_until_up(f"{self.rasa_url}/", self.rasa, self.rasa_log, self.start_timeout)

    def start_actions(self) -> float:
        self.launch_actions()
        return self.wait_actions()

    def start_rasa(self) -> float:
        self.launch_rasa()
        return self.wait_rasa()

    def start(self) -> "Stack":
        self.start_actions()
        self.start_rasa()
        return self

    # -- another knowledge folder, same Rasa ---------------------------------------------------
    def serve_knowledge(self, knowledge: Path) -> None:
        """Answer from another knowledge folder: only the action server restarts, on that folder (Rasa's
        model reads no knowledge), seconds where a new stack would load the model again."""
        knowledge = Path(knowledge)
        if knowledge == self.knowledge:
            return
        self.knowledge = knowledge
        self.env["ASSISTANT_KNOWLEDGE_DIR"] = str(knowledge)
        self.stop_actions()
        self.start_actions()

    @contextlib.contextmanager
    def serving(self, knowledge: Path):
        """The stack on `knowledge` for the block, back on its previous folder afterwards."""
        previous = self.knowledge
        self.serve_knowledge(knowledge)
        try:
            yield self
        finally:
            self.serve_knowledge(previous)

    # -- stopping ------------------------------------------------------------------------------
    def stop_actions(self) -> None:
        stop_process(self.actions)

    def stop_rasa(self) -> None:
        stop_process(self.rasa)

    def kill_rasa(self) -> None:
        """SIGKILL, as a crash: no chance to finish what it was doing."""
        os.kill(self.rasa.pid, signal.SIGKILL)
        self.rasa.wait(timeout=30)

    def stop(self) -> None:
        self.stop_rasa()
        self.stop_actions()

    # -- talking to it -------------------------------------------------------------------------
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


class WidgetServer:
    """widget/serve.py (the widget's dev server) on a port, talking to a Rasa URL."""

    def __init__(self, port: int, rasa_url: str, log: Path, env: Optional[dict] = None):
        self.port, self.log = port, log
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [PYTHON, str(ROOT / "widget" / "serve.py"), str(port), "--server", rasa_url],
            cwd=ROOT, env={**(env or project_env()), "WIDGET_QUIET": "1"},
            stdout=log.open("w"), stderr=subprocess.STDOUT)
        try:
            wait_until_up(self.base + "/widget.js", self.process, log, timeout=30)
        except RuntimeError:
            stop_process(self.process)
            raise

    def stop(self) -> None:
        stop_process(self.process, timeout=10)
