"""`make run` (scripts/run.sh) as a newcomer sees it: a few French lines saying what starts, where and
when it is ready; the assistant announced only once a factual question gets its answer; the full logs
in var/logs/. Run on free ports and the behaviour knowledge, with the trained model."""
import json
import os
import re
import signal
import subprocess
import time
import urllib.request

import pytest

from tests.support.helpers import ROOT, norm, project_env, seen
from tests.support.knowledge import amounts, behaviour_knowledge
from tests.support.stack import free_port

# make test's workers (pytest-xdist): the commands run in the project folder itself (var/logs/, var/cache/) run in one worker, one at a time
pytestmark = pytest.mark.xdist_group("dossier-du-projet")


def test_make_run_announces_the_assistant_only_when_it_answers_and_prints_only_french_lines(model_path, tmp_path):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WIDGET_PORT": free_port(),
             "CONSOLE_PORT": free_port()}
    env = {**project_env(), **{k: str(v) for k, v in ports.items()},
           "ASSISTANT_KNOWLEDGE_DIR": str(behaviour_knowledge()),
           "TRACKER_STORE_URL": f"sqlite:///{tmp_path}/conversations.db"}
    for name in ("VERBOSE", "RASA_CORS_ORIGINS", "WIDGET_SERVER_URL", "CONSOLE_PUBLIC_URL"):
        env.pop(name, None)
    out = tmp_path / "terminal.txt"
    process = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=out.open("w"),
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while "Assistant prêt" not in out.read_text(encoding="utf-8"):
            assert process.poll() is None, out.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, out.read_text(encoding="utf-8")
            time.sleep(0.1)
        # At once after the announcement: a factual answer, not an apology nor « redémarrer ».
        body = json.dumps({"sender": "verification-demarrage", "message": "combien gagne un débutant ?"}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{ports['RASA_PORT']}/webhooks/rest/webhook", body,
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            reply = norm(seen(json.load(response)))
        assert all(a in reply for a in amounts("debutant")), reply
        # The school's console is up too, on loopback, with its French sign-in page.
        with urllib.request.urlopen(f"http://127.0.0.1:{ports['CONSOLE_PORT']}/connexion", timeout=10) as response:
            assert "Connexion" in response.read().decode("utf-8")
        # Ports other than the defaults, end to end: the demo page's widget talks to this Rasa, which lets
        # the page's origin in (CORS), and the widget finds this console.
        widget = f"http://127.0.0.1:{ports['WIDGET_PORT']}"
        with urllib.request.urlopen(widget + "/", timeout=10) as response:
            assert 'data-server="http://localhost:%d"' % ports["RASA_PORT"] in response.read().decode("utf-8")
        with urllib.request.urlopen(widget + "/widget-config.json", timeout=10) as response:
            assert json.load(response)["console"] == f"http://127.0.0.1:{ports['CONSOLE_PORT']}"
        page = f"http://localhost:{ports['WIDGET_PORT']}"
        preflight = urllib.request.Request(
            f"http://127.0.0.1:{ports['RASA_PORT']}/webhooks/rest/webhook", method="OPTIONS",
            headers={"Origin": page, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type"})
        with urllib.request.urlopen(preflight, timeout=10) as response:
            assert response.headers["Access-Control-Allow-Origin"] == page
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=60)
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert not [line for line in lines if re.search(r"Warning|Traceback|DEBUG|INFO", line)], lines
    assert lines[0].startswith("Démarrage de l'assistant") and "var/logs" in lines[0]
    assert any(line.startswith("✓ Serveur d'actions") for line in lines)
    assert any(f"http://localhost:{ports['RASA_PORT']}/webhooks/rest/webhook" in line for line in lines)
    assert any(line.startswith("✓ Console de l'école") for line in lines), lines
    assert any(f"http://127.0.0.1:{ports['CONSOLE_PORT']}/" in line and "make console-user" in line for line in lines)
    assert len(lines) <= 12, lines
    assert (ROOT / "var" / "logs" / "rasa.log").stat().st_size > 0  # the full logs are kept
