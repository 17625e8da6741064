"""Rasa and the action server stay on loopback unless another address is set explicitly
(scripts/serve.py, used by scripts/run.sh, deploy/Procfile and deploy/systemd/)."""
import subprocess

import pytest

from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.stack import free_port, listening_addresses, wait_until_up

LOOPBACK = "0100007F"


def serve(*args, **env_changes) -> subprocess.CompletedProcess:
    env = project_env(**{k: v for k, v in env_changes.items() if v is not None})
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
    return subprocess.run([PYTHON, "scripts/serve.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_action_server_without_sanic_host_refuses_to_start():
    port = free_port()
    result = serve("actions", "--actions", "actions", "--port", str(port), SANIC_HOST=None)
    assert result.returncode == 2
    assert "Démarrage refusé" in result.stderr and "SANIC_HOST=127.0.0.1" in result.stderr
    assert listening_addresses(port) == []


@pytest.mark.parametrize("arguments, rasa_interface", [
    ([], None),  # rasa's own default: 0.0.0.0
    (["--interface", "0.0.0.0"], None),
    (["--interface", ""], None),  # an empty ${RASA_INTERFACE} in a systemd unit
    (["--interface", "10.0.0.5"], "127.0.0.1"),  # not the address that was chosen
])
def test_rasa_on_another_interface_without_rasa_interface_refuses(arguments, rasa_interface):
    port = free_port()
    result = serve("rasa", "run", "--model", "models/assistant.tar.gz", "--port", str(port), *arguments,
                   RASA_INTERFACE=rasa_interface)
    assert result.returncode == 2, result.stderr
    assert "Démarrage refusé : Rasa écouterait sur" in result.stderr and "RASA_INTERFACE" in result.stderr
    assert listening_addresses(port) == []


def test_an_explicit_address_is_accepted():
    import importlib.util
    spec = importlib.util.spec_from_file_location("serve", ROOT / "scripts" / "serve.py")
    serve_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_module)
    # Behind nginx on a private address: allowed because the operator wrote it in RASA_INTERFACE / SANIC_HOST.
    assert serve_module.rasa_problem(["run", "--interface", "10.0.0.5"], {"RASA_INTERFACE": "10.0.0.5"}) is None
    assert serve_module.rasa_problem(["run"], {"RASA_INTERFACE": "10.0.0.5"}) is None
    assert serve_module.actions_problem({"SANIC_HOST": "10.0.0.5"}) is None
    assert serve_module.rasa_problem(["run", "-i", "::1"], {}) is None


def test_action_server_started_through_serve_listens_on_loopback(tmp_path):
    port = free_port()
    log = tmp_path / "actions.log"
    process = subprocess.Popen([PYTHON, "scripts/serve.py", "actions", "--actions", "actions", "--port", str(port)],
                               cwd=ROOT, env=project_env(SANIC_HOST="127.0.0.1"), stdout=log.open("w"),
                               stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, log, timeout=120)
        addresses = listening_addresses(port)
        assert addresses and all(a == LOOPBACK for a in addresses), addresses
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_run_sh_and_deploy_start_servers_through_the_guard():
    run_sh = (ROOT / "scripts" / "run.sh").read_text()
    launchers = [run_sh, (ROOT / "deploy" / "Procfile").read_text()] + \
        [p.read_text() for p in (ROOT / "deploy" / "systemd").glob("*.service")]
    for text in launchers:
        commands = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        assert not any("-m rasa_sdk" in line or "bin/rasa run" in line for line in commands), text
    assert "scripts/serve.py actions" in run_sh and "scripts/serve.py rasa run" in run_sh
